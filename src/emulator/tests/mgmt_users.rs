//! Users, authentication methods and brute-force blocks through the Management API, in
//! the shapes of `auth0-management-api.md`, and what they do to logins.

use super::*;

#[test]
fn users_are_created_found_and_deleted_as_auth0_does() {
    let emu = demo_emu();
    let token = mgmt_token(&emu, None);
    let r = mgmt(
        &emu,
        "POST",
        "/api/v2/users",
        &token,
        Some(json!({
            "connection": demo::REALM,
            "email": "ci-42@example.com",
            "password": "Str0ng-enough",
            "email_verified": true,
            "app_metadata": {"created_by": "auth0-mfa", "created_at": 1700000000},
        })),
    );
    let created = r.json();
    assert_eq!(r.status, 201, "{created}");
    let id = created["user_id"].as_str().unwrap();
    let hex = id.strip_prefix("auth0|").unwrap();
    assert!(
        hex.len() == 24 && hex.chars().all(|c| c.is_ascii_hexdigit()),
        "{id}"
    );
    assert_eq!(created["email"], "ci-42@example.com");
    assert_eq!(created["app_metadata"]["created_by"], "auth0-mfa");
    assert_eq!(created["identities"][0]["connection"], demo::REALM);
    // By id (percent-encoded), by email (exact, case-sensitive: a bare array).
    let got = mgmt(&emu, "GET", &user_path(id), &token, None).ok();
    assert_eq!(got, created);
    let found = mgmt(
        &emu,
        "GET",
        "/api/v2/users-by-email?email=ci-42%40example.com",
        &token,
        None,
    )
    .ok();
    assert_eq!(found, json!([created]));
    let none = mgmt(
        &emu,
        "GET",
        "/api/v2/users-by-email?email=CI-42%40example.com",
        &token,
        None,
    )
    .ok();
    assert_eq!(none, json!([]));
    // The errors.
    let again = json!({"connection": demo::REALM, "email": "ci-42@example.com", "password": "Str0ng-enough"});
    mgmt(&emu, "POST", "/api/v2/users", &token, Some(again)).mgmt_error(
        409,
        "The user already exists.",
        Some("auth0_idp_error"),
    );
    let weak =
        json!({"connection": demo::REALM, "email": "weak@example.com", "password": "password"});
    mgmt(&emu, "POST", "/api/v2/users", &token, Some(weak)).mgmt_error(
        400,
        "PasswordStrengthError: Password is too weak",
        None,
    );
    let nowhere =
        json!({"connection": "Nope", "email": "x@example.com", "password": "Str0ng-enough"});
    mgmt(&emu, "POST", "/api/v2/users", &token, Some(nowhere)).mgmt_error(
        404,
        "The connection does not exist",
        Some("inexistent_connection"),
    );
    let body = mgmt(
        &emu,
        "POST",
        "/api/v2/users",
        &token,
        Some(json!({"email": "x@example.com"})),
    )
    .json();
    assert_eq!(
        (body["statusCode"].as_u64(), body["errorCode"].as_str()),
        (Some(400), Some("invalid_body"))
    );
    // Delete: 204, also when there is nothing to delete; then it is gone for good.
    assert_no_content(&mgmt(&emu, "DELETE", &user_path(id), &token, None));
    assert_no_content(&mgmt(&emu, "DELETE", &user_path(id), &token, None));
    mgmt(&emu, "GET", &user_path(id), &token, None).mgmt_error(
        404,
        "The user does not exist.",
        Some("inexistent_user"),
    );
    let r = form(
        &emu,
        "/oauth/token",
        &[
            ("grant_type", "password"),
            ("username", "ci-42@example.com"),
            ("password", "Str0ng-enough"),
            ("client_id", demo::CLIENT_ID),
            ("client_secret", demo::CLIENT_SECRET),
        ],
    );
    assert_eq!(
        r.error(403, "invalid_grant")["error_description"],
        "Wrong email or password."
    );
    // Reading needs read:users.
    let narrow = mgmt_token(&emu, Some("create:users"));
    mgmt(&emu, "GET", &user_path(id), &narrow, None).mgmt_error(
        403,
        "Insufficient scope, expected any of: read:users",
        Some("insufficient_scope"),
    );
}

#[test]
fn a_user_created_with_a_totp_method_logs_in_through_mfa_otp() {
    let emu = demo_emu();
    let token = mgmt_token(&emu, None);
    let id = create_user(&emu, &token, "ci-otp@example.com")["user_id"]
        .as_str()
        .unwrap()
        .to_string();
    let secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBV";
    let r = mgmt(
        &emu,
        "POST",
        &format!("{}/authentication-methods", user_path(&id)),
        &token,
        Some(json!({"type": "totp", "totp_secret": secret, "name": "ci-job"})),
    );
    let method = r.json();
    assert_eq!(r.status, 201, "{method}");
    let mut keys: Vec<&str> = method
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(keys, ["created_at", "id", "name", "type"], "{method}");
    assert_eq!(method["type"], "totp");
    assert!(
        method["id"].as_str().unwrap().starts_with("totp|dev_"),
        "{method}"
    );
    let r = login_with(&emu, "ci-otp@example.com", &[]);
    let body = r.error(403, "mfa_required");
    assert_eq!(
        body["mfa_requirements"],
        json!({"challenge": [{"type": "otp"}]})
    );
    let code = totp(&emu, secret, 0);
    let set = grant(
        &emu,
        OTP_GRANT,
        body["mfa_token"].as_str().unwrap(),
        &[("otp", &code)],
    )
    .ok();
    assert!(set["access_token"].is_string(), "{set}");
}

#[test]
fn a_user_created_without_methods_must_enroll() {
    let emu = demo_emu();
    let token = mgmt_token(&emu, None);
    create_user(&emu, &token, "ci-new@example.com");
    let body = login_with(&emu, "ci-new@example.com", &[]).error(403, "mfa_required");
    assert_eq!(
        body["mfa_requirements"]["enroll"][0],
        json!({"type": "otp"}),
        "{body}"
    );
    let mfa = body["mfa_token"].as_str().unwrap();
    let r = post_json(
        &emu,
        "/mfa/associate",
        Some(mfa),
        json!({"authenticator_types": ["otp"]}),
    );
    assert!(r.ok()["secret"].is_string());
}

#[test]
fn authentication_methods_are_listed_paged_and_deleted() {
    let emu = demo_emu();
    let token = mgmt_token(&emu, None);
    let id = create_user(&emu, &token, "ci-list@example.com")["user_id"]
        .as_str()
        .unwrap()
        .to_string();
    let path = format!("{}/authentication-methods", user_path(&id));
    assert_eq!(mgmt(&emu, "GET", &path, &token, None).ok(), json!([]));
    let empty = mgmt(
        &emu,
        "GET",
        &format!("{path}?include_totals=true"),
        &token,
        None,
    )
    .ok();
    assert_eq!(
        empty,
        json!({"authenticators": [], "start": 0, "limit": 50})
    );
    for body in [
        json!({"type": "totp", "totp_secret": "JBSWY3DPEHPK3PXP"}),
        json!({"type": "email", "email": "ci-list@example.com"}),
        json!({"type": "phone", "phone_number": "+15555550177"}),
    ] {
        assert_eq!(mgmt(&emu, "POST", &path, &token, Some(body)).status, 201);
    }
    let dup = json!({"type": "email", "email": "ci-list@example.com"});
    assert_eq!(mgmt(&emu, "POST", &path, &token, Some(dup)).status, 409);
    let all = mgmt(&emu, "GET", &path, &token, None).ok();
    let types: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["type"].as_str().unwrap())
        .collect();
    assert_eq!(types, ["totp", "email", "phone"]);
    assert_eq!(all[1]["email"], "*******@exam*******");
    assert_eq!(all[2]["phone_number"], "XXXXXXX0177");
    assert!(
        all.as_array()
            .unwrap()
            .iter()
            .all(|m| m["confirmed"] == true),
        "{all}"
    );
    let first = mgmt(
        &emu,
        "GET",
        &format!("{path}?page=0&per_page=2"),
        &token,
        None,
    )
    .ok();
    assert_eq!(first.as_array().unwrap().len(), 2);
    let second = mgmt(
        &emu,
        "GET",
        &format!("{path}?include_totals=true&page=1&per_page=2"),
        &token,
        None,
    )
    .ok();
    assert_eq!(second["total"], 3);
    assert_eq!(
        (second["start"].as_u64(), second["limit"].as_u64()),
        (Some(2), Some(2))
    );
    assert_eq!(second["authenticators"], json!([all[2]]));
    let phone_id = encode(all[2]["id"].as_str().unwrap());
    assert_no_content(&mgmt(
        &emu,
        "DELETE",
        &format!("{path}/{phone_id}"),
        &token,
        None,
    ));
    assert_eq!(
        mgmt(&emu, "GET", &path, &token, None)
            .ok()
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        mgmt(&emu, "DELETE", &format!("{path}/{phone_id}"), &token, None).status,
        404
    );
    assert_no_content(&mgmt(&emu, "DELETE", &path, &token, None));
    assert_eq!(mgmt(&emu, "GET", &path, &token, None).ok(), json!([]));
    // With nothing left the user enrolls again.
    let body = login_with(&emu, "ci-list@example.com", &[]).error(403, "mfa_required");
    assert!(body["mfa_requirements"]["enroll"].is_array(), "{body}");
    mgmt(
        &emu,
        "GET",
        "/api/v2/users/auth0%7C000000000000000000000000/authentication-methods",
        &token,
        None,
    )
    .mgmt_error(404, "The user does not exist.", Some("inexistent_user"));
}

#[test]
fn ten_wrong_passwords_block_the_user_until_the_block_is_deleted() {
    let emu = demo_emu();
    let token = mgmt_token(&emu, None);
    let wrong = |password: &str| {
        form(
            &emu,
            "/oauth/token",
            &[
                ("grant_type", "password"),
                ("username", demo::OTP_USER),
                ("password", password),
                ("client_id", demo::CLIENT_ID),
                ("client_secret", demo::CLIENT_SECRET),
            ],
        )
    };
    for _ in 0..10 {
        wrong("not-the-password").error(403, "invalid_grant");
    }
    let body = wrong(demo::PASSWORD).error(429, "too_many_attempts");
    assert!(
        body["error_description"]
            .as_str()
            .unwrap()
            .contains("blocked"),
        "{body}"
    );
    let user = mgmt(
        &emu,
        "GET",
        "/api/v2/users-by-email?email=otp%40example.com",
        &token,
        None,
    )
    .ok();
    let id = user[0]["user_id"].as_str().unwrap();
    let blocks_path = format!("/api/v2/user-blocks/{}", encode(id));
    let expected = json!({"blocked_for": [{"identifier": demo::OTP_USER, "ip": "127.0.0.1", "connection": demo::REALM}]});
    assert_eq!(mgmt(&emu, "GET", &blocks_path, &token, None).ok(), expected);
    let by_identifier = "/api/v2/user-blocks?identifier=otp%40example.com";
    assert_eq!(
        mgmt(&emu, "GET", by_identifier, &token, None).ok(),
        expected
    );
    let read_only = mgmt_token(&emu, Some("read:users"));
    mgmt(&emu, "DELETE", by_identifier, &read_only, None).mgmt_error(
        403,
        "Insufficient scope, expected any of: update:users",
        Some("insufficient_scope"),
    );
    assert_no_content(&mgmt(&emu, "DELETE", by_identifier, &token, None));
    assert_eq!(
        mgmt(&emu, "GET", &blocks_path, &token, None).ok(),
        json!({"blocked_for": []})
    );
    wrong(demo::PASSWORD).error(403, "mfa_required");
    // Deleting by id works the same.
    for _ in 0..10 {
        wrong("still-not-it").error(403, "invalid_grant");
    }
    wrong(demo::PASSWORD).error(429, "too_many_attempts");
    assert_no_content(&mgmt(&emu, "DELETE", &blocks_path, &token, None));
    wrong(demo::PASSWORD).error(403, "mfa_required");
}

#[test]
fn the_mfa_failed_code_bucket_is_not_a_block_and_refills() {
    let emu = demo_emu();
    let token = mgmt_token(&emu, None);
    let mfa = mfa_token(&emu, demo::OTP_USER);
    for _ in 0..10 {
        grant(&emu, OTP_GRANT, &mfa, &[("otp", "000000")]).error(403, "invalid_grant");
    }
    let code = totp(&emu, demo::OTP_SECRET, 0);
    grant(&emu, OTP_GRANT, &mfa, &[("otp", &code)]).error(429, "too_many_attempts");
    let blocks = mgmt(
        &emu,
        "GET",
        "/api/v2/user-blocks?identifier=otp%40example.com",
        &token,
        None,
    )
    .ok();
    assert_eq!(blocks, json!({"blocked_for": []}));
    let again = mfa_token(&emu, demo::OTP_USER);
    emu.advance_clock(6 * 60 + 1);
    let code = totp(&emu, demo::OTP_SECRET, 0);
    assert!(grant(&emu, OTP_GRANT, &again, &[("otp", &code)]).ok()["access_token"].is_string());
}
