//! Management API access for the commands that use it (`users`, and the
//! doctor's configuration checks next): its domain, the token (pasted, or
//! the application's, cached in the session store until shortly before it
//! expires), and the scopes a command needs, checked in the token before
//! anything is sent to the Management API.

use std::sync::Arc;

use serde_json::Value;

use crate::auth0::{self, Observer};
use crate::connection;
use crate::domain::Domain;
use crate::error::Failure;
use crate::management::{self, GRANT_PLACE};
use crate::output::Output;
use crate::secret::Secret;
use crate::sessions::{self, SessionKey, Sessions};
use crate::settings::{Key, Settings};
use crate::trace::{Tracer, Variables};

/// A cached token is replaced when it has less than this left (seconds).
const MIN_TOKEN_TTL: u64 = 300;

/// How long a command waits for another process's hold on the session store.
const STORE_PATIENCE: std::time::Duration = std::time::Duration::from_secs(10);

/// A Management API client whose token carries every scope in `needed`.
/// A pasted token is checked as it is; an application's cached token is
/// used while it has the scopes and time left, else a new one is granted.
pub async fn connect(
    settings: &Settings,
    out: &Output,
    needed: &[&str],
) -> Result<management::Client, Failure> {
    connect_beside(settings, out, needed, None).await
}

/// As [`connect`], on `beside`'s connections when the Management API is on
/// its domain (`doctor`: both APIs' requests on one connection).
pub async fn connect_beside(
    settings: &Settings,
    out: &Output,
    needed: &[&str],
    beside: Option<&auth0::Client>,
) -> Result<management::Client, Failure> {
    let domain = domain(settings)?;
    if let Some(token) = settings.get(Key::MgmtToken) {
        let source = token.source.to_string();
        let token = token.value.clone();
        check_token(&token, &domain, needed, &format!("the token from {source}"))?;
        let http = http_client(
            settings,
            out,
            &domain,
            auth0::ClientAuth::Public {
                client_id: String::new(),
            },
            beside,
        )?;
        return Ok(management::Client::new(http, token));
    }
    if settings.get(Key::MgmtClientId).is_none() {
        return Err(Failure::usage_with_hint(
            "no Management API access given",
            "give an M2M application authorized for the Auth0 Management API (--mgmt-client-id and --mgmt-client-secret, or AUTH0_MGMT_CLIENT_ID and AUTH0_MGMT_CLIENT_SECRET), or a token (--mgmt-token-file, AUTH0_MGMT_TOKEN)",
        ));
    }
    let auth = connection::management_auth(settings)?;
    let client_id = auth.client_id().to_owned();
    let http = http_client(settings, out, &domain, auth, beside)?;
    let token = application_token(&http, &client_id, needed, out).await?;
    Ok(management::Client::new(http, token))
}

/// `--mgmt-domain`, else `--domain`: the Management API lives on the
/// tenant's canonical domain.
fn domain(settings: &Settings) -> Result<Domain, Failure> {
    let Some(setting) = settings
        .get(Key::MgmtDomain)
        .or_else(|| settings.get(Key::Domain))
    else {
        return Err(Failure::usage_with_hint(
            "no Management API domain given",
            "pass --mgmt-domain (the tenant's canonical domain, TENANT.REGION.auth0.com) or --domain, or set AUTH0_MGMT_DOMAIN or AUTH0_DOMAIN",
        ));
    };
    Domain::parse(setting.text()).map_err(|e| {
        Failure::usage_with_hint(
            format!("invalid Management API domain from {}: {e}", setting.source),
            "give --mgmt-domain / AUTH0_MGMT_DOMAIN as TENANT.REGION.auth0.com",
        )
    })
}

/// The HTTP client to the Management domain, traced with the Management
/// variables for `--curl`: `beside`'s connections when it is on that domain.
fn http_client(
    settings: &Settings,
    out: &Output,
    domain: &Domain,
    auth: auth0::ClientAuth,
    beside: Option<&auth0::Client>,
) -> Result<auth0::Client, Failure> {
    let observer: Option<Arc<dyn Observer>> = (out.verbose > 0 || out.curl).then(|| {
        Arc::new(Tracer {
            level: out.verbose,
            curl: out.curl,
            variables: Variables::Management,
        }) as Arc<dyn Observer>
    });
    if let Some(beside) = beside.filter(|b| b.domain() == domain) {
        return Ok(beside.beside(auth, observer));
    }
    Ok(auth0::Client::new(
        domain.clone(),
        auth,
        connection::transport(settings)?,
        observer,
    )?)
}

/// A pasted (or just granted) token: a JWT for this domain's Management API
/// with every scope needed. Each refusal is one line, and nothing is sent.
fn check_token(
    token: &Secret,
    domain: &Domain,
    needed: &[&str],
    what: &str,
) -> Result<(), Failure> {
    let Some(claims) = crate::jwt::claims(token.expose()) else {
        return Err(Failure::usage(format!(
            "{what} is not a Management API token (a JWT): copy one from Dashboard > Applications > APIs > Auth0 Management API > API Explorer"
        )));
    };
    let audience = management::audience(domain);
    let audiences: Vec<&str> = match claims.get("aud") {
        Some(Value::String(aud)) => vec![aud.as_str()],
        Some(Value::Array(list)) => list.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let same = |aud: &&str| aud.trim_end_matches('/') == audience.trim_end_matches('/');
    if !audiences.iter().any(same) {
        return Err(Failure::usage(format!(
            "{what} is for {}, not for the Management API at {audience}: behind a custom domain give --mgmt-domain TENANT.REGION.auth0.com",
            crate::sanitize::sanitize_line(&audiences.join(", "))
        )));
    }
    let missing = management::missing_scopes(token, needed);
    if missing.is_empty() {
        return Ok(());
    }
    let (noun, list) = match missing.as_slice() {
        [one] => ("scope", (*one).to_owned()),
        many => ("scopes", many.join(", ")),
    };
    Err(Failure::usage(format!(
        "{what} lacks the {noun} {list}: grant it to the application in {GRANT_PLACE}"
    )))
}

/// The application's token: the cached one while it has the scopes and
/// time left, else a new client-credentials grant, cached for next time.
async fn application_token(
    http: &auth0::Client,
    client_id: &str,
    needed: &[&str],
    out: &Output,
) -> Result<Secret, Failure> {
    let domain = http.domain().clone();
    let key = SessionKey {
        tenant: domain.base_url(),
        client_id: client_id.to_owned(),
        audience: Some(management::audience(&domain)),
        // The token's `sub`: the application itself, never a user.
        username: format!("{client_id}@clients"),
    };
    let store = store_choice()?;
    if let Some(token) = store.and_then(|choice| cached(choice, &key, out)) {
        if management::missing_scopes(&token, needed).is_empty() {
            return Ok(token);
        }
        out.progress("the cached Management API token lacks a scope: getting a new one");
    }
    let tokens = management::grant(http).await?;
    let token = tokens.access_token.clone();
    let what = format!("the token granted to the application {client_id}");
    check_token(
        &token,
        &domain,
        needed,
        &crate::sanitize::sanitize_line(&what),
    )?;
    if let Some(choice) = store {
        remember(choice, key, &tokens, out);
    }
    Ok(token)
}

/// After a 401 from the Management API, forgets the application's cached
/// token (a tenant or emulator that changed its keys, a revoked grant), so
/// the next command gets a new one instead of failing until it expires.
pub fn forget_cached_token(settings: &Settings, out: &Output) {
    if settings.get(Key::MgmtToken).is_some() {
        return;
    }
    let (Ok(domain), Some(client_id), Ok(Some(choice))) = (
        domain(settings),
        settings.text(Key::MgmtClientId),
        store_choice(),
    ) else {
        return;
    };
    let key = SessionKey {
        tenant: domain.base_url(),
        audience: Some(management::audience(&domain)),
        username: format!("{client_id}@clients"),
        client_id,
    };
    let forgotten = Sessions::open(choice, STORE_PATIENCE).and_then(|mut sessions| {
        let cached = !sessions
            .matching(None, None, None, Some(&key.username))
            .is_empty();
        if cached {
            sessions.remove(&key)?;
        }
        Ok(cached)
    });
    if let Ok(true) = forgotten {
        out.note("the cached Management API token was refused, so it is forgotten: the next command gets a new one");
    }
}

/// `AUTH0_MFA_NO_STORE=1` caches nothing; else the store to use.
fn store_choice() -> Result<Option<sessions::Choice>, Failure> {
    let off = std::env::var_os("AUTH0_MFA_NO_STORE").is_some_and(|v| !v.is_empty() && v != "0");
    if off {
        return Ok(None);
    }
    sessions::Choice::from_env().map(Some)
}

/// The cached token, when it has more than [`MIN_TOKEN_TTL`] left. A store
/// that cannot be read costs a grant, not the command.
fn cached(choice: sessions::Choice, key: &SessionKey, out: &Output) -> Option<Secret> {
    let read = Sessions::read(choice).and_then(|sessions| {
        match sessions.matching(
            Some(&key.tenant),
            Some(&key.client_id),
            key.audience.as_deref(),
            Some(&key.username),
        ) {
            found if found.contains(key) => sessions.load(key).map(Some),
            _ => Ok(None),
        }
    });
    match read {
        Ok(Some(session)) if session.seconds_left(crate::totp::now_unix()) > MIN_TOKEN_TTL => {
            Some(session.tokens.access_token)
        }
        Ok(_) => None,
        Err(failure) => {
            out.warn(&format!(
                "the cached Management API token could not be read ({failure}); getting a new one"
            ));
            None
        }
    }
}

/// Caches a new token; a store that fails is a warning, since the token works.
fn remember(choice: sessions::Choice, key: SessionKey, tokens: &auth0::TokenSet, out: &Output) {
    let expires_at = sessions::expiry_of(tokens, crate::totp::now_unix());
    let saved = Sessions::open(choice, STORE_PATIENCE)
        .and_then(|mut sessions| sessions.save(key, tokens, expires_at));
    match saved {
        Ok((_, Some(note))) => out.note(&note),
        Ok(_) => {}
        Err(failure) => out.warn(&format!(
            "the Management API token is not cached ({failure}): the next command asks for a new one"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;

    fn jwt(claims: serde_json::Value) -> Secret {
        let payload = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(claims.to_string());
        Secret::new(format!("eyJhbGciOiJSUzI1NiJ9.{payload}.c2ln"))
    }

    #[test]
    fn a_missing_scope_is_one_line_naming_it_and_where_to_grant_it() {
        let domain = Domain::parse("tenant.eu.auth0.com").unwrap();
        let token = jwt(serde_json::json!({
            "aud": "https://tenant.eu.auth0.com/api/v2/",
            "scope": "read:users",
        }));
        let err = check_token(
            &token,
            &domain,
            &["read:users", "create:users"],
            "the token",
        )
        .unwrap_err();
        let line = err.to_string();
        assert!(line.contains("create:users"), "{line}");
        assert!(line.contains("Machine to Machine Applications"), "{line}");
        assert!(!line.contains('\n') && err.hint().is_none(), "{line}");
        assert_eq!(err.exit_code(), 2);
        assert!(check_token(&token, &domain, &["read:users"], "the token").is_ok());
    }

    #[test]
    fn a_token_for_another_api_or_not_a_jwt_is_refused() {
        let domain = Domain::parse("tenant.eu.auth0.com").unwrap();
        let other =
            jwt(serde_json::json!({"aud": ["https://api.example.com/"], "scope": "read:users"}));
        let err = check_token(&other, &domain, &["read:users"], "the token").unwrap_err();
        assert!(err.to_string().contains("--mgmt-domain"), "{err}");
        let opaque = Secret::new("not-a-jwt");
        let err = check_token(&opaque, &domain, &[], "the token").unwrap_err();
        assert!(
            err.to_string().contains("not a Management API token"),
            "{err}"
        );
    }
}
