//! Management API access for the commands that use it (`users`, and the
//! doctor's configuration checks next): its domain, the token (pasted, or
//! the application's, cached in the session store until shortly before it
//! expires), and the scopes a command needs, checked in the token before
//! anything is sent to the Management API.

use serde_json::Value;

use crate::auth0;
use crate::domain::Domain;
use crate::error::Failure;
use crate::management::{self, GRANT_PLACE};
use crate::output::Output;
use crate::secret::Secret;
use crate::sessions::{self, SessionKey, Sessions};
use crate::settings::{ClientAuthentication, Settings};
use crate::trace::Variables;

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
    let domain = settings.management_domain()?;
    let transport = settings.transport()?;
    if let Some(token) = settings.management_token() {
        let source = token.source.to_string();
        let token = token.value;
        check_token(&token, &domain, needed, &format!("the token from {source}"))?;
        let anonymous = ClientAuthentication::None {
            client_id: String::new(),
        };
        let http = super::connect::client_beside(
            domain,
            &anonymous,
            &transport,
            Variables::Management,
            out,
            beside,
        )?;
        return Ok(management::Client::new(http, token));
    }
    if settings.management_client_id().is_none() {
        return Err(Failure::usage_with_hint(
            "no Management API access given",
            "give an M2M application authorized for the Auth0 Management API (--mgmt-client-id and --mgmt-client-secret, or AUTH0_MGMT_CLIENT_ID and AUTH0_MGMT_CLIENT_SECRET), or a token (--mgmt-token-file, AUTH0_MGMT_TOKEN)",
        ));
    }
    let auth = settings.management_authentication()?;
    let http = super::connect::client_beside(
        domain,
        &auth,
        &transport,
        Variables::Management,
        out,
        beside,
    )?;
    let client_id = http.client_id().to_owned();
    let store = settings.session_store()?;
    let token = application_token(&http, &client_id, needed, store, out).await?;
    Ok(management::Client::new(http, token))
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
    store: Option<sessions::Store>,
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
    if let Some(token) = store.as_ref().and_then(|store| cached(store, &key, out)) {
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
    if let Some(store) = &store {
        remember(store, key, &tokens, out);
    }
    Ok(token)
}

/// After a 401 from the Management API, forgets the application's cached
/// token (a tenant or emulator that changed its keys, a revoked grant), so
/// the next command gets a new one instead of failing until it expires.
pub fn forget_cached_token(settings: &Settings, out: &Output) {
    if settings.management_token().is_some() {
        return;
    }
    let (Ok(domain), Some(client_id), Ok(Some(store))) = (
        settings.management_domain(),
        settings.management_client_id(),
        settings.session_store(),
    ) else {
        return;
    };
    let key = SessionKey {
        tenant: domain.base_url(),
        audience: Some(management::audience(&domain)),
        username: format!("{client_id}@clients"),
        client_id,
    };
    let forgotten = Sessions::open(&store, STORE_PATIENCE).and_then(|mut sessions| {
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

/// The cached token, when it has more than [`MIN_TOKEN_TTL`] left. A store
/// that cannot be read costs a grant, not the command.
fn cached(store: &sessions::Store, key: &SessionKey, out: &Output) -> Option<Secret> {
    let read = Sessions::read(store).and_then(|sessions| {
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
fn remember(store: &sessions::Store, key: SessionKey, tokens: &auth0::TokenSet, out: &Output) {
    let expires_at = sessions::expiry_of(tokens, crate::totp::now_unix());
    let saved = Sessions::open(store, STORE_PATIENCE)
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
