//! The Management API (`/api/v2/`) over the tenant's one state: the client-credentials
//! token for it (`token`), the bearer and scope check, Auth0's error shape, and the
//! routing to one file per resource family. What it changes (factors, grant types,
//! users, blocks) the Authentication API routes see at once.
//!
//! Errors are `{"statusCode","error","message","errorCode"}` as Auth0 writes them; ids
//! in paths are percent-encoded (`auth0%7C...`).

mod blocks;
mod clients;
mod guardian;
mod methods;
mod settings;
pub mod state;
mod token;
mod users;

use axum::http::{Method, StatusCode};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Map, Value, json};

use super::http::{ApiRequest, Reply, parse_form, percent_decode};
use super::state::{MANAGEMENT_RATE_KEY, Shared};
use super::tokens;

pub use blocks::{record_failure, record_success, refuse_if_blocked};
pub use token::client_credentials;

/// The path every Management API route starts with.
pub const PREFIX: &str = "/api/v2/";

pub fn is_management_path(path: &str) -> bool {
    path.starts_with(PREFIX) || path == "/api/v2"
}

/// Auth0's Management API error body; `error_code` is left out where Auth0 sends none.
pub fn error(status: StatusCode, message: impl Into<String>, error_code: Option<&str>) -> Reply {
    let mut body = json!({
        "statusCode": status.as_u16(),
        "error": status.canonical_reason().unwrap_or(""),
        "message": message.into(),
    });
    if let Some(code) = error_code {
        body["errorCode"] = json!(code);
    }
    Reply::json(status, body)
}

/// 401 for a token the API does not take, with Auth0's `attributes`.
fn unauthorized(message: &str) -> Reply {
    error(StatusCode::UNAUTHORIZED, message, None)
        .with_field("attributes", json!({"error": message}))
}

pub fn not_found(message: &str, error_code: Option<&str>) -> Reply {
    error(StatusCode::NOT_FOUND, message, error_code)
}

pub fn bad_body(message: impl Into<String>) -> Reply {
    error(StatusCode::BAD_REQUEST, message, Some("invalid_body"))
}

/// The 429 of the Management API's rate limit.
pub fn rate_limited() -> Reply {
    error(
        StatusCode::TOO_MANY_REQUESTS,
        "Global limit has been reached",
        Some("too_many_requests"),
    )
}

/// What the caller (an M2M application's client-credentials token) may do: its scopes.
pub struct Caller {
    pub scopes: Vec<String>,
}

impl Caller {
    /// Ok when the token carries one of `any_of`, else Auth0's 403.
    pub fn require(&self, any_of: &[&str]) -> Result<(), Reply> {
        if any_of.iter().any(|s| self.scopes.iter().any(|t| t == s)) {
            return Ok(());
        }
        Err(error(
            StatusCode::FORBIDDEN,
            format!("Insufficient scope, expected any of: {}", any_of.join(", ")),
            Some("insufficient_scope"),
        ))
    }
}

/// Checks `Authorization: Bearer`: a client-credentials token this emulator signed for
/// its Management API audience, not expired.
pub fn authorize(shared: &Shared, req: &ApiRequest) -> Result<Caller, Reply> {
    let Some(token) = req.bearer() else {
        return Err(error(
            StatusCode::UNAUTHORIZED,
            "Missing authentication",
            None,
        ));
    };
    let claims = tokens::keys()
        .verify_jwt(token)
        .ok_or_else(|| unauthorized("Invalid token"))?;
    let exp = claims.get("exp").and_then(Value::as_u64).unwrap_or(0);
    if shared.now_secs() >= exp {
        return Err(unauthorized(
            "Expired token received for JSON Web Token validation",
        ));
    }
    let text = |name: &str| claims.get(name).and_then(Value::as_str).unwrap_or("");
    let issued_by = text("iss").trim_end_matches('/');
    let audiences: Vec<&str> = match claims.get("aud") {
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        Some(Value::String(a)) => vec![a.as_str()],
        _ => Vec::new(),
    };
    let ours = audiences.iter().any(|aud| {
        shared.origin.is_management_audience(aud, &req.base_url)
            || shared.origin.is_management_audience(aud, issued_by)
    });
    if !ours {
        return Err(unauthorized(&format!(
            "Bad audience: {}",
            audiences.join(" ")
        )));
    }
    // Only application tokens: a user's token for this audience is not a key to it.
    let client_id = text("azp");
    if text("gty") != "client-credentials" || text("sub") != format!("{client_id}@clients") {
        return Err(unauthorized("Invalid token"));
    }
    Ok(Caller {
        scopes: text("scope").split_whitespace().map(String::from).collect(),
    })
}

/// The rate-limit key of a Management API request: its application, read from the
/// token without checking it (the check comes after; a made-up id shares one window).
pub fn rate_limit_key(req: &ApiRequest) -> String {
    let azp = req
        .bearer()
        .and_then(|t| t.split('.').nth(1))
        .and_then(|claims| URL_SAFE_NO_PAD.decode(claims).ok())
        .and_then(|raw| serde_json::from_slice::<Value>(&raw).ok())
        .and_then(|claims| claims.get("azp")?.as_str().map(String::from))
        .unwrap_or_default();
    format!("{MANAGEMENT_RATE_KEY}{azp}")
}

/// A path segment, percent-decoded (`+` is itself in a path).
fn segment(raw: &str) -> String {
    percent_decode(&raw.replace('+', "%2B"))
}

/// The query string's parameters.
pub fn query(req: &ApiRequest) -> Map<String, Value> {
    req.query.as_deref().map(parse_form).unwrap_or_default()
}

/// A query parameter as text.
pub fn query_param(q: &Map<String, Value>, name: &str) -> Option<String> {
    q.get(name).and_then(Value::as_str).map(String::from)
}

/// A non-negative integer query parameter.
pub fn query_number(q: &Map<String, Value>, name: &str) -> Result<Option<usize>, Reply> {
    match query_param(q, name) {
        None => Ok(None),
        Some(n) => n.parse().map(Some).map_err(|_| {
            error(
                StatusCode::BAD_REQUEST,
                format!("Query validation error: 'Expected type integer' on property {name}."),
                Some("invalid_query_string"),
            )
        }),
    }
}

/// Answers one `/api/v2/` request.
pub fn route(shared: &Shared, req: &ApiRequest) -> Reply {
    let caller = match authorize(shared, req) {
        Ok(caller) => caller,
        Err(refused) => return refused,
    };
    let rest = req.path.strip_prefix(PREFIX).unwrap_or("");
    let parts: Vec<String> = rest.split('/').map(segment).collect();
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    let answer = route_users(shared, req, &caller, &parts)
        .or_else(|| route_tenant(shared, req, &caller, &parts))
        .unwrap_or_else(|| Err(not_found("Not Found", None)));
    match answer {
        Ok(reply) | Err(reply) => reply,
    }
}

type Answer = Option<Result<Reply, Reply>>;

/// Users, their authentication methods and their blocks.
fn route_users(shared: &Shared, req: &ApiRequest, caller: &Caller, parts: &[&str]) -> Answer {
    let (get, post, delete) = (Method::GET, Method::POST, Method::DELETE);
    Some(match (&req.method, parts) {
        (m, ["users-by-email"]) if *m == get => users::by_email(shared, req, caller),
        (m, ["users"]) if *m == post => users::create(shared, req, caller),
        (m, ["users"]) if *m == get => users::search(shared, req, caller),
        (m, ["users", id]) if *m == get => users::get(shared, req, caller, id),
        (m, ["users", id]) if *m == delete => users::delete(shared, caller, id),
        (m, ["users", id]) if *m == Method::PATCH => users::update(shared, req, caller, id),
        (m, ["users", id, "authentication-methods"]) if *m == get => {
            methods::list(shared, req, caller, id)
        }
        (m, ["users", id, "authentication-methods"]) if *m == post => {
            methods::create(shared, req, caller, id)
        }
        (m, ["users", id, "authentication-methods"]) if *m == delete => {
            methods::delete_all(shared, caller, id)
        }
        (m, ["users", id, "authentication-methods", method]) if *m == delete => {
            methods::delete_one(shared, caller, id, method)
        }
        (m, ["users", id, "authentication-methods", method]) if *m == get => {
            methods::get_one(shared, caller, id, method)
        }
        (m, ["users", id, "authentication-methods", method]) if *m == Method::PATCH => {
            methods::rename(shared, req, caller, id, method)
        }
        (m, ["user-blocks"]) if *m == get => blocks::get(shared, req, caller, None),
        (m, ["user-blocks"]) if *m == delete => blocks::delete(shared, req, caller, None),
        (m, ["user-blocks", id]) if *m == get => blocks::get(shared, req, caller, Some(id)),
        (m, ["user-blocks", id]) if *m == delete => blocks::delete(shared, req, caller, Some(id)),
        _ => return None,
    })
}

/// The tenant's configuration: clients, connections, settings, Actions.
fn route_tenant(shared: &Shared, req: &ApiRequest, caller: &Caller, parts: &[&str]) -> Answer {
    let get = req.method == Method::GET;
    Some(match parts {
        ["guardian", rest @ ..] => return route_guardian(shared, req, caller, rest),
        ["tenants", "settings"] if get => settings::tenant_settings(shared, req, caller),
        ["emails", "provider"] if get => settings::email_provider(shared, req, caller),
        ["clients"] if get => clients::list(shared, req, caller),
        ["clients", id] if get => clients::get(shared, req, caller, id),
        ["clients", id] if req.method == Method::PATCH => clients::patch(shared, req, caller, id),
        ["clients", id, "connections"] if get => clients::client_connections(shared, caller, id),
        ["connections"] if get => clients::connections(shared, req, caller),
        ["connections", id] if get => clients::connection(shared, req, caller, id),
        ["connections", id, "clients"] if get => {
            clients::connection_clients(shared, req, caller, id)
        }
        ["actions", "triggers"] if get => settings::triggers(caller),
        ["actions", "triggers", trigger, "bindings"] if get => {
            settings::bindings(shared, caller, trigger)
        }
        _ => return None,
    })
}

/// `/guardian/`: factors, policies, the phone and push factors' settings (`sms/...` is
/// the deprecated twin of `phone/...`).
fn route_guardian(shared: &Shared, req: &ApiRequest, caller: &Caller, parts: &[&str]) -> Answer {
    let put = match req.method {
        Method::GET => false,
        Method::PUT => true,
        _ => return None,
    };
    Some(match parts {
        ["factors"] if !put => guardian::factors(shared, caller),
        ["factors", name] if put => guardian::set_factor(shared, req, caller, name),
        ["policies"] => guardian::policies(shared, req, caller, put),
        ["factors", "phone" | "sms", "message-types"] => {
            guardian::message_types(shared, req, caller, put)
        }
        ["factors", "phone" | "sms", "selected-provider"] => {
            guardian::selected_provider(shared, req, caller, false, put)
        }
        ["factors", "phone" | "sms", "providers", "twilio"] => {
            guardian::twilio(shared, req, caller, put)
        }
        ["factors", "push-notification", "selected-provider"] => {
            guardian::selected_provider(shared, req, caller, true, put)
        }
        ["factors", "push-notification", "providers", "sns"] => {
            guardian::sns(shared, req, caller, put)
        }
        ["factors", "push-notification", "providers", "apns"] => {
            guardian::apns(shared, req, caller, put)
        }
        _ => return None,
    })
}

/// `fields` and `include_fields` of a GET: only (or all but) the named top-level fields.
pub fn select_fields(mut value: Value, q: &Map<String, Value>) -> Value {
    let Some(fields) = query_param(q, "fields") else {
        return value;
    };
    let names: Vec<&str> = fields.split(',').map(str::trim).collect();
    let include = query_param(q, "include_fields").as_deref() != Some("false");
    if let Some(object) = value.as_object_mut() {
        object.retain(|k, _| names.contains(&k.as_str()) == include);
    }
    value
}
