//! The `/_emulator/` control API, for scripts driving the emulator over HTTP: the same
//! operations as the `Emulator` methods, behind the control token when one is set.
//! Control requests are neither recorded, rate limited nor subject to faults.

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

use super::faults::Fault;
use super::http::{ApiRequest, Reply};
use super::state::Shared;

pub fn handle(shared: &Shared, req: &ApiRequest) -> Reply {
    if let Some(refused) = authorize(shared, req) {
        return refused;
    }
    if let Some(e) = &req.body_error {
        return Reply::error(StatusCode::BAD_REQUEST, "invalid_request", e.clone());
    }
    match (&req.method, req.path.as_str()) {
        // Readiness, for a container runtime or `auth0-mfa emulator --check`.
        (&Method::GET, "/_emulator/health") => Reply::ok(json!({
            "status": "ok",
            "base_url": req.base_url,
            "tenant": shared.settings.name,
        })),
        (&Method::GET, "/_emulator/outbox") => Reply::ok(json!(shared.lock().outbox)),
        (&Method::GET, "/_emulator/requests") => Reply::ok(json!(shared.lock().received)),
        (&Method::POST, "/_emulator/clock") => {
            let Some(seconds) = req.body.get("advance_seconds").and_then(Value::as_u64) else {
                return Reply::error(
                    StatusCode::BAD_REQUEST,
                    "invalid_request",
                    "expected {\"advance_seconds\": N} with N >= 0",
                );
            };
            shared.advance_clock(seconds);
            Reply::ok(json!({"now": shared.now_secs()}))
        }
        (&Method::POST, "/_emulator/push/approve") => settle(shared, req, true),
        (&Method::POST, "/_emulator/push/reject") => settle(shared, req, false),
        (&Method::POST, "/_emulator/faults") => match Fault::from_control(&req.body) {
            Ok(fault) => queue_fault(shared, fault),
            Err(e) => Reply::error(StatusCode::BAD_REQUEST, "invalid_request", e),
        },
        _ => Reply::error(
            StatusCode::NOT_FOUND,
            "not_found",
            format!(
                "Not found: {} {}. Control API: GET /_emulator/health, GET /_emulator/outbox, GET /_emulator/requests, POST /_emulator/clock, POST /_emulator/push/approve, POST /_emulator/push/reject, POST /_emulator/faults",
                req.method, req.path
            ),
        ),
    }
}

/// The control API hands out what clients sent (passwords, secrets, codes, tokens) and
/// steers what other clients are answered, so with a token set it answers only to that
/// token. The health check alone may come without one (a container runtime's probe
/// reveals nothing by it), but a token it does send must be the right one, so that
/// `emulator --check` also proves the token a test suite was given.
fn authorize(shared: &Shared, req: &ApiRequest) -> Option<Reply> {
    let expected = shared.control_token.as_deref()?;
    let sent = req.header("authorization");
    if sent.is_none() && req.method == Method::GET && req.path == "/_emulator/health" {
        return None;
    }
    if req
        .bearer()
        .is_some_and(|token| same_secret(token, expected))
    {
        return None;
    }
    let why = if sent.is_some() {
        "the control token sent is not this emulator's"
    } else {
        "the control API needs the emulator's control token"
    };
    Some(
        Reply::error(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            format!(
                "{why}: send Authorization: Bearer TOKEN with the control_token its banner printed (or the one given with --control-token / AUTH0_MFA_EMULATOR_CONTROL_TOKEN)"
            ),
        )
        .with_header("www-authenticate", "Bearer realm=\"auth0-mfa emulator control API\""),
    )
}

/// Compares without stopping at the first difference, so that the time an answer takes
/// does not tell a guesser how much of the token was right.
fn same_secret(sent: &str, expected: &str) -> bool {
    let (sent, expected) = (sent.as_bytes(), expected.as_bytes());
    sent.len() == expected.len()
        && sent
            .iter()
            .zip(expected)
            .fold(0u8, |diff, (a, b)| diff | (a ^ b))
            == 0
}

/// Faults queued over HTTP: a test queues a few before its requests, never a hundred; a
/// bound keeps a forgotten loop (or a stranger) from filling memory with `respond`
/// bodies of a megabyte each.
const MAX_QUEUED_FAULTS: usize = 100;
const MAX_QUEUED_FAULT_BYTES: usize = 8 * 1024 * 1024;

fn queue_fault(shared: &Shared, fault: Fault) -> Reply {
    let mut st = shared.lock();
    let bytes: usize = st.faults.iter().map(Fault::body_len).sum();
    if st.faults.len() >= MAX_QUEUED_FAULTS
        || bytes.saturating_add(fault.body_len()) > MAX_QUEUED_FAULT_BYTES
    {
        return Reply::error(
            StatusCode::TOO_MANY_REQUESTS,
            "too_many_faults",
            format!(
                "the fault queue is full ({MAX_QUEUED_FAULTS} faults, {} MiB of respond bodies at most); each is served to one later request, so send requests first",
                MAX_QUEUED_FAULT_BYTES / 1024 / 1024
            ),
        );
    }
    st.faults.push_back(fault);
    Reply::ok(json!({"queued": st.faults.len()}))
}

fn settle(shared: &Shared, req: &ApiRequest, approve: bool) -> Reply {
    let Some(username) = req.param("username") else {
        return Reply::error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "expected {\"username\": \"...\"}",
        );
    };
    if shared.settle_push(&username, approve) {
        Reply::ok(json!({"username": username, "approved": approve}))
    } else {
        Reply::error(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("No pending push for {username}."),
        )
    }
}
