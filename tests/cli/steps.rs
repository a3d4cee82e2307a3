//! `challenge` and `verify` run one at a time, as scripts drive them.

use auth0_mfa::emulator::demo;

use crate::harness::*;

#[test]
fn challenge_prints_auth0s_fields_as_json() {
    let tenant = TestTenant::demo();
    let token = tenant.mfa_token(demo::OTP_USER);
    let output = tenant
        .cmd()
        .args([
            "challenge",
            "--json",
            "--type",
            "otp",
            "--mfa-token",
            &token,
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout_json(&output),
        serde_json::json!({"challenge_type": "otp"})
    );
    let sent = &tenant.requests_to("/mfa/challenge")[0];
    assert_eq!(sent["mfa_token"], token.as_str());
    assert_eq!(sent["challenge_type"], "otp");
}

#[test]
fn challenge_types_are_sent_space_separated_with_the_authenticator_id() {
    let tenant = TestTenant::demo();
    let token = tenant.mfa_token(demo::OTP_USER);
    let _ = tenant
        .cmd()
        .env("AUTH0_MFA_TOKEN", &token)
        .args([
            "challenge",
            "--type",
            "otp",
            "--type",
            "oob",
            "--authenticator-id",
            "totp|dev_x",
        ])
        .output()
        .unwrap();
    let sent = &tenant.requests_to("/mfa/challenge")[0];
    assert_eq!(sent["challenge_type"], "otp oob");
    assert_eq!(sent["authenticator_id"], "totp|dev_x");
}

#[test]
fn challenge_with_verify_finishes_the_flow() {
    let tenant = TestTenant::demo();
    let token = tenant.mfa_token(demo::OTP_USER);
    let output = tenant
        .cmd()
        .env("AUTH0_OTP_SECRET", demo::OTP_SECRET)
        .args([
            "challenge",
            "--verify",
            "--type",
            "otp",
            "--json",
            "--mfa-token",
            &token,
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout_json(&output)["access_token"].is_string());
}

#[test]
fn verify_with_an_otp_flag() {
    let tenant = TestTenant::demo();
    let token = tenant.mfa_token(demo::OTP_USER);
    let output = tenant
        .cmd()
        .args([
            "verify",
            "--json",
            "--mfa-token",
            &token,
            "--otp",
            &otp_now(demo::OTP_SECRET),
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout_json(&output)["access_token"].is_string());
    assert_eq!(tenant.grants(), vec![GRANT_PASSWORD, GRANT_MFA_OTP]);
}

#[test]
fn a_reused_code_is_refused() {
    let tenant = TestTenant::demo();
    let code = otp_now(demo::OTP_SECRET);
    let first = tenant.mfa_token(demo::OTP_USER);
    let output = tenant
        .cmd()
        .args(["verify", "--mfa-token", &first, "--otp", &code])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let second = tenant.mfa_token(demo::OTP_USER);
    // On this machine the code is known to be spent: refused before sending.
    let output = tenant
        .cmd()
        .args(["verify", "--json", "--mfa-token", &second, "--otp", &code])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4));
    assert_eq!(stdout_json(&output)["error"], "otp_spent");
    assert_eq!(
        tenant.count_grants(GRANT_MFA_OTP),
        1,
        "it was not sent again"
    );
    // From another machine (another HOME) it reaches Auth0, which refuses it.
    let elsewhere = tempfile::TempDir::new().unwrap();
    let output = bare_cmd(&elsewhere)
        .env("AUTH0_DOMAIN", tenant.base_url())
        .env("AUTH0_CLIENT_ID", demo::CLIENT_ID)
        .env("AUTH0_CLIENT_SECRET", demo::CLIENT_SECRET)
        .args(["verify", "--json", "--mfa-token", &second, "--otp", &code])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4));
    assert_eq!(
        stdout_json(&output)["error_description"],
        "Invalid otp_code."
    );
}

#[test]
fn verify_reads_the_mfa_token_from_stdin() {
    let tenant = TestTenant::demo();
    let token = tenant.mfa_token(demo::OTP_USER);
    let output = tenant
        .cmd()
        .args([
            "verify",
            "--json",
            "--mfa-token",
            "-",
            "--otp-secret",
            demo::OTP_SECRET,
        ])
        .write_stdin(format!("{token}\n"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn an_expired_mfa_token_exits_6_and_says_to_log_in_again() {
    let tenant = TestTenant::demo();
    let token = tenant.mfa_token(demo::OTP_USER);
    tenant.emulator.advance_clock(601);
    let output = tenant
        .cmd()
        .args([
            "verify",
            "--json",
            "--mfa-token",
            &token,
            "--otp-secret",
            demo::OTP_SECRET,
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(6), "{}", stdout(&output));
    let error = stdout_json(&output);
    assert_eq!(error["error"], "expired_token");
    assert!(error["hint"].as_str().unwrap().contains("log in again"));
}

#[test]
fn a_garbled_mfa_token_is_malformed() {
    let tenant = TestTenant::demo();
    let output = tenant
        .cmd()
        .args([
            "verify",
            "--json",
            "--mfa-token",
            "Fe26.2*garbage",
            "--otp",
            "123456",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4));
    let error = stdout_json(&output);
    assert_eq!(error["error_description"], "Malformed mfa_token");
    assert!(error["hint"].as_str().unwrap().contains("--mfa-token-only"));
}

#[test]
fn an_access_token_passed_as_mfa_token_is_caught_before_sending() {
    let tenant = TestTenant::demo();
    let output = tenant
        .cmd()
        .args([
            "login",
            "--json",
            "-u",
            demo::OTP_USER,
            "--password",
            demo::PASSWORD,
        ])
        .args(["--otp-secret", demo::OTP_SECRET])
        .output()
        .unwrap();
    let access_token = stdout_json(&output)["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let before = tenant.emulator.received().len();
    let output = tenant
        .cmd()
        .args(["challenge", "--mfa-token", &access_token])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("JWT"), "{}", stderr(&output));
    assert_eq!(tenant.emulator.received().len(), before);
}

#[test]
fn missing_mfa_token_names_flag_and_variable() {
    let tenant = TestTenant::demo();
    let output = tenant.cmd().args(["challenge"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.contains("--mfa-token") && err.contains("AUTH0_MFA_TOKEN"),
        "{err}"
    );
}

#[test]
fn new_user_challenge_needs_enrollment_exit_5() {
    let tenant = TestTenant::demo();
    let token = tenant.mfa_token(demo::NEW_USER);
    let output = tenant
        .cmd()
        .args(["challenge", "--json", "--mfa-token", &token])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(5), "{}", stdout(&output));
    assert!(
        stdout_json(&output)["hint"]
            .as_str()
            .unwrap()
            .contains("enroll")
    );
}
