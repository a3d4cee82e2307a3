//! The build script: lays out the release binary's code in start-up order.
//!
//! A run of `auth0-mfa` is mostly start-up, and start-up pays a page fault for
//! every page of the executable it touches; the kernel maps the pages around
//! each one too, and they all count as the process's memory. The functions a
//! run executes (1.3 MB of the 5.7 MB of code) were spread over the whole
//! executable. `src/startup.order` lists them, in the order they first ran
//! (`tests/startup-order.sh` writes it from runs of the real commands), and
//! the linker puts them side by side: a TLS challenge's peak memory went from
//! 8.0 MiB to 4.9 MiB, `--version` from 1.6 ms to 1.2 ms.
//!
//! Only LLD (and mold) read such a file, so it is given only where Rust links
//! with LLD by default (x86_64 Linux, Rust 1.90 and later) and no flag asks for
//! another linker; anywhere else the binary is the same, its code in the
//! compiler's order. `AUTH0_MFA_NO_STARTUP_ORDER=1` leaves it out. Symbols the
//! file names that a build no longer has are skipped without a word.

use std::env;
use std::process::Command;

const ORDER: &str = "src/startup.order";

fn main() {
    println!("cargo:rerun-if-changed={ORDER}");
    println!("cargo:rerun-if-env-changed=AUTH0_MFA_NO_STARTUP_ORDER");
    println!("cargo:rerun-if-env-changed=CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER");
    if env::var_os("AUTH0_MFA_NO_STARTUP_ORDER").is_some_and(|v| v != "0") {
        return;
    }
    let target = env::var("TARGET").unwrap_or_default();
    let profile = env::var("PROFILE").unwrap_or_default();
    if target != "x86_64-unknown-linux-gnu" || profile != "release" || !links_with_lld() {
        return;
    }
    let dir = env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let order = std::path::Path::new(&dir).join(ORDER);
    // `-Wl,` splits its argument at commas.
    if !order.is_file() || order.to_string_lossy().contains(',') {
        return;
    }
    println!(
        "cargo:rustc-link-arg-bin=auth0-mfa=-Wl,--symbol-ordering-file={}",
        order.display()
    );
    println!("cargo:rustc-link-arg-bin=auth0-mfa=-Wl,--no-warn-symbol-ordering");
}

/// Whether rustc will link with LLD: its default on x86_64 Linux since 1.90,
/// unless the flags choose another linker.
fn links_with_lld() -> bool {
    let flags = env::var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default();
    let other_linker = [
        "linker-features=-lld",
        "link-self-contained=-linker",
        "fuse-ld=bfd",
        "fuse-ld=gold",
        "linker=",
    ];
    if other_linker.iter().any(|flag| flags.contains(flag))
        || env::var_os("CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER").is_some()
    {
        return false;
    }
    let rustc = env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let Ok(out) = Command::new(rustc).arg("--version").output() else {
        return false;
    };
    // "rustc 1.95.0 (59807616e 2026-04-14)"
    let version = String::from_utf8_lossy(&out.stdout);
    let minor = version
        .split_whitespace()
        .nth(1)
        .and_then(|v| v.split('.').nth(1))
        .and_then(|m| m.parse::<u32>().ok());
    minor.is_some_and(|minor| minor >= 90)
}
