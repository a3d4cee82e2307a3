//! Values read out of an answer that is not whole JSON (cut short, wrapped,
//! of the wrong shape): what must still be masked in a trace, and the
//! recovery codes Auth0 shows only once, which must not be lost with it.

use std::ops::Range;

use serde_json::Value;

use crate::secret::Secret;

/// Where the string values of `"field": "..."` stand in `text`: from after
/// the opening quote to the closing one, or to the end of a cut text.
pub fn quoted_values(text: &str, field: &str) -> Vec<Range<usize>> {
    let key = format!("\"{field}\"");
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find(&key) {
        let after_key = from + at + key.len();
        from = after_key;
        let rest = &text[after_key..];
        let value = rest.trim_start_matches([' ', '\t', '\r', '\n']);
        let Some(value) = value.strip_prefix(':') else {
            continue;
        };
        let value = value.trim_start_matches([' ', '\t', '\r', '\n']);
        let Some(value) = value.strip_prefix('"') else {
            continue;
        };
        let start = text.len() - value.len();
        let mut end = text.len();
        let mut escaped = false;
        for (i, c) in value.char_indices() {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => {
                    end = start + i;
                    break;
                }
                _ => escaped = false,
            }
        }
        found.push(start..end);
        from = end;
    }
    found
}

/// The recovery codes an answer holds (`recovery_code`, `recovery_codes`),
/// however broken the rest of it is.
pub fn recovery_codes(body: &[u8]) -> Vec<Secret> {
    if let Ok(value) = serde_json::from_slice::<Value>(body) {
        let mut codes: Vec<Secret> = Vec::new();
        if let Some(code) = value.get("recovery_code").and_then(Value::as_str) {
            codes.push(code.into());
        }
        if let Some(list) = value.get("recovery_codes").and_then(Value::as_array) {
            codes.extend(list.iter().filter_map(Value::as_str).map(Secret::from));
        }
        return codes;
    }
    let text = String::from_utf8_lossy(body);
    let mut codes: Vec<Secret> = quoted_values(&text, "recovery_code")
        .into_iter()
        .map(|range| Secret::from(&text[range]))
        .collect();
    // `"recovery_codes": ["A", "B"]`: the strings inside the brackets.
    if let Some(at) = text.find("\"recovery_codes\"")
        && let Some(open) = text[at..].find('[')
    {
        let list = &text[at + open + 1..];
        let list = &list[..list.find(']').unwrap_or(list.len())];
        codes.extend(
            list.split(',')
                .map(|item| item.trim().trim_matches('"'))
                .filter(|item| !item.is_empty())
                .map(Secret::from),
        );
    }
    codes.retain(|code| !code.is_empty());
    codes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exposed(codes: Vec<Secret>) -> Vec<String> {
        codes.iter().map(|c| c.expose().to_owned()).collect()
    }

    #[test]
    fn codes_are_found_in_whole_wrong_and_cut_answers() {
        let wrong_shape = br#"{"recovery_code":"NEWRC1","expires_in":"3600"}"#;
        assert_eq!(exposed(recovery_codes(wrong_shape)), ["NEWRC1"]);
        let cut = br#"{"access_token":"x","recovery_code": "NEWRC2","scope":"ope"#;
        assert_eq!(exposed(recovery_codes(cut)), ["NEWRC2"]);
        let associate = br#"{"barcode_uri":7,"recovery_codes":["RC3"]}"#;
        assert_eq!(exposed(recovery_codes(associate)), ["RC3"]);
        let cut_list = br#"{"recovery_codes": ["RC4", "RC5"], "secret": "#;
        assert_eq!(exposed(recovery_codes(cut_list)), ["RC4", "RC5"]);
        assert!(recovery_codes(b"<html>").is_empty());
    }

    #[test]
    fn quoted_values_end_at_the_closing_quote_or_the_end() {
        let text = r#"{"a": "one\"two", "b":3, "a" : "three"#;
        let found: Vec<&str> = quoted_values(text, "a")
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(found, [r#"one\"two"#, "three"]);
    }
}
