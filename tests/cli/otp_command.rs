//! `--otp-command` ends all it started: after a timeout, or when a signal
//! ends the tool, no process of the command is left running, and none holds
//! the tool's stderr open for whoever captures it.

#![cfg(unix)]

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::harness::*;

/// A command whose `sleep` is the shell's child, not the shell itself (so
/// killing the shell alone leaves it behind); it writes the sleep's PID first.
/// Far longer than the bound the tests put on the tool's exit, so that a
/// loaded machine's slowness is never mistaken for the pipes staying open.
fn sleeper(pid_file: &Path) -> String {
    format!("sleep 90 & echo $! > '{}'; wait", pid_file.display())
}

/// The PID the command wrote, once it is there (within 10 s).
fn written_pid(pid_file: &Path) -> i32 {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(pid) = std::fs::read_to_string(pid_file)
            .ok()
            .and_then(|text| text.trim().parse().ok())
        {
            return pid;
        }
        assert!(Instant::now() < deadline, "the command wrote no PID");
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Whether the process runs: it exists and is not a zombie (an orphan's
/// reaping is init's business, not the tool's).
fn running(pid: i32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|stat| {
            // The state follows the command name, which is in parentheses.
            let after = stat.rsplit_once(')')?.1.trim_start().chars().next()?;
            Some(after != 'Z' && after != 'X')
        })
        .unwrap_or(false)
}

/// Asserts that the process is gone within 2 s, and kills it if not, so
/// that a failing run leaves nothing behind either.
fn assert_gone(pid: i32, after: &str) {
    let deadline = Instant::now() + Duration::from_secs(2);
    while running(pid) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    let left = running(pid);
    if left {
        let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
    }
    assert!(!left, "the OTP command's `sleep` ({pid}) outlived {after}");
}

#[test]
fn a_timed_out_otp_command_leaves_nothing_running_nor_holding_stderr() {
    let tenant = TestTenant::fast("");
    let pid_file = tenant.home.path().join("sleep.pid");
    let started = Instant::now();
    // stdout and stderr are pipes the test reads to their end, as a CI step
    // that captures the output does: they close only when every holder exits.
    let output = tenant
        .std_cmd()
        .args([
            "login",
            "--json",
            "--timeout",
            "1",
            "-u",
            "recovery@test.example",
        ])
        .args(["--otp-command", &sleeper(&pid_file)])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let took = started.elapsed();
    let pid = written_pid(&pid_file);
    assert_gone(pid, "the tool's timeout");
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stdout_json(&output)["error_description"]
            .as_str()
            .unwrap()
            .contains("printed no code within 1 s and was stopped"),
        "{}",
        stdout(&output)
    );
    assert!(
        took < Duration::from_secs(30),
        "the output's pipes stayed open {took:?}: the command's sleep held them"
    );
    assert_eq!(tenant.count_grants(GRANT_MFA_OTP), 0);
}

#[test]
fn a_signal_that_ends_the_tool_ends_its_otp_command_too() {
    for signal in ["TERM", "INT", "HUP"] {
        let tenant = TestTenant::fast("");
        let pid_file = tenant.home.path().join("sleep.pid");
        let child = tenant
            .std_cmd()
            .args(["login", "--timeout", "30", "-u", "recovery@test.example"])
            .args(["--otp-command", &sleeper(&pid_file)])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let pid = written_pid(&pid_file);
        let sent = Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
        let started = Instant::now();
        let output = child.wait_with_output().unwrap();
        assert_gone(pid, &format!("SIG{signal} to the tool"));
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "SIG{signal}: the output's pipes stayed open: {}",
            stderr(&output)
        );
        assert!(
            matches!(output.status.code(), Some(129 | 130 | 143)),
            "SIG{signal}: {:?} {}",
            output.status,
            stderr(&output)
        );
    }
}
