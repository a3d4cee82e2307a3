//! The Auth0 API surface: routing, and what the endpoints share (client
//! authentication, mfa_token and bearer resolution, token sets).
//!
//! Where Auth0's sources disagree on a status, the emulator picks one and keeps to it:
//! `invalid_request` 400, `invalid_client` 401, `unauthorized_client` 403, `invalid_grant`
//! 403, `expired_token` 403 for an mfa_token and 400 for an oob_code (a polling error, like
//! `authorization_pending`), `mfa_required` 403, `unsupported_challenge_type` 401 (also
//! for a user not enrolled at all, as Auth0's mobile SDKs expect: no recording or SDK
//! shows `association_required`), 429 for `too_many_attempts` and `too_many_requests`.
//! Error texts are Auth0's wherever a recording, an SDK fixture or a real report gives them.

mod associate;
mod authenticators;
mod challenge;
mod client_auth;
mod discovery;
mod session;
mod token;
mod userinfo;

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

use super::http::{ApiRequest, Reply};
use super::management;
use super::state::{MFA_TOKEN_TTL_MS, MfaTx, RefreshGrant, Shared, State, User};
use super::tokens;

pub use client_auth::authenticate_client;

/// Answers one (non-control) request. Synchronous: the state lock is taken and released
/// inside, never across an await.
pub fn route(shared: &Shared, req: &ApiRequest) -> Reply {
    let path = req.path.as_str();
    match (&req.method, path) {
        (&Method::GET, "/.well-known/openid-configuration") => discovery::openid_configuration(req),
        (&Method::GET, "/.well-known/jwks.json") => Reply::ok(tokens::keys().jwks()),
        (&Method::POST, "/oauth/token") => token::token(shared, req).with_token_endpoint_headers(),
        (&Method::GET | &Method::POST, "/userinfo") => userinfo::userinfo(shared, req),
        (&Method::POST, "/oauth/revoke") => session::revoke(shared, req),
        (&Method::POST, "/mfa/challenge") => challenge::challenge(shared, req),
        (&Method::POST, "/mfa/associate") => associate::associate(shared, req),
        (&Method::GET, "/mfa/authenticators") => authenticators::list(shared, req),
        (_, p) if management::is_management_path(p) => management::route(shared, req),
        (&Method::DELETE, p) if p.starts_with("/mfa/authenticators/") => {
            authenticators::delete(shared, req, &p["/mfa/authenticators/".len()..])
        }
        (
            _,
            "/.well-known/openid-configuration"
            | "/.well-known/jwks.json"
            | "/oauth/token"
            | "/oauth/revoke"
            | "/mfa/challenge"
            | "/mfa/associate"
            | "/mfa/authenticators"
            | "/userinfo",
        ) => Reply::error(
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
            format!("{} is not allowed on {path}", req.method),
        ),
        _ => not_found(path),
    }
}

pub fn not_found(path: &str) -> Reply {
    Reply::error(
        StatusCode::NOT_FOUND,
        "not_found",
        format!("Not found: {path}"),
    )
}

/// The key of the rate-limit bucket: the client, as Auth0 limits per application.
pub fn rate_limit_key(req: &ApiRequest) -> String {
    if management::is_management_path(&req.path) {
        return management::rate_limit_key(req);
    }
    req.param("client_id")
        .or_else(|| req.basic_credentials().map(|(id, _)| id))
        .unwrap_or_else(|| "-".to_string())
}

pub fn invalid_request(description: impl Into<String>) -> Reply {
    Reply::error(StatusCode::BAD_REQUEST, "invalid_request", description)
}

pub fn missing(name: &str) -> Reply {
    invalid_request(format!("Missing required parameter: {name}"))
}

pub fn required(req: &ApiRequest, name: &str) -> Result<String, Reply> {
    req.param(name).ok_or_else(|| missing(name))
}

pub fn body_ok(req: &ApiRequest) -> Result<(), Reply> {
    match &req.body_error {
        Some(e) => Err(invalid_request(e.clone())),
        None => Ok(()),
    }
}

pub fn malformed_mfa_token() -> Reply {
    Reply::error(
        StatusCode::FORBIDDEN,
        "invalid_grant",
        "Malformed mfa_token",
    )
}

/// The transaction behind an mfa_token sent by `client_id`.
pub fn mfa_tx(shared: &Shared, st: &State, token: &str, client_id: &str) -> Result<MfaTx, Reply> {
    let tx = st.mfa_txs.get(token).ok_or_else(malformed_mfa_token)?;
    if tx.client_id != client_id {
        return Err(malformed_mfa_token());
    }
    if shared.now_ms() >= tx.created_ms + MFA_TOKEN_TTL_MS {
        return Err(Reply::error(
            StatusCode::FORBIDDEN,
            "expired_token",
            "mfa_token is expired",
        ));
    }
    Ok(tx.clone())
}

/// Who a bearer token on the `/mfa/` endpoints speaks for.
pub enum Bearer {
    MfaToken {
        token: String,
        tx: MfaTx,
    },
    /// An access token for the MFA API audience.
    Access {
        token: String,
        user: usize,
        client_id: String,
        scopes: Vec<String>,
    },
}

impl Bearer {
    pub fn user(&self) -> usize {
        match self {
            Bearer::MfaToken { tx, .. } => tx.user,
            Bearer::Access { user, .. } => *user,
        }
    }

    pub fn token(&self) -> &str {
        match self {
            Bearer::MfaToken { token, .. } | Bearer::Access { token, .. } => token,
        }
    }

    /// Ok for an mfa_token (the caller decides whether one is acceptable) or an access
    /// token carrying `scope`.
    pub fn require_scope(&self, scope: &str) -> Result<(), Reply> {
        match self {
            Bearer::Access { scopes, .. } if !scopes.iter().any(|s| s == scope) => {
                Err(Reply::error(
                    StatusCode::FORBIDDEN,
                    "insufficient_scope",
                    format!("Insufficient scope, expected any of: {scope}"),
                ))
            }
            _ => Ok(()),
        }
    }
}

fn invalid_token(description: impl Into<String>) -> Reply {
    Reply::error(StatusCode::UNAUTHORIZED, "invalid_token", description)
}

/// Resolves `Authorization: Bearer` to an mfa_token or an MFA API access token.
pub fn bearer(shared: &Shared, st: &State, req: &ApiRequest) -> Result<Bearer, Reply> {
    let Some(token) = req.bearer() else {
        return Err(Reply::error(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "Missing or malformed Authorization header; expected \"Bearer <token>\".",
        ));
    };
    if tokens::looks_like_jwt(token) {
        return access_token(shared, st, &req.base_url, token);
    }
    let tx = st
        .mfa_txs
        .get(token)
        .cloned()
        .ok_or_else(malformed_mfa_token)?;
    if shared.now_ms() >= tx.created_ms + MFA_TOKEN_TTL_MS {
        return Err(Reply::error(
            StatusCode::FORBIDDEN,
            "expired_token",
            "mfa_token is expired",
        ));
    }
    Ok(Bearer::MfaToken {
        token: token.to_string(),
        tx,
    })
}

/// The claims of an access token the emulator issued: our signature, not expired, not
/// revoked. Its audience is the caller's to check.
fn live_access_token(shared: &Shared, st: &State, token: &str) -> Result<Value, Reply> {
    let claims = tokens::keys()
        .verify_jwt(token)
        .ok_or_else(|| invalid_token("Invalid token: bad signature or format."))?;
    let exp = claims.get("exp").and_then(Value::as_u64).unwrap_or(0);
    if shared.now_secs() >= exp {
        return Err(invalid_token("The access token has expired."));
    }
    let jti = claims.get("jti").and_then(Value::as_str).unwrap_or("");
    if session::access_token_revoked(st, jti) {
        return Err(invalid_token("The access token has been revoked."));
    }
    Ok(claims)
}

/// The audiences of a token's claims: `aud` is a string or an array of them.
fn audiences(claims: &Value) -> Vec<&str> {
    match claims.get("aud") {
        Some(Value::String(a)) => vec![a.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// The scopes of a token's claims (`scope`, space-separated).
fn scopes(claims: &Value) -> Vec<&str> {
    claims
        .get("scope")
        .and_then(Value::as_str)
        .unwrap_or("")
        .split_whitespace()
        .collect()
}

/// The index of the user a token's `sub` names.
fn subject(st: &State, claims: &Value) -> Option<usize> {
    let sub = claims.get("sub").and_then(Value::as_str).unwrap_or("");
    st.users
        .iter()
        .position(|u| !u.deleted && sub == format!("auth0|{}", u.user_id))
}

/// Checks an access token for the MFA API: our signature, not expired, the `/mfa/`
/// audience, a known user.
pub fn access_token(shared: &Shared, st: &State, base: &str, token: &str) -> Result<Bearer, Reply> {
    let claims = live_access_token(shared, st, token)?;
    // The MFA API of the URL this request came by, or of the one the token was issued
    // by (a client may reach the emulator by several names).
    let issued_by = claims
        .get("iss")
        .and_then(Value::as_str)
        .unwrap_or("")
        .trim_end_matches('/');
    let mfa_api = |a: &str| {
        shared.origin.is_mfa_audience(a, base) || shared.origin.is_mfa_audience(a, issued_by)
    };
    if !audiences(&claims).into_iter().any(mfa_api) {
        return Err(invalid_token(format!(
            "Bad audience: this endpoint needs an access token for {base}/mfa/."
        )));
    }
    let user = subject(st, &claims).ok_or_else(|| invalid_token("Unknown user."))?;
    let scopes = scopes(&claims).into_iter().map(String::from).collect();
    Ok(Bearer::Access {
        token: token.to_string(),
        user,
        client_id: claims
            .get("azp")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string(),
        scopes,
    })
}

/// Starts an MFA transaction: the `mfa_required` answer. `refresh_token` is the token
/// of a refresh that asked for MFA, which completing MFA finishes.
pub fn mfa_required(
    shared: &Shared,
    st: &mut State,
    grant: RefreshGrant,
    refresh_token: Option<String>,
) -> Reply {
    let now = shared.now_ms();
    let token = tokens::mfa_token(now, now + MFA_TOKEN_TTL_MS);
    let requirements = st.users[grant.user].mfa_requirements(&st.mgmt);
    st.mfa_txs.insert(
        token.clone(),
        MfaTx {
            user: grant.user,
            client_id: grant.client_id,
            audience: grant.audience,
            scope: grant.scope,
            created_ms: now,
            refresh_token,
        },
    );
    Reply::json(
        StatusCode::FORBIDDEN,
        json!({
            "error": "mfa_required",
            "error_description": "Multifactor authentication required",
            "mfa_token": token,
            "mfa_requirements": requirements,
        }),
    )
}

/// A token set: RS256 access token, an ID token for `openid`, a refresh token for
/// `offline_access` (unless `refresh` is false, as on a refresh without rotation). The
/// tokens belong to the grant's session, or to a new one when a refresh token starts it.
/// The JWTs are signed once the state lock is released (see `Reply::jwts`).
pub fn token_set(
    shared: &Shared,
    st: &mut State,
    base: &str,
    grant: &RefreshGrant,
    refresh: bool,
) -> Reply {
    let now = shared.now_secs();
    let user = &st.users[grant.user];
    let sub = format!("auth0|{}", user.user_id);
    let access = AccessToken::for_grant(shared, base, grant, &sub, now);
    let mut body = json!({
        "scope": grant.scope,
        "expires_in": access.expires_in,
        "token_type": "Bearer",
    });
    let mut jwts = vec![("access_token", access.claims)];
    if grant.scope.split_whitespace().any(|s| s == "openid") {
        jwts.push(("id_token", id_token_claims(base, grant, user, &sub, now)));
    }
    let mut family = grant.family.clone();
    if refresh
        && grant
            .scope
            .split_whitespace()
            .any(|s| s == "offline_access")
    {
        let session = family
            .get_or_insert_with(|| tokens::random_alphanumeric(16))
            .clone();
        body["refresh_token"] = json!(issue_refresh_token(st, grant, session));
    }
    if let Some(family) = family {
        session::note_access_token(st, access.jti, family, now + access.expires_in, now);
    }
    Reply {
        jwts,
        ..Reply::ok(body)
    }
}

/// The ID token's claims, before signing: who the user is, for the client.
fn id_token_claims(base: &str, grant: &RefreshGrant, user: &User, sub: &str, now: u64) -> Value {
    json!({
        "iss": format!("{base}/"),
        "sub": sub,
        "aud": grant.client_id,
        "iat": now,
        "exp": now + 36_000,
        "email": user.email,
        "email_verified": user.email_verified,
        "name": user.name,
        "nickname": user.email.split('@').next().unwrap_or(""),
    })
}

/// A new refresh token of the grant, in `session`.
fn issue_refresh_token(st: &mut State, grant: &RefreshGrant, session: String) -> String {
    let rt = tokens::refresh_token();
    st.refresh_tokens.insert(
        rt.clone(),
        RefreshGrant {
            family: Some(session),
            ..grant.clone()
        },
    );
    rt
}

/// An access token's claims, before signing, with its id and lifetime.
struct AccessToken {
    claims: Value,
    jti: String,
    expires_in: u64,
}

impl AccessToken {
    fn for_grant(
        shared: &Shared,
        base: &str,
        grant: &RefreshGrant,
        sub: &str,
        now: u64,
    ) -> AccessToken {
        let issuer = format!("{base}/");
        let mfa_api = grant
            .audience
            .as_deref()
            .is_some_and(|a| shared.origin.is_mfa_audience(a, base));
        // MFA API tokens live 10 minutes, like Auth0's; others as the tenant says
        // (Auth0's default: 24 hours).
        let expires_in: u64 = if mfa_api {
            600
        } else {
            shared.settings.access_token_lifetime_secs.max(1)
        };
        // As Auth0: the userinfo URL alone without an audience, and beside the API's
        // when the token is for an API and `openid` was asked for.
        let userinfo = format!("{issuer}userinfo");
        let openid = grant.scope.split_whitespace().any(|s| s == "openid");
        let aud = match &grant.audience {
            None => json!(userinfo),
            Some(api) if openid && *api != userinfo => json!([api, userinfo]),
            Some(api) => json!(api),
        };
        let jti = tokens::random_alphanumeric(16);
        let claims = json!({
            "iss": issuer,
            "sub": sub,
            "aud": aud,
            "iat": now,
            "exp": now + expires_in,
            "azp": grant.client_id,
            "scope": grant.scope,
            "jti": jti,
        });
        AccessToken {
            claims,
            jti,
            expires_in,
        }
    }
}
