//! `/api/v2/clients` (the list) and `/api/v2/clients/{id}` (read, and PATCH replacing `grant_types` whole: a grant taken
//! away answers `unauthorized_client` from then on) and `/api/v2/connections` (the list
//! with `strategy`, one, its clients, a client's connections).

use axum::http::StatusCode;
use serde_json::{Map, Value, json};

use super::super::http::{ApiRequest, Reply};
use super::super::state::{Shared, State};
use super::super::tenant::{
    ALL_GRANTS, ClientConfig, GRANT_MFA_OOB, GRANT_MFA_OTP, GRANT_MFA_RECOVERY_CODE, OTHER_GRANTS,
};
use super::state::{Connection, stable_id};
use super::users::object_body;
use super::{Caller, bad_body, error, not_found, query, query_param, select_fields};

const READ_CONNECTIONS: &[&str] = &["read:connections"];

fn no_such_client() -> Reply {
    not_found("The client does not exist", Some("inexistent_client"))
}

fn no_such_connection() -> Reply {
    not_found(
        "The connection does not exist",
        Some("inexistent_connection"),
    )
}

/// The client's grant types by Auth0's names (the tenant file's `mfa` spelled out).
fn grant_types(st: &State, client_id: &str) -> Vec<String> {
    let mut out = Vec::new();
    for g in st.mgmt.grant_types.get(client_id).into_iter().flatten() {
        match g.as_str() {
            "mfa" => out
                .extend([GRANT_MFA_OTP, GRANT_MFA_OOB, GRANT_MFA_RECOVERY_CODE].map(String::from)),
            _ => out.push(g.clone()),
        }
    }
    out.dedup();
    out
}

/// A client as the Management API shows it; never its secret.
fn client_json(st: &State, c: &ClientConfig) -> Value {
    let mut v = json!({
        "client_id": c.client_id,
        "name": c.name.clone().unwrap_or_else(|| c.client_id.clone()),
        "app_type": c.app_type(),
        "grant_types": grant_types(st, &c.client_id),
        "is_first_party": true,
        "oidc_conformant": true,
        "callbacks": [],
    });
    match (&c.client_secret, &c.public_key) {
        (_, Some(_)) => {
            v["client_authentication_methods"] = json!({"private_key_jwt": {"credentials": [
                {"id": stable_id("cred_", &c.client_id)}
            ]}});
        }
        (Some(_), None) => v["token_endpoint_auth_method"] = json!("client_secret_post"),
        (None, None) => v["token_endpoint_auth_method"] = json!("none"),
    }
    v
}

pub fn get(shared: &Shared, req: &ApiRequest, caller: &Caller, id: &str) -> Result<Reply, Reply> {
    caller.require(&["read:clients", "read:client_keys"])?;
    let client = shared.client(id).ok_or_else(no_such_client)?;
    let st = shared.lock();
    Ok(Reply::ok(select_fields(
        client_json(&st, client),
        &query(req),
    )))
}

/// `GET /clients`: a bare array of the tenant's clients as `GET /clients/{id}` shows
/// them; `page`, `per_page` (50) and `include_totals` (`{"clients","start","limit",
/// "total"}`), `fields` and `include_fields`.
pub fn list(shared: &Shared, req: &ApiRequest, caller: &Caller) -> Result<Reply, Reply> {
    caller.require(&["read:clients", "read:client_keys"])?;
    let q = query(req);
    let per_page = super::query_number(&q, "per_page")?
        .unwrap_or(50)
        .clamp(1, 100);
    let page = super::query_number(&q, "page")?.unwrap_or(0);
    let st = shared.lock();
    let start = page.saturating_mul(per_page);
    let shown: Vec<Value> = shared
        .clients
        .iter()
        .skip(start)
        .take(per_page)
        .map(|c| select_fields(client_json(&st, c), &q))
        .collect();
    if query_param(&q, "include_totals").as_deref() == Some("true") {
        return Ok(Reply::ok(json!({
            "clients": shown,
            "start": start,
            "limit": per_page,
            "total": shared.clients.len(),
        })));
    }
    Ok(Reply::ok(Value::Array(shown)))
}

/// `PATCH {"grant_types": [...]}`: the array replaces the client's whole.
pub fn patch(shared: &Shared, req: &ApiRequest, caller: &Caller, id: &str) -> Result<Reply, Reply> {
    caller.require(&["update:clients"])?;
    let client = shared.client(id).ok_or_else(no_such_client)?;
    let body: &Map<String, Value> = object_body(req)?;
    if let Some(other) = body.keys().find(|k| *k != "grant_types") {
        return Err(bad_body(format!(
            "Payload validation error: 'Additional properties not allowed: {other}' (the emulator changes grant_types only)."
        )));
    }
    let grants: Vec<String> = match body.get("grant_types").and_then(Value::as_array) {
        Some(a) if a.len() <= 16 => a
            .iter()
            .filter_map(Value::as_str)
            .map(String::from)
            .collect(),
        _ => {
            return Err(bad_body(
                "Payload validation error: 'Expected type array' on property grant_types.",
            ));
        }
    };
    if let Some(bad) = grants
        .iter()
        .find(|g| !ALL_GRANTS.contains(&g.as_str()) && !OTHER_GRANTS.contains(&g.as_str()))
    {
        return Err(bad_body(format!(
            "Payload validation error: 'No enum match for: \"{bad}\"' on property grant_types."
        )));
    }
    let mut st = shared.lock();
    st.mgmt.grant_types.insert(client.client_id.clone(), grants);
    Ok(Reply::ok(client_json(&st, client)))
}

fn connection_json(c: &Connection) -> Value {
    json!({
        "id": c.id,
        "name": c.config.name,
        "display_name": c.config.name,
        "strategy": c.config.strategy,
        "is_domain_connection": false,
        "realms": [c.config.name],
        "enabled_clients": c.enabled_clients,
        "options": {
            "brute_force_protection": c.config.brute_force_protection,
            "passwordPolicy": c.config.password_policy,
        },
    })
}

/// The `take` (50, at most 100) and `from` cursor of checkpoint paging.
fn checkpoint(q: &Map<String, Value>) -> Result<(usize, usize), Reply> {
    let take = query_param(q, "take")
        .and_then(|n| n.parse().ok())
        .unwrap_or(50usize)
        .clamp(1, 100);
    let from = match query_param(q, "from") {
        None => 0,
        Some(cursor) => cursor.parse::<usize>().map_err(|_| {
            error(
                StatusCode::BAD_REQUEST,
                "Invalid from cursor.",
                Some("invalid_query_string"),
            )
        })?,
    };
    Ok((take, from))
}

/// One checkpoint page of `all` under `key`, with `next` when more follow.
fn checkpoint_page(key: &str, all: &[Value], take: usize, from: usize) -> Value {
    let shown: Vec<Value> = all.iter().skip(from).take(take).cloned().collect();
    let mut body = json!({ key: shown });
    if from.saturating_add(take) < all.len() {
        body["next"] = json!((from + take).to_string());
    }
    body
}

/// `GET /connections` (`strategy`, `name`; `page`, `per_page`, `include_totals`; or
/// checkpoint paging with `take` and `from`: `{"connections","next"}`).
pub fn connections(shared: &Shared, req: &ApiRequest, caller: &Caller) -> Result<Reply, Reply> {
    caller.require(READ_CONNECTIONS)?;
    let q = query(req);
    let by_checkpoint = q.contains_key("take") || q.contains_key("from");
    let cursor = checkpoint(&q)?;
    let strategy = query_param(&q, "strategy");
    let name = query_param(&q, "name");
    let st = shared.lock();
    let all: Vec<Value> = st
        .mgmt
        .connections
        .iter()
        .filter(|c| strategy.as_ref().is_none_or(|s| *s == c.config.strategy))
        .filter(|c| name.as_ref().is_none_or(|n| *n == c.config.name))
        .map(|c| select_fields(connection_json(c), &q))
        .collect();
    if by_checkpoint {
        let (take, from) = cursor;
        return Ok(Reply::ok(checkpoint_page("connections", &all, take, from)));
    }
    let per_page = query_param(&q, "per_page")
        .and_then(|n| n.parse().ok())
        .unwrap_or(50usize)
        .clamp(1, 100);
    let page = query_param(&q, "page")
        .and_then(|n| n.parse().ok())
        .unwrap_or(0usize);
    let start = page.saturating_mul(per_page);
    let shown: Vec<Value> = all.iter().skip(start).take(per_page).cloned().collect();
    if query_param(&q, "include_totals").as_deref() == Some("true") {
        return Ok(Reply::ok(
            json!({"connections": shown, "total": all.len(), "start": start, "limit": per_page}),
        ));
    }
    Ok(Reply::ok(Value::Array(shown)))
}

pub fn connection(
    shared: &Shared,
    req: &ApiRequest,
    caller: &Caller,
    id: &str,
) -> Result<Reply, Reply> {
    caller.require(READ_CONNECTIONS)?;
    let st = shared.lock();
    let c = st
        .mgmt
        .connections
        .iter()
        .find(|c| c.id == id)
        .ok_or_else(no_such_connection)?;
    Ok(Reply::ok(select_fields(connection_json(c), &query(req))))
}

/// `GET /connections/{id}/clients` `{"clients":[{"client_id"}],"next"}`: `take` at a
/// time (50), from the `from` cursor; `next` names the following page, when there is one.
pub fn connection_clients(
    shared: &Shared,
    req: &ApiRequest,
    caller: &Caller,
    id: &str,
) -> Result<Reply, Reply> {
    caller.require(READ_CONNECTIONS)?;
    let (take, from) = checkpoint(&query(req))?;
    let st = shared.lock();
    let c = st
        .mgmt
        .connections
        .iter()
        .find(|c| c.id == id)
        .ok_or_else(no_such_connection)?;
    let clients: Vec<Value> = c
        .enabled_clients
        .iter()
        .map(|id| json!({"client_id": id}))
        .collect();
    Ok(Reply::ok(checkpoint_page("clients", &clients, take, from)))
}

/// `GET /clients/{id}/connections` `{"connections":[...]}`: those enabled for it.
pub fn client_connections(shared: &Shared, caller: &Caller, id: &str) -> Result<Reply, Reply> {
    caller.require(READ_CONNECTIONS)?;
    shared.client(id).ok_or_else(no_such_client)?;
    let st = shared.lock();
    let list: Vec<Value> = st
        .mgmt
        .connections
        .iter()
        .filter(|c| c.enabled_clients.iter().any(|e| e == id))
        .map(connection_json)
        .collect();
    Ok(Reply::ok(json!({ "connections": list })))
}
