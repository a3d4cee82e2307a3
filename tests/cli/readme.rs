//! The README stays true: its troubleshooting table is the hints table, its
//! exit codes are the code's, and CI runs the test command it gives.
//! After changing the hints: `UPDATE_README=1 cargo test --locked readme`
//! (ignored in CI, which only checks).

use std::path::Path;

const START: &str = "<!-- troubleshooting:start -->\n";
const END: &str = "<!-- troubleshooting:end -->";

fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap()
}

#[test]
fn troubleshooting_is_generated_from_the_hints_table() {
    let text = readme();
    let start = text
        .find(START)
        .expect("the README has the troubleshooting markers")
        + START.len();
    let end = text.find(END).unwrap();
    let table = auth0_mfa::hints::markdown();
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
        "the README's troubleshooting table is stale: run `UPDATE_README=1 cargo test --locked readme`"
    );
}

#[test]
fn every_exit_code_is_documented() {
    let text = readme();
    let section = &text[text.find("## Exit codes").unwrap()..];
    let section = &section[..section[3..].find("\n## ").unwrap()];
    let documented: Vec<i32> = section
        .lines()
        .filter_map(|l| l.strip_prefix("| ")?.split(' ').next()?.parse().ok())
        .collect();
    assert_eq!(documented, auth0_mfa::error::exit::ALL);
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
