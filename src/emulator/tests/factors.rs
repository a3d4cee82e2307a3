//! Out-of-band factors: push polling and its rules, SMS/voice/email codes, recovery
//! codes and the failed-code bucket.

use super::*;

#[test]
fn authenticators_are_listed_with_linked_pairs() {
    let emu = demo_emu();
    let token = mfa_token(&emu, demo::MULTI_USER);
    let list = with_bearer(&emu, "GET", "/mfa/authenticators", &token).ok();
    let list = list.as_array().unwrap();
    let ids: Vec<&str> = list.iter().map(|a| a["id"].as_str().unwrap()).collect();
    let prefixes: Vec<&str> = ids.iter().map(|id| id.split('|').next().unwrap()).collect();
    assert_eq!(
        prefixes,
        [
            "totp",
            "push",
            "totp",
            "sms",
            "voice",
            "email",
            "recovery-code"
        ]
    );
    assert_eq!(ids[1][5..], ids[2][5..], "push and its totp share a suffix");
    assert_eq!(ids[3][4..], ids[4][6..], "sms and voice share a suffix");
    for id in &ids {
        let suffix = id.split('|').nth(1).unwrap();
        assert!(suffix.starts_with("dev_") && suffix.len() == 20, "{id}");
    }
    assert_eq!(
        list[1],
        json!({"id": ids[1], "authenticator_type": "oob", "active": true, "oob_channel": "auth0"})
    );
    assert_eq!(list[3]["name"], "XXXXXXX0101");
    assert_eq!(list[5]["name"], "*****@exam*******");
    assert_eq!(list[6]["authenticator_type"], "recovery-code");
    // Ids are stable across emulators.
    let again = demo_emu();
    let token2 = mfa_token(&again, demo::MULTI_USER);
    assert_eq!(
        with_bearer(&again, "GET", "/mfa/authenticators", &token2)
            .ok()
            .as_array()
            .unwrap()[0]["id"],
        ids[0]
    );
    send(&emu, "GET", "/mfa/authenticators", &[], None).error(401, "unauthorized");
    with_bearer(&emu, "GET", "/mfa/authenticators", "Fe26.2*nope").error(403, "invalid_grant");
}

#[test]
fn push_with_approve_after_rule_and_slow_down() {
    let emu = demo_emu();
    let token = mfa_token(&emu, demo::PUSH_USER);
    let ch = challenge(&emu, &token, json!({})).ok();
    assert_eq!(ch["challenge_type"], "oob");
    assert!(ch.get("binding_method").is_none() && ch.get("interval").is_none());
    let oob = ch["oob_code"].as_str().unwrap();
    assert!(oob.starts_with("Fe26.2*"));
    let r = grant(&emu, OOB_GRANT, &token, &[("oob_code", oob)]);
    assert_eq!(
        r.error(400, "authorization_pending")["error_description"],
        "Authorization pending: please repeat the request in a few seconds."
    );
    let r = grant(&emu, OOB_GRANT, &token, &[("oob_code", oob)]);
    assert_eq!(
        r.error(400, "slow_down")["error_description"],
        "You are polling faster than allowed. Try again in 5 seconds."
    );
    assert_eq!(r.header("retry-after"), Some("5"));
    emu.advance_clock(6);
    let set = grant(&emu, OOB_GRANT, &token, &[("oob_code", oob)]).ok();
    assert!(set["access_token"].is_string());
    grant(&emu, OOB_GRANT, &token, &[("oob_code", "Fe26.2*other")]).error(403, "invalid_grant");
    // Asked for otp only, a push user gets the Guardian app's codes.
    assert_eq!(
        challenge(&emu, &token, json!({"challenge_type": "otp"})).ok(),
        json!({"challenge_type": "otp"})
    );
}

#[test]
fn push_manual_approve_reject_and_expiry() {
    let emu = demo_emu();
    let token = mfa_token(&emu, demo::MULTI_USER);
    let push_id = authenticator_id(&emu, &token, "push|");
    assert!(!emu.approve_push(demo::MULTI_USER));
    let oob = challenge(&emu, &token, json!({"authenticator_id": push_id})).ok()["oob_code"]
        .as_str()
        .unwrap()
        .to_string();
    grant(&emu, OOB_GRANT, &token, &[("oob_code", &oob)]).error(400, "authorization_pending");
    assert!(emu.approve_push(demo::MULTI_USER));
    emu.advance_clock(5);
    grant(&emu, OOB_GRANT, &token, &[("oob_code", &oob)]).ok();

    let oob = challenge(&emu, &token, json!({"challenge_type": "oob"})).ok()["oob_code"]
        .as_str()
        .unwrap()
        .to_string();
    let r = post_json(
        &emu,
        "/_emulator/push/reject",
        None,
        json!({"username": demo::MULTI_USER}),
    );
    r.ok();
    let r = grant(&emu, OOB_GRANT, &token, &[("oob_code", &oob)]);
    assert_eq!(
        r.error(400, "access_denied")["error_description"],
        "MFA Authorization rejected."
    );

    let oob = challenge(&emu, &token, json!({"authenticator_id": push_id})).ok()["oob_code"]
        .as_str()
        .unwrap()
        .to_string();
    emu.advance_clock(301);
    let r = grant(&emu, OOB_GRANT, &token, &[("oob_code", &oob)]);
    assert_eq!(
        r.error(400, "expired_token")["error_description"],
        "oob_code is expired"
    );

    let reject_token = mfa_token(&emu, demo::PUSH_REJECT_USER);
    let oob = challenge(&emu, &reject_token, json!({})).ok()["oob_code"]
        .as_str()
        .unwrap()
        .to_string();
    grant(&emu, OOB_GRANT, &reject_token, &[("oob_code", &oob)]).error(400, "access_denied");
}

#[test]
fn sms_voice_and_email_codes_go_to_the_outbox() {
    let emu = demo_emu();
    let token = mfa_token(&emu, demo::SMS_USER);
    let ch = challenge(&emu, &token, json!({})).ok();
    assert_eq!(
        (ch["challenge_type"].as_str(), ch["binding_method"].as_str()),
        (Some("oob"), Some("prompt"))
    );
    let oob = ch["oob_code"].as_str().unwrap();
    let sent = emu.outbox();
    assert_eq!(sent.len(), 1);
    assert_eq!(
        (
            sent[0].channel.as_str(),
            sent[0].to.as_str(),
            sent[0].username.as_str()
        ),
        ("sms", demo::SMS_PHONE, demo::SMS_USER)
    );
    assert_eq!(sent[0].code.len(), 6);
    let wrong = if sent[0].code == "000000" {
        "111111"
    } else {
        "000000"
    };
    let r = grant(
        &emu,
        OOB_GRANT,
        &token,
        &[("oob_code", oob), ("binding_code", wrong)],
    );
    assert_eq!(
        r.error(403, "invalid_grant")["error_description"],
        "Invalid binding_code."
    );
    grant(&emu, OOB_GRANT, &token, &[("oob_code", oob)]).error(400, "invalid_request");
    grant(
        &emu,
        OOB_GRANT,
        &token,
        &[("oob_code", oob), ("binding_code", &sent[0].code)],
    )
    .ok();
    grant(
        &emu,
        OOB_GRANT,
        &token,
        &[("oob_code", oob), ("binding_code", &sent[0].code)],
    )
    .error(403, "invalid_grant");

    let voice = authenticator_id(&emu, &token, "voice|");
    challenge(&emu, &token, json!({"authenticator_id": voice})).ok();
    assert_eq!(emu.outbox()[1].channel, "voice");

    let etoken = mfa_token(&emu, demo::EMAIL_USER);
    let oob = challenge(&emu, &etoken, json!({"challenge_type": "oob"})).ok()["oob_code"]
        .as_str()
        .unwrap()
        .to_string();
    let mail = emu.outbox()[2].clone();
    assert_eq!(
        (mail.channel.as_str(), mail.to.as_str()),
        ("email", demo::EMAIL_USER)
    );
    grant(
        &emu,
        OOB_GRANT,
        &etoken,
        &[("oob_code", &oob), ("binding_code", &mail.code)],
    )
    .ok();
    let outbox = send(&emu, "GET", "/_emulator/outbox", &[], None).ok();
    assert_eq!(outbox[2]["code"], mail.code.as_str());
}

#[test]
fn recovery_codes_rotate() {
    let emu = demo_emu();
    let token = mfa_token(&emu, demo::RECOVERY_USER);
    let set = grant(
        &emu,
        RECOVERY_GRANT,
        &token,
        &[("recovery_code", demo::RECOVERY_CODE)],
    )
    .ok();
    let fresh = set["recovery_code"].as_str().unwrap().to_string();
    assert!(set["access_token"].is_string());
    assert_eq!(fresh.len(), 24);
    assert_ne!(fresh, demo::RECOVERY_CODE);
    let r = grant(
        &emu,
        RECOVERY_GRANT,
        &token,
        &[("recovery_code", demo::RECOVERY_CODE)],
    );
    assert_eq!(
        r.error(403, "invalid_grant")["error_description"],
        "Invalid recovery_code."
    );
    grant(
        &emu,
        RECOVERY_GRANT,
        &token,
        &[("recovery_code", &fresh.to_lowercase())],
    )
    .ok();
}

#[test]
fn failed_codes_exhaust_the_bucket() {
    let emu = demo_emu();
    let token = mfa_token(&emu, demo::OTP_USER);
    let good = totp(&emu, demo::OTP_SECRET, 0);
    let bad = if good == "123456" { "654321" } else { "123456" };
    for _ in 0..10 {
        grant(&emu, OTP_GRANT, &token, &[("otp", bad)]).error(403, "invalid_grant");
    }
    grant(&emu, OTP_GRANT, &token, &[("otp", &good)]).error(429, "too_many_attempts");
    grant(&emu, RECOVERY_GRANT, &token, &[("recovery_code", "X")]).error(429, "too_many_attempts");
    emu.advance_clock(6 * 60);
    let token = mfa_token(&emu, demo::OTP_USER);
    grant(
        &emu,
        OTP_GRANT,
        &token,
        &[("otp", &totp(&emu, demo::OTP_SECRET, 0))],
    )
    .ok();
}

#[test]
fn advertised_poll_interval() {
    let emu = emu_with("advertise_poll_interval = 5");
    let token = mfa_token(&emu, demo::PUSH_USER);
    assert_eq!(challenge(&emu, &token, json!({})).ok()["interval"], 5);
}

#[test]
fn a_tenant_without_voice_lists_phones_as_sms_only() {
    let emu = emu_with("voice = false");
    let token = mfa_token(&emu, demo::SMS_USER);
    let list = with_bearer(&emu, "GET", "/mfa/authenticators", &token).ok();
    let ids: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert!(ids.len() == 1 && ids[0].starts_with("sms|dev_"), "{list}");
    let token = mfa_token(&emu, demo::NEW_USER);
    post_json(
        &emu,
        "/mfa/associate",
        Some(&token),
        json!({"authenticator_types": ["oob"], "oob_channels": ["sms"], "phone_number": "+15555550177"}),
    )
    .ok();
    let list = with_bearer(&emu, "GET", "/mfa/authenticators", &token).ok();
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .all(|a| !a["id"].as_str().unwrap().starts_with("voice|")),
        "{list}"
    );
}
