//! Handing a token set to the rest of a job: the variables it becomes and the
//! forms shells and CI systems read them in (`token --format`). Each form is
//! written the one way its reader takes literally: single quotes for the
//! shells, a bare safe value for dotenv, a checked heredoc delimiter for
//! GitHub's files; never a CR, never a NUL.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::ValueEnum;

use super::time::rfc3339;
use crate::auth0::TokenSet;
use crate::error::Failure;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The access token and a newline (the default)
    Raw,
    /// The token set, as --json prints it
    Json,
    /// `export NAME='value'` lines for sh, bash and zsh (eval, CircleCI's $BASH_ENV)
    Env,
    /// `NAME='value'` lines, without export
    EnvNoExport,
    /// `set -gx NAME 'value'` lines for fish
    Fish,
    /// `$Env:NAME = 'value'` lines for PowerShell
    Powershell,
    /// `NAME=value` lines, unquoted (docker --env-file, compose, GitLab's dotenv reports)
    Dotenv,
    /// Appended to the file $GITHUB_ENV names (later steps' environment)
    GithubEnv,
    /// Appended to the file $GITHUB_OUTPUT names (the step's outputs)
    GithubOutput,
}

/// The fields a token set exports, in order, with their default names.
const FIELDS: [(&str, &str); 5] = [
    ("access_token", "AUTH0_ACCESS_TOKEN"),
    ("token_type", "AUTH0_TOKEN_TYPE"),
    ("expires_at", "AUTH0_TOKEN_EXPIRES_AT"),
    ("id_token", "AUTH0_ID_TOKEN"),
    // Only when asked for by name: a refresh token outlives the job.
    ("refresh_token", ""),
];

/// The variable name of each field: the defaults, changed by `--env-name FIELD=NAME`.
#[derive(Debug, Clone)]
pub struct Names(Vec<(&'static str, String)>);

impl Names {
    pub fn parse(renames: &[String]) -> Result<Names, Failure> {
        let mut names: Vec<(&'static str, String)> = FIELDS
            .iter()
            .map(|(field, name)| (*field, (*name).to_owned()))
            .collect();
        for rename in renames {
            let bad = |why: &str| {
                Failure::usage_with_hint(
                    format!("--env-name {rename}: {why}"),
                    format!(
                        "write FIELD=NAME, FIELD one of {}, NAME letters, digits and _ (not first a digit)",
                        FIELDS.map(|(f, _)| f).join(", ")
                    ),
                )
            };
            let (field, name) = rename.split_once('=').ok_or_else(|| bad("no '='"))?;
            let slot = names
                .iter_mut()
                .find(|(f, _)| *f == field.trim())
                .ok_or_else(|| bad("no such field"))?;
            if !is_variable_name(name) {
                return Err(bad("not a variable name"));
            }
            slot.1 = name.to_owned();
        }
        Ok(Names(names))
    }

    fn of(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, name)| name.as_str())
            .filter(|name| !name.is_empty())
    }
}

fn is_variable_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// One variable to export; `secret` ones are masked in CI logs first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variable {
    pub name: String,
    pub value: String,
    pub secret: bool,
}

/// The variables a token set becomes: the access token, its type and when it
/// expires (RFC 3339, UTC), the ID token when there is one.
pub fn variables(tokens: &TokenSet, expires_at: Option<u64>, names: &Names) -> Vec<Variable> {
    let values = [
        (
            "access_token",
            Some(tokens.access_token.expose().to_owned()),
            true,
        ),
        ("token_type", tokens.token_type.clone(), false),
        (
            "expires_at",
            expires_at.map(|at| rfc3339(i64::try_from(at).unwrap_or(i64::MAX))),
            false,
        ),
        (
            "id_token",
            tokens.id_token.as_ref().map(|t| t.expose().to_owned()),
            true,
        ),
        (
            "refresh_token",
            tokens.refresh_token.as_ref().map(|t| t.expose().to_owned()),
            true,
        ),
    ];
    values
        .into_iter()
        .filter_map(|(field, value, secret)| {
            Some(Variable {
                name: names.of(field)?.to_owned(),
                value: value?,
                secret,
            })
        })
        .collect()
}

/// The text of the shell and dotenv forms (`raw` and `json` are the
/// ordinary results; the GitHub forms go to files, see [`append_github`]).
pub fn render(format: Format, variables: &[Variable]) -> Result<String, Failure> {
    let mut text = String::new();
    for variable in variables {
        let (name, value) = (&variable.name, &variable.value);
        refuse_controls(variable)?;
        let line = match format {
            Format::Env => format!("export {name}={}", sh_quoted(value)),
            Format::EnvNoExport => format!("{name}={}", sh_quoted(value)),
            Format::Fish => format!("set -gx {name} {}", fish_quoted(value)),
            Format::Powershell => format!("$Env:{name} = {}", powershell_quoted(value)),
            Format::Dotenv => format!("{name}={}", dotenv_value(variable)?),
            Format::Raw | Format::Json | Format::GithubEnv | Format::GithubOutput => continue,
        };
        text.push_str(&line);
        text.push('\n');
    }
    Ok(text)
}

/// A token with a control character in it is not a token: no form would
/// carry it whole to every reader.
fn refuse_controls(variable: &Variable) -> Result<(), Failure> {
    if variable.value.chars().any(char::is_control) {
        return Err(Failure::usage_with_hint(
            format!(
                "the value of {} holds a control character, which no export format carries safely",
                variable.name
            ),
            "use --format json, or --format raw for the access token alone",
        ));
    }
    Ok(())
}

/// sh, bash, zsh: everything is literal inside single quotes; `'` is `'\''`.
fn sh_quoted(value: &str) -> String {
    format!("'{}'", value.replace('\'', "'\\''"))
}

/// fish: inside single quotes only `\\` and `\'` are escapes.
fn fish_quoted(value: &str) -> String {
    format!("'{}'", value.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// PowerShell: single-quoted strings are verbatim, a quote doubled; the
/// curly single quotes (U+2018-U+201B) act as quotes too.
fn powershell_quoted(value: &str) -> String {
    let mut quoted = String::from("'");
    for c in value.chars() {
        if matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}') {
            quoted.push(c);
        }
        quoted.push(c);
    }
    quoted.push('\'');
    quoted
}

/// dotenv readers disagree on quotes, so only a value every one of them
/// reads alike is written: unquoted, from a safe set (JWTs fit).
fn dotenv_value(variable: &Variable) -> Result<&str, Failure> {
    let safe = |c: char| c.is_ascii_alphanumeric() || "_.-:+/=~".contains(c);
    if variable.value.chars().all(safe) {
        Ok(&variable.value)
    } else {
        Err(Failure::usage_with_hint(
            format!(
                "the value of {} has characters that dotenv readers take differently, so it is not written unquoted",
                variable.name
            ),
            "use --format env (sh quoting) or json",
        ))
    }
}

/// `$GITHUB_ENV` and `$GITHUB_OUTPUT`, as the runner sets them for each
/// step (read with the settings' environment); unset or empty is `None`.
#[derive(Debug, Clone, Default)]
pub struct GithubFiles {
    pub env: Option<PathBuf>,
    pub output: Option<PathBuf>,
}

/// The file a GitHub form appends to: `$GITHUB_ENV` or `$GITHUB_OUTPUT`.
pub fn github_file(
    format: Format,
    files: &GithubFiles,
) -> Result<(&'static str, PathBuf), Failure> {
    let (variable, path) = match format {
        Format::GithubOutput => ("GITHUB_OUTPUT", &files.output),
        _ => ("GITHUB_ENV", &files.env),
    };
    match path {
        Some(path) => Ok((variable, path.clone())),
        None => Err(Failure::usage_with_hint(
            format!("${variable} is not set, so there is no file to append the token to"),
            "run it as a step of a GitHub Actions job, or pick another --format (env, dotenv, json)",
        )),
    }
}

/// Appends the variables to a GitHub Actions file (`$GITHUB_ENV`,
/// `$GITHUB_OUTPUT`) in its `NAME<<DELIMITER` form, with a fresh random
/// delimiter that is in no value.
pub fn append_github(path: &Path, variables: &[Variable]) -> std::io::Result<()> {
    let mut text = String::new();
    for variable in variables {
        let delimiter = loop {
            let candidate = format!("ghadelimiter_{:032x}", rand::random::<u128>());
            if !variable.value.contains(&candidate) && !variable.name.contains(&candidate) {
                break candidate;
            }
        };
        text.push_str(&format!(
            "{}<<{delimiter}\n{}\n{delimiter}\n",
            variable.name, variable.value
        ));
    }
    let mut file = std::fs::OpenOptions::new().append(true).open(path)?;
    file.write_all(text.as_bytes())?;
    file.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn variable(name: &str, value: &str) -> Variable {
        Variable {
            name: name.into(),
            value: value.into(),
            secret: true,
        }
    }

    #[test]
    fn each_shell_form_quotes_as_its_shell_reads() {
        let v = [variable("A", "it's a \\ $HOME `x` \u{2019}")];
        assert_eq!(
            render(Format::Env, &v).unwrap(),
            "export A='it'\\''s a \\ $HOME `x` \u{2019}'\n"
        );
        assert_eq!(
            render(Format::Fish, &v).unwrap(),
            "set -gx A 'it\\'s a \\\\ $HOME `x` \u{2019}'\n"
        );
        assert_eq!(
            render(Format::Powershell, &v).unwrap(),
            "$Env:A = 'it''s a \\ $HOME `x` \u{2019}\u{2019}'\n"
        );
    }

    #[test]
    fn dotenv_writes_only_safe_values_and_nothing_carries_a_control_character() {
        let jwt = [variable("T", "eyJ.a-b_c.d=")];
        assert_eq!(render(Format::Dotenv, &jwt).unwrap(), "T=eyJ.a-b_c.d=\n");
        assert!(render(Format::Dotenv, &[variable("T", "a b")]).is_err());
        assert!(render(Format::Dotenv, &[variable("T", "a'b")]).is_err());
        for format in [
            Format::Env,
            Format::Fish,
            Format::Powershell,
            Format::Dotenv,
        ] {
            assert!(render(format, &[variable("T", "a\rb")]).is_err());
            assert!(render(format, &[variable("T", "a\0b")]).is_err());
        }
    }

    #[test]
    fn names_are_renamed_and_checked() {
        let names = Names::parse(&["access_token=TOKEN".into()]).unwrap();
        assert_eq!(names.of("access_token"), Some("TOKEN"));
        assert_eq!(names.of("refresh_token"), None);
        let names = Names::parse(&["refresh_token=RT".into()]).unwrap();
        assert_eq!(names.of("refresh_token"), Some("RT"));
        assert!(Names::parse(&["nope=X".into()]).is_err());
        assert!(Names::parse(&["access_token=1X".into()]).is_err());
        assert!(Names::parse(&["access_token".into()]).is_err());
    }

    #[test]
    fn github_files_get_a_delimiter_that_is_in_no_value() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("env");
        std::fs::write(&path, "EARLIER=1\n").unwrap();
        append_github(&path, &[variable("A", "x\ny")]).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "EARLIER=1");
        let delimiter = lines[1].strip_prefix("A<<").unwrap();
        assert!(delimiter.starts_with("ghadelimiter_"));
        assert_eq!(&lines[2..], ["x", "y", delimiter]);
    }
}
