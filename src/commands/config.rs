//! `config init`, `config show` and `config path`.

use std::collections::BTreeMap;
use std::path::Path;

use toml_edit::{DocumentMut, Item, Table, value};

use crate::cli::ConfigAction;
use crate::error::Failure;
use crate::files;
use crate::output::{Output, Report, SettingRow, SettingsView};
use crate::prompt::{Ask, Prompter, TerminalPrompter};
use crate::secret::Secret;
use crate::settings::{self, Environment, Flags, Key, Settings, Source};

pub fn run(
    action: &ConfigAction,
    flags: &Flags,
    environment: &Environment,
    no_input: bool,
    out: &Output,
) -> Result<(), Failure> {
    match action {
        ConfigAction::Init => init(flags, environment, no_input, out),
        ConfigAction::Show => {
            let settings = super::context::resolve(flags, environment, out)?;
            out.result(Report::Settings(&view(&settings)))?;
            Ok(())
        }
        ConfigAction::Path => {
            let path = config_path(flags, environment)?;
            out.result(Report::ConfigPath {
                exists: path.exists(),
                path: &path,
            })?;
            Ok(())
        }
    }
}

/// The resolved settings as `config show` prints them, secrets masked.
fn view(settings: &Settings) -> SettingsView {
    use crate::sessions::{Choice, describe_store};
    let environment = settings.environment();
    let store = (environment.store()).unwrap_or_else(|_| environment.store_of(Choice::Auto));
    SettingsView {
        config_file: settings.config_path.clone(),
        config_file_exists: settings.config_found,
        profile: (settings.profile.as_ref())
            .map(|(name, source)| (name.clone(), source.to_string())),
        session_store: describe_store(&store),
        rows: (settings.values.iter())
            .map(|setting| SettingRow {
                key: setting.key.name(),
                value: setting.shown(),
                source: setting.source.to_string(),
            })
            .collect(),
    }
}

fn config_path(flags: &Flags, environment: &Environment) -> Result<std::path::PathBuf, Failure> {
    settings::config_location(flags, environment)?
        .0
        .ok_or_else(|| {
            Failure::usage_with_hint(
                "this system has no config directory",
                "pass --config FILE or set AUTH0_MFA_CONFIG",
            )
        })
}

/// Writes one profile into the config file as it stands: its comments, key
/// order and other profiles stay, only the keys whose value changes are
/// written, and a file that would not change is left alone. Values given as
/// flags or environment variables are taken as they are (defaults are not
/// written out); the rest are asked for on a terminal, where Enter keeps the
/// profile's current value or skips an optional question.
fn init(
    flags: &Flags,
    environment: &Environment,
    no_input: bool,
    out: &Output,
) -> Result<(), Failure> {
    let path = config_path(flags, environment)?;
    let mut document = read_document(&path)?;
    let given = Settings::given(flags, environment)?;
    let profile = given.profile_name().unwrap_or_else(|| "default".to_owned());
    let current = current_profile(&document, &profile, &path)?;
    let mut prompter = TerminalPrompter::new(no_input);
    let answers = answers(&given, &current, &mut prompter)?;
    for key in WRITTEN.iter().filter(|key| key.is_secret()) {
        if let Some(setting) = given.get(*key)
            && matches!(setting.source, Source::Env(_))
            && !answers.iter().any(|answer| answer.key == *key)
        {
            let info = key.info();
            out.warn(&format!(
                "{} is not written to the config file ({}): pass {}-file FILE to keep a reference to a file, or {} to write it",
                info.what, setting.source, info.flag, info.flag
            ));
        }
    }
    let written = write_profile(&mut document, &profile, &answers);
    if written.is_empty() {
        out.progress(&format!(
            "profile {profile} in {} already holds these values; left as it is",
            path.display()
        ));
    } else {
        write_private(&path, &document.to_string())?;
        out.progress(&format!(
            "wrote {} to profile {profile} in {}",
            written.join(", "),
            path.display()
        ));
    }
    out.result(Report::ConfigPath {
        exists: true,
        path: &path,
    })?;
    Ok(())
}

/// The file as an editable document; a missing file is an empty one.
fn read_document(path: &Path) -> Result<DocumentMut, Failure> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e.into()),
    };
    text.parse().map_err(|e: toml_edit::TomlError| {
        Failure::usage_with_hint(
            format!(
                "the config file {} is not valid: {}",
                path.display(),
                e.message()
            ),
            "fix or move it away, then run `auth0-mfa config init` again",
        )
    })
}

/// The profile's current string values, by key (`client_secret_file` and the
/// like under their own names).
fn current_profile(
    document: &DocumentMut,
    profile: &str,
    path: &Path,
) -> Result<BTreeMap<String, String>, Failure> {
    let not_a_table =
        |what: &str| Failure::usage(format!("`{what}` in {} is not a table", path.display()));
    let Some(profiles) = document.get("profiles") else {
        return Ok(BTreeMap::new());
    };
    let profiles = profiles
        .as_table_like()
        .ok_or_else(|| not_a_table("profiles"))?;
    let Some(entry) = profiles.get(profile) else {
        return Ok(BTreeMap::new());
    };
    let entry = entry
        .as_table_like()
        .ok_or_else(|| not_a_table(&format!("profiles.{profile}")))?;
    Ok(entry
        .iter()
        .filter_map(|(key, item)| Some((key.to_owned(), item.as_str()?.to_owned())))
        .collect())
}

/// The keys `config init` writes when they are given; the first four are
/// also asked for.
const WRITTEN: [Key; 10] = [
    Key::Domain,
    Key::ClientId,
    Key::ClientSecret,
    Key::Username,
    Key::Audience,
    Key::Scope,
    Key::Realm,
    Key::Factor,
    Key::ClientAssertionKey,
    Key::Cacert,
];

/// What to write: every key the flags or the environment give (not the
/// defaults), then answers to the questions the profile and they leave open.
fn answers(
    given: &Settings,
    current: &BTreeMap<String, String>,
    prompter: &mut dyn Prompter,
) -> Result<Vec<Answer>, Failure> {
    let mut answers = given_values(given);
    let from_file: Vec<Key> = answers
        .iter()
        .filter(|(key, _)| {
            given
                .get(*key)
                .is_some_and(|s| matches!(s.source, Source::FileFlag { .. }))
        })
        .map(|(key, _)| *key)
        .collect();
    ask_what_is_open(&mut answers, current, prompter)?;
    if let Some((_, domain)) = answers.iter().find(|(k, _)| *k == Key::Domain) {
        crate::domain::Domain::parse(domain.expose()).map_err(|e| {
            Failure::usage_with_hint(e, "give the tenant's domain, e.g. tenant.us.auth0.com")
        })?;
    }
    if !has(&answers, Key::ClientSecret)
        && prompter.can_prompt()
        && let Some(secret) = ask_client_secret(current, prompter)?
    {
        answers.push((Key::ClientSecret, secret));
    }
    Ok(answers
        .into_iter()
        .map(|(key, value)| Answer {
            file: from_file.contains(&key),
            key,
            value,
        })
        .collect())
}

fn has(answers: &[(Key, Secret)], key: Key) -> bool {
    answers.iter().any(|(k, _)| *k == key)
}

/// The values the flags and the environment give, as the profile would hold
/// them.
fn given_values(given: &Settings) -> Vec<(Key, Secret)> {
    WRITTEN
        .iter()
        .chain(&[Key::ClientAssertionAlg, Key::ClientAssertionKid])
        .filter_map(|&key| {
            let setting = given.get(key)?;
            match &setting.source {
                Source::Default => None,
                // A secret in the environment was put there for this run (a
                // CI step's secret): it is written only when asked for by
                // flag, and then preferably as a file.
                Source::Env(_) if key.is_secret() => None,
                // A secret given as a file stays in its file: the profile
                // names the file (`client_secret_file`), never copies it.
                Source::FileFlag { path, .. } => {
                    Some((key, Secret::new(path.display().to_string())))
                }
                _ => Some((key, setting.value.clone())),
            }
        })
        .collect()
}

/// Asks for the domain, the client id and the username where nothing gave
/// them; Enter keeps the profile's value or skips an optional one. Without a
/// terminal only a required value the profile lacks is an error.
fn ask_what_is_open(
    answers: &mut Vec<(Key, Secret)>,
    current: &BTreeMap<String, String>,
    prompter: &mut dyn Prompter,
) -> Result<(), Failure> {
    for (key, prompt, optional) in [
        (Key::Domain, "Tenant domain (tenant.us.auth0.com)", false),
        (Key::ClientId, "Application client id", false),
        (Key::Username, "Username for logins (Enter to skip)", true),
    ] {
        if has(answers, key) {
            continue;
        }
        let now = current.get(key.name()).map(String::as_str);
        if !prompter.can_prompt() && (optional || now.is_some()) {
            continue;
        }
        let info = key.info();
        let how = format!("pass {} or set {}", info.flag, info.env);
        let answer = prompter.text_or_keep(
            &Ask {
                prompt,
                what: info.what,
                how: &how,
            },
            now,
            optional,
        )?;
        let answer = answer.trim();
        if !answer.is_empty() {
            answers.push((key, Secret::new(answer.to_owned())));
        }
    }
    Ok(())
}

/// The client secret, asked hidden; none when Enter keeps the current one
/// or the application is public.
fn ask_client_secret(
    current: &BTreeMap<String, String>,
    prompter: &mut dyn Prompter,
) -> Result<Option<Secret>, Failure> {
    let kept = ["client_secret", "client_secret_file"]
        .iter()
        .any(|k| current.contains_key(*k));
    let secret = prompter.secret_or_empty(&Ask {
        prompt: if kept {
            "Client secret (Enter keeps the current one)"
        } else {
            "Client secret (Enter for a public application)"
        },
        what: "the client secret",
        how: "pass --client-secret-file FILE or set AUTH0_CLIENT_SECRET",
    })?;
    Ok((!secret.is_empty()).then_some(secret))
}

/// A value `config init` writes: under the key's name, or, for a secret
/// given as a file, the file's path under `NAME_file`.
struct Answer {
    key: Key,
    value: Secret,
    file: bool,
}

/// Sets each answer in `[profiles.NAME]` where it differs from what is there
/// (keeping the comments around it), and `default_profile` when the file has
/// none. A secret given anew replaces its `_file` twin, which it would
/// otherwise shadow. Returns what was written, in order.
fn write_profile(document: &mut DocumentMut, profile: &str, answers: &[Answer]) -> Vec<String> {
    let mut written = Vec::new();
    if !document.contains_key("default_profile") {
        // Top-level keys are written before every table, wherever inserted.
        document.insert("default_profile", value(profile));
        written.push("default_profile".to_owned());
    }
    if answers.is_empty() {
        return written;
    }
    let profiles = document.entry("profiles").or_insert_with(|| {
        let mut table = Table::new();
        // `[profiles.NAME]` headers alone, no empty `[profiles]`.
        table.set_implicit(true);
        Item::Table(table)
    });
    let Some(profiles) = profiles.as_table_like_mut() else {
        return written;
    };
    let entry = profiles.entry(profile).or_insert(Item::Table(Table::new()));
    let Some(entry) = entry.as_table_like_mut() else {
        return written;
    };
    for answer in answers {
        let (name, twin) = if answer.file {
            (
                format!("{}_file", answer.key.name()),
                answer.key.name().to_owned(),
            )
        } else {
            (
                answer.key.name().to_owned(),
                format!("{}_file", answer.key.name()),
            )
        };
        let name = name.as_str();
        let new = answer.value.expose();
        match entry.get_mut(name) {
            Some(Item::Value(old)) if old.as_str() == Some(new) => continue,
            Some(Item::Value(old)) => {
                let decor = old.decor().clone();
                *old = toml_edit::Value::from(new);
                *old.decor_mut() = decor;
            }
            _ => {
                entry.insert(name, value(new));
            }
        }
        if answer.key.is_secret() && entry.remove(&twin).is_some() {
            written.push(format!("{name} (in place of {twin})"));
        } else {
            written.push(name.to_owned());
        }
    }
    written
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Answers prompts from a script, in order; records what was asked.
    struct Scripted {
        answers: Vec<&'static str>,
        asked: Vec<(String, Option<String>)>,
    }

    impl Prompter for Scripted {
        fn can_prompt(&self) -> bool {
            true
        }
        fn secret(&mut self, ask: &Ask<'_>) -> Result<Secret, Failure> {
            self.text(ask).map(Secret::new)
        }
        fn text(&mut self, ask: &Ask<'_>) -> Result<String, Failure> {
            self.text_or_keep(ask, None, false)
        }
        fn text_or_keep(
            &mut self,
            ask: &Ask<'_>,
            current: Option<&str>,
            _optional: bool,
        ) -> Result<String, Failure> {
            self.asked
                .push((ask.prompt.to_owned(), current.map(str::to_owned)));
            let answer = self.answers.remove(0);
            // Enter on a question with a current value keeps it.
            Ok(match (answer, current) {
                ("", Some(current)) => current.to_owned(),
                (answer, _) => answer.to_owned(),
            })
        }
        fn select(&mut self, _: &str, _: &[String]) -> Result<usize, Failure> {
            unreachable!()
        }
        fn confirm(&mut self, _: &str) -> Result<bool, Failure> {
            unreachable!()
        }
    }

    fn given(values: &[(Key, &str, Source)]) -> Settings {
        Settings::of(
            values
                .iter()
                .map(|(key, value, source)| crate::settings::Setting {
                    key: *key,
                    value: Secret::new(*value),
                    source: source.clone(),
                })
                .collect(),
        )
    }

    const FILE: &str = r#"# Our tenants. Keep the CI one last.
default_profile = "dev"

[profiles.dev]
# the dev tenant
domain = "dev.us.auth0.com"   # not the custom domain
client_id = "old-client"
username = "dev-user@example.com"

[profiles.ci]
domain = "ci.eu.auth0.com"
client_id = "ci-client"
"#;

    fn init_with(
        text: &str,
        profile: &str,
        given: &Settings,
        answers: Vec<&'static str>,
    ) -> (String, Vec<String>, Scripted) {
        let mut document: DocumentMut = text.parse().unwrap();
        let current = current_profile(&document, profile, Path::new("c.toml")).unwrap();
        let mut prompter = Scripted {
            answers,
            asked: Vec::new(),
        };
        let answers = super::answers(given, &current, &mut prompter).unwrap();
        let written = write_profile(&mut document, profile, &answers);
        (document.to_string(), written, prompter)
    }

    #[test]
    fn only_the_changed_key_is_rewritten_and_the_rest_of_the_file_stays() {
        let flag = Source::Flag("--client-id");
        // Enter keeps the domain and the username; the secret is left out.
        let (text, written, prompter) = init_with(
            FILE,
            "dev",
            &given(&[(Key::ClientId, "new-client", flag)]),
            vec!["", "", ""],
        );
        assert_eq!(written, ["client_id"]);
        assert_eq!(text, FILE.replace("old-client", "new-client"));
        // Each question offered the profile's value as its default.
        assert_eq!(
            prompter.asked[0],
            (
                "Tenant domain (tenant.us.auth0.com)".to_owned(),
                Some("dev.us.auth0.com".to_owned())
            )
        );
        assert_eq!(prompter.asked[1].1.as_deref(), Some("dev-user@example.com"));
    }

    #[test]
    fn an_unchanged_profile_writes_nothing() {
        let (text, written, _) = init_with(FILE, "ci", &given(&[]), vec!["", "", "", ""]);
        assert!(written.is_empty(), "{written:?}");
        assert_eq!(text, FILE);
    }

    #[test]
    fn defaults_are_not_written_and_enter_skips_the_optional_questions() {
        let (text, written, _) = init_with(
            "",
            "default",
            &given(&[(Key::Scope, "openid profile email", Source::Default)]),
            vec!["t.us.auth0.com", "abc", "", ""],
        );
        assert_eq!(written, ["default_profile", "domain", "client_id"]);
        assert_eq!(
            text,
            "default_profile = \"default\"\n\n[profiles.default]\ndomain = \"t.us.auth0.com\"\nclient_id = \"abc\"\n"
        );
    }

    #[test]
    fn a_secret_from_the_environment_is_not_written() {
        let env = Source::Env("AUTH0_CLIENT_SECRET");
        let (text, written, _) = init_with(
            FILE,
            "ci",
            &given(&[(Key::ClientSecret, "s3cret", env)]),
            vec!["", "", "", ""],
        );
        assert!(written.is_empty(), "{written:?}");
        assert!(!text.contains("s3cret"), "{text}");
    }

    #[test]
    fn a_new_profile_goes_after_the_others_and_a_new_secret_replaces_its_file_twin() {
        let with_file = FILE.replace(
            "client_id = \"ci-client\"\n",
            "client_id = \"ci-client\"\nclient_secret_file = \"~/ci.secret\"\n",
        );
        let flag = Source::Flag("--client-secret");
        let (text, written, _) = init_with(
            &with_file,
            "ci",
            &given(&[(Key::ClientSecret, "s3cret", flag)]),
            vec!["", "", ""],
        );
        assert_eq!(written, ["client_secret (in place of client_secret_file)"]);
        assert!(!text.contains("client_secret_file"), "{text}");
        assert!(
            text.ends_with("client_id = \"ci-client\"\nclient_secret = \"s3cret\"\n"),
            "{text}"
        );

        let (text, _, _) = init_with(
            FILE,
            "staging",
            &given(&[]),
            vec!["s.us.auth0.com", "st", "", ""],
        );
        assert!(text.starts_with(FILE), "{text}");
        assert!(
            text.ends_with("[profiles.staging]\ndomain = \"s.us.auth0.com\"\nclient_id = \"st\"\n"),
            "{text}"
        );
    }

    #[test]
    fn a_profiles_key_that_is_not_a_table_is_refused() {
        let document: DocumentMut = "profiles = 3\n".parse().unwrap();
        let err = current_profile(&document, "dev", Path::new("c.toml")).unwrap_err();
        assert!(err.to_string().contains("not a table"), "{err}");
    }
}
