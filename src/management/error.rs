//! What can go wrong talking to the Management API: its own error answers
//! (`statusCode`, `error`, `message`, `errorCode`), the client-credentials
//! grant that gets its token, and the network or answers that are not Auth0's.

use std::fmt;
use std::time::Duration;

use serde::Deserialize;

use crate::auth0::{self, Answer};

/// An error answer in the Management API's shape:
/// `{"statusCode":403,"error":"Forbidden","message":"Insufficient scope, ...","errorCode":"insufficient_scope"}`.
#[derive(Debug, Clone, Default)]
pub struct ApiError {
    pub status: u16,
    /// The HTTP reason Auth0 puts in `error` ("Forbidden").
    pub error: String,
    pub message: String,
    /// Sometimes absent (a 401 for a bad token has none).
    pub error_code: Option<String>,
    /// `errorCode`, else `error` in snake case ("Not Found" -> `not_found`).
    pub code: String,
    /// From `Retry-After` or `X-RateLimit-Reset`, on 429s.
    pub retry_after: Option<Duration>,
}

impl ApiError {
    /// A token that has expired: Auth0 says so only in the message.
    pub fn is_expired_token(&self) -> bool {
        self.status == 401 && self.message.to_ascii_lowercase().contains("expired")
    }
}

/// The machine-readable name: `errorCode`, else `error` in snake case,
/// else the status.
fn code_of(error_code: Option<&str>, error: &str, status: u16) -> String {
    if let Some(code) = error_code.filter(|c| !c.is_empty()) {
        return code.to_owned();
    }
    let snake: String = error
        .trim()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    if snake.is_empty() {
        format!("http_{status}")
    } else {
        snake
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = if self.message.is_empty() {
            &self.error
        } else {
            &self.message
        };
        write!(
            f,
            "the Management API refused (HTTP {}, {}): {message}",
            self.status, self.code
        )
    }
}

/// Every failure of a Management API command's requests.
#[derive(Debug, Clone)]
pub enum Error {
    /// The Management API answered with an error in its own shape.
    Api(ApiError),
    /// The client-credentials grant for the Management API failed (any way:
    /// refused, unreachable, not Auth0).
    Grant(auth0::Error),
    /// A Management API request got no answer, or one that is not Auth0's.
    Transport(auth0::Error),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Api(api) => api.fmt(f),
            Error::Grant(auth0::Error::Api(api)) => write!(
                f,
                "the Management API token was refused by the client-credentials grant: {api}"
            ),
            Error::Grant(other) | Error::Transport(other) => other.fmt(f),
        }
    }
}

impl std::error::Error for Error {}

/// The body fields of a Management API error; anything else is not one.
#[derive(Deserialize)]
struct Shape {
    error: Option<String>,
    message: Option<String>,
    #[serde(rename = "errorCode")]
    error_code: Option<String>,
}

/// A success answer as it is, or the error it amounts to: the Management
/// API's shape when the body has its `message`, else whatever the
/// Authentication API's rules make of it (an `{"error"}` body, HTML from
/// an edge, an empty 5xx).
pub(crate) fn judge(answer: Answer) -> Result<Answer, Error> {
    if answer.status.is_success() {
        return Ok(answer);
    }
    match serde_json::from_slice::<Shape>(&answer.body) {
        Ok(Shape {
            error,
            message: Some(message),
            error_code,
        }) => {
            let status = answer.status.as_u16();
            let retry_after = (status == 429)
                .then(|| auth0::retry_after(&answer.headers))
                .flatten();
            let error = error.unwrap_or_default();
            Err(Error::Api(ApiError {
                // The body's `statusCode` repeats it; the header is what happened.
                status,
                code: code_of(error_code.as_deref(), &error, status),
                error,
                message,
                error_code,
                retry_after,
            }))
        }
        _ => Err(Error::Transport(answer.into_error())),
    }
}
