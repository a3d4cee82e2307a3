//! `GET /api/v2/tenants/settings`, the email provider and the post-login Action
//! bindings: the tenant-wide settings that decide how a login goes.

use serde_json::{Value, json};

use super::super::http::{ApiRequest, Reply};
use super::super::state::Shared;
use super::{Caller, not_found, query, select_fields};

/// `default_directory` (left out when empty, as Auth0 leaves an unset one out) and
/// `customize_mfa_in_postlogin_action`.
pub fn tenant_settings(shared: &Shared, req: &ApiRequest, caller: &Caller) -> Result<Reply, Reply> {
    caller.require(&["read:tenant_settings"])?;
    let s = &shared.settings;
    let mut body = json!({
        "friendly_name": s.name,
        "customize_mfa_in_postlogin_action": s.customize_mfa_in_postlogin_action,
        "flags": {"enable_client_connections": false},
    });
    if !s.default_directory.is_empty() {
        body["default_directory"] = json!(s.default_directory);
    }
    Ok(Reply::ok(select_fields(body, &query(req))))
}

/// `GET /api/v2/emails/provider`: `{"name","enabled"}`, or a 404 when none is
/// configured (the shape of that 404 is unconfirmed).
pub fn email_provider(shared: &Shared, req: &ApiRequest, caller: &Caller) -> Result<Reply, Reply> {
    caller.require(&["read:email_provider"])?;
    let name = shared.lock().mgmt.email_provider.clone();
    if name.is_empty() {
        return Err(not_found(
            "Email provider has not been configured",
            Some("inexistent_email_provider"),
        ));
    }
    let body =
        json!({"name": name, "enabled": true, "default_from_address": "no-reply@example.com"});
    Ok(Reply::ok(select_fields(body, &query(req))))
}

/// Triggers Actions may bind to besides `post-login`, whose bindings the tenant file
/// cannot declare (listed empty).
const OTHER_TRIGGERS: [&str; 5] = [
    "credentials-exchange",
    "pre-user-registration",
    "post-user-registration",
    "post-change-password",
    "send-phone-message",
];

/// `GET /api/v2/actions/triggers/{trigger}/bindings`: the post-login Actions of the
/// tenant file, in order, with their deployed code.
pub fn bindings(shared: &Shared, caller: &Caller, trigger: &str) -> Result<Reply, Reply> {
    caller.require(&["read:actions"])?;
    if trigger != "post-login" && !OTHER_TRIGGERS.contains(&trigger) {
        return Err(not_found("Not Found", None));
    }
    let st = shared.lock();
    let bound: Vec<Value> = st
        .mgmt
        .actions
        .iter()
        .filter(|_| trigger == "post-login")
        .map(|a| {
            json!({
                "id": a.binding_id,
                "trigger_id": "post-login",
                "display_name": a.config.name,
                "action": {
                    "id": a.id,
                    "name": a.config.name,
                    "supported_triggers": [{"id": "post-login", "version": "v3"}],
                    "all_changes_deployed": true,
                    "runtime": "node18",
                    "status": "built",
                    "deployed_version": {
                        "id": a.version_id,
                        "code": a.config.code,
                        "runtime": "node18",
                        "status": "built",
                        "deployed": true,
                        "number": 1,
                    },
                },
            })
        })
        .collect();
    let total = bound.len();
    Ok(Reply::ok(
        json!({"bindings": bound, "total": total, "per_page": 50}),
    ))
}

/// `GET /actions/triggers`: the triggers an Action can bind to, with their versions.
pub fn triggers(caller: &Caller) -> Result<Reply, Reply> {
    caller.require(&["read:actions"])?;
    let triggers: Vec<Value> = [
        ("post-login", "v3"),
        ("credentials-exchange", "v2"),
        ("pre-user-registration", "v2"),
        ("post-user-registration", "v2"),
        ("post-change-password", "v2"),
        ("send-phone-message", "v2"),
        ("password-reset-post-challenge", "v1"),
    ]
    .iter()
    .map(|(id, version)| {
        json!({
            "id": id,
            "version": version,
            "status": "CURRENT",
            "runtimes": ["node18"],
            "default_runtime": "node18",
        })
    })
    .collect();
    Ok(Reply::ok(json!({ "triggers": triggers })))
}
