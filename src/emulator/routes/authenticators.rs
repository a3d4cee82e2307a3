//! `GET /mfa/authenticators` and `DELETE /mfa/authenticators/{id}`.

use axum::http::StatusCode;
use serde_json::Value;

use super::super::http::{ApiRequest, Reply, percent_decode};
use super::super::state::Shared;
use super::{Bearer, bearer};

/// Every authenticator, unconfirmed ones included (`active: false`), as Auth0 lists them:
/// in enrollment order, a verified email nobody enrolled last.
pub fn list(shared: &Shared, req: &ApiRequest) -> Reply {
    let st = shared.lock();
    let who = match bearer(shared, &st, req) {
        Ok(b) => b,
        Err(reply) => return reply,
    };
    if let Err(reply) = who.require_scope("read:authenticators") {
        return reply;
    }
    let all = &st.users[who.user()].authenticators;
    let entries: Vec<Value> = all
        .iter()
        .filter(|a| !a.backup_only)
        .chain(all.iter().filter(|a| a.backup_only))
        .map(|a| a.list_entry())
        .collect();
    Reply::ok(Value::Array(entries))
}

/// Deletes an authenticator and its linked entry. Needs an MFA API access token with
/// `remove:authenticators`; an mfa_token is refused.
pub fn delete(shared: &Shared, req: &ApiRequest, raw_id: &str) -> Reply {
    let mut st = shared.lock();
    let who = match bearer(shared, &st, req) {
        Ok(b) => b,
        Err(reply) => return reply,
    };
    if let Bearer::MfaToken { .. } = who {
        return Reply::error(
            StatusCode::UNAUTHORIZED,
            "invalid_token",
            "An mfa_token cannot delete authenticators; use an access token for the /mfa/ audience with remove:authenticators.",
        );
    }
    if let Err(reply) = who.require_scope("remove:authenticators") {
        return reply;
    }
    let id = percent_decode(raw_id);
    let user = &mut st.users[who.user()];
    let Some(i) = user.authenticator_by_id(&id) else {
        return Reply::error(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("Authenticator {id} does not exist."),
        );
    };
    let a = &user.authenticators[i];
    if a.verified_email {
        return Reply::error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "The email authenticator of a verified email cannot be deleted.",
        );
    }
    let suffix = a.suffix.clone();
    user.authenticators.retain(|a| a.suffix != suffix);
    // A challenge still pending for the deleted authenticator can no longer succeed.
    let user_ix = who.user();
    st.oob_txs
        .retain(|_, tx| !(tx.user == user_ix && tx.suffix == suffix));
    Reply::no_content()
}
