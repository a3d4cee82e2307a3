//! The completion scripts in the shells they are for: each is loaded into a
//! real shell, which is then asked what it completes for a partly typed line,
//! as a TAB would. A shell that is not installed is skipped, saying so on stderr,
//! except in CI (`CI` set), where it is a failure.

use std::path::PathBuf;
use std::process::Command;

use tempfile::TempDir;

use crate::harness::*;

/// The shell's path, or `None` (and a note on stderr) when it is not installed.
fn installed(shell: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|path| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(shell))
            .find(|candidate| candidate.is_file())
    });
    if found.is_none() {
        missing(shell, "its completions were not tried");
    }
    found
}

/// `auth0-mfa completions SHELL`, written to a file in `home`.
fn script(home: &TempDir, shell: &str) -> PathBuf {
    let output = bare_cmd(home)
        .args(["completions", shell])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{shell}");
    let path = home.path().join(format!("completion.{shell}"));
    std::fs::write(&path, &output.stdout).unwrap();
    path
}

/// A shell with nothing of the user's: no rc files, an empty HOME.
fn shell_cmd(shell: &PathBuf, home: &TempDir) -> Command {
    let mut cmd = Command::new(shell);
    cmd.env_clear()
        .env("HOME", home.path())
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("TERM", "dumb")
        .current_dir(home.path());
    cmd
}

/// What bash completes for each line: the script is sourced, then the function
/// that `complete -p auth0-mfa` names is called as bash's programmable
/// completion calls it (COMP_WORDS, COMP_CWORD; the command, the word, the
/// word before). A line ending in a space completes an empty word.
fn bash_completions(bash: &PathBuf, lines: &[&str]) -> Vec<Vec<String>> {
    let home = TempDir::new().unwrap();
    let script = script(&home, "bash");
    const DRIVER: &str = r#"
source "$1" || exit 3
shift
fn=$(complete -p auth0-mfa | sed -n 's/.*-F \([^ ]*\).*/\1/p')
[ -n "$fn" ] || exit 4
for line in "$@"; do
    read -ra COMP_WORDS <<<"$line"
    [[ "$line" == *" " ]] && COMP_WORDS+=("")
    COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
    COMP_LINE="$line"
    COMP_POINT=${#line}
    COMPREPLY=()
    "$fn" auth0-mfa "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    echo "= ${COMPREPLY[*]}"
done
"#;
    let output = shell_cmd(bash, &home)
        .args(["--norc", "--noprofile", "-c", DRIVER, "driver"])
        .arg(&script)
        .args(lines)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "bash: {:?}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    let replies: Vec<Vec<String>> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .filter_map(|l| l.strip_prefix('='))
        .map(|l| l.split_whitespace().map(str::to_owned).collect())
        .collect();
    assert_eq!(replies.len(), lines.len());
    replies
}

/// What fish completes for each line (`complete -C`), first column only.
fn fish_completions(fish: &PathBuf, lines: &[&str]) -> Vec<Vec<String>> {
    let home = TempDir::new().unwrap();
    let script = script(&home, "fish");
    const DRIVER: &str = r#"
source $argv[1]; or exit 3
for line in $argv[2..]
    complete -C "$line"
    echo "="
end
"#;
    let output = shell_cmd(fish, &home)
        .args(["--no-config", "-c", DRIVER])
        .arg(&script)
        .args(lines)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "fish: {:?}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    let mut replies = vec![Vec::new()];
    for line in stdout.lines() {
        if line == "=" {
            replies.push(Vec::new());
        } else if let Some(current) = replies.last_mut() {
            current.push(line.split('\t').next().unwrap_or("").to_owned());
        }
    }
    replies.pop();
    assert_eq!(replies.len(), lines.len(), "{stdout}");
    replies
}

/// The same questions for every shell: (typed line, what must be offered,
/// what must not be).
const CASES: &[(&str, &[&str], &[&str])] = &[
    ("auth0-mfa log", &["login"], &["verify"]),
    ("auth0-mfa login --fac", &["--factor"], &["--json"]),
    (
        "auth0-mfa login --factor ",
        &["otp", "push", "sms", "voice", "email", "recovery-code"],
        &["--factor"],
    ),
    ("auth0-mfa authenticators list --a", &["--all"], &[]),
    ("auth0-mfa authenticators d", &["delete"], &["list"]),
    // Global options complete after the subcommand too.
    ("auth0-mfa verify --js", &["--json"], &[]),
    ("auth0-mfa challenge --ty", &["--type"], &[]),
    // (After the subcommand: clap_complete's fish script completes nothing
    // for a global option's value before one.)
    (
        "auth0-mfa login --color ",
        &["auto", "always", "never"],
        &[],
    ),
    ("auth0-mfa completions ", &["bash", "zsh", "fish"], &[]),
    (
        "auth0-mfa enroll ",
        &["otp", "sms", "voice", "email", "push"],
        &[],
    ),
];

fn check(shell: &str, replies: &[Vec<String>]) {
    for ((line, wanted, unwanted), offered) in CASES.iter().zip(replies) {
        for word in *wanted {
            assert!(
                offered.iter().any(|o| o == word),
                "{shell}: `{line}<TAB>` offers {offered:?}, not {word}"
            );
        }
        for word in *unwanted {
            assert!(
                !offered.iter().any(|o| o == word),
                "{shell}: `{line}<TAB>` offers {word}: {offered:?}"
            );
        }
    }
}

#[test]
fn bash_completes_subcommands_options_and_values() {
    let Some(bash) = installed("bash") else {
        return;
    };
    let lines: Vec<&str> = CASES.iter().map(|c| c.0).collect();
    check("bash", &bash_completions(&bash, &lines));
}

#[test]
fn fish_completes_subcommands_options_and_values() {
    let Some(fish) = installed("fish") else {
        return;
    };
    let lines: Vec<&str> = CASES.iter().map(|c| c.0).collect();
    check("fish", &fish_completions(&fish, &lines));
}

#[test]
fn zsh_loads_the_script_and_binds_it_to_the_command() {
    let Some(zsh) = installed("zsh") else {
        return;
    };
    let home = TempDir::new().unwrap();
    let script = script(&home, "zsh");
    // compinit, then the script as a user's fpath would load it: sourcing a
    // #compdef file registers it with compdef.
    let output = shell_cmd(&zsh, &home)
        .args([
            "-f",
            "-c",
            "autoload -Uz compinit && compinit -u -D && source \"$1\" && print -r -- \"${_comps[auth0-mfa]}\"",
            "driver",
        ])
        .arg(&script)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "zsh: {stderr}");
    assert!(stderr.is_empty(), "zsh: {stderr}");
    assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), "_auth0-mfa");
}
