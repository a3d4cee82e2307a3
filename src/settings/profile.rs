//! Which config file and which profile, and a profile's values.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::config_file;
use crate::error::Failure;
use crate::secret::Secret;

use super::read::{env_text, expand_home, read_secret_file};
use super::{Environment, Flags, Key, Source, warn_if_readable};

/// The config file to read, and whether the user named it (then it must exist).
pub fn config_location(
    flags: &Flags,
    environment: &Environment,
) -> Result<(Option<PathBuf>, bool), Failure> {
    if let Some(path) = &flags.config {
        return Ok((Some(path.clone()), true));
    }
    match env_text("AUTH0_MFA_CONFIG")? {
        Some(path) if !path.is_empty() => Ok((Some(PathBuf::from(path)), true)),
        _ => Ok((environment.config_file.clone(), false)),
    }
}

/// `--profile`, else `AUTH0_MFA_PROFILE`.
pub(super) fn named_profile(flags: &Flags) -> Result<Option<(String, Source)>, Failure> {
    if let Some(name) = &flags.profile {
        return Ok(Some((name.clone(), Source::Flag("--profile"))));
    }
    Ok(env_text("AUTH0_MFA_PROFILE")?
        .filter(|name| !name.is_empty())
        .map(|name| (name, Source::Env("AUTH0_MFA_PROFILE"))))
}

/// The named profile (which must exist), else the file's `default_profile`,
/// else a profile named `default` when there is one.
pub(super) fn choose_profile(
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

pub(super) fn check_profile_keys(
    profile: &str,
    table: &BTreeMap<String, toml::Value>,
) -> Result<(), Failure> {
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
pub(super) fn profile_value(
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
