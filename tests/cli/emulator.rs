//! The `emulator` and `demo` commands, run as a user runs them.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use auth0_mfa::emulator::demo;
use serde_json::Value;
use tempfile::TempDir;

use crate::harness::*;

#[test]
fn demo_runs_the_whole_flow_and_exits_0() {
    let home = TempDir::new().unwrap();
    let output = bare_cmd(&home).arg("demo").output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("mfa_required"), "{text}");
    assert!(text.contains("POST /mfa/challenge"), "{text}");
    assert!(text.contains("mfa-otp"), "{text}");
    assert!(text.contains("push approved"), "{text}");
    assert!(text.contains("the sms to"), "{text}");
    assert!(text.contains("new recovery code"), "{text}");
    assert!(text.contains("tokens issued"), "{text}");
}

#[test]
fn demo_json_lists_each_run_with_its_tokens() {
    let home = TempDir::new().unwrap();
    let output = bare_cmd(&home).args(["demo", "--json"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let body = stdout_json(&output);
    let runs = body["runs"].as_array().unwrap();
    let factors: Vec<&str> = runs.iter().map(|r| r["factor"].as_str().unwrap()).collect();
    assert_eq!(factors, ["otp", "push", "sms", "recovery-code"]);
    for run in runs {
        assert!(run["tokens"]["access_token"].is_string(), "{run}");
    }
    let recovery = &runs[3]["tokens"]["recovery_code"];
    assert!(recovery.is_string() && recovery != auth0_mfa::emulator::demo::RECOVERY_CODE);
}

/// Kills the emulator process when the test ends, pass or fail.
struct Running(std::process::Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn emulator_command_serves_a_tenant_that_login_can_use() {
    let home = TempDir::new().unwrap();
    let mut child = Running(
        Command::new(BIN)
            .env_clear()
            .env("HOME", home.path())
            .args(["emulator", "--listen", "127.0.0.1:0", "--json"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    // The banner is one JSON document; read it up to its closing brace.
    let mut reader = BufReader::new(child.0.stdout.take().unwrap());
    let mut banner = String::new();
    loop {
        let mut line = String::new();
        assert!(
            reader.read_line(&mut line).unwrap() > 0,
            "the emulator exited early"
        );
        banner.push_str(&line);
        if line.trim_end() == "}" {
            break;
        }
    }
    let banner: Value = serde_json::from_str(&banner).unwrap();
    let base = banner["base_url"].as_str().unwrap();
    assert!(base.starts_with("http://127.0.0.1:"), "{base}");
    assert_eq!(banner["client_id"], demo::CLIENT_ID);

    let output = bare_cmd(&home)
        .env("AUTH0_DOMAIN", base)
        .env("AUTH0_CLIENT_ID", demo::CLIENT_ID)
        .env("AUTH0_CLIENT_SECRET", demo::CLIENT_SECRET)
        .args([
            "login",
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
    assert!(stdout_json(&output)["access_token"].is_string());
}

#[test]
fn emulator_refuses_a_broken_tenant_file() {
    let home = TempDir::new().unwrap();
    let path = home.path().join("tenant.toml");
    std::fs::write(&path, "[[users]]\nusername = 1\n").unwrap();
    let output = bare_cmd(&home)
        .args(["emulator", "--listen", "127.0.0.1:0", "--tenant"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("tenant.toml"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn absurd_control_values_neither_crash_nor_wedge_the_emulator() {
    let tenant = TestTenant::demo();
    let base = tenant.base_url();
    let (status, _) = http(
        &base,
        "POST",
        "/_emulator/clock",
        None,
        Some(r#"{"advance_seconds":9223372036000000}"#),
    );
    assert_eq!(status, 200);
    let (status, _) = http(
        &base,
        "POST",
        "/_emulator/faults",
        None,
        Some(r#"{"kind":"rate_limited","retry_after":18446744073709551615}"#),
    );
    assert_eq!(status, 200);
    assert_eq!(
        http(
            &base,
            "GET",
            "/.well-known/openid-configuration",
            None,
            None
        )
        .0,
        429
    );
    assert_eq!(
        http(
            &base,
            "GET",
            "/.well-known/openid-configuration",
            None,
            None
        )
        .0,
        200
    );
}

/// As at Auth0: only the first enrollment ever hands out the recovery code, and that
/// code is the one that works once any enrollment is confirmed.
#[test]
fn an_abandoned_first_enrollment_keeps_its_recovery_code() {
    let tenant = TestTenant::demo();
    let enroll = |token: &str| {
        let output = tenant
            .cmd()
            .args(["enroll", "otp", "--json", "--no-confirm", "--token", token])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        stdout_json(&output)
    };
    let first = enroll(&tenant.mfa_token(demo::NEW_USER));
    let codes = first["recovery_codes"].as_array().unwrap();
    assert_eq!(codes.len(), 1, "{first}");
    let code = codes[0].as_str().unwrap().to_owned();
    // Abandoned; the user logs in again and enrolls anew: no second code.
    let token = tenant.mfa_token(demo::NEW_USER);
    let second = enroll(&token);
    assert!(
        second["recovery_codes"]
            .as_array()
            .is_none_or(|c| c.is_empty()),
        "{second}"
    );
    let secret = second["secret"].as_str().unwrap();
    let output = tenant
        .cmd()
        .args(["verify", "--mfa-token", &token, "--otp", &otp_now(secret)])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let output = tenant
        .cmd()
        .args([
            "verify",
            "--json",
            "--mfa-token",
            &tenant.mfa_token(demo::NEW_USER),
            "--recovery-code",
            &code,
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout_json(&output)["recovery_code"].is_string());
}
