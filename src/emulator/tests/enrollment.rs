//! Enrollment and management: associate, the authenticator list, delete, and which
//! token may do what.

use super::*;

fn mfa_api_token(emu: &Emulator, scope: &str) -> String {
    let audience = format!("{}/mfa/", emu.base_url());
    let r = login_with(
        emu,
        demo::MULTI_USER,
        &[("audience", &audience), ("scope", scope)],
    );
    let token = r.error(403, "mfa_required")["mfa_token"]
        .as_str()
        .unwrap()
        .to_string();
    let set = grant(
        emu,
        OTP_GRANT,
        &token,
        &[("otp", &totp(emu, demo::OTP_SECRET, 0))],
    )
    .ok();
    assert_eq!(set["expires_in"], 600);
    let access = set["access_token"].as_str().unwrap().to_string();
    assert_eq!(claims(&access)["aud"], audience);
    // One OTP step per login: the next login's code must be fresh.
    emu.advance_clock(30);
    access
}

#[test]
fn enroll_otp_with_the_mfa_token() {
    let emu = demo_emu();
    let token = mfa_token(&emu, demo::NEW_USER);
    let r = post_json(
        &emu,
        "/mfa/associate",
        Some(&token),
        json!({"authenticator_types": ["otp"], "client_id": demo::CLIENT_ID, "client_secret": demo::CLIENT_SECRET}),
    );
    let body = r.ok();
    assert_eq!(body["authenticator_type"], "otp");
    let secret = body["secret"].as_str().unwrap();
    assert_eq!(secret.len(), 32);
    let uri = body["barcode_uri"].as_str().unwrap();
    assert!(
        uri.starts_with("otpauth://totp/Auth0%20MFA%20Emulator:new%40example.com?secret="),
        "{uri}"
    );
    assert!(uri.ends_with("&issuer=Auth0%20MFA%20Emulator&algorithm=SHA1&digits=6&period=30"));
    let recovery = body["recovery_codes"][0].as_str().unwrap().to_string();
    let list = with_bearer(&emu, "GET", "/mfa/authenticators", &token).ok();
    assert_eq!(list.as_array().unwrap().len(), 2);
    assert_eq!(list[0]["active"], false);
    // Still not enrolled: challenge says so; confirm with the first code.
    challenge(&emu, &token, json!({})).error(401, "unsupported_challenge_type");
    grant(&emu, OTP_GRANT, &token, &[("otp", &totp(&emu, secret, 0))]).ok();
    let list = with_bearer(&emu, "GET", "/mfa/authenticators", &token).ok();
    assert!(
        list.as_array().unwrap().iter().all(|a| a["active"] == true),
        "{list}"
    );
    let r = post_json(
        &emu,
        "/mfa/associate",
        Some(&token),
        json!({"authenticator_types": ["otp"]}),
    );
    assert_eq!(
        r.error(403, "access_denied")["error_description"],
        "User is already enrolled."
    );
    // The recovery code issued at enrollment works.
    let token = mfa_token(&emu, demo::NEW_USER);
    grant(
        &emu,
        RECOVERY_GRANT,
        &token,
        &[("recovery_code", &recovery)],
    )
    .ok();
}

/// The recorded sequence: SMS, push, then OTP, none confirmed; only the first answer
/// carries a recovery code, and it is the one that works whichever is confirmed.
#[test]
fn only_the_first_associate_ever_has_a_recovery_code_and_it_stays_valid() {
    let emu = demo_emu();
    let token = mfa_token(&emu, demo::NEW_USER);
    let associate = |body: Value| post_json(&emu, "/mfa/associate", Some(&token), body).ok();
    let sms = associate(
        json!({"authenticator_types": ["oob"], "oob_channels": ["sms"], "phone_number": "+15555550142"}),
    );
    let recovery = sms["recovery_codes"][0].as_str().unwrap().to_string();
    let push = associate(json!({"authenticator_types": ["oob"], "oob_channels": ["auth0"]}));
    assert!(push.get("recovery_codes").is_none(), "{push}");
    let otp = associate(json!({"authenticator_types": ["otp"]}));
    assert!(otp.get("recovery_codes").is_none(), "{otp}");
    // A new login and another try still get none.
    let again = mfa_token(&emu, demo::NEW_USER);
    let email = post_json(
        &emu,
        "/mfa/associate",
        Some(&again),
        json!({"authenticator_types": ["oob"], "oob_channels": ["email"]}),
    )
    .ok();
    assert!(email.get("recovery_codes").is_none(), "{email}");
    let list = with_bearer(&emu, "GET", "/mfa/authenticators", &token).ok();
    let recovery_entries: Vec<&Value> = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["authenticator_type"] == "recovery-code")
        .collect();
    assert_eq!(recovery_entries.len(), 1, "{list}");
    assert_eq!(recovery_entries[0]["active"], false);
    // Confirming the last enrollment, not the first, activates the first answer's code.
    let secret = otp["secret"].as_str().unwrap();
    grant(&emu, OTP_GRANT, &token, &[("otp", &totp(&emu, secret, 0))]).ok();
    let token = mfa_token(&emu, demo::NEW_USER);
    grant(
        &emu,
        RECOVERY_GRANT,
        &token,
        &[("recovery_code", &recovery)],
    )
    .ok();
}

#[test]
fn a_verified_email_is_listed_but_is_not_an_enrollment() {
    let mut tenant = Tenant::demo();
    let extra = Tenant::from_toml(
        r#"
[[clients]]
client_id = "x"
[[users]]
username = "verified@example.com"
password = "p"
email_verified = true
[[users]]
username = "verified-otp@example.com"
password = "p"
email_verified = true
[[users.authenticators]]
type = "otp"
secret = "JB6JGOFX3HV2SX7JTWRZ5BQOPI7J7SUP"
"#,
    )
    .unwrap();
    for mut user in extra.users {
        user.password = demo::PASSWORD.to_string();
        tenant.users.push(user);
    }
    let emu = Emulator::start_in_background(tenant).unwrap();
    // Alone, the verified email does not make the user enrolled.
    let r = login_with(&emu, "verified@example.com", &[("scope", "openid")]);
    let body = r.error(403, "mfa_required");
    assert!(body["mfa_requirements"]["enroll"].is_array(), "{body}");
    let token = body["mfa_token"].as_str().unwrap().to_string();
    let list = with_bearer(&emu, "GET", "/mfa/authenticators", &token).ok();
    let entry = &list[0];
    assert_eq!(
        (
            entry["authenticator_type"].as_str(),
            entry["oob_channel"].as_str(),
            entry["active"].as_bool(),
            entry["name"].as_str()
        ),
        (
            Some("oob"),
            Some("email"),
            Some(true),
            Some("********@exam*******")
        )
    );
    assert!(entry["id"].as_str().unwrap().starts_with("email|dev_"));
    challenge(&emu, &token, json!({})).error(401, "unsupported_challenge_type");
    let first = post_json(
        &emu,
        "/mfa/associate",
        Some(&token),
        json!({"authenticator_types": ["otp"]}),
    )
    .ok();
    assert!(first["recovery_codes"].is_array(), "{first}");
    // Beside another factor it is last in the list and answers an oob challenge.
    let token = mfa_token(&emu, "verified-otp@example.com");
    let list = with_bearer(&emu, "GET", "/mfa/authenticators", &token).ok();
    let kinds: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().split('|').next().unwrap())
        .collect();
    assert_eq!(kinds, ["totp", "email"]);
    let ch = challenge(&emu, &token, json!({"challenge_type": "oob"})).ok();
    assert_eq!(ch["binding_method"], "prompt");
    assert_eq!(emu.outbox()[0].to, "verified-otp@example.com");
    let set = grant(
        &emu,
        OOB_GRANT,
        &token,
        &[
            ("oob_code", ch["oob_code"].as_str().unwrap()),
            ("binding_code", &emu.outbox()[0].code),
        ],
    )
    .ok();
    assert_eq!(
        claims(set["id_token"].as_str().unwrap())["email_verified"],
        true
    );
    // Users without a verified email are told so in their ID token.
    let token = mfa_token(&emu, demo::OTP_USER);
    let set = grant(
        &emu,
        OTP_GRANT,
        &token,
        &[("otp", &totp(&emu, demo::OTP_SECRET, 0))],
    )
    .ok();
    assert_eq!(
        claims(set["id_token"].as_str().unwrap())["email_verified"],
        false
    );
    let token = mfa_token(&emu, demo::EMAIL_USER);
    let list = with_bearer(&emu, "GET", "/mfa/authenticators", &token).ok();
    assert_eq!(
        list.as_array().unwrap().len(),
        1,
        "one entry for the email: {list}"
    );
}

#[test]
fn enroll_sms_and_push() {
    let emu = demo_emu();
    let token = mfa_token(&emu, demo::NEW_USER);
    let r = post_json(
        &emu,
        "/mfa/associate",
        Some(&token),
        json!({"authenticator_types": ["oob"], "oob_channels": ["sms"], "phone_number": "+15555550199"}),
    );
    let body = r.ok();
    assert_eq!(
        (
            body["oob_channel"].as_str(),
            body["binding_method"].as_str()
        ),
        (Some("sms"), Some("prompt"))
    );
    assert_eq!(body["recovery_codes"].as_array().unwrap().len(), 1);
    let oob = body["oob_code"].as_str().unwrap();
    let code = emu.outbox()[0].code.clone();
    assert_eq!(emu.outbox()[0].to, "+15555550199");
    grant(
        &emu,
        OOB_GRANT,
        &token,
        &[("oob_code", oob), ("binding_code", &code)],
    )
    .ok();
    let list = with_bearer(&emu, "GET", "/mfa/authenticators", &token).ok();
    let active: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["active"] == true)
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(active.len(), 3, "sms, voice and the recovery code: {list}");
    post_json(
        &emu,
        "/mfa/associate",
        Some(&token),
        json!({"authenticator_types": ["oob"], "oob_channels": ["sms"]}),
    )
    .error(403, "access_denied");

    let emu = demo_emu();
    let token = mfa_token(&emu, demo::NEW_USER);
    let body = post_json(
        &emu,
        "/mfa/associate",
        Some(&token),
        json!({"authenticator_types": ["oob"], "oob_channels": ["auth0"]}),
    )
    .ok();
    assert_eq!(body["oob_channel"], "auth0");
    assert!(body.get("binding_method").is_none());
    assert!(
        body["barcode_uri"]
            .as_str()
            .unwrap()
            .contains("enrollment_tx_id=")
    );
    let oob = body["oob_code"].as_str().unwrap();
    grant(&emu, OOB_GRANT, &token, &[("oob_code", oob)]).error(400, "authorization_pending");
    assert!(emu.approve_push(demo::NEW_USER));
    emu.advance_clock(5);
    grant(&emu, OOB_GRANT, &token, &[("oob_code", oob)]).ok();
    let list = with_bearer(&emu, "GET", "/mfa/authenticators", &token).ok();
    assert_eq!(list[0]["oob_channel"], "auth0");
    assert_eq!(list[0]["active"], true);
    let r = post_json(
        &emu,
        "/mfa/associate",
        Some(&token),
        json!({"authenticator_types": ["oob"], "oob_channels": ["sms"], "phone_number": "12"}),
    );
    r.error(403, "access_denied");
}

#[test]
fn associate_validates_input() {
    let emu = demo_emu();
    let token = mfa_token(&emu, demo::NEW_USER);
    post_json(&emu, "/mfa/associate", Some(&token), json!({})).error(400, "invalid_request");
    post_json(
        &emu,
        "/mfa/associate",
        Some(&token),
        json!({"authenticator_types": ["oob"], "oob_channels": ["sms"]}),
    )
    .error(400, "invalid_request");
    post_json(
        &emu,
        "/mfa/associate",
        Some(&token),
        json!({"authenticator_types": ["oob"], "oob_channels": ["sms"], "phone_number": "555"}),
    )
    .error(400, "invalid_request");
    post_json(
        &emu,
        "/mfa/associate",
        Some(&token),
        json!({"authenticator_types": ["webauthn"]}),
    )
    .error(400, "invalid_request");
    post_json(
        &emu,
        "/mfa/associate",
        None,
        json!({"authenticator_types": ["otp"]}),
    )
    .error(401, "unauthorized");
    for _ in 0..state::MAX_PENDING_ENROLLMENTS {
        post_json(
            &emu,
            "/mfa/associate",
            Some(&token),
            json!({"authenticator_types": ["otp"]}),
        )
        .ok();
    }
    post_json(
        &emu,
        "/mfa/associate",
        Some(&token),
        json!({"authenticator_types": ["otp"]}),
    )
    .error(403, "access_denied");
}

#[test]
fn mfa_api_access_token_manages_authenticators() {
    let emu = demo_emu();
    let full = mfa_api_token(&emu, "enroll read:authenticators remove:authenticators");
    let list = with_bearer(&emu, "GET", "/mfa/authenticators", &full).ok();
    assert_eq!(list.as_array().unwrap().len(), 7);
    let push = list[1]["id"].as_str().unwrap().replace('|', "%7C");
    let email = list[5]["id"].as_str().unwrap().replace('|', "%7C");
    // An mfa_token cannot delete; a token without the scope cannot either.
    let mfa = mfa_token(&emu, demo::MULTI_USER);
    with_bearer(&emu, "DELETE", &format!("/mfa/authenticators/{push}"), &mfa)
        .error(401, "invalid_token");
    let read_only = mfa_api_token(&emu, "read:authenticators");
    let r = with_bearer(
        &emu,
        "DELETE",
        &format!("/mfa/authenticators/{push}"),
        &read_only,
    );
    r.error(403, "insufficient_scope");
    post_json(
        &emu,
        "/mfa/associate",
        Some(&read_only),
        json!({"authenticator_types": ["otp"]}),
    )
    .error(403, "insufficient_scope");
    with_bearer(
        &emu,
        "DELETE",
        "/mfa/authenticators/push%7Cdev_AAAAAAAAAAAAAAAA",
        &full,
    )
    .error(404, "not_found");
    with_bearer(
        &emu,
        "DELETE",
        &format!("/mfa/authenticators/{email}"),
        &full,
    )
    .error(400, "invalid_request");
    let r = with_bearer(
        &emu,
        "DELETE",
        &format!("/mfa/authenticators/{push}"),
        &full,
    );
    assert_eq!((r.status, r.body.len()), (204, 0));
    let list = with_bearer(&emu, "GET", "/mfa/authenticators", &full).ok();
    assert_eq!(
        list.as_array().unwrap().len(),
        5,
        "push and its totp are gone: {list}"
    );
    // With `enroll`, an enrolled user can add a factor and confirm it with the access token.
    let body = post_json(
        &emu,
        "/mfa/associate",
        Some(&full),
        json!({"authenticator_types": ["otp"]}),
    )
    .ok();
    assert!(body.get("recovery_codes").is_none());
    let secret = body["secret"].as_str().unwrap();
    grant(&emu, OTP_GRANT, &full, &[("otp", &totp(&emu, secret, 0))]).ok();
    // Tampered, expired or wrong-audience tokens are refused.
    let mut tampered = full.clone();
    tampered.pop();
    tampered.push(if full.ends_with('A') { 'B' } else { 'A' });
    with_bearer(&emu, "GET", "/mfa/authenticators", &tampered).error(401, "invalid_token");
    let token = mfa_token(&emu, demo::OTP_USER);
    let plain = grant(
        &emu,
        OTP_GRANT,
        &token,
        &[("otp", &totp(&emu, demo::OTP_SECRET, 0))],
    )
    .ok();
    with_bearer(
        &emu,
        "GET",
        "/mfa/authenticators",
        plain["access_token"].as_str().unwrap(),
    )
    .error(401, "invalid_token");
    emu.advance_clock(601);
    with_bearer(&emu, "GET", "/mfa/authenticators", &full).error(401, "invalid_token");
}

#[test]
fn https_host_mfa_audience_is_accepted() {
    let emu = demo_emu();
    let audience = format!("https://{}/mfa/", emu.local_addr());
    let r = login_with(
        &emu,
        demo::OTP_USER,
        &[("audience", &audience), ("scope", "read:authenticators")],
    );
    let token = r.error(403, "mfa_required")["mfa_token"]
        .as_str()
        .unwrap()
        .to_string();
    let set = grant(
        &emu,
        OTP_GRANT,
        &token,
        &[("otp", &totp(&emu, demo::OTP_SECRET, 0))],
    )
    .ok();
    assert!(set.get("id_token").is_none());
    with_bearer(
        &emu,
        "GET",
        "/mfa/authenticators",
        set["access_token"].as_str().unwrap(),
    )
    .ok();
}

#[tokio::test]
async fn starts_on_the_current_runtime() {
    let emu = Emulator::start(Tenant::demo(), "127.0.0.1:0".parse().unwrap())
        .await
        .unwrap();
    let base = emu.base_url();
    let doc = tokio::task::spawn_blocking(move || {
        raw_request(&base, b"GET /.well-known/openid-configuration HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").unwrap().json()
    })
    .await
    .unwrap();
    // The issuer follows the Host the client used.
    assert_eq!(doc["issuer"], "http://x/");
    assert!(emu.base_url().starts_with("http://127.0.0.1:"));
}
