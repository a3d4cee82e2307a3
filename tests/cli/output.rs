//! What the output looks like: colour decided by --color, NO_COLOR and
//! CLICOLOR_FORCE, and never in JSON.

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
