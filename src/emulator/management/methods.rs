//! `/api/v2/users/{id}/authentication-methods`: a user's factors as the Management API
//! sees them (one `phone` entry for an sms/voice pair, the push's Guardian codes inside
//! the push), listed with paging, created confirmed and usable at once, deleted one by
//! one or all together.

use axum::http::StatusCode;
use serde_json::{Map, Value, json};

use super::super::http::{ApiRequest, Reply, iso_date};
use super::super::limits::MAX_AUTHENTICATION_METHODS;
use super::super::otp;
use super::super::state::{Authenticator, Shared, State, linked_entry, mask_email, mask_phone};
use super::super::tenant::{AuthenticatorKind, PushRule};
use super::super::tokens;
use super::users::{find_user, no_such_user, object_body};
use super::{Caller, bad_body, error, not_found, query, query_number, query_param};

/// Auth0's `type` and id prefix of an authenticator's method.
fn method_type(kind: AuthenticatorKind) -> (&'static str, &'static str) {
    match kind {
        AuthenticatorKind::Otp => ("totp", "totp"),
        AuthenticatorKind::Push => ("push-notification", "push"),
        AuthenticatorKind::Sms | AuthenticatorKind::Voice => ("phone", "phone"),
        AuthenticatorKind::Email => ("email", "email"),
        AuthenticatorKind::RecoveryCode => ("recovery-code", "recovery-code"),
    }
}

fn method_id(a: &Authenticator) -> String {
    format!("{}|{}", method_type(a.kind).1, a.suffix)
}

/// The methods: the user's own entries (not linked halves, not the verified email
/// listed only as a backup), unconfirmed ones with `confirmed: false`.
fn methods(st: &State, user: usize) -> Vec<&Authenticator> {
    st.users[user]
        .authenticators
        .iter()
        .filter(|a| !a.secondary && !a.backup_only)
        .collect()
}

fn method_json(a: &Authenticator) -> Value {
    let mut v = json!({
        "id": method_id(a),
        "type": method_type(a.kind).0,
        "confirmed": a.active,
        "created_at": iso_date(a.created_ms),
    });
    if let Some(name) = &a.name {
        v["name"] = json!(name);
    }
    if let Some(phone) = &a.phone {
        v["phone_number"] = json!(mask_phone(phone));
        let preferred = if a.kind == AuthenticatorKind::Voice {
            "voice"
        } else {
            "sms"
        };
        v["preferred_authentication_method"] = json!(preferred);
    }
    if let Some(email) = a
        .email
        .as_deref()
        .filter(|_| a.kind == AuthenticatorKind::Email)
    {
        v["email"] = json!(mask_email(email));
    }
    v
}

/// `GET`: a bare array, or with `include_totals=true` `{"authenticators","total",
/// "start","limit"}` (no `total` when there is none); `page` and `per_page` (50) page it.
pub fn list(shared: &Shared, req: &ApiRequest, caller: &Caller, id: &str) -> Result<Reply, Reply> {
    caller.require(&["read:authentication_methods"])?;
    let q = query(req);
    let per_page = query_number(&q, "per_page")?.unwrap_or(50).clamp(1, 100);
    let page = query_number(&q, "page")?.unwrap_or(0);
    let st = shared.lock();
    let user = find_user(&st, id).ok_or_else(no_such_user)?;
    let all = methods(&st, user);
    let start = page.saturating_mul(per_page);
    let shown: Vec<Value> = all
        .iter()
        .skip(start)
        .take(per_page)
        .map(|a| method_json(a))
        .collect();
    if query_param(&q, "include_totals").as_deref() != Some("true") {
        return Ok(Reply::ok(Value::Array(shown)));
    }
    let mut body = json!({"authenticators": shown, "start": start, "limit": per_page});
    if !all.is_empty() {
        body["total"] = json!(all.len());
    }
    Ok(Reply::ok(body))
}

/// What a `POST` body asks for: the kind, and its secret, phone or email.
struct NewMethod {
    kind: AuthenticatorKind,
    secret: Option<String>,
    phone: Option<String>,
    email: Option<String>,
    name: Option<String>,
}

fn field(body: &Map<String, Value>, name: &str) -> Result<String, Reply> {
    body.get(name)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty() && s.len() <= 320)
        .map(String::from)
        .ok_or_else(|| {
            bad_body(format!(
                "Payload validation error: 'Missing required property: {name}'."
            ))
        })
}

fn parse_new(body: &Map<String, Value>) -> Result<NewMethod, Reply> {
    let name = match body.get("name") {
        None => None,
        Some(Value::String(n)) if n.chars().count() <= 20 => Some(n.clone()),
        Some(_) => {
            return Err(bad_body(
                "Payload validation error: 'String is too long (maximum 20)' on property name.",
            ));
        }
    };
    let mut new = NewMethod {
        kind: AuthenticatorKind::Otp,
        secret: None,
        phone: None,
        email: None,
        name,
    };
    match body.get("type").and_then(Value::as_str) {
        Some("totp") => {
            let secret = field(body, "totp_secret")?;
            if otp::decode_secret(&secret).is_none() {
                return Err(bad_body("totp_secret is not a valid base32 secret."));
            }
            new.secret = Some(secret);
        }
        Some("phone") => {
            let phone = field(body, "phone_number")?;
            let digits = phone.strip_prefix('+').unwrap_or("");
            if !(6..=15).contains(&digits.len()) || !digits.chars().all(|c| c.is_ascii_digit()) {
                return Err(bad_body(
                    "phone_number must be in E.164 format, e.g. +15555550123.",
                ));
            }
            let voice = body
                .get("preferred_authentication_method")
                .and_then(Value::as_str)
                == Some("voice");
            new.kind = if voice {
                AuthenticatorKind::Voice
            } else {
                AuthenticatorKind::Sms
            };
            new.phone = Some(phone);
        }
        Some("email") => {
            let email = field(body, "email")?;
            if !email.contains('@') {
                return Err(bad_body("email is not a valid email address."));
            }
            new.kind = AuthenticatorKind::Email;
            new.email = Some(email);
        }
        Some(other) => {
            return Err(bad_body(format!(
                "Payload validation error: 'No enum match for: \"{other}\"' on property type (the emulator creates totp, phone and email methods)."
            )));
        }
        None => {
            return Err(bad_body(
                "Payload validation error: 'Missing required property: type'.",
            ));
        }
    }
    Ok(new)
}

/// The user already has this method: a TOTP, or the same phone or email.
fn exists(st: &State, user: usize, new: &NewMethod) -> bool {
    methods(st, user).iter().any(|a| match new.kind {
        AuthenticatorKind::Otp => a.kind == AuthenticatorKind::Otp,
        AuthenticatorKind::Email => a.kind == AuthenticatorKind::Email && a.email == new.email,
        _ => a.phone.is_some() && a.phone == new.phone,
    })
}

/// `POST`: 201 `{"id","type","name","created_at"}`; the method is confirmed at once.
pub fn create(
    shared: &Shared,
    req: &ApiRequest,
    caller: &Caller,
    id: &str,
) -> Result<Reply, Reply> {
    caller.require(&["create:authentication_methods"])?;
    let new = parse_new(object_body(req)?)?;
    let mut guard = shared.lock();
    let st: &mut State = &mut guard;
    let user = find_user(st, id).ok_or_else(no_such_user)?;
    if exists(st, user, &new) {
        return Err(error(
            StatusCode::CONFLICT,
            "Authentication method already exists.",
            None,
        ));
    }
    if st.users[user].authenticators.len() >= MAX_AUTHENTICATION_METHODS {
        return Err(error(
            StatusCode::FORBIDDEN,
            format!(
                "The user has reached the limit of entities ({MAX_AUTHENTICATION_METHODS} authentication methods)."
            ),
            None,
        ));
    }
    let a = Authenticator {
        kind: new.kind,
        suffix: format!("dev_{}", tokens::random_alphanumeric(16)),
        secret: new.secret,
        phone: new.phone,
        email: new.email,
        recovery_code: None,
        active: true,
        push_rule: PushRule::Manual,
        name: new.name,
        secondary: false,
        enrolled_by: None,
        last_otp_step: None,
        verified_email: false,
        backup_only: false,
        created_ms: shared.now_ms(),
    };
    let mut body = json!({"id": method_id(&a), "type": method_type(a.kind).0, "created_at": iso_date(a.created_ms)});
    if let Some(name) = &a.name {
        body["name"] = json!(name);
    }
    let linked = linked_entry(&a, shared.settings.voice);
    let u = &mut st.users[user];
    u.authenticators.push(a);
    u.authenticators.extend(linked);
    Ok(Reply::json(StatusCode::CREATED, body))
}

/// The user's method with this id (or the `/mfa/` id of either half of a pair).
fn find_method(st: &State, user: usize, method: &str) -> Result<usize, Reply> {
    st.users[user]
        .authenticators
        .iter()
        .position(|a| {
            !a.backup_only && !a.secondary && (method_id(a) == method || a.id() == method)
        })
        .ok_or_else(|| not_found("Authentication method not found.", None))
}

/// `GET .../authentication-methods/{method}`: the method as the list shows it.
pub fn get_one(shared: &Shared, caller: &Caller, id: &str, method: &str) -> Result<Reply, Reply> {
    caller.require(&["read:authentication_methods"])?;
    let st = shared.lock();
    let user = find_user(&st, id).ok_or_else(no_such_user)?;
    let at = find_method(&st, user, method)?;
    Ok(Reply::ok(method_json(&st.users[user].authenticators[at])))
}

/// `PATCH .../authentication-methods/{method}` `{"name"}`: 200 and the method.
pub fn rename(
    shared: &Shared,
    req: &ApiRequest,
    caller: &Caller,
    id: &str,
    method: &str,
) -> Result<Reply, Reply> {
    caller.require(&["update:authentication_methods"])?;
    let body = object_body(req)?;
    if let Some(extra) = body.keys().find(|k| *k != "name") {
        return Err(bad_body(format!(
            "Payload validation error: 'Additional properties not allowed: {extra}' (the emulator changes name only)."
        )));
    }
    let name = match body.get("name") {
        Some(Value::String(n)) if n.chars().count() <= 255 => n.clone(),
        Some(Value::String(_)) => {
            return Err(bad_body(
                "Payload validation error: 'String is too long (maximum 255)' on property name.",
            ));
        }
        Some(_) => {
            return Err(bad_body(
                "Payload validation error: 'Expected type string' on property name.",
            ));
        }
        None => {
            return Err(bad_body(
                "Payload validation error: 'Missing required property: name'.",
            ));
        }
    };
    let mut st = shared.lock();
    let user = find_user(&st, id).ok_or_else(no_such_user)?;
    let at = find_method(&st, user, method)?;
    let a = &mut st.users[user].authenticators[at];
    a.name = Some(name);
    Ok(Reply::ok(method_json(a)))
}

/// `DELETE .../authentication-methods/{method}` (the method id, or the `/mfa/` id of
/// either half of a pair): 204, the pair and its pending challenges gone.
pub fn delete_one(
    shared: &Shared,
    caller: &Caller,
    id: &str,
    method: &str,
) -> Result<Reply, Reply> {
    caller.require(&["delete:authentication_methods"])?;
    let mut st = shared.lock();
    let user = find_user(&st, id).ok_or_else(no_such_user)?;
    let suffix = st.users[user]
        .authenticators
        .iter()
        .find(|a| !a.backup_only && (method_id(a) == method || a.id() == method))
        .map(|a| a.suffix.clone())
        .ok_or_else(|| not_found("Authentication method not found.", None))?;
    st.users[user].authenticators.retain(|a| a.suffix != suffix);
    st.oob_txs
        .retain(|_, tx| !(tx.user == user && tx.suffix == suffix));
    Ok(Reply::no_content())
}

/// `DELETE .../authentication-methods`: every method goes (204); the user is a new user
/// again, who enrolls at the next login.
pub fn delete_all(shared: &Shared, caller: &Caller, id: &str) -> Result<Reply, Reply> {
    caller.require(&["delete:authentication_methods"])?;
    let mut st = shared.lock();
    let user = find_user(&st, id).ok_or_else(no_such_user)?;
    st.users[user].authenticators.retain(|a| a.backup_only);
    st.oob_txs.retain(|_, tx| tx.user != user);
    Ok(Reply::no_content())
}
