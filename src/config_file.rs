//! The config file: where it lives, its TOML shape (`default_profile` and
//! `[profiles.NAME]` tables), and the warning for one that others can read.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::Failure;
use crate::files::{self, Privacy};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    pub default_profile: Option<String>,
    #[serde(default)]
    pub profiles: BTreeMap<String, BTreeMap<String, toml::Value>>,
}

/// Where the file is when `--config` does not say, given `XDG_CONFIG_HOME`
/// (read by `settings::Environment`): `$XDG_CONFIG_HOME/auth0-mfa/config.toml`,
/// else `~/.config/auth0-mfa/config.toml`, on macOS as on Linux (as gh and xh do,
/// rather than `dirs`' `~/Library/Application Support`, which macOS still reads
/// while the new place has no file); `%APPDATA%\auth0-mfa\config.toml` on Windows.
pub fn default_path(xdg_config_home: Option<std::ffi::OsString>) -> Option<PathBuf> {
    if cfg!(windows) {
        return dirs::config_dir().map(|dir| dir.join(APP).join(FILE));
    }
    let legacy = if cfg!(target_os = "macos") {
        dirs::config_dir().map(|dir| dir.join(APP).join(FILE))
    } else {
        None
    };
    xdg_path(xdg_config_home, dirs::home_dir(), legacy, |path| {
        path.is_file()
    })
}

const APP: &str = "auth0-mfa";
const FILE: &str = "config.toml";

/// The XDG rule: `$XDG_CONFIG_HOME` when it is set to an absolute path (the
/// spec says to ignore a relative one), else `~/.config`. A file at `legacy`
/// is used only while the XDG place has none, so that moving it is the
/// user's choice.
fn xdg_path(
    xdg_config_home: Option<std::ffi::OsString>,
    home: Option<PathBuf>,
    legacy: Option<PathBuf>,
    is_file: impl Fn(&Path) -> bool,
) -> Option<PathBuf> {
    let base = xdg_config_home
        .map(PathBuf::from)
        .filter(|dir| dir.is_absolute())
        .or_else(|| home.map(|home| home.join(".config")))?;
    let path = base.join(APP).join(FILE);
    match legacy {
        Some(old) if !is_file(&path) && is_file(&old) => Some(old),
        _ => Some(path),
    }
}

/// Reads the file; `Ok(None)` when it does not exist. A file someone else
/// owns or can write is refused: it names the tenant that gets the password.
/// So is the default place's directory, where such a file could be planted.
pub fn load(path: &Path, default_place: bool) -> Result<Option<ConfigFile>, Failure> {
    let cannot_read = |e: std::io::Error| {
        Failure::usage_with_hint(
            format!("cannot read the config file {}: {e}", path.display()),
            "fix the file, or point --config / AUTH0_MFA_CONFIG elsewhere",
        )
    };
    if default_place && let Some(dir) = path.parent() {
        files::check_private_dir(dir).map_err(|e| match files::untrusted(&e) {
            Some(untrusted) => untrusted.failure("the config directory"),
            None => cannot_read(e),
        })?;
    }
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(cannot_read(e)),
    };
    let meta = std::fs::metadata(path).map_err(cannot_read)?;
    files::check_owned(path, &meta, Privacy::NoOneElseWrites)
        .map_err(|untrusted| untrusted.failure("the config file"))?;
    toml::from_str(&text).map(Some).map_err(|e| {
        Failure::usage_with_hint(
            format!(
                "the config file {} is not valid: {}",
                path.display(),
                e.message()
            ),
            "fix the file, or point --config / AUTH0_MFA_CONFIG elsewhere",
        )
    })
}

/// Like ssh: a file that holds a secret must not be readable by group or others.
#[cfg(unix)]
pub fn permission_warning(path: &Path) -> Option<String> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path).ok()?.permissions().mode();
    (mode & 0o077 != 0).then(|| {
        format!(
            "{} holds a secret and is readable by others (mode {:o}): run `chmod 600 {}`",
            path.display(),
            mode & 0o777,
            path.display()
        )
    })
}

#[cfg(not(unix))]
pub fn permission_warning(_path: &Path) -> Option<String> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profiles_parse() {
        let file: ConfigFile = toml::from_str(
            r#"
            default_profile = "dev"
            [profiles.dev]
            domain = "dev.us.auth0.com"
            client_id = "abc"
            "#,
        )
        .unwrap();
        assert_eq!(file.default_profile.as_deref(), Some("dev"));
        assert_eq!(
            file.profiles["dev"]["domain"].as_str(),
            Some("dev.us.auth0.com")
        );
    }

    #[test]
    fn the_xdg_directory_wins_when_set_to_an_absolute_path() {
        let home = Some(PathBuf::from("/home/u"));
        let never = |_: &Path| false;
        assert_eq!(
            xdg_path(Some("/x/conf".into()), home.clone(), None, never),
            Some(PathBuf::from("/x/conf/auth0-mfa/config.toml"))
        );
        for ignored in ["", "relative/conf"] {
            assert_eq!(
                xdg_path(Some(ignored.into()), home.clone(), None, never),
                Some(PathBuf::from("/home/u/.config/auth0-mfa/config.toml")),
                "{ignored:?}"
            );
        }
        assert_eq!(
            xdg_path(None, home, None, never),
            Some(PathBuf::from("/home/u/.config/auth0-mfa/config.toml"))
        );
        assert_eq!(xdg_path(None, None, None, never), None);
    }

    #[test]
    fn the_old_macos_place_is_read_only_while_the_new_one_has_no_file() {
        let home = Some(PathBuf::from("/Users/u"));
        let new = PathBuf::from("/Users/u/.config/auth0-mfa/config.toml");
        let old = PathBuf::from("/Users/u/Library/Application Support/auth0-mfa/config.toml");
        let legacy = Some(old.clone());
        let only_old = |p: &Path| p == old;
        let both = |_: &Path| true;
        let neither = |_: &Path| false;
        assert_eq!(
            xdg_path(None, home.clone(), legacy.clone(), only_old),
            Some(old.clone())
        );
        assert_eq!(
            xdg_path(None, home.clone(), legacy.clone(), both),
            Some(new.clone())
        );
        // With no file anywhere, `config init` writes the new place.
        assert_eq!(xdg_path(None, home, legacy, neither), Some(new));
    }

    #[test]
    fn unknown_top_level_keys_are_refused() {
        assert!(toml::from_str::<ConfigFile>("defualt_profile = 'x'").is_err());
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// A file written from profiles loads back as those profiles.
            #[test]
            fn what_is_written_loads_back_the_same(
                default in proptest::option::of("[a-z]{1,5}"),
                profiles in proptest::collection::btree_map(
                    "[a-z]{1,5}",
                    proptest::collection::btree_map("[a-z_]{1,12}", "\\PC{0,12}", 0..4),
                    0..3,
                ),
            ) {
                let mut text = String::new();
                if let Some(name) = &default {
                    text.push_str(&format!("default_profile = {}\n", toml::Value::from(name.as_str())));
                }
                for (name, keys) in &profiles {
                    text.push_str(&format!("[profiles.{name}]\n"));
                    for (key, value) in keys {
                        text.push_str(&format!("{key} = {}\n", toml::Value::from(value.as_str())));
                    }
                }
                let dir = tempfile::tempdir().unwrap();
                let path = dir.path().join("config.toml");
                std::fs::write(&path, &text).unwrap();
                let file = load(&path, false).unwrap().unwrap();
                prop_assert_eq!(file.default_profile, default);
                let loaded: BTreeMap<String, BTreeMap<String, String>> = file
                    .profiles
                    .into_iter()
                    .map(|(name, keys)| {
                        let keys = keys
                            .into_iter()
                            .map(|(k, v)| (k, v.as_str().unwrap_or("not a string").to_owned()))
                            .collect();
                        (name, keys)
                    })
                    .collect();
                prop_assert_eq!(loaded, profiles);
            }

            /// Whatever the file holds, it loads only if it is TOML of the
            /// config's shape; a refusal names the file.
            #[test]
            fn only_a_config_shaped_toml_file_loads(text in prop_oneof![
                "(default_profile = \"[a-z]{0,5}\"\n)?(\\[profiles\\.[a-z]{1,5}\\]\n([a-z_]{1,12} = (\"[ -~]{0,10}\"|[0-9]{1,20}|true|\\[\\]|\\{\\})\n){0,4}){0,3}",
                "\\PC{0,80}",
            ]) {
                let dir = tempfile::tempdir().unwrap();
                let path = dir.path().join("config.toml");
                std::fs::write(&path, &text).unwrap();
                match load(&path, false) {
                    Ok(loaded) => {
                        prop_assert!(loaded.is_some());
                        prop_assert!(toml::from_str::<toml::Table>(&text).is_ok());
                    }
                    Err(failure) => {
                        let message = failure.to_string();
                        prop_assert!(message.contains(&path.display().to_string()), "{}", message);
                    }
                }
            }
        }
    }
}
