//! `logout`: revokes the stored refresh token (`POST /oauth/revoke`) and
//! forgets the session (the active one, the last login's, when several fit
//! and nothing narrows them); `--all` for every stored session. A revoke that
//! fails still forgets the session here, and says so.

use super::Context;
use crate::auth0::Client;
use crate::cli::LogoutArgs;
use crate::error::Failure;
use crate::output::{LoggedOut, Output, Report};
use crate::sessions::{SessionKey, Sessions};
use crate::settings::{Key, Settings};

pub async fn run(args: &LogoutArgs, ctx: &Context<'_>) -> Result<(), Failure> {
    let (settings, out) = (&ctx.settings, ctx.out);
    // The application whose sessions can be revoked: the one configured.
    let tenant = settings.domain_if_given()?;
    let client_id = settings.text(Key::ClientId);
    let mut sessions = ctx.sessions(&settings.store()?)?;
    let keys: Vec<SessionKey> = if args.all {
        sessions.matching(None, None, None, None)
    } else {
        let Some(tenant) = &tenant else {
            return Err(crate::settings::missing(Key::Domain, None));
        };
        let Some(client_id) = &client_id else {
            return Err(crate::settings::missing(Key::ClientId, None));
        };
        configured_sessions(&sessions, &tenant.base_url(), client_id, settings, out)
    };
    let client = match (&tenant, &client_id) {
        (Some(_), Some(_)) if !keys.is_empty() => Some(ctx.connect()?),
        _ => None,
    };
    let mut done = Vec::new();
    for key in keys {
        let revoked = revoke(client.as_ref(), &sessions, &key, out).await;
        // Forgotten here whatever Auth0 said: the user asked to be logged out.
        sessions.remove(&key)?;
        if let Err(why) = &revoked {
            out.warn(&format!(
                "{}: {why}; the session is forgotten here, but its refresh token may still work until it expires",
                key.describe()
            ));
        }
        done.push(LoggedOut {
            session: key,
            revoked: revoked.as_ref().is_ok_and(|r| *r),
            problem: revoked.err(),
        });
    }
    out.result(Report::LoggedOut(&done))
}

/// The configured application's sessions the settings fit: the active one
/// (the last login) when it is among several and nothing narrows them.
fn configured_sessions(
    sessions: &Sessions,
    tenant: &str,
    client_id: &str,
    settings: &Settings,
    out: &Output,
) -> Vec<SessionKey> {
    let audience = settings.audience();
    let username = settings.username();
    let found = sessions.matching(
        Some(tenant),
        Some(client_id),
        audience.as_deref(),
        username.as_deref(),
    );
    match super::token::narrowed_by_active(
        sessions,
        &found,
        audience.as_deref(),
        username.as_deref(),
    ) {
        Some(active) => {
            out.progress(&format!(
                "the active session (the last login): {}",
                active.describe()
            ));
            vec![active]
        }
        None => found,
    }
}

/// Revokes the session's refresh token: true when revoked, false when it had
/// none, and why not when it could not be.
async fn revoke(
    client: Option<&Client>,
    sessions: &Sessions,
    key: &SessionKey,
    out: &Output,
) -> Result<bool, String> {
    // A refresh token is only ever sent with the application it was
    // issued to: the session's own, compared with the configured one.
    let revocable =
        client.filter(|c| c.domain().base_url() == key.tenant && c.client_id() == key.client_id);
    let refresh_token = sessions.load(key).ok().and_then(|s| s.tokens.refresh_token);
    match (revocable, refresh_token) {
        (_, None) => Ok(false),
        (None, Some(_)) => Err(format!(
            "not revoked: the configured application is not {} at {}",
            key.client_id, key.tenant
        )),
        (Some(client), Some(token)) => {
            out.progress(&format!("revoking the refresh token of {}", key.describe()));
            client
                .revoke(&token)
                .await
                .map(|()| true)
                .map_err(|e| format!("the revoke failed: {e}"))
        }
    }
}
