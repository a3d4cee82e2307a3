//! `POST /oauth/token`: the password, password-realm and refresh-token grants (which can
//! answer `mfa_required`) and the three MFA grants (otp, oob, recovery code).

use axum::http::StatusCode;
use serde_json::json;

use super::super::http::{ApiRequest, Reply};
use super::super::management;
use super::super::otp::{self, OtpCheck};
use super::super::state::{MfaTx, OOB_TTL_MS, OobTx, PushStatus, RefreshGrant, Shared, State};
use super::super::tenant::{
    AuthenticatorKind, GRANT_CLIENT_CREDENTIALS, GRANT_MFA_OOB, GRANT_MFA_OTP,
    GRANT_MFA_RECOVERY_CODE, GRANT_PASSWORD, GRANT_PASSWORD_REALM, GRANT_REFRESH_TOKEN, PushRule,
};
use super::super::tokens;
use super::{
    Bearer, access_token, authenticate_client, body_ok, malformed_mfa_token, mfa_required, mfa_tx,
    required, session, token_set,
};

/// The scope when the request names none.
const DEFAULT_SCOPE: &str = "openid profile email";

pub fn token(shared: &Shared, req: &ApiRequest) -> Reply {
    match token_inner(shared, req) {
        Ok(reply) | Err(reply) => reply,
    }
}

fn token_inner(shared: &Shared, req: &ApiRequest) -> Result<Reply, Reply> {
    body_ok(req)?;
    let grant = required(req, "grant_type")?;
    let known = [
        GRANT_PASSWORD,
        GRANT_PASSWORD_REALM,
        GRANT_REFRESH_TOKEN,
        GRANT_MFA_OTP,
        GRANT_MFA_OOB,
        GRANT_MFA_RECOVERY_CODE,
        GRANT_CLIENT_CREDENTIALS,
    ];
    if !known.contains(&grant.as_str()) {
        return Err(Reply::error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            format!("Unsupported grant type: {grant}"),
        ));
    }
    let client = authenticate_client(shared, req, true)?;
    // The grant types as the Management API may have changed them; a public client
    // never has client credentials.
    let public = client.client_secret.is_none() && client.public_key.is_none();
    let allowed = shared.lock().mgmt.client_allows(&client.client_id, &grant)
        && !(public && grant == GRANT_CLIENT_CREDENTIALS);
    if !allowed {
        return Err(Reply::error(
            StatusCode::FORBIDDEN,
            "unauthorized_client",
            format!("Grant type '{grant}' not allowed for the client."),
        ));
    }
    let client_id = client.client_id.as_str();
    match grant.as_str() {
        GRANT_PASSWORD | GRANT_PASSWORD_REALM => {
            password(shared, req, client_id, grant == GRANT_PASSWORD_REALM)
        }
        GRANT_REFRESH_TOKEN => session::refresh(shared, req, client),
        GRANT_MFA_OTP => mfa_otp(shared, req, client_id),
        GRANT_MFA_OOB => mfa_oob(shared, req, client_id),
        GRANT_CLIENT_CREDENTIALS => management::client_credentials(shared, req, client),
        _ => mfa_recovery_code(shared, req, client_id),
    }
}

fn password(
    shared: &Shared,
    req: &ApiRequest,
    client_id: &str,
    with_realm: bool,
) -> Result<Reply, Reply> {
    let username = required(req, "username")?;
    let password = required(req, "password")?;
    let realm = if with_realm {
        Some(required(req, "realm")?)
    } else {
        None
    };
    let mut st = shared.lock();
    let connection = login_connection(shared, &st, realm)?;
    check_audience(shared, req)?;
    let wrong = || {
        Reply::error(
            StatusCode::FORBIDDEN,
            "invalid_grant",
            "Wrong email or password.",
        )
    };
    let user = st
        .user_index(&username)
        .filter(|&i| st.users[i].connection == connection)
        .ok_or_else(wrong)?;
    // Brute-force protection, where the connection has it: blocked first, whatever the
    // password; ten wrong ones from one address block the user there.
    let protected = st
        .mgmt
        .connection(&connection)
        .is_some_and(|c| c.config.brute_force_protection);
    let u = &mut st.users[user];
    if protected {
        management::refuse_if_blocked(u, req)?;
    }
    if u.password != password {
        if protected {
            management::record_failure(u, req);
        }
        return Err(wrong());
    }
    management::record_success(u, req);
    if u.blocked {
        return Err(Reply::error(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "user is blocked",
        ));
    }
    let u = &st.users[user];
    let grant = RefreshGrant {
        user,
        client_id: client_id.to_string(),
        audience: req.param("audience"),
        scope: req
            .param("scope")
            .unwrap_or_else(|| DEFAULT_SCOPE.to_string()),
        family: None,
    };
    // The policy (or an Action) decides whether this login needs MFA at all.
    let mfa = st.mgmt.mfa_policy_applies();
    if mfa && (u.has_active_factor() || shared.settings.mfa_required) {
        return Ok(mfa_required(shared, &mut st, grant, None));
    }
    Ok(token_set(shared, &mut st, &req.base_url, &grant, true))
}

/// The connection a password login goes to: the realm, which must exist, else the
/// tenant's default directory, which must be set (Auth0's words when it is not).
fn login_connection(shared: &Shared, st: &State, realm: Option<String>) -> Result<String, Reply> {
    match realm {
        Some(realm) if st.mgmt.connection(&realm).is_some() => Ok(realm),
        Some(realm) => Err(Reply::error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            format!("connection not found: {realm}"),
        )),
        None if shared.settings.default_directory.is_empty() => Err(Reply::error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "server_error",
            "Authorization server not configured with default connection.",
        )),
        None => Ok(shared.settings.default_directory.clone()),
    }
}

/// An audience the tenant serves: the MFA API, userinfo, or one of its APIs (any, when
/// it lists none).
fn check_audience(shared: &Shared, req: &ApiRequest) -> Result<(), Reply> {
    let Some(audience) = req.param("audience") else {
        return Ok(());
    };
    let apis = &shared.settings.apis;
    let known = apis.is_empty()
        || apis.contains(&audience)
        || shared.origin.is_mfa_audience(&audience, &req.base_url)
        || audience == format!("{}userinfo", req.issuer());
    if !known {
        return Err(Reply::error(
            StatusCode::FORBIDDEN,
            "access_denied",
            format!("Service not found: {audience}"),
        ));
    }
    Ok(())
}

/// The mfa_token parameter of an MFA grant. Besides a real mfa_token, an MFA API access
/// token with `enroll` is taken, so enrollments made with one can be confirmed.
fn grant_tx(
    shared: &Shared,
    st: &State,
    req: &ApiRequest,
    client_id: &str,
) -> Result<(String, MfaTx), Reply> {
    let token = required(req, "mfa_token")?;
    if tokens::looks_like_jwt(&token) {
        return match access_token(shared, st, &req.base_url, &token) {
            Ok(Bearer::Access {
                user,
                client_id: azp,
                scopes,
                ..
            }) if azp == client_id && scopes.iter().any(|s| s == "enroll") => {
                let tx = MfaTx {
                    user,
                    client_id: azp,
                    audience: None,
                    scope: DEFAULT_SCOPE.to_string(),
                    created_ms: shared.now_ms(),
                    refresh_token: None,
                };
                Ok((token, tx))
            }
            _ => Err(malformed_mfa_token()),
        };
    }
    let tx = mfa_tx(shared, st, &token, client_id)?;
    Ok((token, tx))
}

fn too_many_attempts() -> Reply {
    Reply::error(
        StatusCode::TOO_MANY_REQUESTS,
        "too_many_attempts",
        "Too many failed codes. Wait for some minutes before retrying.",
    )
}

fn check_bucket(shared: &Shared, st: &mut State, user: usize) -> Result<(), Reply> {
    if st.users[user].failed_codes.is_empty(shared.now_ms()) {
        return Err(too_many_attempts());
    }
    Ok(())
}

/// The token set an MFA grant ends with: what the login asked for, or the refresh MFA
/// interrupted.
fn tokens_after_mfa(
    shared: &Shared,
    st: &mut State,
    req: &ApiRequest,
    tx: &MfaTx,
) -> Result<Reply, Reply> {
    if let Some(rt) = &tx.refresh_token {
        return session::finish_refresh_after_mfa(shared, st, req, rt, &tx.client_id);
    }
    let grant = RefreshGrant {
        user: tx.user,
        client_id: tx.client_id.clone(),
        audience: tx.audience.clone(),
        scope: tx.scope.clone(),
        family: None,
    };
    Ok(token_set(shared, st, &req.base_url, &grant, true))
}

/// Confirms an enrollment: the authenticator, its linked entry and the user's pending
/// recovery code (from their first associate, whichever enrollment that was) become active.
fn activate(st: &mut State, user: usize, suffix: &str) {
    for a in st.users[user].authenticators.iter_mut() {
        let pending_recovery = a.kind == AuthenticatorKind::RecoveryCode && !a.active;
        if a.suffix == suffix || pending_recovery {
            a.active = true;
            a.enrolled_by = None;
        }
    }
}

fn mfa_otp(shared: &Shared, req: &ApiRequest, client_id: &str) -> Result<Reply, Reply> {
    let mut st = shared.lock();
    let (token, tx) = grant_tx(shared, &st, req, client_id)?;
    let code = required(req, "otp")?;
    check_bucket(shared, &mut st, tx.user)?;
    let now_secs = shared.now_secs();
    let mut guard = st;
    let st: &mut State = &mut guard;
    let user = &mut st.users[tx.user];
    let mut verdict = None;
    for a in user.authenticators.iter_mut() {
        let usable = a.kind == AuthenticatorKind::Otp
            && st.mgmt.kind_enabled(a.kind, a.secondary)
            && (a.active || a.enrolled_by.as_deref() == Some(token.as_str()));
        let Some(secret) = a
            .secret
            .as_deref()
            .filter(|_| usable)
            .and_then(otp::decode_secret)
        else {
            continue;
        };
        match otp::check(&secret, &code, now_secs, a.last_otp_step) {
            OtpCheck::Accepted { step } => {
                a.last_otp_step = Some(step);
                verdict = Some((a.suffix.clone(), a.active));
                break;
            }
            OtpCheck::Reused | OtpCheck::Wrong => {}
        }
    }
    let Some((suffix, was_active)) = verdict else {
        user.failed_codes.record_failure(shared.now_ms());
        return Err(Reply::error(
            StatusCode::FORBIDDEN,
            "invalid_grant",
            "Invalid otp_code.",
        ));
    };
    if !was_active {
        activate(st, tx.user, &suffix);
    }
    tokens_after_mfa(shared, st, req, &tx)
}

fn mfa_oob(shared: &Shared, req: &ApiRequest, client_id: &str) -> Result<Reply, Reply> {
    let mut guard = shared.lock();
    // Split borrows of the state's fields need a plain reference, not the guard.
    let st: &mut State = &mut guard;
    let (token, tx) = grant_tx(shared, st, req, client_id)?;
    let oob_code = required(req, "oob_code")?;
    check_bucket(shared, st, tx.user)?;
    let now = shared.now_ms();
    let invalid = || Reply::error(StatusCode::FORBIDDEN, "invalid_grant", "Invalid oob_code.");
    let oob = st
        .oob_txs
        .get_mut(&oob_code)
        .filter(|o| o.mfa_token == token && o.user == tx.user)
        .ok_or_else(invalid)?;
    if now >= oob.created_ms + OOB_TTL_MS {
        return Err(Reply::error(
            StatusCode::BAD_REQUEST,
            "expired_token",
            "oob_code is expired",
        ));
    }
    let suffix = oob.suffix.clone();
    if oob.channel == AuthenticatorKind::Push {
        poll_push(oob, now, shared.settings.min_poll_interval_ms)?;
    } else {
        let binding = required(req, "binding_code")?;
        if oob.binding_code.as_deref() != Some(binding.trim()) {
            st.users[tx.user].failed_codes.record_failure(now);
            return Err(Reply::error(
                StatusCode::FORBIDDEN,
                "invalid_grant",
                "Invalid binding_code.",
            ));
        }
    }
    st.oob_txs.remove(&oob_code);
    activate(st, tx.user, &suffix);
    tokens_after_mfa(shared, st, req, &tx)
}

/// One poll of a push: `slow_down` closer than `min_interval` to the last, else the
/// Guardian app's answer so far (as the authenticator's rule has it decide).
fn poll_push(oob: &mut OobTx, now: u64, min_interval: u64) -> Result<(), Reply> {
    let too_fast = oob
        .last_poll_ms
        .is_some_and(|last| now < last + min_interval);
    oob.last_poll_ms = Some(now);
    if too_fast {
        // This poll restarts the interval: the client waits all of it.
        let seconds = min_interval.div_ceil(1000).max(1);
        return Err(Reply::error(
            StatusCode::BAD_REQUEST,
            "slow_down",
            format!("You are polling faster than allowed. Try again in {seconds} seconds."),
        )
        .with_header("retry-after", seconds.to_string()));
    }
    oob.polls += 1;
    if oob.status == PushStatus::Pending {
        match oob.push_rule {
            PushRule::ApproveAfter(n) if oob.polls >= n => oob.status = PushStatus::Approved,
            PushRule::Reject => oob.status = PushStatus::Rejected,
            _ => {}
        }
    }
    match oob.status {
        PushStatus::Pending => Err(Reply::error(
            StatusCode::BAD_REQUEST,
            "authorization_pending",
            "Authorization pending: please repeat the request in a few seconds.",
        )),
        PushStatus::Rejected => Err(Reply::error(
            StatusCode::BAD_REQUEST,
            "access_denied",
            "MFA Authorization rejected.",
        )),
        PushStatus::Approved => Ok(()),
    }
}

fn normalize_recovery(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

fn mfa_recovery_code(shared: &Shared, req: &ApiRequest, client_id: &str) -> Result<Reply, Reply> {
    let mut st = shared.lock();
    let (_, tx) = grant_tx(shared, &st, req, client_id)?;
    let code = normalize_recovery(&required(req, "recovery_code")?);
    check_bucket(shared, &mut st, tx.user)?;
    let enabled = st.mgmt.factor_enabled("recovery-code");
    let user = &mut st.users[tx.user];
    let slot = user.authenticators.iter().position(|a| {
        enabled
            && a.kind == AuthenticatorKind::RecoveryCode
            && a.active
            && a.recovery_code.as_deref().map(normalize_recovery) == Some(code.clone())
    });
    let Some(slot) = slot else {
        user.failed_codes.record_failure(shared.now_ms());
        return Err(Reply::error(
            StatusCode::FORBIDDEN,
            "invalid_grant",
            "Invalid recovery_code.",
        ));
    };
    // Tokens first: when they cannot be issued (a refresh revoked meanwhile), the code
    // is not spent.
    let reply = tokens_after_mfa(shared, &mut st, req, &tx)?;
    // A recovery code works once: the answer carries its replacement.
    let fresh = tokens::recovery_code();
    st.users[tx.user].authenticators[slot].recovery_code = Some(fresh.clone());
    Ok(reply.with_field("recovery_code", json!(fresh)))
}
