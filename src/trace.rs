//! `-v`, `-vv` and `--curl`: request traces on stderr. Every secret is masked
//! by field name before anything is printed; `--curl` reads secrets from
//! environment variables instead of containing them.

use std::io::Write;

use serde_json::Value;

use crate::auth0::salvage::quoted_values;
use crate::auth0::{Body, Exchange, Observer, SECRET_FIELDS, is_secret_field};
use crate::sanitize::{sanitize, sanitize_line};
use crate::secret::MASK;

pub struct Tracer {
    /// 0: nothing; 1: one line per request; 2: also headers and bodies.
    pub level: u8,
    pub curl: bool,
    /// Whose credentials the requests carry, for the variables `--curl` names.
    pub variables: Variables,
}

/// The environment variables a `--curl` command reads secrets from: the
/// login application's (`AUTH0_CLIENT_SECRET`, `AUTH0_MFA_TOKEN`) or the
/// Management application's (`AUTH0_MGMT_CLIENT_SECRET`, `AUTH0_MGMT_TOKEN`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variables {
    Authentication,
    Management,
}

impl Observer for Tracer {
    fn before(&self, method: &str, url: &str, headers: &[(&'static str, String)], body: &Body) {
        if self.curl {
            eprintln!(
                "{}",
                curl_command(method, url, headers, body, self.variables)
            );
        }
        if self.level < 2 {
            return;
        }
        let mut err = std::io::stderr().lock();
        let _ = writeln!(err, "> {method} {url}");
        for (name, value) in headers {
            let _ = writeln!(err, "> {name}: {}", mask_header(name, value));
        }
        match body {
            Body::Empty => {}
            Body::Form(fields) => {
                let shown: Vec<String> = fields
                    .iter()
                    .map(|(k, v)| format!("{k}={}", if is_secret_field(k) { MASK } else { v }))
                    .collect();
                let _ = writeln!(err, "> {}", sanitize(&shown.join("&")));
            }
            Body::Json(value) => {
                let _ = writeln!(err, "> {}", masked_json(value.clone()));
            }
        }
    }

    fn rate_limited(&self, wait: std::time::Duration) {
        if self.level > 0 {
            eprintln!(
                "* rate limited: waiting {} ms as Auth0 asks, then sending again",
                wait.as_millis()
            );
        }
    }

    fn after(&self, exchange: &Exchange<'_>) {
        if self.level == 0 {
            return;
        }
        let mut err = std::io::stderr().lock();
        let millis = exchange.elapsed.as_millis();
        match (exchange.status, exchange.failure) {
            (Some(status), _) => {
                let _ = writeln!(
                    err,
                    "* {} {} -> {status} ({millis} ms)",
                    exchange.method, exchange.url
                );
            }
            (None, failure) => {
                let _ = writeln!(
                    err,
                    "* {} {} -> failed after {millis} ms: {}",
                    exchange.method,
                    exchange.url,
                    sanitize(failure.unwrap_or("unknown error"))
                );
            }
        }
        if self.level < 2 {
            return;
        }
        if let Some(headers) = exchange.response_headers {
            for (name, value) in headers {
                let value = value.to_str().unwrap_or("<binary>");
                let _ = writeln!(
                    err,
                    "< {name}: {}",
                    sanitize(&mask_header(name.as_str(), value))
                );
            }
        }
        if !exchange.response_body.is_empty() {
            let _ = writeln!(err, "< {}", masked_body(exchange.response_body));
        }
    }
}

/// The environment variable a `--curl` command reads a secret field from.
fn env_var_for(field: &str, variables: Variables) -> String {
    match (field, variables) {
        ("authorization", Variables::Authentication) => "AUTH0_MFA_TOKEN".into(),
        ("authorization", Variables::Management) => "AUTH0_MGMT_TOKEN".into(),
        ("client_secret" | "client_assertion", Variables::Management) => {
            format!("AUTH0_MGMT_{}", field.to_ascii_uppercase())
        }
        ("totp_secret", _) => "AUTH0_OTP_SECRET".into(),
        (other, _) => format!("AUTH0_{}", other.to_ascii_uppercase()),
    }
}

/// An equivalent curl command line, secrets as `$AUTH0_...` variables.
pub fn curl_command(
    method: &str,
    url: &str,
    headers: &[(&'static str, String)],
    body: &Body,
    variables: Variables,
) -> String {
    let mut parts = vec![format!("curl -sS -X {method} {}", single_quoted(url))];
    for (name, value) in headers {
        if name.eq_ignore_ascii_case("authorization") {
            let scheme = value.split_whitespace().next().unwrap_or("Bearer");
            parts.push(format!(
                "-H \"authorization: {scheme} ${}\"",
                env_var_for("authorization", variables)
            ));
        } else {
            parts.push(format!("-H {}", single_quoted(&format!("{name}: {value}"))));
        }
    }
    match body {
        Body::Empty => {}
        Body::Form(fields) => {
            for (name, value) in fields {
                if is_secret_field(name) {
                    parts.push(format!(
                        "--data-urlencode \"{name}=${}\"",
                        env_var_for(name, variables)
                    ));
                } else {
                    parts.push(format!(
                        "--data-urlencode {}",
                        single_quoted(&format!("{name}={value}"))
                    ));
                }
            }
        }
        Body::Json(Value::Object(map)) => {
            // Secrets become placeholders, the JSON is escaped for a
            // double-quoted shell word, then the placeholders become variables.
            let mut shown = map.clone();
            let mut names = Vec::new();
            for (name, value) in shown.iter_mut() {
                if is_secret_field(name) {
                    let var = env_var_for(name, variables);
                    *value = Value::String(format!("@@{var}@@"));
                    names.push(var);
                }
            }
            let mut quoted = String::new();
            for c in Value::Object(shown).to_string().chars() {
                if matches!(c, '"' | '\\' | '$' | '`') {
                    quoted.push('\\');
                }
                quoted.push(c);
            }
            for var in names {
                quoted = quoted.replace(&format!("@@{var}@@"), &format!("${var}"));
            }
            parts.push(format!("--data \"{quoted}\""));
        }
        Body::Json(other) => parts.push(format!("--data {}", single_quoted(&other.to_string()))),
    }
    sanitize(&parts.join(" \\\n  "))
}

fn single_quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}

/// Credentials in headers, either way: the scheme of an `Authorization` is
/// kept, and the names and attributes of cookies, never their values.
fn mask_header(name: &str, value: &str) -> String {
    let cookie_value = |pair: &str| match pair.trim().split_once('=') {
        Some((name, _)) => format!("{name}={MASK}"),
        None => MASK.to_owned(),
    };
    match name.to_ascii_lowercase().as_str() {
        "authorization" | "proxy-authorization" => {
            let scheme = value.split_whitespace().next().unwrap_or("");
            format!("{scheme} {MASK}")
        }
        "cookie" => value
            .split(';')
            .map(cookie_value)
            .collect::<Vec<_>>()
            .join("; "),
        "set-cookie" => {
            let mut parts = value.split(';');
            let first = cookie_value(parts.next().unwrap_or(""));
            std::iter::once(first)
                .chain(parts.map(|attribute| attribute.trim().to_owned()))
                .collect::<Vec<_>>()
                .join("; ")
        }
        _ => value.to_owned(),
    }
}

/// A response body for the trace: JSON with secret fields masked, anything
/// else cut short, since it is not Auth0's and may be huge.
pub fn masked_body(body: &[u8]) -> String {
    match serde_json::from_slice::<Value>(body) {
        Ok(value) => masked_json(value),
        Err(_) => {
            let text = String::from_utf8_lossy(&body[..body.len().min(512)]);
            let more = if body.len() > 512 {
                format!(" ... ({} bytes)", body.len())
            } else {
                String::new()
            };
            sanitize_line(&format!("{}{more}", mask_quoted_secrets(&text)))
        }
    }
}

/// A body that is not JSON (cut short, or wrapped in something) may still
/// hold `"refresh_token": "..."`: every secret field's value quoted so is
/// masked.
fn mask_quoted_secrets(text: &str) -> String {
    let mut ranges: Vec<_> = SECRET_FIELDS
        .iter()
        .flat_map(|field| quoted_values(text, field))
        .collect();
    ranges.sort_by_key(|range| std::cmp::Reverse(range.start));
    let mut out = text.to_owned();
    for range in ranges {
        out.replace_range(range, MASK);
    }
    mask_form_secrets(&out)
}

/// `refresh_token=...&...`: a form-encoded body's secret fields.
fn mask_form_secrets(text: &str) -> String {
    text.split('&')
        .map(|pair| match pair.split_once('=') {
            Some((name, _)) if is_secret_field(name.trim()) => format!("{name}={MASK}"),
            _ => pair.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("&")
}

pub fn masked_json(mut value: Value) -> String {
    mask_in_place(&mut value);
    cut(sanitize(&value.to_string()))
}

/// The longest trace line: a body is there to be read, and a server can
/// send a megabyte of it.
const MAX_TRACE_CHARS: usize = 1500;

fn cut(line: String) -> String {
    match line.char_indices().nth(MAX_TRACE_CHARS) {
        Some((at, _)) => format!("{} ... ({} bytes)", &line[..at], line.len()),
        None => line,
    }
}

fn mask_in_place(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map.iter_mut() {
                if is_secret_field(key) {
                    *inner = Value::String(MASK.into());
                } else {
                    mask_in_place(inner);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(mask_in_place),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_encoded_body_has_its_secrets_masked_and_stays_on_one_line() {
        let shown =
            masked_body(b"access_token=AT123456&token_type=Bearer&refresh_token=RT9\nforged: line");
        assert!(
            !shown.contains("AT123456") && !shown.contains("RT9"),
            "{shown}"
        );
        assert!(
            shown.contains("token_type=Bearer") && !shown.contains('\n'),
            "{shown}"
        );
    }

    #[test]
    fn a_body_that_is_not_json_is_shown_whole_up_to_512_bytes_then_cut_with_its_size() {
        let whole = "x".repeat(512);
        assert_eq!(masked_body(whole.as_bytes()), whole);
        let long = "y".repeat(513);
        assert_eq!(
            masked_body(long.as_bytes()),
            format!("{} ... (513 bytes)", &long[..512])
        );
        let longer = "z".repeat(2000);
        assert_eq!(
            masked_body(longer.as_bytes()),
            format!("{} ... (2000 bytes)", &longer[..512])
        );
        assert_eq!(masked_body(b"<html>"), "<html>");
    }

    #[test]
    fn secrets_in_a_body_that_is_not_json_are_masked() {
        let cut = br#"callback({"recovery_code": "NEWREC1234", "refresh_token":"RT\"x", "scope": "openid", "access_token": "eyJhbGciOi"#;
        let shown = masked_body(cut);
        assert!(
            !shown.contains("NEWREC") && !shown.contains("RT\\") && !shown.contains("eyJ"),
            "{shown}"
        );
        assert!(shown.contains(r#""scope": "openid""#), "{shown}");
    }

    #[test]
    fn secrets_are_masked_at_any_depth() {
        let body = br#"{"access_token":"tok","nested":{"mfa_token":"Fe26"},"list":[{"recovery_codes":["A"]}],"scope":"openid"}"#;
        let shown = masked_body(body);
        assert!(!shown.contains("tok\""));
        assert!(!shown.contains("Fe26"));
        assert!(!shown.contains("\"A\""));
        assert!(shown.contains("openid"));
    }

    #[test]
    fn curl_reads_secrets_from_the_environment() {
        let form = Body::Form(vec![
            ("grant_type", "password".into()),
            ("password", "hunter2".into()),
            ("username", "o'neil".into()),
        ]);
        let line = curl_command(
            "POST",
            "https://t/oauth/token",
            &[],
            &form,
            Variables::Authentication,
        );
        assert!(
            line.contains("--data-urlencode \"password=$AUTH0_PASSWORD\""),
            "{line}"
        );
        assert!(line.contains("'username=o'\\''neil'"), "{line}");
        assert!(!line.contains("hunter2"));

        let json = Body::Json(serde_json::json!({"mfa_token": "Fe26.secret", "client_id": "c$1"}));
        let headers = [("authorization", "Bearer abc".to_owned())];
        let line = curl_command(
            "POST",
            "https://t/mfa/challenge",
            &headers,
            &json,
            Variables::Authentication,
        );
        assert!(
            line.contains("\\\"mfa_token\\\":\\\"$AUTH0_MFA_TOKEN\\\""),
            "{line}"
        );
        assert!(line.contains("c\\$1"), "{line}");
        assert!(
            line.contains("\"authorization: Bearer $AUTH0_MFA_TOKEN\""),
            "{line}"
        );
        assert!(!line.contains("Fe26.secret") && !line.contains("abc"));
    }

    #[test]
    fn management_requests_read_the_management_variables() {
        let grant = Body::Form(vec![
            ("grant_type", "client_credentials".into()),
            ("client_secret", "m2m-secret".into()),
        ]);
        let line = curl_command(
            "POST",
            "https://t/oauth/token",
            &[],
            &grant,
            Variables::Management,
        );
        assert!(
            line.contains("\"client_secret=$AUTH0_MGMT_CLIENT_SECRET\""),
            "{line}"
        );
        let method =
            Body::Json(serde_json::json!({"type": "totp", "totp_secret": "JBSWY3DPEHPK3PXP"}));
        let headers = [("authorization", "Bearer mgmt.jwt.token".to_owned())];
        let line = curl_command(
            "POST",
            "https://t/api/v2/users/auth0%7C1/authentication-methods",
            &headers,
            &method,
            Variables::Management,
        );
        assert!(line.contains("Bearer $AUTH0_MGMT_TOKEN"), "{line}");
        assert!(line.contains("$AUTH0_OTP_SECRET"), "{line}");
        assert!(
            !line.contains("JBSWY3DP") && !line.contains("mgmt.jwt"),
            "{line}"
        );
    }

    #[test]
    fn authorization_header_keeps_only_the_scheme() {
        assert_eq!(
            mask_header("Authorization", "Bearer abc.def"),
            format!("Bearer {MASK}")
        );
    }

    #[test]
    fn cookies_keep_their_names_and_attributes_never_their_values() {
        assert_eq!(
            mask_header(
                "Set-Cookie",
                "did=s%3Av0%3Aabc; Max-Age=31557600; Path=/; HttpOnly"
            ),
            format!("did={MASK}; Max-Age=31557600; Path=/; HttpOnly")
        );
        assert_eq!(
            mask_header("cookie", "a=1; b=two"),
            format!("a={MASK}; b={MASK}")
        );
        assert_eq!(mask_header("set-cookie", "opaque"), MASK);
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn any_body_traces_as_a_bounded_line(body in proptest::collection::vec(any::<u8>(), 0..4000)) {
                let shown = masked_body(&body);
                prop_assert!(shown.chars().count() <= MAX_TRACE_CHARS + 40);
                prop_assert!(!shown.contains(char::from(0x1b)));
            }

            /// Broken JSON made of the pieces that matter: secret keys inside
            /// other secrets' values, escapes, cut strings, wide characters.
            #[test]
            fn broken_json_with_nested_secret_keys_is_masked_without_a_panic(
                pieces in proptest::collection::vec(
                    prop_oneof![
                        Just("\"otp\""), Just("\"password\""), Just("\"refresh_token\""),
                        Just(":"), Just(" "), Just("\""), Just("\\"), Just("\\\""),
                        Just("{"), Just("}"), Just(","), Just("x"), Just("é"), Just("名"),
                    ],
                    0..60,
                )
            ) {
                let body = pieces.concat();
                let shown = masked_body(body.as_bytes());
                prop_assert!(shown.chars().count() <= MAX_TRACE_CHARS + 40);
                let _ = crate::auth0::salvage::recovery_codes(body.as_bytes());
            }
        }
    }
}
