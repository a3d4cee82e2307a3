//! Every factor through the real binary: push polling, SMS/voice/email codes,
//! recovery codes, the failed-code bucket, and choosing a factor.

use std::time::{Duration, Instant};

use serde_json::Value;

use crate::harness::*;

fn login_push(tenant: &TestTenant, user: &str, extra: &[&str]) -> std::process::Output {
    tenant
        .cmd()
        .args([
            "login",
            "--json",
            "-u",
            user,
            "--factor",
            "push",
            "--interval",
            "0.1",
        ])
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn push_approved_after_polling() {
    let tenant = TestTenant::fast("");
    let output = login_push(&tenant, "push@test.example", &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout_json(&output)["access_token"].is_string());
    assert_eq!(
        tenant.count_grants(GRANT_MFA_OOB),
        2,
        "pending, then approved"
    );
    // The user's one out-of-band factor: no list, no id, Auth0 finds it.
    let challenge = &tenant.requests_to("/mfa/challenge")[0];
    assert_eq!(challenge["challenge_type"], "oob");
    assert!(challenge.get("authenticator_id").is_none(), "{challenge}");
    assert!(tenant.requests_to("/mfa/authenticators").is_empty());
    let poll = tenant.requests_to("/oauth/token").pop().unwrap();
    assert!(
        poll.get("binding_code").is_none(),
        "a push sends no binding code"
    );
}

#[test]
fn push_approved_through_the_control_api_while_waiting() {
    let tenant = TestTenant::fast("");
    let approver = {
        let base = tenant.base_url();
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(400));
            // The same control endpoint users' scripts call.
            let body = r#"{"username":"manual@test.example"}"#;
            http(&base, "POST", "/_emulator/push/approve", None, Some(body)).0
        })
    };
    let output = login_push(&tenant, "manual@test.example", &[]);
    assert_eq!(approver.join().unwrap(), 200);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(tenant.count_grants(GRANT_MFA_OOB) >= 3);
}

#[test]
fn push_rejected_exits_4() {
    let tenant = TestTenant::fast("");
    let output = login_push(&tenant, "reject@test.example", &[]);
    assert_eq!(output.status.code(), Some(4));
    let error = stdout_json(&output);
    assert_eq!(error["error"], "access_denied");
    assert_eq!(error["error_description"], "MFA Authorization rejected.");
    assert_eq!(tenant.count_grants(GRANT_MFA_OOB), 1, "rejection is final");
}

#[test]
fn push_gives_up_at_the_timeout_with_exit_9() {
    let tenant = TestTenant::fast("");
    let started = Instant::now();
    let output = tenant
        .cmd()
        .args([
            "login",
            "--json",
            "-u",
            "manual@test.example",
            "--factor",
            "push",
        ])
        .args(["--interval", "0.2", "--timeout", "1"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(9), "{}", stdout(&output));
    assert_eq!(stdout_json(&output)["error"], "timeout");
    let polls = tenant.count_grants(GRANT_MFA_OOB);
    assert!(
        (4..=6).contains(&polls),
        "one poll every 0.2 s for 1 s, not {polls}"
    );
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[test]
fn slow_down_lengthens_the_interval() {
    // The tenant wants 300 ms between polls; the client starts at 100 ms.
    let tenant = TestTenant::fast("min_poll_interval_ms = 300");
    let started = Instant::now();
    let output = login_push(&tenant, "push@test.example", &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    // pending, slow_down (does not count), then approved after the longer wait.
    assert_eq!(tenant.count_grants(GRANT_MFA_OOB), 3);
    assert!(
        started.elapsed() >= Duration::from_secs(5),
        "slow_down adds 5 s"
    );
}

#[test]
fn an_interval_in_the_challenge_is_a_floor() {
    let tenant = TestTenant::fast("advertise_poll_interval = 1");
    let output = login_push(&tenant, "push@test.example", &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(
        tenant.count_grants(GRANT_MFA_OOB),
        2,
        "no poll came too early"
    );
}

#[test]
fn no_wait_reports_a_pending_push_with_exit_10() {
    let tenant = TestTenant::fast("");
    let token = tenant.mfa_token("manual@test.example");
    let oob_code = tenant.oob_challenge(&token);
    let poll_once = || {
        tenant
            .cmd()
            .args([
                "verify",
                "--json",
                "--no-wait",
                "--mfa-token",
                &token,
                "--oob-code",
                &oob_code,
            ])
            .output()
            .unwrap()
    };
    let output = poll_once();
    assert_eq!(output.status.code(), Some(10));
    assert_eq!(stdout_json(&output)["error"], "authorization_pending");

    assert!(tenant.emulator.approve_push("manual@test.example"));
    std::thread::sleep(Duration::from_millis(100)); // past the tenant's poll interval
    let output = poll_once();
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}

/// A second `--no-wait` poll straight after the first (as `verify --no-wait`
/// run twice, or right after `challenge`) meets Auth0's `slow_down`, which says
/// nothing of the push: the tool waits the interval it asks for and polls
/// again, and the user sees the push's own answer, never slow_down.
#[test]
fn no_wait_straight_after_a_poll_waits_out_slow_down_instead_of_reporting_it() {
    let tenant = TestTenant::fast("min_poll_interval_ms = 1500");
    let token = tenant.mfa_token("manual@test.example");
    let oob_code = tenant.oob_challenge(&token);
    let poll_once = || {
        let started = Instant::now();
        let output = tenant
            .cmd()
            .args(["verify", "--json", "--no-wait", "--interval", "0.5"])
            .args(["--mfa-token", &token, "--oob-code", &oob_code])
            .output()
            .unwrap();
        (output, started.elapsed())
    };
    let (first, _) = poll_once();
    assert_eq!(stdout_json(&first)["error"], "authorization_pending");
    let (pending, waited) = poll_once();
    assert_eq!(pending.status.code(), Some(10), "{}", stderr(&pending));
    assert_eq!(stdout_json(&pending)["error"], "authorization_pending");
    assert!(
        !stderr(&pending).contains("slow_down"),
        "{}",
        stderr(&pending)
    );
    // Retry-After (2 s, the tenant's 1.5 s rounded up) beat --interval.
    assert!(waited >= Duration::from_secs(2), "{waited:?}");
    assert!(tenant.emulator.approve_push("manual@test.example"));
    let (approved, _) = poll_once();
    assert_eq!(approved.status.code(), Some(0), "{}", stderr(&approved));
    assert!(stdout_json(&approved)["access_token"].is_string());
    // Two polls each for the last two commands: the refused one and the answer.
    assert_eq!(tenant.count_grants(GRANT_MFA_OOB), 5);
}

#[test]
fn an_expired_push_exits_6() {
    let tenant = TestTenant::fast("");
    let token = tenant.mfa_token("manual@test.example");
    let oob_code = tenant.oob_challenge(&token);
    tenant.emulator.advance_clock(301);
    let output = tenant
        .cmd()
        .args([
            "verify",
            "--json",
            "--interval",
            "0.1",
            "--mfa-token",
            &token,
            "--oob-code",
            &oob_code,
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(6), "{}", stdout(&output));
    assert_eq!(stdout_json(&output)["error"], "expired_token");
}

#[test]
fn sms_by_steps_challenge_outbox_verify() {
    let tenant = TestTenant::fast("");
    let token = tenant.mfa_token("sms@test.example");
    let output = tenant
        .cmd()
        .args([
            "challenge",
            "--json",
            "--type",
            "oob",
            "--mfa-token",
            &token,
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let challenge = stdout_json(&output);
    assert_eq!(challenge["binding_method"], "prompt");
    let oob_code = challenge["oob_code"].as_str().unwrap();
    let message = tenant.emulator.outbox().pop().expect("an SMS was sent");
    assert_eq!(message.channel, "sms");
    assert_eq!(message.to, "+15555550123");
    let output = tenant
        .cmd()
        .args([
            "verify",
            "--json",
            "--mfa-token",
            &token,
            "--oob-code",
            oob_code,
        ])
        .args(["--binding-code", &message.code])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let sent = tenant.requests_to("/oauth/token").pop().unwrap();
    assert_eq!(sent["grant_type"], GRANT_MFA_OOB);
    assert_eq!(sent["binding_code"], message.code.as_str());
}

#[test]
fn a_wrong_binding_code_exits_4() {
    let tenant = TestTenant::fast("");
    let token = tenant.mfa_token("email@test.example");
    let output = tenant
        .cmd()
        .args(["challenge", "--json", "--mfa-token", &token])
        .output()
        .unwrap();
    let oob_code = stdout_json(&output)["oob_code"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(tenant.emulator.outbox().pop().unwrap().channel, "email");
    let output = tenant
        .cmd()
        .args([
            "verify",
            "--json",
            "--mfa-token",
            &token,
            "--oob-code",
            &oob_code,
            "--binding-code",
            "000000x",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4));
    let error = stdout_json(&output);
    assert_eq!(error["error_description"], "Invalid binding_code.");
    assert!(error["hint"].as_str().unwrap().contains("10 failed codes"));
}

#[test]
fn sms_login_without_a_terminal_fails_before_sending_the_message() {
    let tenant = TestTenant::fast("");
    let output = tenant
        .cmd()
        .args(["login", "-u", "sms@test.example", "--factor", "sms"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("--binding-code"),
        "{}",
        stderr(&output)
    );
    assert!(
        tenant.emulator.outbox().is_empty(),
        "no SMS nobody can answer"
    );
}

#[test]
fn voice_is_challenged_by_its_authenticator_id() {
    let tenant = TestTenant::fast("");
    let token = tenant.mfa_token("sms@test.example");
    let output = tenant
        .cmd()
        .args([
            "challenge",
            "--json",
            "--type",
            "oob",
            "--mfa-token",
            &token,
        ])
        .args(["--authenticator-id", &voice_id(&tenant, &token)])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(tenant.emulator.outbox().pop().unwrap().channel, "voice");
}

/// The linked voice entry: it shares the sms entry's `dev_` suffix.
fn voice_id(tenant: &TestTenant, token: &str) -> String {
    let list = http(
        &tenant.base_url(),
        "GET",
        "/mfa/authenticators",
        Some(token),
        None,
    )
    .1;
    let sms = list
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_owned())
        .find(|id| id.starts_with("sms|"))
        .unwrap();
    let voice = sms.replace("sms|", "voice|");
    assert!(list.to_string().contains(&voice), "{list}");
    voice
}

#[test]
fn recovery_code_login_shows_and_saves_the_new_code() {
    let tenant = TestTenant::fast("");
    let file = tenant.home.path().join("recovery.txt");
    let output = tenant
        .cmd()
        .args([
            "login",
            "--json",
            "-u",
            "recovery@test.example",
            "--recovery-code",
            RECOVERY_CODE,
        ])
        .arg("--save-recovery-code")
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let tokens = stdout_json(&output);
    let new_code = tokens["recovery_code"].as_str().unwrap();
    assert_ne!(new_code, RECOVERY_CODE);
    assert_eq!(std::fs::read_to_string(&file).unwrap().trim(), new_code);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&file).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    assert_eq!(
        tenant.grants(),
        vec![GRANT_PASSWORD, GRANT_MFA_RECOVERY_CODE]
    );
    assert!(
        tenant.requests_to("/mfa/challenge").is_empty(),
        "no challenge for a recovery code"
    );

    // The old code is spent; the new one works, and text mode makes it impossible to miss.
    let output = tenant
        .cmd()
        .args([
            "login",
            "-u",
            "recovery@test.example",
            "--recovery-code",
            RECOVERY_CODE,
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4));
    let output = tenant
        .cmd()
        .args([
            "login",
            "-u",
            "recovery@test.example",
            "--recovery-code",
            new_code,
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("NEW RECOVERY CODE"));
}

#[test]
fn the_new_recovery_code_is_printed_even_when_saving_fails() {
    let tenant = TestTenant::fast("");
    // A directory where the file should go: the checks before sending pass
    // (--overwrite, an existing parent), the rename at the end cannot.
    let blocker = tenant.home.path().join("recovery.txt");
    std::fs::create_dir_all(blocker.join("inside")).unwrap();
    let output = tenant
        .cmd()
        .args([
            "login",
            "--json",
            "-u",
            "recovery@test.example",
            "--recovery-code",
            RECOVERY_CODE,
            "--overwrite",
        ])
        .arg("--save-recovery-code")
        .arg(&blocker)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(11), "{}", stderr(&output));
    let tokens = stdout_json(&output);
    assert!(
        tokens["recovery_code"].is_string(),
        "stdout still holds the one result"
    );
    assert!(
        stderr(&output).contains("cannot write the recovery code to"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_save_that_cannot_work_is_refused_before_the_code_is_spent() {
    let tenant = TestTenant::fast("");
    let existing = tenant.home.path().join("old-code.txt");
    std::fs::write(&existing, "the previous code\n").unwrap();
    for target in [
        existing.clone(),
        tenant.home.path().join("no-such-dir/code.txt"),
    ] {
        let output = tenant
            .cmd()
            .args(["login", "-u", "recovery@test.example"])
            .args(["--recovery-code", RECOVERY_CODE])
            .arg("--save-recovery-code")
            .arg(&target)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    }
    assert!(tenant.grants().is_empty(), "nothing was sent");
    assert_eq!(
        std::fs::read_to_string(&existing).unwrap(),
        "the previous code\n"
    );
}

#[test]
fn a_wrong_recovery_code_exits_4() {
    let tenant = TestTenant::fast("");
    let token = tenant.mfa_token("recovery@test.example");
    let output = tenant
        .cmd()
        .args([
            "verify",
            "--json",
            "--mfa-token",
            &token,
            "--recovery-code",
            "WRONGWRONGWRONGWRONGWRON",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4));
    assert!(
        stdout_json(&output)["hint"]
            .as_str()
            .unwrap()
            .contains("recovery code")
    );
}

#[test]
fn the_failed_code_bucket_ends_in_too_many_attempts() {
    let tenant = TestTenant::fast("");
    let token = tenant.mfa_token("recovery@test.example");
    let good = otp_now(OTP_SECRET);
    // Ten different wrong codes: the same one twice is refused before it is sent.
    let wrong: Vec<String> = (100_000..)
        .map(|n: u32| n.to_string())
        .filter(|c| *c != good)
        .take(10)
        .collect();
    for (attempt, wrong) in wrong.iter().enumerate() {
        let output = tenant
            .cmd()
            .args(["verify", "--mfa-token", &token, "--otp", wrong])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(4), "attempt {attempt}");
    }
    assert_eq!(tenant.count_grants(GRANT_MFA_OTP), 10);
    let output = tenant
        .cmd()
        .args(["verify", "--json", "--mfa-token", &token, "--otp", &good])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(7));
    let error = stdout_json(&output);
    assert_eq!(error["error"], "too_many_attempts");
    assert_eq!(error["status"], 429);
    assert!(error["hint"].as_str().unwrap().contains("6 minutes"));
}

#[test]
fn several_factors_without_a_terminal_list_the_choices() {
    let tenant = TestTenant::fast("");
    let output = tenant
        .cmd()
        .args(["login", "-u", "multi@test.example"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    for choice in ["--factor", "otp", "push", "sms", "email", "recovery-code"] {
        assert!(err.contains(choice), "{choice} missing from: {err}");
    }
    assert!(tenant.requests_to("/mfa/challenge").is_empty());
}

#[test]
fn an_otp_secret_implies_the_otp_factor() {
    let tenant = TestTenant::fast("");
    let output = tenant
        .cmd()
        .args([
            "login",
            "--json",
            "-u",
            "multi@test.example",
            "--otp-secret",
            OTP_SECRET,
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    // No list and no challenge: an OTP needs neither.
    assert_eq!(tenant.grants(), vec![GRANT_PASSWORD, GRANT_MFA_OTP]);
    assert_eq!(tenant.emulator.received().len(), 2);
}

#[test]
fn a_factor_the_user_lacks_exits_5_naming_what_they_have() {
    let tenant = TestTenant::fast("");
    let output = tenant
        .cmd()
        .args([
            "login",
            "--json",
            "-u",
            "sms@test.example",
            "--factor",
            "push",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(5));
    let error = stdout_json(&output);
    assert!(error["hint"].as_str().unwrap().contains("sms"), "{error}");
}

#[test]
fn the_profile_names_the_factor() {
    let tenant = TestTenant::fast("");
    let dir = tenant.home.path().join(".config/auth0-mfa");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("config.toml"),
        "[profiles.default]\nfactor = \"push\"\n",
    )
    .unwrap();
    let output = tenant
        .cmd()
        .args([
            "login",
            "--json",
            "-u",
            "multi@test.example",
            "--timeout",
            "1",
            "--interval",
            "0.3",
        ])
        .output()
        .unwrap();
    // multi's push is manual: the push was chosen, and nobody approved it.
    assert_eq!(output.status.code(), Some(9), "{}", stdout(&output));
    let challenge: Value = tenant.requests_to("/mfa/challenge")[0].clone();
    assert!(
        challenge["authenticator_id"]
            .as_str()
            .unwrap()
            .starts_with("push|")
    );
}

#[test]
fn challenge_verify_polls_a_push() {
    let tenant = TestTenant::fast("");
    let token = tenant.mfa_token("push@test.example");
    let output = tenant
        .cmd()
        .args([
            "challenge",
            "--verify",
            "--json",
            "--type",
            "oob",
            "--interval",
            "0.1",
            "--mfa-token",
            &token,
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout_json(&output)["access_token"].is_string());
}

#[test]
fn an_exported_otp_secret_does_not_stop_verify_from_polling_a_push() {
    let tenant = TestTenant::fast("");
    let token = tenant.mfa_token("push@test.example");
    let oob_code = tenant.oob_challenge(&token);
    let output = tenant
        .cmd()
        .env("AUTH0_OTP_SECRET", OTP_SECRET)
        .args([
            "verify",
            "--json",
            "--interval",
            "0.1",
            "--mfa-token",
            &token,
            "--oob-code",
            &oob_code,
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}
