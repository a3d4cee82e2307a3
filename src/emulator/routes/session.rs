//! Sessions: the `refresh_token` grant (rotation with reuse detection, MFA on refresh)
//! and `POST /oauth/revoke`, which ends a session's refresh tokens and the access
//! tokens issued in it.

use axum::http::StatusCode;

use super::super::http::{ApiRequest, Reply};
use super::super::state::{RefreshGrant, RotatedToken, Shared, State};
use super::super::tenant::ClientConfig;
use super::{authenticate_client, body_ok, mfa_required, required, token_set};

/// Auth0's answer to any refresh token it will not honour: unknown, another client's,
/// revoked, or a rotated one presented again.
fn invalid_refresh_token() -> Reply {
    Reply::error(
        StatusCode::FORBIDDEN,
        "invalid_grant",
        "Unknown or invalid refresh token.",
    )
}

/// `grant_type=refresh_token`: a token set in the token's session, or `mfa_required`
/// when the client or the user wants MFA on refresh.
pub fn refresh(shared: &Shared, req: &ApiRequest, client: &ClientConfig) -> Result<Reply, Reply> {
    let rt = required(req, "refresh_token")?;
    let mut st = shared.lock();
    let grant = honoured(shared, &mut st, &rt, client)?;
    let grant = narrowed(grant, req.param("scope"))?;
    let user = &st.users[grant.user];
    let wants_mfa = client.mfa_on_refresh || user.mfa_on_refresh;
    if wants_mfa && (user.has_active_factor() || shared.settings.mfa_required) {
        return Ok(mfa_required(shared, &mut st, grant, Some(rt)));
    }
    Ok(refreshed(
        shared,
        &mut st,
        &req.base_url,
        client,
        &rt,
        &grant,
    ))
}

/// A refresh that MFA interrupted, finished once the MFA grant succeeded; the refresh
/// token may have been revoked or rotated by another client meanwhile.
pub fn finish_refresh_after_mfa(
    shared: &Shared,
    st: &mut State,
    req: &ApiRequest,
    rt: &str,
    client_id: &str,
) -> Result<Reply, Reply> {
    let client = shared.client(client_id).ok_or_else(invalid_refresh_token)?;
    let grant = honoured(shared, st, rt, client)?;
    Ok(refreshed(shared, st, &req.base_url, client, rt, &grant))
}

/// The grant behind a refresh token the client may use: a live one, or a rotated one
/// within the client's leeway. A rotated one after it revokes the whole session.
fn honoured(
    shared: &Shared,
    st: &mut State,
    rt: &str,
    client: &ClientConfig,
) -> Result<RefreshGrant, Reply> {
    if let Some(grant) = st.refresh_tokens.get(rt) {
        return match grant.client_id == client.client_id {
            true => Ok(grant.clone()),
            false => Err(invalid_refresh_token()),
        };
    }
    let Some(rotated) = st.rotated_refresh_tokens.get(rt).cloned() else {
        return Err(invalid_refresh_token());
    };
    let leeway_ms = client.refresh_token_leeway_seconds.saturating_mul(1000);
    if rotated.grant.client_id == client.client_id
        && shared.now_ms() < rotated.rotated_ms.saturating_add(leeway_ms)
    {
        return Ok(rotated.grant);
    }
    if let Some(family) = &rotated.grant.family {
        revoke_family(st, family);
    }
    Err(invalid_refresh_token())
}

/// A refresh may ask for fewer scopes than the session has, never more.
fn narrowed(mut grant: RefreshGrant, scope: Option<String>) -> Result<RefreshGrant, Reply> {
    let Some(scope) = scope else {
        return Ok(grant);
    };
    let granted: Vec<&str> = grant.scope.split_whitespace().collect();
    if let Some(extra) = scope.split_whitespace().find(|s| !granted.contains(s)) {
        return Err(Reply::error(
            StatusCode::FORBIDDEN,
            "invalid_scope",
            format!("Scope {extra} was not granted to the refresh token."),
        ));
    }
    grant.scope = scope;
    Ok(grant)
}

/// The answer to a refresh: a token set in the same session; with rotation, a new
/// refresh token replaces the one used, which is retired.
fn refreshed(
    shared: &Shared,
    st: &mut State,
    base: &str,
    client: &ClientConfig,
    rt: &str,
    grant: &RefreshGrant,
) -> Reply {
    let rotate = client.rotate_refresh_tokens;
    if rotate && let Some(old) = st.refresh_tokens.remove(rt) {
        st.rotated_refresh_tokens.insert(
            rt.to_string(),
            RotatedToken {
                grant: old,
                rotated_ms: shared.now_ms(),
            },
        );
    }
    // Without rotation Auth0 sends no refresh token: the one used stays valid.
    token_set(shared, st, base, grant, rotate)
}

/// Ends a session: its refresh tokens, live or rotated, and its access tokens.
fn revoke_family(st: &mut State, family: &str) {
    let of_family = |g: &RefreshGrant| g.family.as_deref() == Some(family);
    st.refresh_tokens.retain(|_, g| !of_family(g));
    st.rotated_refresh_tokens
        .retain(|_, r| !of_family(&r.grant));
    st.revoked_families.insert(family.to_string(), ());
}

/// `POST /oauth/revoke` (form or JSON): `token` and the client's authentication; 200
/// with an empty body, also for a token it does not know (RFC 7009), as recorded.
pub fn revoke(shared: &Shared, req: &ApiRequest) -> Reply {
    match revoke_inner(shared, req) {
        Ok(reply) | Err(reply) => reply,
    }
}

fn revoke_inner(shared: &Shared, req: &ApiRequest) -> Result<Reply, Reply> {
    body_ok(req)?;
    let token = required(req, "token")?;
    let client = authenticate_client(shared, req, true)?;
    let mut st = shared.lock();
    let grant = st
        .refresh_tokens
        .get(&token)
        .or_else(|| st.rotated_refresh_tokens.get(&token).map(|r| &r.grant))
        .cloned();
    match grant {
        Some(grant) if grant.client_id != client.client_id => Err(Reply::error(
            StatusCode::FORBIDDEN,
            "invalid_grant",
            "The refresh token was not issued to this client.",
        )),
        Some(grant) => {
            if let Some(family) = &grant.family {
                revoke_family(&mut st, family);
            }
            Ok(Reply::empty(StatusCode::OK))
        }
        None => Ok(Reply::empty(StatusCode::OK)),
    }
}

/// Notes an access token issued in a session, so that revoking the session stops it.
/// Entries go once their token has expired; the sweep runs only when the table grows.
pub fn note_access_token(st: &mut State, jti: String, family: String, exp: u64, now: u64) {
    const SWEEP_ABOVE: usize = 10_000;
    if st.session_access_tokens.len() >= SWEEP_ABOVE {
        st.session_access_tokens.retain(|_, (_, e)| *e > now);
    }
    st.session_access_tokens.insert(jti, (family, exp));
}

/// Whether the access token with this `jti` belongs to a revoked session.
pub fn access_token_revoked(st: &State, jti: &str) -> bool {
    st.session_access_tokens
        .get(jti)
        .is_some_and(|(family, _)| st.revoked_families.contains_key(family))
}
