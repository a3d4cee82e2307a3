//! One file per subcommand; this one dispatches and holds what they share:
//! the client set-up, the mfa_token check, the answers given as flags, and
//! printing a token set without ever losing a rotated recovery code.

mod authenticators;
mod challenge;
mod completions;
mod config;
mod connect;
mod context;
#[cfg(feature = "emulator")]
mod demo;
mod doctor;
#[cfg(feature = "emulator")]
mod emulator;
mod enroll;
mod exec;
mod login;
mod logout;
mod management;
mod token;
mod totp;
mod users;
mod verify;

use std::path::{Path, PathBuf};

use crate::auth0::{Association, Enrollment, PasswordLogin, TokenSet};
use crate::cli::{AnswerArgs, Cli, Command, WaitArgs};
use crate::codes;
use crate::domain::Domain;
use crate::error::Failure;
use crate::files::{self, Existing};
use crate::flow::{self, Answers, Choice, Flow, OtpWait, Waiting};
use crate::hints;
use crate::jwt::{self, TokenKind};
use crate::otp_command::{CodeCommand, CodeKind};
use crate::output::{Output, Report};
use crate::prompt::{Ask, Prompter};
use crate::secret::Secret;
use crate::settings::{Environment, Flags, OtpSecret, Settings};

pub use context::Context;

pub async fn run(cli: Cli, environment: &Environment, out: &Output) -> Result<(), Failure> {
    let no_input = cli.global.no_input;
    let flags = Flags::from_cli(&cli)?;
    let open = || Context::open(&flags, environment, no_input, out);
    match cli.command.0 {
        Command::Login(args) => login::run(&args, &open()?).await,
        Command::Challenge(args) => challenge::run(&args, &open()?).await,
        Command::Verify(args) => verify::run(&args, &open()?).await,
        Command::Enroll(args) => enroll::run(&args, &open()?).await,
        Command::Authenticators { action } => authenticators::run(&action, &open()?).await,
        Command::Users(args) => {
            let ctx = open()?;
            let result = users::run(&args.action, &ctx).await;
            if let Err(Failure::Management(crate::management::Error::Api(api))) = &result
                && api.status == 401
            {
                management::forget_cached_token(&ctx.settings, out);
            }
            result
        }
        Command::Token(args) => token::run(&args, &open()?).await,
        Command::Exec(args) => match open() {
            Ok(ctx) => exec::run(&args, &ctx).await,
            Err(failure) => Err(exec::before_command(failure)),
        },
        Command::Logout(args) => logout::run(&args, &open()?).await,
        Command::Doctor(args) => doctor::run(&args, &open()?).await,
        Command::Totp(args) => totp::run(&args, out),
        Command::Config { action } => config::run(&action, &flags, environment, no_input, out),
        Command::Completions { shell } => completions::run(shell, out),
        #[cfg(feature = "emulator")]
        Command::Emulator(args) => emulator::run(&args, &flags, environment, out).await,
        #[cfg(feature = "emulator")]
        Command::Demo => demo::run(out).await,
    }
}

/// The password grant's inputs: the username given (or from the settings,
/// or asked for) and the password from the settings or a hidden prompt.
fn password_login(
    settings: &Settings,
    username: Option<String>,
    prompter: &mut dyn Prompter,
) -> Result<PasswordLogin, Failure> {
    let username = match username {
        Some(username) => username,
        None => prompter.text(&Ask {
            prompt: "Username",
            what: "the username",
            how: "pass --username USER or set AUTH0_USERNAME",
        })?,
    };
    let given = settings.login();
    let password = match given.password {
        Some(password) => password,
        None => prompter.secret(&Ask {
            prompt: "Password",
            what: "the password",
            how: "pass --password-file FILE, --password - (reads stdin), or set AUTH0_PASSWORD",
        })?,
    };
    Ok(PasswordLogin {
        username,
        password,
        realm: given.realm,
        audience: given.audience,
        scope: given.scope,
    })
}

/// The mfa_token, refusing the common mix-up of passing an access token.
fn mfa_token(settings: &Settings) -> Result<Secret, Failure> {
    let token = settings.mfa_token()?;
    if jwt::kind(token.expose()) == TokenKind::Jwt {
        return Err(Failure::usage_with_hint(
            "the --mfa-token given is a JWT (an access or ID token), not an mfa_token",
            hints::JWT_AS_MFA_TOKEN.fix,
        ));
    }
    Ok(token)
}

/// The token of `verify`: an mfa_token, or the MFA API access token an
/// enrollment was made with (`enroll --token AT --no-confirm` says to
/// confirm with it, and Auth0 takes it as the grant's mfa_token). Any other
/// JWT is the usual mix-up, refused before anything is sent.
fn verify_token(settings: &Settings) -> Result<Secret, Failure> {
    let token = settings.mfa_token()?;
    let for_the_mfa_api = jwt::kind(token.expose()) == TokenKind::Jwt
        && is_for_the_mfa_api(&audiences(&jwt::claims(token.expose()).unwrap_or_default()));
    if for_the_mfa_api {
        return mfa_api_token(settings, &settings.domain()?, MfaApi::Enroll);
    }
    mfa_token(settings)
}

/// A JWT's `aud`, one string or a list.
fn audiences(claims: &serde_json::Map<String, serde_json::Value>) -> Vec<&str> {
    match claims.get("aud") {
        Some(serde_json::Value::String(aud)) => vec![aud.as_str()],
        Some(serde_json::Value::Array(list)) => list.iter().filter_map(|v| v.as_str()).collect(),
        _ => Vec::new(),
    }
}

fn is_for_the_mfa_api(audiences: &[&str]) -> bool {
    audiences.iter().any(|aud| aud.ends_with("/mfa/"))
}

/// What a token must be allowed to do at the MFA API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MfaApi {
    Enroll,
    Read,
    Remove,
}

impl MfaApi {
    fn scope(self) -> &'static str {
        match self {
            MfaApi::Enroll => "enroll",
            MfaApi::Read => "read:authenticators",
            MfaApi::Remove => "remove:authenticators",
        }
    }
}

/// The token for an `/mfa/` endpoint, checked before anything is sent: an
/// mfa_token cannot delete, and an access token must be for the MFA API with
/// the scope the job needs. Each refusal says how to get the right token.
fn mfa_api_token(settings: &Settings, domain: &Domain, need: MfaApi) -> Result<Secret, Failure> {
    let token = settings.mfa_token()?;
    let audience = domain.mfa_audience();
    match jwt::kind(token.expose()) {
        TokenKind::MfaToken if need == MfaApi::Remove => Err(Failure::usage_with_hint(
            format!(
                "an mfa_token cannot delete authenticators: that needs an access token for {audience} with remove:authenticators"
            ),
            hints::MFA_TOKEN_CANNOT_DELETE.fix_for(domain),
        )),
        TokenKind::Jwt => {
            let claims = jwt::claims(token.expose()).unwrap_or_default();
            let audiences = audiences(&claims);
            if !is_for_the_mfa_api(&audiences) {
                return Err(Failure::usage_with_hint(
                    format!(
                        "this access token is for {}, not for the MFA API ({audience})",
                        crate::sanitize::sanitize(&audiences.join(", "))
                    ),
                    hints::NOT_FOR_THE_MFA_API.fix_for(domain),
                ));
            }
            let scopes = claims
                .get("scope")
                .and_then(|s| s.as_str())
                .unwrap_or_default();
            if !scopes.split_whitespace().any(|s| s == need.scope()) {
                return Err(Failure::usage_with_hint(
                    format!("this access token lacks the {} scope", need.scope()),
                    hints::MISSING_MFA_SCOPE.fix_for(domain),
                ));
            }
            Ok(token)
        }
        _ => Ok(token),
    }
}

/// What a command sends that answers could be for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sends {
    /// `verify`: the message (if any) went out before, with its code.
    Nothing,
    /// A challenge, and with it any message with a code.
    Challenge,
    /// `login --enroll`: a challenge or a first enrollment.
    ChallengeOrEnrollment,
}

/// The answers given as flags, each checked before anything is sent.
/// `--otp-secret auto` means the secret a first enrollment returns, which
/// only a command that enrolls has; `--binding-code` is the code of a
/// message sent before, which a command that sends one cannot have.
fn answers(args: &AnswerArgs, settings: &Settings, sends: Sends) -> Result<Answers, Failure> {
    if args.binding_code.is_some() && sends != Sends::Nothing {
        return Err(unsent_binding_code());
    }
    let enrolling = sends == Sends::ChallengeOrEnrollment;
    let otp_secret = settings.otp_secret();
    let auto = matches!(otp_secret, Some(OtpSecret::FromEnrollment));
    if auto && !enrolling {
        return Err(Failure::usage_with_hint(
            "--otp-secret auto stands for the secret a first enrollment returns, and nothing is enrolled here",
            "give the base32 secret itself, or enroll with `login --enroll otp --otp-secret auto`",
        ));
    }
    Ok(Answers {
        enrollment_secret: auto,
        otp: args
            .otp
            .as_deref()
            .map(|code| codes::otp(code).map_err(|why| why.of_flag("--otp")))
            .transpose()?,
        totp: match otp_secret {
            // The error itself says "the OTP secret": name only its source.
            Some(OtpSecret::Given(secret)) => {
                Some(codes::totp(&secret.value, &secret.source.to_string())?)
            }
            _ => None,
        },
        otp_command: settings.otp_command().map(|command| CodeCommand {
            command: command.value,
            source: command.source.to_string(),
            timeout: settings.request_timeout(),
            kind: CodeKind::Otp,
            env: Vec::new(),
            hidden_variables: crate::settings::secret_variables(),
        }),
        otp_wait: if args.no_otp_wait {
            OtpWait::Fail
        } else {
            OtpWait::Wait
        },
        binding_code: args
            .binding_code
            .as_deref()
            .map(|code| codes::binding_code(code).map_err(|why| why.of_flag("--binding-code")))
            .transpose()?,
        binding_command: args
            .binding_code_command
            .as_deref()
            .map(|command| binding_command(command, settings))
            .transpose()?,
        recovery_code: args
            .recovery_code
            .as_deref()
            .map(|code| codes::recovery_code(code).map_err(|why| why.of_flag("--recovery-code")))
            .transpose()?,
    })
}

/// `--binding-code` where the message is sent later in the same command:
/// whatever code it holds belongs to no message yet, and sending it would
/// spend one of the user's attempts.
fn unsent_binding_code() -> Failure {
    Failure::usage_with_hint(
        "--binding-code is the code of a message already sent, and this command sends the message itself",
        flow::BINDING_CODE_WAYS,
    )
}

/// `--binding-code-command CMD`, run once the message is sent. It gets the
/// tenant and the user (to find the message) besides the channel and
/// destination the flow adds.
fn binding_command(command: &str, settings: &Settings) -> Result<CodeCommand, Failure> {
    let mut env = vec![("AUTH0_DOMAIN", settings.domain()?.to_string())];
    if let Some(username) = settings.username() {
        env.push(("AUTH0_MFA_USERNAME", username));
    }
    Ok(CodeCommand {
        command: command.to_owned(),
        source: "flag --binding-code-command".to_owned(),
        timeout: settings.request_timeout(),
        kind: CodeKind::Binding,
        env,
        hidden_variables: crate::settings::secret_variables(),
    })
}

/// `--factor` (or the profile's `factor`) and `--authenticator-id`.
fn choice(settings: &Settings, authenticator_id: Option<&str>) -> Result<Choice, Failure> {
    Ok(Choice {
        factor: settings.factor()?,
        authenticator_id: authenticator_id.map(str::to_owned),
    })
}

/// `--interval`, `--no-wait`, and `--timeout` as the bound of the whole wait.
fn waiting(settings: &Settings, args: &WaitArgs) -> Waiting {
    Waiting {
        interval: args.interval,
        timeout: settings.wait_timeout(),
        once: args.no_wait,
    }
}

/// Where `--save-recovery-code` writes, checked before anything is sent.
struct SaveTo {
    path: PathBuf,
    existing: Existing,
}

fn save_to(path: Option<&Path>, overwrite: bool) -> Result<Option<SaveTo>, Failure> {
    let Some(path) = path else {
        return Ok(None);
    };
    let existing = if overwrite {
        Existing::Replace
    } else {
        Existing::Keep
    };
    files::check_writable(path, existing, "--save-recovery-code")?;
    Ok(Some(SaveTo {
        path: path.to_path_buf(),
        existing,
    }))
}

impl SaveTo {
    /// Saves the code; a failure is the command's (exit 11), reported after
    /// the code itself has been printed.
    fn save(&self, code: &Secret) -> Result<(), Failure> {
        files::save_secret(&self.path, code, self.existing).map_err(|error| Failure::Output {
            what: format!("the recovery code to {}", self.path.display()),
            error,
        })
    }
}

/// Prints the token set. A new recovery code is saved first when asked, and
/// printed whether or not saving works: the old code is already spent.
fn finish(tokens: &TokenSet, save_to: Option<&SaveTo>, out: &Output) -> Result<(), Failure> {
    let saved = match (&tokens.recovery_code, save_to) {
        (Some(code), Some(target)) => Some(target.save(code)),
        (None, Some(_)) => {
            out.warn("Auth0 issued no new recovery code, so --save-recovery-code wrote nothing");
            None
        }
        _ => None,
    };
    out.result(Report::Tokens(tokens))?;
    match (saved, save_to) {
        (Some(Err(failure)), _) => Err(failure),
        (Some(Ok(())), Some(target)) => {
            // Said always: the user asked for the file and must know it is there.
            out.note(&format!(
                "new recovery code saved to {}",
                target.path.display()
            ));
            Ok(())
        }
        _ => Ok(()),
    }
}

/// Enrolls with `token` and shows what the user needs: the secret, the QR
/// code, the recovery code of a first enrollment (saved first when asked:
/// nothing is lost whatever fails later). A failed save comes back beside
/// the association, to end the command only once the rest is done (Auth0
/// gives no second recovery code, so the enrollment is still confirmed).
async fn associate_and_show(
    flow: &mut Flow<'_>,
    token: &Secret,
    enrollment: &Enrollment,
    save_to: Option<&SaveTo>,
    out: &Output,
) -> Result<(Association, Result<(), Failure>), Failure> {
    let association = flow.associate(token, enrollment).await?;
    let saved = match (save_to, association.recovery_codes.first()) {
        (Some(target), Some(code)) => {
            let saved = target.save(code);
            if saved.is_ok() {
                out.note(&format!("recovery code saved to {}", target.path.display()));
            }
            saved
        }
        _ => Ok(()),
    };
    if out.json {
        // The JSON comes at the end; a person confirming needs the secret now.
        out.aside(Report::Enrollment(&association));
    } else {
        out.result(Report::Enrollment(&association))?;
    }
    Ok((association, saved))
}
