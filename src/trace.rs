//! `-v` and `-vv`: request traces on stderr, with every secret masked by field
//! name before anything is printed.

use std::io::Write;

use serde_json::Value;

use crate::auth0::{Body, Exchange, Observer, SECRET_FIELDS};
use crate::output::sanitize;
use crate::secret::MASK;

pub struct Tracer {
    /// 1: one line per request; 2: also headers and bodies.
    pub level: u8,
}

impl Observer for Tracer {
    fn before(&self, method: &str, url: &str, headers: &[(&'static str, String)], body: &Body) {
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
                    .map(|(k, v)| format!("{k}={}", if is_secret(k) { MASK } else { v }))
                    .collect();
                let _ = writeln!(err, "> {}", sanitize(&shown.join("&")));
            }
            Body::Json(value) => {
                let _ = writeln!(err, "> {}", masked_json(value.clone()));
            }
        }
    }

    fn after(&self, exchange: &Exchange<'_>) {
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

fn is_secret(field: &str) -> bool {
    SECRET_FIELDS.contains(&field)
}

fn mask_header(name: &str, value: &str) -> String {
    if name.eq_ignore_ascii_case("authorization") || name.eq_ignore_ascii_case("cookie") {
        let scheme = value.split_whitespace().next().unwrap_or("");
        format!("{scheme} {MASK}")
    } else {
        value.to_owned()
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
            sanitize(&format!("{text}{more}"))
        }
    }
}

pub fn masked_json(mut value: Value) -> String {
    mask_in_place(&mut value);
    sanitize(&value.to_string())
}

fn mask_in_place(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map.iter_mut() {
                if is_secret(key) {
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
    fn secrets_are_masked_at_any_depth() {
        let body = br#"{"access_token":"tok","nested":{"mfa_token":"Fe26"},"list":[{"recovery_codes":["A"]}],"scope":"openid"}"#;
        let shown = masked_body(body);
        assert!(!shown.contains("tok\""));
        assert!(!shown.contains("Fe26"));
        assert!(!shown.contains("\"A\""));
        assert!(shown.contains("openid"));
    }

    #[test]
    fn authorization_header_keeps_only_the_scheme() {
        assert_eq!(
            mask_header("Authorization", "Bearer abc.def"),
            format!("Bearer {MASK}")
        );
    }
}
