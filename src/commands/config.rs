//! `config init`, `config show` and `config path`.

use std::path::Path;

use crate::cli::ConfigAction;
use crate::error::Failure;
use crate::files;
use crate::output::{Output, Report};
use crate::prompt::{Ask, Prompter, TerminalPrompter};
use crate::settings::{self, Flags, Key, Settings};

pub fn run(
    action: &ConfigAction,
    flags: &Flags,
    no_input: bool,
    out: &Output,
) -> Result<(), Failure> {
    match action {
        ConfigAction::Init => init(flags, no_input, out),
        ConfigAction::Show => {
            let settings = super::settings(flags, out)?;
            out.result(Report::Settings(&settings))?;
            Ok(())
        }
        ConfigAction::Path => {
            let path = config_path(flags)?;
            out.result(Report::ConfigPath {
                exists: path.exists(),
                path: &path,
            })?;
            Ok(())
        }
    }
}

fn config_path(flags: &Flags) -> Result<std::path::PathBuf, Failure> {
    settings::config_location(flags)?.0.ok_or_else(|| {
        Failure::usage_with_hint(
            "this system has no config directory",
            "pass --config FILE or set AUTH0_MFA_CONFIG",
        )
    })
}

/// Writes (or replaces) one profile, keeping the rest of the file. Values
/// given as flags or environment variables are taken as they are; the rest are
/// asked for on a terminal.
fn init(flags: &Flags, no_input: bool, out: &Output) -> Result<(), Failure> {
    let path = config_path(flags)?;
    let mut table: toml::Table = match std::fs::read_to_string(&path) {
        Ok(text) => toml::from_str(&text).map_err(|e| {
            Failure::usage_with_hint(
                format!(
                    "the config file {} is not valid: {}",
                    path.display(),
                    e.message()
                ),
                "fix or move it away, then run `auth0-mfa config init` again",
            )
        })?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => toml::Table::new(),
        Err(e) => return Err(e.into()),
    };
    let given = Settings::given(flags)?;
    let profile = given.profile_name().unwrap_or_else(|| "default".to_owned());
    let mut prompter = TerminalPrompter::new(no_input);
    let mut ask_text =
        |key: Key, prompt: &str, required: bool| -> Result<Option<String>, Failure> {
            if let Some(value) = given.text(key) {
                return Ok(Some(value));
            }
            if !required && !prompter.can_prompt() {
                return Ok(None);
            }
            let k = key.info();
            let how = format!("pass {} or set {}", k.flag, k.env);
            let value = prompter.text(&Ask {
                prompt,
                what: k.what,
                how: &how,
            })?;
            Ok((!value.trim().is_empty()).then(|| value.trim().to_owned()))
        };
    let domain = ask_text(Key::Domain, "Tenant domain (tenant.us.auth0.com)", true)?;
    if let Some(domain) = &domain {
        crate::domain::Domain::parse(domain).map_err(|e| {
            Failure::usage_with_hint(e, "give the tenant's domain, e.g. tenant.us.auth0.com")
        })?;
    }
    let client_id = ask_text(Key::ClientId, "Application client id", true)?;
    let username = ask_text(Key::Username, "Username for logins (optional)", false)?;
    let client_secret = match given.secret(Key::ClientSecret) {
        Some(secret) => Some(secret),
        None if prompter.can_prompt() => Some(prompter.secret_or_empty(&Ask {
            prompt: "Client secret (empty for a public application)",
            what: "the client secret",
            how: "pass --client-secret-file FILE or set AUTH0_CLIENT_SECRET",
        })?)
        .filter(|s| !s.is_empty()),
        None => None,
    };

    let mut entry = toml::Table::new();
    for (key, value) in [
        ("domain", domain),
        ("client_id", client_id),
        ("username", username),
    ] {
        if let Some(value) = value {
            entry.insert(key.into(), toml::Value::String(value));
        }
    }
    if let Some(secret) = &client_secret {
        entry.insert(
            "client_secret".into(),
            toml::Value::String(secret.expose().to_owned()),
        );
    }
    for key in [
        Key::Audience,
        Key::Scope,
        Key::Realm,
        Key::Factor,
        Key::ClientAssertionKey,
        Key::Cacert,
    ] {
        if let Some(value) = given.text(key) {
            entry.insert(key.name().into(), toml::Value::String(value));
        }
    }
    let profiles = table
        .entry("profiles")
        .or_insert_with(|| toml::Value::Table(toml::Table::new()));
    let Some(profiles) = profiles.as_table_mut() else {
        return Err(Failure::usage(format!(
            "`profiles` in {} is not a table",
            path.display()
        )));
    };
    profiles.insert(profile.clone(), toml::Value::Table(entry));
    table
        .entry("default_profile")
        .or_insert_with(|| toml::Value::String(profile.clone()));
    let text = toml::to_string_pretty(&table).map_err(|e| Failure::Unexpected(e.into()))?;
    write_private(&path, &text)?;
    out.progress(&format!("wrote profile {profile} to {}", path.display()));
    out.result(Report::ConfigPath {
        exists: true,
        path: &path,
    })?;
    Ok(())
}

/// The file may hold a secret: mode 0600 from the start, in a 0700
/// directory, replaced whole.
fn write_private(path: &Path, text: &str) -> Result<(), Failure> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        files::create_private_dir(dir)?;
    }
    // A config file that is a link (dotfiles kept in a repository) stays
    // one: its target is what gets replaced.
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    files::write_private(&target, text.as_bytes(), files::Existing::Replace)?;
    Ok(())
}
