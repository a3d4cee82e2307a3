//! auth0-mfa: a command-line client for Auth0's multi-factor authentication API,
//! and the local Auth0 emulator it is tested against.

pub mod auth0;
mod ca_file;
pub mod check;
pub mod cli;
mod codes;
mod commands;
mod config_file;
mod connection;
mod date;
pub mod doctor;
pub mod domain;
pub mod error;
pub mod exit_code;
pub mod factor;
mod files;
pub mod flow;
pub mod hints;
mod interrupt;
pub mod jwt;
mod otp_command;
pub mod output;
pub mod progress;
pub mod prompt;
mod sanitize;
pub mod secret;
mod sessions;
pub mod settings;
mod spent;
mod terminal;
pub mod totp;
mod trace;

#[cfg(feature = "emulator")]
pub mod emulator;

use clap::{CommandFactory, FromArgMatches};

use std::sync::Arc;

use crate::error::Failure;
use crate::exit_code::ExitCode;
use crate::output::Output;

/// Parses the command line, runs the command, prints the outcome and returns
/// the exit code. The binary's `main` is this and nothing else.
pub fn run() -> i32 {
    install_panic_hook();
    let matches = match cli::Cli::command().try_get_matches() {
        Ok(matches) => matches,
        Err(error) => return clap_failure(error),
    };
    let cli = match cli::Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(error) => return clap_failure(error),
    };
    let mut out = Output::new(cli.global.json, cli.global.verbose, cli.global.color);
    out.curl = cli.global.curl;
    out.mask_in_ci(output::ci::Runner::detect(cli.global.no_ci_mask));
    let out = Arc::new(out);
    interrupt::install(out.clone());
    let outcome = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        // A bug must end in exit 1, not in a backtrace; the hook has said where.
        Ok(runtime) => std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            runtime.block_on(commands::run(cli, &out))
        }))
        .unwrap_or_else(|_| Err(Failure::Panicked)),
        Err(e) => Err(Failure::Unexpected(e.into())),
    };
    interrupt::finish(&out, outcome)
}

/// clap's own errors, and `--help` / `--version`. A usage error under
/// `--json` is still one JSON document on stdout, through the same renderer
/// as every other failure; help asked for by leaving out the subcommand is a
/// usage error too (exit 2), as a script that forgot it should learn.
fn clap_failure(error: clap::Error) -> i32 {
    use clap::error::ErrorKind;
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    ) {
        let _ = error.print();
        return ExitCode::Ok.code();
    }
    let json = std::env::args_os().any(|a| a == "--json");
    if !json {
        let _ = error.print();
        return ExitCode::Usage.code();
    }
    let rendered = error.render().to_string();
    let message = rendered
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("invalid command line")
        .trim_start_matches("error: ")
        .to_owned();
    let failure = Failure::usage_with_hint(message, "run `auth0-mfa --help`");
    Output::new(true, 0, output::ColorChoice::Never).failure(&failure);
    failure.exit_code()
}

/// A bug must not print a backtrace with values in it: say where. The panic
/// then unwinds: the command reports `Failure::Panicked` and exits 1 (see
/// `run`), while a panic in one of the emulator's requests ends only that
/// request's task and the emulator keeps serving.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        use std::io::Write;
        let location = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let _ = writeln!(std::io::stderr(), "auth0-mfa: internal error{location}");
    }));
}
