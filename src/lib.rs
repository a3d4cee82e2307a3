//! auth0-mfa: a command-line client for Auth0's multi-factor authentication API,
//! and the local Auth0 emulator it is tested against.

pub mod auth0;
pub mod cli;
mod commands;
mod config_file;
pub mod doctor;
pub mod domain;
pub mod error;
pub mod flow;
pub mod hints;
pub mod jwt;
pub mod output;
pub mod prompt;
pub mod secret;
pub mod settings;
pub mod totp;
mod trace;

#[cfg(feature = "emulator")]
pub mod emulator;

use clap::{CommandFactory, FromArgMatches};

use crate::error::{Failure, exit};
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
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            out.failure(&Failure::Unexpected(e.into()));
            return exit::UNEXPECTED;
        }
    };
    match runtime.block_on(commands::run(cli, &matches, &out)) {
        Ok(()) => exit::OK,
        Err(failure) => {
            out.failure(&failure);
            failure.exit_code()
        }
    }
}

/// clap's own errors (and `--help`, `--version`). With `--json` a usage error
/// is still one JSON document on stdout.
fn clap_failure(error: clap::Error) -> i32 {
    use clap::error::ErrorKind;
    let informational = matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    if !informational && std::env::args().any(|a| a == "--json") {
        let message = error.kind().as_str().map(str::to_owned).unwrap_or_else(|| {
            error
                .to_string()
                .lines()
                .next()
                .unwrap_or_default()
                .trim_start_matches("error: ")
                .to_owned()
        });
        let body = serde_json::json!({
            "error": "usage",
            "error_description": message,
            "hint": "run `auth0-mfa --help`",
            "exit_code": exit::USAGE,
        });
        println!(
            "{}",
            serde_json::to_string_pretty(&body).unwrap_or_default()
        );
        return exit::USAGE;
    }
    let _ = error.print();
    if informational { exit::OK } else { exit::USAGE }
}

/// A bug must not print a backtrace with values in it: say where, and how to report it.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!(
            "error: internal error in auth0-mfa{location}; please report it with the command you ran (without its secrets)"
        );
        std::process::exit(exit::UNEXPECTED);
    }));
}
