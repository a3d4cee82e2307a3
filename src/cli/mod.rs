//! The command line: clap definitions only. Doc comments are the help text;
//! `parse` builds only the part a command line needs.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::Shell;

use crate::auth0::ChallengeType;
use crate::factor::{EnrollKind, Factor};
use crate::output::ColorChoice;
use crate::totp::HashAlgorithm;

mod parse;
pub use parse::{Chosen, Deferred, parse};

#[derive(Debug, Parser)]
#[command(
    name = "auth0-mfa",
    version,
    about = "Log in through Auth0 multi-factor authentication from a terminal or CI: challenge, verify, TOTP codes, a local tenant emulator.",
    after_help = "Settings come from flags, then AUTH0_* environment variables, then the config file's profile.\nRun `auth0-mfa demo` to see the whole flow against the built-in emulator."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Chosen<Command>,
}

/// Options that work before or after the subcommand, as in cargo and gh;
/// under a heading of their own, so that a command's own options stand out.
#[derive(Debug, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Print the result as one JSON document (also on failure)
    #[arg(long, global = true)]
    pub json: bool,

    /// Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    pub verbose: u8,

    /// When to colour output (auto: on a terminal, unless NO_COLOR or CLICOLOR=0; CLICOLOR_FORCE forces it)
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Never prompt; a missing value is an error that names its flag
    #[arg(long, global = true)]
    pub no_input: bool,

    /// Profile of the config file to use [env: AUTH0_MFA_PROFILE]
    #[arg(long, global = true, value_name = "NAME")]
    pub profile: Option<String>,

    /// Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml, else ~/.config/auth0-mfa/config.toml; %APPDATA%\auth0-mfa\config.toml on Windows] [env: AUTH0_MFA_CONFIG]
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Tenant domain: tenant.us.auth0.com, a custom domain or an https:// URL [env: AUTH0_DOMAIN]
    #[arg(long, global = true, value_name = "DOMAIN")]
    pub domain: Option<String>,

    /// Application (client) id [env: AUTH0_CLIENT_ID]
    #[arg(long, global = true, value_name = "ID")]
    pub client_id: Option<String>,

    /// Application secret; omit for public applications ('-' reads stdin) [env: AUTH0_CLIENT_SECRET]
    #[arg(long, global = true, value_name = "SECRET")]
    pub client_secret: Option<String>,

    /// Read the client secret from FILE
    #[arg(long, global = true, value_name = "FILE")]
    pub client_secret_file: Option<PathBuf>,

    /// private_key_jwt: sign a client assertion per request with this RSA private key (PEM file) [env: AUTH0_CLIENT_ASSERTION_KEY]
    #[arg(long, global = true, value_name = "FILE")]
    pub client_assertion_key: Option<String>,

    /// Signing algorithm of the client assertion [default: RS256] [env: AUTH0_CLIENT_ASSERTION_ALG]
    #[arg(long, global = true, value_name = "ALG", value_parser = clap::builder::PossibleValuesParser::new(["RS256", "RS384", "PS256"]))]
    pub client_assertion_alg: Option<String>,

    /// Key id (`kid`) to put in the client assertion header [env: AUTH0_CLIENT_ASSERTION_KID]
    #[arg(long, global = true, value_name = "KID")]
    pub client_assertion_kid: Option<String>,

    /// Also trust the CA certificates in this PEM file (a private CA, the emulator's --tls) [env: AUTH0_CACERT]
    #[arg(long, global = true, value_name = "FILE")]
    pub cacert: Option<String>,

    /// Print each request as an equivalent curl command on stderr, reading secrets from environment variables
    #[arg(long, global = true)]
    pub curl: bool,

    /// Do not register secrets with the CI's log masker (::add-mask:: under GitHub Actions, task.setsecret under Azure Pipelines)
    #[arg(long, global = true)]
    pub no_ci_mask: bool,

    /// Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]
    #[arg(long, global = true, value_name = "SECONDS", value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub timeout: Option<u64>,
}

/// The names `--factor` takes: those of `factor::Factor`. The value stays a
/// string so that the settings resolver can say where it came from.
fn factor_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(Factor::ALL.map(Factor::name))
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Log a user in; when Auth0 answers mfa_required, finish the MFA flow
    #[command(after_help = LOGIN_EXAMPLES)]
    Login(Deferred<LoginArgs>),
    /// Ask Auth0 for an MFA challenge (POST /mfa/challenge)
    #[command(after_help = CHALLENGE_EXAMPLES)]
    Challenge(Deferred<ChallengeArgs>),
    /// Answer a challenge and print the tokens (the MFA grants of /oauth/token)
    #[command(after_help = VERIFY_EXAMPLES)]
    Verify(Deferred<VerifyArgs>),
    /// Enroll a new authenticator (POST /mfa/associate) and confirm it
    #[command(after_help = ENROLL_EXAMPLES)]
    Enroll(Deferred<EnrollArgs>),
    /// List or delete the user's authenticators
    Authenticators {
        #[command(subcommand)]
        action: Deferred<AuthenticatorsAction>,
    },
    /// Test users on demand through the Management API: create one with a TOTP method, show, unblock, reset its MFA, delete
    #[command(after_help = USERS_EXAMPLES)]
    Users(Deferred<UsersArgs>),
    /// Print a valid access token from the stored session, refreshed when needed (for scripts)
    #[command(after_help = TOKEN_EXAMPLES)]
    Token(Deferred<TokenArgs>),
    /// Run a command with a valid access token in its environment (AUTH0_ACCESS_TOKEN)
    #[command(after_help = EXEC_EXAMPLES)]
    Exec(Deferred<ExecArgs>),
    /// Revoke the stored refresh token and forget the session
    Logout(Deferred<LogoutArgs>),
    /// Diagnose the tenant's MFA set-up: one line per check, with the fix for each failure
    #[command(after_help = DOCTOR_EXAMPLES)]
    Doctor(Deferred<DoctorArgs>),
    /// Compute a TOTP code from a base32 secret or an otpauth:// URI
    #[command(after_help = TOTP_EXAMPLES)]
    Totp(Deferred<TotpArgs>),
    /// Show the resolved settings, or where the config file is
    Config {
        #[command(subcommand)]
        action: Deferred<ConfigAction>,
    },
    /// Print a shell completion script
    Completions {
        /// The shell to complete for
        shell: Shell,
    },
    /// Run the local Auth0 MFA emulator until Ctrl-C, print its demo tenant, or check one is ready
    #[cfg(feature = "emulator")]
    Emulator(Deferred<EmulatorArgs>),
    /// Run the whole MFA flow against the built-in emulator, step by step
    #[cfg(feature = "emulator")]
    Demo,
}

// Examples under each main command's --help, as gh shows them. The users are
// the demo tenant's (`auth0-mfa emulator` prints its exports), so they can be
// tried as they are.
const LOGIN_EXAMPLES: &str = "\
Examples:
  auth0-mfa login -u otp@example.com                     # asks for the password and the code
  auth0-mfa login -u otp@example.com --password-file pw --otp-secret \"$SECRET\" --json
  auth0-mfa login -u push@example.com --factor push      # waits for the approval
  auth0-mfa login -u sms@example.com --factor sms        # asks for the code the SMS carries
  auth0-mfa login -u recovery@example.com --recovery-code \"$CODE\" --save-recovery-code new.txt
  T=$(auth0-mfa login -u otp@example.com --mfa-token-only)   # only the mfa_token, for scripts
  auth0-mfa login -u new@example.com --enroll otp --otp-secret auto --json   # a first factor, then tokens";

const USERS_EXAMPLES: &str = "\
Examples:
  auth0-mfa users create --connection Username-Password-Authentication --json   # a user with a TOTP method
  auth0-mfa users show test-1a2b3c@example.com       # its authentication methods and brute-force blocks
  auth0-mfa users unblock test-1a2b3c@example.com
  auth0-mfa users reset-mfa 'auth0|65f0c0ffee' --yes
  auth0-mfa users delete test-1a2b3c@example.com --yes
  auth0-mfa users delete --created-by-this-tool --older-than 1d --yes   # the sweep after crashed CI jobs

Access: an M2M application (--mgmt-client-id and --mgmt-client-secret, or AUTH0_MGMT_CLIENT_ID and
AUTH0_MGMT_CLIENT_SECRET) authorized for the Auth0 Management API, or a token (AUTH0_MGMT_TOKEN).";

const EXEC_EXAMPLES: &str = "\
Examples:
  auth0-mfa exec -- ./integration-tests.sh      # AUTH0_ACCESS_TOKEN in its environment
  auth0-mfa exec -u otp@example.com --min-ttl 600 -- npm test
  auth0-mfa exec --env-name access_token=API_TOKEN -- ./deploy.sh
  auth0-mfa exec                                # a shell with the token, on a terminal

Exit status: the command's own; 125 when auth0-mfa fails before it starts, 126 when it
cannot be run, 127 when it is not found.";

const TOKEN_EXAMPLES: &str = "\
Examples:
  auth0-mfa login -u otp@example.com --scope \"openid offline_access\"   # once: stores the session
  curl -H \"Authorization: Bearer $(auth0-mfa token)\" https://api.example.com/
  auth0-mfa token --min-ttl 300 --json     # the token set, at least 5 minutes left
  auth0-mfa token -u otp@example.com --otp-secret \"$SECRET\"   # finishes MFA if the refresh asks";

const CHALLENGE_EXAMPLES: &str = "\
Examples:
  auth0-mfa challenge --mfa-token \"$T\" --type otp
  auth0-mfa challenge --mfa-token \"$T\" --type oob --json | jq -r .oob_code
  auth0-mfa challenge --mfa-token \"$T\" --verify --otp-secret \"$SECRET\"   # and the tokens";

const VERIFY_EXAMPLES: &str = "\
Examples:
  auth0-mfa verify --mfa-token \"$T\" --otp 123456
  auth0-mfa verify --mfa-token \"$T\" --otp-secret \"$SECRET\"
  auth0-mfa verify --mfa-token \"$T\" --oob-code \"$OOB\"                  # polls the push
  auth0-mfa verify --mfa-token \"$T\" --oob-code \"$OOB\" --binding-code 123456   # SMS, voice, email
  auth0-mfa verify --mfa-token \"$T\" --recovery-code \"$CODE\"";

const ENROLL_EXAMPLES: &str = "\
Examples:
  auth0-mfa enroll otp -u new@example.com                 # QR code, then asks for the first code
  auth0-mfa enroll otp -u new@example.com --otp-secret auto --json   # unattended
  auth0-mfa enroll sms --token \"$T\" --phone +15555550123
  auth0-mfa enroll push --token \"$T\"                     # Guardian QR code, waits for the app";

const DOCTOR_EXAMPLES: &str = "\
Examples:
  auth0-mfa doctor                                      # the tenant and the application
  auth0-mfa doctor -u otp@example.com                   # and the user
  auth0-mfa doctor -u push@example.com --send --json    # and challenge push/SMS/email; JSON for CI
  auth0-mfa doctor -u otp@example.com --mgmt-client-id ID --mgmt-client-secret-file FILE   # and the configuration
  auth0-mfa doctor --fix --yes --mgmt-token-file FILE    # set right what the Management API can";

const TOTP_EXAMPLES: &str = "\
Examples:
  auth0-mfa totp JBSWY3DPEHPK3PXP                       # prints the code only
  auth0-mfa totp 'otpauth://totp/T:me?secret=JBSWY3DPEHPK3PXP&digits=8' --json
  auth0-mfa totp \"$SECRET\" --time 1700000000 --algorithm sha256";

/// Who logs in: the password grant's user.
#[derive(Debug, Args)]
pub struct UserArgs {
    /// The user's username or email [env: AUTH0_USERNAME]
    #[arg(long, short = 'u', value_name = "USER")]
    pub username: Option<String>,

    /// The user's password; prompted for (hidden) on a terminal ('-' reads stdin) [env: AUTH0_PASSWORD]
    #[arg(long, value_name = "PASSWORD")]
    pub password: Option<String>,

    /// Read the password from FILE
    #[arg(long, value_name = "FILE")]
    pub password_file: Option<PathBuf>,

    /// Database connection to log in through (uses the password-realm grant) [env: AUTH0_REALM]
    #[arg(long, value_name = "CONNECTION")]
    pub realm: Option<String>,
}

#[derive(Debug, Args)]
pub struct LoginArgs {
    #[command(flatten)]
    pub user: UserArgs,

    /// API audience of the access token (https://DOMAIN/mfa/ to manage authenticators) [env: AUTH0_AUDIENCE]
    #[arg(long, value_name = "AUDIENCE")]
    pub audience: Option<String>,

    /// Scopes to request, space-separated [default: openid profile email] [env: AUTH0_SCOPE]
    #[arg(long, value_name = "SCOPES")]
    pub scope: Option<String>,

    /// Stop at mfa_required and print the mfa_token, for scripts that run the steps
    #[arg(long)]
    pub mfa_token_only: bool,

    /// The factor to answer with [default: the only one, or a choice on a terminal] [env: AUTH0_MFA_FACTOR]
    #[arg(
        long,
        value_name = "FACTOR",
        value_parser = factor_names()
    )]
    pub factor: Option<String>,

    /// Challenge this authenticator (an id from `authenticators list`)
    #[arg(long, value_name = "ID")]
    pub authenticator_id: Option<String>,

    #[command(flatten)]
    pub answer: AnswerArgs,

    #[command(flatten)]
    pub wait: WaitArgs,

    /// A user with no factor yet: enroll this one first (with --otp-secret auto to confirm it unattended)
    #[arg(long, value_enum, value_name = "FACTOR")]
    pub enroll: Option<EnrollKind>,

    /// Phone number in E.164 form for --enroll sms|voice, e.g. +15555550123
    #[arg(long, value_name = "E164", requires = "enroll")]
    pub phone: Option<String>,

    /// Email address for --enroll email [default: the user's]
    #[arg(long, value_name = "ADDRESS", requires = "enroll")]
    pub email: Option<String>,

    /// Do not store the session (for `token` and `logout`); AUTH0_MFA_NO_STORE=1 does the same [env: AUTH0_MFA_NO_STORE]
    #[arg(long)]
    pub no_store: bool,

    #[command(flatten)]
    pub export: ExportArgs,
}

/// `token`: a session's access token, in the form asked for.
#[derive(Debug, Args)]
pub struct TokenArgs {
    #[command(flatten)]
    pub session: SessionArgs,

    #[command(flatten)]
    pub export: ExportArgs,
}

/// How a token set is handed on, wherever one is printed.
#[derive(Debug, Args, Default)]
pub struct ExportArgs {
    /// Print the tokens as: raw (the access token alone), json, env (sh/bash/zsh export lines), env-no-export, fish, powershell, dotenv, github-env, github-output
    #[arg(long, value_enum, value_name = "FORMAT", hide_possible_values = true)]
    pub format: Option<crate::output::export::Format>,

    /// Rename an exported variable: FIELD=NAME, FIELD one of access_token, token_type, expires_at, id_token, refresh_token (never exported unless named)
    #[arg(long, value_name = "FIELD=NAME")]
    pub env_name: Vec<String>,
}

impl Command {
    /// The form asked for the token set a command prints, when it prints one.
    pub fn export(&self) -> Option<&ExportArgs> {
        match self {
            Command::Token(args) => Some(&args.export),
            Command::Login(args) => Some(&args.export),
            Command::Verify(args) => Some(&args.export),
            Command::Challenge(args) => Some(&args.export),
            _ => None,
        }
    }
}

/// `exec`: a command run with a session's access token in its environment.
#[derive(Debug, Args)]
pub struct ExecArgs {
    #[command(flatten)]
    pub session: SessionArgs,

    /// Rename a variable the command gets: FIELD=NAME, FIELD one of access_token, token_type, expires_at, id_token, refresh_token (never given unless named)
    #[arg(long, value_name = "FIELD=NAME")]
    pub env_name: Vec<String>,

    /// Give the command AUTH0_ACCESS_TOKEN_FILE, a private file kept fresh (refreshed before expiry) for as long as it runs
    #[arg(long)]
    pub token_file: bool,

    /// Replace every token handed to the command by *** in its output. On by default where the CI masks nothing itself (GitLab, CircleCI, Jenkins, CI=true) and stdout is not a terminal. The cost: the command's stdout and stderr are pipes, no longer a terminal
    #[arg(long, overrides_with = "no_mask_output")]
    pub mask_output: bool,

    /// Never filter the command's output (it keeps its terminal)
    #[arg(long, overrides_with = "mask_output")]
    pub no_mask_output: bool,

    /// The command and its arguments (after --); without one, $SHELL when stdin is a terminal
    #[arg(
        value_name = "CMD",
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    pub command: Vec<std::ffi::OsString>,
}

/// Which stored session, and how fresh its access token must be.
#[derive(Debug, Args)]
pub struct SessionArgs {
    /// The session of this user, when several are stored [env: AUTH0_USERNAME]
    #[arg(long, short = 'u', value_name = "USER")]
    pub username: Option<String>,

    /// The session for this API audience, when several are stored [env: AUTH0_AUDIENCE]
    #[arg(long, value_name = "AUDIENCE")]
    pub audience: Option<String>,

    /// Refresh when the access token has fewer seconds left than this
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    pub min_ttl: u64,

    /// The factor to answer with if the refresh asks for MFA [env: AUTH0_MFA_FACTOR]
    #[arg(long, value_name = "FACTOR", value_parser = factor_names())]
    pub factor: Option<String>,

    /// Challenge this authenticator if the refresh asks for MFA
    #[arg(long, value_name = "ID")]
    pub authenticator_id: Option<String>,

    #[command(flatten)]
    pub answer: AnswerArgs,

    #[command(flatten)]
    pub wait: WaitArgs,
}

/// `logout`: which sessions.
#[derive(Debug, Args)]
pub struct LogoutArgs {
    /// The session of this user [env: AUTH0_USERNAME]
    #[arg(long, short = 'u', value_name = "USER")]
    pub username: Option<String>,

    /// The session for this API audience [env: AUTH0_AUDIENCE]
    #[arg(long, value_name = "AUDIENCE")]
    pub audience: Option<String>,

    /// Every stored session, of every tenant and application
    #[arg(long, conflicts_with_all = ["username", "audience"])]
    pub all: bool,
}

/// How to answer the challenge without a prompt.
#[derive(Debug, Args)]
pub struct AnswerArgs {
    /// The authenticator app's current code
    #[arg(long, value_name = "CODE")]
    pub otp: Option<String>,

    /// Compute the code from this base32 secret or otpauth:// URI ('-' reads stdin) [env: AUTH0_OTP_SECRET]
    #[arg(long, value_name = "SECRET")]
    pub otp_secret: Option<String>,

    /// Read the OTP secret from FILE
    #[arg(long, value_name = "FILE")]
    pub otp_secret_file: Option<PathBuf>,

    /// Take the code from this command's output, e.g. 'op item get Auth0 --otp' [env: AUTH0_MFA_OTP_COMMAND]
    #[arg(long, value_name = "CMD")]
    pub otp_command: Option<String>,

    /// When the current TOTP code was already sent, fail at once instead of waiting for the next
    #[arg(long)]
    pub no_otp_wait: bool,

    /// The code from the SMS, voice call or email of an earlier challenge (verify --oob-code)
    #[arg(long, value_name = "CODE")]
    pub binding_code: Option<String>,

    /// Once the SMS, voice call or email is sent, take its code from this command's output (it gets AUTH0_MFA_CHANNEL, AUTH0_MFA_DESTINATION, AUTH0_MFA_USERNAME)
    #[arg(long, value_name = "CMD", conflicts_with = "binding_code")]
    pub binding_code_command: Option<String>,

    /// Answer with a recovery code (Auth0 then issues a new one)
    #[arg(long, value_name = "CODE")]
    pub recovery_code: Option<String>,

    /// Also write the new recovery code to FILE (created new, mode 0600)
    #[arg(long, value_name = "FILE")]
    pub save_recovery_code: Option<PathBuf>,

    /// Let --save-recovery-code replace an existing FILE
    #[arg(long, requires = "save_recovery_code")]
    pub overwrite: bool,
}

/// How to wait for a push approval.
#[derive(Debug, Args)]
pub struct WaitArgs {
    /// Seconds between polls of a push [default: 5, as Auth0 allows 12 a minute]
    #[arg(long, value_name = "SECONDS", value_parser = parse_seconds)]
    pub interval: Option<std::time::Duration>,

    /// Poll a push once; if it is not answered yet, exit 10 (authorization_pending)
    #[arg(long)]
    pub no_wait: bool,
}

fn parse_seconds(text: &str) -> Result<std::time::Duration, String> {
    let seconds: f64 = text
        .parse()
        .map_err(|_| format!("'{text}' is not a number of seconds"))?;
    if !(0.01..=3600.0).contains(&seconds) {
        return Err("give between 0.01 and 3600 seconds".into());
    }
    Ok(std::time::Duration::from_secs_f64(seconds))
}

#[derive(Debug, Args)]
pub struct ChallengeArgs {
    #[command(flatten)]
    pub token: MfaTokenArgs,

    /// Challenge type to ask for; repeat for several (Auth0 picks among them)
    #[arg(long = "type", value_enum, value_name = "TYPE")]
    pub types: Vec<ChallengeTypeArg>,

    /// Challenge this authenticator (an id from `authenticators list`)
    #[arg(long, value_name = "ID")]
    pub authenticator_id: Option<String>,

    /// Finish the flow in the same process: take the code or poll the push, print the tokens
    #[arg(long)]
    pub verify: bool,

    #[command(flatten)]
    pub answer: AnswerArgs,

    #[command(flatten)]
    pub wait: WaitArgs,

    #[command(flatten)]
    pub export: ExportArgs,
}

/// The mfa_token that authorizes the MFA steps.
#[derive(Debug, Args)]
pub struct MfaTokenArgs {
    /// The mfa_token from mfa_required ('-' reads stdin) [env: AUTH0_MFA_TOKEN]
    #[arg(long, value_name = "TOKEN")]
    pub mfa_token: Option<String>,

    /// Read the mfa_token from FILE
    #[arg(long, value_name = "FILE")]
    pub mfa_token_file: Option<PathBuf>,
}

/// The token for the `/mfa/` API: an mfa_token, or an access token for
/// `https://DOMAIN/mfa/` from `login --audience`.
#[derive(Debug, Args)]
pub struct ApiTokenArgs {
    /// An mfa_token, or an access token for https://DOMAIN/mfa/ with the scope the command needs ('-' reads stdin) [env: AUTH0_MFA_TOKEN]
    #[arg(long = "token", visible_alias = "mfa-token", value_name = "TOKEN")]
    pub mfa_token: Option<String>,

    /// Read the token from FILE
    #[arg(
        long = "token-file",
        visible_alias = "mfa-token-file",
        value_name = "FILE"
    )]
    pub mfa_token_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    #[command(flatten)]
    pub token: MfaTokenArgs,

    #[command(flatten)]
    pub answer: AnswerArgs,

    /// The oob_code of an out-of-band challenge: polls a push, or sends --binding-code
    #[arg(long, value_name = "CODE", conflicts_with_all = ["otp", "recovery_code"])]
    pub oob_code: Option<String>,

    #[command(flatten)]
    pub wait: WaitArgs,

    #[command(flatten)]
    pub export: ExportArgs,
}

#[derive(Debug, Args)]
pub struct EnrollArgs {
    /// What to enroll
    #[arg(value_enum)]
    pub kind: EnrollKind,

    #[command(flatten)]
    pub token: ApiTokenArgs,

    // Without --token, these log the user in for the mfa_token (first factor).
    #[command(flatten)]
    pub user: UserArgs,

    /// Phone number in E.164 form, e.g. +15555550123 (sms, voice)
    #[arg(long, value_name = "E164")]
    pub phone: Option<String>,

    /// Email address to send codes to (email) [default: the user's]
    #[arg(long, value_name = "ADDRESS")]
    pub email: Option<String>,

    /// Leave the enrollment pending and print how to confirm it later
    #[arg(long, conflicts_with_all = ["otp", "confirm_otp_secret", "binding_code", "binding_code_command", "confirm_with_secret"])]
    pub no_confirm: bool,

    /// Confirm an otp enrollment with a code computed from the returned secret (same as --otp-secret auto)
    #[arg(long)]
    pub confirm_with_secret: bool,

    /// The first code from the authenticator app, to confirm an otp enrollment
    #[arg(long, value_name = "CODE")]
    pub otp: Option<String>,

    /// Compute the confirming code from this secret; 'auto' uses the secret Auth0 returns
    #[arg(
        long = "otp-secret",
        id = "confirm_otp_secret",
        value_name = "SECRET|auto"
    )]
    pub otp_secret: Option<String>,

    /// Refused: the code is sent by this very command (see --binding-code-command)
    #[arg(long, value_name = "CODE", hide = true)]
    pub binding_code: Option<String>,

    /// Once the SMS, voice call or email is sent, take its code from this command's output (it gets AUTH0_MFA_CHANNEL, AUTH0_MFA_DESTINATION, AUTH0_MFA_USERNAME)
    #[arg(long, value_name = "CMD")]
    pub binding_code_command: Option<String>,

    /// Also write the recovery code of a first enrollment to FILE (created new, mode 0600)
    #[arg(long, value_name = "FILE")]
    pub save_recovery_code: Option<PathBuf>,

    /// Let --save-recovery-code replace an existing FILE
    #[arg(long, requires = "save_recovery_code")]
    pub overwrite: bool,

    #[command(flatten)]
    pub wait: WaitArgs,
}

#[derive(Debug, Subcommand)]
pub enum AuthenticatorsAction {
    /// List the user's authenticators (GET /mfa/authenticators)
    List {
        #[command(flatten)]
        token: ApiTokenArgs,

        /// Also show inactive (unconfirmed) enrollments
        #[arg(long)]
        all: bool,
    },
    /// Delete an authenticator, and the one linked to it (DELETE /mfa/authenticators/ID)
    Delete {
        /// The authenticator's id, e.g. 'push|dev_BBTKYpxKHOXVBnql'
        id: String,

        #[command(flatten)]
        token: ApiTokenArgs,

        /// Do not ask for confirmation
        #[arg(long, short = 'y')]
        yes: bool,
    },
}

/// How to reach the Management API: an M2M application's credentials, or a
/// token pasted from the dashboard. Global to the command that flattens them.
#[derive(Debug, Args)]
#[command(next_help_heading = "Management API access")]
pub struct ManagementArgs {
    /// The tenant's canonical domain (TENANT.REGION.auth0.com), where the Management API lives, when --domain is a custom domain [default: --domain] [env: AUTH0_MGMT_DOMAIN]
    #[arg(long, global = true, value_name = "DOMAIN")]
    pub mgmt_domain: Option<String>,

    /// Client id of a machine-to-machine application authorized for the Auth0 Management API [env: AUTH0_MGMT_CLIENT_ID]
    #[arg(long, global = true, value_name = "ID")]
    pub mgmt_client_id: Option<String>,

    /// That application's secret ('-' reads stdin) [env: AUTH0_MGMT_CLIENT_SECRET]
    #[arg(long, global = true, value_name = "SECRET")]
    pub mgmt_client_secret: Option<String>,

    /// Read the Management application's secret from FILE
    #[arg(long, global = true, value_name = "FILE")]
    pub mgmt_client_secret_file: Option<PathBuf>,

    /// private_key_jwt for the Management application: its RSA private key (PEM file; RS256) [env: AUTH0_MGMT_CLIENT_ASSERTION_KEY]
    #[arg(long, global = true, value_name = "FILE")]
    pub mgmt_client_assertion_key: Option<String>,

    /// A Management API token (Dashboard > Applications > APIs > Auth0 Management API > API Explorer) instead of an application ('-' reads stdin) [env: AUTH0_MGMT_TOKEN]
    #[arg(long, global = true, value_name = "TOKEN")]
    pub mgmt_token: Option<String>,

    /// Read the Management API token from FILE
    #[arg(long, global = true, value_name = "FILE")]
    pub mgmt_token_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct UsersArgs {
    #[command(flatten)]
    pub management: ManagementArgs,

    #[command(subcommand)]
    pub action: UsersAction,
}

#[derive(Debug, Subcommand)]
pub enum UsersAction {
    /// Create a database user with a TOTP authentication method, confirmed at once, and print its user_id, email, password and otp_secret
    Create {
        /// The database connection to create the user in [default: the realm setting, AUTH0_REALM]
        #[arg(long, value_name = "NAME")]
        connection: Option<String>,

        /// The user's email [default: a random test-...@example.com]
        #[arg(long, value_name = "EMAIL")]
        email: Option<String>,

        /// The user's password ('-' reads stdin) [default: a strong random one]
        #[arg(long, value_name = "PASSWORD")]
        password: Option<String>,

        /// Read the user's password from FILE
        #[arg(long, value_name = "FILE", conflicts_with = "password")]
        password_file: Option<PathBuf>,

        /// The TOTP secret: auto (a random one) or a base32 secret
        #[arg(long, value_name = "auto|BASE32", default_value = "auto")]
        otp_secret: String,
    },
    /// Show a user: its authentication methods (pending or confirmed) and its brute-force blocks
    Show {
        /// An email or a user id ('auth0|...')
        user: String,
    },
    /// Lift the brute-force blocks of a user (too_many_attempts at login)
    Unblock {
        /// An email or a user id ('auth0|...')
        user: String,
    },
    /// Remove every authentication method of a user
    ResetMfa {
        /// An email or a user id ('auth0|...')
        user: String,

        /// Do not ask for confirmation
        #[arg(long, short = 'y')]
        yes: bool,
    },
    /// Delete a user, or (--created-by-this-tool) every user this tool created that is older than --older-than
    #[command(group = clap::ArgGroup::new("which").args(["user", "created_by_this_tool"]).required(true))]
    Delete {
        /// An email or a user id ('auth0|...')
        user: Option<String>,

        /// Delete the users `users create` made (marked in app_metadata), never others
        #[arg(long, requires = "older_than")]
        created_by_this_tool: bool,

        /// With --created-by-this-tool: only users older than this (90s, 30m, 12h, 1d, 2w)
        #[arg(long, value_name = "AGE", requires = "created_by_this_tool")]
        older_than: Option<String>,

        /// Do not ask for confirmation
        #[arg(long, short = 'y')]
        yes: bool,
    },
}

#[derive(Debug, Args)]
pub struct DoctorArgs {
    // Also check this user: login, enrolled factors, which can be challenged.
    #[command(flatten)]
    pub user: UserArgs,

    /// Also challenge push, SMS, voice and email factors (this notifies the user)
    #[arg(long)]
    pub send: bool,

    /// Plan changes that set right what the Management API can fix (grant types, factors, blocks, pending enrollments), show them, and apply them when confirmed
    #[arg(long)]
    pub fix: bool,

    /// With --fix: apply the plan without asking
    #[arg(long, requires = "fix")]
    pub yes: bool,

    /// With --fix: also set the tenant-wide MFA policy (never changed otherwise)
    #[arg(long, value_name = "POLICY", value_parser = ["all-applications", "confidence-score"], requires = "fix")]
    pub fix_policy: Option<String>,

    #[command(flatten)]
    pub management: ManagementArgs,
}

#[derive(Debug, Args)]
pub struct TotpArgs {
    /// A base32 secret or an otpauth:// URI ('-' reads stdin)
    #[arg(
        value_name = "SECRET_OR_URI",
        env = "AUTH0_OTP_SECRET",
        hide_env_values = true
    )]
    pub secret: Option<String>,

    /// Compute the code for this Unix time instead of now
    #[arg(long, value_name = "UNIX_SECONDS")]
    pub time: Option<u64>,

    /// Code length [default: 6, or the URI's]
    #[arg(long, value_parser = clap::value_parser!(u32).range(6..=8))]
    pub digits: Option<u32>,

    /// Seconds per code [default: 30, or the URI's]
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..))]
    pub period: Option<u64>,

    /// HMAC algorithm [default: sha1, or the URI's]
    #[arg(long, value_enum)]
    pub algorithm: Option<TotpAlgorithm>,
}

/// `--type` of `challenge`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ChallengeTypeArg {
    Otp,
    Oob,
}

impl From<ChallengeTypeArg> for ChallengeType {
    fn from(arg: ChallengeTypeArg) -> Self {
        match arg {
            ChallengeTypeArg::Otp => ChallengeType::Otp,
            ChallengeTypeArg::Oob => ChallengeType::Oob,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TotpAlgorithm {
    Sha1,
    Sha256,
    Sha512,
}

impl From<TotpAlgorithm> for HashAlgorithm {
    fn from(arg: TotpAlgorithm) -> Self {
        match arg {
            TotpAlgorithm::Sha1 => HashAlgorithm::Sha1,
            TotpAlgorithm::Sha256 => HashAlgorithm::Sha256,
            TotpAlgorithm::Sha512 => HashAlgorithm::Sha512,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum ConfigAction {
    /// Write a profile (--profile, else "default") to the config file, asking for what flags and environment do not give
    Init,
    /// Show every setting, its value (secrets masked) and where it came from
    Show,
    /// Print the config file's path
    Path,
}

#[cfg(feature = "emulator")]
#[derive(Debug, Args)]
#[command(
    group = clap::ArgGroup::new("https").args(["tls", "check"]).multiple(true),
    args_conflicts_with_subcommands = true
)]
pub struct EmulatorArgs {
    /// Address to listen on; any other than loopback exposes the tenant's test data to other hosts (0.0.0.0:8787 in a container)
    #[arg(long, default_value = "127.0.0.1:8787", value_name = "ADDR")]
    pub listen: std::net::SocketAddr,

    /// Tenant file (TOML) describing clients and users [default: the built-in demo tenant]
    #[arg(long, value_name = "FILE")]
    pub tenant: Option<PathBuf>,

    /// Serve HTTPS with a certificate from a CA generated at start
    #[arg(long)]
    pub tls: bool,

    /// Where --tls writes the CA certificate (PEM), for --cacert; the CA --check trusts [default: emulator-ca.pem in the state dir, ~/.local/state/auth0-mfa]
    #[arg(long, value_name = "FILE", requires = "https")]
    pub ca_file: Option<PathBuf>,

    /// Another name for the certificate to hold, besides 127.0.0.1, ::1 and localhost (a compose service name, auth0.test, an IP); repeatable
    #[arg(long, value_name = "NAME", requires = "tls")]
    pub tls_name: Vec<String>,

    /// The URL clients use, for the issuer and every URL in answers [default: the Host of each request]
    #[arg(long, value_name = "URL")]
    pub public_url: Option<String>,

    /// Print the tenant (the built-in demo one, or --tenant's) as a tenant file, and exit
    #[arg(long, conflicts_with_all = ["check", "tls", "public_url", "tls_name"])]
    pub print_tenant: bool,

    /// Check that the emulator at URL is ready (GET URL/_emulator/health): exit 0 if so, for container health checks
    #[arg(long, value_name = "URL", conflicts_with_all = ["tenant", "tls", "public_url", "tls_name"])]
    pub check: Option<String>,

    /// The token the control API (/_emulator/) requires, sent as Authorization: Bearer TOKEN; --check sends it. Listening beyond loopback without one, a token is generated and printed in the banner
    #[arg(
        long,
        value_name = "TOKEN",
        env = "AUTH0_MFA_EMULATOR_CONTROL_TOKEN",
        hide_env_values = true,
        conflicts_with = "print_tenant"
    )]
    pub control_token: Option<String>,

    #[command(subcommand)]
    pub action: Option<EmulatorAction>,
}

#[cfg(feature = "emulator")]
#[derive(Debug, Subcommand)]
pub enum EmulatorAction {
    /// Print the codes a running emulator sent by SMS, voice or email (at --domain / AUTH0_DOMAIN, else http://127.0.0.1:8787)
    Outbox(OutboxArgs),
}

#[cfg(feature = "emulator")]
#[derive(Debug, Args)]
pub struct OutboxArgs {
    /// Only messages to this phone number or email address (or its masked form, as the authenticator list shows it), or for this username
    #[arg(long, value_name = "DEST")]
    pub to: Option<String>,

    /// Print only the code of the latest message, for --binding-code-command
    #[arg(long)]
    pub latest: bool,

    /// The CA file of an emulator serving --tls
    #[arg(long, value_name = "FILE")]
    pub ca_file: Option<PathBuf>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn definitions_are_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn global_options_work_after_the_subcommand() {
        let cli = Cli::try_parse_from([
            "auth0-mfa",
            "totp",
            "GEZDGNBV",
            "--json",
            "--color",
            "never",
        ])
        .unwrap();
        assert!(cli.global.json);
        assert_eq!(cli.global.color, ColorChoice::Never);
    }

    /// The words of the `auth0-mfa` command on an example line as a shell
    /// would split them: quotes removed, `$VAR` left as it is (any value
    /// parses), the comment, a pipe's far side and a `$(...)` around it
    /// dropped. `None` for a line that runs something else (`curl ...`).
    fn example_words(line: &str) -> Option<Vec<String>> {
        let line = line.split("  #").next().unwrap_or("").trim();
        let start = line.find("auth0-mfa ")?;
        let inside = line[..start].ends_with("$(");
        let line = &line[start..];
        let line = line.split(" | ").next().unwrap_or("");
        let line = if inside {
            line.split(')').next().unwrap_or("")
        } else {
            line
        };
        let mut words = Vec::new();
        let mut word = String::new();
        let mut quote = None;
        for c in line.chars() {
            match (quote, c) {
                (None, '"' | '\'') => quote = Some(c),
                (Some(q), c) if c == q => quote = None,
                (None, ' ') => {
                    if !word.is_empty() {
                        words.push(std::mem::take(&mut word));
                    }
                }
                (_, c) => word.push(c),
            }
        }
        if !word.is_empty() {
            words.push(word);
        }
        Some(words)
    }

    #[test]
    fn the_main_commands_show_examples_that_parse() {
        let root = Cli::command();
        for name in [
            "login",
            "challenge",
            "verify",
            "enroll",
            "token",
            "doctor",
            "totp",
            "users",
        ] {
            let sub = root.find_subcommand(name).unwrap();
            let help = sub
                .get_after_help()
                .map(|h| h.to_string())
                .unwrap_or_default();
            let examples: Vec<&str> = help
                .lines()
                .skip_while(|l| *l != "Examples:")
                .skip(1)
                .collect();
            let mut of_this_command = 0;
            for example in examples {
                let Some(words) = example_words(example) else {
                    continue;
                };
                if let Err(e) = Cli::try_parse_from(&words) {
                    panic!("`{example}` does not parse: {e}");
                }
                of_this_command += usize::from(words[1] == name);
            }
            assert!(of_this_command >= 3, "{name}: {help}");
        }
    }

    #[test]
    fn global_options_have_their_own_heading() {
        // Global options reach the subcommands when the command is built.
        let mut root = Cli::command();
        root.build();
        let login = root.find_subcommand("login").unwrap();
        let heading = |name: &str| {
            login
                .get_arguments()
                .find(|a| a.get_id() == name)
                .and_then(|a| a.get_help_heading())
        };
        assert_eq!(heading("json"), Some("Global options"));
        assert_eq!(heading("domain"), Some("Global options"));
        assert_eq!(heading("username"), None);
        assert_eq!(heading("factor"), None);
    }

    #[test]
    fn challenge_types_repeat() {
        let cli = Cli::try_parse_from([
            "auth0-mfa",
            "challenge",
            "--mfa-token",
            "t",
            "--type",
            "otp",
            "--type",
            "oob",
        ])
        .unwrap();
        let Command::Challenge(args) = cli.command.0 else {
            panic!()
        };
        assert_eq!(
            args.types,
            vec![ChallengeTypeArg::Otp, ChallengeTypeArg::Oob]
        );
    }
}
