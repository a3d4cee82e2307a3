//! `completions/` holds exactly what `auth0-mfa completions SHELL` prints, and
//! the man page generated from the same definitions (see `manpage`).
//! After changing the command line: `UPDATE_COMPLETIONS=1 cargo test --locked completions`
//! (ignored in CI, which only checks).

use std::path::Path;

use tempfile::TempDir;

use crate::harness::*;

const FILES: &[(&str, &str)] = &[
    ("bash", "auth0-mfa.bash"),
    ("zsh", "_auth0-mfa"),
    ("fish", "auth0-mfa.fish"),
    ("powershell", "_auth0-mfa.ps1"),
    ("elvish", "auth0-mfa.elv"),
];

#[test]
fn completions_are_in_sync() {
    let home = TempDir::new().unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    let update = regenerating("UPDATE_COMPLETIONS");
    let mut stale = Vec::new();
    for (shell, file) in FILES {
        let output = bare_cmd(&home)
            .args(["completions", shell])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{shell}");
        assert!(!output.stdout.is_empty(), "{shell}");
        let path = dir.join(file);
        if update {
            std::fs::write(&path, &output.stdout).unwrap();
        } else if std::fs::read(&path).ok().as_deref() != Some(&output.stdout[..]) {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "stale completions: {stale:?}; run `UPDATE_COMPLETIONS=1 cargo test --locked completions` and commit"
    );
}

#[test]
fn man_page_is_in_sync() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions/auth0-mfa.1");
    let page = crate::manpage::render();
    if regenerating("UPDATE_COMPLETIONS") {
        std::fs::write(&path, &page).unwrap();
        return;
    }
    assert!(
        std::fs::read(&path).ok().as_deref() == Some(&page[..]),
        "stale man page {}; run `UPDATE_COMPLETIONS=1 cargo test --locked completions` and commit",
        path.display()
    );
}
