//! Contract tests: the Management client parses the API's answers in the
//! exact shapes of the recordings and of every documented variant
//! (`tests/fixtures/management-client.json`, the project's own values), and
//! each error gets its exit code and hint.

use serde_json::Value;

use super::types::{Blocks, MethodsPage, UsersPage};
use super::{AuthenticationMethod, User, error};
use crate::auth0::Answer;
use crate::error::Failure;

const FIXTURES: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/management-client.json"
));

fn answer(case: &Value) -> Answer {
    crate::auth0::fixtures::answer(case, "https://contract.example/api/v2/x")
}

fn parsed<T: serde::de::DeserializeOwned>(name: &str, case: &Value) -> T {
    error::judge(answer(case))
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .into_result()
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn count(expect: &Value) -> usize {
    expect["count"].as_u64().unwrap() as usize
}

#[test]
fn every_recorded_and_documented_shape_parses() {
    let cases = crate::auth0::fixtures::cases(FIXTURES);
    assert!(cases.len() >= 20);
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let expect = &case["expect"];
        match expect["kind"].as_str().unwrap() {
            "users" => {
                let users: Vec<User> = parsed(name, case);
                assert_eq!(users.len(), count(expect), "{name}");
                if let Some(connection) = expect.get("connection") {
                    assert_eq!(users[0].connection(), connection.as_str(), "{name}");
                }
            }
            "search" => {
                let users = parsed::<UsersPage>(name, case).into_users();
                assert_eq!(users.len(), count(expect), "{name}");
            }
            "user" => {
                let user: User = parsed(name, case);
                assert_eq!(user.user_id, expect["user_id"].as_str().unwrap(), "{name}");
            }
            "methods" => {
                let (methods, _) = parsed::<MethodsPage>(name, case).into_parts();
                assert_eq!(methods.len(), count(expect), "{name}");
                let pending = methods.iter().filter(|m| m.is_pending()).count();
                assert_eq!(
                    pending as u64,
                    expect["pending"].as_u64().unwrap(),
                    "{name}"
                );
            }
            "method" => {
                let method: AuthenticationMethod = parsed(name, case);
                assert_eq!(method.id, expect["id"].as_str().unwrap(), "{name}");
                assert!(
                    !method.is_pending(),
                    "{name}: created methods are confirmed"
                );
            }
            "blocks" => {
                let blocks: Blocks = parsed(name, case);
                assert_eq!(blocks.blocked_for.len(), count(expect), "{name}");
            }
            "not_blocks" => {
                let answer = error::judge(answer(case)).unwrap_or_else(|e| panic!("{name}: {e}"));
                assert!(answer.into_result::<Blocks>().is_err(), "{name}");
            }
            "empty" => {
                error::judge(answer(case))
                    .unwrap_or_else(|e| panic!("{name}: {e}"))
                    .into_empty()
                    .unwrap_or_else(|e| panic!("{name}: {e}"));
            }
            "error" => check_error(name, case, expect),
            other => panic!("{name}: unknown kind {other}"),
        }
    }
}

fn check_error(name: &str, case: &Value, expect: &Value) {
    let Err(error) = error::judge(answer(case)) else {
        panic!("{name}: judged a success")
    };
    let failure = Failure::from(error);
    assert_eq!(failure.code(), expect["code"].as_str().unwrap(), "{name}");
    assert_eq!(
        i64::from(failure.exit_code()),
        expect["exit"].as_i64().unwrap(),
        "{name}"
    );
    if let Some(fragment) = expect.get("hint").and_then(Value::as_str) {
        let hint = failure.hint().unwrap_or_default();
        assert!(hint.contains(fragment), "{name}: hint {hint:?}");
    }
    let line = failure.to_string();
    assert!(!line.contains('\n'), "{name}: {line}");
}

#[test]
fn a_rate_limited_answer_carries_its_wait() {
    let cases = crate::auth0::fixtures::cases(FIXTURES);
    let case = cases.iter().find(|c| c["status"] == 429).unwrap();
    let Err(super::Error::Api(api)) = error::judge(answer(case)) else {
        panic!("a 429 in the Management shape is its error")
    };
    // The recorded reset is long past: no wait beyond the clamp, and a number.
    assert_eq!(api.retry_after, Some(std::time::Duration::ZERO));
}

/// The configuration reads in Auth0's documented and recorded shapes:
/// Twilio with null fields (the auth token kept only as set or not), a
/// connections page without `total`, a bare policy array, a bindings list,
/// a PUT's 204 with no body.
#[test]
fn configuration_shapes_parse_as_auth0_writes_them() {
    use super::types::{Application, Bindings, ConnectionsPage, FactorState, Twilio};
    let ok = |body: &str| answer(&serde_json::json!({"status": 200, "raw": body}));
    let parse = |body: &str| error::judge(ok(body)).unwrap();
    let twilio: Twilio =
        parse(r#"{"auth_token":null,"sid":null,"from":null,"messaging_service_sid":null}"#)
            .into_result()
            .unwrap();
    assert!(!twilio.auth_token && twilio.sid.is_none());
    let set: Twilio = parse(r#"{"auth_token":"hidden","sid":"AC1","from":"+1555"}"#)
        .into_result()
        .unwrap();
    assert!(set.auth_token && format!("{set:?}").find("hidden").is_none());
    let factors: Vec<FactorState> =
        parse(r#"[{"name":"sms","enabled":false,"trial_expired":false},{"name":"otp","enabled":true,"trial_expired":false}]"#)
            .into_result()
            .unwrap();
    assert!(factors[1].enabled && !factors[0].enabled);
    let (connections, next) = parse(r#"{"connections":[{"id":"con_1","name":"Username-Password-Authentication","strategy":"auth0"}]}"#)
        .into_result::<ConnectionsPage>()
        .unwrap()
        .into_parts();
    assert_eq!((connections.len(), next), (1, None));
    let (bare, _) = parse("[]")
        .into_result::<ConnectionsPage>()
        .unwrap()
        .into_parts();
    assert!(bare.is_empty());
    let application: Application = parse(r#"{"client_id":"abc","app_type":"native","grant_types":["password"],"client_authentication_methods":{"private_key_jwt":{"credentials":[{"id":"cred_1"}]}}}"#)
        .into_result()
        .unwrap();
    assert_eq!(application.auth_method(), "private_key_jwt");
    let bindings: Bindings = parse(r#"{"bindings":[{"id":"b","trigger_id":"post-login","display_name":"Require MFA","action":{"id":"a","name":"mfa","deployed_version":{"code":"exports.onExecutePostLogin = async (e, api) => { api.multifactor.enable('any'); }"}}}],"total":1,"per_page":50}"#)
        .into_result()
        .unwrap();
    assert!(
        bindings.bindings[0]
            .code()
            .contains("api.multifactor.enable")
    );
    assert_eq!(bindings.bindings[0].name(), "Require MFA");
    let policies: Vec<String> = parse("[]").into_result().unwrap();
    assert!(policies.is_empty());
    let no_content = crate::auth0::fixtures::answer(
        &serde_json::json!({"status": 204}),
        "https://contract.example/api/v2/users/auth0%7C1/authentication-methods/totp%7Cdev_1",
    );
    error::judge(no_content).unwrap().into_empty().unwrap();
}
