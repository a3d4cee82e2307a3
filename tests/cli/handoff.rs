//! Handing the token to the rest of a job: `exec` (environment, exit
//! statuses, signals, nesting), `token --format` read back by each real
//! consumer, and secrets registered with the CI's masker before they show.

use std::os::unix::process::ExitStatusExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::harness::*;

/// A demo-like tenant with a stored session of `recovery@test.example`.
fn logged_in() -> (TestTenant, Value) {
    let tenant = TestTenant::fast("");
    let output = tenant
        .cmd()
        .env("AUTH0_MFA_STORE", "file")
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
    let tokens = stdout_json(&output);
    (tenant, tokens)
}

fn cmd(tenant: &TestTenant) -> assert_cmd::Command {
    let mut cmd = tenant.cmd();
    cmd.env("AUTH0_MFA_STORE", "file")
        .env("PATH", std::env::var_os("PATH").unwrap_or_default());
    cmd
}

#[test]
fn exec_gives_the_command_the_token_and_only_what_is_documented() {
    let (tenant, tokens) = logged_in();
    let output = cmd(&tenant)
        .env("AUTH0_ACCESS_TOKEN", "stale-inherited-token")
        .env("AUTH0_TOKEN_SOMETHING", "stale")
        .args(["exec", "--", "env"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let env = stdout(&output);
    let var = |name: &str| {
        env.lines()
            .find_map(|line| line.strip_prefix(&format!("{name}=")))
            .map(str::to_owned)
    };
    assert_eq!(
        var("AUTH0_ACCESS_TOKEN").as_deref(),
        tokens["access_token"].as_str()
    );
    assert_eq!(
        var("AUTH0_ID_TOKEN").as_deref(),
        tokens["id_token"].as_str()
    );
    assert_eq!(var("AUTH0_TOKEN_TYPE").as_deref(), Some("Bearer"));
    let expires = var("AUTH0_TOKEN_EXPIRES_AT").unwrap();
    assert!(
        expires.len() == 20 && expires.ends_with('Z') && expires.as_bytes()[10] == b'T',
        "{expires}"
    );
    assert!(
        var("AUTH0_TOKEN_SOMETHING").is_none(),
        "an inherited AUTH0_TOKEN_* stayed"
    );
    let guard = var("AUTH0_MFA_EXEC").unwrap();
    assert!(guard.contains(&tenant.base_url()) && guard.contains("recovery@test.example"));
    for secret in [
        "AUTH0_PASSWORD",
        "AUTH0_CLIENT_SECRET",
        "AUTH0_REFRESH_TOKEN",
    ] {
        assert!(var(secret).is_none(), "{secret} reached the command");
    }
    assert!(
        var("AUTH0_DOMAIN").is_some(),
        "the rest of the environment is inherited"
    );
}

#[test]
fn exec_ends_as_its_command_does() {
    let (tenant, _) = logged_in();
    for code in [0, 1, 42] {
        let output = cmd(&tenant)
            .args(["exec", "--", "sh", "-c", &format!("exit {code}")])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(code), "{}", stderr(&output));
    }
    let killed = cmd(&tenant)
        .args(["exec", "--", "sh", "-c", "kill -TERM $$"])
        .output()
        .unwrap();
    assert_eq!(killed.status.signal(), Some(libc::SIGTERM));

    let missing = cmd(&tenant)
        .args(["exec", "--", "no-such-command-anywhere"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(127), "{}", stderr(&missing));
    assert!(stderr(&missing).contains("no-such-command-anywhere"));

    let script = tenant.home.path().join("not-executable.sh");
    std::fs::write(&script, "#!/bin/sh\nexit 0\n").unwrap();
    let refused = cmd(&tenant)
        .arg("exec")
        .arg("--")
        .arg(&script)
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(126), "{}", stderr(&refused));
}

#[test]
fn exec_fails_125_before_the_command_and_never_waits_for_a_terminal() {
    let tenant = TestTenant::fast("");
    let marker = tenant.home.path().join("ran");
    let no_session = cmd(&tenant)
        .arg("exec")
        .arg("--")
        .arg("touch")
        .arg(&marker)
        .output()
        .unwrap();
    assert_eq!(
        no_session.status.code(),
        Some(125),
        "{}",
        stderr(&no_session)
    );
    assert!(
        stderr(&no_session).contains("log in first"),
        "{}",
        stderr(&no_session)
    );
    assert!(!marker.exists());

    let started = Instant::now();
    let no_command = cmd(&tenant).arg("exec").output().unwrap();
    assert_eq!(
        no_command.status.code(),
        Some(125),
        "{}",
        stderr(&no_command)
    );
    assert!(
        stderr(&no_command).contains("exec -- "),
        "{}",
        stderr(&no_command)
    );
    assert!(started.elapsed() < Duration::from_secs(10));

    let no_domain = bare_cmd(&tenant.home)
        .args(["exec", "--", "true"])
        .output()
        .unwrap();
    assert_eq!(no_domain.status.code(), Some(125), "{}", stderr(&no_domain));
}

#[test]
fn signals_sent_to_exec_reach_the_command_and_nothing_is_left_behind() {
    let (tenant, _) = logged_in();
    let pid_file = tenant.home.path().join("pid");
    for (signal, code) in [(libc::SIGTERM, 77), (libc::SIGINT, 78)] {
        let _ = std::fs::remove_file(&pid_file);
        let script = format!(
            "trap 'exit {}' TERM; trap 'exit {}' INT; echo $$ > '{}'; while :; do sleep 0.05; done",
            77,
            78,
            pid_file.display()
        );
        let mut child = tenant
            .std_cmd()
            .env("AUTH0_MFA_STORE", "file")
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .args(["exec", "--", "sh", "-c", &script])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let shell_pid = pid_written_to(&pid_file);
        // The command is the process the tool became: no second process.
        assert_eq!(shell_pid, child.id() as i32);
        unsafe { libc::kill(child.id() as i32, signal) };
        let status = wait_bounded(&mut child, Duration::from_secs(20));
        assert_eq!(status.code(), Some(code));
        assert!(!std::path::Path::new(&format!("/proc/{shell_pid}")).exists());
    }
}

fn wait_bounded(child: &mut std::process::Child, limit: Duration) -> std::process::ExitStatus {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            panic!("the command did not end within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn exec_inside_exec_reuses_the_same_session_and_refuses_another() {
    let (tenant, tokens) = logged_in();
    let inner = format!("{BIN} exec -- printenv AUTH0_ACCESS_TOKEN");
    let same = cmd(&tenant)
        .args(["exec", "--", "sh", "-c", &inner])
        .output()
        .unwrap();
    assert_eq!(same.status.code(), Some(0), "{}", stderr(&same));
    assert_eq!(
        stdout(&same).trim(),
        tokens["access_token"].as_str().unwrap()
    );
    // The login's two grants and nothing since: the outer exec read the
    // stored token, the inner one the environment.
    assert_eq!(tenant.requests_to("/oauth/token").len(), 2);

    let other = format!("{BIN} exec -u sms@test.example -- true");
    let refused = cmd(&tenant)
        .args(["exec", "--", "sh", "-c", &other])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(125), "{}", stderr(&refused));
}

fn formatted(tenant: &TestTenant, format: &str) -> std::process::Output {
    let output = cmd(tenant)
        .args(["token", "--format", format])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{format}: {}",
        stderr(&output)
    );
    output
}

/// Whether a shell is installed; under CI (which installs them) its absence fails.
fn have(shell: &str) -> bool {
    let found = Command::new(shell)
        .args(["-c", "true"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok();
    if !found {
        assert!(std::env::var_os("CI").is_none(), "{shell} is missing in CI");
        eprintln!("skipped: {shell} is not installed");
    }
    found
}

#[test]
fn each_format_is_read_back_whole_by_its_consumer() {
    let (tenant, tokens) = logged_in();
    let access = tokens["access_token"].as_str().unwrap();
    let env = stdout(&formatted(&tenant, "env"));
    assert!(!env.contains('\r'));
    for shell in ["bash", "dash", "zsh", "sh"] {
        if !have(shell) {
            continue;
        }
        let read = Command::new(shell)
            .arg("-c")
            .arg("eval \"$1\"; printf %s \"$AUTH0_ACCESS_TOKEN\"")
            .arg(shell)
            .arg(&env)
            .output()
            .unwrap();
        assert_eq!(String::from_utf8_lossy(&read.stdout), access, "{shell}");
    }
    if have("fish") {
        let fish = stdout(&formatted(&tenant, "fish"));
        let read = Command::new("fish")
            .arg("-c")
            .arg(format!("{fish}\nprintf %s $AUTH0_ACCESS_TOKEN"))
            .output()
            .unwrap();
        assert_eq!(String::from_utf8_lossy(&read.stdout), access);
    }
    let dotenv = stdout(&formatted(&tenant, "dotenv"));
    let pairs: Vec<(&str, &str)> = dotenv.lines().filter_map(|l| l.split_once('=')).collect();
    assert!(pairs.contains(&("AUTH0_ACCESS_TOKEN", access)), "{dotenv}");
    assert_eq!(
        stdout(&formatted(&tenant, "raw")).trim_end_matches('\n'),
        access
    );
    let json: Value = serde_json::from_str(&stdout(&formatted(&tenant, "json"))).unwrap();
    assert_eq!(json["access_token"], access);
    assert!(json.get("refresh_token").is_none());

    // GitHub's file: appended in the NAME<<DELIMITER form, nothing on stdout.
    let file = tenant.home.path().join("github_env");
    std::fs::write(&file, "").unwrap();
    let output = cmd(&tenant)
        .env("GITHUB_ENV", &file)
        .args([
            "token",
            "--format",
            "github-env",
            "--env-name",
            "access_token=API_TOKEN",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).is_empty());
    let text = std::fs::read_to_string(&file).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let delimiter = lines[0].strip_prefix("API_TOKEN<<").unwrap();
    assert_eq!(lines[1], access);
    assert_eq!(lines[2], delimiter);
    let unset = cmd(&tenant)
        .args(["token", "--format", "github-output"])
        .output()
        .unwrap();
    assert_eq!(unset.status.code(), Some(2));
    assert!(stderr(&unset).contains("GITHUB_OUTPUT"));
}

#[test]
fn under_github_actions_each_secret_is_masked_before_it_is_printed() {
    let (tenant, tokens) = logged_in();
    let access = tokens["access_token"].as_str().unwrap();
    let masked = cmd(&tenant)
        .env("GITHUB_ACTIONS", "true")
        .args(["token", "--json"])
        .output()
        .unwrap();
    assert_eq!(masked.status.code(), Some(0), "{}", stderr(&masked));
    let mask_lines: Vec<String> = stderr(&masked)
        .lines()
        .filter_map(|l| l.strip_prefix("::add-mask::").map(str::to_owned))
        .collect();
    assert!(
        mask_lines.iter().any(|m| m == access),
        "{}",
        stderr(&masked)
    );
    if let Some(id) = tokens["id_token"].as_str() {
        assert!(mask_lines.iter().any(|m| m == id));
    }
    // A login masks what it prints too: the tokens and the new recovery code.
    let login = cmd(&tenant)
        .env("GITHUB_ACTIONS", "true")
        .args([
            "login",
            "--json",
            "--no-store",
            "-u",
            "recovery@test.example",
        ])
        .args(["--recovery-code", RECOVERY_CODE])
        .output()
        .unwrap();
    assert_eq!(login.status.code(), Some(0), "{}", stderr(&login));
    let result = stdout_json(&login);
    let err = stderr(&login);
    for field in ["access_token", "recovery_code"] {
        let value = result[field].as_str().unwrap();
        assert!(
            err.contains(&format!("::add-mask::{value}")),
            "{field}: {err}"
        );
    }
    for (variable, value) in [
        ("GITLAB_CI", "true"),
        ("CI", "true"),
        ("GITHUB_ACTIONS", "true"),
    ] {
        let mut quiet = cmd(&tenant);
        quiet.env(variable, value).args(["token", "--json"]);
        if variable == "GITHUB_ACTIONS" {
            quiet.arg("--no-ci-mask");
        }
        let output = quiet.output().unwrap();
        assert_eq!(output.status.code(), Some(0));
        assert!(
            !stderr(&output).contains("add-mask"),
            "{variable}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn mask_output_hides_the_token_even_split_across_writes_and_keeps_the_status() {
    let (tenant, tokens) = logged_in();
    let access = tokens["access_token"].as_str().unwrap();
    let script = r#"printf 'token: %s' "$(printf %s "$AUTH0_ACCESS_TOKEN" | cut -c1-12)"; sleep 0.2; printf '%s\n' "$(printf %s "$AUTH0_ACCESS_TOKEN" | cut -c13-)"; echo "to stderr $AUTH0_ACCESS_TOKEN" >&2; exit 3"#;
    for how in [vec!["--mask-output"], vec![]] {
        let mut command = cmd(&tenant);
        if how.is_empty() {
            // By default where the CI masks nothing itself, and stdout is a pipe.
            command.env("GITLAB_CI", "true");
        }
        let output = command
            .arg("exec")
            .args(&how)
            .args(["--", "sh", "-c", script])
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(3),
            "{how:?}: {}",
            stderr(&output)
        );
        assert_eq!(stdout(&output), "token: ***\n", "{how:?}");
        assert!(
            stderr(&output).contains("to stderr ***"),
            "{}",
            stderr(&output)
        );
        assert!(!stderr(&output).contains(access));
    }
    // GitHub masks by itself: the command keeps its streams as they are.
    let output = cmd(&tenant)
        .env("GITHUB_ACTIONS", "true")
        .env("GITLAB_CI", "true")
        .args([
            "exec",
            "--",
            "sh",
            "-c",
            "printf %s \"$AUTH0_ACCESS_TOKEN\"",
        ])
        .output()
        .unwrap();
    assert_eq!(stdout(&output), access);
    assert!(stderr(&output).contains(&format!("::add-mask::{access}")));
}

#[test]
fn a_supervised_command_gets_the_signals_and_the_tool_ends_as_it_does() {
    let (tenant, _) = logged_in();
    let pid_file = tenant.home.path().join("pid");
    let script = format!(
        "trap 'exit 77' TERM; echo $$ > '{}'; while :; do sleep 0.05; done",
        pid_file.display()
    );
    let mut child = tenant
        .std_cmd()
        .env("AUTH0_MFA_STORE", "file")
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .args(["exec", "--mask-output", "--", "sh", "-c", &script])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let shell_pid = pid_written_to(&pid_file);
    std::thread::sleep(Duration::from_millis(50));
    assert_ne!(
        shell_pid,
        child.id() as i32,
        "supervised: a child of its own"
    );
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    let status = wait_bounded(&mut child, Duration::from_secs(20));
    assert_eq!(status.code(), Some(77));
    assert!(!std::path::Path::new(&format!("/proc/{shell_pid}")).exists());

    // A command killed by a signal ends the tool by the same signal.
    let output = cmd(&tenant)
        .args(["exec", "--mask-output", "--", "sh", "-c", "kill -TERM $$"])
        .output()
        .unwrap();
    assert_eq!(output.status.signal(), Some(libc::SIGTERM));
}

#[test]
fn the_token_file_outlives_the_first_token() {
    let tenant = TestTenant::fast("access_token_lifetime_secs = 4");
    let login = tenant
        .cmd()
        .env("AUTH0_MFA_STORE", "file")
        .args([
            "login",
            "--json",
            "-u",
            "recovery@test.example",
            "--otp-secret",
            OTP_SECRET,
        ])
        .args(["--scope", "openid offline_access"])
        .output()
        .unwrap();
    assert_eq!(login.status.code(), Some(0), "{}", stderr(&login));
    let first = stdout_json(&login)["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    // Reads the file, waits past the first token's life, reads it again.
    let script = r#"cat "$AUTH0_ACCESS_TOKEN_FILE"; echo; stat -c %a "$AUTH0_ACCESS_TOKEN_FILE"; sleep 5; cat "$AUTH0_ACCESS_TOKEN_FILE"; echo; echo "$AUTH0_ACCESS_TOKEN_FILE""#;
    let output = cmd(&tenant)
        .args([
            "exec",
            "--token-file",
            "--min-ttl",
            "1",
            "--",
            "sh",
            "-c",
            script,
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], first);
    assert_eq!(lines[1], "600");
    assert_ne!(lines[2], first, "the file still held the expired token");
    assert!(lines[2].starts_with("eyJ"), "{text}");
    assert!(tenant.grants().iter().any(|g| g == "refresh_token"));
    assert!(
        !std::path::Path::new(lines[3]).exists(),
        "the token file was left behind"
    );
}

#[test]
fn login_hands_its_tokens_on_in_the_same_formats_and_loses_no_recovery_code() {
    let tenant = TestTenant::fast("");
    let login = cmd(&tenant)
        .args([
            "login",
            "--no-store",
            "--format",
            "env",
            "-u",
            "recovery@test.example",
        ])
        .args(["--otp-secret", OTP_SECRET])
        .output()
        .unwrap();
    assert_eq!(login.status.code(), Some(0), "{}", stderr(&login));
    let read = Command::new("sh")
        .arg("-c")
        .arg("eval \"$1\"; printf '%s %s' \"$AUTH0_TOKEN_TYPE\" \"${AUTH0_ACCESS_TOKEN%%.*}\"")
        .arg("sh")
        .arg(stdout(&login))
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&read.stdout).starts_with("Bearer eyJ"),
        "{}",
        String::from_utf8_lossy(&read.stdout)
    );
    // A new recovery code is not a variable: it is said on stderr, not lost.
    let recovered = cmd(&tenant)
        .args([
            "login",
            "--no-store",
            "--format",
            "dotenv",
            "-u",
            "recovery@test.example",
        ])
        .args(["--recovery-code", RECOVERY_CODE])
        .output()
        .unwrap();
    assert_eq!(recovered.status.code(), Some(0), "{}", stderr(&recovered));
    assert!(
        stdout(&recovered).starts_with("AUTH0_ACCESS_TOKEN=eyJ"),
        "{}",
        stdout(&recovered)
    );
    assert!(
        stderr(&recovered).contains("recovery code"),
        "{}",
        stderr(&recovered)
    );
    let bad = cmd(&tenant)
        .args([
            "login",
            "--format",
            "env",
            "--env-name",
            "nope=X",
            "-u",
            "recovery@test.example",
        ])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        tenant.requests_to("/oauth/token").len() == 4,
        "the bad rename sent nothing"
    );
}

/// PowerShell where it is installed (no registry this project reaches offers
/// it, so a machine without it skips, and says so, in CI too).
#[test]
fn powershell_reads_its_format_back_where_it_is_installed() {
    let installed = Command::new("pwsh")
        .args(["-NoProfile", "-Command", "exit 0"])
        .status()
        .is_ok_and(|s| s.success());
    if !installed {
        eprintln!("skipped: PowerShell (pwsh) is not installed");
        return;
    }
    let (tenant, tokens) = logged_in();
    let lines = stdout(&formatted(&tenant, "powershell"));
    let read = Command::new("pwsh")
        .args(["-NoProfile", "-Command"])
        .arg(format!(
            "{lines}\n[Console]::Out.Write($Env:AUTH0_ACCESS_TOKEN)"
        ))
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&read.stdout),
        tokens["access_token"].as_str().unwrap()
    );
}

/// The PID a command's shell wrote to `file` (`echo $$ > FILE`), once it is
/// all there: the file exists, empty, before the shell writes it.
fn pid_written_to(file: &std::path::Path) -> i32 {
    let started = Instant::now();
    loop {
        let written = std::fs::read_to_string(file).unwrap_or_default();
        if written.ends_with('\n')
            && let Ok(pid) = written.trim().parse()
        {
            return pid;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "no PID in {}: {written:?}",
            file.display()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}
