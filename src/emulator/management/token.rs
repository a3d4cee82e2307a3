//! The client-credentials grant of `POST /oauth/token` for the Management API: a 24-hour
//! token for an M2M application with the scopes its client grant holds, or the
//! Authentication API's errors when it has none or lacks one asked for.

use axum::http::StatusCode;
use serde_json::json;

use super::super::http::{ApiRequest, Reply};
use super::super::state::Shared;
use super::super::tenant::ClientConfig;
use super::super::tokens;

/// Management API tokens live 24 hours, as Auth0's.
const LIFETIME_SECS: u64 = 86_400;

fn access_denied(description: impl Into<String>) -> Reply {
    Reply::error(StatusCode::FORBIDDEN, "access_denied", description)
}

/// The client grant is missing: Auth0's words, which name the "client-grant".
fn no_client_grant(audience: &str) -> Reply {
    access_denied(format!(
        "Client is not authorized to access \"{audience}\". You need to create a \"client-grant\" associated to this API. See: https://auth0.com/docs/api/v2#!/Client_Grants/post_client_grants"
    ))
}

/// `grant_type=client_credentials` for an authenticated client whose grant types allow it.
pub fn client_credentials(
    shared: &Shared,
    req: &ApiRequest,
    client: &ClientConfig,
) -> Result<Reply, Reply> {
    let Some(audience) = req.param("audience") else {
        return Err(access_denied(
            "No audience parameter was provided, and no default audience has been configured",
        ));
    };
    if !shared
        .origin
        .is_management_audience(&audience, &req.base_url)
    {
        // The tenant file declares client grants for the Management API only.
        let apis = &shared.settings.apis;
        if !apis.is_empty() && !apis.contains(&audience) {
            return Err(access_denied(format!("Service not found: {audience}")));
        }
        return Err(no_client_grant(&audience));
    }
    if client.management_scopes.is_empty() {
        return Err(no_client_grant(&audience));
    }
    let granted = &client.management_scopes;
    let scopes: Vec<String> = match req.param("scope") {
        None => granted.clone(),
        Some(asked) => {
            let asked: Vec<String> = asked.split_whitespace().map(String::from).collect();
            let missing: Vec<&str> = asked
                .iter()
                .filter(|s| !granted.contains(s))
                .map(String::as_str)
                .collect();
            if !missing.is_empty() {
                return Err(access_denied(format!(
                    "Client has not been granted scopes: {}",
                    missing.join(", ")
                )));
            }
            asked
        }
    };
    let now = shared.now_secs();
    let scope = scopes.join(" ");
    let claims = json!({
        "iss": req.issuer(),
        "sub": format!("{}@clients", client.client_id),
        "aud": audience,
        "iat": now,
        "exp": now + LIFETIME_SECS,
        "scope": scope,
        "gty": "client-credentials",
        "azp": client.client_id,
        "jti": tokens::random_alphanumeric(16),
    });
    Ok(Reply {
        jwts: vec![("access_token", claims)],
        ..Reply::ok(json!({
            "expires_in": LIFETIME_SECS,
            "scope": scope,
            "token_type": "Bearer",
        }))
    })
}
