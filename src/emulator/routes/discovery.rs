//! `/.well-known/openid-configuration`: the tenant's discovery document, in Auth0's shape.

use serde_json::json;

use super::super::http::{ApiRequest, Reply};
use super::super::tenant::ALL_GRANTS;

/// The URLs are those of the request's base: the name the client used, or the public URL.
pub fn openid_configuration(req: &ApiRequest) -> Reply {
    let base = &req.base_url;
    let mut grants: Vec<&str> = vec!["authorization_code", "client_credentials"];
    grants.extend(ALL_GRANTS);
    Reply::ok(json!({
        "issuer": req.issuer(),
        "authorization_endpoint": format!("{base}/authorize"),
        "token_endpoint": format!("{base}/oauth/token"),
        "device_authorization_endpoint": format!("{base}/oauth/device/code"),
        "userinfo_endpoint": format!("{base}/userinfo"),
        "mfa_challenge_endpoint": format!("{base}/mfa/challenge"),
        "jwks_uri": format!("{base}/.well-known/jwks.json"),
        "registration_endpoint": format!("{base}/oidc/register"),
        "revocation_endpoint": format!("{base}/oauth/revoke"),
        "scopes_supported": [
            "openid", "profile", "offline_access", "name", "given_name", "family_name",
            "nickname", "email", "email_verified", "picture", "created_at", "identities", "phone", "address"
        ],
        "response_types_supported": [
            "code", "token", "id_token", "code token", "code id_token", "token id_token", "code token id_token"
        ],
        "code_challenge_methods_supported": ["S256", "plain"],
        "response_modes_supported": ["query", "fragment", "form_post"],
        "subject_types_supported": ["public"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post", "private_key_jwt"],
        "token_endpoint_auth_signing_alg_values_supported": ["RS256", "RS384", "PS256"],
        "claims_supported": [
            "aud", "auth_time", "created_at", "email", "email_verified", "exp", "family_name",
            "given_name", "iat", "identities", "iss", "name", "nickname", "phone_number", "picture", "sub"
        ],
        "request_uri_parameter_supported": false,
        "request_parameter_supported": false,
        "id_token_signing_alg_values_supported": ["HS256", "RS256", "PS256"],
        "grant_types_supported": grants,
    }))
}
