//! Sessions from first login to logout: `login` stores what it ends with,
//! `token` answers from it (offline while it is valid), refreshes it (saving
//! a rotated refresh token, finishing MFA when the refresh asks), `logout`
//! revokes and forgets it, and `login --enroll` sets a new user up.

use std::process::Stdio;

use auth0_mfa::emulator::{Fault, Tenant};
use serde_json::Value;

use crate::harness::*;

/// A tenant whose application rotates refresh tokens; `client` is extra
/// lines of its `[[clients]]` table.
fn tenant_with(client: &str) -> TestTenant {
    TestTenant::serving(
        Tenant::from_toml(&format!(
            r#"
[settings]
min_poll_interval_ms = 50

[[clients]]
client_id = "{CLIENT_ID}"
client_secret = "{CLIENT_SECRET}"
rotate_refresh_tokens = true
{client}

[[users]]
username = "otp@test.example"
password = "{PASSWORD}"
[[users.authenticators]]
type = "otp"
secret = "{OTP_SECRET}"

[[users]]
username = "second@test.example"
password = "{PASSWORD}"
[[users.authenticators]]
type = "otp"
secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"

[[users]]
username = "new@test.example"
password = "{PASSWORD}"
"#
        ))
        .unwrap(),
        TEST_APP,
    )
}

const OFFLINE: [&str; 2] = ["--scope", "openid offline_access"];

fn log_in(tenant: &TestTenant, user: &str, secret: &str) -> Value {
    let output = tenant
        .cmd()
        .args(["login", "--json", "-u", user, "--otp-secret", secret])
        .args(OFFLINE)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    stdout_json(&output)
}

fn session_file(tenant: &TestTenant) -> std::path::PathBuf {
    tenant
        .home
        .path()
        .join(".local/state/auth0-mfa/sessions.json")
}

fn stored_refresh_token(tenant: &TestTenant) -> String {
    let index: Value =
        serde_json::from_str(&std::fs::read_to_string(session_file(tenant)).unwrap()).unwrap();
    index["sessions"][0]["tokens"]["refresh_token"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn login_stores_the_session_and_token_answers_from_it_without_a_request() {
    let tenant = tenant_with("");
    let tokens = log_in(&tenant, "otp@test.example", OTP_SECRET);
    let file = session_file(&tenant);
    assert!(
        file.exists(),
        "the file store is used where no OS store answers"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let before = tenant.emulator.received().len();
    let output = tenant.cmd().arg("token").output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        format!("{}\n", tokens["access_token"].as_str().unwrap())
    );
    assert_eq!(tenant.emulator.received().len(), before, "no request");

    let output = tenant.cmd().args(["token", "--json"]).output().unwrap();
    let set = stdout_json(&output);
    assert_eq!(set["access_token"], tokens["access_token"]);
    assert!(set.get("refresh_token").is_none(), "never printed by token");
    assert!(set["expires_in"].as_u64().unwrap() > 60);

    // And with the tenant gone, while the token is valid.
    let TestTenant { emulator, home, .. } = tenant;
    drop(emulator);
    let output = bare_cmd(&home)
        .env("AUTH0_DOMAIN", tokens_domain(&output))
        .env("AUTH0_CLIENT_ID", CLIENT_ID)
        .arg("token")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

/// The tenant's address, from the issuer of a token `token --json` printed.
fn tokens_domain(output: &std::process::Output) -> String {
    let set = stdout_json(output);
    let claims = auth0_mfa::jwt::claims(set["access_token"].as_str().unwrap()).unwrap();
    claims["iss"]
        .as_str()
        .unwrap()
        .trim_end_matches('/')
        .to_owned()
}

#[test]
fn an_access_token_near_its_end_is_refreshed_and_the_rotated_refresh_token_kept() {
    let tenant = tenant_with("");
    let first = log_in(&tenant, "otp@test.example", OTP_SECRET);
    let old_refresh = stored_refresh_token(&tenant);
    let output = tenant
        .cmd()
        .args(["token", "--json", "--min-ttl", "999999"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let set = stdout_json(&output);
    assert_ne!(set["access_token"], first["access_token"]);
    assert_eq!(tenant.count_grants("refresh_token"), 1);
    let new_refresh = stored_refresh_token(&tenant);
    assert_ne!(
        new_refresh, old_refresh,
        "the rotated refresh token is stored"
    );
    // The next refresh uses the new one, which the tenant accepts.
    let output = tenant
        .cmd()
        .args(["token", "--min-ttl", "999999"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let sent = tenant.requests_to("/oauth/token");
    assert_eq!(sent.last().unwrap()["refresh_token"], new_refresh);
}

#[test]
fn two_scripts_refreshing_at_once_do_not_lose_the_rotated_token() {
    let tenant = tenant_with("");
    log_in(&tenant, "otp@test.example", OTP_SECRET);
    let spawn = || {
        tenant
            .std_cmd()
            .args(["token", "--min-ttl", "999999"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let children: Vec<_> = (0..3).map(|_| spawn()).collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    }
    // Each refresh used the token the one before it stored (a reused,
    // rotated token would have ended the session).
    let output = tenant
        .cmd()
        .args(["token", "--min-ttl", "999999"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(tenant.count_grants("refresh_token"), 4);
}

#[test]
fn mfa_on_refresh_is_finished_with_the_answers_login_takes() {
    let tenant = tenant_with("mfa_on_refresh = true");
    // The login, the refreshes and their codes inside one step.
    within_one_totp_step(8);
    let step = auth0_mfa::totp::now_unix() / 30;
    // The login answers with the previous step's code, which Auth0 still
    // accepts (an authenticator app a little behind), so that this step's
    // code is the refresh's to send without waiting for the next.
    let output = tenant
        .cmd()
        .args(["login", "--json", "-u", "otp@test.example", "--otp"])
        .arg(otp_at_step(OTP_SECRET, step - 1))
        .args(OFFLINE)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let refresh = |answers: &[&str]| {
        tenant
            .cmd()
            .args(["token", "--json", "--min-ttl", "999999"])
            .args(answers)
            .output()
            .unwrap()
    };
    let output = refresh(&[]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "no answer, no terminal: {}",
        stderr(&output)
    );
    assert!(stderr(&output).contains("--otp"), "{}", stderr(&output));
    let output = refresh(&["--otp-secret", OTP_SECRET]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout_json(&output)["access_token"].is_string());
    let codes: Vec<String> = tenant
        .requests_to("/oauth/token")
        .iter()
        .filter(|r| r["grant_type"] == GRANT_MFA_OTP)
        .map(|r| r["otp"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        codes,
        [
            otp_at_step(OTP_SECRET, step - 1),
            otp_at_step(OTP_SECRET, step)
        ],
        "one code for the login, this step's for the refresh"
    );
    // The refresh's MFA keeps the ledger as login does: a second refresh
    // inside the step would send the code just spent, which Auth0 would
    // refuse (and count against the user); it waits instead, or with
    // --no-otp-wait fails having sent nothing.
    let output = refresh(&["--otp-secret", OTP_SECRET, "--no-otp-wait"]);
    assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));
    assert_eq!(stdout_json(&output)["error"], "otp_spent");
    assert_eq!(
        tenant.count_grants(GRANT_MFA_OTP),
        2,
        "the spent code was sent"
    );
}

fn otp_at_step(secret: &str, step: u64) -> String {
    let totp = auth0_mfa::totp::Totp::parse(secret, Default::default()).unwrap();
    totp.code_for_step(step)
}

#[test]
fn no_session_and_several_sessions_say_what_to_run() {
    let tenant = tenant_with("");
    let output = tenant.cmd().args(["token", "--json"]).output().unwrap();
    assert_eq!(output.status.code(), Some(6));
    let error = stdout_json(&output);
    assert_eq!(error["error"], "login_required");
    assert!(
        error["hint"].as_str().unwrap().contains("auth0-mfa login"),
        "{error}"
    );

    log_in(&tenant, "otp@test.example", OTP_SECRET);
    log_in(
        &tenant,
        "second@test.example",
        "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
    );
    // A store without an active session (as an older version wrote it):
    // several fit and nothing says which.
    let path = session_file(&tenant);
    let mut index: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let active = index["active"].take();
    assert_eq!(active["username"], "second@test.example", "{index}");
    std::fs::write(&path, index.to_string()).unwrap();
    let output = tenant.cmd().arg("token").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.contains("otp@test.example") && err.contains("second@test.example"),
        "{err}"
    );
    let output = tenant
        .cmd()
        .args(["token", "-u", "second@test.example"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

/// As gh's active account: the last login is what `token` and `logout`
/// use when several sessions fit and nothing narrows them, said with `-v`.
#[test]
fn the_last_login_is_the_active_session() {
    let tenant = tenant_with("");
    let first = log_in(&tenant, "otp@test.example", OTP_SECRET);
    let last = log_in(
        &tenant,
        "second@test.example",
        "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
    );
    let output = tenant.cmd().args(["token", "-v"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output).trim(),
        last["access_token"].as_str().unwrap()
    );
    let err = stderr(&output);
    assert!(
        err.contains("active session") && err.contains("second@test.example"),
        "{err}"
    );
    let output = tenant.cmd().args(["logout", "--json"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let done = stdout_json(&output)["logged_out"].clone();
    assert_eq!(done.as_array().unwrap().len(), 1, "{done}");
    assert_eq!(done[0]["username"], "second@test.example");
    // The other session stays, and is now the only one.
    let output = tenant.cmd().arg("token").output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output).trim(),
        first["access_token"].as_str().unwrap()
    );
}

#[test]
fn logout_revokes_and_forgets_and_a_failed_revoke_still_forgets() {
    let tenant = tenant_with("");
    log_in(&tenant, "otp@test.example", OTP_SECRET);
    let refresh = stored_refresh_token(&tenant);
    let output = tenant.cmd().args(["logout", "--json"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout_json(&output)["logged_out"][0]["revoked"], true);
    let revokes = tenant.requests_to("/oauth/revoke");
    assert_eq!(revokes.len(), 1);
    assert_eq!(revokes[0]["token"], refresh);
    assert_eq!(revokes[0]["client_secret"], CLIENT_SECRET);
    let output = tenant.cmd().arg("token").output().unwrap();
    assert_eq!(output.status.code(), Some(6), "the session is gone");

    log_in(
        &tenant,
        "second@test.example",
        "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
    );
    tenant.emulator.inject_fault(Fault::Html502);
    let output = tenant.cmd().args(["logout", "--json"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let done = &stdout_json(&output)["logged_out"][0];
    assert_eq!(done["revoked"], false);
    assert!(
        done["problem"].as_str().unwrap().contains("revoke failed"),
        "{done}"
    );
    assert!(
        stderr(&output).contains("forgotten here"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        tenant.cmd().arg("token").output().unwrap().status.code(),
        Some(6)
    );
}

#[test]
fn a_session_that_cannot_be_refreshed_names_the_login() {
    let tenant = tenant_with("");
    log_in(&tenant, "otp@test.example", OTP_SECRET);
    // Revoked behind the tool's back (another machine logged out).
    let refresh = stored_refresh_token(&tenant);
    let (status, _) = http(
        &tenant.base_url(),
        "POST",
        "/oauth/revoke",
        None,
        Some(&format!(
            r#"{{"token":"{refresh}","client_id":"{CLIENT_ID}","client_secret":"{CLIENT_SECRET}"}}"#
        )),
    );
    assert_eq!(status, 200);
    let output = tenant
        .cmd()
        .args(["token", "--json", "--min-ttl", "999999"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(6));
    let error = stdout_json(&output);
    assert!(
        error["hint"]
            .as_str()
            .unwrap()
            .contains("auth0-mfa login -u otp@test.example"),
        "{error}"
    );
}

/// Each login succeeds (a session to store exists) and leaves nothing: no
/// file, and `token` finds no session; the same login without the switch
/// stores one, so the file looked for is the right one.
#[test]
fn no_store_stores_nothing() {
    let login = |tenant: &TestTenant, how: &str| {
        let mut cmd = tenant.cmd();
        cmd.args(["login", "--json", "-u", "otp@test.example"]);
        match how {
            "env" => cmd.env("AUTH0_MFA_NO_STORE", "1"),
            "flag" => cmd.arg("--no-store"),
            _ => &mut cmd,
        };
        let output = cmd
            .args(["--otp-secret", OTP_SECRET])
            .args(OFFLINE)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{how}: {}", stderr(&output));
        assert!(stdout_json(&output)["refresh_token"].is_string(), "{how}");
    };
    for how in ["env", "flag"] {
        let tenant = tenant_with("");
        login(&tenant, how);
        assert!(
            !session_file(&tenant).exists(),
            "{how}: a session was stored"
        );
        let output = tenant.cmd().args(["token"]).output().unwrap();
        assert_eq!(output.status.code(), Some(6), "{how}: {}", stderr(&output));
    }
    let tenant = tenant_with("");
    login(&tenant, "neither");
    assert!(session_file(&tenant).exists(), "a login stores its session");
}

#[test]
fn tokens_stay_out_of_traces_when_token_refreshes() {
    let tenant = tenant_with("");
    log_in(&tenant, "otp@test.example", OTP_SECRET);
    let old_refresh = stored_refresh_token(&tenant);
    let output = tenant
        .cmd()
        .args(["token", "-vv", "--min-ttl", "999999"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let err = stderr(&output);
    let access = stdout(&output).trim().to_owned();
    for secret in [
        old_refresh.as_str(),
        &stored_refresh_token(&tenant),
        &access,
        CLIENT_SECRET,
    ] {
        assert!(!err.contains(secret), "the trace leaks a secret:\n{err}");
    }

    // And logout's revoke, which sends the refresh token as `token`.
    for mode in ["-vv", "--curl"] {
        if mode == "--curl" {
            log_in(
                &tenant,
                "second@test.example",
                "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
            );
        }
        let refresh = stored_refresh_token(&tenant);
        let output = tenant.cmd().args(["logout", mode]).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let err = stderr(&output);
        assert!(err.contains("/oauth/revoke"), "{err}");
        assert!(
            !err.contains(&refresh),
            "{mode} shows the revoked token:\n{err}"
        );
    }
}

#[test]
fn a_new_user_is_enrolled_and_logged_in_in_one_command() {
    let tenant = tenant_with("");
    let output = tenant
        .cmd()
        .args([
            "login",
            "--json",
            "-u",
            "new@test.example",
            "--enroll",
            "otp",
            "--otp-secret",
            "auto",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let result = stdout_json(&output);
    assert!(result["access_token"].is_string(), "{result}");
    let enrollment = &result["enrollment"];
    assert!(
        enrollment["secret"].as_str().unwrap().len() >= 16,
        "{result}"
    );
    assert!(
        enrollment["barcode_uri"]
            .as_str()
            .unwrap()
            .starts_with("otpauth://")
    );
    assert!(enrollment["recovery_codes"][0].is_string());
    // password grant, associate, mfa-otp grant: nothing more.
    assert_eq!(tenant.emulator.received().len(), 3);
    assert!(session_file(&tenant).exists(), "the session is stored too");
}

#[test]
fn a_new_user_without_enroll_or_a_terminal_is_told_how() {
    let tenant = tenant_with("");
    let output = tenant
        .cmd()
        .args(["login", "--json", "-u", "new@test.example"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(5), "{}", stderr(&output));
    let error = stdout_json(&output);
    assert!(
        error["hint"].as_str().unwrap().contains("--enroll otp"),
        "{error}"
    );
    assert!(tenant.requests_to("/mfa/associate").is_empty());

    // --enroll otp without a way to confirm: the hint names what is missing,
    // not the flag that was given.
    let output = tenant
        .cmd()
        .args([
            "login",
            "--json",
            "-u",
            "new@test.example",
            "--enroll",
            "otp",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let hint = stdout_json(&output)["hint"].as_str().unwrap().to_owned();
    assert!(
        hint.contains("--otp-secret auto") && !hint.contains("--enroll"),
        "{hint}"
    );
}

#[test]
fn an_enrollment_at_login_whose_confirmation_fails_keeps_its_recovery_code() {
    let tenant = tenant_with("");
    let output = tenant
        .cmd()
        .args([
            "login",
            "--json",
            "-u",
            "new@test.example",
            "--enroll",
            "otp",
            "--otp",
            "000000",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));
    let error = stdout_json(&output);
    assert_eq!(error["error"], "invalid_grant");
    assert!(
        error["enrollment"]["recovery_codes"][0].is_string(),
        "{error}"
    );
}

#[test]
fn a_new_user_in_text_mode_sees_the_enrollment_then_the_tokens() {
    let tenant = tenant_with("");
    let output = tenant
        .cmd()
        .args([
            "login",
            "-u",
            "new@test.example",
            "--enroll",
            "otp",
            "--otp-secret",
            "auto",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("secret") && text.contains("otpauth://"),
        "{text}"
    );
    assert!(text.contains("first factor enrolled"), "{text}");
    assert!(text.contains("access_token"), "{text}");
}

#[test]
fn config_show_says_where_sessions_go() {
    let tenant = tenant_with("");
    let output = tenant
        .cmd()
        .args(["config", "show", "--json"])
        .output()
        .unwrap();
    let store = stdout_json(&output)["session_store"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(store.contains("sessions.json"), "{store}");
    let output = tenant
        .cmd()
        .env("AUTH0_MFA_STORE", "nowhere")
        .args(["config", "show"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let output = tenant
        .cmd()
        .env("AUTH0_MFA_STORE", "nowhere")
        .arg("token")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
}

#[test]
fn a_valid_token_is_answered_while_another_process_holds_the_store_and_a_refresh_waits_timeout_at_most()
 {
    let tenant = tenant_with("");
    let tokens = log_in(&tenant, "otp@test.example", OTP_SECRET);
    // Another process refreshing (or a login at an MFA prompt) holds the lock.
    let lock = std::fs::OpenOptions::new()
        .write(true)
        .open(session_file(&tenant).with_extension("lock"))
        .unwrap();
    lock.lock().unwrap();
    let output = tenant.cmd().arg("token").output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output).trim(),
        tokens["access_token"].as_str().unwrap()
    );

    let started = std::time::Instant::now();
    let output = tenant
        .cmd()
        .args(["--timeout", "1", "token", "--min-ttl", "999999"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(11), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("held it for more than 1 s"),
        "{}",
        stderr(&output)
    );
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "bounded by --timeout"
    );
    drop(lock);
}

#[test]
fn a_token_dead_at_its_exp_is_not_answered_whatever_expires_in_claimed() {
    use base64::Engine;
    let tenant = tenant_with("");
    let encode = |v: Value| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v.to_string());
    let dead = format!(
        "{}.{}.c2ln",
        encode(serde_json::json!({"alg": "RS256"})),
        encode(serde_json::json!({"exp": 1000, "sub": "auth0|x"}))
    );
    // The password grant passes; the OTP grant's answer is the server's claim.
    tenant.emulator.inject_fault(Fault::Pass);
    tenant.emulator.inject_fault(Fault::Respond {
        status: 200,
        headers: vec![("content-type".into(), "application/json".into())],
        body: serde_json::json!({
            "access_token": dead,
            "refresh_token": "unknown-refresh-token",
            "token_type": "Bearer",
            "expires_in": 18446744073709551615u64,
        })
        .to_string()
        .into_bytes(),
    });
    log_in(&tenant, "otp@test.example", OTP_SECRET);
    let output = tenant.cmd().args(["token", "--json"]).output().unwrap();
    assert!(
        !stdout(&output).contains(&dead),
        "a dead token was answered: {}",
        stdout(&output)
    );
    assert_eq!(output.status.code(), Some(6), "{}", stderr(&output));
}

/// Every file and folder under `dir`, so that a test can see what a command
/// left behind.
fn everything_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(everything_under(&path));
        }
        found.push(path);
    }
    found.sort();
    found
}

/// Start-up pays only for what the command uses: a command that needs no
/// session store or ledger opens none (nothing appears under HOME).
#[test]
fn commands_without_sessions_leave_no_store_behind() {
    let home = tempfile::TempDir::new().unwrap();
    for args in [
        &["--version"][..],
        &["totp", "JBSWY3DPEHPK3PXP", "--time", "59"],
        &["completions", "bash"],
    ] {
        let output = bare_cmd(&home).args(args).output().unwrap();
        assert!(output.status.success(), "{args:?}: {}", stderr(&output));
    }
    assert_eq!(
        everything_under(home.path()),
        Vec::<std::path::PathBuf>::new()
    );

    let tenant = TestTenant::demo();
    let token = tenant.mfa_token(auth0_mfa::emulator::demo::OTP_USER);
    let before = everything_under(tenant.home.path());
    let output = tenant
        .cmd()
        .args(["challenge", "--mfa-token", &token, "--type", "otp"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(everything_under(tenant.home.path()), before);
}
