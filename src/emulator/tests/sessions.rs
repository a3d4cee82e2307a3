//! Sessions: the refresh_token grant with and without rotation, reuse detection, MFA on
//! refresh, and revocation.

use super::*;

fn refresh(emu: &Emulator, client: &[(&str, &str)], rt: &str, extra: &[(&str, &str)]) -> Resp {
    let mut fields = vec![("grant_type", "refresh_token"), ("refresh_token", rt)];
    fields.extend(client);
    fields.extend(extra);
    form(emu, "/oauth/token", &fields)
}

const PUBLIC: [(&str, &str); 1] = [("client_id", demo::PUBLIC_CLIENT_ID)];

/// A full OTP login of the demo OTP user through `client`, with a refresh token.
fn session(emu: &Emulator, client: &[(&str, &str)], audience: Option<&str>) -> Value {
    let mut fields = vec![
        ("grant_type", "password"),
        ("username", demo::OTP_USER),
        ("password", demo::PASSWORD),
        ("scope", "openid offline_access read:authenticators"),
    ];
    fields.extend(client);
    if let Some(audience) = audience {
        fields.push(("audience", audience));
    }
    let body = form(emu, "/oauth/token", &fields).error(403, "mfa_required");
    let token = body["mfa_token"].as_str().unwrap();
    let code = totp(emu, demo::OTP_SECRET, 0);
    let mut fields = vec![
        ("grant_type", OTP_GRANT),
        ("mfa_token", token),
        ("otp", &code),
    ];
    fields.extend(client);
    let set = form(emu, "/oauth/token", &fields).ok();
    // The next login of this user needs the next TOTP step.
    emu.advance_clock(30);
    assert!(set["refresh_token"].is_string(), "{set}");
    set
}

fn rt(set: &Value) -> String {
    set["refresh_token"].as_str().unwrap().to_string()
}

#[test]
fn with_rotation_each_refresh_replaces_the_token_and_a_reused_one_ends_the_session() {
    let emu = demo_emu();
    let first = rt(&session(&emu, &client(), None));
    let set = refresh(&emu, &client(), &first, &[]).ok();
    assert_eq!(set["token_type"], "Bearer");
    assert_eq!(set["scope"], "openid offline_access read:authenticators");
    assert!(set["access_token"].is_string() && set["id_token"].is_string());
    let second = rt(&set);
    assert_ne!(second, first);
    let third = rt(&refresh(&emu, &client(), &second, &[]).ok());
    // The retired token again: Auth0's answer, and the whole session is revoked.
    let r = refresh(&emu, &client(), &first, &[]);
    assert_eq!(
        r.error(403, "invalid_grant")["error_description"],
        "Unknown or invalid refresh token."
    );
    refresh(&emu, &client(), &third, &[]).error(403, "invalid_grant");
}

#[test]
fn without_rotation_the_token_stays_and_none_is_sent() {
    let emu = demo_emu();
    let token = rt(&session(&emu, &PUBLIC, None));
    for _ in 0..2 {
        let set = refresh(&emu, &PUBLIC, &token, &[]).ok();
        assert!(set["access_token"].is_string());
        assert!(set.get("refresh_token").is_none(), "{set}");
    }
    // Fewer scopes may be asked for, not more; another client's token is unknown.
    let set = refresh(&emu, &PUBLIC, &token, &[("scope", "openid")]).ok();
    assert_eq!(set["scope"], "openid");
    refresh(&emu, &PUBLIC, &token, &[("scope", "openid admin")]).error(403, "invalid_scope");
    refresh(&emu, &client(), &token, &[]).error(403, "invalid_grant");
    refresh(&emu, &PUBLIC, "nonsense", &[]).error(403, "invalid_grant");
    let r = refresh(&emu, &PUBLIC, "", &[]);
    assert_eq!(
        r.error(400, "invalid_request")["error_description"],
        "Missing required parameter: refresh_token"
    );
}

fn tenant_with_client(extra: &str) -> Tenant {
    let mut tenant = Tenant::demo();
    let parsed = Tenant::from_toml(&format!(
        "[[clients]]\nclient_id = \"sessions\"\nclient_secret = \"s\"\n{extra}\n"
    ))
    .unwrap();
    tenant.clients.extend(parsed.clients);
    tenant
}

const SESSIONS: [(&str, &str); 2] = [("client_id", "sessions"), ("client_secret", "s")];

#[test]
fn a_retired_token_works_within_the_clients_leeway() {
    let tenant =
        tenant_with_client("rotate_refresh_tokens = true\nrefresh_token_leeway_seconds = 10");
    let emu = Emulator::start_in_background(tenant).unwrap();
    let first = rt(&session(&emu, &SESSIONS, None));
    let second = rt(&refresh(&emu, &SESSIONS, &first, &[]).ok());
    // A second process refreshing with the same token at once is answered too.
    let parallel = rt(&refresh(&emu, &SESSIONS, &first, &[]).ok());
    assert_ne!(parallel, second);
    refresh(&emu, &SESSIONS, &second, &[]).ok();
    emu.advance_clock(11);
    refresh(&emu, &SESSIONS, &first, &[]).error(403, "invalid_grant");
    refresh(&emu, &SESSIONS, &parallel, &[]).error(403, "invalid_grant");
}

#[test]
fn mfa_on_refresh_answers_mfa_required_and_the_mfa_grant_finishes_the_refresh() {
    let tenant = tenant_with_client("rotate_refresh_tokens = true\nmfa_on_refresh = true");
    let emu = Emulator::start_in_background(tenant).unwrap();
    let old = rt(&session(&emu, &SESSIONS, None));
    let body = refresh(&emu, &SESSIONS, &old, &[]).error(403, "mfa_required");
    assert_eq!(
        body["mfa_requirements"],
        json!({"challenge": [{"type": "otp"}]})
    );
    let token = body["mfa_token"].as_str().unwrap();
    let code = totp(&emu, demo::OTP_SECRET, 0);
    let mut fields = vec![
        ("grant_type", OTP_GRANT),
        ("mfa_token", token),
        ("otp", &code),
    ];
    fields.extend(SESSIONS);
    let set = form(&emu, "/oauth/token", &fields).ok();
    let new = rt(&set);
    assert_ne!(new, old, "rotated as the refresh would have");
    refresh(&emu, &SESSIONS, &new, &[]).error(403, "mfa_required");

    // Per user: only that user is asked.
    let mut tenant = Tenant::demo();
    let user = tenant
        .users
        .iter_mut()
        .find(|u| u.username == demo::OTP_USER)
        .unwrap();
    user.mfa_on_refresh = true;
    let emu = Emulator::start_in_background(tenant).unwrap();
    let token = rt(&session(&emu, &PUBLIC, None));
    refresh(&emu, &PUBLIC, &token, &[]).error(403, "mfa_required");
}

#[test]
fn revoke_ends_the_session_and_its_access_tokens() {
    let emu = demo_emu();
    let audience = format!("{}/mfa/", emu.base_url());
    let set = session(&emu, &client(), Some(&audience));
    let access = set["access_token"].as_str().unwrap().to_string();
    let refreshed = refresh(&emu, &client(), &rt(&set), &[]).ok();
    let later = refreshed["access_token"].as_str().unwrap().to_string();
    with_bearer(&emu, "GET", "/mfa/authenticators", &later).ok();
    // JSON body, as go-auth0 sends it: 200, empty, `application/json` as recorded.
    let r = post_json(
        &emu,
        "/oauth/revoke",
        None,
        json!({"client_id": demo::CLIENT_ID, "client_secret": demo::CLIENT_SECRET, "token": rt(&refreshed)}),
    );
    assert_eq!((r.status, r.body.len()), (200, 0));
    assert_eq!(r.header("content-type"), Some("application/json"));
    refresh(&emu, &client(), &rt(&refreshed), &[]).error(403, "invalid_grant");
    for token in [&access, &later] {
        let r = with_bearer(&emu, "GET", "/mfa/authenticators", token);
        assert_eq!(
            r.error(401, "invalid_token")["error_description"],
            "The access token has been revoked."
        );
    }
    // Another session of the same user is untouched.
    let other = session(&emu, &client(), Some(&audience));
    with_bearer(
        &emu,
        "GET",
        "/mfa/authenticators",
        other["access_token"].as_str().unwrap(),
    )
    .ok();
}

#[test]
fn revoke_checks_the_client_and_forgives_unknown_tokens() {
    let emu = demo_emu();
    let token = rt(&session(&emu, &PUBLIC, None));
    // Form body, a public client; unknown tokens are answered 200 (RFC 7009).
    let mut fields = vec![("token", "not-a-token")];
    fields.extend(PUBLIC);
    assert_eq!(form(&emu, "/oauth/revoke", &fields).status, 200);
    let mut fields = vec![("token", token.as_str())];
    fields.extend(client());
    form(&emu, "/oauth/revoke", &fields).error(403, "invalid_grant");
    refresh(&emu, &PUBLIC, &token, &[]).ok();
    form(
        &emu,
        "/oauth/revoke",
        &[
            ("token", &token),
            ("client_id", demo::CLIENT_ID),
            ("client_secret", "wrong"),
        ],
    )
    .error(401, "invalid_client");
    form(&emu, "/oauth/revoke", &PUBLIC).error(400, "invalid_request");
    send(&emu, "GET", "/oauth/revoke", &[], None).error(405, "method_not_allowed");
    let mut fields = vec![("token", token.as_str())];
    fields.extend(PUBLIC);
    assert_eq!(form(&emu, "/oauth/revoke", &fields).status, 200);
    refresh(&emu, &PUBLIC, &token, &[]).error(403, "invalid_grant");
    let doc = send(&emu, "GET", "/.well-known/openid-configuration", &[], None).ok();
    assert_eq!(
        doc["revocation_endpoint"],
        format!("{}/oauth/revoke", emu.base_url())
    );
}
