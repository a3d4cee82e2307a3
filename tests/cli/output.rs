//! What the output looks like: colour decided by --color, NO_COLOR,
//! CLICOLOR_FORCE and CLICOLOR, and never in JSON.

use tempfile::TempDir;

use crate::harness::*;

#[test]
fn colour_follows_color_no_color_and_clicolor_force() {
    let home = TempDir::new().unwrap();
    let path =
        |cmd: &mut assert_cmd::Command| stdout(&cmd.args(["config", "path"]).output().unwrap());
    // Not a terminal: no colour by default. `config show` has a bold key column.
    let show =
        |cmd: &mut assert_cmd::Command| stdout(&cmd.args(["config", "show"]).output().unwrap());
    assert!(!show(&mut bare_cmd(&home)).contains('\u{1b}'));
    assert!(show(bare_cmd(&home).args(["--color", "always"])).contains('\u{1b}'));
    assert!(show(bare_cmd(&home).env("CLICOLOR_FORCE", "1")).contains('\u{1b}'));
    assert!(
        !show(
            bare_cmd(&home)
                .env("CLICOLOR_FORCE", "1")
                .env("NO_COLOR", "1")
        )
        .contains('\u{1b}')
    );
    assert!(
        !show(
            bare_cmd(&home)
                .env("CLICOLOR_FORCE", "1")
                .args(["--color", "never"])
        )
        .contains('\u{1b}')
    );
    // JSON is never coloured.
    let json = show(bare_cmd(&home).args(["--color", "always", "--json"]));
    assert!(!json.contains('\u{1b}'));
    assert!(!path(bare_cmd(&home).args(["--color", "always"])).contains('\u{1b}'));
}

/// On a real terminal (a pseudo-terminal from util-linux's `script`), colour
/// is on by default and `CLICOLOR=0` or `NO_COLOR` turn it off, as gh does.
#[test]
fn on_a_terminal_clicolor_0_turns_colour_off() {
    let Some(script) = ["/usr/bin/script", "/bin/script"]
        .into_iter()
        .find(|p| std::path::Path::new(p).is_file())
    else {
        missing("util-linux's script", "no pseudo-terminal to try");
        return;
    };
    let home = TempDir::new().unwrap();
    let on_terminal = |vars: &[(&str, &str)]| {
        let mut cmd = std::process::Command::new(script);
        cmd.env_clear()
            .env("HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path().join(".config"))
            .env("TERM", "xterm")
            .args(["-qec", &format!("{BIN} config show"), "/dev/null"]);
        for (name, value) in vars {
            cmd.env(name, value);
        }
        let output = cmd.output().unwrap();
        assert!(output.status.success(), "{output:?}");
        let text = String::from_utf8_lossy(&output.stdout).into_owned();
        assert!(text.contains("config file"), "{text}");
        text.contains('\u{1b}')
    };
    assert!(on_terminal(&[]));
    assert!(!on_terminal(&[("CLICOLOR", "0")]));
    assert!(!on_terminal(&[("NO_COLOR", "1")]));
    assert!(on_terminal(&[("CLICOLOR", "0"), ("CLICOLOR_FORCE", "1")]));
}
