//! The emulator's console on standard error, for a person at a terminal or a log
//! collector: one line per request it answers and per code it "sends" by SMS, voice or
//! email, as text or as JSON lines. Codes are the emulator's own test data; nothing a
//! client sent (passwords, secrets, tokens, codes) is ever printed.

use serde_json::json;

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
        Console::Json => eprintln!(
            "{}",
            json!({
                "event": "request",
                "method": line.method,
                "path": line.path,
                "grant_type": line.grant_type,
                "status": line.status,
                "error": line.outcome,
                "ms": (line.millis * 1000.0).round() / 1000.0,
            })
        ),
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
        Console::Json => eprintln!(
            "{}",
            json!({
                "event": "code",
                "channel": channel.to_string(),
                "to": to,
                "code": code,
                "username": user,
            })
        ),
    }
}

/// `http://auth0.com/oauth/grant-type/mfa-otp` -> `mfa-otp`.
fn short_grant(grant: &str) -> &str {
    grant
        .strip_prefix("http://auth0.com/oauth/grant-type/")
        .unwrap_or(grant)
}

/// What a client sent may hold terminal control sequences: they are shown, not obeyed.
fn printable(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_text_cannot_drive_the_terminal() {
        assert_eq!(printable("mfa-otp\u{1b}[2J\n"), "mfa-otp?[2J?");
        assert_eq!(
            short_grant("http://auth0.com/oauth/grant-type/mfa-oob"),
            "mfa-oob"
        );
        assert_eq!(short_grant("password"), "password");
    }
}
