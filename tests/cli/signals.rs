//! Signals end every wait: a request in flight, the sleep between push polls.
//! Each ends with 128 + the signal's number and, under --json, exactly one
//! JSON document. (Prompts, which need a terminal, are in `terminal.rs`.)

#![cfg(unix)]

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use auth0_mfa::emulator::Fault;

use crate::harness::*;

/// The binary against `tenant`, stdout and stderr captured, not waited for.
fn spawn(tenant: &TestTenant, args: &[&str]) -> Child {
    tenant
        .std_cmd()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn wait_until(what: &str, done: impl Fn() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn send(child: &Child, signal: &str) {
    let status = Command::new("kill")
        .args([&format!("-{signal}"), &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

/// Waits for the child, which must not take long once signalled.
fn finish(child: Child) -> std::process::Output {
    let started = Instant::now();
    let output = child.wait_with_output().unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "the signal did not end the command at once"
    );
    output
}

const SIGNALS: [(&str, i32); 3] = [("INT", 130), ("TERM", 143), ("HUP", 129)];

#[test]
fn a_signal_during_a_request_ends_it_with_one_json_document() {
    for (signal, code) in SIGNALS {
        let tenant = TestTenant::fast("");
        // The password grant hangs for a minute: the signal lands mid-request.
        tenant
            .emulator
            .inject_fault(Fault::Delay(Duration::from_secs(60)));
        let child = spawn(
            &tenant,
            &[
                "login",
                "--json",
                "-u",
                "push@test.example",
                "--factor",
                "push",
            ],
        );
        wait_until("the password grant", || !tenant.grants().is_empty());
        send(&child, signal);
        let output = finish(child);
        assert_eq!(output.status.code(), Some(code), "SIG{signal}");
        let document = stdout_json(&output);
        assert_eq!(document["error"], "interrupted", "SIG{signal}");
        assert_eq!(document["exit_code"], code, "SIG{signal}");
        // Which signal it was: Ctrl-C is the user's own, the others are not.
        let said = match signal {
            "INT" => "interrupted".to_owned(),
            other => format!("stopped by SIG{other}"),
        };
        assert_eq!(document["error_description"], said.as_str(), "SIG{signal}");
    }
}

#[test]
fn ctrl_c_between_push_polls_ends_the_wait_at_once() {
    let tenant = TestTenant::fast("");
    let child = spawn(
        &tenant,
        &[
            "login",
            "-u",
            "manual@test.example",
            "--factor",
            "push",
            "--interval",
            "30",
        ],
    );
    wait_until("the first poll", || tenant.count_grants(GRANT_MFA_OOB) == 1);
    send(&child, "INT");
    let output = finish(child);
    assert_eq!(output.status.code(), Some(130), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("interrupted"),
        "{}",
        stderr(&output)
    );
    assert!(stdout(&output).is_empty());
    assert_eq!(
        tenant.count_grants(GRANT_MFA_OOB),
        1,
        "no poll after Ctrl-C"
    );
}

#[test]
fn the_emulator_stops_on_ctrl_c_and_sigterm() {
    // A server asked to stop is not an error: it stops at once, exit 0.
    for signal in ["INT", "TERM"] {
        let child = Command::new(BIN)
            .env_clear()
            .args(["emulator", "--listen", "127.0.0.1:0", "--json"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // It serves (and a signal is a request to stop, not a failure) from
        // just after its banner: wait for the whole banner, however long a
        // loaded machine takes to start it, and then a moment.
        let mut child = child;
        let mut banner = String::new();
        let mut lines = std::io::BufReader::new(child.stdout.take().unwrap());
        while !banner.ends_with("\n}\n") {
            let read = std::io::BufRead::read_line(&mut lines, &mut banner).unwrap();
            assert_ne!(read, 0, "the emulator ended before its banner: {banner}");
        }
        std::thread::sleep(Duration::from_millis(100));
        let sent = std::time::Instant::now();
        send(&child, signal);
        let output = finish(child);
        assert!(
            sent.elapsed() < Duration::from_millis(500),
            "SIG{signal}: {:?}",
            sent.elapsed()
        );
        assert_eq!(output.status.code(), Some(0), "SIG{signal}");
        assert!(!stderr(&output).contains("error"), "{}", stderr(&output));
        assert!(banner.contains("base_url"), "{banner}");
    }
}
