//! `/api/v2/users` and `/api/v2/users-by-email`: database users made, read and deleted
//! on the fly. A user made here logs in at once (a new user, who must enroll, until an
//! authentication method is added); a deleted one is a tombstone no login finds.

use axum::http::StatusCode;
use serde_json::{Map, Value, json};

use super::super::http::{ApiRequest, Reply, iso_date};
use super::super::limits::MAX_USERS;
use super::super::state::{FailureBucket, Shared, State, User, verified_email_entry};
use super::super::tenant::management::check_app_metadata;
use super::super::tokens;
use super::{Caller, bad_body, error, not_found, query, query_param, select_fields};

/// The properties `POST /api/v2/users` takes for a database user.
const CREATE_PROPERTIES: [&str; 12] = [
    "connection",
    "email",
    "password",
    "email_verified",
    "verify_email",
    "name",
    "nickname",
    "given_name",
    "family_name",
    "username",
    "app_metadata",
    "user_metadata",
];

pub fn no_such_user() -> Reply {
    not_found("The user does not exist.", Some("inexistent_user"))
}

/// The live user with this id (`auth0|` + 24 hex).
pub fn find_user(st: &State, user_id: &str) -> Option<usize> {
    let hex = user_id.strip_prefix("auth0|")?;
    st.users.iter().position(|u| !u.deleted && u.user_id == hex)
}

/// A user as the Management API shows one.
pub fn user_json(u: &User) -> Value {
    let nickname = u.email.split('@').next().unwrap_or("");
    let mut v = json!({
        "user_id": format!("auth0|{}", u.user_id),
        "email": u.email,
        "email_verified": u.email_verified,
        "name": u.name,
        "nickname": nickname,
        "identities": [{
            "connection": u.connection,
            "user_id": u.user_id,
            "provider": "auth0",
            "isSocial": false,
        }],
        "created_at": iso_date(u.created_ms),
        "updated_at": iso_date(u.updated_ms.max(u.created_ms)),
    });
    if u.blocked {
        v["blocked"] = json!(true);
    }
    if !u.user_metadata.is_empty() {
        v["user_metadata"] = Value::Object(u.user_metadata.clone());
    }
    if !u.username.eq_ignore_ascii_case(&u.email) {
        v["username"] = json!(u.username);
    }
    if !u.app_metadata.is_empty() {
        v["app_metadata"] = Value::Object(u.app_metadata.clone());
    }
    v
}

/// `GET /api/v2/users-by-email?email=`: a bare array, the email matched exactly.
pub fn by_email(shared: &Shared, req: &ApiRequest, caller: &Caller) -> Result<Reply, Reply> {
    caller.require(&["read:users"])?;
    let q = query(req);
    let email = query_param(&q, "email").ok_or_else(|| {
        error(
            StatusCode::BAD_REQUEST,
            "Query validation error: 'Missing required property: email' on property email.",
            Some("invalid_query_string"),
        )
    })?;
    let st = shared.lock();
    let found: Vec<Value> = st
        .users
        .iter()
        .filter(|u| !u.deleted && u.email == email)
        .map(|u| select_fields(user_json(u), &q))
        .collect();
    Ok(Reply::ok(Value::Array(found)))
}

/// `GET /api/v2/users?q=...&search_engine=v3`: the users whose profile
/// matches every `field:value` term of the query (`AND` between terms; a
/// dotted field reads nested values such as `app_metadata.created_by`; a
/// quoted value is exact, a trailing `*` a prefix), paged with `page` and
/// `per_page` (50); `include_totals=true` gives `{"users","start","limit",
/// "length","total"}`. A subset of Auth0's Lucene syntax: enough to find users
/// by email or by a mark in their metadata.
pub fn search(shared: &Shared, req: &ApiRequest, caller: &Caller) -> Result<Reply, Reply> {
    caller.require(&["read:users"])?;
    let q = query(req);
    let terms = match query_param(&q, "q") {
        Some(text) => parse_terms(&text)?,
        None => Vec::new(),
    };
    let per_page = super::query_number(&q, "per_page")?
        .unwrap_or(50)
        .clamp(1, 100);
    let page = super::query_number(&q, "page")?.unwrap_or(0);
    let st = shared.lock();
    let found: Vec<Value> = st
        .users
        .iter()
        .filter(|u| !u.deleted)
        .map(user_json)
        .filter(|user| terms.iter().all(|term| term.matches(user)))
        .collect();
    let start = page.saturating_mul(per_page);
    let shown: Vec<Value> = found
        .iter()
        .skip(start)
        .take(per_page)
        .map(|u| select_fields(u.clone(), &q))
        .collect();
    if query_param(&q, "include_totals").as_deref() != Some("true") {
        return Ok(Reply::ok(Value::Array(shown)));
    }
    Ok(Reply::ok(json!({
        "start": start,
        "limit": per_page,
        "length": shown.len(),
        "total": found.len(),
        "users": shown,
    })))
}

/// One `field:value` term of a search.
struct Term {
    path: Vec<String>,
    value: String,
    prefix: bool,
}

impl Term {
    fn matches(&self, user: &Value) -> bool {
        let mut at = user;
        for key in &self.path {
            match at.get(key) {
                Some(next) => at = next,
                None => return false,
            }
        }
        let text = match at {
            Value::String(text) => text.clone(),
            Value::Bool(_) | Value::Number(_) => at.to_string(),
            _ => return false,
        };
        if self.prefix {
            text.starts_with(&self.value)
        } else {
            text == self.value
        }
    }
}

fn parse_terms(text: &str) -> Result<Vec<Term>, Reply> {
    let bad = || {
        error(
            StatusCode::BAD_REQUEST,
            format!(
                "Query validation error: the emulator understands field:value terms joined by AND, not {text:?}"
            ),
            Some("invalid_query_string"),
        )
    };
    text.split(" AND ")
        .map(|term| {
            let (field, value) = term.trim().split_once(':').ok_or_else(bad)?;
            let quoted = value.len() >= 2 && value.starts_with('"') && value.ends_with('"');
            let value = if quoted {
                &value[1..value.len() - 1]
            } else {
                value
            };
            let prefix = !quoted && value.ends_with('*');
            Ok(Term {
                path: field.split('.').map(str::to_owned).collect(),
                value: value.trim_end_matches('*').to_owned(),
                prefix,
            })
        })
        .collect()
}

pub fn get(shared: &Shared, req: &ApiRequest, caller: &Caller, id: &str) -> Result<Reply, Reply> {
    caller.require(&["read:users"])?;
    let st = shared.lock();
    let i = find_user(&st, id).ok_or_else(no_such_user)?;
    Ok(Reply::ok(select_fields(
        user_json(&st.users[i]),
        &query(req),
    )))
}

/// 204 whether or not the user existed. What the user held (transactions, sessions)
/// goes with them, so their slot can be taken by a new user.
pub fn delete(shared: &Shared, caller: &Caller, id: &str) -> Result<Reply, Reply> {
    caller.require(&["delete:users"])?;
    let mut st = shared.lock();
    if let Some(i) = find_user(&st, id) {
        let u = &mut st.users[i];
        u.deleted = true;
        u.authenticators.clear();
        u.login_failures.clear();
        u.app_metadata.clear();
        st.mfa_txs.retain(|_, tx| tx.user != i);
        st.oob_txs.retain(|_, tx| tx.user != i);
        st.refresh_tokens.retain(|_, g| g.user != i);
        st.rotated_refresh_tokens.retain(|_, r| r.grant.user != i);
    }
    Ok(Reply::no_content())
}

/// A string property of a body, with a bound on its length.
fn text(body: &Map<String, Value>, name: &str, max: usize) -> Result<Option<String>, Reply> {
    match body.get(name) {
        None => Ok(None),
        Some(Value::String(s)) if s.chars().count() <= max => Ok(Some(s.clone())),
        Some(Value::String(_)) => Err(bad_body(format!(
            "Payload validation error: 'String is too long (maximum {max})' on property {name}."
        ))),
        Some(_) => Err(bad_body(format!(
            "Payload validation error: 'Expected type string' on property {name}."
        ))),
    }
}

fn missing(name: &str) -> Reply {
    bad_body(format!(
        "Payload validation error: 'Missing required property: {name}'."
    ))
}

/// The body of a POST: a JSON object.
pub fn object_body(req: &ApiRequest) -> Result<&Map<String, Value>, Reply> {
    req.body.as_object().ok_or_else(|| {
        bad_body("Payload validation error: 'Expected type object but found type array'.")
    })
}

/// What `POST /api/v2/users` asks for, checked.
struct NewUser {
    connection: String,
    email: String,
    password: String,
    name: Option<String>,
    email_verified: bool,
    app_metadata: Map<String, Value>,
    user_metadata: Map<String, Value>,
}

fn parse_new_user(req: &ApiRequest) -> Result<NewUser, Reply> {
    let body = object_body(req)?;
    if let Some(extra) = body
        .keys()
        .find(|k| !CREATE_PROPERTIES.contains(&k.as_str()))
    {
        return Err(bad_body(format!(
            "Payload validation error: 'Additional properties not allowed: {extra}'."
        )));
    }
    let connection = text(body, "connection", 128)?.ok_or_else(|| missing("connection"))?;
    let email = text(body, "email", 254)?.ok_or_else(|| missing("email"))?;
    if !email.contains('@') || email.contains(char::is_whitespace) {
        return Err(bad_body(format!(
            "Payload validation error: 'Object didn't pass validation for format email: {email}' on property email."
        )));
    }
    let password = text(body, "password", 1024)?.ok_or_else(|| missing("password"))?;
    let app_metadata = metadata(body, "app_metadata")?.unwrap_or_default();
    let user_metadata = metadata(body, "user_metadata")?.unwrap_or_default();
    Ok(NewUser {
        connection,
        email,
        password,
        name: text(body, "name", 300)?,
        email_verified: body
            .get("email_verified")
            .and_then(Value::as_bool)
            .unwrap_or(false),
        app_metadata,
        user_metadata,
    })
}

/// An `app_metadata` or `user_metadata` property: an object, bounded in size.
fn metadata(body: &Map<String, Value>, name: &str) -> Result<Option<Map<String, Value>>, Reply> {
    match body.get(name) {
        None => Ok(None),
        Some(Value::Object(m)) => {
            check_app_metadata(m).map_err(|e| bad_body(format!("{name} {e}")))?;
            Ok(Some(m.clone()))
        }
        Some(_) => Err(bad_body(format!(
            "Payload validation error: 'Expected type object' on property {name}."
        ))),
    }
}

/// Auth0's merge of metadata: one level deep, a key set to null removed.
fn merge_metadata(into: &mut Map<String, Value>, patch: Map<String, Value>) {
    for (key, value) in patch {
        if value.is_null() {
            into.remove(&key);
        } else {
            into.insert(key, value);
        }
    }
}

/// A boolean property of a body.
fn flag(body: &Map<String, Value>, name: &str) -> Result<Option<bool>, Reply> {
    match body.get(name) {
        None => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(_) => Err(bad_body(format!(
            "Payload validation error: 'Expected type boolean' on property {name}."
        ))),
    }
}

/// The properties `PATCH /api/v2/users/{id}` takes (`connection` names the user's own).
const UPDATE_PROPERTIES: [&str; 7] = [
    "app_metadata",
    "user_metadata",
    "email_verified",
    "blocked",
    "password",
    "name",
    "connection",
];

/// `PATCH /api/v2/users/{id}`: metadata merged, `email_verified`, `blocked`, `password`
/// (against the connection's policy), `name`; 200 and the user.
pub fn update(
    shared: &Shared,
    req: &ApiRequest,
    caller: &Caller,
    id: &str,
) -> Result<Reply, Reply> {
    caller.require(&["update:users"])?;
    let body = object_body(req)?;
    if let Some(extra) = body
        .keys()
        .find(|k| !UPDATE_PROPERTIES.contains(&k.as_str()))
    {
        return Err(bad_body(format!(
            "Payload validation error: 'Additional properties not allowed: {extra}'."
        )));
    }
    let app_metadata = metadata(body, "app_metadata")?;
    let user_metadata = metadata(body, "user_metadata")?;
    let email_verified = flag(body, "email_verified")?;
    let blocked = flag(body, "blocked")?;
    let password = text(body, "password", 1024)?;
    let name = text(body, "name", 300)?;
    let connection = text(body, "connection", 128)?;
    let mut st = shared.lock();
    let i = find_user(&st, id).ok_or_else(no_such_user)?;
    if let Some(c) = connection.filter(|c| *c != st.users[i].connection) {
        return Err(bad_body(format!("The user is not in the {c} connection.")));
    }
    if let Some(password) = &password {
        let policy = st
            .mgmt
            .connection(&st.users[i].connection)
            .map(|c| c.config.password_policy.clone())
            .unwrap_or_default();
        if !password_meets(&policy, password) {
            return Err(error(
                StatusCode::BAD_REQUEST,
                "PasswordStrengthError: Password is too weak",
                None,
            ));
        }
    }
    let mut merged = (
        st.users[i].app_metadata.clone(),
        st.users[i].user_metadata.clone(),
    );
    if let Some(patch) = app_metadata {
        merge_metadata(&mut merged.0, patch);
        check_app_metadata(&merged.0).map_err(|e| bad_body(format!("app_metadata {e}")))?;
    }
    if let Some(patch) = user_metadata {
        merge_metadata(&mut merged.1, patch);
        check_app_metadata(&merged.1).map_err(|e| bad_body(format!("user_metadata {e}")))?;
    }
    let now = shared.now_ms();
    let u = &mut st.users[i];
    (u.app_metadata, u.user_metadata) = merged;
    if let Some(v) = email_verified {
        u.email_verified = v;
    }
    if let Some(b) = blocked {
        u.blocked = b;
    }
    if let Some(p) = password {
        u.password = p;
    }
    if let Some(n) = name {
        u.name = n;
    }
    u.updated_ms = now;
    Ok(Reply::ok(user_json(u)))
}

/// The connection exists, is a database, and the password meets its policy; the user
/// does not exist yet, and there is room for one more.
fn check_new_user(st: &State, new: &NewUser) -> Result<(), Reply> {
    let policy = match st.mgmt.connection(&new.connection) {
        None => {
            return Err(not_found(
                "The connection does not exist",
                Some("inexistent_connection"),
            ));
        }
        Some(c) if c.config.strategy != "auth0" => {
            return Err(bad_body(format!(
                "Users cannot be created with a password in the {} connection (strategy {}).",
                new.connection, c.config.strategy
            )));
        }
        Some(c) => &c.config.password_policy,
    };
    if !password_meets(policy, &new.password) {
        return Err(error(
            StatusCode::BAD_REQUEST,
            "PasswordStrengthError: Password is too weak",
            None,
        ));
    }
    if st.user_index(&new.email).is_some() {
        return Err(error(
            StatusCode::CONFLICT,
            "The user already exists.",
            Some("auth0_idp_error"),
        ));
    }
    if st.users.iter().filter(|u| !u.deleted).count() >= MAX_USERS {
        return Err(error(
            StatusCode::BAD_REQUEST,
            format!("The emulator keeps at most {MAX_USERS} users; delete some first."),
            None,
        ));
    }
    Ok(())
}

/// `POST /api/v2/users`: 201 and the user.
pub fn create(shared: &Shared, req: &ApiRequest, caller: &Caller) -> Result<Reply, Reply> {
    caller.require(&["create:users"])?;
    let new = parse_new_user(req)?;
    let mut st = shared.lock();
    check_new_user(&st, &new)?;
    let now = shared.now_ms();
    let mut authenticators = Vec::new();
    if new.email_verified {
        authenticators.push(verified_email_entry(&new.email, &new.email, now));
    }
    let user = User {
        username: new.email.clone(),
        name: new.name.unwrap_or_else(|| new.email.clone()),
        email: new.email,
        email_verified: new.email_verified,
        password: new.password,
        connection: new.connection,
        mfa_on_refresh: false,
        user_id: tokens::random_hex(12),
        authenticators,
        failed_codes: FailureBucket::default(),
        app_metadata: new.app_metadata,
        created_ms: now,
        deleted: false,
        login_failures: Vec::new(),
        user_metadata: new.user_metadata,
        blocked: false,
        updated_ms: 0,
    };
    let body = user_json(&user);
    // A deleted user's slot first: nothing refers to it any more.
    match st.users.iter().position(|u| u.deleted) {
        Some(slot) => st.users[slot] = user,
        None => st.users.push(user),
    }
    Ok(Reply::json(StatusCode::CREATED, body))
}

/// Whether a password meets a connection's policy (Auth0's levels: `low` 6 characters;
/// `fair` 8 with lower, upper and digits; `good` 8 with three of lower, upper, digits,
/// specials; `excellent` 10 with three of four and no character thrice in a row).
pub fn password_meets(policy: &str, password: &str) -> bool {
    let len = password.chars().count();
    let lower = password.chars().any(|c| c.is_lowercase());
    let upper = password.chars().any(|c| c.is_uppercase());
    let digit = password.chars().any(|c| c.is_ascii_digit());
    let special = password.chars().any(|c| !c.is_alphanumeric());
    let kinds = [lower, upper, digit, special]
        .iter()
        .filter(|k| **k)
        .count();
    let chars: Vec<char> = password.chars().collect();
    let thrice = chars.windows(3).any(|w| w[0] == w[1] && w[1] == w[2]);
    match policy {
        "none" => len >= 1,
        "low" => len >= 6,
        "fair" => len >= 8 && lower && upper && digit,
        "good" => len >= 8 && kinds >= 3,
        _ => len >= 10 && kinds >= 3 && !thrice,
    }
}
