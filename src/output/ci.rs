//! Secrets out of CI logs: where the CI runner masks what it is told to
//! (GitHub Actions' `::add-mask::`, Azure Pipelines' `task.setsecret`), each
//! secret the tool is about to print or export is registered first, on
//! stderr. Where a runner would not parse such a line it would print the
//! very secret it meant to hide, so nothing is written there.

use std::collections::HashSet;
use std::sync::Mutex;

/// Shorter values are not registered: masking a common short string (a
/// six-digit code, `Bearer`) would blank it all over the log.
const MIN_MASKED_CHARS: usize = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Runner {
    GitHub,
    Azure,
    /// No runner that reads mask commands (GitLab, CircleCI, Jenkins, a terminal).
    None,
}

impl Runner {
    /// The line that registers `secret` with the runner, when it takes one.
    fn line(self, secret: &str) -> Option<String> {
        if secret.chars().count() < MIN_MASKED_CHARS {
            return None;
        }
        match self {
            // The runner unescapes %25, %0D, %0A: escape % first.
            Runner::GitHub => Some(format!(
                "::add-mask::{}\n",
                secret
                    .replace('%', "%25")
                    .replace('\r', "%0D")
                    .replace('\n', "%0A")
            )),
            // Azure refuses multi-line secrets.
            Runner::Azure if !secret.contains(['\r', '\n']) => {
                Some(format!("##vso[task.setsecret]{secret}\n"))
            }
            Runner::Azure | Runner::None => None,
        }
    }
}

/// The secrets registered so far in this process, each once.
pub struct Masker {
    runner: Runner,
    registered: Mutex<HashSet<String>>,
}

impl Masker {
    pub fn new(runner: Runner) -> Masker {
        Masker {
            runner,
            registered: Mutex::new(HashSet::new()),
        }
    }

    pub fn runner(&self) -> Runner {
        self.runner
    }

    /// The lines for those of `secrets` not registered yet; the caller writes
    /// and flushes them to stderr before anything that holds the secrets.
    pub fn lines<'a>(&self, secrets: impl IntoIterator<Item = &'a str>) -> String {
        if self.runner == Runner::None {
            return String::new();
        }
        let mut registered = self.registered.lock().unwrap_or_else(|p| p.into_inner());
        let mut text = String::new();
        for secret in secrets {
            if let Some(line) = self.runner.line(secret)
                && registered.insert(secret.to_owned())
            {
                text.push_str(&line);
            }
        }
        text
    }
}

/// Every string under a secret field of a JSON document (a token set, an
/// enrollment, a failure that carries an mfa_token or a recovery code).
pub fn secrets_in(value: &serde_json::Value) -> Vec<&str> {
    fn walk<'a>(value: &'a serde_json::Value, secret: bool, found: &mut Vec<&'a str>) {
        match value {
            serde_json::Value::String(text) if secret => found.push(text),
            serde_json::Value::Array(items) => {
                items.iter().for_each(|item| walk(item, secret, found));
            }
            serde_json::Value::Object(map) => {
                for (key, item) in map {
                    let secret = secret
                        || crate::auth0::is_secret_field(key)
                        || key == "otp_secret"
                        || key.ends_with("_token");
                    walk(item, secret, found);
                }
            }
            _ => {}
        }
    }
    let mut found = Vec::new();
    walk(value, false, &mut found);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_lines_are_escaped_as_the_runner_unescapes_them() {
        let masker = Masker::new(Runner::GitHub);
        assert_eq!(
            masker.lines(["50%\r\nof-a-secret"]),
            "::add-mask::50%25%0D%0Aof-a-secret\n"
        );
        // Once is enough, and short strings are never masked.
        assert_eq!(masker.lines(["50%\r\nof-a-secret", "123456"]), "");
    }

    #[test]
    fn nothing_is_written_where_no_runner_reads_it() {
        assert_eq!(Masker::new(Runner::None).lines(["a-long-secret"]), "");
        assert_eq!(Masker::new(Runner::Azure).lines(["two\nlines-secret"]), "");
        assert_eq!(
            Masker::new(Runner::Azure).lines(["a-long-secret"]),
            "##vso[task.setsecret]a-long-secret\n"
        );
    }

    #[test]
    fn secrets_are_found_under_their_fields_at_any_depth() {
        let value = serde_json::json!({
            "access_token": "at-value", "token_type": "Bearer", "expires_in": 60,
            "enrollment": {"secret": "S", "recovery_codes": ["RC1"], "oob_channel": "sms"},
        });
        let mut found = secrets_in(&value);
        found.sort();
        assert_eq!(found, ["RC1", "S", "at-value"]);
    }
}
