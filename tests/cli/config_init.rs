//! `config init` edits the config file as a person would: comments, key
//! order and other profiles stay, only changed values are written, defaults
//! are not, and on a terminal Enter keeps a value or skips a question.

use std::path::PathBuf;

use tempfile::TempDir;

use crate::harness::*;

const FILE: &str = r#"# Tenants I use. The CI one is last on purpose.
default_profile = "dev"

[profiles.dev]
# the dev tenant
domain = "dev.us.auth0.com"   # not the custom domain
client_id = "old-client"

[profiles.ci]
domain = "ci.eu.auth0.com"
client_id = "ci-client"
"#;

fn config_file(home: &TempDir) -> PathBuf {
    home.path().join(".config/auth0-mfa/config.toml")
}

fn write(home: &TempDir, text: &str) {
    let path = config_file(home);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
}

#[test]
fn a_changed_value_is_the_only_change_to_the_file() {
    let home = TempDir::new().unwrap();
    write(&home, FILE);
    let output = bare_cmd(&home)
        // -v: progress lines off a terminal too.
        .args([
            "config",
            "init",
            "-v",
            "--profile",
            "dev",
            "--client-id",
            "new-client",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = std::fs::read_to_string(config_file(&home)).unwrap();
    assert_eq!(text, FILE.replace("old-client", "new-client"));
    assert!(
        stderr(&output).contains("wrote client_id"),
        "{}",
        stderr(&output)
    );

    // The same again changes nothing, and says so.
    let output = bare_cmd(&home)
        // -v: progress lines off a terminal too.
        .args([
            "config",
            "init",
            "-v",
            "--profile",
            "dev",
            "--client-id",
            "new-client",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("left as it is"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read_to_string(config_file(&home)).unwrap(),
        FILE.replace("old-client", "new-client")
    );
}

#[test]
fn a_new_profile_is_added_after_the_others_without_defaults() {
    let home = TempDir::new().unwrap();
    write(&home, FILE);
    let output = bare_cmd(&home)
        .env("AUTH0_AUDIENCE", "https://api.example.com/")
        .args(["config", "init", "--profile", "staging"])
        .args(["--domain", "staging.us.auth0.com", "--client-id", "st"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = std::fs::read_to_string(config_file(&home)).unwrap();
    assert_eq!(
        text,
        format!(
            "{FILE}\n[profiles.staging]\ndomain = \"staging.us.auth0.com\"\nclient_id = \"st\"\naudience = \"https://api.example.com/\"\n"
        )
    );
    // No `scope = "openid profile email"`: a default stays a default.
    assert!(!text.contains("scope"), "{text}");
}

/// On a real terminal (util-linux's `script`), typed answers: Enter skips the
/// optional username and leaves the secret out; a second run where every
/// answer is Enter keeps every value and leaves the file alone.
#[test]
fn on_a_terminal_enter_skips_optional_questions_and_keeps_values() {
    let Some(script) = ["/usr/bin/script", "/bin/script"]
        .into_iter()
        .find(|p| std::path::Path::new(p).is_file())
    else {
        missing("util-linux's script", "no pseudo-terminal to try");
        return;
    };
    let home = TempDir::new().unwrap();
    let on_terminal = |typed: &str| {
        let output = assert_cmd::Command::new(script)
            .env_clear()
            .env("HOME", home.path())
            .env("TERM", "xterm")
            .args(["-qec", &format!("{BIN} config init"), "/dev/null"])
            .write_stdin(typed)
            .timeout(std::time::Duration::from_secs(60))
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    // Domain, client id, Enter for the username, Enter for no secret.
    let shown = on_terminal("t.us.auth0.com\rabc\r\r\r");
    assert!(
        shown.contains("Username for logins (Enter to skip)"),
        "{shown}"
    );
    let written = std::fs::read_to_string(config_file(&home)).unwrap();
    assert_eq!(
        written,
        "default_profile = \"default\"\n\n[profiles.default]\ndomain = \"t.us.auth0.com\"\nclient_id = \"abc\"\n"
    );

    let shown = on_terminal("\r\r\r\r");
    assert!(shown.contains("left as it is"), "{shown}");
    assert_eq!(
        std::fs::read_to_string(config_file(&home)).unwrap(),
        written
    );
}
