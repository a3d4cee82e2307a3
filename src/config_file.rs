//! The config file: where it lives, its TOML shape (`default_profile` and
//! `[profiles.NAME]` tables), and the warning for one that others can read.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    pub default_profile: Option<String>,
    #[serde(default)]
    pub profiles: BTreeMap<String, BTreeMap<String, toml::Value>>,
}

/// The platform's place for it: `$XDG_CONFIG_HOME/auth0-mfa/config.toml` on Linux.
pub fn default_path() -> Option<PathBuf> {
    dirs::config_dir().map(|dir| dir.join("auth0-mfa").join("config.toml"))
}

/// Reads the file; `Ok(None)` when it does not exist.
pub fn load(path: &Path) -> Result<Option<ConfigFile>, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(format!(
                "cannot read the config file {}: {e}",
                path.display()
            ));
        }
    };
    toml::from_str(&text).map(Some).map_err(|e| {
        format!(
            "the config file {} is not valid: {}",
            path.display(),
            e.message()
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
    fn unknown_top_level_keys_are_refused() {
        assert!(toml::from_str::<ConfigFile>("defualt_profile = 'x'").is_err());
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// Whatever the file holds, loading it gives profiles or a message.
            #[test]
            fn any_file_loads_or_is_refused(text in prop_oneof![
                "(default_profile = \"[a-z]{0,5}\"\n)?(\\[profiles\\.[a-z]{1,5}\\]\n([a-z_]{1,12} = (\"[ -~]{0,10}\"|[0-9]{1,20}|true|\\[\\]|\\{\\})\n){0,4}){0,3}",
                "\\PC{0,80}",
            ]) {
                let dir = tempfile::tempdir().unwrap();
                let path = dir.path().join("config.toml");
                std::fs::write(&path, &text).unwrap();
                let _ = load(&path);
            }
        }
    }
}
