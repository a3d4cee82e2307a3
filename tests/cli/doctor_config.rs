//! `doctor` with Management API access: each broken configuration, set up
//! through the emulator's Management API, found as a failure or warning
//! whose fix names the setting; `--fix` plans, asks, applies only its plan,
//! and the checks pass again; a token that can read but not write; one
//! endpoint that fails while the other checks still run.

use auth0_mfa::emulator::{Fault, demo};
use serde_json::{Value, json};

use crate::harness::*;

const MFA_OTP: &str = "http://auth0.com/oauth/grant-type/mfa-otp";

/// The binary with the demo application and its M2M application.
fn mgmt_cmd(tenant: &TestTenant) -> assert_cmd::Command {
    let mut cmd = tenant.cmd();
    cmd.env("AUTH0_MGMT_CLIENT_ID", demo::MGMT_CLIENT_ID)
        .env("AUTH0_MGMT_CLIENT_SECRET", demo::MGMT_CLIENT_SECRET)
        .env("AUTH0_MFA_NO_STORE", "1");
    cmd
}

/// A Management API token for the demo M2M application, with `scope`.
fn token(tenant: &TestTenant, scope: &str) -> String {
    let body = json!({
        "grant_type": "client_credentials",
        "client_id": demo::MGMT_CLIENT_ID,
        "client_secret": demo::MGMT_CLIENT_SECRET,
        "audience": format!("{}/api/v2/", tenant.base_url()),
        "scope": scope,
    });
    let (status, answer) = http(
        &tenant.base_url(),
        "POST",
        "/oauth/token",
        None,
        Some(&body.to_string()),
    );
    assert_eq!(status, 200, "{answer}");
    answer["access_token"].as_str().unwrap().to_owned()
}

static TOKENS: std::sync::Mutex<Vec<(String, String)>> = std::sync::Mutex::new(Vec::new());

/// A token with every scope, one per tenant (each grant counts against the
/// tenant's rate limit).
fn admin(tenant: &TestTenant) -> String {
    let base = tenant.base_url();
    let mut tokens = TOKENS.lock().unwrap();
    if let Some((_, token)) = tokens.iter().find(|(b, _)| *b == base) {
        return token.clone();
    }
    let minted = token(tenant, &demo::MGMT_SCOPES.join(" "));
    tokens.push((base, minted.clone()));
    minted
}

/// A Management API call as a test's own set-up: (status, body). The tokens
/// are kept by address, and a later test's emulator can get the port of an
/// earlier one that has stopped: a token it refuses is minted anew, once.
fn api(tenant: &TestTenant, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
    let body = body.map(|b| b.to_string());
    let call = || {
        http(
            &tenant.base_url(),
            method,
            &format!("/api/v2{path}"),
            Some(&admin(tenant)),
            body.as_deref(),
        )
    };
    let answer = call();
    if answer.0 != 401 {
        return answer;
    }
    let base = tenant.base_url();
    TOKENS.lock().unwrap().retain(|(b, _)| *b != base);
    call()
}

fn grant_types(tenant: &TestTenant) -> Vec<String> {
    let (_, client) = api(
        tenant,
        "GET",
        &format!("/clients/{}", demo::CLIENT_ID),
        None,
    );
    serde_json::from_value(client["grant_types"].clone()).unwrap()
}

fn factor_enabled(tenant: &TestTenant, name: &str) -> bool {
    let (status, factors) = api(tenant, "GET", "/guardian/factors", None);
    assert_eq!(status, 200, "{factors}");
    factors
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["name"] == name && f["enabled"] == true)
}

/// Breaks the demo tenant the way the README's example does: mfa-otp taken
/// from the application's grant types, the otp factor disabled.
fn break_demo(tenant: &TestTenant) -> Vec<String> {
    let kept: Vec<String> = grant_types(tenant)
        .into_iter()
        .filter(|g| g != MFA_OTP)
        .collect();
    let path = format!("/clients/{}", demo::CLIENT_ID);
    let (status, _) = api(tenant, "PATCH", &path, Some(json!({"grant_types": kept})));
    assert_eq!(status, 200);
    let (status, _) = api(
        tenant,
        "PUT",
        "/guardian/factors/otp",
        Some(json!({"enabled": false})),
    );
    assert_eq!(status, 200);
    kept
}

/// `doctor --json ARGS` with Management access: (exit code, checks by name).
fn doctor(tenant: &TestTenant, args: &[&str]) -> (i32, Value) {
    let output = mgmt_cmd(tenant)
        .args(["doctor", "--json"])
        .args(args)
        .output()
        .unwrap();
    let doc = stdout_json(&output);
    (output.status.code().unwrap(), doc)
}

fn check<'a>(checks: &'a Value, name: &str) -> &'a Value {
    checks
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["check"] == name)
        .unwrap_or_else(|| panic!("no {name} check in {checks}"))
}

fn assert_flagged(checks: &Value, name: &str, status: &str, fix_names: &str) {
    let found = check(checks, name);
    assert_eq!(found["status"], status, "{found}");
    let fix = found["fix"].as_str().unwrap_or_default();
    assert!(
        fix.contains(fix_names),
        "{name}: fix {fix:?} should name {fix_names:?}"
    );
}

#[test]
fn the_broken_demo_is_found_fixed_and_passes_again() {
    let tenant = TestTenant::demo();
    let grants_before = grant_types(&tenant);
    let kept = break_demo(&tenant);
    let (code, checks) = doctor(&tenant, &["-u", demo::OTP_USER]);
    assert_ne!(code, 0);
    assert_flagged(&checks, "grant types", "fail", "Grant Types");
    assert!(
        check(&checks, "grant types")["detail"]
            .as_str()
            .unwrap()
            .contains("mfa-otp")
    );
    assert_flagged(&checks, "factors", "fail", "Multi-factor Auth");
    assert!(
        check(&checks, "factors")["detail"]
            .as_str()
            .unwrap()
            .contains("otp")
    );

    let (code, fixed) = doctor(&tenant, &["-u", demo::OTP_USER, "--fix", "--yes"]);
    assert_eq!(code, 0, "{fixed}");
    let plan = fixed["plan"].as_array().unwrap();
    assert_eq!(plan.len(), 2, "{fixed}");
    assert!(
        fixed["applied"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["outcome"] == "applied")
    );
    assert!(
        fixed["after"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["status"] != "fail")
    );
    // The whole array went back: what was kept, in its order, then mfa-otp.
    let mut expected = kept.clone();
    expected.push(MFA_OTP.to_owned());
    assert_eq!(grant_types(&tenant), expected);
    let mut sorted_before = grants_before.clone();
    sorted_before.sort();
    let mut sorted_after = grant_types(&tenant);
    sorted_after.sort();
    assert_eq!(sorted_after, sorted_before, "no other grant type changed");
    assert!(factor_enabled(&tenant, "otp"));
    // Only the otp factor changed.
    for other in ["sms", "push-notification", "email", "recovery-code"] {
        assert!(factor_enabled(&tenant, other), "{other}");
    }
    let puts: Vec<_> = tenant
        .emulator
        .received()
        .into_iter()
        .filter(|r| r.method != "GET" && r.path.starts_with("/api/v2/"))
        .map(|r| format!("{} {}", r.method, r.path))
        .collect();
    assert_eq!(
        puts[puts.len() - 2..],
        [
            format!("PATCH /api/v2/clients/{}", demo::CLIENT_ID),
            "PUT /api/v2/guardian/factors/otp".to_owned()
        ]
    );
    let (code, again) = doctor(&tenant, &["-u", demo::OTP_USER]);
    assert_eq!(code, 0, "{again}");
}

#[test]
fn without_a_terminal_or_yes_the_plan_is_printed_and_nothing_changes() {
    let tenant = TestTenant::demo();
    let kept = break_demo(&tenant);
    let output = mgmt_cmd(&tenant)
        .args(["doctor", "--fix", "-u", demo::OTP_USER])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("plan"), "{text}");
    assert!(text.contains("-> ["), "before -> after: {text}");
    assert!(stderr(&output).contains("--yes"), "{}", stderr(&output));
    assert_eq!(grant_types(&tenant), kept);
    assert!(!factor_enabled(&tenant, "otp"));
    let json = mgmt_cmd(&tenant)
        .args(["doctor", "--fix", "--json", "-u", demo::OTP_USER])
        .output()
        .unwrap();
    assert_eq!(json.status.code(), Some(2));
    let doc = stdout_json(&json);
    assert_eq!(doc["plan"].as_array().unwrap().len(), 2, "{doc}");
    assert_eq!(doc["applied"], json!([]));
    assert_eq!(grant_types(&tenant), kept);
}

#[test]
fn a_token_that_can_read_but_not_write_says_what_it_cannot_fix_first() {
    let tenant = TestTenant::demo();
    let kept = break_demo(&tenant);
    let read_only: Vec<&str> = demo::MGMT_SCOPES
        .iter()
        .copied()
        .filter(|s| {
            !s.starts_with("update:") && !s.starts_with("delete:") && !s.starts_with("create:")
        })
        .collect();
    let pasted = token(&tenant, &read_only.join(" "));
    let mut cmd = tenant.cmd();
    cmd.env("AUTH0_MGMT_TOKEN", &pasted);
    let output = cmd
        .args(["doctor", "--fix", "--yes", "--json", "-u", demo::OTP_USER])
        .output()
        .unwrap();
    let err = stderr(&output);
    assert!(
        err.contains("cannot fix") && err.contains("update:clients"),
        "{err}"
    );
    assert!(err.contains("update:guardian_factors"), "{err}");
    assert!(!err.contains(&pasted) && !stdout(&output).contains(&pasted));
    let doc = stdout_json(&output);
    assert!(
        doc["applied"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["outcome"] == "not_allowed"),
        "{doc}"
    );
    assert_ne!(output.status.code(), Some(0));
    assert_eq!(grant_types(&tenant), kept);
    assert!(!factor_enabled(&tenant, "otp"));
    let writes = tenant
        .emulator
        .received()
        .into_iter()
        .filter(|r| r.method != "GET" && r.path.starts_with("/api/v2/"))
        .count();
    assert_eq!(writes, 2, "only the test's own two breaking writes");
}

#[test]
fn without_management_access_one_line_says_what_it_would_read() {
    let tenant = TestTenant::demo();
    let output = tenant.cmd().args(["doctor", "--json"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let checks = stdout_json(&output);
    let line = check(&checks, "configuration");
    assert_eq!(line["status"], "skip");
    assert!(
        line["fix"].as_str().unwrap().contains("--mgmt-client-id"),
        "{line}"
    );
    assert!(
        !tenant
            .emulator
            .received()
            .iter()
            .any(|r| r.path.starts_with("/api/v2/")),
        "nothing read from the Management API"
    );
    let fix = tenant
        .cmd()
        .args(["doctor", "--fix", "--yes"])
        .output()
        .unwrap();
    assert_eq!(fix.status.code(), Some(2));
    assert!(
        stderr(&fix).contains("--mgmt-client-id"),
        "{}",
        stderr(&fix)
    );
}

#[test]
fn the_user_is_read_without_a_password_and_its_block_and_pending_enrollment_fixed() {
    let tenant = TestTenant::demo();
    // Ten wrong passwords block the user; the brute-force block is what
    // doctor reports, not MFA's own bucket.
    for _ in 0..10 {
        tenant
            .cmd()
            .args([
                "login",
                "-u",
                demo::OTP_USER,
                "--password",
                "wrong-Passw0rd",
                "--otp",
                "000000",
            ])
            .output()
            .unwrap();
    }
    let (_, blocks) = api(
        &tenant,
        "GET",
        "/user-blocks?identifier=otp%40example.com",
        None,
    );
    if blocks["blocked_for"]
        .as_array()
        .is_none_or(|b| b.is_empty())
    {
        panic!("the emulator did not block the user: {blocks}");
    }
    let (code, checks) = doctor(&tenant, &["-u", demo::OTP_USER]);
    assert_ne!(code, 0);
    assert_flagged(&checks, "blocks", "fail", "Unblock");
    assert!(
        check(&checks, "blocks")["detail"]
            .as_str()
            .unwrap()
            .contains("too_many_attempts")
    );
    assert_eq!(
        check(&checks, "login")["status"],
        "skip",
        "no password was needed"
    );
    let (code, fixed) = doctor(&tenant, &["-u", demo::OTP_USER, "--fix", "--yes"]);
    assert_eq!(code, 0, "{fixed}");
    let (_, blocks) = api(
        &tenant,
        "GET",
        "/user-blocks?identifier=otp%40example.com",
        None,
    );
    assert_eq!(blocks["blocked_for"], json!([]));
}

/// Each broken configuration, set through the Management API: the check
/// that finds it, its status, and what its fix names.
#[test]
fn each_broken_setting_is_found_with_a_fix_that_names_it() {
    let cases: &[(&str, &str, Value, &str, &str, &str)] = &[
        (
            "PUT",
            "/guardian/factors/phone/message-types",
            json!({"message_types": []}),
            "phone",
            "fail",
            "message_types",
        ),
        (
            "PUT",
            "/guardian/factors/phone/selected-provider",
            json!({"provider": "twilio"}),
            "phone",
            "fail",
            "Twilio",
        ),
        (
            "PUT",
            "/guardian/factors/push-notification/selected-provider",
            json!({"provider": "sns"}),
            "push",
            "fail",
            "SNS",
        ),
        (
            "PUT",
            "/guardian/policies",
            json!([]),
            "policy",
            "warn",
            "Require Multi-factor Auth",
        ),
        (
            "PUT",
            "/guardian/policies",
            json!(["confidence-score"]),
            "policy",
            "warn",
            "--fix-policy",
        ),
    ];
    for (method, path, body, name, status, names) in cases {
        let tenant = TestTenant::demo();
        let (code, answer) = api(&tenant, method, path, Some(body.clone()));
        assert_eq!(code, 200, "{path}: {answer}");
        let (_, checks) = doctor(&tenant, &[]);
        assert_flagged(&checks, name, status, names);
    }
}

#[test]
fn a_missing_default_directory_or_unknown_realm_is_the_connection_check() {
    let tenant = TestTenant::demo();
    let (_, checks) = doctor(&tenant, &["--realm", "No-Such-Connection"]);
    assert_flagged(&checks, "connection", "fail", "--realm");
    assert!(
        check(&checks, "connection")["detail"]
            .as_str()
            .unwrap()
            .contains("no connection is named")
    );
}

#[test]
fn one_endpoint_that_fails_fails_its_check_and_the_others_still_run() {
    for (fault, exit_status) in [(403, "fail"), (429, "fail"), (500, "fail")] {
        let tenant = TestTenant::demo();
        let body = json!({"statusCode": fault, "error": "x", "message": format!("injected {fault}"), "errorCode": "injected"});
        tenant.emulator.inject_fault_on(
            "/api/v2/guardian/policies",
            Fault::Respond {
                status: fault,
                headers: vec![("content-type".into(), "application/json".into())],
                body: body.to_string().into_bytes(),
            },
        );
        let (code, checks) = doctor(&tenant, &["--timeout", "2"]);
        assert_ne!(code, 0, "{fault}");
        let policy = check(&checks, "policy");
        assert_eq!(policy["status"], exit_status, "{fault}: {policy}");
        assert!(
            policy["detail"].as_str().unwrap().contains("policies"),
            "{policy}"
        );
        for other in [
            "factors",
            "grant types",
            "connection",
            "actions",
            "rate limit",
        ] {
            assert_eq!(check(&checks, other)["status"], "pass", "{fault}: {other}");
        }
    }
}

#[test]
fn secrets_never_reach_the_output() {
    let tenant = TestTenant::demo();
    break_demo(&tenant);
    for args in [
        &["doctor"][..],
        &["doctor", "--json", "-vv"],
        &["doctor", "--fix", "--yes", "-vv"],
    ] {
        let output = mgmt_cmd(&tenant).args(args).output().unwrap();
        let all = format!("{}{}", stdout(&output), stderr(&output));
        for secret in [demo::MGMT_CLIENT_SECRET, demo::CLIENT_SECRET] {
            assert!(!all.contains(secret), "{args:?} printed a secret");
        }
        assert!(!all.contains("eyJhbGci"), "{args:?} printed a token");
    }
}
