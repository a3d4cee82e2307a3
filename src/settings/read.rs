//! Reading a value from where it is: an environment variable, a file, stdin,
//! each bounded and checked as text, and every value cleaned one way.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::Failure;
use crate::secret::Secret;

use super::{Key, Source};

/// An environment variable as text: unset is `None`; set but not UTF-8 is
/// a usage error, not a value silently dropped.
pub(super) fn env_text(name: &'static str) -> Result<Option<String>, Failure> {
    match std::env::var_os(name) {
        None => Ok(None),
        Some(value) => value.into_string().map(Some).map_err(|_| {
            Failure::usage_with_hint(
                format!("{name} is not valid UTF-8"),
                format!("set {name} to plain text, or unset it"),
            )
        }),
    }
}

/// The value every source gives, cleaned one way (see [`crate::secret::clean`]):
/// a flag, a variable, a file, stdin or the profile. A shell command
/// (`otp_command`) is the user's script and is left as written.
pub(super) fn cleaned(key: Key, value: Secret, source: &Source) -> Result<Secret, Failure> {
    if key == Key::OtpCommand {
        return Ok(value);
    }
    match crate::secret::clean(value.expose(), key == Key::Password) {
        Ok(clean) if clean.len() == value.expose().len() => Ok(value),
        Ok(clean) => Ok(Secret::new(clean)),
        Err(c) => Err(control_character(key.info().what, source, c)),
    }
}

/// A token given as a flag that is no setting (`--oob-code`), cleaned as
/// the settings are.
pub fn cleaned_flag(flag: &'static str, what: &str, value: &str) -> Result<Secret, Failure> {
    crate::secret::clean(value, false)
        .map(Secret::new)
        .map_err(|c| control_character(what, &Source::Flag(flag), c))
}

fn control_character(what: &str, source: &Source, c: char) -> Failure {
    Failure::usage_with_hint(
        format!(
            "the {what} from {source} holds a control character (U+{:04X})",
            u32::from(c)
        ),
        "give the value alone, as it was issued; nothing was sent",
    )
}

/// The most a secret file or stdin may hold: far more than any token Auth0
/// issues (an mfa_token is about 2 KB), far less than what a mistake can send.
pub const MAX_SECRET_BYTES: u64 = 64 * 1024;

/// A file's content as a secret, without its final line break.
pub fn read_secret_file(path: &Path, named_by: &str) -> Result<Secret, Failure> {
    let file = std::fs::File::open(path)
        .map_err(|e| Failure::usage(format!("cannot read {} {named_by}: {e}", path.display())))?;
    let text = read_bounded(file, &format!("{} {named_by}", path.display()))?;
    Ok(Secret::new(text.trim_end_matches(['\r', '\n'])))
}

/// Reads at most [`MAX_SECRET_BYTES`] as UTF-8 text; more, or bytes that are
/// not text, is a usage error that names `what`.
fn read_bounded(reader: impl Read, what: &str) -> Result<String, Failure> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_SECRET_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::usage(format!("cannot read {what}: {e}")))?;
    if bytes.len() as u64 > MAX_SECRET_BYTES {
        return Err(Failure::usage_with_hint(
            format!("{what} holds more than {} KiB", MAX_SECRET_BYTES / 1024),
            "give the value alone: a token, a secret or a code is a single line",
        ));
    }
    String::from_utf8(bytes).map_err(|_| {
        Failure::usage_with_hint(
            format!("{what} is not UTF-8 text"),
            "give the value as plain text",
        )
    })
}

pub fn expand_home(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), dirs::home_dir()) {
        (Some(rest), Some(home)) => home.join(rest),
        _ => PathBuf::from(path),
    }
}

/// One line of stdin, for a secret given as `-`: at most
/// [`MAX_SECRET_BYTES`], UTF-8, not empty.
pub fn read_stdin_line(what: &str, flag: &str) -> Result<Secret, Failure> {
    let text = read_bounded(std::io::stdin().lock(), &format!("stdin ({flag} -)"))?;
    let value = text.lines().next().unwrap_or("").trim_end_matches('\r');
    if value.is_empty() {
        return Err(Failure::usage(format!(
            "{flag} - reads {what} from stdin, but stdin was empty"
        )));
    }
    Ok(Secret::new(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_reads_refuse_too_much_and_non_text() {
        let big = vec![b'a'; MAX_SECRET_BYTES as usize + 1];
        assert!(read_bounded(&big[..], "x").is_err());
        let exact = vec![b'a'; MAX_SECRET_BYTES as usize];
        assert_eq!(read_bounded(&exact[..], "x").unwrap().len(), exact.len());
        let err = read_bounded(&[0xff, 0xfe][..], "stdin").unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(err.to_string().contains("UTF-8"), "{err}");
    }

    /// The README's figure: 64 KiB, room for any token (an mfa_token is
    /// about 2 KB) and no more.
    #[test]
    fn the_bound_is_64_kib() {
        assert!(read_bounded(&vec![b'a'; 65_536][..], "x").is_ok());
        let err = read_bounded(&vec![b'a'; 65_537][..], "the file").unwrap_err();
        assert!(err.to_string().contains("more than 64 KiB"), "{err}");
    }

    /// Every value loses its surrounding whitespace, a password only its
    /// line ends (it may begin or end with a space), and a shell command
    /// stays as written (its line breaks are the script's).
    #[test]
    fn values_are_cleaned_by_what_they_are() {
        let clean = |key, value: &str| {
            cleaned(key, Secret::new(value), &Source::Env("X"))
                .map(|v| v.expose().to_owned())
                .map_err(|e| e.to_string())
        };
        assert_eq!(
            clean(Key::Domain, " t.us.auth0.com\r\n").unwrap(),
            "t.us.auth0.com"
        );
        assert_eq!(
            clean(Key::Domain, "t.us.auth0.com").unwrap(),
            "t.us.auth0.com"
        );
        assert_eq!(clean(Key::Password, " p w \n").unwrap(), " p w ");
        assert_eq!(
            clean(Key::OtpCommand, " pass otp x\n").unwrap(),
            " pass otp x\n"
        );
        let err = clean(Key::ClientId, "abc\u{7}def").unwrap_err();
        assert!(err.contains("U+0007") && err.contains("env X"), "{err}");
    }

    #[test]
    fn a_home_relative_path_is_expanded_and_others_are_kept() {
        let home = dirs::home_dir().unwrap();
        assert_eq!(expand_home("~/keys/app.pem"), home.join("keys/app.pem"));
        assert_eq!(expand_home("/etc/app.pem"), PathBuf::from("/etc/app.pem"));
        assert_eq!(expand_home("~other/x"), PathBuf::from("~other/x"));
    }
}
