//! The low layer: what the parsed command line gave for each key, taken
//! from the clap structs of the command that runs, as typed. The resolver
//! adds the environment, the profile and the defaults.

use std::path::PathBuf;

use crate::cli::{
    AnswerArgs, ApiTokenArgs, AuthenticatorsAction, Cli, Command, Deferred, ExecArgs,
    ManagementArgs, MfaTokenArgs, TokenArgs, UserArgs,
};
use crate::error::Failure;

use super::Key;

/// A value the command line gave for a key.
#[derive(Debug)]
pub(super) enum Given {
    Value {
        flag: &'static str,
        value: String,
    },
    /// A flag naming a file that holds the value (`--password-file`).
    File {
        flag: &'static str,
        path: PathBuf,
    },
}

/// What the command line gave: flags only, as typed.
#[derive(Debug, Default)]
pub struct Flags {
    given: Vec<(Key, Given)>,
    pub(super) profile: Option<String>,
    pub(super) config: Option<PathBuf>,
    pub(super) timeout: Option<u64>,
}

/// One setting's flag as clap parsed it, with its `-file` twin for a secret.
type Offered<'a> = (
    Key,
    (&'static str, &'a Option<String>),
    Option<(&'static str, &'a Option<PathBuf>)>,
);

impl Flags {
    /// The flags of `cli` that are settings. Giving a value and its file
    /// twin at once (`--password` and `--password-file`) is a usage error.
    pub fn from_cli(cli: &Cli) -> Result<Flags, Failure> {
        let g = &cli.global;
        let mut flags = Flags {
            profile: g.profile.clone(),
            config: g.config.clone(),
            timeout: g.timeout,
            ..Flags::default()
        };
        for (key, (flag, value), twin) in offered(cli) {
            let given = match (value, twin) {
                (Some(_), Some((file_flag, Some(_)))) => {
                    return Err(Failure::usage(format!(
                        "give {flag} or {file_flag}, not both"
                    )));
                }
                (_, Some((flag, Some(path)))) => Given::File {
                    flag,
                    path: path.clone(),
                },
                (Some(value), _) => Given::Value {
                    flag,
                    value: value.clone(),
                },
                (None, _) => continue,
            };
            flags.given.push((key, given));
        }
        Ok(flags)
    }

    pub(super) fn get(&self, key: Key) -> Option<&Given> {
        self.given.iter().find(|(k, _)| *k == key).map(|(_, g)| g)
    }
}

/// Every setting flag of the command that runs, the global ones first.
fn offered(cli: &Cli) -> Vec<Offered<'_>> {
    let g = &cli.global;
    let mut all = vec![
        (Key::Domain, ("--domain", &g.domain), None),
        (Key::ClientId, ("--client-id", &g.client_id), None),
        (
            Key::ClientSecret,
            ("--client-secret", &g.client_secret),
            Some(("--client-secret-file", &g.client_secret_file)),
        ),
        (
            Key::ClientAssertionKey,
            ("--client-assertion-key", &g.client_assertion_key),
            None,
        ),
        (
            Key::ClientAssertionAlg,
            ("--client-assertion-alg", &g.client_assertion_alg),
            None,
        ),
        (
            Key::ClientAssertionKid,
            ("--client-assertion-kid", &g.client_assertion_kid),
            None,
        ),
        (Key::Cacert, ("--cacert", &g.cacert), None),
    ];
    match &cli.command.0 {
        Command::Login(args) => {
            all.extend(user(&args.user));
            all.push((Key::Audience, ("--audience", &args.audience), None));
            all.push((Key::Scope, ("--scope", &args.scope), None));
            all.push((Key::Factor, ("--factor", &args.factor), None));
            all.extend(answer(&args.answer));
        }
        Command::Challenge(args) => all.extend(mfa_token(&args.token).chain(answer(&args.answer))),
        Command::Verify(args) => all.extend(mfa_token(&args.token).chain(answer(&args.answer))),
        Command::Enroll(args) => all.extend(api_token(&args.token).chain(user(&args.user))),
        Command::Authenticators { action } => match &action.0 {
            AuthenticatorsAction::List { token, .. }
            | AuthenticatorsAction::Delete { token, .. } => all.extend(api_token(token)),
        },
        Command::Doctor(args) => all.extend(user(&args.user).chain(management(&args.management))),
        Command::Token(Deferred(TokenArgs { session, .. }))
        | Command::Exec(Deferred(ExecArgs { session, .. })) => {
            all.push((Key::Username, ("--username", &session.username), None));
            all.push((Key::Audience, ("--audience", &session.audience), None));
            all.push((Key::Factor, ("--factor", &session.factor), None));
            all.extend(answer(&session.answer));
        }
        Command::Logout(args) => {
            all.push((Key::Username, ("--username", &args.username), None));
            all.push((Key::Audience, ("--audience", &args.audience), None));
        }
        Command::Users(args) => all.extend(management(&args.management)),
        _ => {}
    }
    all
}

fn user(args: &UserArgs) -> impl Iterator<Item = Offered<'_>> {
    [
        (Key::Username, ("--username", &args.username), None),
        (Key::Realm, ("--realm", &args.realm), None),
        (
            Key::Password,
            ("--password", &args.password),
            Some(("--password-file", &args.password_file)),
        ),
    ]
    .into_iter()
}

fn answer(args: &AnswerArgs) -> impl Iterator<Item = Offered<'_>> {
    [
        (Key::OtpCommand, ("--otp-command", &args.otp_command), None),
        (
            Key::OtpSecret,
            ("--otp-secret", &args.otp_secret),
            Some(("--otp-secret-file", &args.otp_secret_file)),
        ),
    ]
    .into_iter()
}

fn mfa_token(args: &MfaTokenArgs) -> impl Iterator<Item = Offered<'_>> {
    std::iter::once((
        Key::MfaToken,
        ("--mfa-token", &args.mfa_token),
        Some(("--mfa-token-file", &args.mfa_token_file)),
    ))
}

fn api_token(args: &ApiTokenArgs) -> impl Iterator<Item = Offered<'_>> {
    std::iter::once((
        Key::MfaToken,
        ("--token", &args.mfa_token),
        Some(("--token-file", &args.mfa_token_file)),
    ))
}

fn management(args: &ManagementArgs) -> impl Iterator<Item = Offered<'_>> {
    [
        (Key::MgmtDomain, ("--mgmt-domain", &args.mgmt_domain), None),
        (
            Key::MgmtClientId,
            ("--mgmt-client-id", &args.mgmt_client_id),
            None,
        ),
        (
            Key::MgmtClientSecret,
            ("--mgmt-client-secret", &args.mgmt_client_secret),
            Some(("--mgmt-client-secret-file", &args.mgmt_client_secret_file)),
        ),
        (
            Key::MgmtClientAssertionKey,
            (
                "--mgmt-client-assertion-key",
                &args.mgmt_client_assertion_key,
            ),
            None,
        ),
        (
            Key::MgmtToken,
            ("--mgmt-token", &args.mgmt_token),
            Some(("--mgmt-token-file", &args.mgmt_token_file)),
        ),
    ]
    .into_iter()
}
