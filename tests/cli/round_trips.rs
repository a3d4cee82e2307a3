//! Every flow at the protocol's floor of requests, and never a wasted code:
//! an OTP login is two requests, a TOTP step is spent once per secret (the
//! next login waits for the next step rather than be refused), and codes can
//! come from another tool with --otp-command.

use std::process::Stdio;

use crate::harness::*;

/// The `totp` command of this very binary, as an `--otp-command`.
fn totp_command(secret: &str) -> String {
    format!("'{BIN}' totp {secret}")
}

#[test]
fn an_otp_login_is_two_requests_on_one_connection() {
    let tenant = TestTenant::fast("");
    let relay = CountingRelay::to(&tenant.base_url());
    let output = tenant
        .cmd()
        .env("AUTH0_DOMAIN", &relay.url)
        .args([
            "login",
            "--json",
            "-u",
            "recovery@test.example",
            "--otp-secret",
            OTP_SECRET,
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(tenant.grants(), vec![GRANT_PASSWORD, GRANT_MFA_OTP]);
    assert_eq!(tenant.emulator.received().len(), 2, "no list, no challenge");
    assert_eq!(relay.count(), 1, "one connection");
}

#[test]
fn back_to_back_logins_of_one_user_wait_for_the_next_step_instead_of_being_refused() {
    let tenant = TestTenant::fast("");
    let login = || {
        tenant
            .std_cmd()
            .args([
                "login",
                "--json",
                "-u",
                "recovery@test.example",
                "--otp-secret",
                OTP_SECRET,
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    // Two CI jobs at once, sharing the machine and the user.
    let (first, second) = (login(), login());
    let (first, second) = (
        first.wait_with_output().unwrap(),
        second.wait_with_output().unwrap(),
    );
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    let waited = [&first, &second]
        .iter()
        .filter(|o| stderr(o).contains("waiting"))
        .count();
    assert_eq!(waited, 1, "exactly one of them waited for the next step");
    // Two codes sent, both accepted: no attempt of the user's ten was spent.
    assert_eq!(tenant.count_grants(GRANT_MFA_OTP), 2);
    let codes: Vec<String> = tenant
        .requests_to("/oauth/token")
        .iter()
        .filter_map(|r| r["otp"].as_str().map(str::to_owned))
        .collect();
    assert_ne!(codes[0], codes[1]);
}

/// The README's recipe: a new test user set up in one command, its JSON the
/// secret and, as the confirmation, the user's tokens; a login straight after
/// it would send the code the confirmation spent, so it waits for the next
/// step (the wait itself is `back_to_back_logins_...`'s): here `--no-otp-wait`
/// shows that it would, with nothing sent.
#[test]
fn the_readme_recipe_enroll_then_log_in_works_as_written() {
    let tenant = TestTenant::fast("");
    within_one_totp_step(8);
    let output = tenant
        .cmd()
        .args([
            "enroll",
            "otp",
            "-u",
            "new@test.example",
            "--otp-secret",
            "auto",
            "--json",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let enrolled = stdout_json(&output);
    assert!(
        enrolled["confirmation"]["access_token"].is_string(),
        "{enrolled}"
    );
    let secret = enrolled["secret"].as_str().unwrap().to_owned();
    let output = tenant
        .cmd()
        .args([
            "login",
            "-u",
            "new@test.example",
            "--otp-secret",
            &secret,
            "--json",
            "--no-otp-wait",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));
    assert_eq!(stdout_json(&output)["error"], "otp_spent");
    assert_eq!(
        tenant.count_grants(GRANT_MFA_OTP),
        1,
        "the confirmation's code was not sent again"
    );
    // That the secret then logs the user in, a step later:
    // enroll::a_new_user_is_enrolled_in_otp_and_logs_in_with_it_unattended.
}

#[test]
fn no_otp_wait_fails_at_once_without_sending_the_spent_code() {
    let tenant = TestTenant::fast("");
    let login = |extra: &[&str]| {
        tenant
            .cmd()
            .args([
                "login",
                "--json",
                "-u",
                "recovery@test.example",
                "--otp-secret",
                OTP_SECRET,
            ])
            .args(extra)
            .output()
            .unwrap()
    };
    assert_eq!(login(&[]).status.code(), Some(0));
    let output = login(&["--no-otp-wait"]);
    assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));
    let error = stdout_json(&output);
    assert_eq!(error["error"], "otp_spent");
    assert!(error["hint"].as_str().unwrap().contains("--no-otp-wait"));
    assert_eq!(
        tenant.count_grants(GRANT_MFA_OTP),
        1,
        "the spent code was not sent"
    );
    assert_eq!(tenant.count_grants(GRANT_PASSWORD), 1, "nor anything else");
}

#[test]
fn an_otp_command_supplies_the_code_and_stays_out_of_traces() {
    let tenant = TestTenant::fast("");
    let output = tenant
        .cmd()
        .args(["login", "-vv", "--json", "-u", "recovery@test.example"])
        .args(["--otp-command", &totp_command(OTP_SECRET)])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(tenant.grants(), vec![GRANT_PASSWORD, GRANT_MFA_OTP]);
    let sent = tenant.requests_to("/oauth/token")[1]["otp"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        !stderr(&output).contains(&sent),
        "the code is masked in traces"
    );

    // From the environment and from a profile, too.
    let tenant = TestTenant::fast("");
    let output = tenant
        .cmd()
        .env("AUTH0_MFA_OTP_COMMAND", totp_command(OTP_SECRET))
        .args(["login", "--json", "-u", "recovery@test.example"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let dir = tenant.home.path().join(".config/auth0-mfa");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("config.toml"),
        format!(
            "[profiles.default]\notp_command = {:?}\n",
            totp_command(OTP_SECRET)
        ),
    )
    .unwrap();
    let output = tenant
        .cmd()
        .args(["config", "show", "--json"])
        .output()
        .unwrap();
    assert_eq!(
        stdout_json(&output)["settings"]["otp_command"]["source"],
        "profile default"
    );
}

#[test]
fn an_otp_command_that_fails_or_prints_no_code_sends_nothing() {
    let tenant = TestTenant::fast("");
    for (command, says) in [
        ("echo 'not signed in' >&2; exit 3", "exited 3"),
        ("echo hello", "printed no one-time code"),
        ("sleep 20", "within 1 s"),
    ] {
        let output = tenant
            .cmd()
            .args([
                "login",
                "--json",
                "--timeout",
                "1",
                "-u",
                "recovery@test.example",
            ])
            .args(["--otp-command", command])
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(2),
            "{command}: {}",
            stderr(&output)
        );
        let error = stdout_json(&output);
        assert!(
            error["error_description"].as_str().unwrap().contains(says),
            "{command}: {error}"
        );
    }
    assert_eq!(tenant.count_grants(GRANT_MFA_OTP), 0);
}

#[test]
fn an_otp_for_a_user_without_one_names_what_they_have_and_sends_no_code() {
    let tenant = TestTenant::fast("");
    let output = tenant
        .cmd()
        .args([
            "login",
            "--json",
            "-u",
            "sms@test.example",
            "--otp-secret",
            OTP_SECRET,
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(5), "{}", stderr(&output));
    let error = stdout_json(&output);
    assert!(error["hint"].as_str().unwrap().contains("sms"), "{error}");
    assert_eq!(
        tenant.count_grants(GRANT_MFA_OTP),
        0,
        "no attempt was spent"
    );
}

#[test]
fn a_code_sent_from_the_secret_is_not_sent_again_given_as_it_is_nor_the_other_way() {
    let step = || auth0_mfa::totp::now_unix() / 30;
    // Each order in turn, on a fresh tenant, until both logins fall in one
    // 30 s step (a step that turns in between makes the second code fresh).
    let orders: [[&[&str]; 2]; 2] = [
        [&["--otp-secret", OTP_SECRET], &["--otp", "CODE"]],
        [&["--otp", "CODE"], &["--otp-secret", OTP_SECRET]],
    ];
    for order in orders {
        loop {
            let tenant = TestTenant::fast("");
            let started = step();
            let login = |args: &[&str]| {
                let code = otp_now(OTP_SECRET);
                let args: Vec<&str> = args
                    .iter()
                    .map(|a| if *a == "CODE" { code.as_str() } else { a })
                    .collect();
                tenant
                    .cmd()
                    .args([
                        "login",
                        "--json",
                        "-u",
                        "recovery@test.example",
                        "--no-otp-wait",
                    ])
                    .args(&args)
                    .output()
                    .unwrap()
            };
            assert_eq!(login(order[0]).status.code(), Some(0));
            let output = login(order[1]);
            if step() != started {
                continue;
            }
            assert_eq!(
                output.status.code(),
                Some(4),
                "{order:?}: {}",
                stderr(&output)
            );
            assert_eq!(stdout_json(&output)["error"], "otp_spent");
            assert_eq!(
                tenant.count_grants(GRANT_MFA_OTP),
                1,
                "{order:?}: the code went out once"
            );
            break;
        }
    }
}
