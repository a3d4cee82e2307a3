//! The benchmark's yardstick is built as the tool is: `tests/bench.sh` writes
//! the reference program's release profile, which must be Cargo.toml's, or
//! the ratios it prints compare two different builds.

use std::path::Path;

/// The `[profile.release]` table's lines, from its header to the first blank
/// line (or the end of the text), without comments.
fn release_profile(text: &str) -> Vec<&str> {
    text.lines()
        .skip_while(|line| line.trim() != "[profile.release]")
        .take_while(|line| !line.trim().is_empty() && line.trim() != "EOF")
        .map(str::trim)
        .filter(|line| !line.starts_with('#'))
        .collect()
}

#[test]
fn the_reference_program_is_built_with_the_tools_release_profile() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |file: &str| std::fs::read_to_string(root.join(file)).unwrap();
    let (manifest, bench) = (read("Cargo.toml"), read("tests/bench.sh"));
    let ours = release_profile(&manifest);
    assert!(
        ours.len() > 1,
        "Cargo.toml has a [profile.release]: {ours:?}"
    );
    assert_eq!(
        release_profile(&bench),
        ours,
        "tests/bench.sh builds its reference program with another release profile than Cargo.toml's"
    );
}
