//! The Management API routes Auth0's Python SDK calls: the clients list, a user's
//! update, one authentication method, the Actions triggers, connections by checkpoint.

use super::*;

#[test]
fn clients_are_listed_paged_and_fields_selected() {
    let emu = demo_emu();
    let token = mgmt_token(&emu, None);
    let all = mgmt(&emu, "GET", "/api/v2/clients", &token, None).ok();
    let all = all.as_array().unwrap().clone();
    assert!(all.len() >= 2, "{all:?}");
    let first_id = all[0]["client_id"].as_str().unwrap();
    let single = mgmt(
        &emu,
        "GET",
        &format!("/api/v2/clients/{first_id}"),
        &token,
        None,
    )
    .ok();
    assert_eq!(all[0], single);
    assert!(all.iter().all(|c| c.get("client_secret").is_none()));
    let paged = mgmt(
        &emu,
        "GET",
        "/api/v2/clients?page=0&per_page=1&include_totals=true&fields=client_id,name",
        &token,
        None,
    )
    .ok();
    assert_eq!(
        paged,
        json!({
            "clients": [{"client_id": first_id, "name": all[0]["name"]}],
            "start": 0,
            "limit": 1,
            "total": all.len(),
        })
    );
    let reader = mgmt_token(&emu, Some("read:users"));
    mgmt(&emu, "GET", "/api/v2/clients", &reader, None).mgmt_error(
        403,
        "Insufficient scope, expected any of: read:clients, read:client_keys",
        Some("insufficient_scope"),
    );
}

#[test]
fn a_user_is_updated_and_a_blocked_user_cannot_log_in() {
    let emu = demo_emu();
    let token = mgmt_token(&emu, None);
    let email = "ci-patch@example.com";
    let created = mgmt(
        &emu,
        "POST",
        "/api/v2/users",
        &token,
        Some(json!({
            "connection": demo::REALM,
            "email": email,
            "password": demo::PASSWORD,
            "app_metadata": {"a": 1, "nested": {"x": 1}, "gone": true},
            "user_metadata": {"lang": "fr"},
        })),
    )
    .json();
    let path = user_path(created["user_id"].as_str().unwrap());
    let patched = mgmt(
        &emu,
        "PATCH",
        &path,
        &token,
        Some(json!({
            "app_metadata": {"b": 2, "nested": {"y": 2}, "gone": null},
            "user_metadata": {"theme": "dark"},
            "email_verified": true,
            "name": "Patched",
        })),
    )
    .ok();
    assert_eq!(
        patched["app_metadata"],
        json!({"a": 1, "b": 2, "nested": {"y": 2}})
    );
    assert_eq!(
        patched["user_metadata"],
        json!({"lang": "fr", "theme": "dark"})
    );
    assert_eq!(patched["email_verified"], true);
    assert_eq!(patched["name"], "Patched");
    assert_eq!(mgmt(&emu, "GET", &path, &token, None).ok(), patched);
    mgmt(&emu, "PATCH", &path, &token, Some(json!({"nickname": "x"}))).mgmt_error(
        400,
        "Payload validation error: 'Additional properties not allowed: nickname'.",
        Some("invalid_body"),
    );
    mgmt(
        &emu,
        "PATCH",
        &path,
        &token,
        Some(json!({"password": "weak"})),
    )
    .mgmt_error(400, "PasswordStrengthError: Password is too weak", None);
    mgmt(
        &emu,
        "PATCH",
        &user_path("auth0|000000000000000000000000"),
        &token,
        Some(json!({"name": "x"})),
    )
    .mgmt_error(404, "The user does not exist.", Some("inexistent_user"));
    let login = |password: &str| {
        let mut fields = vec![
            ("grant_type", "password"),
            ("username", email),
            ("password", password),
        ];
        fields.extend(client());
        form(&emu, "/oauth/token", &fields)
    };
    assert_ne!(login(demo::PASSWORD).status, 401);
    let changed = mgmt(
        &emu,
        "PATCH",
        &path,
        &token,
        Some(json!({"password": "New-Passw0rd-2", "blocked": true})),
    )
    .ok();
    assert_eq!(changed["blocked"], true);
    login(demo::PASSWORD).error(403, "invalid_grant");
    let body = login("New-Passw0rd-2").error(401, "unauthorized");
    assert_eq!(body["error_description"], "user is blocked");
    mgmt(
        &emu,
        "PATCH",
        &path,
        &token,
        Some(json!({"blocked": false})),
    )
    .ok();
    assert_ne!(login("New-Passw0rd-2").status, 401);
}

#[test]
fn one_authentication_method_is_read_and_renamed() {
    let emu = demo_emu();
    let token = mgmt_token(&emu, None);
    let id = create_user(&emu, &token, "ci-method@example.com")["user_id"]
        .as_str()
        .unwrap()
        .to_string();
    let path = format!("{}/authentication-methods", user_path(&id));
    let body = json!({"type": "totp", "totp_secret": "JBSWY3DPEHPK3PXP"});
    let created = mgmt(&emu, "POST", &path, &token, Some(body)).json();
    let method = format!("{path}/{}", encode(created["id"].as_str().unwrap()));
    let one = mgmt(&emu, "GET", &method, &token, None).ok();
    assert_eq!(one, mgmt(&emu, "GET", &path, &token, None).ok()[0]);
    assert_eq!(one["type"], "totp");
    let renamed = mgmt(
        &emu,
        "PATCH",
        &method,
        &token,
        Some(json!({"name": "Phone"})),
    )
    .ok();
    assert_eq!(renamed["name"], "Phone");
    assert_eq!(renamed["id"], one["id"]);
    assert_eq!(mgmt(&emu, "GET", &method, &token, None).ok(), renamed);
    mgmt(&emu, "PATCH", &method, &token, Some(json!({"type": "email"})))
        .mgmt_error(
            400,
            "Payload validation error: 'Additional properties not allowed: type' (the emulator changes name only).",
            Some("invalid_body"),
        );
    mgmt(&emu, "GET", &format!("{path}/totp%7Cnone"), &token, None).mgmt_error(
        404,
        "Authentication method not found.",
        None,
    );
}

#[test]
fn actions_triggers_are_listed() {
    let emu = demo_emu();
    let token = mgmt_token(&emu, None);
    let body = mgmt(&emu, "GET", "/api/v2/actions/triggers", &token, None).ok();
    assert_eq!(
        body["triggers"][0],
        json!({"id": "post-login", "version": "v3", "status": "CURRENT", "runtimes": ["node18"], "default_runtime": "node18"})
    );
}

#[test]
fn connections_are_paged_by_checkpoint() {
    let emu = demo_emu();
    let token = mgmt_token(&emu, None);
    let all = mgmt(&emu, "GET", "/api/v2/connections", &token, None).ok();
    let all = all.as_array().unwrap().clone();
    let mut seen = Vec::new();
    let mut next: Option<String> = None;
    loop {
        let path = match &next {
            None => "/api/v2/connections?take=1".to_string(),
            Some(from) => format!("/api/v2/connections?take=1&from={from}"),
        };
        let page = mgmt(&emu, "GET", &path, &token, None).ok();
        let shown = page["connections"].as_array().unwrap();
        assert_eq!(shown.len(), 1, "{page}");
        seen.extend(shown.iter().cloned());
        match page.get("next") {
            Some(n) => next = Some(n.as_str().unwrap().to_string()),
            None => break,
        }
        assert!(seen.len() <= all.len());
    }
    assert_eq!(seen, all);
    let whole = mgmt(&emu, "GET", "/api/v2/connections?take=50", &token, None).ok();
    assert_eq!(whole, json!({"connections": all}));
}
