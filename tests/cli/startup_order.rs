//! The release binary's code is laid out in start-up order: the functions
//! `src/startup.order` names sit side by side, in its order (`src/build.rs`
//! hands the file to the linker). Checked on the release build CI tests
//! (`cargo test --release --test cli`); a debug build is left in the
//! compiler's order.

use std::collections::HashMap;
use std::process::Command;

use crate::harness::{BIN, missing};

#[test]
fn the_release_binary_runs_its_start_up_code_from_one_stretch() {
    if cfg!(debug_assertions) {
        eprintln!(
            "skipped: only a release build is laid out in start-up order (cargo test --release)"
        );
        return;
    }
    let Ok(nm) = Command::new("nm").arg(BIN).output() else {
        missing("nm", "the release binary's layout cannot be read");
        return;
    };
    let listing = String::from_utf8_lossy(&nm.stdout);
    let address: HashMap<&str, u64> = listing
        .lines()
        .filter_map(|line| {
            let mut fields = line.split_whitespace();
            let (at, kind, name) = (fields.next()?, fields.next()?, fields.next()?);
            let code = matches!(kind, "t" | "T" | "w" | "W");
            code.then(|| Some((name, u64::from_str_radix(at, 16).ok()?)))?
        })
        .collect();
    assert!(
        !address.is_empty(),
        "the release binary has no symbol table: {}",
        nm.status
    );

    let order = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/startup.order"))
        .expect("src/startup.order");
    let named: Vec<&str> = order.lines().filter(|l| !l.is_empty()).collect();
    let found: Vec<u64> = named
        .iter()
        .filter_map(|n| address.get(n).copied())
        .collect();
    if found.len() * 10 < named.len() * 9 {
        // A symbol's name changes with the toolchain, the profile and Cargo.lock.
        eprintln!(
            "skipped: only {} of the {} functions src/startup.order names are in this build \
             (another toolchain, or the file is stale: run tests/startup-order.sh)",
            found.len(),
            named.len()
        );
        return;
    }
    // In the compiler's order about half would follow the one before them.
    let in_order = found.windows(2).filter(|pair| pair[0] < pair[1]).count();
    assert!(
        in_order * 100 >= (found.len() - 1) * 95,
        "only {in_order} of {} functions follow the one before them: the linker did not get src/startup.order",
        found.len()
    );
    // And they are one stretch, before every other function.
    let last = *found.iter().max().unwrap();
    let others_before = address.values().filter(|&&at| at < last).count();
    assert!(
        others_before <= found.len() + found.len() / 10,
        "{others_before} functions lie before the last start-up one, which should be about {}",
        found.len()
    );
}
