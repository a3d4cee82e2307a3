//! `token`: a valid access token for scripts, as `gh auth token` gives one.
//! From the stored session with no request while it has `--min-ttl` left;
//! else refreshed with the stored refresh token (a rotated one is saved),
//! finishing MFA when the refresh answers `mfa_required`. A valid token is
//! read without the lock; a refresh holds it (waiting `--timeout` at most),
//! so two scripts refreshing at once take turns, and the second finds the
//! first one's tokens.

use super::Context;
use crate::auth0::{Error, LoginOutcome, TokenSet};
use crate::cli::{SessionArgs, TokenArgs};
use crate::error::Failure;
use crate::flow::Flow;
use crate::output::{Output, Report};
use crate::prompt::TerminalPrompter;
use crate::secret::Secret;
use crate::sessions::{self, Session, SessionKey, Sessions};
use crate::settings::Settings;
use crate::totp::now_unix;

/// A valid token set from the stored session, and when its access token expires.
pub struct Obtained {
    pub key: SessionKey,
    pub tokens: TokenSet,
    pub expires_at: Option<u64>,
}

pub async fn run(args: &TokenArgs, ctx: &Context<'_>) -> Result<(), Failure> {
    let (_settings, out, no_input) = (&ctx.settings, ctx.out, ctx.no_input);
    let obtained = obtain(&args.session, args.session.min_ttl, ctx, no_input).await?;
    out.result(Report::AccessToken {
        tokens: &obtained.tokens,
        seconds_left: obtained
            .expires_at
            .map_or(0, |at| at.saturating_sub(now_unix())),
    })
}

/// The stored session's tokens while they have `min_ttl` seconds left, else
/// refreshed (and saved), finishing MFA when the refresh asks for it.
pub async fn obtain(
    args: &SessionArgs,
    min_ttl: u64,
    ctx: &Context<'_>,
    no_input: bool,
) -> Result<Obtained, Failure> {
    let (settings, out) = (&ctx.settings, ctx.out);
    let answers = super::answers(&args.answer, settings, super::Sends::Challenge)?;
    let choice = super::choice(settings, args.authenticator_id.as_deref())?;
    let store = settings.store()?;
    let find = session_finder(settings)?;
    let snapshot = Sessions::read(&store)?;
    let key = find(&snapshot)?;
    if settings.username().is_none()
        && settings.audience().is_none()
        && snapshot.active() == Some(&key)
    {
        out.progress(&format!(
            "the active session (the last login): {}",
            key.describe()
        ));
    }
    let session = snapshot.load(&key)?;
    if fresh(&session, min_ttl, out) {
        return Ok(Obtained::stored(key, session));
    }
    let mut sessions = ctx.sessions(&store)?;
    let key = find(&sessions)?;
    // Another process may have refreshed it while this one waited.
    let session = sessions.load(&key)?;
    if fresh(&session, min_ttl, out) {
        return Ok(Obtained::stored(key, session));
    }
    let Some(refresh_token) = session.tokens.refresh_token.clone() else {
        return Err(no_refresh_token(&key, session.seconds_left(now_unix())));
    };
    let client = ctx.connect()?;
    let mut prompter = TerminalPrompter::new(no_input);
    let mut flow = Flow::new(&client, &mut prompter, out, settings.ledger());
    out.progress("refreshing the session (refresh_token grant, POST /oauth/token)");
    let refreshed = match client.refresh(&refresh_token).await {
        Ok(LoginOutcome::Tokens(tokens)) => tokens,
        Ok(LoginOutcome::MfaRequired(required)) => {
            out.progress("Auth0 answered mfa_required to the refresh");
            let waiting = super::waiting(settings, &args.wait);
            flow.complete(&required, &choice, &answers, waiting).await?
        }
        // The refresh token is revoked, expired or rotated away: the session is over.
        Err(Error::Api(api)) if api.error == "invalid_grant" => {
            sessions.remove(&key)?;
            return Err(Failure::NoSession {
                message: format!(
                    "the stored session of {} can no longer be refreshed ({})",
                    key.describe(),
                    crate::sanitize::sanitize(&api.to_string())
                ),
                hint: format!("log in again: {}", login_command(&key, false)),
            });
        }
        Err(other) => return Err(other.into()),
    };
    let tokens = carried_over(&session, refreshed);
    let expires_at = sessions::expiry_of(&tokens, now_unix());
    let (_, note) = sessions.save(key.clone(), &tokens, expires_at)?;
    if let Some(note) = note {
        out.warn(&note);
    }
    Ok(Obtained {
        key,
        tokens,
        expires_at,
    })
}

impl Obtained {
    /// The stored session as it is.
    fn stored(key: SessionKey, session: Session) -> Obtained {
        Obtained {
            key,
            expires_at: session.expires_at,
            tokens: session.tokens,
        }
    }
}

/// A session that is running out and has no refresh token to renew it.
fn no_refresh_token(key: &SessionKey, left: u64) -> Failure {
    Failure::NoSession {
        message: format!(
            "the stored session of {} has {} and no refresh token",
            key.describe(),
            if left == 0 {
                "expired".to_owned()
            } else {
                format!("only {left} s left")
            }
        ),
        hint: format!(
            "log in again, asking for a refresh token: {}",
            login_command(key, true)
        ),
    }
}

/// The stored session the settings point to, without a request.
pub fn find_session(settings: &Settings) -> Result<SessionKey, Failure> {
    let find = session_finder(settings)?;
    find(&Sessions::read(&settings.store()?)?)
}

/// Picks the one session the settings' tenant, application, audience and user fit.
fn session_finder(
    settings: &Settings,
) -> Result<impl Fn(&Sessions) -> Result<SessionKey, Failure>, Failure> {
    let tenant = settings.domain()?.base_url();
    let client_id = settings.client_id()?;
    let username = settings.username();
    let audience = settings.audience();
    Ok(move |sessions: &Sessions| {
        one_session(
            sessions,
            &tenant,
            &client_id,
            audience.as_deref(),
            username.as_deref(),
        )
    })
}

/// Whether the stored access token has `min_ttl` seconds left (said with -v).
fn fresh(session: &Session, min_ttl: u64, out: &Output) -> bool {
    let left = session.seconds_left(now_unix());
    if left < min_ttl || left == 0 {
        return false;
    }
    out.progress(&format!(
        "from the stored session ({}): {left} s left",
        match session.place {
            sessions::Place::Os => "OS credential store",
            sessions::Place::File => "file",
        }
    ));
    true
}

/// The one session the settings point to; several without `-u` or
/// `--audience` to choose are settled by the active session (the last
/// login) when it is one of them; none, or several still, is an error that
/// says what to run.
fn one_session(
    sessions: &Sessions,
    tenant: &str,
    client_id: &str,
    audience: Option<&str>,
    username: Option<&str>,
) -> Result<SessionKey, Failure> {
    let mut found = sessions.matching(Some(tenant), Some(client_id), audience, username);
    if let Some(active) = narrowed_by_active(sessions, &found, audience, username) {
        return Ok(active);
    }
    // Without --audience, the default-audience session is meant when there is one.
    if audience.is_none() && found.len() > 1 {
        let default: Vec<SessionKey> = found
            .iter()
            .filter(|k| k.audience.is_none())
            .cloned()
            .collect();
        if default.len() == 1 {
            found = default;
        }
    }
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => {
            let user = username.unwrap_or("USER");
            Err(Failure::NoSession {
                message: format!("no stored session for {tenant} (client {client_id}){}", {
                    let mut which = String::new();
                    if let Some(u) = username {
                        which.push_str(&format!(", user {u}"));
                    }
                    if let Some(a) = audience {
                        which.push_str(&format!(", audience {a}"));
                    }
                    which
                }),
                hint: format!(
                    "log in first: auth0-mfa login -u {user}{} --scope \"openid offline_access\"",
                    audience
                        .map(|a| format!(" --audience {a}"))
                        .unwrap_or_default()
                ),
            })
        }
        _ => Err(Failure::usage_with_hint(
            "several stored sessions fit, and nothing says which (the last login's is gone)",
            format!(
                "pick one with -u USER or --audience AUDIENCE: {}",
                found
                    .iter()
                    .map(SessionKey::describe)
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        )),
    }
}

/// The active session, when several fit, nothing narrows them, and it is
/// one of them.
pub(super) fn narrowed_by_active(
    sessions: &Sessions,
    found: &[SessionKey],
    audience: Option<&str>,
    username: Option<&str>,
) -> Option<SessionKey> {
    let active = sessions.active()?;
    (found.len() > 1 && audience.is_none() && username.is_none() && found.contains(active))
        .then(|| active.clone())
}

/// A refresh answers only what changed: without rotation no refresh token,
/// often no ID token. What it leaves out, the stored session still holds.
fn carried_over(old: &Session, mut new: TokenSet) -> TokenSet {
    // An empty one is no token: the stored one still is.
    if new.refresh_token.as_ref().is_none_or(Secret::is_empty) {
        new.refresh_token = old.tokens.refresh_token.clone();
    }
    if new.id_token.is_none() {
        new.id_token = old.tokens.id_token.clone();
    }
    if new.scope.is_none() {
        new.scope = old.tokens.scope.clone();
    }
    new
}

/// The `login` that makes this session again.
fn login_command(key: &SessionKey, offline: bool) -> String {
    let audience = key
        .audience
        .as_deref()
        .map(|a| format!(" --audience {a}"))
        .unwrap_or_default();
    let scope = if offline {
        " --scope \"openid offline_access\""
    } else {
        ""
    };
    format!("auth0-mfa login -u {}{audience}{scope}", key.username)
}
