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

/// One Management endpoint answering 403, 429 or 500: its check fails, the
/// others still run, and the run exits with the documented code of that
/// answer (4 rejected, 7 rate limited, 8 not the API's answer), in JSON, in
/// text (the failing line and its fix) and under -vv (the answer traced, no
/// secret in it).
#[test]
fn one_endpoint_that_fails_fails_its_check_and_the_others_still_run() {
    for (fault, exit) in [(403, 4), (429, 7), (500, 8)] {
        let tenant = TestTenant::demo();
        let body = json!({"statusCode": fault, "error": "x", "message": format!("injected {fault}"), "errorCode": "injected"});
        let inject = || {
            tenant.emulator.inject_fault_on(
                "/api/v2/guardian/policies",
                Fault::Respond {
                    status: fault,
                    headers: vec![("content-type".into(), "application/json".into())],
                    body: body.to_string().into_bytes(),
                },
            )
        };
        inject();
        let (code, checks) = doctor(&tenant, &["--timeout", "2"]);
        assert_eq!(code, exit, "{fault}: {checks}");
        let policy = check(&checks, "policy");
        assert_eq!(policy["status"], "fail", "{fault}: {policy}");
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
        inject();
        let text = mgmt_cmd(&tenant)
            .args(["doctor", "--timeout", "2"])
            .output()
            .unwrap();
        assert_eq!(text.status.code(), Some(exit), "{fault}");
        let printed = stdout(&text);
        let line = printed
            .lines()
            .position(|l| l.contains("policy") && l.contains("policies"))
            .unwrap_or_else(|| panic!("{fault}: no failing policy line in {printed}"));
        assert!(
            printed.lines().nth(line + 1).unwrap_or("").contains("fix:"),
            "{fault}: {printed}"
        );
        assert!(printed.contains("factors"), "{printed}");
        inject();
        let traced = mgmt_cmd(&tenant)
            .args(["doctor", "-vv", "--timeout", "2"])
            .output()
            .unwrap();
        assert_eq!(traced.status.code(), Some(exit), "{fault}");
        let all = format!("{}{}", stdout(&traced), stderr(&traced));
        assert!(all.contains(&format!("-> {fault}")), "{fault}: {all}");
        for secret in [demo::MGMT_CLIENT_SECRET, demo::CLIENT_SECRET] {
            assert!(!all.contains(secret), "{fault}: a secret in the trace");
        }
        assert!(!all.contains("eyJhbGci"), "{fault}: a token in the trace");
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

/// A free tenant's Management API allows 2 requests a second (a burst of
/// 2): doctor's dozen reads go out as its window lets them, so none is
/// refused (the trace of every request shows no 429 and no wait for one),
/// and every check still reads what it needs.
#[test]
fn a_free_tenants_rate_limit_is_kept_not_hit() {
    let mut free = auth0_mfa::emulator::Tenant::demo();
    free.settings.min_poll_interval_ms = 50;
    free.settings.management_rate_limit = 2;
    free.settings.management_rate_limit_window_seconds = 1;
    let tenant = TestTenant::with(free);
    let output = mgmt_cmd(&tenant)
        .args(["doctor", "--json", "-v", "-u", demo::OTP_USER])
        .output()
        .unwrap();
    let checks = stdout_json(&output);
    assert_eq!(output.status.code(), Some(0), "{checks}");
    let trace = stderr(&output);
    let reads = trace
        .lines()
        .filter(|l| l.contains("/api/v2/") && l.contains(" -> "))
        .count();
    assert_eq!(reads, 15, "every read, once: {trace}");
    assert!(
        !trace.contains("-> 429") && !trace.contains("rate limited"),
        "{trace}"
    );
}

/// With the Management API on the tenant's own domain, over HTTPS, doctor's
/// two dozen requests (both APIs, read at once) share one connection:
/// HTTP/2, as Auth0 offers it. The second run has the Management token
/// cached, so its first requests go out together onto no connection yet.
#[test]
fn both_apis_requests_share_one_https_connection() {
    let home = tempfile::TempDir::new().unwrap();
    let ca = home.path().join("ca.pem");
    let emulator = auth0_mfa::emulator::Emulator::start_tls_in_background(
        auth0_mfa::emulator::Tenant::demo(),
        &ca,
    )
    .unwrap();
    let relay = CountingRelay::to(&emulator.base_url());
    let doctor = || {
        let output = bare_cmd(&home)
            .env("AUTH0_DOMAIN", &relay.url)
            .env("AUTH0_CACERT", &ca)
            .env("AUTH0_CLIENT_ID", demo::CLIENT_ID)
            .env("AUTH0_CLIENT_SECRET", demo::CLIENT_SECRET)
            .env("AUTH0_MGMT_CLIENT_ID", demo::MGMT_CLIENT_ID)
            .env("AUTH0_MGMT_CLIENT_SECRET", demo::MGMT_CLIENT_SECRET)
            .env("AUTH0_MFA_STORE", "file")
            .env("XDG_STATE_HOME", home.path().join("state"))
            .args(["doctor", "--json", "-u", demo::OTP_USER])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    };
    doctor();
    assert_eq!(relay.count(), 1, "one connection for every request");
    let before = emulator.received().len();
    doctor();
    let received = emulator.received();
    let second = &received[before..];
    assert!(
        second
            .iter()
            .all(|r| r.body["grant_type"] != "client_credentials"),
        "the token was cached"
    );
    assert!(second.len() > 15, "{}", second.len());
    assert!(
        received.iter().all(|r| r.http_version == "HTTP/2.0"),
        "{:?}",
        received.iter().map(|r| &r.http_version).collect::<Vec<_>>()
    );
    assert_eq!(relay.count(), 2, "one connection for the second run too");
}

/// The demo tenant with a change to its file, served.
fn demo_with(change: impl FnOnce(&mut auth0_mfa::emulator::Tenant)) -> TestTenant {
    let mut tenant = auth0_mfa::emulator::Tenant::demo();
    tenant.settings.min_poll_interval_ms = 50;
    change(&mut tenant);
    TestTenant::with(tenant)
}

#[test]
fn without_a_user_the_factors_check_says_which_are_enabled_and_which_are_not() {
    let tenant = TestTenant::demo();
    let (status, _) = api(
        &tenant,
        "PUT",
        "/guardian/factors/sms",
        Some(json!({"enabled": false})),
    );
    assert_eq!(status, 200);
    let (code, checks) = doctor(&tenant, &[]);
    assert_eq!(code, 0, "a factor left off is not a failure: {checks}");
    let factors = check(&checks, "factors");
    assert_eq!(factors["status"], "pass", "{factors}");
    let detail = factors["detail"].as_str().unwrap();
    let (enabled, disabled) = detail.split_once("; disabled: ").unwrap();
    assert!(
        enabled.contains("otp") && !enabled.contains("sms"),
        "{detail}"
    );
    assert!(
        disabled.contains("sms") && disabled.contains("duo"),
        "{detail}"
    );
}

#[test]
fn the_email_factor_with_no_email_provider_fails_naming_the_provider_setting() {
    let tenant = demo_with(|t| t.guardian.email_provider = String::new());
    let (code, checks) = doctor(&tenant, &[]);
    assert_ne!(code, 0);
    assert_flagged(&checks, "email", "fail", "Email Provider");
    assert!(
        check(&checks, "email")["detail"]
            .as_str()
            .unwrap()
            .contains("no email provider")
    );
}

#[test]
fn a_connection_not_enabled_for_the_application_is_told_from_one_that_does_not_exist() {
    let tenant = demo_with(|t| {
        for connection in &mut t.connections {
            connection.enabled_clients = Some(vec![demo::PUBLIC_CLIENT_ID.to_owned()]);
        }
    });
    let (code, checks) = doctor(&tenant, &[]);
    assert_ne!(code, 0);
    assert_flagged(&checks, "connection", "fail", "enable the application");
    let detail = check(&checks, "connection")["detail"].as_str().unwrap();
    assert!(
        detail.contains(demo::REALM) && detail.contains("exists but is not enabled"),
        "{detail}"
    );
}

#[test]
fn a_post_login_action_that_enables_mfa_is_named_beside_the_policy() {
    let tenant = demo_with(|t| {
        t.guardian.policies = Vec::new();
        t.actions.push(
            serde_json::from_value(json!({
                "name": "Require MFA for admins",
                "code": "exports.onExecutePostLogin = async (event, api) => { if (event.user.app_metadata.admin) api.multifactor.enable('any'); };",
            }))
            .unwrap(),
        );
    });
    let (code, checks) = doctor(&tenant, &[]);
    assert_eq!(code, 0, "{checks}");
    for name in ["actions", "policy"] {
        let found = check(&checks, name);
        assert_eq!(found["status"], "pass", "{found}");
        let detail = found["detail"].as_str().unwrap();
        assert!(
            detail.contains("Require MFA for admins") && detail.contains("api.multifactor.enable"),
            "{name}: {detail}"
        );
    }
}

/// The application's token endpoint authentication against the client
/// authentication configured here: each mismatch fails with the flag to give.
#[test]
fn the_applications_authentication_is_checked_against_the_one_configured_here() {
    let tenant = TestTenant::demo();
    let cases: [(&str, Option<&str>, &str); 3] = [
        // A public application, given a secret here.
        (
            demo::PUBLIC_CLIENT_ID,
            Some(demo::CLIENT_SECRET),
            "drop --client-secret",
        ),
        // A Private Key JWT application, given a secret.
        (
            "EmuDemoPrivateKeyJwtClient000004",
            Some(demo::CLIENT_SECRET),
            "--client-assertion-key",
        ),
        // A confidential application, given no secret.
        (demo::CLIENT_ID, None, "pass --client-secret"),
    ];
    for (client_id, secret, fix) in cases {
        let mut cmd = mgmt_cmd(&tenant);
        cmd.env("AUTH0_CLIENT_ID", client_id)
            .env_remove("AUTH0_CLIENT_SECRET");
        if let Some(secret) = secret {
            cmd.env("AUTH0_CLIENT_SECRET", secret);
        }
        let output = cmd.args(["doctor", "--json"]).output().unwrap();
        assert_ne!(output.status.code(), Some(0), "{client_id}");
        let checks = stdout_json(&output);
        assert_flagged(&checks, "app type", "fail", fix);
    }
}

/// `doctor --fix` at a terminal: the plan, then the question (default no).
#[cfg(unix)]
fn fix_at_terminal(tenant: &TestTenant) -> crate::pty::Pty {
    let mut cmd = std::process::Command::new(BIN);
    cmd.env_clear()
        .env("HOME", tenant.home.path())
        .env("XDG_CONFIG_HOME", tenant.home.path().join(".config"))
        .env("TERM", "xterm-256color")
        .env("AUTH0_DOMAIN", tenant.base_url())
        .env("AUTH0_CLIENT_ID", demo::CLIENT_ID)
        .env("AUTH0_CLIENT_SECRET", demo::CLIENT_SECRET)
        .env("AUTH0_MGMT_CLIENT_ID", demo::MGMT_CLIENT_ID)
        .env("AUTH0_MGMT_CLIENT_SECRET", demo::MGMT_CLIENT_SECRET)
        .env("AUTH0_MFA_NO_STORE", "1")
        .args(["doctor", "--fix", "-u", demo::OTP_USER]);
    crate::pty::Pty::spawn(cmd)
}

#[cfg(unix)]
#[test]
fn at_a_terminal_no_changes_nothing_and_yes_applies_the_plan() {
    let tenant = TestTenant::demo();
    let kept = break_demo(&tenant);
    let mut pty = fix_at_terminal(&tenant);
    pty.expect("Apply 2 change(s) to the tenant?");
    pty.send(b"n");
    let (exit, _) = pty.finish();
    assert_eq!(exit, Some(2), "{}", pty.screen());
    assert!(
        pty.screen().contains("nothing was changed"),
        "{}",
        pty.screen()
    );
    assert_eq!(grant_types(&tenant), kept);
    assert!(!factor_enabled(&tenant, "otp"));

    let mut pty = fix_at_terminal(&tenant);
    pty.expect("Apply 2 change(s) to the tenant?");
    pty.send(b"y");
    let (exit, _) = pty.finish();
    assert_eq!(exit, Some(0), "{}", pty.screen());
    assert!(grant_types(&tenant).iter().any(|g| g == MFA_OTP));
    assert!(factor_enabled(&tenant, "otp"));
}

/// A pending enrollment (started, never confirmed) is found without a
/// password and deleted by `--fix`, which deletes only it: the user's
/// confirmed factor stays, and the user can enroll again at once.
#[test]
fn a_pending_enrollment_is_found_and_fix_deletes_it_alone() {
    let tenant = TestTenant::demo();
    let token = tenant.mfa_token(demo::NEW_USER);
    let output = tenant
        .cmd()
        .args(["enroll", "otp", "--json", "--no-confirm", "--token", &token])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let (_, users) = api(
        &tenant,
        "GET",
        "/users-by-email?email=new%40example.com",
        None,
    );
    let user_id = users[0]["user_id"].as_str().unwrap().to_owned();
    let methods_path = format!(
        "/users/{}/authentication-methods",
        user_id.replace('|', "%7C")
    );
    let (_, methods) = api(&tenant, "GET", &methods_path, None);
    let pending: Vec<&Value> = methods
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["confirmed"] == false)
        .collect();
    // The TOTP and the recovery code that comes with it, both unconfirmed.
    assert!(!pending.is_empty(), "{methods}");

    let (_, checks) = doctor(&tenant, &["-u", demo::NEW_USER]);
    let flagged = checks
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["detail"].as_str().unwrap_or_default().contains("pending"))
        .unwrap_or_else(|| panic!("no check names the pending enrollment: {checks}"));
    assert_ne!(flagged["status"], "pass", "{flagged}");

    let (_, fixed) = doctor(&tenant, &["-u", demo::NEW_USER, "--fix", "--yes"]);
    let deletions: Vec<&Value> = fixed["applied"]
        .as_array()
        .unwrap_or_else(|| panic!("no applied list: {fixed}"))
        .iter()
        .filter(|a| a["where"].as_str().unwrap().starts_with("DELETE"))
        .collect();
    assert_eq!(deletions.len(), pending.len(), "{fixed}");
    for (deletion, method) in deletions.iter().zip(&pending) {
        assert_eq!(deletion["outcome"], "applied", "{fixed}");
        let id = method["id"].as_str().unwrap();
        let place = deletion["where"].as_str().unwrap();
        assert!(
            place.ends_with(id) || place.ends_with(&id.replace('|', "%7C")),
            "{place} should delete {id}"
        );
    }
    let (_, methods) = api(&tenant, "GET", &methods_path, None);
    assert!(
        methods
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["confirmed"] != false),
        "{methods}"
    );
    let token = tenant.mfa_token(demo::NEW_USER);
    let output = tenant
        .cmd()
        .args(["enroll", "otp", "--json", "--no-confirm", "--token", &token])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}
