//! The emulator's console on standard error, for a person at a terminal or a log
//! collector: one line per request it answers and per code it "sends" by SMS, voice or
//! email, as text or as JSON lines. Codes are the emulator's own test data; nothing a
//! client sent (passwords, secrets, tokens, codes) is ever printed, and what it sent
//! that is printed (a path, a grant type, a phone number) passes the filter the
//! client's own output uses (`crate::sanitize`, a leaf shared by text only, no API
//! types), so it can neither drive the terminal nor reorder a line.

use serde_json::{Value, json};

use crate::sanitize::{needs_json_escape, sanitize_value};

use super::Console;
use super::tenant::AuthenticatorKind;

/// What the console says about one answered request.
pub struct RequestLine<'a> {
    pub method: &'a str,
    pub path: &'a str,
    /// The `grant_type` of a `/oauth/token` request.
    pub grant_type: Option<&'a str>,
    pub status: u16,
    /// Auth0's `error` code, or what a fault did instead of answering.
    pub outcome: Option<&'a str>,
    pub millis: f64,
}

pub fn request(console: Console, line: &RequestLine) {
    match console {
        Console::Off => {}
        Console::Text => {
            let grant = line
                .grant_type
                .map(|g| format!(" ({})", short_grant(g)))
                .unwrap_or_default();
            let outcome = line.outcome.map(|o| format!(" {o}")).unwrap_or_default();
            eprintln!(
                "emulator: {} {}{} -> {}{} ({:.1} ms)",
                line.method,
                printable(line.path),
                printable(&grant),
                line.status,
                printable(&outcome),
                line.millis
            );
        }
        Console::Json => json_line(&json!({
                "event": "request",
                "method": line.method,
                "path": line.path,
                "grant_type": line.grant_type,
                "status": line.status,
                "error": line.outcome,
                "ms": (line.millis * 1000.0).round() / 1000.0,
        })),
    }
}

pub fn code_sent(console: Console, channel: AuthenticatorKind, to: &str, code: &str, user: &str) {
    match console {
        Console::Off => {}
        Console::Text => eprintln!(
            "emulator: {channel} code {code} sent to {} (user {})",
            printable(to),
            printable(user)
        ),
        Console::Json => json_line(&json!({
            "event": "code",
            "channel": channel.to_string(),
            "to": to,
            "code": code,
            "username": user,
        })),
    }
}

/// `http://auth0.com/oauth/grant-type/mfa-otp` -> `mfa-otp`.
fn short_grant(grant: &str) -> &str {
    grant
        .strip_prefix("http://auth0.com/oauth/grant-type/")
        .unwrap_or(grant)
}

/// What a client sent may hold terminal control sequences and bidi overrides: they are
/// shown as `�`, not obeyed.
fn printable(text: &str) -> String {
    sanitize_value(text)
}

/// One JSON object on a line, with what JSON would leave raw (C1 controls, bidi
/// overrides, zero-width characters) escaped as `\uXXXX`: the value stays exact for a
/// log collector, while `tail -f` of the log cannot drive a terminal.
fn json_line(value: &Value) {
    eprintln!("{}", escape_json_text(&value.to_string()));
}

/// Such characters can only stand inside a JSON string (outside one, JSON allows only
/// ASCII), so escaping them in the whole text keeps the document the same.
fn escape_json_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if needs_json_escape(c) {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_text_cannot_drive_the_terminal() {
        assert_eq!(
            printable("mfa-otp\u{1b}[2J\n\u{202e}\u{9b}"),
            "mfa-otp\u{fffd}[2J\u{fffd}\u{fffd}\u{fffd}"
        );
        assert_eq!(
            short_grant("http://auth0.com/oauth/grant-type/mfa-oob"),
            "mfa-oob"
        );
        assert_eq!(short_grant("password"), "password");
    }

    #[test]
    fn json_lines_escape_what_json_leaves_raw_and_keep_the_value() {
        let value = json!({"path": "/a\u{9b}b\u{202e}c\u{e0041}\u{1b}"});
        let line = escape_json_text(&value.to_string());
        assert!(line.is_ascii(), "{line}");
        assert_eq!(serde_json::from_str::<Value>(&line).unwrap(), value);
    }
}
