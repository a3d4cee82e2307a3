//! A fleet of CI machines sharing one test user: when two of them log the
//! user in inside one TOTP step, Auth0 refuses the second use of the code.
//! A machine whose ledger shows that its secret worked before waits for the
//! next step and tries once more; a wrong secret still costs one attempt.

use std::time::Duration;

use tempfile::TempDir;

use crate::harness::*;

const USER: &str = "recovery@test.example";

/// A machine of the fleet: a state directory (and so a ledger) of its own.
fn log_in(tenant: &TestTenant, machine: &TempDir, secret: &str) -> std::process::Output {
    tenant
        .cmd()
        .env("XDG_STATE_HOME", machine.path())
        .args([
            "login",
            "--json",
            "--no-store",
            "-u",
            USER,
            "--otp-secret",
            secret,
        ])
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap()
}

/// Seconds until the current 30 s step ends.
fn left_in_step() -> u64 {
    30 - auth0_mfa::totp::now_unix() % 30
}

/// Sleeps into a fresh step when too little of this one is left for two logins.
fn fresh_step() {
    if left_in_step() < 8 {
        std::thread::sleep(Duration::from_secs(left_in_step() + 1));
    }
}

#[test]
fn a_code_spent_by_another_machine_is_retried_once_in_the_next_step() {
    let tenant = TestTenant::fast("");
    let (a, b) = (TempDir::new().unwrap(), TempDir::new().unwrap());
    // Machine B has logged in before: its secret is known to be right.
    fresh_step();
    let first = log_in(&tenant, &b, OTP_SECRET);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    // Next step: A logs in first, then B inside the same step.
    std::thread::sleep(Duration::from_secs(left_in_step() + 1));
    let on_a = log_in(&tenant, &a, OTP_SECRET);
    assert_eq!(on_a.status.code(), Some(0), "{}", stderr(&on_a));
    let grants_before = tenant.count_grants(GRANT_MFA_OTP);
    let on_b = log_in(&tenant, &b, OTP_SECRET);
    assert_eq!(on_b.status.code(), Some(0), "{}", stderr(&on_b));
    assert!(stdout_json(&on_b)["access_token"].is_string());
    assert!(
        stderr(&on_b).contains("another machine most likely used this step's code"),
        "{}",
        stderr(&on_b)
    );
    // One refused grant and one in the next step: one extra request.
    assert_eq!(tenant.count_grants(GRANT_MFA_OTP) - grants_before, 2);
}

#[test]
fn a_wrong_secret_is_sent_once_and_never_retried() {
    let tenant = TestTenant::fast("");
    let machine = TempDir::new().unwrap();
    let wrong = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    let output = log_in(&tenant, &machine, wrong);
    assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));
    assert_eq!(tenant.count_grants(GRANT_MFA_OTP), 1);
    assert!(!stderr(&output).contains("another machine"));
}
