//! Codes sent by SMS, voice or email: a `--binding-code` for a message not
//! sent yet is refused before anything is sent, and `--binding-code-command`
//! takes the code once it is, here from `auth0-mfa emulator outbox`.

use auth0_mfa::emulator::demo;

use crate::harness::*;

/// The binary's directory first on PATH, so that a command run through the
/// shell finds `auth0-mfa` as a user's would.
fn path_with_the_binary() -> String {
    let dir = std::path::Path::new(BIN).parent().unwrap();
    format!("{}:/usr/bin:/bin", dir.display())
}

fn assert_refused_before_sending(tenant: &TestTenant, output: &std::process::Output) {
    assert_eq!(output.status.code(), Some(2), "{}", stderr(output));
    let err = stderr(output);
    assert!(err.contains("--binding-code-command"), "{err}");
    assert!(err.contains("verify --oob-code"), "{err}");
    assert!(
        tenant.emulator.received().is_empty() && tenant.emulator.outbox().is_empty(),
        "nothing may be sent: {:?}",
        tenant.emulator.received()
    );
}

#[test]
fn a_binding_code_for_a_message_not_sent_yet_is_refused() {
    let tenant = TestTenant::demo();
    let output = tenant
        .cmd()
        .args(["login", "-u", demo::SMS_USER, "--password", demo::PASSWORD])
        .args(["--factor", "sms", "--binding-code", "123456"])
        .output()
        .unwrap();
    assert_refused_before_sending(&tenant, &output);

    let output = tenant
        .cmd()
        .args([
            "enroll",
            "email",
            "--token",
            "Fe26.2*x",
            "--email",
            "me@example.com",
        ])
        .args(["--binding-code", "123456"])
        .output()
        .unwrap();
    assert_refused_before_sending(&tenant, &output);

    // Unattended without any answer: the ways that work, before the SMS.
    let output = tenant
        .cmd()
        .args(["login", "-u", demo::SMS_USER, "--password", demo::PASSWORD])
        .args(["--factor", "sms"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("--binding-code-command"));
    assert!(tenant.emulator.outbox().is_empty());
}

#[test]
fn an_sms_login_takes_its_code_from_the_binding_code_command() {
    let tenant = TestTenant::demo();
    let output = tenant
        .cmd()
        .env("PATH", path_with_the_binary())
        .args([
            "login",
            "--json",
            "-v",
            "-u",
            demo::SMS_USER,
            "--password",
            demo::PASSWORD,
        ])
        .args(["--factor", "sms", "--binding-code-command"])
        .arg("auth0-mfa emulator outbox --to \"$AUTH0_MFA_USERNAME\" --latest")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout_json(&output)["access_token"].is_string());
    // Which channel, said once: not "by SMS, voice or email".
    assert!(
        stderr(&output).contains("Auth0 sent the code by sms"),
        "{}",
        stderr(&output)
    );
    let code = tenant.emulator.outbox().pop().unwrap().code;
    let sent = tenant.requests_to("/oauth/token").pop().unwrap();
    assert_eq!(sent["binding_code"], code.as_str());
}

/// The command runs once the message is sent, with its channel and
/// destination, and without the tool's secrets in its environment.
#[test]
fn an_email_enrollment_is_confirmed_by_the_binding_code_command() {
    let tenant = TestTenant::demo();
    let token = tenant.mfa_token(demo::NEW_USER);
    let seen = tenant.home.path().join("env.txt");
    let command = format!(
        "env > '{}'; auth0-mfa emulator outbox --to \"$AUTH0_MFA_DESTINATION\" --latest",
        seen.display()
    );
    let output = tenant
        .cmd()
        .env("PATH", path_with_the_binary())
        .env("AUTH0_PASSWORD", demo::PASSWORD)
        .args(["enroll", "email", "--json", "--email", "me@example.com"])
        .args(["--token", &token, "--binding-code-command", &command])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout_json(&output)["confirmed"], true);
    let env = std::fs::read_to_string(&seen).unwrap();
    assert!(env.contains("AUTH0_MFA_CHANNEL=email\n"), "{env}");
    assert!(
        env.contains("AUTH0_MFA_DESTINATION=me@example.com\n"),
        "{env}"
    );
    for secret in [demo::CLIENT_SECRET, demo::PASSWORD, token.as_str()] {
        assert!(!env.contains(secret), "a secret reached the command: {env}");
    }
}

#[test]
fn the_outbox_lists_codes_and_matches_masked_destinations() {
    let tenant = TestTenant::demo();
    let output = tenant
        .cmd()
        .args(["emulator", "outbox", "--to", demo::SMS_PHONE, "--latest"])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(2),
        "nothing sent yet: {}",
        stdout(&output)
    );
    assert!(stderr(&output).contains("no code"), "{}", stderr(&output));
    let token = tenant.mfa_token(demo::SMS_USER);
    tenant
        .cmd()
        .args(["challenge", "--mfa-token", &token, "--type", "oob"])
        .assert()
        .success();
    let code = tenant.emulator.outbox().pop().unwrap().code;
    for to in [demo::SMS_PHONE, "XXXXXXX0100", demo::SMS_USER] {
        let output = tenant
            .cmd()
            .args(["emulator", "outbox", "--to", to, "--latest"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{to}: {}", stderr(&output));
        assert_eq!(stdout(&output), format!("{code}\n"));
    }
    let output = tenant
        .cmd()
        .args(["emulator", "outbox", "--json", "--to", "+15555550199"])
        .output()
        .unwrap();
    assert_eq!(stdout_json(&output), serde_json::json!([]));
}
