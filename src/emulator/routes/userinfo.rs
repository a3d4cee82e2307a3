//! `GET|POST /userinfo`: the profile of the user an access token was issued to, as an
//! app behind Auth0 reads it once the user has logged in. The claims follow the
//! token's scopes (`openid` for `sub`, `profile`, `email`), as Auth0's do.

use axum::http::StatusCode;
use serde_json::{Map, Value, json};

use super::super::http::{ApiRequest, Reply};
use super::super::state::Shared;
use super::{audiences, live_access_token, scopes, subject};

pub fn userinfo(shared: &Shared, req: &ApiRequest) -> Reply {
    match profile(shared, req) {
        Ok(reply) | Err(reply) => reply,
    }
}

fn profile(shared: &Shared, req: &ApiRequest) -> Result<Reply, Reply> {
    let token = req.bearer().ok_or_else(|| {
        unauthorized("Missing or malformed Authorization header; expected \"Bearer <token>\".")
    })?;
    let st = shared.lock();
    let claims = live_access_token(shared, &st, token)
        .map_err(|_| unauthorized("Invalid or expired access token."))?;
    let issued_by = claims.get("iss").and_then(Value::as_str).unwrap_or("");
    let for_userinfo = audiences(&claims).into_iter().any(|aud| {
        aud.strip_suffix("userinfo").is_some_and(|issuer| {
            issuer == issued_by && shared.origin.is_issuer(issuer, &req.base_url)
        })
    });
    let scopes = scopes(&claims);
    if !for_userinfo || !scopes.contains(&"openid") {
        return Err(unauthorized(
            "This access token is not for /userinfo: log in with the scope openid.",
        ));
    }
    let user = &st.users[subject(&st, &claims).ok_or_else(|| unauthorized("Unknown user."))?];
    let mut body = Map::new();
    body.insert("sub".into(), json!(format!("auth0|{}", user.user_id)));
    if scopes.contains(&"profile") {
        let nickname = user.email.split('@').next().unwrap_or("");
        body.insert("name".into(), json!(user.name));
        body.insert("nickname".into(), json!(nickname));
    }
    if scopes.contains(&"email") {
        body.insert("email".into(), json!(user.email));
        body.insert("email_verified".into(), json!(user.email_verified));
    }
    Ok(Reply::ok(Value::Object(body)))
}

/// RFC 6750's answer to a missing or unusable bearer token.
fn unauthorized(description: &str) -> Reply {
    let mut reply = Reply::error(StatusCode::UNAUTHORIZED, "invalid_token", description);
    reply.headers.push((
        "www-authenticate",
        format!("Bearer error=\"invalid_token\", error_description=\"{description}\""),
    ));
    reply
}
