//! The tenant's configuration through the Management API (factors, policy, providers,
//! clients, connections, Actions), what changing it does to logins, and a tenant file
//! that sets all of it.

use super::*;

fn get(emu: &Emulator, token: &str, path: &str) -> Value {
    mgmt(emu, "GET", path, token, None).ok()
}

fn put(emu: &Emulator, token: &str, path: &str, body: Value) -> Value {
    mgmt(emu, "PUT", path, token, Some(body)).ok()
}

#[test]
fn factors_are_the_eight_in_auth0s_order_and_toggle() {
    let emu = demo_emu();
    let token = mgmt_token(&emu, None);
    let factors = get(&emu, &token, "/api/v2/guardian/factors");
    let names: Vec<&str> = factors
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "sms",
            "push-notification",
            "otp",
            "email",
            "duo",
            "webauthn-roaming",
            "webauthn-platform",
            "recovery-code"
        ]
    );
    assert_eq!(
        factors[0],
        json!({"name": "sms", "enabled": true, "trial_expired": false})
    );
    assert_eq!(factors[4]["enabled"], false);
    let r = put(
        &emu,
        &token,
        "/api/v2/guardian/factors/duo",
        json!({"enabled": true}),
    );
    assert_eq!(r, json!({"enabled": true}));
    assert_eq!(
        get(&emu, &token, "/api/v2/guardian/factors")[4]["enabled"],
        true
    );
    assert_eq!(
        mgmt(
            &emu,
            "PUT",
            "/api/v2/guardian/factors/fingerprint",
            &token,
            Some(json!({"enabled": true}))
        )
        .status,
        404
    );
    let r = mgmt(
        &emu,
        "PUT",
        "/api/v2/guardian/factors/otp",
        &token,
        Some(json!({})),
    );
    assert_eq!(r.json()["errorCode"], "invalid_body");
    let reader = mgmt_token(&emu, Some("read:guardian_factors"));
    mgmt(
        &emu,
        "PUT",
        "/api/v2/guardian/factors/otp",
        &reader,
        Some(json!({"enabled": false})),
    )
    .mgmt_error(
        403,
        "Insufficient scope, expected any of: update:guardian_factors",
        Some("insufficient_scope"),
    );
}

#[test]
fn a_disabled_factor_is_neither_offered_challenged_nor_answered() {
    let emu = demo_emu();
    let token = mgmt_token(&emu, None);
    put(
        &emu,
        &token,
        "/api/v2/guardian/factors/otp",
        json!({"enabled": false}),
    );
    let body = login_with(&emu, demo::OTP_USER, &[]).error(403, "mfa_required");
    assert_eq!(body["mfa_requirements"], json!({"challenge": []}));
    let mfa = body["mfa_token"].as_str().unwrap();
    challenge(&emu, mfa, json!({"challenge_type": "otp"})).error(401, "unsupported_challenge_type");
    let code = totp(&emu, demo::OTP_SECRET, 0);
    grant(&emu, OTP_GRANT, mfa, &[("otp", &code)]).error(403, "invalid_grant");
    // Still listed: the user has it, the tenant does not offer it.
    let listed = with_bearer(&emu, "GET", "/mfa/authenticators", mfa).ok();
    assert_eq!(listed[0]["authenticator_type"], "otp");
    // The SMS factor too, and a new user is not offered what is disabled.
    put(
        &emu,
        &token,
        "/api/v2/guardian/factors/sms",
        json!({"enabled": false}),
    );
    let sms = mfa_token(&emu, demo::SMS_USER);
    challenge(&emu, &sms, json!({})).error(401, "unsupported_challenge_type");
    let new = login_with(&emu, demo::NEW_USER, &[]).error(403, "mfa_required");
    assert_eq!(
        new["mfa_requirements"],
        json!({"enroll": [{"type": "push-notification"}, {"type": "email"}]})
    );
    let r = post_json(
        &emu,
        "/mfa/associate",
        new["mfa_token"].as_str(),
        json!({"authenticator_types": ["otp"]}),
    );
    r.error(403, "access_denied");
    // Enabled again, it works again.
    put(
        &emu,
        &token,
        "/api/v2/guardian/factors/otp",
        json!({"enabled": true}),
    );
    let mfa = mfa_token(&emu, demo::OTP_USER);
    let code = totp(&emu, demo::OTP_SECRET, 1);
    assert!(grant(&emu, OTP_GRANT, &mfa, &[("otp", &code)]).ok()["access_token"].is_string());
}

#[test]
fn the_policy_decides_whether_a_login_needs_mfa() {
    let emu = demo_emu();
    let token = mgmt_token(&emu, None);
    assert_eq!(
        get(&emu, &token, "/api/v2/guardian/policies"),
        json!(["all-applications"])
    );
    assert_eq!(
        put(&emu, &token, "/api/v2/guardian/policies", json!([])),
        json!([])
    );
    assert_eq!(get(&emu, &token, "/api/v2/guardian/policies"), json!([]));
    assert!(login_with(&emu, demo::OTP_USER, &[]).ok()["access_token"].is_string());
    let r = mgmt(
        &emu,
        "PUT",
        "/api/v2/guardian/policies",
        &token,
        Some(json!(["sometimes"])),
    );
    assert_eq!(r.json()["errorCode"], "invalid_body");
    put(
        &emu,
        &token,
        "/api/v2/guardian/policies",
        json!(["all-applications"]),
    );
    login_with(&emu, demo::OTP_USER, &[]).error(403, "mfa_required");
    let narrow = mgmt_token(&emu, Some("read:guardian_factors"));
    mgmt(&emu, "GET", "/api/v2/guardian/policies", &narrow, None).mgmt_error(
        403,
        "Insufficient scope, expected any of: read:mfa_policies",
        Some("insufficient_scope"),
    );
}

#[test]
fn phone_and_push_providers_read_and_change() {
    let emu = demo_emu();
    let token = mgmt_token(&emu, None);
    let base = "/api/v2/guardian/factors";
    assert_eq!(
        get(&emu, &token, &format!("{base}/phone/message-types")),
        json!({"message_types": ["sms", "voice"]})
    );
    assert_eq!(
        get(&emu, &token, &format!("{base}/phone/selected-provider")),
        json!({"provider": "auth0"})
    );
    let twilio =
        json!({"auth_token": null, "sid": null, "from": null, "messaging_service_sid": null});
    assert_eq!(
        get(&emu, &token, &format!("{base}/phone/providers/twilio")),
        twilio
    );
    let changed = put(
        &emu,
        &token,
        &format!("{base}/phone/providers/twilio"),
        json!({"from": "+15555550123"}),
    );
    assert_eq!(changed["from"], "+15555550123");
    assert_eq!(changed["sid"], Value::Null);
    put(
        &emu,
        &token,
        &format!("{base}/phone/selected-provider"),
        json!({"provider": "twilio"}),
    );
    assert_eq!(
        get(&emu, &token, &format!("{base}/sms/selected-provider")),
        json!({"provider": "twilio"})
    );
    // Voice off: a voice challenge is no longer possible, SMS still is.
    put(
        &emu,
        &token,
        &format!("{base}/phone/message-types"),
        json!({"message_types": ["sms"]}),
    );
    let mfa = mfa_token(&emu, demo::SMS_USER);
    let voice = authenticator_id(&emu, &mfa, "voice|");
    challenge(&emu, &mfa, json!({"authenticator_id": voice}))
        .error(401, "unsupported_challenge_type");
    assert_eq!(
        challenge(&emu, &mfa, json!({})).ok()["binding_method"],
        "prompt"
    );
    let push = format!("{base}/push-notification");
    assert_eq!(
        get(&emu, &token, &format!("{push}/selected-provider")),
        json!({"provider": "guardian"})
    );
    let sns = put(
        &emu,
        &token,
        &format!("{push}/providers/sns"),
        json!({"aws_access_key_id": "AKIA1", "aws_secret_access_key": "s3cret", "aws_region": "eu-west-1"}),
    );
    assert_eq!(sns["aws_region"], "eu-west-1");
    assert!(sns.get("aws_secret_access_key").is_none(), "{sns}");
    assert_eq!(
        get(&emu, &token, &format!("{push}/providers/apns")),
        json!({"bundle_id": null, "sandbox": false, "enabled": false})
    );
}

#[test]
fn clients_read_and_patch_replaces_grant_types_whole() {
    let emu = demo_emu();
    let token = mgmt_token(&emu, None);
    let path = format!("/api/v2/clients/{}", demo::CLIENT_ID);
    let c = get(&emu, &token, &path);
    assert_eq!(c["app_type"], "regular_web");
    assert_eq!(c["token_endpoint_auth_method"], "client_secret_post");
    assert!(
        c["grant_types"]
            .as_array()
            .unwrap()
            .contains(&json!(OTP_GRANT)),
        "{c}"
    );
    assert!(c.get("client_secret").is_none(), "{c}");
    let public = get(
        &emu,
        &token,
        &format!("/api/v2/clients/{}", demo::PUBLIC_CLIENT_ID),
    );
    assert_eq!(
        (
            public["app_type"].as_str(),
            public["token_endpoint_auth_method"].as_str()
        ),
        (Some("native"), Some("none"))
    );
    let only = get(
        &emu,
        &token,
        &format!("{path}?fields=grant_types,app_type&include_fields=true"),
    );
    assert_eq!(only.as_object().unwrap().len(), 2, "{only}");
    let grants = json!(["password", "refresh_token", OOB_GRANT]);
    let patched = mgmt(
        &emu,
        "PATCH",
        &path,
        &token,
        Some(json!({"grant_types": grants})),
    )
    .ok();
    assert_eq!(patched["grant_types"], grants);
    let mfa = mfa_token(&emu, demo::OTP_USER);
    let code = totp(&emu, demo::OTP_SECRET, 0);
    let r = grant(&emu, OTP_GRANT, &mfa, &[("otp", &code)]);
    assert_eq!(
        r.error(403, "unauthorized_client")["error_description"],
        format!("Grant type '{OTP_GRANT}' not allowed for the client.")
    );
    let mut all = grants.as_array().unwrap().clone();
    all.push(json!(OTP_GRANT));
    mgmt(
        &emu,
        "PATCH",
        &path,
        &token,
        Some(json!({"grant_types": all})),
    )
    .ok();
    assert!(grant(&emu, OTP_GRANT, &mfa, &[("otp", &code)]).ok()["access_token"].is_string());
    let bad = mgmt(
        &emu,
        "PATCH",
        &path,
        &token,
        Some(json!({"grant_types": ["teleport"]})),
    );
    assert_eq!(bad.json()["errorCode"], "invalid_body");
    mgmt(&emu, "GET", "/api/v2/clients/nope", &token, None).mgmt_error(
        404,
        "The client does not exist",
        Some("inexistent_client"),
    );
}

#[test]
fn connections_list_with_strategy_and_their_clients() {
    let emu = demo_emu();
    let token = mgmt_token(&emu, None);
    let list = get(&emu, &token, "/api/v2/connections?strategy=auth0");
    assert_eq!(list.as_array().unwrap().len(), 1, "{list}");
    let c = &list[0];
    assert_eq!(
        (c["name"].as_str(), c["strategy"].as_str()),
        (Some(demo::REALM), Some("auth0"))
    );
    assert_eq!(c["options"]["brute_force_protection"], true);
    let id = c["id"].as_str().unwrap();
    assert!(id.starts_with("con_"), "{id}");
    assert_eq!(
        get(&emu, &token, "/api/v2/connections?strategy=sms"),
        json!([])
    );
    let clients = get(
        &emu,
        &token,
        &format!("/api/v2/connections/{id}/clients?take=3"),
    );
    assert_eq!(clients["clients"][0], json!({"client_id": demo::CLIENT_ID}));
    assert_eq!(clients["clients"].as_array().unwrap().len(), 3);
    let next = clients["next"].as_str().unwrap();
    let rest = get(
        &emu,
        &token,
        &format!("/api/v2/connections/{id}/clients?take=3&from={next}"),
    );
    assert_eq!(
        rest,
        json!({"clients": [{"client_id": demo::NO_MFA_CLIENT_ID}]})
    );
    let of_client = get(
        &emu,
        &token,
        &format!("/api/v2/clients/{}/connections", demo::CLIENT_ID),
    );
    assert_eq!(of_client["connections"][0]["id"], id);
    let m2m = get(
        &emu,
        &token,
        &format!("/api/v2/clients/{}/connections", demo::MGMT_CLIENT_ID),
    );
    assert_eq!(m2m, json!({"connections": []}));
    mgmt(&emu, "GET", "/api/v2/connections/con_nope", &token, None).mgmt_error(
        404,
        "The connection does not exist",
        Some("inexistent_connection"),
    );
}

/// A team's broken tenant, written as a file: what it sets is what the API reads and
/// what logins do.
const BROKEN_TENANT: &str = r#"
[settings]
default_directory = ""
customize_mfa_in_postlogin_action = true

[guardian]
factors = ["otp"]
policies = []
phone_provider = "twilio"
push_provider = "sns"
twilio = { from = "+15555550123" }

[[clients]]
client_id = "app"
client_secret = "app-secret"

[[clients]]
client_id = "m2m"
client_secret = "m2m-secret"
app_type = "non_interactive"
grant_types = ["client_credentials"]
management_scopes = ["read:guardian_factors", "read:tenant_settings", "read:actions", "read:users", "read:connections"]

[[connections]]
name = "Team-DB"
brute_force_protection = false
enabled_clients = ["app"]

[[actions]]
name = "Require MFA for admins"
code = "exports.onExecutePostLogin = async (event, api) => { api.multifactor.enable('any'); };"

[[users]]
username = "team@example.com"
password = "team-Passw0rd"
connection = "Team-DB"
app_metadata = { role = "admin" }

[[users.authenticators]]
type = "otp"
secret = "JBSWY3DPEHPK3PXP"
"#;

#[test]
fn a_tenant_file_sets_all_of_it() {
    let emu = Emulator::start_in_background(Tenant::from_toml(BROKEN_TENANT).unwrap()).unwrap();
    let audience = mgmt_audience(&emu);
    let fields = [
        ("grant_type", "client_credentials"),
        ("client_id", "m2m"),
        ("client_secret", "m2m-secret"),
        ("audience", audience.as_str()),
    ];
    let token = form(&emu, "/oauth/token", &fields).ok()["access_token"]
        .as_str()
        .unwrap()
        .to_string();
    let factors = get(&emu, &token, "/api/v2/guardian/factors");
    let enabled: Vec<&str> = factors
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["enabled"] == true)
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(enabled, ["otp"]);
    let settings = get(&emu, &token, "/api/v2/tenants/settings");
    assert!(settings.get("default_directory").is_none(), "{settings}");
    assert_eq!(settings["customize_mfa_in_postlogin_action"], true);
    let bindings = get(&emu, &token, "/api/v2/actions/triggers/post-login/bindings");
    assert_eq!(bindings["total"], 1);
    let binding = &bindings["bindings"][0];
    assert_eq!(binding["trigger_id"], "post-login");
    assert_eq!(binding["display_name"], "Require MFA for admins");
    assert!(
        binding["action"]["deployed_version"]["code"]
            .as_str()
            .unwrap()
            .contains("api.multifactor.enable")
    );
    let user = get(
        &emu,
        &token,
        "/api/v2/users-by-email?email=team%40example.com",
    );
    assert_eq!(user[0]["app_metadata"], json!({"role": "admin"}));
    let conns = get(&emu, &token, "/api/v2/connections");
    assert_eq!(conns[0]["options"]["brute_force_protection"], false);
    // No default directory: the password grant without a realm fails as at Auth0.
    let login = |password: &str, realm: Option<&str>| {
        let mut f = vec![
            (
                "grant_type",
                if realm.is_some() {
                    "http://auth0.com/oauth/grant-type/password-realm"
                } else {
                    "password"
                },
            ),
            ("username", "team@example.com"),
            ("password", password),
            ("client_id", "app"),
            ("client_secret", "app-secret"),
        ];
        f.extend(realm.map(|r| ("realm", r)));
        form(&emu, "/oauth/token", &f)
    };
    let r = login("team-Passw0rd", None);
    assert_eq!(
        r.error(500, "server_error")["error_description"],
        "Authorization server not configured with default connection."
    );
    // Policy [] but an Action asks for MFA; brute-force protection is off.
    for _ in 0..11 {
        login("wrong", Some("Team-DB")).error(403, "invalid_grant");
    }
    login("team-Passw0rd", Some("Team-DB")).error(403, "mfa_required");
}
