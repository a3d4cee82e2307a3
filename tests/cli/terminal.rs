//! Prompts, the picker, the confirmation, the spinner and every signal,
//! through a real pseudo-terminal: what a person at a terminal sees, and the
//! state the terminal is left in.

#![cfg(unix)]

use std::os::unix::process::CommandExt;
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::harness::*;
use crate::pty::Pty;

fn at_terminal(tenant: &TestTenant, args: &[&str]) -> Pty {
    Pty::spawn(terminal_command(tenant, args))
}

/// The binary with the tenant's settings, to be run on a pseudo-terminal.
fn terminal_command(tenant: &TestTenant, args: &[&str]) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.env_clear()
        .env("HOME", tenant.home.path())
        .env("XDG_CONFIG_HOME", tenant.home.path().join(".config"))
        .env("TERM", "xterm-256color")
        .env("AUTH0_DOMAIN", tenant.base_url())
        .env("AUTH0_CLIENT_ID", CLIENT_ID)
        .env("AUTH0_CLIENT_SECRET", CLIENT_SECRET)
        .args(args);
    cmd
}

const INT: i32 = libc::SIGINT;

#[test]
fn the_password_prompt_hides_input_and_logs_in() {
    let tenant = TestTenant::fast("");
    let mut pty = at_terminal(
        &tenant,
        &[
            "login",
            "--json",
            "-u",
            "recovery@test.example",
            "--otp-secret",
            OTP_SECRET,
        ],
    );
    pty.expect_hidden_prompt("Password");
    pty.send(format!("{PASSWORD}\r").as_bytes());
    let (code, stdout) = pty.finish();
    assert_eq!(code, Some(0), "{}", pty.screen());
    let tokens: Value = serde_json::from_str(&stdout).unwrap();
    assert!(tokens["access_token"].is_string());
    assert!(
        !pty.screen().contains(PASSWORD),
        "the password is never shown"
    );
    assert!(pty.echoes());
}

/// Without `-u`, the username is asked for in plain text, then the password
/// hidden: the login is the typed user's.
#[test]
fn the_username_prompt_takes_the_typed_user() {
    let tenant = TestTenant::fast("");
    let mut pty = at_terminal(&tenant, &["login", "--json", "--otp-secret", OTP_SECRET]);
    pty.expect("Username");
    pty.send(b"recovery@test.example\r");
    pty.expect_hidden_prompt("Password");
    pty.send(format!("{PASSWORD}\r").as_bytes());
    let (code, stdout) = pty.finish();
    assert_eq!(code, Some(0), "{}", pty.screen());
    let tokens: Value = serde_json::from_str(&stdout).unwrap();
    assert!(tokens["access_token"].is_string(), "{tokens}");
    let logins: Vec<String> = tenant
        .emulator
        .received()
        .iter()
        .filter(|r| r.path == "/oauth/token")
        .filter_map(|r| r.body["username"].as_str().map(str::to_owned))
        .collect();
    assert_eq!(logins, ["recovery@test.example"]);
}

#[test]
fn every_signal_at_a_hidden_prompt_restores_echo() {
    for (signal, code) in [(INT, 130), (libc::SIGTERM, 143), (libc::SIGHUP, 129)] {
        let tenant = TestTenant::fast("");
        let mut pty = at_terminal(&tenant, &["login", "-u", "recovery@test.example"]);
        pty.expect_hidden_prompt("Password");
        pty.signal(signal);
        let (exit, _) = pty.finish();
        assert_eq!(exit, Some(code), "signal {signal}: {}", pty.screen());
        assert!(pty.echoes(), "signal {signal} left echo off");
    }
}

#[test]
fn ctrl_c_typed_at_a_hidden_prompt_under_json_prints_one_document() {
    let tenant = TestTenant::fast("");
    let mut pty = at_terminal(&tenant, &["login", "--json", "-u", "recovery@test.example"]);
    pty.expect_hidden_prompt("Password");
    pty.send(b"half-typed\x03");
    let (exit, stdout) = pty.finish();
    assert_eq!(exit, Some(130), "{}", pty.screen());
    let document: Value = serde_json::from_str(&stdout).expect("exactly one JSON document");
    assert_eq!(document["error"], "interrupted");
    assert!(pty.echoes());
    assert!(tenant.grants().is_empty(), "nothing was sent");
}

#[test]
fn the_picker_chooses_a_factor_and_ctrl_c_there_shows_the_cursor_again() {
    let tenant = TestTenant::fast("");
    let mut pty = at_terminal(
        &tenant,
        &[
            "login",
            "--json",
            "-u",
            "multi@test.example",
            "--password",
            PASSWORD,
        ],
    );
    pty.expect("Which authenticator?");
    assert!(!pty.cursor_visible(), "the picker hides the cursor");
    // Enter takes the first entry (OTP); the code then comes from a hidden prompt.
    pty.send(b"\r");
    pty.expect_hidden_prompt("One-time code");
    pty.send(format!("{}\r", otp_now(OTP_SECRET)).as_bytes());
    let (exit, stdout) = pty.finish();
    assert_eq!(exit, Some(0), "{}", pty.screen());
    assert!(serde_json::from_str::<Value>(&stdout).unwrap()["access_token"].is_string());
    assert!(pty.cursor_visible());

    let tenant = TestTenant::fast("");
    let mut pty = at_terminal(
        &tenant,
        &["login", "-u", "multi@test.example", "--password", PASSWORD],
    );
    pty.expect("Which authenticator?");
    pty.send(b"\x1b[B");
    pty.send(b"\x03");
    let (exit, _) = pty.finish();
    assert_eq!(exit, Some(130), "{}", pty.screen());
    assert!(
        pty.cursor_visible(),
        "Ctrl-C at the picker left the cursor hidden: {:?}",
        pty.screen()
    );
    assert!(pty.echoes());
}

/// Ctrl-C at the picker is read as a key (the picker has the terminal raw),
/// and the prompt itself ends the run as interrupted: exit 130 even when the
/// SIGINT the prompt raises for it never arrives (here the tool is started
/// with SIGINT blocked, as some supervisors start their children).
#[test]
fn ctrl_c_read_at_the_picker_is_an_interruption_without_the_signal() {
    let tenant = TestTenant::fast("");
    let mut cmd = terminal_command(
        &tenant,
        &[
            "login",
            "--json",
            "-u",
            "multi@test.example",
            "--password",
            PASSWORD,
        ],
    );
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            let mut blocked: libc::sigset_t = std::mem::zeroed();
            libc::sigemptyset(&mut blocked);
            libc::sigaddset(&mut blocked, INT);
            match libc::pthread_sigmask(libc::SIG_BLOCK, &blocked, std::ptr::null_mut()) {
                0 => Ok(()),
                error => Err(std::io::Error::from_raw_os_error(error)),
            }
        });
    }
    let mut pty = Pty::spawn(cmd);
    pty.expect("Which authenticator?");
    pty.send(b"\x03");
    let (exit, stdout) = pty.finish();
    assert_eq!(exit, Some(130), "{}", pty.screen());
    let document: Value = serde_json::from_str(&stdout).expect("exactly one JSON document");
    assert_eq!(document["error"], "interrupted", "{document}");
    assert!(pty.cursor_visible());
}

/// A terminal that cannot be read (stdin opened for writing only, as
/// `0>/dev/tty` does) is an error that says so, not an interruption.
#[test]
fn a_terminal_that_cannot_be_read_is_an_error_not_an_interruption() {
    let tenant = TestTenant::fast("");
    let mut cmd = terminal_command(
        &tenant,
        &[
            "login",
            "--json",
            "-u",
            "multi@test.example",
            "--password",
            PASSWORD,
        ],
    );
    // SAFETY: only async-signal-safe calls between fork and exec; stderr is
    // the terminal by then, and stdin becomes the same terminal write-only.
    unsafe {
        cmd.pre_exec(|| {
            let fd = libc::open(c"/proc/self/fd/2".as_ptr(), libc::O_WRONLY);
            if fd < 0 || libc::dup2(fd, 0) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            libc::close(fd);
            Ok(())
        });
    }
    let mut pty = Pty::spawn(cmd);
    pty.expect("Which authenticator?");
    pty.send(b"\r");
    let (exit, stdout) = pty.finish();
    assert_eq!(exit, Some(1), "{}", pty.screen());
    let document: Value = serde_json::from_str(&stdout).expect("exactly one JSON document");
    assert_ne!(document["error"], "interrupted", "{document}");
    assert!(
        pty.plain_screen().contains("cannot read from the terminal"),
        "{}",
        pty.screen()
    );
    assert!(pty.cursor_visible());
}

#[test]
fn a_signal_while_keys_are_typed_at_the_picker_leaves_the_terminal_as_it_was() {
    // The picker changes the terminal for every key; a signal that lands
    // between two keys once let the next key's raw mode outlive the process.
    for (round, signal) in [INT, libc::SIGTERM, libc::SIGHUP]
        .repeat(3)
        .into_iter()
        .enumerate()
    {
        let tenant = TestTenant::fast("");
        let mut pty = at_terminal(
            &tenant,
            &["login", "-u", "multi@test.example", "--password", PASSWORD],
        );
        pty.expect("Which authenticator?");
        for _ in 0..round % 4 {
            pty.send(b"\x1b[B\x1b[A");
        }
        pty.send(b"\x1b[B");
        pty.signal(signal);
        let (exit, _) = pty.finish();
        assert_eq!(exit, Some(128 + signal), "round {round}: {}", pty.screen());
        assert!(pty.echoes(), "round {round}: signal {signal} left echo off");
        assert!(pty.cursor_visible(), "round {round}: cursor hidden");
    }
}

#[test]
fn ctrl_c_at_the_delete_confirmation_deletes_nothing_and_shows_the_cursor() {
    let tenant = TestTenant::fast("");
    let audience = format!("{}/mfa/", tenant.base_url());
    let output = tenant
        .cmd()
        .args([
            "login",
            "--json",
            "-u",
            "recovery@test.example",
            "--otp-secret",
            OTP_SECRET,
        ])
        .args([
            "--audience",
            &audience,
            "--scope",
            "read:authenticators remove:authenticators",
        ])
        .output()
        .unwrap();
    let token = stdout_json(&output)["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let output = tenant
        .cmd()
        .args(["authenticators", "list", "--json", "--token", &token])
        .output()
        .unwrap();
    let id = stdout_json(&output)[0]["id"].as_str().unwrap().to_owned();
    let mut pty = at_terminal(
        &tenant,
        &["authenticators", "delete", &id, "--token", &token],
    );
    pty.expect("Delete");
    pty.send(b"\x03");
    let (exit, _) = pty.finish();
    assert_eq!(exit, Some(130), "{}", pty.screen());
    assert!(
        pty.cursor_visible(),
        "Ctrl-C at the confirmation left the cursor hidden"
    );
    let deletes = tenant
        .emulator
        .received()
        .iter()
        .filter(|r| r.method == "DELETE")
        .count();
    assert_eq!(deletes, 0);
}

#[test]
fn the_spinner_shows_the_wait_and_clears_its_line() {
    let tenant = TestTenant::fast("");
    let mut pty = at_terminal(
        &tenant,
        &[
            "login",
            "-u",
            "manual@test.example",
            "--password",
            PASSWORD,
            "--factor",
            "push",
            "--interval",
            "0.1",
        ],
    );
    pty.expect("waiting for the push approval on the device");
    let deadline = Instant::now() + Duration::from_secs(10);
    while !tenant.emulator.approve_push("manual@test.example") {
        assert!(Instant::now() < deadline, "no push to approve");
        std::thread::sleep(Duration::from_millis(20));
    }
    let (exit, stdout) = pty.finish();
    assert_eq!(exit, Some(0), "{}", pty.screen());
    assert!(stdout.contains("access_token"), "{stdout}");
    let screen = pty.screen();
    let last_spin = screen.rfind("waiting for the push approval").unwrap();
    assert!(
        screen[last_spin..].contains("\r\x1b[K"),
        "the spinner's line is cleared when the wait ends"
    );

    let tenant = TestTenant::fast("");
    let mut pty = at_terminal(
        &tenant,
        &[
            "login",
            "-u",
            "manual@test.example",
            "--password",
            PASSWORD,
            "--factor",
            "push",
            "--interval",
            "0.1",
        ],
    );
    pty.expect("Ctrl-C to stop");
    pty.send(b"\x03");
    let (exit, _) = pty.finish();
    assert_eq!(exit, Some(130));
    let screen = pty.screen();
    let last_spin = screen.rfind("Ctrl-C to stop").unwrap();
    assert!(screen[last_spin..].contains("\r\x1b[K"), "{screen:?}");
}

#[test]
fn a_new_user_at_a_terminal_picks_a_factor_sees_the_secret_and_confirms() {
    let tenant = TestTenant::fast("");
    let mut pty = at_terminal(
        &tenant,
        &[
            "login",
            "--json",
            "-u",
            "new@test.example",
            "--password",
            PASSWORD,
        ],
    );
    pty.expect("no MFA factor yet. Enroll which?");
    pty.send(b"\r");
    pty.expect_hidden_prompt("One-time code");
    // The secret is on the terminal (stdout holds the JSON for the end).
    let screen = pty.plain_screen();
    let secret = screen
        .lines()
        .find_map(|l| l.split_once("secret").map(|(_, rest)| rest.trim()))
        .map(|s| {
            s.split_whitespace()
                .next()
                .unwrap()
                .trim_matches(|c: char| !c.is_ascii_alphanumeric())
                .to_owned()
        })
        .unwrap_or_else(|| panic!("no secret shown: {screen}"));
    assert!(screen.contains("otpauth://"), "{screen}");
    pty.send(format!("{}\r", otp_now(&secret)).as_bytes());
    let (exit, stdout) = pty.finish();
    assert_eq!(exit, Some(0), "{}", pty.screen());
    let result: Value = serde_json::from_str(&stdout).unwrap();
    assert!(result["access_token"].is_string());
    assert_eq!(result["enrollment"]["secret"], secret.as_str());
}

/// `--no-input` at a real terminal (where a prompt would otherwise be
/// shown): nothing is asked, and the missing answer is a usage error naming
/// the flag and the variable. Without the terminal every run exits 2 anyway,
/// so only here can the switch be seen at work.
#[test]
fn no_input_at_a_terminal_never_prompts() {
    let cases: [(&[&str], &[&str]); 2] = [
        // No password: the password prompt is not shown.
        (&[], &["--password", "AUTH0_PASSWORD"]),
        // A password but no answer to the challenge: no OTP prompt.
        (&["--password", PASSWORD], &["--otp"]),
    ];
    for (extra, names) in cases {
        let tenant = TestTenant::fast("");
        let mut args = vec!["login", "--no-input", "-u", "recovery@test.example"];
        args.extend_from_slice(extra);
        let mut pty = at_terminal(&tenant, &args);
        let (code, _) = pty.finish();
        let screen = pty.plain_screen();
        assert_eq!(code, Some(2), "{extra:?}: {screen}");
        for name in names {
            assert!(screen.contains(name), "{extra:?}: no {name} in {screen}");
        }
        // The prompts' own words (the errors say "the password").
        assert!(!screen.contains("Password"), "{extra:?}: {screen}");
        assert!(
            !screen.contains("One-time code from the authenticator app"),
            "{extra:?}: {screen}"
        );
        assert_eq!(
            tenant.count_grants(GRANT_MFA_OTP),
            0,
            "{extra:?}: nothing was answered"
        );
    }
}

/// `config init` asks for the client secret at a hidden prompt: what is
/// typed there is the secret the profile holds, and it is never shown.
#[test]
fn config_init_writes_the_client_secret_typed_at_the_hidden_prompt() {
    let tenant = TestTenant::fast("");
    let mut pty = at_terminal(&tenant, &["config", "init"]);
    // The domain and the client id come from the environment; the optional
    // username is skipped.
    pty.expect("Username for logins");
    pty.send(b"\r");
    pty.expect_hidden_prompt("Client secret");
    pty.send(b"typed-s3cret\r");
    let (code, _) = pty.finish();
    assert_eq!(code, Some(0), "{}", pty.screen());
    assert!(!pty.screen().contains("typed-s3cret"), "{}", pty.screen());
    let written =
        std::fs::read_to_string(tenant.home.path().join(".config/auth0-mfa/config.toml")).unwrap();
    assert!(
        written.contains("\nclient_secret = \"typed-s3cret\"\n"),
        "{written}"
    );
}
