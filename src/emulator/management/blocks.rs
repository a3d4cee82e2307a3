//! Brute-force protection and `/api/v2/user-blocks`: ten wrong passwords for a user from
//! one address block the user there (the password grant then answers 429
//! `too_many_attempts`, right password or not), until the block is deleted. This is not
//! the MFA failed-code bucket, which refills on its own.

use axum::http::StatusCode;
use serde_json::{Value, json};

use super::super::http::{ApiRequest, Reply};
use super::super::state::{Shared, State, User};
use super::state::{BRUTE_FORCE_LIMIT, LoginFailures};
use super::users::{find_user, no_such_user};
use super::{Caller, error, query, query_param};
/// Addresses remembered per user; the oldest unblocked one makes room.
const MAX_ADDRESSES_PER_USER: usize = 32;

fn address(req: &ApiRequest) -> String {
    req.peer.map(|ip| ip.to_string()).unwrap_or_default()
}

/// The password grant's check before the password is: a user blocked from this address
/// gets Auth0's 429.
pub fn refuse_if_blocked(user: &User, req: &ApiRequest) -> Result<(), Reply> {
    let ip = address(req);
    if user
        .login_failures
        .iter()
        .any(|f| f.ip == ip && f.blocked())
    {
        return Err(Reply::error(
            StatusCode::TOO_MANY_REQUESTS,
            "too_many_attempts",
            "Your account has been blocked after multiple consecutive login attempts. We've sent you an email with instructions on how to unblock it.",
        ));
    }
    Ok(())
}

/// A wrong password from this address.
pub fn record_failure(user: &mut User, req: &ApiRequest) {
    let ip = address(req);
    let failures = &mut user.login_failures;
    match failures.iter_mut().find(|f| f.ip == ip) {
        Some(f) => f.count = (f.count + 1).min(BRUTE_FORCE_LIMIT),
        None => {
            if failures.len() >= MAX_ADDRESSES_PER_USER
                && let Some(oldest) = failures.iter().position(|f| !f.blocked())
            {
                failures.remove(oldest);
            }
            if failures.len() < MAX_ADDRESSES_PER_USER {
                failures.push(LoginFailures { ip, count: 1 });
            }
        }
    }
}

/// A right password from this address: its count starts again.
pub fn record_success(user: &mut User, req: &ApiRequest) {
    let ip = address(req);
    user.login_failures.retain(|f| f.ip != ip);
}

/// `{"blocked_for":[{"identifier","ip","connection"}]}` of some users.
fn blocked_for(users: &[&User]) -> Value {
    let entries: Vec<Value> = users
        .iter()
        .flat_map(|u| {
            u.login_failures.iter().filter(|f| f.blocked()).map(|f| {
                let mut entry = json!({"identifier": u.email, "connection": u.connection});
                if !f.ip.is_empty() {
                    entry["ip"] = json!(f.ip);
                }
                entry
            })
        })
        .collect();
    json!({ "blocked_for": entries })
}

/// The users a `?identifier=` names (their email or username, as a login does).
fn identified(st: &State, req: &ApiRequest) -> Result<Vec<usize>, Reply> {
    let Some(identifier) = query_param(&query(req), "identifier") else {
        return Err(error(
            StatusCode::BAD_REQUEST,
            "Query validation error: 'Missing required property: identifier' on property identifier.",
            Some("invalid_query_string"),
        ));
    };
    let wanted = identifier.to_lowercase();
    Ok((0..st.users.len())
        .filter(|&i| {
            let u = &st.users[i];
            !u.deleted && (u.email.to_lowercase() == wanted || u.username.to_lowercase() == wanted)
        })
        .collect())
}

/// `GET /api/v2/user-blocks/{id}` (`id` Some) or `GET /api/v2/user-blocks?identifier=`.
pub fn get(
    shared: &Shared,
    req: &ApiRequest,
    caller: &Caller,
    id: Option<&str>,
) -> Result<Reply, Reply> {
    caller.require(&["read:users"])?;
    let st = shared.lock();
    let users = match id {
        Some(id) => vec![find_user(&st, id).ok_or_else(no_such_user)?],
        None => identified(&st, req)?,
    };
    let users: Vec<&User> = users.iter().map(|&i| &st.users[i]).collect();
    Ok(Reply::ok(blocked_for(&users)))
}

/// `DELETE` of the same paths: every block of those users is lifted (204).
pub fn delete(
    shared: &Shared,
    req: &ApiRequest,
    caller: &Caller,
    id: Option<&str>,
) -> Result<Reply, Reply> {
    caller.require(&["update:users"])?;
    let mut st = shared.lock();
    let users = match id {
        Some(id) => vec![find_user(&st, id).ok_or_else(no_such_user)?],
        None => identified(&st, req)?,
    };
    for i in users {
        st.users[i].login_failures.clear();
    }
    Ok(Reply::no_content())
}
