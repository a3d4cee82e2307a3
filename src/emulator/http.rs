//! The request and reply types the handlers work with: the body parsed once from JSON or
//! form encoding, parameter access as Auth0 reads them, Auth0-style JSON errors.

use axum::http::{HeaderMap, Method, StatusCode, header};
use serde_json::{Map, Value, json};

/// A request as the handlers see it; the body is already read.
pub struct ApiRequest {
    pub method: Method,
    /// Raw, still percent-encoded.
    pub path: String,
    pub query: Option<String>,
    pub headers: HeaderMap,
    /// The body as recorded: JSON as is, a form as a flat object of strings, Null if empty.
    pub body: Value,
    /// Set when the body could not be parsed; handlers answer `invalid_request`.
    pub body_error: Option<String>,
    /// The emulator's URL as this request reached it (see `Origin::base_for`), no
    /// trailing slash: the base of its issuer and of every URL in the answer.
    pub base_url: String,
    /// The client's address (brute-force protection blocks a user from one address).
    pub peer: Option<std::net::IpAddr>,
}

impl ApiRequest {
    pub fn new(
        method: Method,
        path: String,
        query: Option<String>,
        headers: HeaderMap,
        raw: &[u8],
        base_url: String,
    ) -> ApiRequest {
        let content_type = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_ascii_lowercase();
        let (body, body_error) = parse_body(&content_type, raw);
        ApiRequest {
            method,
            path,
            query,
            headers,
            body,
            body_error,
            base_url,
            peer: None,
        }
    }

    /// The issuer, with Auth0's trailing slash.
    pub fn issuer(&self) -> String {
        format!("{}/", self.base_url)
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// A string parameter; empty strings count as missing, numbers are taken as text
    /// (a JSON client may send an OTP as a number).
    pub fn param(&self, name: &str) -> Option<String> {
        match self.body.get(name)? {
            Value::String(s) if !s.is_empty() => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    }

    /// A list parameter: a JSON array of strings, or one string of space- or
    /// comma-separated values (as form bodies and `challenge_type` carry them).
    pub fn list_param(&self, name: &str) -> Option<Vec<String>> {
        let items: Vec<String> = match self.body.get(name)? {
            Value::Array(a) => a
                .iter()
                .filter_map(|v| v.as_str())
                .map(String::from)
                .collect(),
            Value::String(s) => s
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect(),
            _ => return None,
        };
        (!items.is_empty()).then_some(items)
    }

    /// The bearer token of `Authorization: Bearer ...`.
    pub fn bearer(&self) -> Option<&str> {
        let value = self.header("authorization")?;
        let (scheme, token) = value.split_once(' ')?;
        scheme
            .eq_ignore_ascii_case("bearer")
            .then(|| token.trim())
            .filter(|t| !t.is_empty())
    }

    /// `client_id`/`client_secret` from HTTP Basic (client_secret_basic).
    pub fn basic_credentials(&self) -> Option<(String, String)> {
        use base64::Engine;
        let value = self.header("authorization")?;
        let (scheme, encoded) = value.split_once(' ')?;
        if !scheme.eq_ignore_ascii_case("basic") {
            return None;
        }
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(encoded.trim())
            .ok()?;
        let text = String::from_utf8(decoded).ok()?;
        let (id, secret) = text.split_once(':')?;
        Some((percent_decode(id), percent_decode(secret)))
    }
}

/// A `Host` header's value fit for a URL: a name or address and an optional port, no
/// path, user or spaces.
pub fn is_host(host: &str) -> bool {
    !host.is_empty()
        && host.len() <= 255
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b".-_:[]".contains(&b))
}

fn parse_body(content_type: &str, raw: &[u8]) -> (Value, Option<String>) {
    if raw.iter().all(|b| b.is_ascii_whitespace()) {
        return (Value::Null, None);
    }
    let looks_json = content_type.starts_with("application/json")
        || (!content_type.starts_with("application/x-www-form-urlencoded")
            && raw.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{'));
    if looks_json {
        return match serde_json::from_slice::<Value>(raw) {
            Ok(v @ Value::Object(_)) => (v, None),
            Ok(v) => (v, Some("The request body must be a JSON object.".into())),
            Err(e) => (
                Value::String(String::from_utf8_lossy(raw).into_owned()),
                Some(format!("Invalid JSON body: {e}")),
            ),
        };
    }
    (
        Value::Object(parse_form(&String::from_utf8_lossy(raw))),
        None,
    )
}

/// `application/x-www-form-urlencoded` into a flat object; a repeated key keeps the last.
pub fn parse_form(text: &str) -> Map<String, Value> {
    text.split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(k), Value::String(percent_decode(v)))
        })
        .collect()
}

/// Percent-decoding with `+` as space; malformed escapes are kept as they are.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
                    .and_then(|h| std::str::from_utf8(h).ok());
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 3;
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A response before headers common to all are added.
#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    /// None: an empty body (204).
    pub body: Option<Value>,
    pub headers: Vec<(&'static str, String)>,
    /// Fields of the body still to be filled with a JWT of these claims. RSA signing is
    /// the slowest step of a request, so it happens once the state lock is released.
    pub jwts: Vec<(&'static str, Value)>,
}

impl Reply {
    pub fn json(status: StatusCode, body: Value) -> Reply {
        Reply {
            status,
            body: Some(body),
            headers: Vec::new(),
            jwts: Vec::new(),
        }
    }

    pub fn ok(body: Value) -> Reply {
        Reply::json(StatusCode::OK, body)
    }

    pub fn no_content() -> Reply {
        Reply::empty(StatusCode::NO_CONTENT)
    }

    /// No body at all (a DELETE's 204, a revoke's 200).
    pub fn empty(status: StatusCode) -> Reply {
        Reply {
            status,
            body: None,
            headers: Vec::new(),
            jwts: Vec::new(),
        }
    }

    /// Auth0's error shape.
    pub fn error(status: StatusCode, error: &str, description: impl Into<String>) -> Reply {
        Reply::json(
            status,
            json!({"error": error, "error_description": description.into()}),
        )
    }

    /// What `/oauth/token` sends with every answer: plain `application/json` (no
    /// charset, as recorded, unlike the `/mfa/` endpoints) and, as RFC 6749 §5.1
    /// requires of a response holding tokens, no caching.
    pub fn with_token_endpoint_headers(mut self) -> Reply {
        self.headers
            .push(("content-type", "application/json".into()));
        self.headers.push(("cache-control", "no-store".into()));
        self.headers.push(("pragma", "no-cache".into()));
        self
    }

    /// Adds a field to the JSON body.
    pub fn with_field(mut self, name: &str, value: Value) -> Reply {
        if let Some(body) = self.body.as_mut() {
            body[name] = value;
        }
        self
    }

    pub fn with_header(mut self, name: &'static str, value: impl Into<String>) -> Reply {
        self.headers.push((name, value.into()));
        self
    }

    /// The `error` field, for the log line.
    pub fn error_code(&self) -> Option<&str> {
        self.body.as_ref()?.get("error")?.as_str()
    }
}

/// (year, month 1-12, day) of a day counted from 1970-01-01 (H. Hinnant's
/// civil-from-days, valid for every date after 1970).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

/// ISO 8601 with milliseconds (`2024-02-29T12:34:56.789Z`), as Auth0 writes `created_at`.
pub fn iso_date(epoch_ms: u64) -> String {
    let secs = epoch_ms / 1000;
    let (year, month, day) = civil_from_days((secs / 86_400) as i64);
    let time = secs % 86_400;
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        time / 3600,
        time % 3600 / 60,
        time % 60,
        epoch_ms % 1000
    )
}

/// An IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) for the `Date` header, which follows
/// the emulator's clock so clients can measure skew.
pub fn http_date(epoch_secs: u64) -> String {
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let at = crate::date::civil(i64::try_from(epoch_secs).unwrap_or(i64::MAX));
    format!(
        "{}, {:02} {} {} {:02}:{:02}:{:02} GMT",
        DAYS[at.weekday as usize],
        at.day,
        MONTHS[(at.month - 1) as usize],
        at.year,
        at.hour,
        at.minute,
        at.second
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(http_date(784_111_777), "Sun, 06 Nov 1994 08:49:37 GMT");
        assert_eq!(http_date(0), "Thu, 01 Jan 1970 00:00:00 GMT");
        assert_eq!(http_date(1_709_210_096), "Thu, 29 Feb 2024 12:34:56 GMT");
        assert_eq!(iso_date(1_709_210_096_789), "2024-02-29T12:34:56.789Z");
    }

    #[test]
    fn forms_decode() {
        let f = parse_form("a=1+2&b=%7C%zz&c&grant_type=http%3A%2F%2Fauth0.com");
        assert_eq!(f["a"], "1 2");
        assert_eq!(f["b"], "|%zz");
        assert_eq!(f["c"], "");
        assert_eq!(f["grant_type"], "http://auth0.com");
        assert_eq!(percent_decode("%"), "%");
        assert_eq!(percent_decode("%4"), "%4");
    }

    #[test]
    fn bodies_parse_by_content_type() {
        let (v, e) = parse_body("application/json", br#"{"otp":123456}"#);
        assert!(e.is_none());
        assert_eq!(v["otp"], 123456);
        let (_, e) = parse_body("application/json", b"{nope");
        assert!(e.is_some());
        let (v, _) = parse_body("", b"x=1");
        assert_eq!(v["x"], "1");
        assert_eq!(parse_body("application/json", b"").0, Value::Null);
    }
}
