//! One HTTP exchange with the tenant: send, read a size-capped body, report it
//! to the observer, and classify the answer as data or an `Error`.

use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use reqwest::header::HeaderMap;
use reqwest::{Method, StatusCode};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::error::{ApiError, Error, RateLimit, ResponseMeta};
use super::salvage;
use crate::secret::Secret;

/// Auth0's answers are a few KB; a tenant stand-in gone wrong can send anything.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// A request body, kept as named fields so traces can mask them by name.
#[derive(Debug, Clone)]
pub enum Body {
    Empty,
    Form(Vec<(&'static str, String)>),
    Json(Value),
}

/// What an observer sees of one request and its answer.
pub struct Exchange<'a> {
    pub method: &'a str,
    pub url: &'a str,
    pub request_headers: &'a [(&'static str, String)],
    pub request_body: &'a Body,
    pub status: Option<u16>,
    pub response_headers: Option<&'a HeaderMap>,
    pub response_body: &'a [u8],
    pub elapsed: Duration,
    pub failure: Option<&'a str>,
}

/// Watches requests (for `-v`, `--curl`); the client itself never prints.
pub trait Observer: Send + Sync {
    fn before(&self, _method: &str, _url: &str, _headers: &[(&'static str, String)], _body: &Body) {
    }
    fn after(&self, exchange: &Exchange<'_>);
    /// A 429 is being waited out before the request is sent again.
    fn rate_limited(&self, _wait: std::time::Duration) {}
}

/// An answer that arrived whole, before it is judged.
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
    pub url: String,
}

/// The connections to one tenant: reqwest's pool, shared by every client of
/// the process that talks to that domain (the Authentication and the
/// Management API clients of `doctor`).
#[derive(Clone)]
pub struct Pool {
    http: reqwest::Client,
    /// Over HTTPS the first request goes alone, and the rest wait for its
    /// answer: by then its connection is up and has said whether it speaks
    /// HTTP/2 (ALPN), so requests sent at once share it. Sent together onto
    /// an empty pool, each would open a connection of its own (a TCP and a
    /// TLS handshake each, all but one thrown away once HTTP/2 is agreed).
    /// True once an answer (or a failure) has come back.
    opened: Option<Arc<tokio::sync::Mutex<bool>>>,
}

impl Pool {
    /// `multiplexed`: the tenant is reached over HTTPS, where HTTP/2 can be
    /// agreed; plain HTTP has one request per connection at a time anyway.
    pub fn new(http: reqwest::Client, multiplexed: bool) -> Pool {
        Pool {
            http,
            opened: multiplexed.then(Default::default),
        }
    }
}

pub struct Transport {
    pool: Pool,
    observer: Option<Arc<dyn Observer>>,
    /// The headers of the latest answer, for `doctor`'s clock and rate-limit checks.
    last_meta: std::sync::Mutex<ResponseMeta>,
}

impl Transport {
    pub fn new(pool: Pool, observer: Option<Arc<dyn Observer>>) -> Self {
        Transport {
            pool,
            observer,
            last_meta: Default::default(),
        }
    }

    pub fn pool(&self) -> &Pool {
        &self.pool
    }

    pub fn last_meta(&self) -> ResponseMeta {
        self.last_meta.lock().map(|m| m.clone()).unwrap_or_default()
    }

    pub fn rate_limited(&self, wait: Duration) {
        if let Some(observer) = &self.observer {
            observer.rate_limited(wait);
        }
    }

    pub async fn send(
        &self,
        method: Method,
        url: String,
        bearer: Option<&Secret>,
        body: Body,
    ) -> Result<Answer, Error> {
        remember_secrets_sent(bearer, &body);
        let mut headers: Vec<(&'static str, String)> = vec![("accept", "application/json".into())];
        if let Some(token) = bearer {
            headers.push(("authorization", format!("Bearer {}", token.expose())));
        }
        let mut request = self.pool.http.request(method.clone(), &url);
        for (name, value) in &headers {
            request = request.header(*name, value);
        }
        request = match &body {
            Body::Empty => request,
            Body::Form(fields) => {
                headers.push(("content-type", "application/x-www-form-urlencoded".into()));
                request.form(fields)
            }
            Body::Json(value) => {
                headers.push(("content-type", "application/json".into()));
                request.json(value)
            }
        };
        // The first request on an HTTPS pool holds this until its answer.
        let mut first = match &self.pool.opened {
            Some(opened) => Some(opened.lock().await).filter(|answered| !**answered),
            None => None,
        };
        if let Some(observer) = &self.observer {
            observer.before(method.as_str(), &url, &headers, &body);
        }
        let started = Instant::now();
        let outcome = self.exchange(request).await;
        if let Some(answered) = first.as_deref_mut() {
            *answered = true;
        }
        drop(first);
        if let Some(observer) = &self.observer {
            let (status, response_headers, response_body, failure) = match &outcome {
                Ok((status, h, b)) => (Some(status.as_u16()), Some(h), b.as_slice(), None),
                Err(failed) => (None, None, &[][..], Some(failed.message.as_str())),
            };
            observer.after(&Exchange {
                method: method.as_str(),
                url: &url,
                request_headers: &headers,
                request_body: &body,
                status,
                response_headers,
                response_body,
                elapsed: started.elapsed(),
                failure,
            });
        }
        self.judge(url, outcome)
    }

    /// What came back, as the API's answer or the error it amounts to.
    fn judge(
        &self,
        url: String,
        outcome: Result<(StatusCode, HeaderMap, Vec<u8>), Failed>,
    ) -> Result<Answer, Error> {
        match outcome {
            Ok((status, _, body)) if body.len() > MAX_BODY_BYTES => Err(Error::Protocol {
                url,
                status: Some(status.as_u16()),
                message: format!("the answer is larger than {} KiB", MAX_BODY_BYTES / 1024),
                once_issued: salvage::recovery_codes(&body),
            }),
            // Auth0's API never redirects: a 3xx comes from something else (a
            // proxy, a captive portal, a hijacked name). reqwest is told not
            // to follow, and here it is refused, so nothing is resent anywhere.
            Ok((status, headers, _)) if status.is_redirection() => {
                let to = headers
                    .get("location")
                    .map(|l| String::from_utf8_lossy(l.as_bytes()).into_owned());
                Err(Error::Protocol {
                    url,
                    status: Some(status.as_u16()),
                    message: match to {
                        Some(to) => format!(
                            "a redirect to {}; the Auth0 API never redirects, so it was not followed and nothing was resent",
                            crate::sanitize::sanitize(&to)
                        ),
                        None => "a redirect; the Auth0 API never redirects, so it was not followed"
                            .into(),
                    },
                    once_issued: Vec::new(),
                })
            }
            Ok((status, headers, body)) => {
                if let Ok(mut last) = self.last_meta.lock() {
                    *last = meta(&headers);
                }
                Ok(Answer {
                    status,
                    headers,
                    body,
                    url,
                })
            }
            // Something answered, but not in HTTP: not the Auth0 API (exit 8),
            // where an unreachable server is a network error (3).
            Err(Failed {
                message,
                not_http: true,
            }) => Err(Error::Protocol {
                url,
                status: None,
                message: format!("an answer that is not valid HTTP ({message})"),
                once_issued: Vec::new(),
            }),
            Err(Failed { message, .. }) => Err(network_error(url, message)),
        }
    }

    /// Sends and reads at most one byte past the cap, so an oversized answer is
    /// recognised without being held whole.
    async fn exchange(
        &self,
        request: reqwest::RequestBuilder,
    ) -> Result<(StatusCode, HeaderMap, Vec<u8>), Failed> {
        let mut response = request.send().await.map_err(|e| Failed::of(&e))?;
        let status = response.status();
        let headers = response.headers().clone();
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|e| Failed::of(&e))? {
            body.extend_from_slice(&chunk);
            if body.len() > MAX_BODY_BYTES {
                break;
            }
        }
        Ok((status, headers, body))
    }
}

/// Notes every credential a request carries, so that no text from the server
/// can show one again (see [`crate::secret::redact`]).
fn remember_secrets_sent(bearer: Option<&Secret>, body: &Body) {
    use crate::secret::remember_sent;
    if let Some(token) = bearer {
        remember_sent(token.expose());
    }
    match body {
        Body::Empty => {}
        Body::Form(fields) => fields
            .iter()
            .filter(|(name, _)| super::is_secret_field(name))
            .for_each(|(_, value)| remember_sent(value)),
        Body::Json(Value::Object(fields)) => fields
            .iter()
            .filter(|(name, _)| super::is_secret_field(name))
            .filter_map(|(_, value)| value.as_str())
            .for_each(remember_sent),
        Body::Json(_) => {}
    }
}

impl Answer {
    /// Parses a success body as `T`, or turns the answer into the right `Error`.
    pub fn into_result<T: DeserializeOwned>(self) -> Result<T, Error> {
        if self.status.is_success() {
            serde_json::from_slice(&self.body).map_err(|e| {
                if looks_like_html(&self.body) {
                    self.protocol(html_description(&self.body))
                } else {
                    self.protocol(format!("malformed JSON ({e})"))
                }
            })
        } else {
            Err(self.into_error())
        }
    }

    /// The `X-RateLimit-*` headers of this answer.
    pub fn rate_limit(&self) -> Option<RateLimit> {
        meta(&self.headers).rate_limit
    }

    /// How long Auth0 asks to wait before resending, for a rate-limit 429.
    /// Brute-force protection (`too_many_attempts`) is not waited out: it
    /// lasts minutes, and the user should know at once.
    pub fn rate_limit_wait(&self) -> Option<Duration> {
        if self.status != StatusCode::TOO_MANY_REQUESTS {
            return None;
        }
        let error = serde_json::from_slice::<Value>(&self.body)
            .ok()
            .and_then(|v| v.get("error").and_then(Value::as_str).map(str::to_owned));
        if error.as_deref() == Some("too_many_attempts") {
            return None;
        }
        retry_after(&self.headers)
    }

    /// A success with no body (DELETE answers 204). Another 2xx that
    /// carries a body is not Auth0's answer: an edge page, a cut-off body.
    pub fn into_empty(self) -> Result<(), Error> {
        match self.status {
            StatusCode::NO_CONTENT => Ok(()),
            status if status.is_success() && self.body.is_empty() => Ok(()),
            status if status.is_success() => Err(self.protocol(format!(
                "HTTP {} with a body, where Auth0 answers 204 No Content",
                status.as_u16()
            ))),
            _ => Err(self.into_error()),
        }
    }

    pub fn into_error(self) -> Error {
        match serde_json::from_slice::<Value>(&self.body) {
            Ok(Value::Object(mut fields)) if fields.get("error").is_some_and(Value::is_string) => {
                let error = take_string(&mut fields, "error").unwrap_or_default();
                let description = take_string(&mut fields, "error_description");
                // A wait only means something on a 429 and a `slow_down`, and the
                // rate-limit window's reset says nothing about how long a
                // brute-force block lasts.
                let retry_after = match (self.status, error.as_str()) {
                    (StatusCode::TOO_MANY_REQUESTS, "too_many_attempts") | (_, "slow_down") => {
                        retry_after_header(&self.headers)
                    }
                    (StatusCode::TOO_MANY_REQUESTS, _) => retry_after(&self.headers),
                    _ => None,
                };
                Error::Api(ApiError {
                    status: self.status.as_u16(),
                    error,
                    description,
                    retry_after,
                    meta: Box::new(meta(&self.headers)),
                    extra: fields,
                })
            }
            _ if self.status == StatusCode::TOO_MANY_REQUESTS => Error::Api(ApiError {
                status: 429,
                error: "too_many_requests".into(),
                description: None,
                extra: Map::new(),
                retry_after: retry_after(&self.headers),
                meta: Box::new(meta(&self.headers)),
            }),
            _ => {
                let what = if looks_like_html(&self.body) {
                    html_description(&self.body)
                } else if self.body.is_empty() {
                    "an empty body".to_owned()
                } else {
                    "a body that is not an Auth0 error".to_owned()
                };
                self.protocol(what)
            }
        }
    }

    fn protocol(&self, message: String) -> Error {
        Error::Protocol {
            url: self.url.clone(),
            status: Some(self.status.as_u16()),
            message,
            once_issued: if self.status.is_success() {
                salvage::recovery_codes(&self.body)
            } else {
                Vec::new()
            },
        }
    }
}

fn take_string(fields: &mut Map<String, Value>, key: &str) -> Option<String> {
    match fields.remove(key) {
        Some(Value::String(s)) => Some(s),
        _ => None,
    }
}

/// "an HTML page titled "...", not the Auth0 API": says what answered instead.
fn html_description(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(&body[..body.len().min(8192)]);
    let title = text.to_ascii_lowercase().find("<title>").and_then(|start| {
        let rest = &text[start + 7..];
        let end = rest.to_ascii_lowercase().find("</title>")?;
        Some(rest[..end].trim().chars().take(80).collect::<String>())
    });
    match title {
        Some(title) if !title.is_empty() => {
            format!("an HTML page titled \"{title}\", not the Auth0 API")
        }
        _ => "an HTML page, not the Auth0 API".to_owned(),
    }
}

fn looks_like_html(body: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&body[..body.len().min(256)]).to_ascii_lowercase();
    head.trim_start().starts_with('<')
}

/// The `Date` and `X-RateLimit-*` headers.
pub fn meta(headers: &HeaderMap) -> ResponseMeta {
    let number = |name: &str| header_seconds(headers, name);
    let rate_limit = match (
        number("x-ratelimit-limit"),
        number("x-ratelimit-remaining"),
        number("x-ratelimit-reset"),
    ) {
        (Some(limit), Some(remaining), Some(reset)) => Some(RateLimit {
            limit,
            remaining,
            reset,
        }),
        _ => None,
    };
    let date = headers
        .get("date")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| httpdate::parse_http_date(v.trim()).ok())
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
    ResponseMeta { date, rate_limit }
}

fn header_seconds(headers: &HeaderMap, name: &str) -> Option<u64> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
}

/// The longest wait any server value is taken for. Numbers from outside are
/// clamped where they are read, so no later arithmetic on them can overflow.
pub const MAX_SERVER_WAIT: Duration = Duration::from_secs(7 * 24 * 3600);

/// Seconds a server asked for, as a wait that later arithmetic can trust.
pub fn server_seconds(seconds: u64) -> Duration {
    Duration::from_secs(seconds).min(MAX_SERVER_WAIT)
}

/// `Retry-After`, in either of its forms (seconds, or an HTTP date).
fn retry_after_header(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get("retry-after")?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(server_seconds(seconds));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    let wait = at
        .duration_since(SystemTime::now())
        .unwrap_or(Duration::ZERO);
    Some(wait.min(MAX_SERVER_WAIT))
}

/// `Retry-After` first, else `X-RateLimit-Reset` (Unix epoch seconds).
pub fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    if let Some(wait) = retry_after_header(headers) {
        return Some(wait);
    }
    let reset = header_seconds(headers, "x-ratelimit-reset")?;
    let now = SystemTime::now().duration_since(UNIX_EPOCH).ok()?.as_secs();
    Some(server_seconds(reset.saturating_sub(now)))
}

/// A request that got no usable answer.
struct Failed {
    message: String,
    /// The server answered with bytes that are not HTTP (a bad status line,
    /// contradictory lengths, another protocol's banner).
    not_http: bool,
}

impl Failed {
    fn of(error: &reqwest::Error) -> Failed {
        let mut source = std::error::Error::source(error);
        let mut not_http = false;
        while let Some(cause) = source {
            if let Some(hyper) = cause.downcast_ref::<hyper::Error>() {
                not_http |= hyper.is_parse() || hyper.is_parse_status();
            }
            source = cause.source();
        }
        Failed {
            message: describe(error),
            not_http,
        }
    }
}

/// reqwest's own message names only the outer layer; the cause is further down.
fn describe(error: &reqwest::Error) -> String {
    let mut message = if error.is_timeout() {
        "timed out".to_owned()
    } else if error.is_connect() {
        "connection failed".to_owned()
    } else {
        "request failed".to_owned()
    };
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        let text = cause.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
        source = cause.source();
    }
    message
}

fn network_error(url: String, message: String) -> Error {
    let lower = message.to_ascii_lowercase();
    let tls = lower.contains("certificate") || lower.contains("tls") || lower.contains("handshake");
    Error::Network { url, message, tls }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(status: u16, body: &str) -> Answer {
        Answer {
            status: StatusCode::from_u16(status).unwrap(),
            headers: HeaderMap::new(),
            body: body.as_bytes().to_vec(),
            url: "https://t/oauth/token".into(),
        }
    }

    #[test]
    fn auth0_error_keeps_extra_fields() {
        let e = answer(
            403,
            r#"{"error":"mfa_required","error_description":"Multifactor authentication required","mfa_token":"Fe26.2*x"}"#,
        )
        .into_error();
        let Error::Api(api) = e else { panic!("{e:?}") };
        assert_eq!(api.status, 403);
        assert_eq!(api.error, "mfa_required");
        assert_eq!(api.extra["mfa_token"], "Fe26.2*x");
    }

    #[test]
    fn html_is_a_protocol_error() {
        let e = answer(502, "<html><body>Bad gateway</body></html>").into_error();
        assert!(
            matches!(
                e,
                Error::Protocol {
                    status: Some(502),
                    ..
                }
            ),
            "{e:?}"
        );
    }

    #[test]
    fn truncated_json_success_is_a_protocol_error() {
        let e = answer(200, r#"{"access_token":"abc"#)
            .into_result::<Value>()
            .unwrap_err();
        assert!(matches!(e, Error::Protocol { .. }), "{e:?}");
    }

    #[test]
    fn http_dates_and_rate_limits_are_read() {
        let mut headers = HeaderMap::new();
        headers.insert("date", "Fri, 13 Feb 2009 23:31:30 GMT".parse().unwrap());
        headers.insert("x-ratelimit-limit", "100".parse().unwrap());
        headers.insert("x-ratelimit-remaining", "7".parse().unwrap());
        headers.insert("x-ratelimit-reset", "1234567890".parse().unwrap());
        let meta = meta(&headers);
        assert_eq!(meta.date, Some(1_234_567_890));
        assert_eq!(meta.rate_limit.unwrap().remaining, 7);
    }

    mod properties {
        use super::*;
        use crate::auth0::{Association, Authenticator, Challenge, TokenSet};
        use proptest::prelude::*;

        fn statuses() -> impl Strategy<Value = u16> {
            prop_oneof![
                Just(200u16),
                Just(204),
                Just(400),
                Just(401),
                Just(403),
                Just(429),
                Just(500),
                100u16..600
            ]
        }

        /// Bodies near the shapes Auth0 sends, and bytes that are nothing.
        fn bodies() -> impl Strategy<Value = Vec<u8>> {
            let json_like = proptest::string::string_regex(
                r#"\{("(error|error_description|access_token|mfa_token|challenge_type|oob_code|expires_in|interval|recovery_code|id|active)":(\"[^"]{0,20}\"|-?[0-9]{1,25}|true|null|\[\]|\{\}),?){0,6}\}"#,
            )
            .unwrap()
            .prop_map(String::into_bytes);
            prop_oneof![json_like, proptest::collection::vec(any::<u8>(), 0..300)]
        }

        fn answer_with(status: u16, body: Vec<u8>, headers: Vec<(String, String)>) -> Answer {
            let mut map = HeaderMap::new();
            for (name, value) in headers {
                if let (Ok(name), Ok(value)) = (
                    reqwest::header::HeaderName::from_bytes(name.as_bytes()),
                    reqwest::header::HeaderValue::from_str(&value),
                ) {
                    map.insert(name, value);
                }
            }
            Answer {
                status: StatusCode::from_u16(status).unwrap_or(StatusCode::OK),
                headers: map,
                body,
                url: "https://t/x".into(),
            }
        }

        fn headers() -> impl Strategy<Value = Vec<(String, String)>> {
            let names = prop_oneof![
                Just("retry-after".to_owned()),
                Just("x-ratelimit-reset".to_owned()),
                Just("x-ratelimit-remaining".to_owned()),
                Just("x-ratelimit-limit".to_owned()),
                Just("date".to_owned()),
            ];
            let values = prop_oneof![
                "[0-9]{1,30}",
                "-[0-9]{1,5}",
                "(Mon|Sun|Fri), [0-9]{1,2} (Jan|Feb|Dec) [0-9]{1,6} [0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2} GMT",
                "[ -~]{0,40}",
            ];
            proptest::collection::vec((names, values), 0..5)
        }

        proptest! {
            /// Whatever a server answers, parsing ends in a value or an
            /// `Error`, never a panic, and every wait it yields is bounded.
            #[test]
            fn any_answer_parses_or_is_an_error(status in statuses(), body in bodies(), headers in headers()) {
                let make = || answer_with(status, body.clone(), headers.clone());
                let _ = make().into_result::<TokenSet>();
                let _ = make().into_result::<Challenge>();
                let _ = make().into_result::<Vec<Authenticator>>();
                let _ = make().into_result::<Association>();
                let _ = make().into_empty();
                if let Error::Api(api) = make().into_error() {
                    prop_assert!(api.retry_after.is_none_or(|w| w <= MAX_SERVER_WAIT));
                }
                if let Some(wait) = make().rate_limit_wait() {
                    prop_assert!(wait <= MAX_SERVER_WAIT);
                }
                let _ = meta(&make().headers);
                let _ = meta(&make().headers).clock_skew();
            }
        }
    }

    fn answer_with_headers(status: u16, body: &str, headers: &[(&'static str, &str)]) -> Answer {
        let mut answer = answer(status, body);
        for (name, value) in headers {
            answer.headers.insert(*name, value.parse().unwrap());
        }
        answer
    }

    #[test]
    fn a_success_without_a_body_is_empty_and_one_with_a_body_is_not_auth0() {
        assert!(answer(204, "").into_empty().is_ok());
        assert!(answer(200, "").into_empty().is_ok());
        let e = answer(200, "<html>edge page</html>")
            .into_empty()
            .unwrap_err();
        assert!(
            matches!(&e, Error::Protocol { status: Some(200), message, .. } if message.contains("204 No Content")),
            "{e:?}"
        );
        let e = answer(404, r#"{"error":"not_found"}"#)
            .into_empty()
            .unwrap_err();
        assert!(
            matches!(&e, Error::Api(api) if api.error == "not_found"),
            "{e:?}"
        );
        // An error status with no body is no success either.
        let e = answer(500, "").into_empty().unwrap_err();
        assert!(
            matches!(&e, Error::Protocol { status: Some(500), message, .. } if message == "an empty body"),
            "{e:?}"
        );
    }

    #[test]
    fn only_a_rate_limit_429_is_waited_out() {
        let retry = [("retry-after", "3")];
        let limited = answer_with_headers(429, r#"{"error":"too_many_requests"}"#, &retry);
        assert_eq!(limited.rate_limit_wait(), Some(Duration::from_secs(3)));
        let blocked = answer_with_headers(429, r#"{"error":"too_many_attempts"}"#, &retry);
        assert_eq!(blocked.rate_limit_wait(), None, "brute-force protection");
        let refused = answer_with_headers(400, r#"{"error":"invalid_request"}"#, &retry);
        assert_eq!(refused.rate_limit_wait(), None, "not a 429");
    }

    #[test]
    fn the_rate_limit_headers_are_read_from_an_answer() {
        let headers = [
            ("x-ratelimit-limit", "10"),
            ("x-ratelimit-remaining", "2"),
            ("x-ratelimit-reset", "1234567890"),
        ];
        let limit = answer_with_headers(200, "{}", &headers).rate_limit();
        assert_eq!(
            limit,
            Some(RateLimit {
                limit: 10,
                remaining: 2,
                reset: 1_234_567_890
            })
        );
    }

    /// The wait an error carries: on a 429 the `Retry-After` header, else the
    /// rate-limit window's reset; for brute-force protection only
    /// `Retry-After` (the window says nothing of the block); for `slow_down`
    /// on any status; and none for any other error.
    #[test]
    fn an_error_s_wait_comes_from_the_headers_that_mean_it() {
        let in_a_minute = (SystemTime::now() + Duration::from_secs(60))
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs()
            .to_string();
        let reset = [("x-ratelimit-reset", in_a_minute.as_str())];
        let wait = |status, body, headers: &[(&'static str, &str)]| {
            let Error::Api(api) = answer_with_headers(status, body, headers).into_error() else {
                panic!("not an API error: {status} {body}")
            };
            api.retry_after
        };
        let around_a_minute = |wait: Option<Duration>| {
            wait.is_some_and(|w| (Duration::from_secs(55)..=Duration::from_secs(60)).contains(&w))
        };
        assert!(around_a_minute(wait(
            429,
            r#"{"error":"too_many_requests"}"#,
            &reset
        )));
        assert_eq!(wait(429, r#"{"error":"too_many_attempts"}"#, &reset), None);
        assert_eq!(
            wait(
                429,
                r#"{"error":"too_many_attempts"}"#,
                &[("retry-after", "9")]
            ),
            Some(Duration::from_secs(9))
        );
        assert_eq!(
            wait(400, r#"{"error":"slow_down"}"#, &[("retry-after", "5")]),
            Some(Duration::from_secs(5))
        );
        assert_eq!(
            wait(400, r#"{"error":"invalid_grant"}"#, &[("retry-after", "5")]),
            None
        );
        // A 429 that is not in Auth0's shape is still the rate limit.
        assert!(around_a_minute(wait(429, "Too Many Requests", &reset)));
        let Error::Api(api) = answer(429, "").into_error() else {
            panic!("a bare 429 is the rate limit")
        };
        assert_eq!(api.error, "too_many_requests");
    }

    #[test]
    fn an_error_field_that_is_not_text_is_not_auth0_s_error() {
        let e = answer(400, r#"{"error":{"code":1}}"#).into_error();
        assert!(
            matches!(&e, Error::Protocol { status: Some(400), message, .. } if message.contains("not an Auth0 error")),
            "{e:?}"
        );
    }

    /// What answered instead of Auth0, in the error: an HTML page by its
    /// title, else by what the body is.
    #[test]
    fn an_answer_that_is_not_auth0_says_what_it_is() {
        let message = |e: Error| match e {
            Error::Protocol { message, .. } => message,
            other => panic!("{other:?}"),
        };
        let page = "\n <HTML><head><TITLE> 502 Bad Gateway </title></head></html>";
        assert_eq!(
            message(answer(502, page).into_error()),
            "an HTML page titled \"502 Bad Gateway\", not the Auth0 API"
        );
        assert_eq!(
            message(answer(200, page).into_result::<Value>().unwrap_err()),
            "an HTML page titled \"502 Bad Gateway\", not the Auth0 API"
        );
        assert_eq!(
            message(answer(503, "<html><title> </title></html>").into_error()),
            "an HTML page, not the Auth0 API"
        );
        assert_eq!(
            message(answer(500, "upstream connect error").into_error()),
            "a body that is not an Auth0 error"
        );
        let e = answer(200, "OK").into_result::<Value>().unwrap_err();
        assert!(message(e).starts_with("malformed JSON"));
    }

    /// Any of the three words marks a failure as TLS's (its hint names
    /// --cacert); a failure without them is the network's.
    #[test]
    fn a_tls_failure_is_told_by_any_of_its_words() {
        let tls = |message: &str| match network_error("https://t".into(), message.into()) {
            Error::Network { tls, .. } => tls,
            other => panic!("{other:?}"),
        };
        assert!(tls(
            "connection failed: invalid peer certificate: UnknownIssuer"
        ));
        assert!(tls("request failed: TLS alert"));
        assert!(tls("connection failed: handshake aborted"));
        assert!(!tls("connection failed: Connection refused (os error 111)"));
    }

    #[test]
    fn retry_after_prefers_the_header() {
        let mut headers = HeaderMap::new();
        headers.insert("retry-after", "7".parse().unwrap());
        headers.insert("x-ratelimit-reset", "1".parse().unwrap());
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(7)));
    }

    #[test]
    fn retry_after_takes_an_http_date_and_clamps_what_is_absurd() {
        let mut headers = HeaderMap::new();
        let soon = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(120));
        headers.insert("retry-after", soon.parse().unwrap());
        let wait = retry_after(&headers).unwrap();
        assert!((Duration::from_secs(100)..=Duration::from_secs(120)).contains(&wait));
        headers.insert("retry-after", "18446744073709551615".parse().unwrap());
        assert_eq!(retry_after(&headers), Some(MAX_SERVER_WAIT));
        // The clamp is a week: a week is taken as it is, a second more is not.
        let week = 7 * 24 * 3600;
        headers.insert("retry-after", week.to_string().parse().unwrap());
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(week)));
        headers.insert("retry-after", (week + 1).to_string().parse().unwrap());
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(week)));
        headers.insert(
            "retry-after",
            "Sun, 06 Nov 1994 08:49:37 GMT".parse().unwrap(),
        );
        assert_eq!(retry_after(&headers), Some(Duration::ZERO));
    }
}
