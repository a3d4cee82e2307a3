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
