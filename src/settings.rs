//! Settings: flags > environment > config-file profile > defaults, one value per
//! key with the source it came from, for `config show` and for error messages.
//!
//! Two layers, as in ripgrep: [`Flags`] is what the parsed command line gave
//! (typed, taken from the clap structs of the command that ran), and
//! [`Settings`] is every key resolved. The environment and the profile are
//! read here, the same way for every command, so a key a command has no flag
//! for still takes its variable: nothing depends on what clap knows.

use std::collections::BTreeMap;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::cli::{
    AnswerArgs, ApiTokenArgs, AuthenticatorsAction, Cli, Command, ExecArgs, ManagementArgs,
    MfaTokenArgs, TokenArgs, UserArgs,
};
use crate::config_file;
use crate::domain::Domain;
use crate::error::Failure;
use crate::secret::Secret;

/// Every setting users can give as a flag, an environment variable or a
/// profile key. Code names a key by its variant, so a misspelt key is a
/// compile error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Domain,
    ClientId,
    ClientSecret,
    Username,
    Password,
    Realm,
    Audience,
    Scope,
    MfaToken,
    OtpSecret,
    OtpCommand,
    Factor,
    ClientAssertionKey,
    ClientAssertionAlg,
    ClientAssertionKid,
    Cacert,
    MgmtDomain,
    MgmtClientId,
    MgmtClientSecret,
    MgmtClientAssertionKey,
    MgmtToken,
}

/// What users call a key in each place they can give it.
#[derive(Debug, Clone, Copy)]
pub struct KeyInfo {
    /// The profile key.
    pub name: &'static str,
    pub flag: &'static str,
    pub env: &'static str,
    pub secret: bool,
    pub default: Option<&'static str>,
    /// What a missing value is called in error messages.
    pub what: &'static str,
}

const fn plain(
    name: &'static str,
    flag: &'static str,
    env: &'static str,
    what: &'static str,
) -> KeyInfo {
    KeyInfo {
        name,
        flag,
        env,
        secret: false,
        default: None,
        what,
    }
}

const fn secret(
    name: &'static str,
    flag: &'static str,
    env: &'static str,
    what: &'static str,
) -> KeyInfo {
    KeyInfo {
        secret: true,
        ..plain(name, flag, env, what)
    }
}

impl Key {
    /// In the order `config show` lists them.
    pub const ALL: [Key; 21] = [
        Key::Domain,
        Key::ClientId,
        Key::ClientSecret,
        Key::Username,
        Key::Password,
        Key::Realm,
        Key::Audience,
        Key::Scope,
        Key::MfaToken,
        Key::OtpSecret,
        Key::OtpCommand,
        Key::Factor,
        Key::ClientAssertionKey,
        Key::ClientAssertionAlg,
        Key::ClientAssertionKid,
        Key::Cacert,
        Key::MgmtDomain,
        Key::MgmtClientId,
        Key::MgmtClientSecret,
        Key::MgmtClientAssertionKey,
        Key::MgmtToken,
    ];

    pub const fn info(self) -> KeyInfo {
        match self {
            Key::Domain => plain("domain", "--domain", "AUTH0_DOMAIN", "Auth0 domain"),
            Key::ClientId => plain(
                "client_id",
                "--client-id",
                "AUTH0_CLIENT_ID",
                "application client id",
            ),
            Key::ClientSecret => secret(
                "client_secret",
                "--client-secret",
                "AUTH0_CLIENT_SECRET",
                "client secret",
            ),
            Key::Username => plain("username", "--username", "AUTH0_USERNAME", "username"),
            Key::Password => secret("password", "--password", "AUTH0_PASSWORD", "password"),
            Key::Realm => plain("realm", "--realm", "AUTH0_REALM", "realm (connection)"),
            Key::Audience => plain("audience", "--audience", "AUTH0_AUDIENCE", "audience"),
            Key::Scope => KeyInfo {
                default: Some("openid profile email"),
                ..plain("scope", "--scope", "AUTH0_SCOPE", "scope")
            },
            Key::MfaToken => secret("mfa_token", "--mfa-token", "AUTH0_MFA_TOKEN", "mfa_token"),
            Key::OtpSecret => secret(
                "otp_secret",
                "--otp-secret",
                "AUTH0_OTP_SECRET",
                "OTP secret",
            ),
            Key::OtpCommand => plain(
                "otp_command",
                "--otp-command",
                "AUTH0_MFA_OTP_COMMAND",
                "OTP command",
            ),
            Key::Factor => plain("factor", "--factor", "AUTH0_MFA_FACTOR", "factor"),
            Key::ClientAssertionKey => plain(
                "client_assertion_key",
                "--client-assertion-key",
                "AUTH0_CLIENT_ASSERTION_KEY",
                "client assertion key",
            ),
            Key::ClientAssertionAlg => plain(
                "client_assertion_alg",
                "--client-assertion-alg",
                "AUTH0_CLIENT_ASSERTION_ALG",
                "client assertion algorithm",
            ),
            Key::ClientAssertionKid => plain(
                "client_assertion_kid",
                "--client-assertion-kid",
                "AUTH0_CLIENT_ASSERTION_KID",
                "client assertion key id",
            ),
            Key::Cacert => plain("cacert", "--cacert", "AUTH0_CACERT", "CA certificate file"),
            Key::MgmtDomain => plain(
                "mgmt_domain",
                "--mgmt-domain",
                "AUTH0_MGMT_DOMAIN",
                "Management API domain",
            ),
            Key::MgmtClientId => plain(
                "mgmt_client_id",
                "--mgmt-client-id",
                "AUTH0_MGMT_CLIENT_ID",
                "Management API client id (a machine-to-machine application)",
            ),
            Key::MgmtClientSecret => secret(
                "mgmt_client_secret",
                "--mgmt-client-secret",
                "AUTH0_MGMT_CLIENT_SECRET",
                "Management API client secret",
            ),
            Key::MgmtClientAssertionKey => plain(
                "mgmt_client_assertion_key",
                "--mgmt-client-assertion-key",
                "AUTH0_MGMT_CLIENT_ASSERTION_KEY",
                "Management API client assertion key",
            ),
            Key::MgmtToken => secret(
                "mgmt_token",
                "--mgmt-token",
                "AUTH0_MGMT_TOKEN",
                "Management API token",
            ),
        }
    }

    pub const fn name(self) -> &'static str {
        self.info().name
    }

    pub const fn is_secret(self) -> bool {
        self.info().secret
    }
}

/// The environment variables that hold secrets: kept from the commands the
/// tool runs for the user (`--otp-command`), which need none of them.
pub fn secret_variables() -> Vec<&'static str> {
    Key::ALL
        .iter()
        .filter(|key| key.is_secret())
        .map(|key| key.info().env)
        .collect()
}

/// Where a value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Flag(&'static str),
    /// `--client-secret-file` and the like: the value is the file's content.
    FileFlag {
        flag: &'static str,
        path: PathBuf,
    },
    Env(&'static str),
    Profile {
        name: String,
        file_key: bool,
    },
    Stdin,
    Default,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Flag(flag) | Source::FileFlag { flag, .. } => write!(f, "flag {flag}"),
            Source::Env(var) => write!(f, "env {var}"),
            Source::Profile {
                name,
                file_key: false,
            } => write!(f, "profile {name}"),
            Source::Profile {
                name,
                file_key: true,
            } => write!(f, "profile {name} (file)"),
            Source::Stdin => f.write_str("stdin"),
            Source::Default => f.write_str("default"),
        }
    }
}

/// One resolved value. Held as a `Secret` so that no setting prints by accident.
#[derive(Debug, Clone)]
pub struct Setting {
    pub key: Key,
    pub value: Secret,
    pub source: Source,
}

impl Setting {
    /// For non-secret settings: the value itself.
    pub fn text(&self) -> &str {
        self.value.expose()
    }

    /// The value as `config show` prints it: secrets masked.
    pub fn shown(&self) -> String {
        if self.key.is_secret() {
            crate::secret::MASK.to_owned()
        } else {
            self.value.expose().to_owned()
        }
    }
}

/// A value the command line gave for a key.
#[derive(Debug)]
enum Given {
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

/// What the command line gave, taken from the clap structs of the command
/// that runs: flags only, as typed. The resolver adds the rest.
#[derive(Debug, Default)]
pub struct Flags {
    given: Vec<(Key, Given)>,
    profile: Option<String>,
    config: Option<PathBuf>,
    timeout: Option<u64>,
}

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
        flags.value(Key::Domain, "--domain", &g.domain);
        flags.value(Key::ClientId, "--client-id", &g.client_id);
        flags.with_file(
            Key::ClientSecret,
            ("--client-secret", &g.client_secret),
            ("--client-secret-file", &g.client_secret_file),
        )?;
        flags.value(
            Key::ClientAssertionKey,
            "--client-assertion-key",
            &g.client_assertion_key,
        );
        flags.value(
            Key::ClientAssertionAlg,
            "--client-assertion-alg",
            &g.client_assertion_alg,
        );
        flags.value(
            Key::ClientAssertionKid,
            "--client-assertion-kid",
            &g.client_assertion_kid,
        );
        flags.value(Key::Cacert, "--cacert", &g.cacert);
        match &cli.command {
            Command::Login(args) => {
                flags.user(&args.user)?;
                flags.value(Key::Audience, "--audience", &args.audience);
                flags.value(Key::Scope, "--scope", &args.scope);
                flags.value(Key::Factor, "--factor", &args.factor);
                flags.answer(&args.answer)?;
            }
            Command::Challenge(args) => {
                flags.mfa_token(&args.token)?;
                flags.answer(&args.answer)?;
            }
            Command::Verify(args) => {
                flags.mfa_token(&args.token)?;
                flags.answer(&args.answer)?;
            }
            Command::Enroll(args) => {
                flags.api_token(&args.token)?;
                flags.user(&args.user)?;
            }
            Command::Authenticators { action } => match action {
                AuthenticatorsAction::List { token, .. }
                | AuthenticatorsAction::Delete { token, .. } => flags.api_token(token)?,
            },
            Command::Doctor(args) => {
                flags.user(&args.user)?;
                flags.management(&args.management)?;
            }
            Command::Token(TokenArgs { session, .. }) | Command::Exec(ExecArgs { session, .. }) => {
                flags.value(Key::Username, "--username", &session.username);
                flags.value(Key::Audience, "--audience", &session.audience);
                flags.value(Key::Factor, "--factor", &session.factor);
                flags.answer(&session.answer)?;
            }
            Command::Logout(args) => {
                flags.value(Key::Username, "--username", &args.username);
                flags.value(Key::Audience, "--audience", &args.audience);
            }
            Command::Users(args) => flags.management(&args.management)?,
            _ => {}
        }
        Ok(flags)
    }

    fn value(&mut self, key: Key, flag: &'static str, value: &Option<String>) {
        if let Some(value) = value {
            self.given.push((
                key,
                Given::Value {
                    flag,
                    value: value.clone(),
                },
            ));
        }
    }

    fn with_file(
        &mut self,
        key: Key,
        (flag, value): (&'static str, &Option<String>),
        (file_flag, path): (&'static str, &Option<PathBuf>),
    ) -> Result<(), Failure> {
        match (value, path) {
            (Some(_), Some(_)) => Err(Failure::usage(format!(
                "give {flag} or {file_flag}, not both"
            ))),
            (_, Some(path)) => {
                self.given.push((
                    key,
                    Given::File {
                        flag: file_flag,
                        path: path.clone(),
                    },
                ));
                Ok(())
            }
            (value, None) => {
                self.value(key, flag, value);
                Ok(())
            }
        }
    }

    fn user(&mut self, args: &UserArgs) -> Result<(), Failure> {
        self.value(Key::Username, "--username", &args.username);
        self.value(Key::Realm, "--realm", &args.realm);
        self.with_file(
            Key::Password,
            ("--password", &args.password),
            ("--password-file", &args.password_file),
        )
    }

    fn answer(&mut self, args: &AnswerArgs) -> Result<(), Failure> {
        self.value(Key::OtpCommand, "--otp-command", &args.otp_command);
        self.with_file(
            Key::OtpSecret,
            ("--otp-secret", &args.otp_secret),
            ("--otp-secret-file", &args.otp_secret_file),
        )
    }

    fn mfa_token(&mut self, args: &MfaTokenArgs) -> Result<(), Failure> {
        self.with_file(
            Key::MfaToken,
            ("--mfa-token", &args.mfa_token),
            ("--mfa-token-file", &args.mfa_token_file),
        )
    }

    fn api_token(&mut self, args: &ApiTokenArgs) -> Result<(), Failure> {
        self.with_file(
            Key::MfaToken,
            ("--token", &args.mfa_token),
            ("--token-file", &args.mfa_token_file),
        )
    }

    fn management(&mut self, args: &ManagementArgs) -> Result<(), Failure> {
        self.value(Key::MgmtDomain, "--mgmt-domain", &args.mgmt_domain);
        self.value(Key::MgmtClientId, "--mgmt-client-id", &args.mgmt_client_id);
        self.with_file(
            Key::MgmtClientSecret,
            ("--mgmt-client-secret", &args.mgmt_client_secret),
            ("--mgmt-client-secret-file", &args.mgmt_client_secret_file),
        )?;
        self.value(
            Key::MgmtClientAssertionKey,
            "--mgmt-client-assertion-key",
            &args.mgmt_client_assertion_key,
        );
        self.with_file(
            Key::MgmtToken,
            ("--mgmt-token", &args.mgmt_token),
            ("--mgmt-token-file", &args.mgmt_token_file),
        )
    }

    fn get(&self, key: Key) -> Option<&Given> {
        self.given.iter().find(|(k, _)| *k == key).map(|(_, g)| g)
    }
}

/// Everything the commands need to know about where values came from.
#[derive(Debug)]
pub struct Settings {
    pub config_path: Option<PathBuf>,
    pub config_found: bool,
    pub profile: Option<(String, Source)>,
    pub values: Vec<Setting>,
    pub warnings: Vec<String>,
    pub timeout: Option<u64>,
}

impl Settings {
    /// Resolves every key from the flags, the environment and the config file.
    pub fn resolve(flags: &Flags) -> Result<Settings, Failure> {
        Self::resolve_from(flags, true)
    }

    /// Flags, environment and defaults only, for `config init`, which writes
    /// the file rather than reads it.
    pub fn given(flags: &Flags) -> Result<Settings, Failure> {
        Self::resolve_from(flags, false)
    }

    /// The profile named by `--profile` / `AUTH0_MFA_PROFILE`, or the one in use.
    pub fn profile_name(&self) -> Option<String> {
        self.profile.as_ref().map(|(name, _)| name.clone())
    }

    fn resolve_from(flags: &Flags, read_file: bool) -> Result<Settings, Failure> {
        let (config_path, explicit_config) = config_location(flags)?;
        let file = match (&config_path, read_file) {
            (Some(path), true) => config_file::load(path, !explicit_config)?,
            _ => None,
        };
        if read_file && explicit_config && file.is_none() {
            let path = config_path
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            return Err(Failure::usage_with_hint(
                format!("the config file {path} does not exist"),
                "check --config / AUTH0_MFA_CONFIG",
            ));
        }
        let file = file.unwrap_or_default();
        let named = named_profile(flags)?;
        // `config init` names the profile it writes: it need not exist yet.
        let profile = if read_file {
            choose_profile(named, &file, config_path.as_deref())?
        } else {
            named
        };
        let profile_table = profile
            .as_ref()
            .and_then(|(name, _)| file.profiles.get(name).map(|table| (table, name.as_str())));
        if let Some((table, name)) = profile_table {
            check_profile_keys(name, table)?;
        }
        let (values, warnings) = collect(flags, profile_table, config_path.as_deref())?;
        Ok(Settings {
            config_found: config_path.as_ref().is_some_and(|p| p.exists()),
            config_path,
            profile,
            values,
            warnings,
            timeout: flags.timeout,
        })
    }

    pub fn get(&self, key: Key) -> Option<&Setting> {
        self.values.iter().find(|s| s.key == key)
    }

    /// A value that must be there; the error names every way to give it.
    pub fn require(&self, key: Key) -> Result<&Setting, Failure> {
        self.get(key)
            .ok_or_else(|| missing(key, self.profile.as_ref().map(|p| p.0.as_str())))
    }

    /// The tenant's domain. When it is missing, so may be the client id,
    /// which every request also needs: both are reported at once, not one
    /// per run.
    pub fn domain(&self) -> Result<Domain, Failure> {
        let absent: Vec<Key> = [Key::Domain, Key::ClientId]
            .into_iter()
            .filter(|key| self.get(*key).is_none())
            .collect();
        if absent.len() > 1 {
            return Err(missing_all(
                &absent,
                self.profile.as_ref().map(|p| p.0.as_str()),
            ));
        }
        let setting = self.require(Key::Domain)?;
        Domain::parse(setting.text()).map_err(|e| {
            Failure::usage_with_hint(
                format!("invalid domain from {}: {e}", setting.source),
                "give --domain / AUTH0_DOMAIN as tenant.us.auth0.com or https://login.example.com",
            )
        })
    }

    pub fn text(&self, key: Key) -> Option<String> {
        self.get(key).map(|s| s.value.expose().to_owned())
    }

    pub fn secret(&self, key: Key) -> Option<Secret> {
        self.get(key).map(|s| s.value.clone())
    }

    /// Per request: `--timeout`, else 30 s.
    pub fn request_timeout(&self) -> Duration {
        Duration::from_secs(self.timeout.unwrap_or(30))
    }
}

/// The usage error for a missing value: which flag, which variable, which profile key.
pub fn missing(key: Key, profile: Option<&str>) -> Failure {
    let info = key.info();
    let profile_part = match profile {
        Some(name) => format!(", or `{}` in profile {name}", info.name),
        None => format!(", or `{}` in a config profile", info.name),
    };
    let hint = format!("pass {} or set {}{profile_part}", info.flag, info.env);
    if std::env::var_os(info.env).is_some_and(|v| v.is_empty()) {
        return Failure::usage_with_hint(
            format!(
                "no {} given: {} is set but empty (did a $(...) fail?)",
                info.what, info.env
            ),
            hint,
        );
    }
    Failure::usage_with_hint(format!("no {} given", info.what), hint)
}

/// The usage error for several missing values at once.
fn missing_all(keys: &[Key], profile: Option<&str>) -> Failure {
    let infos: Vec<KeyInfo> = keys.iter().map(|k| k.info()).collect();
    let list =
        |part: fn(&KeyInfo) -> String| infos.iter().map(part).collect::<Vec<_>>().join(" and ");
    let place = profile.map_or("a config profile".to_owned(), |name| {
        format!("profile {name}")
    });
    Failure::usage_with_hint(
        format!("no {} given", list(|i| i.what.to_owned())),
        format!(
            "pass {}, or set {}, or {} in {place}",
            list(|i| i.flag.to_owned()),
            list(|i| i.env.to_owned()),
            list(|i| format!("`{}`", i.name))
        ),
    )
}

/// An environment variable as text: unset is `None`; set but not UTF-8 is
/// a usage error, not a value silently dropped.
fn env_text(name: &'static str) -> Result<Option<String>, Failure> {
    match std::env::var_os(name) {
        None => Ok(None),
        Some(value) => value.into_string().map(Some).map_err(|_| {
            Failure::usage_with_hint(
                format!("{name} is not valid UTF-8"),
                format!("set {name} to plain text, or unset it"),
            )
        }),
    }
}

type Profile<'a> = (&'a BTreeMap<String, toml::Value>, &'a str);

/// Every key's value by precedence (flag, environment, profile, default),
/// with `-` read from stdin, and warnings about files that hold a secret and
/// that others can read. An empty value is refused wherever it came from:
/// sending it would only puzzle Auth0.
fn collect(
    flags: &Flags,
    profile: Option<Profile<'_>>,
    config_path: Option<&Path>,
) -> Result<(Vec<Setting>, Vec<String>), Failure> {
    let mut warnings = Vec::new();
    let mut values = Vec::new();
    let mut stdin_taken: Option<&'static str> = None;
    for key in Key::ALL {
        let info = key.info();
        let mut found = flag_value(flags, key, &mut warnings)?;
        if found.is_none() {
            // Set but empty counts as unset, as in most tools; `missing` says
            // so when the value turns out to be needed.
            found = env_text(info.env)?
                .filter(|v| !v.is_empty())
                .map(|v| (Secret::new(v), Source::Env(info.env)));
        }
        if found.is_none()
            && let Some((table, name)) = profile
        {
            found = profile_value(key, table, name, &mut warnings)?;
        }
        let Some((value, mut source)) = found.or_else(|| {
            info.default
                .map(|default| (Secret::new(default), Source::Default))
        }) else {
            continue;
        };
        let mut value = cleaned(key, value, &source)?;
        if value.is_empty() {
            // Name the flag as typed (`enroll --token`), not the key's usual one.
            let named = match &source {
                Source::Flag(flag) | Source::FileFlag { flag, .. } => flag,
                _ => info.flag,
            };
            return Err(Failure::usage_with_hint(
                format!("the {} from {source} is empty", info.what),
                format!("give a value, or leave {named} out"),
            ));
        }
        if info.secret && value.expose() == "-" {
            if let Some(other) = stdin_taken {
                return Err(Failure::usage(format!(
                    "only one setting can be read from stdin ('-'): both {other} and {} ask for it",
                    info.flag
                )));
            }
            stdin_taken = Some(info.flag);
            source = Source::Stdin;
            value = cleaned(key, read_stdin_line(info.what, info.flag)?, &source)?;
        }
        let in_config = matches!(
            source,
            Source::Profile {
                file_key: false,
                ..
            }
        );
        if info.secret
            && in_config
            && let Some(path) = config_path
        {
            warn_if_readable(path, &mut warnings);
        }
        values.push(Setting { key, value, source });
    }
    Ok((values, warnings))
}

/// The value every source gives, cleaned one way (see [`crate::secret::clean`]):
/// a flag, a variable, a file, stdin or the profile. A shell command
/// (`otp_command`) is the user's script and is left as written.
fn cleaned(key: Key, value: Secret, source: &Source) -> Result<Secret, Failure> {
    if key == Key::OtpCommand {
        return Ok(value);
    }
    match crate::secret::clean(value.expose(), key == Key::Password) {
        Ok(clean) if clean.len() == value.expose().len() => Ok(value),
        Ok(clean) => Ok(Secret::new(clean)),
        Err(c) => Err(control_character(key.info().what, source, c)),
    }
}

/// A token given as a flag that is no setting (`--oob-code`), cleaned as
/// the settings are.
pub fn cleaned_flag(flag: &'static str, what: &str, value: &str) -> Result<Secret, Failure> {
    crate::secret::clean(value, false)
        .map(Secret::new)
        .map_err(|c| control_character(what, &Source::Flag(flag), c))
}

fn control_character(what: &str, source: &Source, c: char) -> Failure {
    Failure::usage_with_hint(
        format!(
            "the {what} from {source} holds a control character (U+{:04X})",
            u32::from(c)
        ),
        "give the value alone, as it was issued; nothing was sent",
    )
}

/// Like ssh: a file that holds a secret must not be readable by others.
fn warn_if_readable(path: &Path, warnings: &mut Vec<String>) {
    if let Some(warning) = config_file::permission_warning(path)
        && !warnings.contains(&warning)
    {
        warnings.push(warning);
    }
}

/// The command line's value for `key`: the flag's text, or the content of
/// the file its `-file` twin names.
fn flag_value(
    flags: &Flags,
    key: Key,
    warnings: &mut Vec<String>,
) -> Result<Option<(Secret, Source)>, Failure> {
    Ok(match flags.get(key) {
        None => None,
        Some(Given::Value { flag, value }) => {
            Some((Secret::new(value.clone()), Source::Flag(flag)))
        }
        Some(Given::File { flag, path }) => {
            if key.is_secret() {
                warn_if_readable(path, warnings);
            }
            let value = read_secret_file(path, &format!("({flag})"))?;
            Some((
                value,
                Source::FileFlag {
                    flag,
                    path: path.clone(),
                },
            ))
        }
    })
}

/// The most a secret file or stdin may hold: far more than any token Auth0
/// issues (an mfa_token is about 2 KB), far less than what a mistake can send.
pub const MAX_SECRET_BYTES: u64 = 64 * 1024;

/// A file's content as a secret, without its final line break.
pub fn read_secret_file(path: &Path, named_by: &str) -> Result<Secret, Failure> {
    let file = std::fs::File::open(path)
        .map_err(|e| Failure::usage(format!("cannot read {} {named_by}: {e}", path.display())))?;
    let text = read_bounded(file, &format!("{} {named_by}", path.display()))?;
    Ok(Secret::new(text.trim_end_matches(['\r', '\n'])))
}

/// Reads at most [`MAX_SECRET_BYTES`] as UTF-8 text; more, or bytes that are
/// not text, is a usage error that names `what`.
fn read_bounded(reader: impl Read, what: &str) -> Result<String, Failure> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_SECRET_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::usage(format!("cannot read {what}: {e}")))?;
    if bytes.len() as u64 > MAX_SECRET_BYTES {
        return Err(Failure::usage_with_hint(
            format!("{what} holds more than {} KiB", MAX_SECRET_BYTES / 1024),
            "give the value alone: a token, a secret or a code is a single line",
        ));
    }
    String::from_utf8(bytes).map_err(|_| {
        Failure::usage_with_hint(
            format!("{what} is not UTF-8 text"),
            "give the value as plain text",
        )
    })
}

/// The config file to read, and whether the user named it (then it must exist).
pub fn config_location(flags: &Flags) -> Result<(Option<PathBuf>, bool), Failure> {
    if let Some(path) = &flags.config {
        return Ok((Some(path.clone()), true));
    }
    match env_text("AUTH0_MFA_CONFIG")? {
        Some(path) if !path.is_empty() => Ok((Some(PathBuf::from(path)), true)),
        _ => Ok((config_file::default_path(), false)),
    }
}

/// `--profile`, else `AUTH0_MFA_PROFILE`.
fn named_profile(flags: &Flags) -> Result<Option<(String, Source)>, Failure> {
    if let Some(name) = &flags.profile {
        return Ok(Some((name.clone(), Source::Flag("--profile"))));
    }
    Ok(env_text("AUTH0_MFA_PROFILE")?
        .filter(|name| !name.is_empty())
        .map(|name| (name, Source::Env("AUTH0_MFA_PROFILE"))))
}

/// The named profile (which must exist), else the file's `default_profile`,
/// else a profile named `default` when there is one.
fn choose_profile(
    named: Option<(String, Source)>,
    file: &config_file::ConfigFile,
    path: Option<&Path>,
) -> Result<Option<(String, Source)>, Failure> {
    let shown_path = path
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "the config file".into());
    if let Some((name, source)) = named {
        if !file.profiles.contains_key(&name) {
            let known: Vec<&str> = file.profiles.keys().map(String::as_str).collect();
            let hint = if known.is_empty() {
                format!("{shown_path} has no profiles; add a [profiles.{name}] table")
            } else {
                format!("profiles in {shown_path}: {}", known.join(", "))
            };
            return Err(Failure::usage_with_hint(
                format!("no profile named '{name}' ({source})"),
                hint,
            ));
        }
        return Ok(Some((name, source)));
    }
    if let Some(name) = &file.default_profile {
        if !file.profiles.contains_key(name) {
            return Err(Failure::usage_with_hint(
                format!("default_profile = '{name}' names no profile in {shown_path}"),
                format!("add a [profiles.{name}] table or fix default_profile"),
            ));
        }
        return Ok(Some((name.clone(), Source::Default)));
    }
    Ok(file
        .profiles
        .contains_key("default")
        .then(|| ("default".to_owned(), Source::Default)))
}

fn check_profile_keys(profile: &str, table: &BTreeMap<String, toml::Value>) -> Result<(), Failure> {
    for name in table.keys() {
        let base = name.strip_suffix("_file").unwrap_or(name);
        let known = Key::ALL
            .iter()
            .any(|k| k.name() == base && (base == name || k.is_secret()));
        if !known {
            let names: Vec<&str> = Key::ALL.iter().map(|k| k.name()).collect();
            return Err(Failure::usage_with_hint(
                format!("unknown key '{name}' in profile {profile}"),
                format!(
                    "known keys: {} (secrets also as NAME_file)",
                    names.join(", ")
                ),
            ));
        }
    }
    Ok(())
}

/// `key = "value"`, or for secrets `key_file = "path"` holding the value.
fn profile_value(
    key: Key,
    table: &BTreeMap<String, toml::Value>,
    profile: &str,
    warnings: &mut Vec<String>,
) -> Result<Option<(Secret, Source)>, Failure> {
    let as_string = |name: &str, value: &toml::Value| {
        value.as_str().map(str::to_owned).ok_or_else(|| {
            Failure::usage(format!("`{name}` in profile {profile} must be a string"))
        })
    };
    if let Some(value) = table.get(key.name()) {
        let source = Source::Profile {
            name: profile.to_owned(),
            file_key: false,
        };
        return Ok(Some((Secret::new(as_string(key.name(), value)?), source)));
    }
    if !key.is_secret() {
        return Ok(None);
    }
    let file_key = format!("{}_file", key.name());
    let Some(path) = table.get(&file_key) else {
        return Ok(None);
    };
    let path = expand_home(&as_string(&file_key, path)?);
    warn_if_readable(&path, warnings);
    let value = read_secret_file(&path, &format!("(`{file_key}` in profile {profile})"))?;
    Ok(Some((
        value,
        Source::Profile {
            name: profile.to_owned(),
            file_key: true,
        },
    )))
}

pub fn expand_home(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), dirs::home_dir()) {
        (Some(rest), Some(home)) => home.join(rest),
        _ => PathBuf::from(path),
    }
}

/// One line of stdin, for a secret given as `-`: at most
/// [`MAX_SECRET_BYTES`], UTF-8, not empty.
pub fn read_stdin_line(what: &str, flag: &str) -> Result<Secret, Failure> {
    let text = read_bounded(std::io::stdin().lock(), &format!("stdin ({flag} -)"))?;
    let value = text.lines().next().unwrap_or("").trim_end_matches('\r');
    if value.is_empty() {
        return Err(Failure::usage(format!(
            "{flag} - reads {what} from stdin, but stdin was empty"
        )));
    }
    Ok(Secret::new(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_its_own_names() {
        for (i, a) in Key::ALL.iter().enumerate() {
            for b in &Key::ALL[i + 1..] {
                assert_ne!(a.name(), b.name());
                assert_ne!(a.info().env, b.info().env);
                assert_ne!(a.info().flag, b.info().flag);
            }
            assert!(a.info().env.starts_with("AUTH0_"), "{a:?}");
            assert!(a.info().flag.starts_with("--"), "{a:?}");
        }
    }

    #[test]
    fn bounded_reads_refuse_too_much_and_non_text() {
        let big = vec![b'a'; MAX_SECRET_BYTES as usize + 1];
        assert!(read_bounded(&big[..], "x").is_err());
        let exact = vec![b'a'; MAX_SECRET_BYTES as usize];
        assert_eq!(read_bounded(&exact[..], "x").unwrap().len(), exact.len());
        let err = read_bounded(&[0xff, 0xfe][..], "stdin").unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(err.to_string().contains("UTF-8"), "{err}");
    }
}
