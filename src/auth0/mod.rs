//! The Auth0 Authentication API client: token grants, the `/mfa/` endpoints and
//! client authentication. It returns typed results and never prints or prompts.

mod assertion;
#[cfg(test)]
mod contract;
mod error;
#[cfg(test)]
pub(crate) mod fixtures;
pub mod salvage;
mod transport;
mod types;

use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::Method;
use serde_json::{Value, json};

use crate::domain::Domain;
use crate::secret::Secret;

pub use assertion::{ASSERTION_TYPE, AssertionAlg, AssertionKey};
pub use error::{ApiError, Error, RateLimit, ResponseMeta, SECRET_FIELDS, is_secret_field};
pub use transport::{
    Answer, Body, Exchange, MAX_BODY_BYTES, MAX_SERVER_WAIT, Observer, retry_after, server_seconds,
};
pub use types::{
    Association, Authenticator, Challenge, ChallengeType, LoginOutcome, MfaRequired, TokenSet,
};

pub const GRANT_PASSWORD: &str = "password";
pub const GRANT_PASSWORD_REALM: &str = "http://auth0.com/oauth/grant-type/password-realm";
pub const GRANT_REFRESH_TOKEN: &str = "refresh_token";
pub const GRANT_MFA_OTP: &str = "http://auth0.com/oauth/grant-type/mfa-otp";
pub const GRANT_MFA_OOB: &str = "http://auth0.com/oauth/grant-type/mfa-oob";
pub const GRANT_MFA_RECOVERY_CODE: &str = "http://auth0.com/oauth/grant-type/mfa-recovery-code";
pub const GRANT_CLIENT_CREDENTIALS: &str = "client_credentials";

/// How the application proves who it is. Every Auth0 SDK sends the secret in
/// the body (client_secret_post), and only that is confirmed for `/mfa/challenge`.
#[derive(Debug, Clone)]
pub enum ClientAuth {
    /// A public client (native app, SPA): the client id alone.
    Public { client_id: String },
    Secret {
        client_id: String,
        client_secret: Secret,
    },
    /// private_key_jwt: a new signed assertion on every request.
    Assertion {
        client_id: String,
        key: AssertionKey,
    },
}

impl ClientAuth {
    pub fn client_id(&self) -> &str {
        match self {
            ClientAuth::Public { client_id }
            | ClientAuth::Secret { client_id, .. }
            | ClientAuth::Assertion { client_id, .. } => client_id,
        }
    }

    /// The body fields that authenticate the client; `audience` is `https://DOMAIN/`.
    fn fields(&self, audience: &str) -> Vec<(&'static str, String)> {
        let mut fields = vec![("client_id", self.client_id().to_owned())];
        match self {
            ClientAuth::Public { .. } => {}
            ClientAuth::Secret { client_secret, .. } => {
                fields.push(("client_secret", client_secret.expose().to_owned()));
            }
            ClientAuth::Assertion { client_id, key } => {
                fields.push(("client_assertion_type", ASSERTION_TYPE.to_owned()));
                fields.push(("client_assertion", key.sign(client_id, audience)));
            }
        }
        fields
    }
}

/// The password grant's inputs (`password-realm` when a realm is given).
#[derive(Debug, Clone)]
pub struct PasswordLogin {
    pub username: String,
    pub password: Secret,
    pub realm: Option<String>,
    pub audience: Option<String>,
    pub scope: Option<String>,
}

/// How to reach the tenant.
#[derive(Debug, Clone, Default)]
pub struct Transport {
    /// Per request; also the most a rate-limit wait may take.
    pub timeout: Duration,
    /// PEM certificates to trust besides the built-in roots (`--cacert`).
    pub extra_roots: Vec<rustls::pki_types::TrustAnchor<'static>>,
    /// Whether requests say which tool sent them (`Auth0-Client`).
    pub client_info: bool,
}

/// A request body, built anew for each attempt: client assertions are single-use.
enum Request {
    /// Form-encoded, for `/oauth/token`, with the client's credentials.
    Token(Vec<(&'static str, String)>),
    /// JSON for `/mfa/*`; `true` adds the client's credentials.
    Json(serde_json::Map<String, Value>, bool),
    Empty,
}

/// One client per process, so every step of a flow reuses the connection.
pub struct Client {
    domain: Domain,
    auth: ClientAuth,
    timeout: Duration,
    transport: transport::Transport,
}

/// `Auth0-Client`, as Auth0's SDKs and CLI send it: base64url (no padding) of
/// `{"name", "version", "env"}`, so that tenant logs name the tool that called.
/// Sent unless `Transport::client_info` is off (`AUTH0_MFA_NO_CLIENT_INFO=1`).
/// Not a secret; the traces, which show what a request carries beyond every
/// request's defaults, leave it out too.
fn client_info() -> Option<reqwest::header::HeaderValue> {
    use base64::Engine;
    let info = json!({
        "name": "auth0-mfa",
        "version": env!("CARGO_PKG_VERSION"),
        "env": {"os": std::env::consts::OS, "arch": std::env::consts::ARCH},
    });
    let encoded = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(info.to_string());
    reqwest::header::HeaderValue::from_str(&encoded).ok()
}

/// The one reqwest client of a [`Client`]: rustls with ring, no proxy for a
/// loopback tenant, redirects never followed, `--timeout` per request.
fn http_client(domain: &Domain, transport: &Transport) -> Result<reqwest::Client, Error> {
    let mut headers = reqwest::header::HeaderMap::new();
    if let Some(info) = client_info().filter(|_| transport.client_info) {
        headers.insert("auth0-client", info);
    }
    let mut builder = reqwest::Client::builder();
    if domain.is_loopback() {
        // HTTP_PROXY and the like would carry passwords and codes in
        // cleartext to the proxy, and its answers would pass for the tenant's.
        builder = builder.no_proxy();
    }
    builder
        .user_agent(concat!("auth0-mfa/", env!("CARGO_PKG_VERSION")))
        .default_headers(headers)
        .timeout(transport.timeout)
        .connect_timeout(transport.timeout)
        .tls_backend_preconfigured(tls_config(&transport.extra_roots))
        // Never follow: a redirect would resend credentials and codes to
        // wherever it points (see transport::send, which refuses it).
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|e| Error::Network {
            url: domain.base_url(),
            message: format!("cannot set up the HTTP client: {e}"),
            tls: false,
        })
}

/// 429s are retried only when Auth0's wait is this short or shorter.
const MAX_RATE_LIMIT_WAIT: Duration = Duration::from_secs(60);

/// The shortest wait before a resend (or a poll) after a 429, whatever the
/// server says.
pub const MIN_RATE_LIMIT_WAIT: Duration = Duration::from_secs(1);

/// A request refused by rate limiting is resent this many times at most.
const MAX_RESENDS: u32 = 5;

impl Client {
    pub fn new(
        domain: Domain,
        auth: ClientAuth,
        transport: Transport,
        observer: Option<Arc<dyn Observer>>,
    ) -> Result<Client, Error> {
        let http = http_client(&domain, &transport)?;
        let multiplexed = domain.base_url().starts_with("https://");
        Ok(Client {
            domain,
            auth,
            timeout: transport.timeout,
            transport: transport::Transport::new(transport::Pool::new(http, multiplexed), observer),
        })
    }

    /// A client of another application on this one's domain and connections
    /// (the Management API's M2M application beside the one that logs in):
    /// requests of both go out on one connection where HTTP/2 allows.
    pub fn beside(&self, auth: ClientAuth, observer: Option<Arc<dyn Observer>>) -> Client {
        Client {
            domain: self.domain.clone(),
            auth,
            timeout: self.timeout,
            transport: transport::Transport::new(self.transport.pool().clone(), observer),
        }
    }

    pub fn domain(&self) -> &Domain {
        &self.domain
    }

    pub fn client_id(&self) -> &str {
        self.auth.client_id()
    }

    /// The `Date` and rate-limit headers of the latest answer.
    pub fn last_meta(&self) -> ResponseMeta {
        self.transport.last_meta()
    }

    /// The client authentication method, as Auth0's dashboard names it.
    pub fn auth_method(&self) -> &'static str {
        match self.auth {
            ClientAuth::Public { .. } => "none (public client)",
            ClientAuth::Secret { .. } => "client_secret_post",
            ClientAuth::Assertion { .. } => "private_key_jwt",
        }
    }

    /// `GET /.well-known/openid-configuration`: the tenant's discovery document,
    /// with the answer's `Date` and rate-limit headers.
    pub async fn discovery(&self) -> Result<(serde_json::Map<String, Value>, ResponseMeta), Error> {
        let answer = self
            .request(
                Method::GET,
                "/.well-known/openid-configuration",
                None,
                Request::Empty,
            )
            .await?;
        let meta = transport::meta(&answer.headers);
        Ok((answer.into_result()?, meta))
    }

    /// The password grant. `mfa_required` is recognised by its `error` field,
    /// whatever the status: the docs say 403, the OpenAPI file 401.
    pub async fn login_password(&self, login: &PasswordLogin) -> Result<LoginOutcome, Error> {
        let mut fields = vec![
            ("username", login.username.clone()),
            ("password", login.password.expose().to_owned()),
        ];
        match &login.realm {
            Some(realm) => {
                fields.push(("grant_type", GRANT_PASSWORD_REALM.into()));
                fields.push(("realm", realm.clone()));
            }
            None => fields.push(("grant_type", GRANT_PASSWORD.into())),
        }
        if let Some(audience) = &login.audience {
            fields.push(("audience", audience.clone()));
        }
        if let Some(scope) = &login.scope {
            fields.push(("scope", scope.clone()));
        }
        outcome_of(self.token(fields).await, &self.domain.url("/oauth/token"))
    }

    /// The refresh-token grant. Like the password grant it can answer
    /// `mfa_required`; with rotation on, the answer carries a new refresh
    /// token that replaces the one sent.
    pub async fn refresh(&self, refresh_token: &Secret) -> Result<LoginOutcome, Error> {
        let fields = vec![
            ("grant_type", GRANT_REFRESH_TOKEN.into()),
            ("refresh_token", refresh_token.expose().to_owned()),
        ];
        outcome_of(self.token(fields).await, &self.domain.url("/oauth/token"))
    }

    /// `POST /oauth/revoke`: the refresh token, and the access tokens issued
    /// from it, stop working. Auth0 answers 200 with an empty body.
    pub async fn revoke(&self, refresh_token: &Secret) -> Result<(), Error> {
        let fields = vec![("token", refresh_token.expose().to_owned())];
        self.request(Method::POST, "/oauth/revoke", None, Request::Token(fields))
            .await?
            .into_empty()
    }

    /// `POST /mfa/challenge`. `types` becomes Auth0's space-separated list.
    pub async fn challenge(
        &self,
        mfa_token: &Secret,
        types: &[ChallengeType],
        authenticator_id: Option<&str>,
    ) -> Result<Challenge, Error> {
        let mut body = serde_json::Map::new();
        body.insert("mfa_token".into(), json!(mfa_token.expose()));
        if !types.is_empty() {
            let list: Vec<&str> = types.iter().map(|t| t.as_str()).collect();
            body.insert("challenge_type".into(), json!(list.join(" ")));
        }
        if let Some(id) = authenticator_id {
            body.insert("authenticator_id".into(), json!(id));
        }
        self.request(
            Method::POST,
            "/mfa/challenge",
            None,
            Request::Json(body, true),
        )
        .await?
        .into_result()
    }

    /// The mfa-otp grant: an authenticator app's code.
    pub async fn verify_otp(&self, mfa_token: &Secret, otp: &Secret) -> Result<TokenSet, Error> {
        self.token(vec![
            ("grant_type", GRANT_MFA_OTP.into()),
            ("mfa_token", mfa_token.expose().to_owned()),
            ("otp", otp.expose().to_owned()),
        ])
        .await
    }

    /// The mfa-oob grant: one poll of a push, or an SMS/voice/email code
    /// (`binding_code`). A pending push is the `authorization_pending` error.
    pub async fn verify_oob(
        &self,
        mfa_token: &Secret,
        oob_code: &Secret,
        binding_code: Option<&Secret>,
    ) -> Result<TokenSet, Error> {
        let mut fields = vec![
            ("grant_type", GRANT_MFA_OOB.into()),
            ("mfa_token", mfa_token.expose().to_owned()),
            ("oob_code", oob_code.expose().to_owned()),
        ];
        if let Some(code) = binding_code {
            fields.push(("binding_code", code.expose().to_owned()));
        }
        self.token(fields).await
    }

    /// The mfa-recovery-code grant. The answer carries the user's new code.
    pub async fn verify_recovery_code(
        &self,
        mfa_token: &Secret,
        recovery_code: &Secret,
    ) -> Result<TokenSet, Error> {
        self.token(vec![
            ("grant_type", GRANT_MFA_RECOVERY_CODE.into()),
            ("mfa_token", mfa_token.expose().to_owned()),
            ("recovery_code", recovery_code.expose().to_owned()),
        ])
        .await
    }

    /// `GET /mfa/authenticators`, with an mfa_token or an `/mfa/` access token.
    pub async fn list_authenticators(&self, token: &Secret) -> Result<Vec<Authenticator>, Error> {
        self.request(
            Method::GET,
            "/mfa/authenticators",
            Some(token),
            Request::Empty,
        )
        .await?
        .into_result()
    }

    /// `POST /mfa/associate`: enrolls a new, inactive authenticator. The token
    /// is an mfa_token (first factor only) or an `/mfa/` access token with
    /// `enroll`; the client credentials go in the body as the docs list them.
    pub async fn associate(
        &self,
        token: &Secret,
        enrollment: &Enrollment,
    ) -> Result<Association, Error> {
        let mut body = serde_json::Map::new();
        let (kind, channel) = match enrollment {
            Enrollment::Otp => ("otp", None),
            Enrollment::Sms { .. } => ("oob", Some("sms")),
            Enrollment::Voice { .. } => ("oob", Some("voice")),
            Enrollment::Email { .. } => ("oob", Some("email")),
            Enrollment::Push => ("oob", Some("auth0")),
        };
        body.insert("authenticator_types".into(), json!([kind]));
        if let Some(channel) = channel {
            body.insert("oob_channels".into(), json!([channel]));
        }
        match enrollment {
            Enrollment::Sms { phone } | Enrollment::Voice { phone } => {
                body.insert("phone_number".into(), json!(phone));
            }
            Enrollment::Email { email: Some(email) } => {
                body.insert("email".into(), json!(email));
            }
            _ => {}
        }
        self.request(
            Method::POST,
            "/mfa/associate",
            Some(token),
            Request::Json(body, true),
        )
        .await?
        .into_result()
    }

    /// `DELETE /mfa/authenticators/{id}`, the id percent-encoded (`|` as `%7C`).
    pub async fn delete_authenticator(&self, token: &Secret, id: &str) -> Result<(), Error> {
        let path = format!("/mfa/authenticators/{}", encode_path_segment(id));
        self.request(Method::DELETE, &path, Some(token), Request::Empty)
            .await?
            .into_empty()
    }

    /// `POST /oauth/token`, form-encoded, with the client's credentials.
    async fn token(&self, fields: Vec<(&'static str, String)>) -> Result<TokenSet, Error> {
        self.request(Method::POST, "/oauth/token", None, Request::Token(fields))
            .await?
            .into_result()
    }

    /// Sends a request to a path of the tenant (see [`Client::send`]).
    async fn request(
        &self,
        method: Method,
        path: &str,
        bearer: Option<&Secret>,
        request: Request,
    ) -> Result<transport::Answer, Error> {
        self.send(method, &self.domain.url(path), bearer, &|| {
            self.body(&request)
        })
        .await
    }

    /// Sends a request, its body built anew for each attempt. A 429 for the
    /// tenant's rate limit is waited out as `Retry-After` (else
    /// `X-RateLimit-Reset`) says, within `--timeout`, and resent: the refused
    /// request consumed nothing. Nothing else is retried: a resent code could
    /// burn the user's attempts. The Management API client sends through this too.
    pub(crate) async fn send(
        &self,
        method: Method,
        url: &str,
        bearer: Option<&Secret>,
        body: &dyn Fn() -> Body,
    ) -> Result<transport::Answer, Error> {
        let budget_ends = Instant::now() + self.timeout.min(MAX_RATE_LIMIT_WAIT);
        let mut resent = 0;
        loop {
            let answer = self
                .transport
                .send(method.clone(), url.to_owned(), bearer, body())
                .await?;
            // A wait of 0 (or a reset already past) still waits a second:
            // Auth0's windows are per second, and a resend at once is a storm.
            let retry_at = answer
                .rate_limit_wait()
                .map(|wait| wait.max(MIN_RATE_LIMIT_WAIT))
                .and_then(|wait| Some((wait, Instant::now().checked_add(wait)?)));
            match retry_at {
                Some((wait, at)) if at <= budget_ends && resent < MAX_RESENDS => {
                    self.transport.rate_limited(wait);
                    tokio::time::sleep(wait).await;
                    resent += 1;
                }
                _ => return Ok(answer),
            }
        }
    }

    /// The client-credentials grant: a token for `audience` (the Management
    /// API's, `https://DOMAIN/api/v2/`) for the application itself.
    pub async fn client_credentials(&self, audience: &str) -> Result<TokenSet, Error> {
        self.token(vec![
            ("grant_type", GRANT_CLIENT_CREDENTIALS.into()),
            ("audience", audience.to_owned()),
        ])
        .await
    }

    fn body(&self, request: &Request) -> Body {
        let audience = format!("{}/", self.domain.base_url());
        match request {
            Request::Token(fields) => {
                let mut fields = fields.clone();
                fields.extend(self.auth.fields(&audience));
                Body::Form(fields)
            }
            Request::Json(body, with_credentials) => {
                let mut body = body.clone();
                if *with_credentials {
                    for (k, v) in self.auth.fields(&audience) {
                        body.insert(k.to_owned(), Value::String(v));
                    }
                }
                Body::Json(Value::Object(body))
            }
            Request::Empty => Body::Empty,
        }
    }
}

/// What to enroll.
#[derive(Debug, Clone)]
pub enum Enrollment {
    Otp,
    Sms {
        phone: String,
    },
    Voice {
        phone: String,
    },
    /// Without an address Auth0 uses the user's own email.
    Email {
        email: Option<String>,
    },
    Push,
}

/// Everything but unreserved characters is escaped, so `push|dev_x` is `push%7Cdev_x`.
pub(crate) fn encode_path_segment(segment: &str) -> String {
    segment
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Tokens, or the `mfa_required` answer that a grant can give instead.
/// An `mfa_required` without a usable `mfa_token` is not an answer of the
/// Auth0 API: nothing can continue from it, and an empty token sent on
/// would spend the user's code for nothing.
fn outcome_of(answer: Result<TokenSet, Error>, url: &str) -> Result<LoginOutcome, Error> {
    match answer {
        Ok(tokens) => Ok(LoginOutcome::Tokens(tokens)),
        Err(Error::Api(api)) if api.error == "mfa_required" => match mfa_required(&api) {
            Some(required) => Ok(LoginOutcome::MfaRequired(required)),
            None => Err(Error::Protocol {
                url: url.to_owned(),
                status: Some(api.status),
                message: "an mfa_required answer without an mfa_token".into(),
                once_issued: Vec::new(),
            }),
        },
        Err(e) => Err(e),
    }
}

fn mfa_required(api: &ApiError) -> Option<MfaRequired> {
    let token = api
        .extra
        .get("mfa_token")?
        .as_str()
        .filter(|token| !token.trim().is_empty())?;
    Some(MfaRequired {
        mfa_token: Secret::new(token),
        mfa_requirements: api.extra.get("mfa_requirements").cloned(),
    })
}

/// rustls with ring and the built-in Mozilla roots (plus `--cacert`): no
/// OpenSSL on the user's machine, and none of aws-lc's per-process entropy
/// seeding at start-up.
pub(crate) fn tls_config(
    extra_roots: &[rustls::pki_types::TrustAnchor<'static>],
) -> rustls::ClientConfig {
    // The extra ones were parsed when --cacert was read (`ca_file`).
    let mut roots = rustls::RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    roots.roots.extend_from_slice(extra_roots);
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("ring supports the default TLS versions")
        .with_root_certificates(roots)
        .with_no_client_auth();
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    config
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authenticator_ids_are_percent_encoded() {
        assert_eq!(
            encode_path_segment("push|dev_BBTKYpxKHOXVBnql"),
            "push%7Cdev_BBTKYpxKHOXVBnql"
        );
        assert_eq!(encode_path_segment("a/b c"), "a%2Fb%20c");
    }
}
