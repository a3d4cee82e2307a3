//! `POST /mfa/challenge`: picks the user's authenticator for the requested challenge
//! types, starts an OOB transaction (push, or a code sent to the outbox) or answers otp.

use axum::http::StatusCode;
use serde_json::json;

use super::super::http::{ApiRequest, Reply};
use super::super::management::state::MgmtState;
use super::super::state::{Authenticator, OOB_TTL_MS, OobTx, PushStatus, Shared, State, User};
use super::super::tenant::AuthenticatorKind;
use super::super::tokens;
use super::{authenticate_client, body_ok, invalid_request, mfa_tx, required};

pub fn challenge(shared: &Shared, req: &ApiRequest) -> Reply {
    match challenge_inner(shared, req) {
        Ok(reply) | Err(reply) => reply,
    }
}

fn unsupported(description: impl Into<String>) -> Reply {
    Reply::error(
        StatusCode::UNAUTHORIZED,
        "unsupported_challenge_type",
        description,
    )
}

/// A user with no factor of their own: Auth0 names its MFA provider, and its mobile
/// SDKs take this answer for "enrollment required".
fn not_enrolled() -> Reply {
    unsupported("User is not enrolled with guardian")
}

/// Enrolled, but not with anything the requested types can challenge (as a real tenant
/// words it for an `oob` challenge of an OTP-only user).
fn no_authenticator_for(types: &[String]) -> Reply {
    unsupported(format!(
        "User does not have any enrolled authenticator with the supported challenge type ({})",
        types.join(", ")
    ))
}

fn challenge_inner(shared: &Shared, req: &ApiRequest) -> Result<Reply, Reply> {
    body_ok(req)?;
    let token = required(req, "mfa_token")?;
    let client = authenticate_client(shared, req, false)?;
    let types = requested_types(req)?;
    let mut guard = shared.lock();
    let st: &mut State = &mut guard;
    let tx = mfa_tx(shared, st, &token, &client.client_id)?;
    let user = &st.users[tx.user];
    if !user.has_active_factor() {
        return Err(not_enrolled());
    }
    let wants = |a: &Authenticator| challengeable(a, &types, &st.mgmt);
    let chosen = choose(user, req.param("authenticator_id"), &wants, &types)?;
    let a = user.authenticators[chosen].clone();
    if a.kind == AuthenticatorKind::Otp {
        return Ok(Reply::ok(json!({"challenge_type": "otp"})));
    }
    Ok(start_oob(shared, st, token, tx.user, a))
}

/// `challenge_type`, a space-separated list of `otp` and `oob`; both when absent.
fn requested_types(req: &ApiRequest) -> Result<Vec<String>, Reply> {
    let types = req
        .list_param("challenge_type")
        .unwrap_or_else(|| vec!["otp".to_string(), "oob".to_string()]);
    if let Some(bad) = types.iter().find(|t| *t != "otp" && *t != "oob") {
        return Err(invalid_request(format!(
            "Invalid challenge_type: {bad}. Expected a space-separated list of otp and oob."
        )));
    }
    Ok(types)
}

/// The authenticator named by `authenticator_id`, which must be active and wanted, or
/// else the one Auth0 would pick.
fn choose(
    user: &User,
    authenticator_id: Option<String>,
    wants: &dyn Fn(&Authenticator) -> bool,
    types: &[String],
) -> Result<usize, Reply> {
    let Some(id) = authenticator_id else {
        return pick(user, wants).ok_or_else(|| no_authenticator_for(types));
    };
    let i = user
        .authenticator_by_id(&id)
        .filter(|i| user.authenticators[*i].active)
        .ok_or_else(|| unsupported("User is not enrolled with the requested authenticator."))?;
    if !wants(&user.authenticators[i]) {
        return Err(no_authenticator_for(types));
    }
    Ok(i)
}

/// An OOB transaction for `a`: a push to approve, or a code sent to the outbox; the
/// answer carries its `oob_code`.
fn start_oob(
    shared: &Shared,
    st: &mut State,
    token: String,
    user: usize,
    a: Authenticator,
) -> Reply {
    let now = shared.now_ms();
    let oob_code = tokens::oob_code(now, now + OOB_TTL_MS);
    let binding_code = match a.kind {
        AuthenticatorKind::Push => None,
        kind => {
            let to = match kind {
                AuthenticatorKind::Email => a.email.clone().unwrap_or_default(),
                _ => a.phone.clone().unwrap_or_default(),
            };
            Some(shared.send_code(st, kind, &to, user))
        }
    };
    let mut body = json!({"challenge_type": "oob", "oob_code": oob_code});
    if binding_code.is_some() {
        body["binding_method"] = json!("prompt");
    }
    if let Some(interval) = shared.settings.advertise_poll_interval {
        body["interval"] = json!(interval);
    }
    st.oob_txs.insert(
        oob_code,
        OobTx {
            mfa_token: token,
            user,
            suffix: a.suffix,
            channel: a.kind,
            binding_code,
            created_ms: now,
            status: PushStatus::Pending,
            polls: 0,
            last_poll_ms: None,
            push_rule: a.push_rule,
        },
    );
    Reply::ok(body)
}

/// Whether a challenge of `types` may pick this authenticator: not a recovery code, of
/// a type asked for, and of a factor the tenant has enabled (whatever the user has).
fn challengeable(a: &Authenticator, types: &[String], mgmt: &MgmtState) -> bool {
    let t = if a.kind.is_oob() { "oob" } else { "otp" };
    a.kind != AuthenticatorKind::RecoveryCode
        && types.iter().any(|x| x == t)
        && mgmt.kind_enabled(a.kind, a.secondary)
}

/// Without `authenticator_id`: otp before oob when both are allowed (as Auth0 does), and
/// the user's own entries before linked ones (push's totp, sms's voice), so a push user
/// asked for "otp oob" gets a push, and asked for "otp" gets the Guardian app's codes.
fn pick(user: &User, wants: &dyn Fn(&Authenticator) -> bool) -> Option<usize> {
    for secondary in [false, true] {
        for oob in [false, true] {
            let found = user.authenticators.iter().position(|a| {
                a.active && a.secondary == secondary && a.kind.is_oob() == oob && wants(a)
            });
            if found.is_some() {
                return found;
            }
        }
    }
    None
}
