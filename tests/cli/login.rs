//! `login`: the password grant and the OTP flow after mfa_required.

use auth0_mfa::emulator::demo;

use crate::harness::*;

#[test]
fn otp_login_with_a_computed_code_prints_tokens_as_json() {
    let tenant = TestTenant::demo();
    let output = tenant
        .cmd()
        .args([
            "login",
            "--json",
            "--username",
            demo::OTP_USER,
            "--password",
            demo::PASSWORD,
        ])
        .args(["--otp-secret", demo::OTP_SECRET])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let tokens = stdout_json(&output);
    assert_eq!(tokens["token_type"], "Bearer");
    let access = tokens["access_token"].as_str().unwrap();
    let claims = auth0_mfa::jwt::claims(access).expect("the access token is a JWT");
    assert!(claims["sub"].as_str().unwrap().starts_with("auth0|"));
    assert!(
        tokens["id_token"].is_string(),
        "openid is in the default scope"
    );

    // password grant -> mfa_required -> mfa-otp grant: the protocol's floor
    // (no authenticator list, no challenge: Auth0 needs neither for an OTP).
    assert_eq!(tenant.grants(), vec![GRANT_PASSWORD, GRANT_MFA_OTP]);
    assert_eq!(tenant.emulator.received().len(), 2);
    let token_requests = tenant.requests_to("/oauth/token");
    assert_eq!(token_requests[1]["client_id"], demo::CLIENT_ID);
    assert_eq!(token_requests[1]["client_secret"], demo::CLIENT_SECRET);
    assert!(
        token_requests[1]["mfa_token"]
            .as_str()
            .unwrap()
            .starts_with("Fe26.2*")
    );
    assert_eq!(token_requests[1]["otp"].as_str().unwrap().len(), 6);
}

#[test]
fn otp_login_with_the_code_given_as_a_flag_prints_text() {
    let tenant = TestTenant::demo();
    let output = tenant
        .cmd()
        .args(["login", "-u", demo::OTP_USER, "--password", demo::PASSWORD])
        .args(["--otp", &otp_now(demo::OTP_SECRET)])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("access_token"), "{text}");
    assert!(text.contains("claims (not verified)"), "{text}");
    assert!(
        !text.contains('\u{1b}'),
        "no colour when stdout is not a terminal"
    );
}

#[test]
fn wrong_otp_is_rejected_with_exit_4_and_the_bucket_hint() {
    let tenant = TestTenant::demo();
    let good = otp_now(demo::OTP_SECRET);
    let wrong = if good == "000000" { "111111" } else { "000000" };
    let output = tenant
        .cmd()
        .args([
            "login",
            "--json",
            "-u",
            demo::OTP_USER,
            "--password",
            demo::PASSWORD,
            "--otp",
            wrong,
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));
    let error = stdout_json(&output);
    assert_eq!(error["error"], "invalid_grant");
    assert_eq!(error["error_description"], "Invalid otp_code.");
    assert!(error["hint"].as_str().unwrap().contains("10 failed codes"));
    assert_eq!(error["exit_code"], 4);
}

#[test]
fn wrong_password_is_rejected_with_exit_4_naming_the_flags() {
    let tenant = TestTenant::demo();
    let output = tenant
        .cmd()
        .args([
            "login",
            "-u",
            demo::OTP_USER,
            "--password",
            "not-the-password",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4));
    let err = stderr(&output);
    assert!(err.contains("invalid_grant"), "{err}");
    assert!(err.contains("--username"), "{err}");
    assert!(output.stdout.is_empty());
}

#[test]
fn mfa_token_only_prints_just_the_token() {
    let tenant = TestTenant::demo();
    let token = tenant.mfa_token(demo::OTP_USER);
    assert!(token.starts_with("Fe26.2*"), "{token}");
    assert!(!token.contains('\n'));
    assert_eq!(tenant.grants(), vec![GRANT_PASSWORD]);
    assert!(tenant.requests_to("/mfa/challenge").is_empty());

    let output = tenant
        .cmd()
        .args([
            "login",
            "--mfa-token-only",
            "--json",
            "-u",
            demo::OTP_USER,
            "--password",
            demo::PASSWORD,
        ])
        .output()
        .unwrap();
    let body = stdout_json(&output);
    assert!(body["mfa_token"].as_str().unwrap().starts_with("Fe26.2*"));
    assert!(body["mfa_requirements"]["challenge"].is_array(), "{body}");
}

#[test]
fn no_terminal_and_no_code_fails_at_once_with_exit_2() {
    let tenant = TestTenant::demo();
    let started = std::time::Instant::now();
    let output = tenant
        .cmd()
        .args(["login", "-u", demo::OTP_USER, "--password", demo::PASSWORD])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("--otp"), "{err}");
    assert!(err.contains("AUTH0_OTP_SECRET"), "{err}");
    assert!(
        started.elapsed().as_secs() < 20,
        "it must not wait for input"
    );
    // Nothing was challenged that nobody could answer.
    assert!(tenant.requests_to("/mfa/challenge").is_empty());
}

#[test]
fn missing_password_without_a_terminal_names_the_flag_and_variable() {
    let tenant = TestTenant::demo();
    let output = tenant
        .cmd()
        .args(["login", "-u", demo::OTP_USER])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("password"), "{err}");
    assert!(err.contains("AUTH0_PASSWORD"), "{err}");
    assert!(tenant.emulator.received().is_empty(), "nothing sent");
}

#[test]
fn no_input_flag_refuses_to_prompt() {
    let tenant = TestTenant::demo();
    let output = tenant
        .cmd()
        .args(["login", "--no-input", "--json", "-u", demo::OTP_USER])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout_json(&output)["error"], "usage");
}

#[test]
fn password_from_stdin() {
    let tenant = TestTenant::demo();
    let output = tenant
        .cmd()
        .args([
            "login",
            "--mfa-token-only",
            "-u",
            demo::OTP_USER,
            "--password",
            "-",
        ])
        .write_stdin(format!("{}\n", demo::PASSWORD))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).starts_with("Fe26.2*"));
}

#[test]
fn realm_uses_the_password_realm_grant() {
    let tenant = TestTenant::demo();
    let output = tenant
        .cmd()
        .args([
            "login",
            "--realm",
            demo::REALM,
            "-u",
            demo::OTP_USER,
            "--password",
            demo::PASSWORD,
        ])
        .args(["--otp-secret", demo::OTP_SECRET, "--json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(tenant.grants(), vec![GRANT_PASSWORD_REALM, GRANT_MFA_OTP]);
    assert_eq!(tenant.requests_to("/oauth/token")[0]["realm"], demo::REALM);
}

#[test]
fn public_client_sends_no_secret() {
    let tenant = TestTenant::demo();
    let output = tenant
        .cmd()
        .env_remove("AUTH0_CLIENT_SECRET")
        .env("AUTH0_CLIENT_ID", demo::PUBLIC_CLIENT_ID)
        .args(["login", "-u", demo::OTP_USER, "--password", demo::PASSWORD])
        .args(["--otp-secret", demo::OTP_SECRET, "--json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    for body in tenant
        .requests_to("/oauth/token")
        .iter()
        .chain(&tenant.requests_to("/mfa/challenge"))
    {
        assert_eq!(body["client_id"], demo::PUBLIC_CLIENT_ID);
        assert!(body.get("client_secret").is_none(), "{body}");
    }
}

#[test]
fn audience_and_scope_are_sent() {
    let tenant = TestTenant::demo();
    let audience = format!("{}/api", tenant.base_url());
    let output = tenant
        .cmd()
        .args([
            "login",
            "--mfa-token-only",
            "-u",
            demo::OTP_USER,
            "--password",
            demo::PASSWORD,
        ])
        .args(["--audience", &audience, "--scope", "openid offline_access"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let request = &tenant.requests_to("/oauth/token")[0];
    assert_eq!(request["audience"], audience.as_str());
    assert_eq!(request["scope"], "openid offline_access");
}
