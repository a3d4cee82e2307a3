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
    log_in_as(tenant, machine, USER, secret)
}

fn log_in_as(
    tenant: &TestTenant,
    machine: &TempDir,
    user: &str,
    secret: &str,
) -> std::process::Output {
    tenant
        .cmd()
        .env("XDG_STATE_HOME", machine.path())
        .args([
            "login",
            "--json",
            "--no-store",
            "-u",
            user,
            "--otp-secret",
            secret,
        ])
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap()
}

/// Rewrites a machine's ledger as if its last login had been a step
/// earlier: the tool reads the system clock, so the test moves the ledger
/// rather than wait for time to pass. Its memory of the code sent goes too,
/// so that only the step could refuse the current code.
fn spent_a_step_earlier(machine: &TempDir) {
    let path = machine.path().join("auth0-mfa/spent-codes.json");
    let mut ledger: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    for entry in ledger["steps"].as_object_mut().unwrap().values_mut() {
        entry[0] = (entry[0].as_u64().unwrap() - 1).into();
    }
    ledger["codes"] = serde_json::json!({});
    std::fs::write(&path, ledger.to_string()).unwrap();
}

#[test]
fn a_code_spent_by_another_machine_is_retried_once_in_the_next_step() {
    let tenant = TestTenant::fast("");
    let (a, b) = (TempDir::new().unwrap(), TempDir::new().unwrap());
    // Three logins inside one step.
    within_one_totp_step(8);
    // Machine B has logged in before: its secret is known to be right. (That
    // login was of another user with the same secret, so that the emulator
    // has not seen this step's code for USER; and, for B's ledger, a step ago.)
    let first = log_in_as(&tenant, &b, "multi@test.example", OTP_SECRET);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    spent_a_step_earlier(&b);
    // A logs USER in, then B inside the same step.
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
