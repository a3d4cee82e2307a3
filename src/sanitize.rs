//! The control-character filter every string from the server or the user
//! passes before a terminal sees it.

/// Strings from the server or the user go through this before a terminal sees
/// them: control characters (escape sequences included) become `�`.
pub fn sanitize(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_removes_escape_sequences() {
        assert_eq!(sanitize("ok\u{1b}[31mred"), "ok\u{fffd}[31mred");
    }
}
