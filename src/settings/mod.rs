//! Settings: flags > environment > config-file profile > defaults, one value per
//! key with the source it came from, for `config show` and for error messages.
//!
//! Two layers, as in ripgrep: the low one is what each place gave ([`Flags`]
//! from the parsed command line, the environment, the profile: every key
//! resolved into a [`Setting`] with its [`Source`]), and the high one is what
//! the values mean (`typed`: a `Domain`, a `Factor`, how the application
//! authenticates, durations, the store policy), parsed once with the error
//! naming where the value came from. The environment and the profile are read
//! here, the same way for every command, so a key a command has no flag for
//! still takes its variable; the variables that are no key (the store policy,
//! CI marks) are read once, in [`Environment`]. Nothing below the commands
//! sees a [`Key`] or [`Settings`]: they are handed typed parts.

mod environment;
mod flags;
mod keys;
mod profile;
mod read;
mod typed;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::config_file;
use crate::error::Failure;
use crate::secret::Secret;

pub use environment::{EXEC_GUARD, Environment};
pub use flags::Flags;
use flags::Given;
pub use keys::{Key, KeyInfo, secret_variables};
pub use profile::config_location;
use profile::{check_profile_keys, choose_profile, named_profile, profile_value};
pub use read::{MAX_SECRET_BYTES, cleaned_flag, expand_home, read_secret_file, read_stdin_line};
use read::{cleaned, env_text};
pub use typed::{
    AssertionKeyFile, ClientAuthentication, Connection, LoginSettings, OtpSecret, Sourced,
    TransportSettings,
};

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

/// Everything the commands need to know about where values came from.
#[derive(Debug)]
pub struct Settings {
    pub config_path: Option<PathBuf>,
    pub config_found: bool,
    pub profile: Option<(String, Source)>,
    pub values: Vec<Setting>,
    pub warnings: Vec<String>,
    timeout: Option<u64>,
    environment: Environment,
}

impl Settings {
    /// Resolves every key from the flags, the environment and the config file.
    pub fn resolve(flags: &Flags, environment: &Environment) -> Result<Settings, Failure> {
        Self::resolve_from(flags, environment, true)
    }

    /// Flags, environment and defaults only, for `config init`, which writes
    /// the file rather than reads it.
    pub fn given(flags: &Flags, environment: &Environment) -> Result<Settings, Failure> {
        Self::resolve_from(flags, environment, false)
    }

    /// The profile named by `--profile` / `AUTH0_MFA_PROFILE`, or the one in use.
    pub fn profile_name(&self) -> Option<String> {
        self.profile.as_ref().map(|(name, _)| name.clone())
    }

    /// Just these values: no config file, no profile, an empty environment.
    pub fn of(values: Vec<Setting>) -> Settings {
        Settings {
            config_path: None,
            config_found: false,
            profile: None,
            values,
            warnings: Vec::new(),
            timeout: None,
            environment: Environment::default(),
        }
    }

    fn profile_name_ref(&self) -> Option<&str> {
        self.profile.as_ref().map(|(name, _)| name.as_str())
    }

    /// What the environment says beyond the keys (`config show` describes the store from it).
    pub fn environment(&self) -> &Environment {
        &self.environment
    }

    fn resolve_from(
        flags: &Flags,
        environment: &Environment,
        read_file: bool,
    ) -> Result<Settings, Failure> {
        let (config_path, explicit_config) = config_location(flags, environment)?;
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
            environment: environment.clone(),
        })
    }

    pub fn get(&self, key: Key) -> Option<&Setting> {
        self.values.iter().find(|s| s.key == key)
    }

    /// A value that must be there; the error names every way to give it.
    pub fn require(&self, key: Key) -> Result<&Setting, Failure> {
        self.get(key)
            .ok_or_else(|| missing(key, self.profile_name_ref()))
    }

    pub fn text(&self, key: Key) -> Option<String> {
        self.get(key).map(|s| s.value.expose().to_owned())
    }

    pub fn secret(&self, key: Key) -> Option<Secret> {
        self.get(key).map(|s| s.value.clone())
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
