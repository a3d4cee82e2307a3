//! Injected faults: what the next non-control responses do instead of answering
//! normally, so clients can be tested against a misbehaving network or edge.

use std::time::Duration;

use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use serde_json::json;

/// Each injected fault applies to one later request, in the order injected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// A 502 HTML page, as an edge proxy sends.
    Html502,
    /// A 200 whose JSON body is cut off.
    TruncatedJson,
    /// Waits this long, then answers normally.
    Delay(Duration),
    /// Closes the connection (with a TCP reset) without answering.
    ResetConnection,
    /// A 200 with a body of about 20 MB.
    OversizedBody,
    /// A 429 `too_many_requests` with `Retry-After`.
    RateLimited { retry_after_secs: u64 },
    /// Lets one request through untouched: queued before a fault meant for a
    /// later request of a flow.
    Pass,
    /// Exactly this answer: any status, headers and bytes (a redirect, a
    /// text/plain 200, invalid UTF-8, a deeply nested body, ...).
    Respond {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    },
}

pub const OVERSIZED_BYTES: usize = 20 * 1024 * 1024;

impl Fault {
    /// Parses the control API's `{"kind": ..., "ms": ..., "retry_after": ...}`.
    pub fn from_control(body: &serde_json::Value) -> Result<Fault, String> {
        let kind = body.get("kind").and_then(|k| k.as_str()).unwrap_or("");
        let num = |k: &str| body.get(k).and_then(|v| v.as_u64());
        match kind {
            "html_502" => Ok(Fault::Html502),
            "truncated_json" => Ok(Fault::TruncatedJson),
            "delay" => Ok(Fault::Delay(Duration::from_millis(
                num("ms").unwrap_or(1000),
            ))),
            "reset" => Ok(Fault::ResetConnection),
            "oversized" => Ok(Fault::OversizedBody),
            "rate_limited" => Ok(Fault::RateLimited {
                retry_after_secs: num("retry_after").unwrap_or(1),
            }),
            "pass" => Ok(Fault::Pass),
            "respond" => respond_from_control(body),
            _ => Err(format!(
                "unknown fault kind {kind:?}; expected html_502, truncated_json, delay (ms), reset, oversized, rate_limited (retry_after), pass or respond (status, headers, body or body_base64)"
            )),
        }
    }

    /// The bytes a queued `respond` fault holds (the others hold next to nothing).
    pub fn body_len(&self) -> usize {
        match self {
            Fault::Respond { body, headers, .. } => {
                body.len()
                    + headers
                        .iter()
                        .map(|(k, v)| k.len() + v.len())
                        .sum::<usize>()
            }
            _ => 0,
        }
    }

    /// A short name for the console.
    pub fn name(&self) -> &'static str {
        match self {
            Fault::Html502 => "html_502",
            Fault::TruncatedJson => "truncated_json",
            Fault::Delay(_) => "delay",
            Fault::ResetConnection => "reset",
            Fault::OversizedBody => "oversized",
            Fault::RateLimited { .. } => "rate_limited",
            Fault::Pass => "pass",
            Fault::Respond { .. } => "respond",
        }
    }

    /// The response standing in for the real one (Delay and ResetConnection are handled
    /// by the server loop, which owns the timer and the socket).
    pub fn response(&self, reset_epoch: u64) -> Response {
        if let Fault::Respond {
            status,
            headers,
            body,
        } = self
        {
            let mut resp = Response::new(Body::from(body.clone()));
            *resp.status_mut() =
                StatusCode::from_u16(*status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            for (name, value) in headers {
                if let (Ok(name), Ok(value)) = (
                    header::HeaderName::from_bytes(name.as_bytes()),
                    HeaderValue::from_str(value),
                ) {
                    resp.headers_mut().append(name, value);
                }
            }
            return resp;
        }
        let (status, content_type, body): (StatusCode, &str, Vec<u8>) = match self {
            Fault::Html502 => (
                StatusCode::BAD_GATEWAY,
                "text/html",
                b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>emulated edge proxy</center>\r\n</body>\r\n</html>\r\n".to_vec(),
            ),
            Fault::TruncatedJson => (
                StatusCode::OK,
                "application/json; charset=utf-8",
                br#"{"access_token":"eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRw"#.to_vec(),
            ),
            Fault::OversizedBody => {
                let mut body = br#"{"access_token":""#.to_vec();
                body.resize(OVERSIZED_BYTES, b'A');
                body.extend_from_slice(br#"","token_type":"Bearer","expires_in":86400}"#);
                (StatusCode::OK, "application/json; charset=utf-8", body)
            }
            Fault::RateLimited { .. }
            | Fault::Delay(_)
            | Fault::ResetConnection
            | Fault::Pass
            | Fault::Respond { .. } => (
                StatusCode::TOO_MANY_REQUESTS,
                "application/json; charset=utf-8",
                json!({"error": "too_many_requests", "error_description": "Global limit has been reached"})
                    .to_string()
                    .into_bytes(),
            ),
        };
        let mut resp = Response::new(Body::from(body));
        *resp.status_mut() = status;
        let h = resp.headers_mut();
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
        if let Fault::RateLimited { retry_after_secs } = self {
            h.insert(header::RETRY_AFTER, HeaderValue::from(*retry_after_secs));
            h.insert("x-ratelimit-remaining", HeaderValue::from(0));
            h.insert(
                "x-ratelimit-reset",
                HeaderValue::from(reset_epoch.saturating_add(*retry_after_secs)),
            );
        }
        resp
    }
}

/// `{"kind": "respond", "status": N, "headers": {"name": "value"}, "body": "text"}`,
/// or `"body_base64"` for bytes that are not text.
fn respond_from_control(body: &serde_json::Value) -> Result<Fault, String> {
    use base64::Engine;
    let status = body
        .get("status")
        .and_then(|v| v.as_u64())
        .and_then(|s| u16::try_from(s).ok())
        .filter(|s| (100..=999).contains(s))
        .ok_or("respond needs \"status\": a number from 100 to 999")?;
    let headers = match body.get("headers") {
        None => Vec::new(),
        Some(serde_json::Value::Object(map)) => map
            .iter()
            .map(|(k, v)| {
                v.as_str()
                    .map(|v| (k.clone(), v.to_owned()))
                    .ok_or(format!("header {k} must be a string"))
            })
            .collect::<Result<_, _>>()?,
        Some(_) => return Err("\"headers\" must be an object of strings".into()),
    };
    let bytes = match (body.get("body"), body.get("body_base64")) {
        (Some(text), None) => text
            .as_str()
            .ok_or("\"body\" must be a string")?
            .as_bytes()
            .to_vec(),
        (None, Some(encoded)) => base64::engine::general_purpose::STANDARD
            .decode(encoded.as_str().ok_or("\"body_base64\" must be a string")?)
            .map_err(|e| format!("\"body_base64\" is not base64: {e}"))?,
        (None, None) => Vec::new(),
        (Some(_), Some(_)) => return Err("give \"body\" or \"body_base64\", not both".into()),
    };
    Ok(Fault::Respond {
        status,
        headers,
        body: bytes,
    })
}
