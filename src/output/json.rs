//! The JSON documents on stdout: pretty-printed, every string with the
//! secrets this process sent masked (a server may echo them back), and the
//! characters a terminal would obey (C1 controls, bidi overrides,
//! zero-width characters) escaped as `\uXXXX`. JSON escapes only what lies
//! below U+0020; `cat` of a document must not drive the terminal either.

use std::io;

use serde::Serialize;
use serde_json::Value;
use serde_json::ser::{Formatter, PrettyFormatter, Serializer};

use crate::auth0::is_secret_field;
use crate::sanitize::needs_json_escape;
use crate::secret::redact;

/// The document for `value`, as printed.
pub fn document(mut value: Value) -> String {
    redact_strings(&mut value);
    let mut out = Vec::new();
    let mut serializer = Serializer::with_formatter(&mut out, TerminalSafe(PrettyFormatter::new()));
    // Writing a Value into a Vec cannot fail.
    let _ = value.serialize(&mut serializer);
    String::from_utf8(out).unwrap_or_default()
}

/// Masks sent secrets in every string but the values of secret fields: a
/// token or a code is the result the user asked for, and must stay exact.
fn redact_strings(value: &mut Value) {
    match value {
        Value::String(text) => {
            if let std::borrow::Cow::Owned(masked) = redact(text) {
                *text = masked;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(redact_strings),
        Value::Object(map) => map
            .iter_mut()
            .filter(|(key, _)| !is_secret_field(key))
            .for_each(|(_, inner)| redact_strings(inner)),
        _ => {}
    }
}

/// serde_json's pretty formatter, with string contents escaped further.
struct TerminalSafe(PrettyFormatter<'static>);

impl Formatter for TerminalSafe {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (at, c) in fragment.char_indices() {
            if needs_json_escape(c) {
                writer.write_all(&fragment.as_bytes()[start..at])?;
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    write!(writer, "\\u{unit:04x}")?;
                }
                start = at + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn terminal_controls_are_escaped_and_the_value_survives() {
        let value = json!({"error_description": "a\u{9b}31mb\u{202e}c\u{e0041}d", "n": [1, "x"]});
        let text = document(value.clone());
        assert!(text.contains(r"a\u009b31mb\u202ec\udb40\udc41d"), "{text}");
        assert!(
            !text.chars().any(|c| needs_json_escape(c) && c != '\n'),
            "{text:?}"
        );
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), value);
        assert_eq!(
            text,
            serde_json::to_string_pretty(&json!({"error_description": "", "n": [1, "x"]}))
                .unwrap()
                .replace(
                    "\"\"",
                    &format!("\"{}\"", r"a\u009b31mb\u202ec\udb40\udc41d")
                )
        );
    }
}
