//! What can go wrong talking to Auth0: its own error answers, the network, and
//! answers that are not the Auth0 API at all.

use std::fmt;
use std::time::Duration;

use serde_json::{Map, Value};

/// An error answer in Auth0's shape: `{"error": "...", "error_description": "..."}`,
/// with any further fields (such as `mfa_token`) kept as they came.
#[derive(Clone, Default)]
pub struct ApiError {
    pub status: u16,
    pub error: String,
    pub description: Option<String>,
    pub extra: Map<String, Value>,
    /// From `Retry-After` or `X-RateLimit-Reset`, on 429s.
    pub retry_after: Option<Duration>,
    /// What the answer's headers said besides the body.
    pub meta: Box<ResponseMeta>,
}

/// The headers `doctor` and the hints read: the server's clock and the
/// rate-limit headroom.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResponseMeta {
    /// The `Date` header, as Unix seconds.
    pub date: Option<i64>,
    pub rate_limit: Option<RateLimit>,
}

impl ResponseMeta {
    /// Seconds the local clock is ahead of the server's (negative: behind).
    pub fn clock_skew(&self) -> Option<i64> {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?
            .as_secs() as i64;
        self.date.map(|server| now - server)
    }
}

/// `X-RateLimit-Limit`, `-Remaining` and `-Reset` (Unix seconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimit {
    pub limit: u64,
    pub remaining: u64,
    pub reset: u64,
}

impl ApiError {
    /// True when the description matches, ignoring case and a trailing period.
    pub fn says(&self, text: &str) -> bool {
        self.description.as_deref().is_some_and(|d| {
            d.trim_end_matches('.')
                .eq_ignore_ascii_case(text.trim_end_matches('.'))
        })
    }
}

/// Field names whose values are credentials; masked wherever they are shown
/// outside of a requested result.
pub const SECRET_FIELDS: &[&str] = &[
    "client_secret",
    "client_assertion",
    "password",
    "otp",
    "binding_code",
    "recovery_code",
    "recovery_codes",
    "mfa_token",
    "oob_code",
    "access_token",
    "id_token",
    "refresh_token",
    // `POST /oauth/revoke` sends the refresh token as `token`.
    "token",
    "secret",
    "barcode_uri",
    // The Management API's `POST /users/{id}/authentication-methods`.
    "totp_secret",
    // What `users create` prints: the TOTP secret of the user it made.
    "otp_secret",
];

/// Whether a field of a request or an answer holds a credential.
pub fn is_secret_field(name: &str) -> bool {
    SECRET_FIELDS.contains(&name)
}

impl fmt::Debug for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let extra: Vec<&String> = self.extra.keys().collect();
        f.debug_struct("ApiError")
            .field("status", &self.status)
            .field("error", &self.error)
            .field("description", &self.description)
            .field("extra_fields", &extra)
            .field("retry_after", &self.retry_after)
            .finish()
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.description {
            Some(d) if !d.is_empty() => write!(f, "{}: {}", self.error, d),
            _ => f.write_str(&self.error),
        }
    }
}

/// Every failure of a request to the tenant.
#[derive(Debug, Clone)]
pub enum Error {
    /// Auth0 answered with an error in its own shape.
    Api(ApiError),
    /// No answer: DNS, connect, TLS, timeout.
    Network {
        url: String,
        message: String,
        tls: bool,
    },
    /// An answer that is not the Auth0 API: 5xx, HTML, bad or oversized JSON.
    Protocol {
        url: String,
        status: Option<u16>,
        message: String,
        /// Recovery codes the answer held though it could not be read as a
        /// whole: Auth0 shows each only once, so they must still be shown.
        once_issued: Vec<crate::secret::Secret>,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Api(api) => api.fmt(f),
            Error::Network { url, message, .. } => write!(f, "cannot reach {url}: {message}"),
            Error::Protocol {
                url,
                status: Some(status),
                message,
                ..
            } => write!(f, "unexpected answer from {url} (HTTP {status}): {message}"),
            Error::Protocol { url, message, .. } => {
                write!(f, "unexpected answer from {url}: {message}")
            }
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_does_not_show_extra_values() {
        let mut extra = Map::new();
        extra.insert("mfa_token".into(), Value::String("Fe26.2*sealed".into()));
        let e = ApiError {
            status: 403,
            error: "mfa_required".into(),
            description: Some("Multifactor authentication required".into()),
            extra,
            retry_after: None,
            ..Default::default()
        };
        let debug = format!("{e:?}");
        assert!(debug.contains("mfa_token"));
        assert!(!debug.contains("Fe26.2*sealed"));
    }

    #[test]
    fn says_ignores_case_and_period() {
        let e = ApiError {
            status: 403,
            error: "invalid_grant".into(),
            description: Some("Invalid otp_code.".into()),
            extra: Map::new(),
            retry_after: None,
            ..Default::default()
        };
        assert!(e.says("invalid otp_code"));
        assert!(!e.says("Invalid binding_code."));
    }
}
