//! `users`: test users on demand through the Management API of the emulated
//! tenant, and what they are for: a login straight after, MFA reset, deletion,
//! brute-force blocks lifted; the scope check before anything is sent; the
//! token cached between commands; the sweep that deletes only this tool's users.

use std::time::{SystemTime, UNIX_EPOCH};

use auth0_mfa::emulator::{Fault, Tenant, demo};
use base64::Engine;
use serde_json::{Value, json};

use crate::harness::*;

const GRANT_CLIENT_CREDENTIALS: &str = "client_credentials";

/// The binary with the demo tenant's application and its M2M application.
fn mgmt_cmd(tenant: &TestTenant) -> assert_cmd::Command {
    let mut cmd = tenant.cmd();
    cmd.env("AUTH0_MGMT_CLIENT_ID", demo::MGMT_CLIENT_ID)
        .env("AUTH0_MGMT_CLIENT_SECRET", demo::MGMT_CLIENT_SECRET);
    cmd
}

fn run(cmd: &mut assert_cmd::Command, args: &[&str]) -> std::process::Output {
    cmd.args(args).output().unwrap()
}

fn ok_json(tenant: &TestTenant, args: &[&str]) -> Value {
    let output = run(mgmt_cmd(tenant).arg("--json"), args);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{args:?}: {}",
        stderr(&output)
    );
    stdout_json(&output)
}

fn create(tenant: &TestTenant) -> Value {
    ok_json(tenant, &["users", "create", "--connection", demo::REALM])
}

/// `login` of a created user with its password and OTP secret: the exit code.
fn login(tenant: &TestTenant, user: &Value, password: &str) -> std::process::Output {
    let email = user["email"].as_str().unwrap();
    let secret = user["otp_secret"].as_str().unwrap();
    // `--password=`: a generated password may start with `-`.
    let password = format!("--password={password}");
    run(
        &mut tenant.cmd(),
        &[
            "login",
            "--json",
            "-u",
            email,
            &password,
            "--otp-secret",
            secret,
        ],
    )
}

fn api_requests(tenant: &TestTenant) -> Vec<auth0_mfa::emulator::ReceivedRequest> {
    tenant
        .emulator
        .received()
        .into_iter()
        .filter(|r| r.path.starts_with("/api/v2/"))
        .collect()
}

#[test]
fn a_created_user_logs_in_with_its_otp_secret_straight_after() {
    let tenant = TestTenant::demo();
    let user = create(&tenant);
    for field in ["user_id", "email", "password", "otp_secret", "connection"] {
        assert!(
            user[field].as_str().is_some_and(|v| !v.is_empty()),
            "{field}: {user}"
        );
    }
    assert_eq!(user["connection"], demo::REALM);
    assert!(
        user["email"].as_str().unwrap().starts_with("test-"),
        "{user}"
    );
    let sent = tenant.requests_to("/api/v2/users");
    assert_eq!(
        sent[0]["app_metadata"]["created_by"], "auth0-mfa",
        "{sent:?}"
    );
    assert!(sent[0]["app_metadata"]["created_at"].is_u64(), "{sent:?}");
    let output = login(&tenant, &user, user["password"].as_str().unwrap());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout_json(&output)["access_token"].is_string());
    assert!(tenant.count_grants(GRANT_MFA_OTP) >= 1);
}

#[test]
fn a_given_email_password_and_secret_are_used_as_given() {
    let tenant = TestTenant::demo();
    let password = "Given-Passw0rd!x";
    let user = ok_json(
        &tenant,
        &[
            "users",
            "create",
            "--connection",
            demo::REALM,
            "--email",
            "given@test.example",
            "--password",
            password,
            "--otp-secret",
            "jbsw y3dp ehpk 3pxp jbsw y3dp",
        ],
    );
    assert_eq!(user["email"], "given@test.example");
    assert_eq!(user["password"], password);
    assert_eq!(user["otp_secret"], "JBSWY3DPEHPK3PXPJBSWY3DP");
    let output = login(&tenant, &user, password);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn reset_mfa_leaves_no_method() {
    let tenant = TestTenant::demo();
    let user = create(&tenant);
    let id = user["user_id"].as_str().unwrap();
    let shown = ok_json(&tenant, &["users", "show", user["email"].as_str().unwrap()]);
    assert_eq!(
        shown["authentication_methods"].as_array().unwrap().len(),
        1,
        "{shown}"
    );
    assert_eq!(shown["authentication_methods"][0]["type"], "totp");
    let reset = ok_json(&tenant, &["users", "reset-mfa", id, "--yes"]);
    assert_eq!(reset["user_id"], id);
    let shown = ok_json(&tenant, &["users", "show", id]);
    assert_eq!(shown["authentication_methods"], json!([]), "{shown}");
    // The id went percent-encoded, as Auth0's SDKs send it.
    assert!(
        api_requests(&tenant)
            .iter()
            .any(|r| r.method == "DELETE" && r.path.contains("auth0%7C")),
        "{:?}",
        api_requests(&tenant)
            .iter()
            .map(|r| &r.path)
            .collect::<Vec<_>>()
    );
}

#[test]
fn a_deleted_user_cannot_log_in() {
    let tenant = TestTenant::demo();
    let user = create(&tenant);
    let deleted = ok_json(
        &tenant,
        &["users", "delete", user["email"].as_str().unwrap(), "--yes"],
    );
    assert_eq!(deleted["deleted"][0]["user_id"], user["user_id"]);
    let output = login(&tenant, &user, user["password"].as_str().unwrap());
    assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));
}

#[test]
fn ten_wrong_passwords_block_the_user_until_unblocked() {
    let tenant = TestTenant::demo();
    let user = create(&tenant);
    let email = user["email"].as_str().unwrap();
    for _ in 0..10 {
        let output = login(&tenant, &user, "Wrong-Passw0rd!");
        assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));
    }
    let output = login(&tenant, &user, user["password"].as_str().unwrap());
    assert_eq!(output.status.code(), Some(7), "{}", stderr(&output));
    let shown = ok_json(&tenant, &["users", "show", email]);
    assert!(
        !shown["blocked_for"].as_array().unwrap().is_empty(),
        "{shown}"
    );
    let unblocked = ok_json(&tenant, &["users", "unblock", email]);
    assert_eq!(unblocked["unblocked"], email);
    let output = login(&tenant, &user, user["password"].as_str().unwrap());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

/// A JWT the emulator never issued: nothing may be sent with it anyway.
fn unsigned_token(claims: Value) -> String {
    let encode = |v: &Value| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v.to_string());
    format!(
        "{}.{}.c2ln",
        encode(&json!({"alg": "RS256"})),
        encode(&claims)
    )
}

#[test]
fn a_token_without_create_users_is_one_line_before_anything_is_sent() {
    let tenant = TestTenant::demo();
    let token = unsigned_token(json!({
        "aud": format!("{}/api/v2/", tenant.base_url()),
        "scope": "read:users create:authentication_methods",
        "exp": 4_000_000_000u64,
    }));
    let output = run(
        tenant.cmd().env("AUTH0_MGMT_TOKEN", &token),
        &["users", "create", "--connection", demo::REALM],
    );
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let err = stderr(&output);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("create:users"), "{err}");
    assert!(
        err.contains("Dashboard > Applications > APIs > Auth0 Management API > Machine to Machine Applications"),
        "{err}"
    );
    assert!(
        tenant.emulator.received().is_empty(),
        "sent: {:?}",
        tenant.emulator.received()
    );
}

#[test]
fn an_application_without_the_scope_is_refused_after_its_grant_only() {
    let tenant = TestTenant::with(
        Tenant::from_toml(
            r#"
[[clients]]
client_id = "reader"
client_secret = "reader-secret"
app_type = "non_interactive"
grant_types = ["client_credentials"]
management_scopes = ["read:users"]
"#,
        )
        .unwrap(),
    );
    let output = run(
        bare_cmd(&tenant.home)
            .env("AUTH0_DOMAIN", tenant.base_url())
            .env("AUTH0_MGMT_CLIENT_ID", "reader")
            .env("AUTH0_MGMT_CLIENT_SECRET", "reader-secret"),
        &["users", "delete", "auth0|0123456789abcdef01234567", "--yes"],
    );
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(
        err.contains("delete:users") && err.contains("Machine to Machine"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(api_requests(&tenant).is_empty());
    assert_eq!(tenant.grants(), vec![GRANT_CLIENT_CREDENTIALS.to_owned()]);
}

#[test]
fn the_cached_token_is_reused_by_the_next_command() {
    let tenant = TestTenant::demo();
    ok_json(&tenant, &["users", "show", demo::OTP_USER]);
    ok_json(&tenant, &["users", "show", demo::OTP_USER]);
    assert_eq!(tenant.count_grants(GRANT_CLIENT_CREDENTIALS), 1);
    // Not cached when asked not to store anything.
    let output = run(
        mgmt_cmd(&tenant).env("AUTH0_MFA_NO_STORE", "1"),
        &["users", "show", demo::OTP_USER],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(tenant.count_grants(GRANT_CLIENT_CREDENTIALS), 2);
}

#[test]
fn destructive_commands_without_a_terminal_need_yes_and_change_nothing() {
    let tenant = TestTenant::demo();
    for args in [
        &["users", "delete", demo::OTP_USER][..],
        &["users", "reset-mfa", demo::OTP_USER],
        &[
            "users",
            "delete",
            "--created-by-this-tool",
            "--older-than",
            "1d",
        ],
    ] {
        let output = run(&mut mgmt_cmd(&tenant), args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(stderr(&output).contains("--yes"), "{}", stderr(&output));
    }
    assert!(tenant.emulator.received().is_empty());
}

#[test]
fn an_unknown_user_is_exit_4_with_a_hint() {
    let tenant = TestTenant::demo();
    let output = run(
        mgmt_cmd(&tenant).arg("--json"),
        &["users", "show", "nobody@test.example"],
    );
    assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));
    let failure = stdout_json(&output);
    assert_eq!(failure["error"], "inexistent_user", "{failure}");
    assert!(
        failure["hint"].as_str().unwrap().contains("users show"),
        "{failure}"
    );
    let output = run(
        &mut mgmt_cmd(&tenant),
        &["users", "show", "auth0|0123456789abcdef01234567"],
    );
    assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));
}

#[test]
fn the_sweep_deletes_only_old_users_this_tool_created() {
    let tenant = TestTenant::demo();
    // The token is cached first, so the sweep's first request is its search.
    ok_json(&tenant, &["users", "show", demo::OTP_USER]);
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let found = json!([
        {"user_id": "auth0|0000000000000000000000a1", "email": "old@test.example",
         "app_metadata": {"created_by": "auth0-mfa", "created_at": now - 3 * 86_400}},
        {"user_id": "auth0|0000000000000000000000a2", "email": "new@test.example",
         "app_metadata": {"created_by": "auth0-mfa", "created_at": now - 60}},
        {"user_id": "auth0|0000000000000000000000a3", "email": "theirs@test.example",
         "app_metadata": {"created_by": "someone-else", "created_at": now - 3 * 86_400}},
        {"user_id": "auth0|0000000000000000000000a4", "email": "unmarked@test.example"}
    ]);
    tenant.emulator.inject_fault(Fault::Respond {
        status: 200,
        headers: vec![("content-type".into(), "application/json".into())],
        body: found.to_string().into_bytes(),
    });
    let before = api_requests(&tenant).len();
    let swept = ok_json(
        &tenant,
        &[
            "users",
            "delete",
            "--created-by-this-tool",
            "--older-than",
            "1d",
            "--yes",
        ],
    );
    assert_eq!(
        swept["deleted"],
        json!([{"user_id": "auth0|0000000000000000000000a1", "email": "old@test.example"}])
    );
    let sent: Vec<_> = api_requests(&tenant).into_iter().skip(before).collect();
    let search = &sent[0];
    assert_eq!(
        (search.method.as_str(), search.path.as_str()),
        ("GET", "/api/v2/users")
    );
    assert!(
        search.query.as_deref().unwrap_or("").contains("created_by"),
        "{:?}",
        search.query
    );
    let deletes: Vec<&str> = sent
        .iter()
        .filter(|r| r.method == "DELETE")
        .map(|r| r.path.as_str())
        .collect();
    assert_eq!(
        deletes,
        vec!["/api/v2/users/auth0%7C0000000000000000000000a1"]
    );
}

#[test]
fn management_settings_come_from_a_profile_and_config_show_masks_them() {
    let tenant = TestTenant::demo();
    let secret_file = tenant.home.path().join("mgmt-secret");
    std::fs::write(&secret_file, format!("{}\n", demo::MGMT_CLIENT_SECRET)).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&secret_file, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let config = tenant.home.path().join("config.toml");
    std::fs::write(
        &config,
        format!(
            "[profiles.default]\nmgmt_client_id = \"{}\"\nmgmt_client_secret_file = \"{}\"\n",
            demo::MGMT_CLIENT_ID,
            secret_file.display()
        ),
    )
    .unwrap();
    let cmd = || {
        let mut cmd = bare_cmd(&tenant.home);
        cmd.env("AUTH0_MFA_CONFIG", &config)
            .env("AUTH0_DOMAIN", tenant.base_url());
        cmd
    };
    let output = run(
        cmd().env("AUTH0_MGMT_DOMAIN", tenant.base_url()),
        &["config", "show", "--json"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let settings = &stdout_json(&output)["settings"];
    assert_eq!(
        settings["mgmt_client_secret"],
        json!({"value": "********", "source": "profile default (file)"})
    );
    assert_eq!(settings["mgmt_client_id"]["value"], demo::MGMT_CLIENT_ID);
    assert_eq!(settings["mgmt_domain"]["source"], "env AUTH0_MGMT_DOMAIN");
    assert!(!stdout(&output).contains(demo::MGMT_CLIENT_SECRET));
    let output = run(
        cmd().env("AUTH0_MGMT_TOKEN", "pasted.management.token"),
        &["config", "show", "--json"],
    );
    assert_eq!(
        stdout_json(&output)["settings"]["mgmt_token"],
        json!({"value": "********", "source": "env AUTH0_MGMT_TOKEN"})
    );
    // The profile's application gets the token.
    let output = run(&mut cmd(), &["users", "show", "--json", demo::OTP_USER]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout_json(&output)["email"], demo::OTP_USER);
}

/// The Management API's refusals by status, as the README's table has them:
/// an expired token is exit 6, the rate limit 7, a failing tenant 8, any
/// other refusal 4; the JSON names the API's own error code.
#[test]
fn management_refusals_exit_by_what_the_user_has_to_do() {
    let tenant = TestTenant::demo();
    let cases = [
        (
            401,
            json!({"statusCode": 401, "error": "Unauthorized", "message": "Expired token received for JSON Web Token validation", "attributes": {"error": "Expired token received for JSON Web Token validation"}}),
            6,
            "unauthorized",
        ),
        (
            429,
            json!({"statusCode": 429, "error": "Too Many Requests", "message": "Global limit has been reached", "errorCode": "too_many_requests"}),
            7,
            "too_many_requests",
        ),
        (
            503,
            json!({"statusCode": 503, "error": "Service Unavailable", "message": "The service is down"}),
            8,
            "service_unavailable",
        ),
        (
            403,
            json!({"statusCode": 403, "error": "Forbidden", "message": "Insufficient scope, expected any of: read:users", "errorCode": "insufficient_scope"}),
            4,
            "insufficient_scope",
        ),
    ];
    for (status, body, exit, code) in cases {
        // A fresh token each time (the refusal of one makes it forgotten),
        // so the fault meets the API call itself.
        ok_json(&tenant, &["users", "show", demo::OTP_USER]);
        tenant.emulator.inject_fault(Fault::Respond {
            status,
            headers: vec![
                ("content-type".into(), "application/json".into()),
                // Longer than any wait the tool sits out: the 429 is final.
                ("retry-after".into(), "600".into()),
            ],
            body: body.to_string().into_bytes(),
        });
        let output = run(
            mgmt_cmd(&tenant).arg("--json"),
            &["users", "show", demo::OTP_USER],
        );
        assert_eq!(
            output.status.code(),
            Some(exit),
            "{status}: {}",
            stderr(&output)
        );
        let failure = stdout_json(&output);
        assert_eq!(failure["error"], code, "{status}: {failure}");
        assert_eq!(failure["exit_code"], exit, "{status}: {failure}");
    }
}

#[test]
fn a_cached_token_the_api_refuses_is_forgotten() {
    let tenant = TestTenant::demo();
    ok_json(&tenant, &["users", "show", demo::OTP_USER]);
    tenant.emulator.inject_fault(Fault::Respond {
        status: 401,
        headers: vec![("content-type".into(), "application/json".into())],
        body: br#"{"statusCode":401,"error":"Unauthorized","message":"Invalid token","attributes":{"error":"Invalid token"}}"#.to_vec(),
    });
    let output = run(&mut mgmt_cmd(&tenant), &["users", "show", demo::OTP_USER]);
    assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));
    assert!(stderr(&output).contains("forgotten"), "{}", stderr(&output));
    assert_eq!(tenant.count_grants(GRANT_CLIENT_CREDENTIALS), 1);
    ok_json(&tenant, &["users", "show", demo::OTP_USER]);
    assert_eq!(tenant.count_grants(GRANT_CLIENT_CREDENTIALS), 2);
}

/// The sweep end to end: the emulator's user search finds the users this
/// tool made; only those older than the age go, and no one else.
#[test]
fn the_sweep_finds_what_this_tool_made_through_the_search_and_keeps_the_rest() {
    let tenant = TestTenant::demo();
    let made = create(&tenant);
    std::thread::sleep(std::time::Duration::from_millis(2100));
    let fresh = create(&tenant);
    let swept = ok_json(
        &tenant,
        &[
            "users",
            "delete",
            "--created-by-this-tool",
            "--older-than",
            "2s",
            "--yes",
        ],
    );
    let deleted: Vec<&str> = swept["deleted"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|u| u["user_id"].as_str())
        .collect();
    assert_eq!(deleted, [made["user_id"].as_str().unwrap()], "{swept}");
    ok_json(
        &tenant,
        &["users", "show", fresh["email"].as_str().unwrap()],
    );
    ok_json(&tenant, &["users", "show", demo::OTP_USER]);
}
