//! The README stays true: its troubleshooting table is the hints table, its
//! exit-code table is the `ExitCode` enum's, and CI runs the test command it
//! gives. After changing either: `UPDATE_README=1 cargo test --locked readme`
//! (ignored in CI, which only checks).

use std::path::Path;

const TROUBLESHOOTING: (&str, &str) = (
    "<!-- troubleshooting:start -->\n",
    "<!-- troubleshooting:end -->",
);
const EXIT_CODES: (&str, &str) = ("<!-- exit-codes:start -->\n", "<!-- exit-codes:end -->");

fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap()
}

#[test]
fn troubleshooting_is_generated_from_the_hints_table() {
    generated_between(
        TROUBLESHOOTING,
        &auth0_mfa::hints::markdown(),
        "troubleshooting",
    );
}

#[test]
fn exit_codes_are_generated_from_the_enum() {
    generated_between(EXIT_CODES, &auth0_mfa::exit_code::markdown(), "exit-code");
}

/// The README between a pair of markers is `table`; with `UPDATE_README`
/// set it is made so.
fn generated_between((start_marker, end_marker): (&str, &str), table: &str, what: &str) {
    let text = readme();
    let start = text
        .find(start_marker)
        .unwrap_or_else(|| panic!("the README has the {what} markers"))
        + start_marker.len();
    let end = text.find(end_marker).unwrap();
    if crate::harness::regenerating("UPDATE_README") {
        let updated = format!("{}{table}{}", &text[..start], &text[end..]);
        std::fs::write(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"),
            updated,
        )
        .unwrap();
        return;
    }
    assert_eq!(
        &text[start..end],
        table,
        "the README's {what} table is stale: run `UPDATE_README=1 cargo test --locked readme`"
    );
}

#[test]
fn every_exit_code_is_documented() {
    use auth0_mfa::exit_code::ExitCode;
    let text = readme();
    let section = &text[text.find("## Exit codes").unwrap()..];
    let section = &section[..section[3..].find("\n## ").unwrap()];
    let documented: Vec<i32> = section
        .lines()
        .filter_map(|l| l.strip_prefix("| ")?.split(' ').next()?.parse().ok())
        .collect();
    assert_eq!(documented, ExitCode::DOCUMENTED.map(ExitCode::code));
    // `exec`'s own codes, the wrappers' convention, are said beside the table.
    for wrapper in ExitCode::WRAPPER {
        assert!(
            section.contains(&wrapper.code().to_string()),
            "{wrapper:?} is not documented beside the exit-code table"
        );
    }
}

#[test]
fn ci_runs_the_readmes_test_command() {
    let text = readme();
    // The demo builds what the tests then reuse: the dev profile, not --release.
    assert!(text.contains("\ncargo run --locked -- demo\ncargo test --locked\n"));
    // The first `cargo test` line of the README is the test command, exactly.
    let command = text
        .lines()
        .find_map(|l| {
            l.find("cargo test")
                .map(|i| l[i..].split('`').next().unwrap().trim())
        })
        .unwrap();
    assert_eq!(command, "cargo test --locked");
    let ci =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/run")).unwrap();
    assert!(
        ci.lines().any(|l| l.trim() == "cargo test --locked"),
        "{ci}"
    );
}

#[test]
fn every_command_has_a_usage_section() {
    let text = readme();
    let help = std::process::Command::new(crate::harness::BIN)
        .arg("--help")
        .output()
        .unwrap();
    let help = String::from_utf8(help.stdout).unwrap();
    let commands: Vec<&str> = help
        .split("Commands:")
        .nth(1)
        .unwrap()
        .split("Options:")
        .next()
        .unwrap()
        .lines()
        // A command's line is indented two spaces; wrapped descriptions, more.
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .collect();
    assert!(commands.len() >= 11, "{commands:?}");
    for command in commands {
        let documented = text.contains(&format!("### {command}"))
            || text.contains(&format!("### emulator and {command}"))
            || text.contains(&format!("### {command} and"));
        assert!(
            documented,
            "the README has no usage section for `{command}`"
        );
    }
}

/// The README's examples log in users the demo tenant has, so that each one
/// works as it is against `auth0-mfa emulator`; so do the examples in --help.
#[test]
fn example_logins_use_the_demo_tenants_users() {
    let tenant = auth0_mfa::emulator::Tenant::demo();
    let known: Vec<String> = tenant
        .users
        .iter()
        .flat_map(|u| [Some(u.username.clone()), u.email.clone()])
        .flatten()
        .collect();
    let mut shell = String::new();
    let text = readme();
    let mut blocks = text.split("```");
    while let (Some(_), Some(block)) = (blocks.next(), blocks.next()) {
        if let Some(code) = block.strip_prefix("sh\n") {
            shell.push_str(code);
        }
    }
    for command in ["login", "enroll", "doctor"] {
        let help = std::process::Command::new(crate::harness::BIN)
            .args([command, "--help"])
            .output()
            .unwrap();
        shell.push_str(&String::from_utf8_lossy(&help.stdout));
    }
    let mut users = Vec::new();
    for line in shell.lines().filter(|l| l.contains("auth0-mfa ")) {
        let words: Vec<&str> = line.split_whitespace().collect();
        for pair in words.windows(2) {
            if matches!(pair[0], "-u" | "--username") {
                users.push(pair[1].trim_matches(['"', '\'']).to_owned());
            }
        }
    }
    assert!(users.len() >= 10, "{users:?}");
    for user in users {
        assert!(known.contains(&user), "{user} is not a demo tenant user");
    }
}

/// The project's documents live in the project: nothing it ships cites a
/// file a fresh clone does not have.
#[test]
fn nothing_shipped_points_outside_the_repository() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("README.md"), root.join("tests/bench.sh")];
    let mut dirs = vec![root.join("src"), root.join("completions")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                files.push(path);
            }
        }
    }
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        for outside in ["design.md", "../shared", "auth0-mfa-api.md"] {
            assert!(
                !text.contains(outside),
                "{} cites {outside}, which is not in the repository",
                file.display()
            );
        }
    }
}

/// The README's usage examples that need what a test has not: a person at
/// a prompt, a phone or another tool, or a clone to run in. Every entry must
/// still match a line, so the list cannot outlive the README.
const NOT_RUN: [(&str, &str); 19] = [
    (
        "auth0-mfa emulator                      #",
        "the test starts it so, and pastes its exports",
    ),
    ("login --username otp@example.com", "prompts for the code"),
    ("--factor sms          # prompts", "prompts for the code"),
    ("op item get Auth0", "needs the 1Password CLI"),
    (
        "--otp 123456",
        "a placeholder code: sent, it costs one of the 10 attempts",
    ),
    ("asks for the first code", "prompts for the code"),
    ("asks for the code the SMS carries", "prompts for the code"),
    (
        "Guardian QR code, waits for the app",
        "waits for the Guardian app",
    ),
    ("Out-String", "PowerShell"),
    ("completions elvish", "elvish"),
    ("install -Dm644", "runs in a clone"),
    ("man auth0-mfa", "runs in a clone"),
    ("auth0-mfa emulator [--listen ADDR]", "a synopsis"),
    ("auth0-mfa emulator --", "synopses"),
    ("auth0-mfa emulator outbox [--to", "a synopsis"),
    ("a shell with the token", "starts a shell on a terminal"),
    (
        "MT=$(curl",
        "needs curl and jq; tests/cli/doctor_config.rs breaks the demo the same way",
    ),
    ("curl -s -X PATCH", "needs curl; see doctor_config.rs"),
    ("curl -s -X PUT", "needs curl; see doctor_config.rs"),
];

/// The shell lines of the README's `## Usage` section, in order, with
/// continued lines joined and comment lines dropped.
fn usage_examples(text: &str) -> Vec<String> {
    let start = text.find("\n## Usage").expect("a Usage section");
    let end = start
        + text[start..]
            .find("\n## Settings")
            .expect("a Settings section");
    let mut lines = Vec::new();
    let mut blocks = text[start..end].split("```");
    while let (Some(_), Some(block)) = (blocks.next(), blocks.next()) {
        let Some(code) = block.strip_prefix("sh\n") else {
            continue;
        };
        let mut pending = String::new();
        for line in code.lines() {
            if let Some(head) = line.strip_suffix('\\') {
                pending.push_str(head);
                continue;
            }
            pending.push_str(line.trim_start_matches(' '));
            let whole = std::mem::take(&mut pending);
            if !whole.trim().is_empty() && !whole.trim_start().starts_with('#') {
                lines.push(whole);
            }
        }
    }
    lines
}

/// The exit codes an example's comment says it may end with ("exit 10 if
/// pending"), besides 0.
fn allowed_exits(line: &str) -> Vec<i32> {
    let comment = line.split("  #").nth(1).unwrap_or("");
    let words: Vec<&str> = comment.split_whitespace().collect();
    let mut codes = vec![0];
    for pair in words.windows(2) {
        if pair[0] == "exit"
            && let Ok(code) = pair[1].parse()
        {
            codes.push(code);
        }
    }
    codes
}

/// `auth0-mfa emulator` (the real binary) on a free port, and the `export`
/// lines of its banner, as a user pastes them.
fn emulator_and_its_exports(home: &Path) -> (std::process::Child, String) {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    let mut emulator = Command::new(crate::harness::BIN)
        .env_clear()
        .env("HOME", home)
        .args(["emulator", "--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut banner = BufReader::new(emulator.stdout.take().unwrap());
    let mut exports = String::new();
    for _ in 0..100 {
        let mut line = String::new();
        if banner.read_line(&mut line).unwrap_or(0) == 0 || line.starts_with("Control API") {
            break;
        }
        if line.trim_start().starts_with("export ") {
            exports.push_str(line.trim_start());
        }
    }
    (emulator, exports)
}

/// The examples as one bash script: each echoed, run, and checked to end
/// as its comment says; the first that does not stops the script.
fn examples_script(exports: &str, examples: &[String]) -> (String, usize) {
    let mut script = format!("set -o pipefail\n{exports}\n");
    let mut run = 0;
    for line in examples {
        if NOT_RUN.iter().any(|(pattern, _)| line.contains(pattern)) {
            continue;
        }
        run += 1;
        let quoted = line.replace('\'', "'\\''");
        let allowed: Vec<String> = allowed_exits(line).iter().map(i32::to_string).collect();
        script.push_str(&format!(
            "echo '$ {quoted}' >&2\n{line}\nrc=$?\ncase $rc in {}) ;; *) echo \"README example failed (exit $rc): {}\" >&2; exit 1 ;; esac\n",
            allowed.join("|"),
            quoted.replace('"', "\\\"").replace('$', "\\$"),
        ));
    }
    (script, run)
}

/// Runs the script in `home` with the binary on PATH, within `limit`: its
/// status (None when it was stopped) and what it said on stderr.
fn run_bounded(
    script: &str,
    home: &Path,
    limit: std::time::Duration,
) -> (Option<std::process::ExitStatus>, String) {
    use std::process::{Command, Stdio};
    let bin_dir = Path::new(crate::harness::BIN).parent().unwrap();
    let mut shell = Command::new("bash")
        .env_clear()
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("PATH", format!("{}:/usr/bin:/bin", bin_dir.display()))
        .current_dir(home)
        .args(["-c", script])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = shell.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = std::io::Read::read_to_string(&mut err, &mut text);
        text
    });
    let deadline = std::time::Instant::now() + limit;
    let status = loop {
        if let Some(status) = shell.try_wait().unwrap() {
            break Some(status);
        }
        if std::time::Instant::now() > deadline {
            let _ = shell.kill();
            let _ = shell.wait();
            break None;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    (status, reader.join().unwrap_or_default())
}

/// The usage examples run as a user runs them: one `auth0-mfa emulator`, its
/// banner's `export` lines pasted into a shell, then each example in the
/// order written, each ending as its comment says.
#[test]
fn the_usage_examples_run_in_order_against_one_emulator() {
    for tool in ["jq", "curl", "bash"] {
        if std::process::Command::new(tool)
            .arg("--version")
            .output()
            .is_err()
        {
            eprintln!("skipped: the README's examples need {tool}");
            return;
        }
    }
    let text = readme();
    let examples = usage_examples(&text);
    for (pattern, why) in NOT_RUN {
        assert!(
            examples.iter().any(|l| l.contains(pattern)),
            "NOT_RUN names `{pattern}` ({why}), which no example has any more"
        );
    }
    let home = tempfile::TempDir::new().unwrap();
    let (mut emulator, exports) = emulator_and_its_exports(home.path());
    let (script, run) = examples_script(&exports, &examples);
    assert!(run >= 40, "{run} examples run");
    // No example waits for a TOTP step (each that sends a code has a user of
    // its own); the pushes are polled as a user's would be, 5 s apart.
    let (status, log) = run_bounded(&script, home.path(), std::time::Duration::from_secs(120));
    let _ = emulator.kill();
    let _ = emulator.wait();
    assert!(
        status.is_some_and(|s| s.success()),
        "{}:\n{log}",
        if status.is_none() {
            "timed out"
        } else {
            "an example failed"
        }
    );
}
