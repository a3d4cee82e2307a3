//! The ledger of spent codes, through the binary: a step older than the last
//! one spent is spent too, a code given as is is remembered for 90 s and not
//! one second more, and the wait after a spent step is the secret's own step.
//! The ledger is the tool's file; the tests move its entries back in time
//! rather than wait, since the tool reads the system clock.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Output, Stdio};
use std::time::Duration;

use serde_json::Value;

use crate::harness::*;

const USER: &str = "recovery@test.example";

fn state_home(tenant: &TestTenant) -> PathBuf {
    tenant.home.path().join("state")
}

fn ledger_path(tenant: &TestTenant) -> PathBuf {
    state_home(tenant).join("auth0-mfa/spent-codes.json")
}

fn read_ledger(tenant: &TestTenant) -> Value {
    serde_json::from_str(&std::fs::read_to_string(ledger_path(tenant)).unwrap()).unwrap()
}

fn write_ledger(tenant: &TestTenant, ledger: &Value) {
    std::fs::write(ledger_path(tenant), ledger.to_string()).unwrap();
}

fn login(tenant: &TestTenant, args: &[&str]) -> Output {
    tenant
        .cmd()
        .env("XDG_STATE_HOME", state_home(tenant))
        .args(["login", "--json", "-u", USER])
        .args(args)
        .output()
        .unwrap()
}

fn now() -> u64 {
    auth0_mfa::totp::now_unix()
}

/// The number in `text` right after `before` ("... begins in 42 s").
fn number_after(text: &str, before: &str) -> u64 {
    let rest = text
        .split_once(before)
        .unwrap_or_else(|| panic!("no {before:?} in {text}"))
        .1;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().unwrap_or_else(|_| panic!("{text}"))
}

#[test]
fn a_step_older_than_the_last_one_spent_is_refused() {
    let tenant = TestTenant::fast("");
    let output = login(&tenant, &["--otp-secret", OTP_SECRET]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    // Another machine (or a clock that stepped back) spent a later step:
    // two steps ahead, so that a step turning during the test keeps the
    // current one older than it. Its code is forgotten, so that only the
    // step comparison can refuse the current code.
    let mut ledger = read_ledger(&tenant);
    let spent = now() / 30 + 2;
    for entry in ledger["steps"].as_object_mut().unwrap().values_mut() {
        entry[0] = spent.into();
    }
    ledger["codes"] = serde_json::json!({});
    write_ledger(&tenant, &ledger);

    let output = login(&tenant, &["--otp-secret", OTP_SECRET, "--no-otp-wait"]);
    assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));
    let error = stdout_json(&output);
    assert_eq!(error["error"], "otp_spent", "{error}");
    let left = number_after(error["hint"].as_str().unwrap(), "begins in ");
    let expected = (spent + 1) * 30 - now();
    assert!(
        left.abs_diff(expected) <= 2,
        "the next unspent step is the one after the last spent: {error}"
    );
    assert_eq!(
        tenant.count_grants(GRANT_MFA_OTP),
        1,
        "the older step's code was not sent"
    );
}

/// One run with the given code's entry `age` seconds old, and how many codes
/// it sent; None when the clock's second turned in between (the age was not
/// exactly `age`, and the run proves nothing).
fn given_code_aged(tenant: &TestTenant, code: &str, age: u64) -> Option<(Output, usize)> {
    let sent_before = tenant.count_grants(GRANT_MFA_OTP);
    // Start just after a second begins, so the run has most of it.
    let into_second = auth0_mfa::totp::now_unix_ms() % 1000;
    std::thread::sleep(Duration::from_millis((1000 - into_second) % 1000));
    let before = now();
    let mut ledger = read_ledger(tenant);
    let codes = ledger["codes"].as_object_mut().unwrap();
    assert_eq!(codes.len(), 1, "one code was sent: {codes:?}");
    for sent in codes.values_mut() {
        *sent = (before - age).into();
    }
    write_ledger(tenant, &ledger);
    let output = login(tenant, &["--otp", code]);
    let sent = tenant.count_grants(GRANT_MFA_OTP) - sent_before;
    (now() == before).then_some((output, sent))
}

#[test]
fn a_given_code_is_remembered_for_ninety_seconds_exactly() {
    let tenant = TestTenant::fast("");
    // Never this user's code: the emulator refuses it, after the tool sent it.
    let code = "135790";
    let output = login(&tenant, &["--otp", code]);
    assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));
    assert_eq!(tenant.count_grants(GRANT_MFA_OTP), 1);
    for (age, remembered) in [(89, true), (90, false)] {
        let (output, sent) = (0..5)
            .find_map(|_| given_code_aged(&tenant, code, age))
            .expect("five runs, each across a turn of the clock's second");
        let error = stdout_json(&output);
        assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));
        if remembered {
            assert_eq!(error["error"], "otp_spent", "{age} s: {error}");
            assert!(
                error["error_description"]
                    .as_str()
                    .unwrap()
                    .contains("already sent to Auth0 89 s ago"),
                "{error}"
            );
            assert_eq!(sent, 0, "{age} s: the code was sent again");
        } else {
            assert_ne!(error["error"], "otp_spent", "{age} s: {error}");
            assert_eq!(sent, 1, "{age} s: the code was not sent");
        }
    }
}

/// A period whose current step has more than two minutes left, so that a
/// 30 s assumption cannot give the same figures.
fn long_period() -> u64 {
    [3600, 3000, 2400, 1800]
        .into_iter()
        .find(|period| period - now() % period > 120)
        .unwrap()
}

#[test]
fn the_wait_after_a_spent_step_is_the_secrets_own_step() {
    let tenant = TestTenant::fast("");
    let period = long_period();
    let uri = format!("otpauth://totp/Test:{USER}?secret={OTP_SECRET}&period={period}");
    // The emulator checks 30 s codes and refuses this one; it is spent anyway.
    let output = login(&tenant, &["--otp-secret", &uri]);
    assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));

    let output = login(&tenant, &["--otp-secret", &uri, "--no-otp-wait"]);
    assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));
    let hint = stdout_json(&output)["hint"].as_str().unwrap().to_owned();
    let expected = period - now() % period;
    assert!(
        hint.contains(&format!("the next {period} s step")),
        "{hint}"
    );
    assert!(
        number_after(&hint, "begins in ").abs_diff(expected) <= 2,
        "{hint}"
    );

    // Waiting: the note names the step and the wait, then the test ends it.
    let mut child = tenant
        .std_cmd()
        .env("XDG_STATE_HOME", state_home(&tenant))
        .args(["login", "-u", USER, "--otp-secret", &uri])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if line.contains("waiting") {
                let _ = send.send(line);
                return;
            }
        }
    });
    let note = receive.recv_timeout(Duration::from_secs(20));
    let _ = child.kill();
    let _ = child.wait();
    let note = note.expect("the tool says that it waits");
    assert!(note.contains(&format!("this {period} s step")), "{note}");
    assert!(
        number_after(&note, "waiting ").abs_diff(expected) <= 2,
        "{note}"
    );
}
