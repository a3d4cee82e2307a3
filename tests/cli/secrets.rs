//! No secret reaches a trace, an error or the terminal unless it is the
//! result the user asked for.

use auth0_mfa::emulator::demo;

use crate::harness::*;

#[test]
fn verbose_traces_mask_every_secret() {
    let tenant = TestTenant::demo();
    let token = tenant.mfa_token(demo::OTP_USER);
    let output = tenant
        .cmd()
        .args([
            "login",
            "-vv",
            "--json",
            "-u",
            demo::OTP_USER,
            "--password",
            demo::PASSWORD,
        ])
        .args(["--otp-secret", demo::OTP_SECRET])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains("POST"), "the trace is there: {err}");
    assert!(err.contains("/mfa/challenge"), "{err}");
    assert!(err.contains("********"), "{err}");
    let tokens = stdout_json(&output);
    let access_token = tokens["access_token"].as_str().unwrap();
    let id_token = tokens["id_token"].as_str().unwrap();
    let sent_otp = tenant.requests_to("/oauth/token").last().unwrap()["otp"]
        .as_str()
        .unwrap()
        .to_owned();
    let sent_mfa_token = tenant.requests_to("/mfa/challenge").last().unwrap()["mfa_token"]
        .as_str()
        .unwrap()
        .to_owned();
    for secret in [
        demo::CLIENT_SECRET,
        demo::PASSWORD,
        demo::OTP_SECRET,
        &sent_otp,
        &sent_mfa_token,
        &token,
        access_token,
        id_token,
    ] {
        assert!(!err.contains(secret), "stderr leaks {secret}:\n{err}");
    }
    let out = stdout(&output);
    for secret in [
        demo::CLIENT_SECRET,
        demo::PASSWORD,
        demo::OTP_SECRET,
        &sent_mfa_token,
    ] {
        assert!(!out.contains(secret), "stdout leaks {secret}");
    }
}

#[test]
fn errors_do_not_repeat_secrets() {
    let tenant = TestTenant::demo();
    let output = tenant
        .cmd()
        .env("AUTH0_CLIENT_SECRET", "super-secret-value")
        .args([
            "login",
            "-v",
            "-u",
            demo::OTP_USER,
            "--password",
            "hunter2-password",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4));
    let all = format!("{}{}", stdout(&output), stderr(&output));
    assert!(!all.contains("super-secret-value"));
    assert!(!all.contains("hunter2-password"));
}

#[test]
fn json_failure_of_a_wrong_code_does_not_echo_the_code() {
    let tenant = TestTenant::demo();
    let token = tenant.mfa_token(demo::OTP_USER);
    let output = tenant
        .cmd()
        .args([
            "verify",
            "--json",
            "-vv",
            "--mfa-token",
            &token,
            "--otp",
            "999999",
        ])
        .output()
        .unwrap();
    let all = format!("{}{}", stdout(&output), stderr(&output));
    assert!(!all.contains("999999") || otp_now(demo::OTP_SECRET) == "999999");
    assert!(!all.contains(&token));
}
