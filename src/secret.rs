//! `Secret`: a string that never shows itself in `Debug`, `Display` or panics.

use std::fmt;

/// A credential, token or code. Printing it in any way shows a mask; only
/// [`Secret::expose`] hands out the value, so every leak is a visible call.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

pub const MASK: &str = "********";

/// A value as typed, copied or exported, cleaned the one way every source
/// gets: surrounding line ends (what a Windows-edited file or the `$(...)` of
/// a CRLF output leaves) and, unless `keep_spaces` (a password may begin or
/// end with one), surrounding whitespace are dropped. Any other control
/// character is returned as the error: sent on, it would break a header or
/// be answered "Malformed", and no secret Auth0 issues holds one.
pub fn clean(value: &str, keep_spaces: bool) -> Result<&str, char> {
    let trimmed = if keep_spaces {
        value.trim_matches(['\r', '\n'])
    } else {
        value.trim()
    };
    match trimmed.chars().find(|c| c.is_control()) {
        Some(c) => Err(c),
        None => Ok(trimmed),
    }
}

/// The secrets this process has sent to the server. A server may echo a
/// request back (in an error description, a header, a warning), so every
/// text from it is shown with these masked: masking by field name alone
/// cannot see a password quoted inside a sentence.
static SENT: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

/// Shorter values (a 6-digit code is the shortest secret sent) would mask
/// ordinary words and numbers.
const SHORTEST_MASKED: usize = 6;

/// Notes a value as sent, so that [`redact`] masks it from now on: as it is,
/// and as a server echoing the request would quote it (form-encoded, as in
/// the body sent; JSON-escaped).
pub fn remember_sent(value: &str) {
    if value.len() < SHORTEST_MASKED {
        return;
    }
    let json = serde_json::to_string(value).unwrap_or_default();
    let forms = [
        value.to_owned(),
        form_encoded(value),
        json.strip_prefix('"')
            .and_then(|inner| inner.strip_suffix('"'))
            .unwrap_or(value)
            .to_owned(),
    ];
    let mut sent = SENT.lock().unwrap_or_else(|p| p.into_inner());
    for form in forms {
        if !sent.contains(&form) {
            sent.push(form);
        }
    }
    // Longest first, so a secret that contains another is masked whole.
    sent.sort_by_key(|known| std::cmp::Reverse(known.len()));
}

/// `application/x-www-form-urlencoded`, as the request body carried it.
fn form_encoded(value: &str) -> String {
    let mut out = String::new();
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => {
                out.push(char::from(byte));
            }
            b' ' => out.push('+'),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

/// `text` with every secret this process sent replaced by the mask.
pub fn redact(text: &str) -> std::borrow::Cow<'_, str> {
    let sent = SENT.lock().unwrap_or_else(|p| p.into_inner());
    let mut text = std::borrow::Cow::Borrowed(text);
    for known in sent.iter() {
        if text.contains(known.as_str()) {
            text = std::borrow::Cow::Owned(text.replace(known.as_str(), MASK));
        }
    }
    text
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({MASK})")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(MASK)
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Secret(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Secret(value.to_owned())
    }
}

/// Results (token sets) are serialized to stdout on purpose: that is what the
/// user asked for. Traces and errors never serialize a `Secret`.
impl serde::Serialize for Secret {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for Secret {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Secret)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_was_sent_is_masked_in_any_text_after() {
        remember_sent("s3cr3t-sent-value");
        remember_sent("12345");
        assert_eq!(
            redact("Wrong password s3cr3t-sent-value (try 12345)"),
            format!("Wrong password {MASK} (try 12345)")
        );
        assert_eq!(redact("nothing to hide"), "nothing to hide");
        remember_sent("hunter2! correct@horse\"");
        assert_eq!(
            redact("password=hunter2%21+correct%40horse%22 or hunter2! correct@horse\\\""),
            format!("password={MASK} or {MASK}")
        );
    }

    #[test]
    fn line_ends_are_trimmed_and_other_control_characters_refused() {
        assert_eq!(clean("tok\r\n", false), Ok("tok"));
        assert_eq!(clean(" tok\t", false), Ok("tok"));
        assert_eq!(clean(" pass word \r", true), Ok(" pass word "));
        assert_eq!(clean("to\rk", false), Err('\r'));
        assert_eq!(clean("tok\u{7}", false), Err('\u{7}'));
        assert_eq!(clean("\tpw", true), Err('\t'));
    }

    #[test]
    fn debug_and_display_mask_the_value() {
        let secret = Secret::new("hunter2");
        assert!(!format!("{secret:?}").contains("hunter2"));
        assert!(!format!("{secret}").contains("hunter2"));
        assert!(!format!("{:?}", Some(&secret)).contains("hunter2"));
        assert_eq!(secret.expose(), "hunter2");
        // The mask stands where the value was, so a reader sees one was there.
        assert_eq!(format!("{secret:?}"), format!("Secret({MASK})"));
        assert_eq!(format!("{secret}"), MASK);
    }

    #[test]
    fn conversions_and_serde_keep_the_value() {
        assert_eq!(Secret::from("from-str").expose(), "from-str");
        assert_eq!(
            Secret::from(String::from("from-string")).expose(),
            "from-string"
        );
        let secret: Secret = serde_json::from_str("\"from-json\"").unwrap();
        assert_eq!(secret.expose(), "from-json");
        assert_eq!(serde_json::to_string(&secret).unwrap(), "\"from-json\"");
        assert!(Secret::default().is_empty());
        assert!(!secret.is_empty());
    }
}
