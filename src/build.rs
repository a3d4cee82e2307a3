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
//! The file is recorded on x86_64 Linux, and only LLD (Rust's default there
//! since 1.90) and mold read one, so it is given to a release build for that
//! target whose linker takes it (the script asks it); anywhere else the binary
//! is the same, its code in the compiler's order. `AUTH0_MFA_NO_STARTUP_ORDER=1`
//! leaves it out. Symbols the file names that a build no longer has are
//! skipped without a word.

use std::env;
use std::process::Command;

const ORDER: &str = "src/startup.order";

fn main() {
    println!("cargo:rerun-if-changed={ORDER}");
    println!("cargo:rerun-if-env-changed=AUTH0_MFA_NO_STARTUP_ORDER");
    if env::var_os("AUTH0_MFA_NO_STARTUP_ORDER").is_some_and(|v| v != "0") {
        return;
    }
    let target = env::var("TARGET").unwrap_or_default();
    let profile = env::var("PROFILE").unwrap_or_default();
    if target != "x86_64-unknown-linux-gnu" || profile != "release" {
        return;
    }
    let dir = env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let order = std::path::Path::new(&dir).join(ORDER);
    // `-Wl,` splits its argument at commas.
    if !order.is_file() || order.to_string_lossy().contains(',') {
        return;
    }
    if !linker_takes_an_order_file(&order) {
        println!(
            "cargo:warning=the linker does not take --symbol-ordering-file (LLD and mold do): \
             the binary is built in the compiler's order, its start-up slower and bigger"
        );
        return;
    }
    println!(
        "cargo:rustc-link-arg-bin=auth0-mfa=-Wl,--symbol-ordering-file={}",
        order.display()
    );
    println!("cargo:rustc-link-arg-bin=auth0-mfa=-Wl,--no-warn-symbol-ordering");
}

/// Whether the linker rustc uses here takes `--symbol-ordering-file`, asked the
/// way autocfg asks the compiler: by linking an empty program with it (0.15 s, once
/// per run of this script). LLD and mold take it; GNU ld, which a distribution's
/// Rust or `-C linker-features=-lld` links with, refuses it.
fn linker_takes_an_order_file(order: &std::path::Path) -> bool {
    let Some(out_dir) = env::var_os("OUT_DIR").map(std::path::PathBuf::from) else {
        return false;
    };
    let probe = out_dir.join("order_probe.rs");
    if std::fs::write(&probe, "fn main() {}\n").is_err() {
        return false;
    }
    let rustc = env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let mut command = Command::new(rustc);
    let flags = env::var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default();
    command.args(flags.split('\x1f').filter(|flag| !flag.is_empty()));
    if let Some(linker) = env::var_os("RUSTC_LINKER") {
        command
            .arg("-C")
            .arg(format!("linker={}", linker.to_string_lossy()));
    }
    command
        .args(["--crate-type=bin", "--target"])
        .arg(env::var("TARGET").unwrap_or_default())
        .arg("-o")
        .arg(out_dir.join("order_probe"))
        .arg("-C")
        .arg(format!(
            "link-arg=-Wl,--symbol-ordering-file={}",
            order.display()
        ))
        .arg(&probe)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    command.status().is_ok_and(|status| status.success())
}
