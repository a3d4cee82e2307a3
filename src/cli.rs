//! The command line: clap definitions only. Doc comments are the help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::Shell;

use crate::auth0::ChallengeType;
use crate::flow::Factor;
use crate::totp::HashAlgorithm;

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
    pub command: Command,
}

/// Options that work before or after the subcommand, as in cargo and gh.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Print the result as one JSON document (also on failure)
    #[arg(long, global = true)]
    pub json: bool,

    /// Trace requests on stderr: -v method, URL, status, time; -vv headers and bodies (secrets masked)
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    pub verbose: u8,

    /// When to colour output
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Never prompt; a missing value is an error that names its flag
    #[arg(long, global = true)]
    pub no_input: bool,

    /// Profile of the config file to use [env: AUTH0_MFA_PROFILE]
    #[arg(long, global = true, value_name = "NAME")]
    pub profile: Option<String>,

    /// Config file [default: $XDG_CONFIG_HOME/auth0-mfa/config.toml] [env: AUTH0_MFA_CONFIG]
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

    /// Seconds to wait for each request, and in all for a push approval [default: 30 per request, 300 for a push]
    #[arg(long, global = true, value_name = "SECONDS", value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub timeout: Option<u64>,
}

/// The names `--factor` takes: those of `flow::Factor`. The value stays a
/// string so that the settings resolver can say where it came from.
fn factor_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(Factor::ALL.map(Factor::name))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Log a user in; when Auth0 answers mfa_required, finish the MFA flow
    Login(LoginArgs),
    /// Ask Auth0 for an MFA challenge (POST /mfa/challenge)
    Challenge(ChallengeArgs),
    /// Answer a challenge and print the tokens (the MFA grants of /oauth/token)
    Verify(VerifyArgs),
    /// Enroll a new authenticator (POST /mfa/associate) and confirm it
    Enroll(EnrollArgs),
    /// List or delete the user's authenticators
    Authenticators {
        #[command(subcommand)]
        action: AuthenticatorsAction,
    },
    /// Diagnose the tenant's MFA set-up: one line per check, with the fix for each failure
    Doctor(DoctorArgs),
    /// Compute a TOTP code from a base32 secret or an otpauth:// URI
    Totp(TotpArgs),
    /// Show the resolved settings, or where the config file is
    Config {
        #[command(subcommand)]
        action: ConfigAction,
    },
    /// Print a shell completion script
    Completions {
        /// The shell to complete for
        shell: Shell,
    },
    /// Run the local Auth0 MFA emulator until Ctrl-C, print its demo tenant, or check one is ready
    #[cfg(feature = "emulator")]
    Emulator(EmulatorArgs),
    /// Run the whole MFA flow against the built-in emulator, step by step
    #[cfg(feature = "emulator")]
    Demo,
}

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

    /// The code from the SMS, voice call or email (binding_method prompt)
    #[arg(long, value_name = "CODE")]
    pub binding_code: Option<String>,

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
    #[arg(long, conflicts_with_all = ["otp", "confirm_otp_secret", "binding_code", "confirm_with_secret"])]
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

    /// The code from the SMS, voice call or email, to confirm those enrollments
    #[arg(long, value_name = "CODE")]
    pub binding_code: Option<String>,

    /// Also write the recovery code of a first enrollment to FILE (created new, mode 0600)
    #[arg(long, value_name = "FILE")]
    pub save_recovery_code: Option<PathBuf>,

    /// Let --save-recovery-code replace an existing FILE
    #[arg(long, requires = "save_recovery_code")]
    pub overwrite: bool,

    #[command(flatten)]
    pub wait: WaitArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EnrollKind {
    Otp,
    Sms,
    Voice,
    Email,
    Push,
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

#[derive(Debug, Args)]
pub struct DoctorArgs {
    // Also check this user: login, enrolled factors, which can be challenged.
    #[command(flatten)]
    pub user: UserArgs,

    /// Also challenge push, SMS, voice and email factors (this notifies the user)
    #[arg(long)]
    pub send: bool,
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
#[command(group = clap::ArgGroup::new("https").args(["tls", "check"]).multiple(true))]
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

    /// Where --tls writes the CA certificate (PEM), for --cacert; the CA --check trusts [default: auth0-mfa-emulator-ca.pem in the temp dir]
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
        let Command::Challenge(args) = cli.command else {
            panic!()
        };
        assert_eq!(
            args.types,
            vec![ChallengeTypeArg::Otp, ChallengeTypeArg::Oob]
        );
    }
}
