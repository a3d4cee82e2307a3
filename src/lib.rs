//! auth0-mfa: a command-line client for Auth0's multi-factor authentication API,
//! and the local Auth0 emulator it is tested against.
//!
//! # The map
//!
//! Data flows one way, down the floors, and results come back up as typed
//! values: what the user typed, resolved into settings, run by a command
//! through the flow or the doctor, which talk to Auth0 through the API client;
//! the command hands the outcome to `output`. A command reads the arguments
//! and settings it is handed (`cli`, `settings`), and `settings` reads `cli`'s
//! parsed flags; below the commands each floor imports only from the floors
//! below it. There is no circle.
//!
//! Settings come in two layers, as ripgrep's arguments do: every key as given
//! (flag, environment, profile, default) with where it came from, for
//! `config show` and errors; and what the keys mean, parsed once into types
//! (a `Domain`, a `Factor`, `ClientAuthentication`, durations, the store
//! policy). Every environment variable the tool reads about itself is read
//! there ([`settings::Environment`]). Nothing below the commands sees a
//! settings `Key` or `Settings`: a command hands on the typed parts.
//!
//! | floor | rooms | own |
//! |---|---|---|
//! | command line | [`cli`] (`parse`) | clap definitions, their doc comments the help; parsing with only the subcommand named built |
//! | settings | [`settings`] (`flags`, `profile`, `read`, `environment`, `typed`), `config_file` | flags > environment > profile > default, with where each came from; the typed values |
//! | commands | `commands/` (a file per subcommand; `context` and `connect` for the opening), `interrupt` | orchestration; every command starts from a `Context` (settings resolved, output picked; client, prompter and session store made when first needed); `commands/mod.rs` holds the steps several commands share; signals end a command cleanly |
//! | flow and checks | [`flow`], [`doctor`] | the MFA state machine (choose, challenge, answer, poll, first-login enrollment); one doctor room per source of evidence |
//! | output and local state | [`output`], `sessions`, `spent`, [`prompt`], `codes`, `otp_command`, `files`, `ca_file` | text and JSON, colour, CI masking; the session store, the ledger of spent codes; prompts and the shapes of the codes they take |
//! | the API clients | [`auth0`] (Authentication API), [`management`] (Management API, on `auth0`'s transport), `control` (a running emulator's control API), [`error`], [`hints`], `trace` | HTTP only (to Auth0, or to a running emulator), no printing or prompting; failures, their exit codes and fixes |
//! | shared words | [`factor`], [`check`], [`progress`], [`exit_code`], `terminal`, `date`, `whole_file`, [`secret`], `sanitize`, [`domain`], [`totp`], [`jwt`] | the vocabulary several floors use; import nothing above them |
//!
//! [`emulator`] is a wing of its own: it imports nothing of the client (only
//! the neutral `sanitize`, `date` and `whole_file`), so that the client and the emulator
//! cannot share a wrong field name. The integration tests (`tests/cli/`) run
//! the binary against it.
//!
//! # Where things go
//!
//! - **A new command**: its arguments in [`cli`], wrapped in `Deferred` so
//!   that other commands' start-ups do not build them (its setting flags in
//!   `settings/flags.rs`'s table), its file in `commands/`, its arm in
//!   `commands::run`; it starts from the `Context` it is handed (`ctx.connect()`,
//!   `ctx.prompter()`, `ctx.sessions(..)`, the typed settings) and ends with
//!   `Output::result` of a [`output::Report`] variant.
//! - **A new setting**: a `Key` and its row in `settings/keys.rs`, its flag in
//!   `settings/flags.rs`, and what it means as a typed accessor in
//!   `settings/typed.rs`; a variable that is no key goes to
//!   `settings/environment.rs`.
//! - **A new doctor check**: in the `doctor/` room whose evidence it reads:
//!   the Authentication API's (`discovery`, `application`, `user`,
//!   `challenge`, `rate_limit`) or the tenant's configuration through the
//!   Management API (`doctor/tenant/`: a read in `tenant::read`, its check in
//!   `factors`, `application` or `account`, listed in `tenant::checks`; what
//!   `--fix` can set right in `doctor/fix.rs`); a new room is joined in
//!   [`doctor::examine`]. A verdict is a [`check::Check`]; a failed answer
//!   becomes one through `doctor/verdict.rs`, the leaf every room shares. A
//!   new Management API read goes in `management/configuration.rs` (users and
//!   their methods in `management/mod.rs`), with its scope.
//! - **A new emulator route**: a file in `emulator/routes/`, matched in
//!   `routes::route` (a Management API route: `emulator/management/`, matched
//!   in `management::route`); its state in `emulator/state.rs` (the
//!   Management wing's in `management/state.rs`), what a tenant file declares
//!   in `emulator/tenant.rs` (its Management sections in
//!   `tenant/management.rs`, the words the wing serves and imports), its tests
//!   in `emulator/tests/`.
//! - **A dependency, a release-profile setting or another toolchain**: record
//!   `src/startup.order` again (`tests/startup-order.sh`): it names functions by
//!   their symbols, and a binary it no longer matches starts slower and bigger
//!   (`tests/bench.sh` says how much of it matches).
//! - **A word several floors need** (a status, an event, a code): at the
//!   bottom, in a small module of its own, not in the floor that first used it.

pub mod auth0;
mod ca_file;
pub mod check;
pub mod cli;
mod codes;
mod commands;
mod config_file;
#[cfg(feature = "emulator")]
mod control;
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
pub mod management;
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
mod whole_file;

#[cfg(feature = "emulator")]
pub mod emulator;

use std::sync::Arc;

use crate::error::Failure;
use crate::exit_code::ExitCode;
use crate::output::Output;

/// Parses the command line, runs the command, prints the outcome and returns
/// the exit code. The binary's `main` is this and nothing else.
pub fn run() -> i32 {
    install_panic_hook();
    let cli = match cli::parse() {
        Ok(cli) => cli,
        Err(error) => return clap_failure(error),
    };
    let environment = settings::Environment::read();
    let mut out = Output::new(
        cli.global.json,
        cli.global.verbose,
        cli.global.color,
        &environment.color,
    );
    out.curl = cli.global.curl;
    out.mask_in_ci(environment.ci_runner(cli.global.no_ci_mask));
    if let Some(export) = cli.command.export()
        && let Err(failure) = out.export_as(
            export.format,
            &export.env_name,
            environment.github_files.clone(),
        )
    {
        out.failure(&failure);
        return failure.exit_code();
    }
    let out = Arc::new(out);
    interrupt::install(out.clone());
    // Sockets and timers only: signals are the signal thread's (`interrupt`),
    // and tokio's signal driver would cost a socket pair at every start.
    let outcome = match tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()
    {
        // A bug must end in exit 1, not in a backtrace; the hook has said where.
        Ok(runtime) => std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            runtime.block_on(commands::run(cli, &environment, &out))
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
    Output::new(true, 0, output::ColorChoice::Never, &Default::default()).failure(&failure);
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
