//! `config show`'s rows: the resolved settings as plain text, built where the
//! settings are known, so that rendering them needs nothing of `settings`.

use std::path::PathBuf;

/// What `config show` prints: the file, the profile, the session store and
/// every resolved value with where it came from.
#[derive(Debug)]
pub struct SettingsView {
    pub config_file: Option<PathBuf>,
    pub config_file_exists: bool,
    /// The profile's name and what chose it.
    pub profile: Option<(String, String)>,
    /// Where sessions are kept, in words.
    pub session_store: String,
    pub rows: Vec<SettingRow>,
}

/// One resolved value as shown: a secret already masked.
#[derive(Debug)]
pub struct SettingRow {
    pub key: &'static str,
    pub value: String,
    pub source: String,
}
