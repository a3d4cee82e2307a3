//! Bad input is refused before the first request, with exit 2 and a line
//! that names the fix: oversized or non-text stdin, empty values, answers
//! that cannot be codes, secrets and URIs that cannot be TOTP secrets.

use crate::harness::*;

fn assert_refused_before_sending(tenant: &TestTenant, output: &std::process::Output) {
    assert_eq!(output.status.code(), Some(2), "{}", stderr(output));
    let err = stderr(output);
    assert!(!err.contains("internal error"), "{err}");
    assert_eq!(
        err.lines().filter(|l| l.starts_with("error:")).count(),
        1,
        "{err}"
    );
    assert!(
        tenant.emulator.received().is_empty(),
        "nothing may be sent: {:?}",
        tenant.emulator.received()
    );
}

#[test]
fn stdin_is_read_within_bounds_and_as_text() {
    let tenant = TestTenant::fast("");
    let huge = "Fe26.".to_owned() + &"A".repeat(200 * 1024);
    let output = tenant
        .cmd()
        .args(["verify", "--mfa-token", "-", "--otp", "123456"])
        .write_stdin(huge)
        .output()
        .unwrap();
    assert_refused_before_sending(&tenant, &output);
    assert!(stderr(&output).contains("KiB"), "{}", stderr(&output));

    let output = tenant
        .cmd()
        .args(["login", "-u", "push@test.example", "--password", "-"])
        .write_stdin(vec![0xff, 0xfe, b'\n'])
        .output()
        .unwrap();
    assert_refused_before_sending(&tenant, &output);
    assert!(stderr(&output).contains("UTF-8"), "{}", stderr(&output));
}

/// An empty value is named by the flag as typed: `authenticators` takes the
/// MFA API token as `--token`, and the hint says so, not `--mfa-token`.
#[test]
fn an_empty_value_is_named_by_the_flag_it_was_given_with() {
    let tenant = TestTenant::fast("");
    let output = tenant
        .cmd()
        .args(["authenticators", "list", "--json", "--token", ""])
        .output()
        .unwrap();
    assert_refused_before_sending(&tenant, &output);
    let error = stdout_json(&output);
    assert_eq!(
        error["hint"], "give a value, or leave --token out",
        "{error}"
    );
}

#[test]
fn an_empty_mfa_token_is_never_sent() {
    let tenant = TestTenant::fast("");
    let output = tenant
        .cmd()
        .args(["verify", "--mfa-token", "", "--otp", "123456"])
        .output()
        .unwrap();
    assert_refused_before_sending(&tenant, &output);
    assert!(stderr(&output).contains("empty"), "{}", stderr(&output));

    // What a failed `export AUTH0_MFA_TOKEN=$(...)` leaves behind.
    let output = tenant
        .cmd()
        .env("AUTH0_MFA_TOKEN", "")
        .args(["challenge", "--json", "--type", "otp"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let error = stdout_json(&output);
    assert!(
        error["error_description"]
            .as_str()
            .unwrap()
            .contains("AUTH0_MFA_TOKEN is set but empty"),
        "{error}"
    );
    assert!(tenant.emulator.received().is_empty());
}

#[test]
fn answers_that_cannot_be_codes_are_refused_before_the_password_grant() {
    let tenant = TestTenant::fast("");
    for (flag, value) in [
        ("--otp", "12345"),
        ("--otp", "one-two"),
        ("--recovery-code", "short"),
        ("--binding-code", "!"),
        ("--otp-secret", "not base32 at all!"),
        ("--otp-secret", "otpauth://"),
        ("--otp-secret", "otpauth:///"),
        ("--otp-secret", "OTPAUTH://"),
        ("--otp-secret", "otpauth://totp/x?secret=JBSWY3DP&digits=99"),
    ] {
        let output = tenant
            .cmd()
            .args(["login", "-u", "multi@test.example", flag, value])
            .output()
            .unwrap();
        assert_refused_before_sending(&tenant, &output);
        assert!(
            stderr(&output).contains(flag.trim_start_matches("--"))
                || stderr(&output).contains("OTP secret"),
            "{flag}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn totp_uris_without_a_type_or_secret_are_usage_errors() {
    let tenant = TestTenant::fast("");
    for uri in [
        "otpauth://",
        "otpauth:///",
        "OTPAUTH://",
        "otpauth://totp/x",
        "otpauth://hotp/x?secret=JBSWY3DP",
    ] {
        let output = bare_cmd(&tenant.home)
            .args(["totp", "--json", uri])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{uri}");
        assert_eq!(stdout_json(&output)["error"], "usage", "{uri}");
    }
}

/// What a Windows-edited file or the `$(...)` of a CRLF output leaves: a
/// token, secret or password with a `\r` at the end works as the file or
/// stdin would give it, from a flag and from a variable alike.
#[test]
fn a_stray_carriage_return_is_trimmed_from_flags_and_variables() {
    let tenant = TestTenant::demo();
    let token = tenant.mfa_token("otp@example.com");
    let output = tenant
        .cmd()
        .args(["authenticators", "list", "--json", "--token"])
        .arg(format!("{token}\r"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout_json(&output).is_array());

    let output = tenant
        .cmd()
        .env("AUTH0_MFA_TOKEN", format!(" {token}\r\n"))
        .env(
            "AUTH0_CLIENT_SECRET",
            format!("{}\r", auth0_mfa::emulator::demo::CLIENT_SECRET),
        )
        .args(["verify", "--json", "--otp-secret"])
        .arg(format!("{}\r", auth0_mfa::emulator::demo::OTP_SECRET))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout_json(&output)["access_token"].is_string());
}

/// Any other control character is no line end: it is refused, naming where
/// it came from, and nothing is sent.
#[test]
fn control_characters_inside_a_secret_are_refused_before_sending() {
    let tenant = TestTenant::fast("");
    let output = tenant
        .cmd()
        .args(["authenticators", "list", "--token", "Fe26.2*ab\rcd"])
        .output()
        .unwrap();
    assert_refused_before_sending(&tenant, &output);
    let err = stderr(&output);
    assert!(err.contains("flag --token"), "{err}");
    assert!(err.contains("control character"), "{err}");

    let output = tenant
        .cmd()
        .env("AUTH0_PASSWORD", "pass\u{7}word")
        .args(["login", "-u", "push@test.example"])
        .output()
        .unwrap();
    assert_refused_before_sending(&tenant, &output);
    assert!(
        stderr(&output).contains("env AUTH0_PASSWORD"),
        "{}",
        stderr(&output)
    );

    let output = tenant
        .cmd()
        .args([
            "verify",
            "--mfa-token",
            "Fe26.2*abcd",
            "--oob-code",
            "Fe26\u{1b}x",
        ])
        .output()
        .unwrap();
    assert_refused_before_sending(&tenant, &output);
    assert!(
        stderr(&output).contains("--oob-code"),
        "{}",
        stderr(&output)
    );
}
