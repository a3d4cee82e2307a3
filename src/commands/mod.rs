//! One file per subcommand; this one dispatches and holds what they share:
//! the client set-up, the mfa_token check, the answers given as flags.

mod challenge;
mod completions;
mod config;
#[cfg(feature = "emulator")]
mod demo;
#[cfg(feature = "emulator")]
mod emulator;
mod login;
mod totp;
mod verify;

use std::sync::Arc;

use clap::ArgMatches;

use crate::auth0::{Client, Observer};
use crate::cli::{AnswerArgs, Cli, Command};
use crate::error::Failure;
use crate::flow::Answers;
use crate::jwt::{self, TokenKind};
use crate::output::Output;
use crate::secret::Secret;
use crate::settings::Settings;
use crate::trace::Tracer;

pub async fn run(cli: Cli, matches: &ArgMatches, out: &Output) -> Result<(), Failure> {
    let no_input = cli.global.no_input;
    match cli.command {
        Command::Login(args) => login::run(&args, &settings(matches, out)?, no_input, out).await,
        Command::Challenge(args) => {
            challenge::run(&args, &settings(matches, out)?, no_input, out).await
        }
        Command::Verify(args) => verify::run(&args, &settings(matches, out)?, no_input, out).await,
        Command::Totp(args) => totp::run(&args, out),
        Command::Config { action } => config::run(&action, matches, out),
        Command::Completions { shell } => completions::run(shell),
        #[cfg(feature = "emulator")]
        Command::Emulator(args) => emulator::run(&args, out).await,
        #[cfg(feature = "emulator")]
        Command::Demo => demo::run(out).await,
    }
}

fn settings(matches: &ArgMatches, out: &Output) -> Result<Settings, Failure> {
    let settings = Settings::resolve(matches)?;
    for warning in &settings.warnings {
        out.warn(warning);
    }
    Ok(settings)
}

/// The one HTTP client of this process, traced when `-v` is given.
fn connect(settings: &Settings, out: &Output) -> Result<Client, Failure> {
    let observer: Option<Arc<dyn Observer>> =
        (out.verbose > 0).then(|| Arc::new(Tracer { level: out.verbose }) as Arc<dyn Observer>);
    Ok(Client::new(
        settings.domain()?,
        settings.client_auth()?,
        settings.request_timeout(),
        observer,
    )?)
}

/// The mfa_token, refusing the common mix-up of passing an access token.
fn mfa_token(settings: &Settings) -> Result<Secret, Failure> {
    let token = settings.require("mfa_token")?.value.clone();
    if jwt::kind(token.expose()) == TokenKind::Jwt {
        return Err(Failure::usage_with_hint(
            "the --mfa-token given is a JWT (an access or ID token), not an mfa_token",
            "pass the mfa_token from `auth0-mfa login --mfa-token-only`; it starts with Fe26.2*",
        ));
    }
    Ok(token)
}

fn answers(args: &AnswerArgs, settings: &Settings) -> Answers {
    Answers {
        otp: args.otp.as_deref().map(Secret::from),
        otp_secret: settings.secret("otp_secret"),
    }
}
