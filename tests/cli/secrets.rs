//! No secret reaches a trace, an error or the terminal unless it is the
//! result the user asked for.

use auth0_mfa::emulator::demo;
use serde_json::Value;

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
    assert!(err.contains("/oauth/token"), "{err}");
    assert!(err.contains("********"), "{err}");
    let tokens = stdout_json(&output);
    let access_token = tokens["access_token"].as_str().unwrap();
    let id_token = tokens["id_token"].as_str().unwrap();
    let sent_otp = tenant.requests_to("/oauth/token").last().unwrap()["otp"]
        .as_str()
        .unwrap()
        .to_owned();
    let sent_mfa_token = tenant.requests_to("/oauth/token").last().unwrap()["mfa_token"]
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

/// A code that is none of the codes Auth0 could accept around now.
fn wrong_code(secret: &str) -> String {
    let totp = auth0_mfa::totp::Totp::parse(secret, Default::default()).unwrap();
    let now = auth0_mfa::totp::now_unix();
    let near: Vec<String> = [now - 30, now, now + 30]
        .iter()
        .map(|&t| totp.code_at(t))
        .collect();
    ["999999", "888888", "777777", "666666"]
        .into_iter()
        .find(|code| !near.iter().any(|n| n == code))
        .unwrap()
        .to_owned()
}

#[test]
fn json_failure_of_a_wrong_code_does_not_echo_the_code() {
    let tenant = TestTenant::demo();
    let token = tenant.mfa_token(demo::OTP_USER);
    let code = wrong_code(demo::OTP_SECRET);
    let output = tenant
        .cmd()
        .args([
            "verify",
            "--json",
            "-vv",
            "--mfa-token",
            &token,
            "--otp",
            &code,
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));
    assert_eq!(stdout_json(&output)["error"], "invalid_grant");
    let sent = tenant.requests_to("/oauth/token");
    assert_eq!(
        sent.last().unwrap()["otp"],
        code.as_str(),
        "the code was sent"
    );
    let all = format!("{}{}", stdout(&output), stderr(&output));
    assert!(!all.contains(&code), "{all}");
    assert!(!all.contains(&token), "{all}");
}

/// A secret too short for the masking of known values (which leaves short
/// strings alone, lest it mask ordinary words) is masked by its field name
/// in the form body `-vv` shows.
#[test]
fn a_four_character_password_is_masked_in_the_trace() {
    let password = "Zq9!";
    let tenant = TestTenant::serving(
        auth0_mfa::emulator::Tenant::from_toml(&format!(
            r#"
[[clients]]
client_id = "{CLIENT_ID}"
client_secret = "{CLIENT_SECRET}"

[[users]]
username = "short@test.example"
password = "{password}"
[[users.authenticators]]
type = "otp"
secret = "{OTP_SECRET}"
"#
        ))
        .unwrap(),
        TEST_APP,
    );
    for extra in [&["-vv"][..], &["-vv", "--json"]] {
        let output = tenant
            .cmd()
            .env("AUTH0_PASSWORD", password)
            .args(["login", "--mfa-token-only", "-u", "short@test.example"])
            .args(extra)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let err = stderr(&output);
        assert!(
            err.contains("password=********"),
            "the body is traced: {err}"
        );
        let all = format!("{}{err}", stdout(&output));
        assert!(
            !all.contains(password),
            "{extra:?}: the password leaks:\n{all}"
        );
    }
}

/// Every command, traced with `-vv` and `--curl`: no secret that was sent or
/// received appears on stderr, and stdout holds only the results asked for.
#[test]
fn no_command_leaks_a_secret_in_traces() {
    let tenant = TestTenant::demo();
    let key = tenant.home.path().join("key.pem");
    std::fs::write(&key, demo::JWT_CLIENT_PRIVATE_KEY_PEM).unwrap();
    let mut runs: Vec<(String, std::process::Output)> = Vec::new();
    let mut run = |name: &str, cmd: &mut assert_cmd::Command| -> std::process::Output {
        let output = cmd.args(["-vv", "--curl"]).output().unwrap();
        runs.push((name.to_owned(), output.clone()));
        output
    };
    let login = |user: &str| {
        let mut cmd = tenant.cmd();
        cmd.args(["login", "--json", "-u", user, "--password", demo::PASSWORD]);
        cmd
    };

    let out = run(
        "login otp",
        login(demo::OTP_USER).args(["--otp-secret", demo::OTP_SECRET]),
    );
    assert_eq!(out.status.code(), Some(0));
    let out = run(
        "login push",
        login(demo::PUSH_USER).args(["--factor", "push", "--interval", "1"]),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = run(
        "login recovery",
        login(demo::RECOVERY_USER).args(["--recovery-code", demo::RECOVERY_CODE]),
    );
    assert_eq!(out.status.code(), Some(0));
    let out = run(
        "login jwt",
        login(demo::OTP_USER)
            .env_remove("AUTH0_CLIENT_SECRET")
            .env("AUTH0_CLIENT_ID", demo::JWT_CLIENT_ID)
            .arg("--client-assertion-key")
            .arg(&key)
            .arg("--mfa-token-only"),
    );
    assert_eq!(out.status.code(), Some(0));

    let sms_token = tenant.mfa_token(demo::SMS_USER);
    let out = run(
        "challenge sms",
        tenant.cmd().args([
            "challenge",
            "--json",
            "--type",
            "oob",
            "--mfa-token",
            &sms_token,
        ]),
    );
    let oob_code = stdout_json(&out)["oob_code"].as_str().unwrap().to_owned();
    let binding = tenant.emulator.outbox().pop().unwrap().code;
    let out = run(
        "verify sms",
        tenant.cmd().args([
            "verify",
            "--json",
            "--mfa-token",
            &sms_token,
            "--oob-code",
            &oob_code,
            "--binding-code",
            &binding,
        ]),
    );
    assert_eq!(out.status.code(), Some(0));

    let new_token = tenant.mfa_token(demo::NEW_USER);
    let out = run(
        "enroll",
        tenant.cmd().args([
            "enroll",
            "otp",
            "--json",
            "--otp-secret",
            "auto",
            "--token",
            &new_token,
        ]),
    );
    assert_eq!(out.status.code(), Some(0));
    let enrolled = stdout_json(&out);

    let audience = format!(
        "https://{}/mfa/",
        tenant.base_url().trim_start_matches("http://")
    );
    let out = run(
        "login mfa api",
        login(demo::MULTI_USER)
            .args([
                "--factor",
                "otp",
                "--otp-secret",
                demo::OTP_SECRET,
                "--audience",
                &audience,
                "--scope",
                "read:authenticators remove:authenticators",
            ])
            // MULTI_USER shares OTP_USER's secret in the demo tenant only.
            .env(
                "XDG_STATE_HOME",
                tenant.home.path().join("multi-user-state"),
            ),
    );
    let access = stdout_json(&out)["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    run(
        "list",
        tenant
            .cmd()
            .args(["authenticators", "list", "--token", &access]),
    );
    let out = run(
        "delete",
        tenant.cmd().args([
            "authenticators",
            "delete",
            "email|dev_x",
            "--yes",
            "--token",
            &access,
        ]),
    );
    assert_eq!(out.status.code(), Some(4));
    run(
        "config show",
        tenant
            .cmd()
            .env("AUTH0_MFA_TOKEN", &access)
            .env("AUTH0_MGMT_CLIENT_SECRET", demo::MGMT_CLIENT_SECRET)
            .args(["config", "show"]),
    );

    // The Management API: its application's secret and its token.
    let mgmt = || {
        let mut cmd = tenant.cmd();
        cmd.env("AUTH0_MGMT_CLIENT_ID", demo::MGMT_CLIENT_ID)
            .env("AUTH0_MGMT_CLIENT_SECRET", demo::MGMT_CLIENT_SECRET);
        cmd
    };
    let out = run(
        "users create",
        mgmt().args(["users", "create", "--json", "--connection", demo::REALM]),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let created = stdout_json(&out);
    let err = stderr(&out);
    assert!(
        err.contains("$AUTH0_MGMT_CLIENT_SECRET") && err.contains("$AUTH0_MGMT_TOKEN"),
        "{err}"
    );
    let user_id = created["user_id"].as_str().unwrap().to_owned();
    let out = run(
        "users show",
        mgmt().args(["users", "show", "--json", &user_id]),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = run(
        "users delete",
        mgmt().args(["users", "delete", "--yes", &user_id]),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = run(
        "users show, refused",
        mgmt()
            .env("AUTH0_MFA_NO_STORE", "1")
            .env("AUTH0_MGMT_CLIENT_SECRET", "wrong-mgmt-secret-value")
            .args(["users", "show", "--json", &user_id]),
    );
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));

    // Everything secret that crossed the wire, in either direction.
    let mut secrets: Vec<String> = vec![
        demo::CLIENT_SECRET.into(),
        demo::PASSWORD.into(),
        demo::OTP_SECRET.into(),
        demo::RECOVERY_CODE.into(),
        binding.clone(),
        oob_code.clone(),
        access.clone(),
        demo::MGMT_CLIENT_SECRET.into(),
        "wrong-mgmt-secret-value".into(),
        created["password"].as_str().unwrap().into(),
        created["otp_secret"].as_str().unwrap().into(),
        enrolled["secret"].as_str().unwrap().into(),
        enrolled["recovery_codes"][0].as_str().unwrap().into(),
    ];
    for request in tenant.emulator.received() {
        if let Some(auth) = &request.authorization {
            secrets.push(auth.trim_start_matches("Bearer ").to_owned());
        }
        for field in [
            "mfa_token",
            "otp",
            "oob_code",
            "binding_code",
            "recovery_code",
            "client_assertion",
            "client_secret",
            "password",
            "totp_secret",
        ] {
            if let Some(value) = request.body.get(field).and_then(Value::as_str) {
                secrets.push(value.to_owned());
            }
        }
    }
    for (_, output) in &runs {
        if let Ok(Value::Object(result)) = serde_json::from_slice::<Value>(&output.stdout) {
            for field in ["access_token", "id_token", "refresh_token", "recovery_code"] {
                if let Some(value) = result.get(field).and_then(Value::as_str) {
                    secrets.push(value.to_owned());
                }
            }
        }
    }
    secrets.retain(|s| s.len() >= 6);
    for (name, output) in &runs {
        let err = stderr(output);
        if name != "config show" {
            assert!(
                err.contains("curl ")
                    && ["* POST", "* GET", "* DELETE"]
                        .iter()
                        .any(|line| err.contains(line)),
                "{name}: the trace ran"
            );
        }
        for secret in &secrets {
            assert!(
                !err.contains(secret.as_str()),
                "{name}: stderr leaks {secret}\n{err}"
            );
        }
        let out = stdout(output);
        for input in [
            demo::CLIENT_SECRET,
            demo::PASSWORD,
            demo::OTP_SECRET,
            demo::MGMT_CLIENT_SECRET,
            "wrong-mgmt-secret-value",
        ] {
            assert!(!out.contains(input), "{name}: stdout leaks {input}");
        }
        // Tokens only where a result asked for them: never a Management token.
        for request in tenant.emulator.received() {
            if let Some(auth) = request
                .authorization
                .filter(|_| request.path.starts_with("/api/v2/"))
            {
                let token = auth.trim_start_matches("Bearer ");
                assert!(
                    !out.contains(token),
                    "{name}: stdout leaks the Management token"
                );
            }
        }
    }
}
