//! The filter every string from the server or the user passes before a
//! terminal sees it.

/// Control characters (escape sequences included) and the invisible
/// formatting characters that reorder or hide text (bidi overrides and
/// isolates, zero-width characters) become `�`, so that what a server sends
/// can neither drive the terminal nor make a line read as something else;
/// and a secret this process sent, echoed back, shows as the mask.
pub fn sanitize(text: &str) -> String {
    replace_unsafe(&crate::secret::redact(text), true)
}

/// [`sanitize`] for text that must stay on one line (a message, a field of
/// a table): a newline from the server could forge a line of our own.
pub fn sanitize_line(text: &str) -> String {
    sanitize(text).replace(['\n', '\t', '\r'], " ")
}

/// A value the user asked for (a token, a code, a secret), filtered like a
/// line but never masked: it is the result, and a sent secret that happens
/// to occur inside it must not corrupt it.
pub fn sanitize_value(text: &str) -> String {
    replace_unsafe(text, false)
}

/// Control and invisible format characters become `�`; newlines and tabs
/// stay where `breaks` allows them.
fn replace_unsafe(text: &str, breaks: bool) -> String {
    text.chars()
        .map(|c| {
            let allowed_break = breaks && (c == '\n' || c == '\t');
            if (c.is_control() && !allowed_break) || is_invisible_format(c) {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect()
}

/// What a JSON string must escape as `\uXXXX` beyond what JSON itself asks:
/// C1 controls and the invisible format characters. The value stays exact
/// for a parser while `cat` of the document cannot drive a terminal.
pub fn needs_json_escape(c: char) -> bool {
    c.is_control() || is_invisible_format(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Unicode's format characters that change how text around them reads.
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{00ad}'
            | '\u{061c}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}'
            | '\u{e0000}'..='\u{e007f}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_removes_escape_sequences() {
        assert_eq!(sanitize("ok\u{1b}[31mred"), "ok\u{fffd}[31mred");
    }

    #[test]
    fn bidi_overrides_and_zero_width_characters_are_neutralised() {
        assert_eq!(
            sanitize("a\u{202e}b\u{200b}c\u{2066}d\u{feff}"),
            "a\u{fffd}b\u{fffd}c\u{fffd}d\u{fffd}"
        );
        assert_eq!(sanitize("naïve café 東京 ✓"), "naïve café 東京 ✓");
    }

    #[test]
    fn line_breaks_stay_in_text_become_spaces_in_a_line_and_never_reach_a_value() {
        assert_eq!(sanitize("a\nb\tc\rd"), "a\nb\tc\u{fffd}d");
        assert_eq!(
            sanitize_line("a\nb\tc\rd\u{1b}[2J"),
            "a b c\u{fffd}d\u{fffd}[2J"
        );
        assert_eq!(
            sanitize_value("a\nb\tc\u{202e}"),
            "a\u{fffd}b\u{fffd}c\u{fffd}"
        );
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn nothing_that_drives_a_terminal_survives(text in "\\PC{0,40}|[\\x00-\\x1f\\x7f\\u{80}-\\u{9f}\\u{200b}-\\u{200f}\\u{202a}-\\u{202e}\\u{2066}-\\u{2069}a ]{0,40}") {
                let clean = sanitize(&text);
                prop_assert!(clean.chars().all(|c| !(is_invisible_format(c) || c.is_control() && c != '\n' && c != '\t')));
                prop_assert_eq!(clean.chars().count(), text.chars().count());
            }
        }
    }
}
