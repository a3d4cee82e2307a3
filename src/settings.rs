//! Settings: flags > environment > config-file profile > defaults, one value per
//! key with the source it came from, for `config show` and for error messages.

use std::collections::BTreeMap;
use std::fmt;
use std::io::BufRead;
use std::path::PathBuf;
use std::time::Duration;

use clap::ArgMatches;
use clap::parser::ValueSource;

use crate::config_file;
use crate::domain::Domain;
use crate::error::Failure;
use crate::secret::Secret;

/// A setting users can give as a flag, an environment variable or a profile key.
#[derive(Debug)]
pub struct Key {
    /// The profile key, also the clap argument id.
    pub name: &'static str,
    pub flag: &'static str,
    pub env: &'static str,
    pub secret: bool,
    pub default: Option<&'static str>,
    /// What a missing value is called in error messages.
    pub what: &'static str,
}

const fn key(name: &'static str, flag: &'static str, env: &'static str, what: &'static str) -> Key {
    Key {
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
) -> Key {
    Key {
        secret: true,
        ..key(name, flag, env, what)
    }
}

pub const KEYS: &[Key] = &[
    key("domain", "--domain", "AUTH0_DOMAIN", "Auth0 domain"),
    key(
        "client_id",
        "--client-id",
        "AUTH0_CLIENT_ID",
        "application client id",
    ),
    secret(
        "client_secret",
        "--client-secret",
        "AUTH0_CLIENT_SECRET",
        "client secret",
    ),
    key("username", "--username", "AUTH0_USERNAME", "username"),
    secret("password", "--password", "AUTH0_PASSWORD", "password"),
    key("realm", "--realm", "AUTH0_REALM", "realm (connection)"),
    key("audience", "--audience", "AUTH0_AUDIENCE", "audience"),
    Key {
        default: Some("openid profile email"),
        ..key("scope", "--scope", "AUTH0_SCOPE", "scope")
    },
    secret("mfa_token", "--mfa-token", "AUTH0_MFA_TOKEN", "mfa_token"),
    secret(
        "otp_secret",
        "--otp-secret",
        "AUTH0_OTP_SECRET",
        "OTP secret",
    ),
    key("factor", "--factor", "AUTH0_MFA_FACTOR", "factor"),
    key(
        "client_assertion_key",
        "--client-assertion-key",
        "AUTH0_CLIENT_ASSERTION_KEY",
        "client assertion key",
    ),
    key(
        "client_assertion_alg",
        "--client-assertion-alg",
        "AUTH0_CLIENT_ASSERTION_ALG",
        "client assertion algorithm",
    ),
    key(
        "client_assertion_kid",
        "--client-assertion-kid",
        "AUTH0_CLIENT_ASSERTION_KID",
        "client assertion key id",
    ),
    key("cacert", "--cacert", "AUTH0_CACERT", "CA certificate file"),
];

pub fn key_named(name: &str) -> &'static Key {
    KEYS.iter()
        .find(|k| k.name == name)
        .unwrap_or_else(|| panic!("unknown setting key {name}"))
}

/// Where a value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Flag(&'static str),
    /// `--client-secret-file` and the like.
    FileFlag(String),
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
            Source::Flag(flag) => write!(f, "flag {flag}"),
            Source::FileFlag(flag) => write!(f, "flag {flag}"),
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
    pub key: &'static Key,
    pub value: Secret,
    pub source: Source,
}

impl Setting {
    /// For non-secret settings: the value itself.
    pub fn text(&self) -> &str {
        debug_assert!(!self.key.secret, "{} is a secret", self.key.name);
        self.value.expose()
    }

    /// The value as `config show` prints it: secrets masked.
    pub fn shown(&self) -> String {
        if self.key.secret {
            crate::secret::MASK.to_owned()
        } else {
            self.value.expose().to_owned()
        }
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
    /// Resolves every key from the parsed command line (which already holds
    /// the environment, through clap) and the config file.
    pub fn resolve(matches: &ArgMatches) -> Result<Settings, Failure> {
        Self::resolve_from(matches, true)
    }

    /// Flags, environment and defaults only, for `config init`, which writes
    /// the file rather than reads it.
    pub fn given(matches: &ArgMatches) -> Result<Settings, Failure> {
        Self::resolve_from(matches, false)
    }

    /// The profile named by `--profile` / `AUTH0_MFA_PROFILE`, or the one in use.
    pub fn profile_name(&self) -> Option<String> {
        self.profile.as_ref().map(|(name, _)| name.clone())
    }

    fn resolve_from(matches: &ArgMatches, read_file: bool) -> Result<Settings, Failure> {
        let matches = leaf(matches);
        let (config_path, explicit_config) = config_location(matches);
        let file = match (&config_path, read_file) {
            (Some(path), true) => config_file::load(path).map_err(|e| {
                Failure::usage_with_hint(
                    e,
                    "fix the file, or point --config / AUTH0_MFA_CONFIG elsewhere",
                )
            })?,
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
        // `config init` names the profile it writes: it need not exist yet.
        let profile = if read_file {
            choose_profile(matches, &file, config_path.as_ref())?
        } else {
            matches
                .get_one::<String>("profile")
                .map(|name| (name.clone(), Source::Flag("--profile")))
        };
        let profile_table = profile
            .as_ref()
            .and_then(|(name, _)| file.profiles.get(name));
        if let (Some((name, _)), Some(table)) = (&profile, profile_table) {
            check_profile_keys(name, table)?;
        }

        let profile_ctx = profile_table.zip(profile.as_ref().map(|(name, _)| name.as_str()));
        let (values, warnings) = collect(matches, profile_ctx, config_path.as_deref())?;

        Ok(Settings {
            config_found: config_path.as_ref().is_some_and(|p| p.exists()),
            config_path,
            profile,
            values,
            warnings,
            timeout: matches.get_one::<u64>("timeout").copied(),
        })
    }

    pub fn get(&self, name: &str) -> Option<&Setting> {
        self.values.iter().find(|s| s.key.name == name)
    }

    /// A value that must be there; the error names every way to give it.
    pub fn require(&self, name: &str) -> Result<&Setting, Failure> {
        self.get(name)
            .ok_or_else(|| missing(key_named(name), self.profile.as_ref().map(|p| p.0.as_str())))
    }

    pub fn domain(&self) -> Result<Domain, Failure> {
        let setting = self.require("domain")?;
        Domain::parse(setting.text()).map_err(|e| {
            Failure::usage_with_hint(
                format!("invalid domain from {}: {e}", setting.source),
                "give --domain / AUTH0_DOMAIN as tenant.us.auth0.com or https://login.example.com",
            )
        })
    }

    pub fn text(&self, name: &str) -> Option<String> {
        self.get(name).map(|s| s.value.expose().to_owned())
    }

    pub fn secret(&self, name: &str) -> Option<Secret> {
        self.get(name).map(|s| s.value.clone())
    }

    /// Per request: `--timeout`, else 30 s.
    pub fn request_timeout(&self) -> Duration {
        Duration::from_secs(self.timeout.unwrap_or(30))
    }
}

/// The usage error for a missing value: which flag, which variable, which profile key.
pub fn missing(key: &Key, profile: Option<&str>) -> Failure {
    let profile_part = match profile {
        Some(name) => format!(", or `{}` in profile {name}", key.name),
        None => format!(", or `{}` in a config profile", key.name),
    };
    Failure::usage_with_hint(
        format!("no {} given", key.what),
        format!("pass {} or set {}{profile_part}", key.flag, key.env),
    )
}

fn leaf(matches: &ArgMatches) -> &ArgMatches {
    let mut current = matches;
    while let Some((_, sub)) = current.subcommand() {
        current = sub;
    }
    current
}

type Profile<'a> = (&'a BTreeMap<String, toml::Value>, &'a str);

/// Every key's value by precedence (command line and environment, then the
/// profile, then the default), with `-` read from stdin, and warnings about
/// files that hold a secret and that others can read.
fn collect(
    matches: &ArgMatches,
    profile: Option<Profile<'_>>,
    config_path: Option<&std::path::Path>,
) -> Result<(Vec<Setting>, Vec<String>), Failure> {
    let mut warnings = Vec::new();
    let mut values = Vec::new();
    let mut stdin_taken: Option<&'static str> = None;
    for key in KEYS {
        let found = match (cli_value(matches, key, &mut warnings)?, profile) {
            (Some(found), _) => Some(found),
            (None, Some((table, name))) => profile_value(key, table, name, &mut warnings)?,
            (None, None) => None,
        };
        let found = found.or_else(|| key.default.map(|d| (Secret::new(d), Source::Default)));
        let Some((mut value, mut source)) = found else {
            continue;
        };
        if key.secret && value.expose() == "-" {
            if let Some(other) = stdin_taken {
                return Err(Failure::usage(format!(
                    "only one setting can be read from stdin ('-'): both {other} and {} ask for it",
                    key.flag
                )));
            }
            stdin_taken = Some(key.flag);
            value = read_stdin_line(key.what, key.flag)?;
            source = Source::Stdin;
        }
        let in_config = matches!(
            source,
            Source::Profile {
                file_key: false,
                ..
            }
        );
        if key.secret
            && in_config
            && let Some(path) = config_path
        {
            warn_if_readable(path, &mut warnings);
        }
        values.push(Setting { key, value, source });
    }
    Ok((values, warnings))
}

/// Like ssh: a file that holds a secret must not be readable by others.
fn warn_if_readable(path: &std::path::Path, warnings: &mut Vec<String>) {
    if let Some(warning) = config_file::permission_warning(path)
        && !warnings.contains(&warning)
    {
        warnings.push(warning);
    }
}

/// From the command line or, through clap, the environment. A key this
/// subcommand has no flag for (`config show`'s username, say) still takes
/// its environment variable, so flag > environment > profile holds everywhere.
fn cli_value(
    matches: &ArgMatches,
    key: &'static Key,
    warnings: &mut Vec<String>,
) -> Result<Option<(Secret, Source)>, Failure> {
    // `--client-secret-file` and the like: the flag names a file holding the value.
    let file_arg = format!("{}_file", key.name);
    if let Some(path) = matches.try_get_one::<PathBuf>(&file_arg).ok().flatten() {
        if matches.value_source(key.name) == Some(ValueSource::CommandLine) {
            return Err(Failure::usage(format!(
                "give {} or --{}, not both",
                key.flag,
                file_arg.replace('_', "-")
            )));
        }
        let content = std::fs::read_to_string(path).map_err(|e| {
            Failure::usage(format!(
                "cannot read {} (--{}): {e}",
                path.display(),
                file_arg.replace('_', "-")
            ))
        })?;
        if key.secret {
            warn_if_readable(path, warnings);
        }
        let value = content.trim_end_matches(['\r', '\n']);
        let flag = format!("--{}", file_arg.replace('_', "-"));
        return Ok(Some((Secret::new(value), Source::FileFlag(flag))));
    }
    let value = match matches.try_get_one::<String>(key.name) {
        Ok(Some(value)) => value,
        Ok(None) => return Ok(None),
        Err(_) => {
            let from_env = std::env::var(key.env).ok().filter(|v| !v.is_empty());
            return Ok(from_env.map(|v| (Secret::new(v), Source::Env(key.env))));
        }
    };
    let source = match matches.value_source(key.name) {
        Some(ValueSource::EnvVariable) => Source::Env(key.env),
        Some(ValueSource::DefaultValue) => Source::Default,
        _ => Source::Flag(key.flag),
    };
    Ok(Some((Secret::new(value.clone()), source)))
}

/// The config file to read, and whether the user named it (then it must exist).
pub fn config_location(matches: &ArgMatches) -> (Option<PathBuf>, bool) {
    match leaf(matches).get_one::<PathBuf>("config") {
        Some(path) => (Some(path.clone()), true),
        None => (config_file::default_path(), false),
    }
}

/// `--profile` / `AUTH0_MFA_PROFILE`, else the file's `default_profile`, else a
/// profile named `default` when there is one.
fn choose_profile(
    matches: &ArgMatches,
    file: &config_file::ConfigFile,
    path: Option<&PathBuf>,
) -> Result<Option<(String, Source)>, Failure> {
    let shown_path = path
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "the config file".into());
    if let Some(name) = matches.get_one::<String>("profile") {
        let source = match matches.value_source("profile") {
            Some(ValueSource::EnvVariable) => Source::Env("AUTH0_MFA_PROFILE"),
            _ => Source::Flag("--profile"),
        };
        if !file.profiles.contains_key(name) {
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
        return Ok(Some((name.clone(), source)));
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
        let known = KEYS
            .iter()
            .any(|k| k.name == base && (base == name || k.secret));
        if !known {
            let names: Vec<&str> = KEYS.iter().map(|k| k.name).collect();
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
    key: &'static Key,
    table: &BTreeMap<String, toml::Value>,
    profile: &str,
    warnings: &mut Vec<String>,
) -> Result<Option<(Secret, Source)>, Failure> {
    let as_string = |name: &str, value: &toml::Value| {
        value.as_str().map(str::to_owned).ok_or_else(|| {
            Failure::usage(format!("`{name}` in profile {profile} must be a string"))
        })
    };
    if let Some(value) = table.get(key.name) {
        let source = Source::Profile {
            name: profile.to_owned(),
            file_key: false,
        };
        return Ok(Some((Secret::new(as_string(key.name, value)?), source)));
    }
    if !key.secret {
        return Ok(None);
    }
    let file_key = format!("{}_file", key.name);
    let Some(path) = table.get(&file_key) else {
        return Ok(None);
    };
    let path = expand_home(&as_string(&file_key, path)?);
    warn_if_readable(&path, warnings);
    let content = std::fs::read_to_string(&path).map_err(|e| {
        Failure::usage(format!(
            "cannot read {} (`{file_key}` in profile {profile}): {e}",
            path.display()
        ))
    })?;
    Ok(Some((
        Secret::new(content.trim_end_matches(['\r', '\n'])),
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

/// One line of stdin, for a secret given as `-`.
pub fn read_stdin_line(what: &str, flag: &str) -> Result<Secret, Failure> {
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    let value = line.trim_end_matches(['\r', '\n']);
    if value.is_empty() {
        return Err(Failure::usage(format!(
            "{flag} - reads {what} from stdin, but stdin was empty"
        )));
    }
    Ok(Secret::new(value))
}
