//! The Management API's door: the client-credentials grant and its errors, the bearer
//! check, scopes, rate limits, in the shapes Auth0 answers with.

use super::*;

#[test]
fn client_credentials_gives_a_management_token_with_the_granted_scopes() {
    let emu = demo_emu();
    let r = mgmt_grant(&emu, None);
    let body = r.ok();
    assert_eq!(body["expires_in"], 86400);
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["scope"], demo::MGMT_SCOPES.join(" "));
    let c = claims(body["access_token"].as_str().unwrap());
    assert_eq!(c["iss"], format!("{}/", emu.base_url()));
    assert_eq!(c["sub"], format!("{}@clients", demo::MGMT_CLIENT_ID));
    assert_eq!(c["aud"], mgmt_audience(&emu));
    assert_eq!(c["azp"], demo::MGMT_CLIENT_ID);
    assert_eq!(c["gty"], "client-credentials");
    assert_eq!(
        c["exp"].as_u64().unwrap() - c["iat"].as_u64().unwrap(),
        86400
    );
    // Fewer scopes when fewer are asked for.
    let narrow = mgmt_grant(&emu, Some("read:users")).ok();
    assert_eq!(narrow["scope"], "read:users");
    assert_eq!(
        claims(narrow["access_token"].as_str().unwrap())["scope"],
        "read:users"
    );
}

#[test]
fn client_credentials_errors_are_the_authentication_apis() {
    let emu = demo_emu();
    let r = mgmt_grant(&emu, Some("read:users create:clients delete:everything"));
    let body = r.error(403, "access_denied");
    assert_eq!(
        body["error_description"],
        "Client has not been granted scopes: create:clients, delete:everything"
    );
    // A client whose grant types allow it but that has no client grant for the API.
    let audience = mgmt_audience(&emu);
    let mut fields = vec![
        ("grant_type", "client_credentials"),
        ("audience", &audience),
    ];
    fields.extend(client());
    let body = form(&emu, "/oauth/token", &fields).error(403, "access_denied");
    assert!(
        body["error_description"]
            .as_str()
            .unwrap()
            .contains("client-grant"),
        "{body}"
    );
    // A client whose grant types do not allow it.
    let r = form(
        &emu,
        "/oauth/token",
        &[
            ("grant_type", "client_credentials"),
            ("client_id", demo::NO_MFA_CLIENT_ID),
            ("client_secret", "demo-no-mfa-client-secret"),
            ("audience", &audience),
        ],
    );
    assert_eq!(
        r.error(403, "unauthorized_client")["error_description"],
        "Grant type 'client_credentials' not allowed for the client."
    );
    // The M2M application cannot log users in, and a wrong secret is invalid_client.
    let r = form(
        &emu,
        "/oauth/token",
        &[
            ("grant_type", "client_credentials"),
            ("client_id", demo::MGMT_CLIENT_ID),
            ("client_secret", "wrong"),
            ("audience", &audience),
        ],
    );
    r.error(401, "invalid_client");
    let r = form(
        &emu,
        "/oauth/token",
        &[
            ("grant_type", "password"),
            ("username", demo::OTP_USER),
            ("password", demo::PASSWORD),
            ("client_id", demo::MGMT_CLIENT_ID),
            ("client_secret", demo::MGMT_CLIENT_SECRET),
        ],
    );
    r.error(403, "unauthorized_client");
}

#[test]
fn the_bearer_check_answers_as_auth0() {
    let emu = demo_emu();
    let invalid = json!({
        "statusCode": 401,
        "error": "Unauthorized",
        "message": "Invalid token",
        "attributes": {"error": "Invalid token"},
    });
    let r = mgmt(&emu, "GET", "/api/v2/tenants/settings", "not.a.token", None);
    assert_eq!((r.status, r.json()), (401, invalid.clone()));
    // A user's access token is no key to the Management API, even for its audience.
    let r = login_with(&emu, demo::OTP_USER, &[("audience", &mgmt_audience(&emu))]);
    let mfa = r.error(403, "mfa_required")["mfa_token"]
        .as_str()
        .unwrap()
        .to_string();
    let code = totp(&emu, demo::OTP_SECRET, 0);
    let user_token = grant(&emu, OTP_GRANT, &mfa, &[("otp", &code)]).ok()["access_token"]
        .as_str()
        .unwrap()
        .to_string();
    let r = mgmt(&emu, "GET", "/api/v2/tenants/settings", &user_token, None);
    assert_eq!((r.status, r.json()), (401, invalid));
    let token = mgmt_token(&emu, None);
    mgmt(&emu, "GET", "/api/v2/tenants/settings", &token, None).ok();
    emu.advance_clock(86_400);
    let body = mgmt(&emu, "GET", "/api/v2/tenants/settings", &token, None).mgmt_error(
        401,
        "Expired token received for JSON Web Token validation",
        None,
    );
    assert_eq!(
        body["attributes"]["error"],
        "Expired token received for JSON Web Token validation"
    );
    send(&emu, "GET", "/api/v2/tenants/settings", &[], None).mgmt_error(
        401,
        "Missing authentication",
        None,
    );
}

#[test]
fn a_token_without_the_scope_gets_insufficient_scope() {
    let emu = demo_emu();
    let token = mgmt_token(&emu, Some("read:users"));
    let r = mgmt(&emu, "GET", "/api/v2/tenants/settings", &token, None);
    assert_eq!(
        (r.status, r.json()),
        (
            403,
            json!({
                "statusCode": 403,
                "error": "Forbidden",
                "message": "Insufficient scope, expected any of: read:tenant_settings",
                "errorCode": "insufficient_scope",
            })
        )
    );
    let token = mgmt_token(&emu, Some("read:tenant_settings"));
    let body = mgmt(&emu, "GET", "/api/v2/tenants/settings", &token, None).ok();
    assert_eq!(body["default_directory"], demo::REALM);
    assert_eq!(body["customize_mfa_in_postlogin_action"], false);
    let only = mgmt(
        &emu,
        "GET",
        "/api/v2/tenants/settings?fields=default_directory&include_fields=true",
        &token,
        None,
    )
    .ok();
    assert_eq!(only, json!({"default_directory": demo::REALM}));
    mgmt(&emu, "GET", "/api/v2/nothing-here", &token, None).mgmt_error(404, "Not Found", None);
}

#[test]
fn management_requests_carry_rate_limit_headers_and_get_auth0s_429() {
    let emu = emu_with("management_rate_limit = 2\nmanagement_rate_limit_window_seconds = 1");
    let token = mgmt_token(&emu, None);
    let first = mgmt(&emu, "GET", "/api/v2/tenants/settings", &token, None);
    assert_eq!(first.status, 200);
    assert_eq!(first.header("x-ratelimit-limit"), Some("2"));
    assert_eq!(first.header("x-ratelimit-remaining"), Some("1"));
    let reset: u64 = first.header("x-ratelimit-reset").unwrap().parse().unwrap();
    assert!(reset > emu.now() - 1 && reset <= emu.now() + 1, "{reset}");
    mgmt(&emu, "GET", "/api/v2/tenants/settings", &token, None).ok();
    let r = mgmt(&emu, "GET", "/api/v2/tenants/settings", &token, None);
    assert_eq!(
        (r.status, r.json()),
        (
            429,
            json!({
                "statusCode": 429,
                "error": "Too Many Requests",
                "message": "Global limit has been reached",
                "errorCode": "too_many_requests",
            })
        )
    );
    assert_eq!(r.header("x-ratelimit-remaining"), Some("0"));
    // The Authentication API's window is its own.
    login_with(&emu, demo::OTP_USER, &[]).error(403, "mfa_required");
    emu.advance_clock(1);
    mgmt(&emu, "GET", "/api/v2/tenants/settings", &token, None).ok();
}
