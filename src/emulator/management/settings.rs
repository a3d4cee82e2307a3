//! `GET /api/v2/tenants/settings` and the post-login Action bindings: the tenant-wide
//! settings that decide how a login goes.

use serde_json::json;

use super::super::http::{ApiRequest, Reply};
use super::super::state::Shared;
use super::{Caller, query, select_fields};

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
