//! The Auth0 Management API client: the client-credentials grant for its
//! token, users, authentication methods and brute-force blocks. It sends
//! through the Authentication API client's transport (one connection, the
//! same tracing, masking, size caps and 429 waits), returns typed results,
//! and never prints or prompts.

mod configuration;
#[cfg(test)]
mod contract;
mod error;
mod types;

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::Method;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use crate::auth0::{self, Body, TokenSet, encode_path_segment};
use crate::domain::Domain;
use crate::secret::Secret;

pub use configuration::{
    READ_ACTIONS, READ_CLIENTS, READ_CONNECTIONS, READ_EMAIL_PROVIDER, READ_FACTORS, READ_POLICIES,
    READ_TENANT_SETTINGS, UPDATE_CLIENTS, UPDATE_FACTORS, UPDATE_POLICIES,
};
pub use error::{ApiError, Error};
pub use types::{
    Application, AuthenticationMethod, Binding, Block, Connection, EmailProvider, FactorState,
    NewUser, Sns, TenantSettings, Twilio, User,
};
use types::{Blocks, MethodsPage, UsersPage};

/// Where the scopes of the Management API are granted to an application.
pub const GRANT_PLACE: &str =
    "Dashboard > Applications > APIs > Auth0 Management API > Machine to Machine Applications";

pub const READ_USERS: &str = "read:users";
pub const CREATE_USERS: &str = "create:users";
pub const UPDATE_USERS: &str = "update:users";
pub const DELETE_USERS: &str = "delete:users";
pub const READ_METHODS: &str = "read:authentication_methods";
pub const CREATE_METHODS: &str = "create:authentication_methods";
pub const DELETE_METHODS: &str = "delete:authentication_methods";

/// The Management API's audience on a domain: `https://DOMAIN/api/v2/`
/// (for the emulator, its base URL and `/api/v2/`).
pub fn audience(domain: &Domain) -> String {
    format!("{}/api/v2/", domain.base_url())
}

/// The client-credentials grant for the Management API of `http`'s domain,
/// with `http`'s application credentials.
pub async fn grant(http: &auth0::Client) -> Result<TokenSet, Error> {
    http.client_credentials(&audience(http.domain()))
        .await
        .map_err(Error::Grant)
}

/// The scopes of `needed` that a Management API token does not carry (its
/// JWT `scope` claim); all of them when the token is not a JWT.
pub fn missing_scopes<'a>(token: &Secret, needed: &[&'a str]) -> Vec<&'a str> {
    let claims = crate::jwt::claims(token.expose()).unwrap_or_default();
    let granted = claims.get("scope").and_then(Value::as_str).unwrap_or("");
    needed
        .iter()
        .copied()
        .filter(|scope| !granted.split_whitespace().any(|g| g == *scope))
        .collect()
}

/// Authentication-method pages read at most (50 each): Auth0 allows far fewer methods.
const MAX_METHOD_PAGES: u32 = 10;
/// Search pages read at most: Auth0's user search stops at 1000 results.
const MAX_SEARCH_PAGES: u32 = 20;
const PER_PAGE: usize = 50;
/// The longest wait for an exhausted rate-limit window to reset before a
/// request: Auth0's windows are per second; a longer reset is a 429's to wait.
const MAX_PACING: Duration = Duration::from_secs(2);

/// A Management API client with its token, on the canonical domain.
pub struct Client {
    http: auth0::Client,
    token: Secret,
}

impl Client {
    /// `http` reaches the Management domain; `token` is for its audience.
    pub fn new(http: auth0::Client, token: Secret) -> Client {
        Client { http, token }
    }

    pub fn domain(&self) -> &Domain {
        self.http.domain()
    }

    /// The scopes of `needed` this client's token does not carry.
    pub fn lacks<'a>(&self, needed: &[&'a str]) -> Vec<&'a str> {
        missing_scopes(&self.token, needed)
    }

    /// `GET /users-by-email`: every user with this email (one per
    /// connection); Auth0 matches it case-sensitively.
    pub async fn users_by_email(&self, email: &str) -> Result<Vec<User>, Error> {
        let path = format!("/users-by-email?email={}", encode_path_segment(email));
        self.get(&path).await
    }

    /// `GET /users/{id}`.
    pub async fn user(&self, id: &str) -> Result<User, Error> {
        self.get(&format!("/users/{}", encode_path_segment(id)))
            .await
    }

    /// `POST /users`: a database user, its email taken as verified.
    pub async fn create_user(&self, user: &NewUser) -> Result<User, Error> {
        let body = json!({
            "connection": user.connection,
            "email": user.email,
            "password": user.password.expose(),
            "email_verified": true,
            "app_metadata": user.app_metadata,
        });
        self.call(Method::POST, "/users", Some(body)).await
    }

    /// `DELETE /users/{id}`: 204, also for a user that does not exist.
    pub async fn delete_user(&self, id: &str) -> Result<(), Error> {
        let path = format!("/users/{}", encode_path_segment(id));
        self.call_empty(Method::DELETE, &path).await
    }

    /// `GET /users?q=QUERY&search_engine=v3`, every page (at most 1000 users).
    pub async fn search_users(&self, query: &str) -> Result<Vec<User>, Error> {
        let mut users = Vec::new();
        for page in 0..MAX_SEARCH_PAGES {
            let path = format!(
                "/users?q={}&search_engine=v3&page={page}&per_page={PER_PAGE}",
                encode_path_segment(query)
            );
            let batch = self.get::<UsersPage>(&path).await?.into_users();
            let short = batch.len() < PER_PAGE;
            users.extend(batch);
            if short {
                break;
            }
        }
        Ok(users)
    }

    /// `GET /users/{id}/authentication-methods`, page by page until a short
    /// page or the total.
    pub async fn authentication_methods(
        &self,
        user_id: &str,
    ) -> Result<Vec<AuthenticationMethod>, Error> {
        let mut methods = Vec::new();
        for page in 0..MAX_METHOD_PAGES {
            let path = format!(
                "/users/{}/authentication-methods?include_totals=true&page={page}&per_page={PER_PAGE}",
                encode_path_segment(user_id)
            );
            let (batch, total) = self.get::<MethodsPage>(&path).await?.into_parts();
            let short = batch.len() < PER_PAGE;
            methods.extend(batch);
            if short || total.is_some_and(|t| methods.len() as u64 >= t) {
                break;
            }
        }
        Ok(methods)
    }

    /// `POST /users/{id}/authentication-methods` with a TOTP secret: the
    /// method is confirmed and usable at once. `name` is at most 20 characters.
    pub async fn create_totp(
        &self,
        user_id: &str,
        secret: &Secret,
        name: &str,
    ) -> Result<AuthenticationMethod, Error> {
        let path = format!(
            "/users/{}/authentication-methods",
            encode_path_segment(user_id)
        );
        let body = json!({"type": "totp", "totp_secret": secret.expose(), "name": name});
        self.call(Method::POST, &path, Some(body)).await
    }

    /// `DELETE /users/{id}/authentication-methods`: every method at once.
    pub async fn delete_authentication_methods(&self, user_id: &str) -> Result<(), Error> {
        let path = format!(
            "/users/{}/authentication-methods",
            encode_path_segment(user_id)
        );
        self.call_empty(Method::DELETE, &path).await
    }

    /// `GET /user-blocks/{id}`.
    pub async fn user_blocks(&self, user_id: &str) -> Result<Vec<Block>, Error> {
        let path = format!("/user-blocks/{}", encode_path_segment(user_id));
        Ok(self.get::<Blocks>(&path).await?.blocked_for)
    }

    /// `DELETE /user-blocks/{id}`, or `?identifier=` for an email or username.
    pub async fn unblock(&self, user: &UserRef) -> Result<(), Error> {
        let path = match user {
            UserRef::Id(id) => format!("/user-blocks/{}", encode_path_segment(id)),
            UserRef::Email(email) => {
                format!("/user-blocks?identifier={}", encode_path_segment(email))
            }
        };
        self.call_empty(Method::DELETE, &path).await
    }

    async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, Error> {
        self.call(Method::GET, path, None).await
    }

    async fn call<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> Result<T, Error> {
        let answer = self.send(method, path, body).await?;
        answer.into_result().map_err(Error::Transport)
    }

    async fn call_empty(&self, method: Method, path: &str) -> Result<(), Error> {
        let answer = self.send(method, path, None).await?;
        answer.into_empty().map_err(Error::Transport)
    }

    /// Sends to `/api/v2{path}` with the token, after waiting out a
    /// rate-limit window the last answer said is spent (a free tenant
    /// allows 2 requests a second); a 429 is waited out and resent by the
    /// transport within `--timeout`.
    async fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> Result<auth0::Answer, Error> {
        if let Some(wait) = pacing(&self.http.last_meta()) {
            tokio::time::sleep(wait).await;
        }
        let url = self.http.domain().url(&format!("/api/v2{path}"));
        let make = || body.clone().map_or(Body::Empty, Body::Json);
        let answer = self
            .http
            .send(method, &url, Some(&self.token), &make)
            .await
            .map_err(Error::Transport)?;
        error::judge(answer)
    }
}

/// How long to wait before the next request: until the window resets when
/// the last answer left none of it, if that is soon.
fn pacing(meta: &auth0::ResponseMeta) -> Option<Duration> {
    let limit = meta.rate_limit?;
    if limit.remaining > 0 {
        return None;
    }
    let now = SystemTime::now().duration_since(UNIX_EPOCH).ok()?.as_secs();
    let wait = Duration::from_secs(limit.reset.checked_sub(now)?);
    (wait > Duration::ZERO && wait <= MAX_PACING).then_some(wait)
}

/// A user as given on the command line: an email, or a user id
/// (`auth0|...`, `google-oauth2|...`: a provider, `|`, an id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UserRef {
    Id(String),
    Email(String),
}

impl UserRef {
    pub fn parse(text: &str) -> UserRef {
        if text.contains('@') && !text.contains('|') {
            UserRef::Email(text.to_owned())
        } else {
            UserRef::Id(text.to_owned())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth0::{RateLimit, ResponseMeta};

    fn jwt(claims: Value) -> Secret {
        use base64::Engine;
        let payload = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(claims.to_string());
        Secret::new(format!("eyJhbGciOiJSUzI1NiJ9.{payload}.c2ln"))
    }

    #[test]
    fn missing_scopes_are_read_from_the_token() {
        let token = jwt(json!({"scope": "read:users create:users", "gty": "client-credentials"}));
        assert_eq!(
            missing_scopes(&token, &[READ_USERS, CREATE_USERS, CREATE_METHODS]),
            vec![CREATE_METHODS]
        );
        let bare = jwt(json!({"sub": "x@clients"}));
        assert_eq!(missing_scopes(&bare, &[READ_USERS]), vec![READ_USERS]);
        assert_eq!(
            missing_scopes(&Secret::new("opaque"), &[DELETE_USERS]),
            vec![DELETE_USERS]
        );
        // A scope is a whole word: read:users_app_metadata is not read:users.
        let near = jwt(json!({"scope": "read:users_app_metadata"}));
        assert_eq!(missing_scopes(&near, &[READ_USERS]), vec![READ_USERS]);
    }

    #[test]
    fn users_are_told_apart_from_emails() {
        assert_eq!(
            UserRef::parse("a@example.com"),
            UserRef::Email("a@example.com".into())
        );
        assert_eq!(
            UserRef::parse("auth0|65f0"),
            UserRef::Id("auth0|65f0".into())
        );
        // An id whose part after the provider is an email stays an id.
        assert_eq!(
            UserRef::parse("email|a@example.com"),
            UserRef::Id("email|a@example.com".into())
        );
    }

    #[test]
    fn the_audience_is_the_domain_and_api_v2() {
        let domain = Domain::parse("tenant.eu.auth0.com").unwrap();
        assert_eq!(audience(&domain), "https://tenant.eu.auth0.com/api/v2/");
        let local = Domain::parse("http://127.0.0.1:8787").unwrap();
        assert_eq!(audience(&local), "http://127.0.0.1:8787/api/v2/");
    }

    #[test]
    fn a_spent_window_is_waited_out_only_when_it_resets_soon() {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs();
        let meta = |remaining, reset| ResponseMeta {
            date: None,
            rate_limit: Some(RateLimit {
                limit: 2,
                remaining,
                reset,
            }),
        };
        assert_eq!(pacing(&meta(0, now + 1)), Some(Duration::from_secs(1)));
        assert_eq!(pacing(&meta(1, now + 1)), None);
        assert_eq!(pacing(&meta(0, now + 3600)), None);
        assert_eq!(pacing(&meta(0, now.saturating_sub(5))), None);
        assert_eq!(pacing(&ResponseMeta::default()), None);
    }
}
