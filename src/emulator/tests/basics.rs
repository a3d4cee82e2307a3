//! Discovery, the password grants, mfa-otp, challenges, rate limits, faults and the
//! control API.

use super::*;

#[test]
fn discovery_and_jwks() {
    let emu = demo_emu();
    let base = emu.base_url();
    assert!(base.starts_with("http://127.0.0.1:") && !base.ends_with('/'));
    let r = send(&emu, "GET", "/.well-known/openid-configuration", &[], None);
    let doc = r.ok();
    assert_eq!(
        r.header("content-type"),
        Some("application/json; charset=utf-8")
    );
    assert!(r.header("x-ratelimit-limit").is_some());
    assert!(r.header("x-ratelimit-remaining").is_some());
    assert!(
        r.header("x-ratelimit-reset")
            .unwrap()
            .parse::<u64>()
            .unwrap()
            > emu.now()
    );
    assert!(r.header("date").unwrap().ends_with(" GMT"));
    assert_eq!(doc["issuer"], format!("{base}/"));
    assert_eq!(doc["token_endpoint"], format!("{base}/oauth/token"));
    assert_eq!(
        doc["mfa_challenge_endpoint"],
        format!("{base}/mfa/challenge")
    );
    assert_eq!(doc["jwks_uri"], format!("{base}/.well-known/jwks.json"));
    assert!(
        doc["token_endpoint_auth_methods_supported"]
            .as_array()
            .unwrap()
            .contains(&json!("client_secret_post"))
    );
    assert!(
        doc["token_endpoint_auth_signing_alg_values_supported"]
            .as_array()
            .unwrap()
            .contains(&json!("PS256"))
    );
    assert!(
        doc["grant_types_supported"]
            .as_array()
            .unwrap()
            .contains(&json!(OOB_GRANT))
    );
    let jwks = send(&emu, "GET", "/.well-known/jwks.json", &[], None).ok();
    let key = &jwks["keys"][0];
    assert_eq!(
        (key["kty"].as_str(), key["alg"].as_str()),
        (Some("RSA"), Some("RS256"))
    );
    assert_eq!(key["e"], "AQAB");
    assert!(key["n"].as_str().unwrap().len() > 300);
}

#[test]
fn unknown_routes_and_methods_answer_json() {
    let emu = demo_emu();
    let r = send(&emu, "GET", "/nope", &[], None);
    r.error(404, "not_found");
    send(&emu, "GET", "/oauth/token", &[], None).error(405, "method_not_allowed");
}

#[test]
fn password_grant_errors() {
    let emu = demo_emu();
    let r = form(
        &emu,
        "/oauth/token",
        &[
            ("grant_type", "password"),
            ("username", demo::OTP_USER),
            ("password", "wrong"),
            ("client_id", demo::CLIENT_ID),
            ("client_secret", demo::CLIENT_SECRET),
        ],
    );
    assert_eq!(
        r.error(403, "invalid_grant")["error_description"],
        "Wrong email or password."
    );
    let r = form(
        &emu,
        "/oauth/token",
        &[
            ("grant_type", "password"),
            ("username", "nobody@example.com"),
            ("password", demo::PASSWORD),
            ("client_id", demo::CLIENT_ID),
            ("client_secret", demo::CLIENT_SECRET),
        ],
    );
    r.error(403, "invalid_grant");
    let r = form(
        &emu,
        "/oauth/token",
        &[
            ("grant_type", "password"),
            ("password", "x"),
            ("client_id", demo::CLIENT_ID),
            ("client_secret", demo::CLIENT_SECRET),
        ],
    );
    assert_eq!(
        r.error(400, "invalid_request")["error_description"],
        "Missing required parameter: username"
    );
    form(&emu, "/oauth/token", &[("username", "x")]).error(400, "invalid_request");
    form(
        &emu,
        "/oauth/token",
        &[("grant_type", "implicit"), ("client_id", demo::CLIENT_ID)],
    )
    .error(400, "unsupported_grant_type");
    let r = form(
        &emu,
        "/oauth/token",
        &[
            ("grant_type", "password"),
            ("username", demo::OTP_USER),
            ("password", demo::PASSWORD),
            ("client_id", demo::CLIENT_ID),
            ("client_secret", "bad"),
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
            ("client_id", demo::CLIENT_ID),
        ],
    );
    r.error(401, "invalid_client");
    form(
        &emu,
        "/oauth/token",
        &[
            ("grant_type", "password"),
            ("username", demo::OTP_USER),
            ("password", demo::PASSWORD),
            ("client_id", "unknown"),
        ],
    )
    .error(401, "invalid_client");
    let r = form(
        &emu,
        "/oauth/token",
        &[
            ("grant_type", OTP_GRANT),
            ("mfa_token", "x"),
            ("otp", "123456"),
            ("client_id", demo::NO_MFA_CLIENT_ID),
            ("client_secret", demo::NO_MFA_CLIENT_SECRET),
        ],
    );
    assert_eq!(
        r.error(403, "unauthorized_client")["error_description"],
        format!("Grant type '{OTP_GRANT}' not allowed for the client.")
    );
    send(
        &emu,
        "POST",
        "/oauth/token",
        &[],
        Some(("application/json", "{bad".into())),
    )
    .error(400, "invalid_request");
}

#[test]
fn password_grant_answers_mfa_required() {
    let emu = demo_emu();
    let r = login_with(&emu, demo::OTP_USER, &[]);
    let body = r.error(403, "mfa_required");
    assert_eq!(
        body["error_description"],
        "Multifactor authentication required"
    );
    let token = body["mfa_token"].as_str().unwrap();
    assert!(
        token.starts_with("Fe26.2*") && token.len() > 1800,
        "{}",
        token.len()
    );
    assert_eq!(
        body["mfa_requirements"],
        json!({"challenge": [{"type": "otp"}]})
    );
    let multi = login_with(&emu, demo::MULTI_USER, &[]).error(403, "mfa_required");
    let types: Vec<&str> = multi["mfa_requirements"]["challenge"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["type"].as_str().unwrap())
        .collect();
    assert_eq!(
        types,
        [
            "otp",
            "push-notification",
            "phone",
            "email",
            "recovery-code"
        ]
    );
    let new = login_with(&emu, demo::NEW_USER, &[]).error(403, "mfa_required");
    assert!(
        new["mfa_requirements"]["enroll"]
            .as_array()
            .unwrap()
            .contains(&json!({"type": "otp"}))
    );
    // password-realm, public client, JSON body, HTTP Basic.
    let r = form(
        &emu,
        "/oauth/token",
        &[
            (
                "grant_type",
                "http://auth0.com/oauth/grant-type/password-realm",
            ),
            ("realm", demo::REALM),
            ("username", demo::OTP_USER),
            ("password", demo::PASSWORD),
            ("client_id", demo::PUBLIC_CLIENT_ID),
        ],
    );
    r.error(403, "mfa_required");
    let r = form(
        &emu,
        "/oauth/token",
        &[
            (
                "grant_type",
                "http://auth0.com/oauth/grant-type/password-realm",
            ),
            ("realm", "Other-DB"),
            ("username", demo::OTP_USER),
            ("password", demo::PASSWORD),
            ("client_id", demo::PUBLIC_CLIENT_ID),
        ],
    );
    r.error(400, "invalid_request");
    let r = post_json(
        &emu,
        "/oauth/token",
        None,
        json!({"grant_type": "password", "username": demo::OTP_USER, "password": demo::PASSWORD, "client_id": demo::CLIENT_ID, "client_secret": demo::CLIENT_SECRET}),
    );
    r.error(403, "mfa_required");
    let basic = base64::engine::general_purpose::STANDARD.encode(format!(
        "{}:{}",
        demo::CLIENT_ID,
        demo::CLIENT_SECRET
    ));
    let body = format!(
        "grant_type=password&username={}&password={}",
        encode(demo::OTP_USER),
        demo::PASSWORD
    );
    let r = send(
        &emu,
        "POST",
        "/oauth/token",
        &[("Authorization", &format!("Basic {basic}"))],
        Some(("application/x-www-form-urlencoded", body)),
    );
    r.error(403, "mfa_required");
}

#[test]
fn mfa_required_can_be_turned_off_for_unenrolled_users() {
    let emu = emu_with("mfa_required = false");
    let body = login_with(&emu, demo::NEW_USER, &[("scope", "openid")]).ok();
    assert!(body["access_token"].is_string() && body["id_token"].is_string());
    login_with(&emu, demo::OTP_USER, &[]).error(403, "mfa_required");
}

#[test]
fn otp_grant_issues_a_token_set() {
    let emu = demo_emu();
    let token = mfa_token(&emu, demo::OTP_USER);
    let code = totp(&emu, demo::OTP_SECRET, 0);
    let set = grant(&emu, OTP_GRANT, &token, &[("otp", &code)]).ok();
    assert_eq!(set["token_type"], "Bearer");
    assert_eq!(set["expires_in"], 86400);
    assert_eq!(set["scope"], "openid profile email offline_access");
    assert!(set["refresh_token"].is_string());
    let access = claims(set["access_token"].as_str().unwrap());
    let base = emu.base_url();
    assert_eq!(access["iss"], format!("{base}/"));
    assert_eq!(access["aud"], format!("{base}/userinfo"));
    assert_eq!(access["azp"], demo::CLIENT_ID);
    assert!(access["sub"].as_str().unwrap().starts_with("auth0|"));
    assert_eq!(
        access["exp"].as_u64().unwrap() - access["iat"].as_u64().unwrap(),
        86400
    );
    let id = claims(set["id_token"].as_str().unwrap());
    assert_eq!(
        (id["aud"].as_str(), id["email"].as_str()),
        (Some(demo::CLIENT_ID), Some(demo::OTP_USER))
    );
    assert_eq!(
        tokens::keys()
            .verify_jwt(set["access_token"].as_str().unwrap())
            .unwrap()["sub"],
        access["sub"]
    );
    // The same code again is refused, as is a wrong one.
    let r = grant(&emu, OTP_GRANT, &token, &[("otp", &code)]);
    assert_eq!(
        r.error(403, "invalid_grant")["error_description"],
        "Invalid otp_code."
    );
    grant(&emu, OTP_GRANT, &token, &[("otp", "000000x")]).error(403, "invalid_grant");
    grant(&emu, OTP_GRANT, &token, &[]).error(400, "invalid_request");
}

#[test]
fn otp_previous_window_is_accepted() {
    let emu = demo_emu();
    let token = mfa_token(&emu, demo::OTP_USER);
    let previous = totp(&emu, demo::OTP_SECRET, 1);
    grant(&emu, OTP_GRANT, &token, &[("otp", &previous)]).ok();
    let older = totp(&emu, demo::OTP_SECRET, 3);
    grant(&emu, OTP_GRANT, &token, &[("otp", &older)]).error(403, "invalid_grant");
}

#[test]
fn mfa_token_problems() {
    let emu = demo_emu();
    let r = grant(&emu, OTP_GRANT, "Fe26.2*garbage", &[("otp", "123456")]);
    assert_eq!(
        r.error(403, "invalid_grant")["error_description"],
        "Malformed mfa_token"
    );
    let jwt = tokens::keys().sign_jwt(&json!({"sub": "x"}));
    grant(&emu, OTP_GRANT, &jwt, &[("otp", "123456")]).error(403, "invalid_grant");
    let token = mfa_token(&emu, demo::OTP_USER);
    emu.advance_clock(601);
    let code = totp(&emu, demo::OTP_SECRET, 0);
    let r = grant(&emu, OTP_GRANT, &token, &[("otp", &code)]);
    assert_eq!(
        r.error(403, "expired_token")["error_description"],
        "mfa_token is expired"
    );
    challenge(&emu, &token, json!({})).error(403, "expired_token");
}

#[test]
fn challenge_otp_and_unsupported_types() {
    let emu = demo_emu();
    let token = mfa_token(&emu, demo::OTP_USER);
    assert_eq!(
        challenge(&emu, &token, json!({})).ok(),
        json!({"challenge_type": "otp"})
    );
    assert_eq!(
        challenge(&emu, &token, json!({"challenge_type": "otp"})).ok(),
        json!({"challenge_type": "otp"})
    );
    // The words of a real tenant, for an oob challenge of an OTP-only user.
    let r = challenge(&emu, &token, json!({"challenge_type": "oob"}));
    assert_eq!(
        r.error(401, "unsupported_challenge_type")["error_description"],
        "User does not have any enrolled authenticator with the supported challenge type (oob)"
    );
    let otp_id = authenticator_id(&emu, &token, "totp|");
    let r = challenge(
        &emu,
        &token,
        json!({"authenticator_id": otp_id, "challenge_type": "oob"}),
    );
    assert_eq!(
        r.error(401, "unsupported_challenge_type")["error_description"],
        "User does not have any enrolled authenticator with the supported challenge type (oob)"
    );
    challenge(
        &emu,
        &token,
        json!({"authenticator_id": "sms|dev_AAAAAAAAAAAAAAAA"}),
    )
    .error(401, "unsupported_challenge_type");
    challenge(&emu, &token, json!({"challenge_type": "push"})).error(400, "invalid_request");
    // Form-encoded works too.
    let r = form(
        &emu,
        "/mfa/challenge",
        &[
            ("mfa_token", &token),
            ("client_id", demo::CLIENT_ID),
            ("client_secret", demo::CLIENT_SECRET),
            ("challenge_type", "otp oob"),
        ],
    );
    assert_eq!(r.ok(), json!({"challenge_type": "otp"}));
    let r = post_json(
        &emu,
        "/mfa/challenge",
        None,
        json!({"mfa_token": token, "client_id": demo::CLIENT_ID, "client_secret": "bad"}),
    );
    r.error(401, "invalid_client");
    post_json(
        &emu,
        "/mfa/challenge",
        None,
        json!({"client_id": demo::CLIENT_ID}),
    )
    .error(400, "invalid_request");
    challenge(&emu, "nonsense", json!({})).error(403, "invalid_grant");
    // Not enrolled at all: what Auth0's mobile SDKs take for "enrollment required".
    let new = mfa_token(&emu, demo::NEW_USER);
    let r = challenge(&emu, &new, json!({}));
    assert_eq!(
        r.error(401, "unsupported_challenge_type")["error_description"],
        "User is not enrolled with guardian"
    );
}

#[test]
fn rate_limit_headers_and_429() {
    let emu = emu_with("rate_limit = 3");
    for remaining in ["2", "1", "0"] {
        let r = send(&emu, "GET", "/.well-known/jwks.json", &[], None);
        assert_eq!(
            (r.status, r.header("x-ratelimit-remaining")),
            (200, Some(remaining))
        );
        assert_eq!(r.header("x-ratelimit-limit"), Some("3"));
    }
    let r = send(&emu, "GET", "/.well-known/jwks.json", &[], None);
    assert_eq!(
        r.error(429, "too_many_requests")["error_description"],
        "Global limit has been reached"
    );
    let retry: u64 = r.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=60).contains(&retry));
    // Another client has its own bucket; the window resets with the clock.
    login_with(&emu, demo::OTP_USER, &[]).error(403, "mfa_required");
    emu.advance_clock(61);
    send(&emu, "GET", "/.well-known/jwks.json", &[], None).ok();
}

#[test]
fn control_api_over_http() {
    let emu = demo_emu();
    let before = emu.now();
    let r = post_json(
        &emu,
        "/_emulator/clock",
        None,
        json!({"advance_seconds": 3600}),
    );
    assert!(r.ok()["now"].as_u64().unwrap() >= before + 3600);
    assert!(emu.now() >= before + 3600);
    post_json(&emu, "/_emulator/faults", None, json!({"kind": "html_502"})).ok();
    assert_eq!(
        send(&emu, "GET", "/.well-known/jwks.json", &[], None).status,
        502
    );
    post_json(&emu, "/_emulator/faults", None, json!({"kind": "bogus"}))
        .error(400, "invalid_request");
    post_json(
        &emu,
        "/_emulator/push/approve",
        None,
        json!({"username": demo::PUSH_USER}),
    )
    .error(404, "not_found");
    // JSON labelled as a form, as `curl -d '{...}'` sends it, is JSON still.
    send(
        &emu,
        "POST",
        "/_emulator/push/approve",
        &[],
        Some((
            "application/x-www-form-urlencoded",
            json!({"username": demo::PUSH_USER}).to_string(),
        )),
    )
    .error(404, "not_found");
    let requests = send(&emu, "GET", "/_emulator/requests", &[], None).ok();
    assert_eq!(
        requests.as_array().unwrap().len(),
        1,
        "control requests are not recorded: {requests}"
    );
    assert_eq!(requests[0]["path"], "/.well-known/jwks.json");
    assert_eq!(
        send(&emu, "GET", "/_emulator/outbox", &[], None).ok(),
        json!([])
    );
    send(&emu, "GET", "/_emulator/nope", &[], None).error(404, "not_found");
}

#[test]
fn received_requests_are_recorded_raw() {
    let emu = demo_emu();
    let token = mfa_token(&emu, demo::OTP_USER);
    with_bearer(
        &emu,
        "DELETE",
        "/mfa/authenticators/totp%7Cdev_x?x=1",
        &token,
    )
    .error(401, "invalid_token");
    let got = emu.received();
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].method, "POST");
    assert_eq!(
        got[0].content_type.as_deref(),
        Some("application/x-www-form-urlencoded")
    );
    assert_eq!(got[0].body["username"], demo::OTP_USER);
    assert_eq!(got[0].body["grant_type"], "password");
    assert_eq!(got[1].path, "/mfa/authenticators/totp%7Cdev_x");
    assert_eq!(got[1].query.as_deref(), Some("x=1"));
    assert_eq!(got[1].authorization, Some(format!("Bearer {token}")));
    assert_eq!(got[1].body, Value::Null);
}

#[test]
fn faults_apply_to_the_next_requests_in_order() {
    let emu = demo_emu();
    let jwks = "/.well-known/jwks.json";
    emu.inject_fault(Fault::Html502);
    emu.inject_fault(Fault::TruncatedJson);
    emu.inject_fault(Fault::RateLimited {
        retry_after_secs: 7,
    });
    emu.inject_fault(Fault::Delay(Duration::from_millis(300)));
    let r = send(&emu, "GET", jwks, &[], None);
    assert_eq!(
        (r.status, r.header("content-type")),
        (502, Some("text/html"))
    );
    assert!(String::from_utf8_lossy(&r.body).contains("502 Bad Gateway"));
    let r = send(&emu, "GET", jwks, &[], None);
    assert_eq!(r.status, 200);
    assert!(serde_json::from_slice::<Value>(&r.body).is_err());
    let r = send(&emu, "GET", jwks, &[], None);
    r.error(429, "too_many_requests");
    assert_eq!(r.header("retry-after"), Some("7"));
    let started = Instant::now();
    send(&emu, "GET", jwks, &[], None).ok();
    assert!(started.elapsed() >= Duration::from_millis(300));
    send(&emu, "GET", jwks, &[], None).ok();
}

#[test]
fn reset_and_oversized_faults() {
    let emu = demo_emu();
    emu.inject_fault(Fault::ResetConnection);
    let req = "GET /.well-known/jwks.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    assert!(
        raw_request(&emu.base_url(), req.as_bytes()).is_err(),
        "no response expected"
    );
    emu.inject_fault(Fault::OversizedBody);
    let r = send(&emu, "GET", "/.well-known/jwks.json", &[], None);
    assert_eq!(r.status, 200);
    assert!(r.body.len() >= faults::OVERSIZED_BYTES);
    send(&emu, "GET", "/.well-known/jwks.json", &[], None).ok();
}

#[test]
fn date_header_follows_the_clock() {
    let emu = emu_with("clock_skew_seconds = -7200");
    let r = send(&emu, "GET", "/.well-known/jwks.json", &[], None);
    let now = emu.now();
    let date = r.header("date").unwrap();
    assert!(
        date == http::http_date(now) || date == http::http_date(now - 1),
        "{date}"
    );
    assert!(
        now + 7200 - 5
            < std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_secs()
    );
}

#[test]
fn a_multi_thread_emulator_serves_concurrent_logins() {
    let mut toml = String::from("[[clients]]\nclient_id = \"c\"\nclient_secret = \"s\"\n");
    for i in 0..8 {
        toml.push_str(&format!(
            "[[users]]\nusername = \"u{i}@example.com\"\npassword = \"p\"\n\
             [[users.authenticators]]\ntype = \"otp\"\nsecret = \"{}\"\n",
            demo::OTP_SECRET
        ));
    }
    let options = Options {
        threads: 2,
        ..Options::default()
    };
    let emu =
        Emulator::start_in_background_with(Tenant::from_toml(&toml).unwrap(), options).unwrap();
    let code = totp(&emu, demo::OTP_SECRET, 0);
    std::thread::scope(|scope| {
        for i in 0..8 {
            let (emu, code) = (&emu, &code);
            scope.spawn(move || {
                let user = format!("u{i}@example.com");
                let client = [("client_id", "c"), ("client_secret", "s")];
                let mut fields = vec![
                    ("grant_type", "password"),
                    ("username", &user),
                    ("password", "p"),
                ];
                fields.extend(client);
                let token =
                    form(emu, "/oauth/token", &fields).error(403, "mfa_required")["mfa_token"]
                        .as_str()
                        .unwrap()
                        .to_string();
                let mut fields = vec![
                    ("grant_type", OTP_GRANT),
                    ("mfa_token", &token),
                    ("otp", code),
                ];
                fields.extend(client);
                let set = form(emu, "/oauth/token", &fields).ok();
                assert!(
                    tokens::keys()
                        .verify_jwt(set["access_token"].as_str().unwrap())
                        .is_some()
                );
            });
        }
    });
    assert_eq!(emu.received().len(), 16);
}

#[test]
fn token_answers_are_plain_json_and_never_cached() {
    let emu = demo_emu();
    let token = mfa_token(&emu, demo::OTP_USER);
    let code = totp(&emu, demo::OTP_SECRET, 0);
    for answer in [
        grant(&emu, OTP_GRANT, &token, &[("otp", &code)]),
        grant(&emu, OTP_GRANT, &token, &[("otp", &code)]),
    ] {
        // As recorded: /oauth/token says no charset, the /mfa/ endpoints do.
        assert_eq!(answer.header("content-type"), Some("application/json"));
        assert_eq!(answer.header("cache-control"), Some("no-store"));
        assert_eq!(answer.header("pragma"), Some("no-cache"));
    }
    let list = send(
        &emu,
        "GET",
        "/mfa/authenticators",
        &[("Authorization", &format!("Bearer {token}"))],
        None,
    );
    assert_eq!(
        list.header("content-type"),
        Some("application/json; charset=utf-8")
    );
}

#[test]
fn userinfo_answers_with_the_claims_the_token_s_scopes_allow() {
    let emu = demo_emu();
    let base = emu.base_url();
    let userinfo = |token: &str| {
        send(
            &emu,
            "GET",
            "/userinfo",
            &[("Authorization", &format!("Bearer {token}"))],
            None,
        )
    };
    let logged_in = |scope: &str, audience: Option<&str>| {
        let mut extra = vec![("scope", scope)];
        extra.extend(audience.map(|a| ("audience", a)));
        let answer = login_with(&emu, demo::OTP_USER, &extra);
        let token = answer.error(403, "mfa_required")["mfa_token"]
            .as_str()
            .unwrap()
            .to_owned();
        let code = totp(&emu, demo::OTP_SECRET, 0);
        let set = grant(&emu, OTP_GRANT, &token, &[("otp", &code)]).ok();
        // The next login's code is of the next step (a code is spent once).
        emu.advance_clock(30);
        set["access_token"].as_str().unwrap().to_owned()
    };

    let profile = userinfo(&logged_in("openid profile email", None)).ok();
    assert!(profile["sub"].as_str().unwrap().starts_with("auth0|"));
    assert_eq!(profile["email"], demo::OTP_USER);
    assert!(profile["email_verified"].is_boolean());
    assert!(profile["name"].is_string() && profile["nickname"].is_string());

    let only_sub = userinfo(&logged_in("openid", None)).ok();
    assert_eq!(only_sub.as_object().unwrap().len(), 1, "{only_sub}");

    // An API's token with openid also names the userinfo URL, and works there.
    let api = "https://api.example.com/";
    let token = logged_in("openid email", Some(api));
    assert_eq!(
        claims(&token)["aud"],
        json!([api, format!("{base}/userinfo")])
    );
    assert_eq!(userinfo(&token).ok()["email"], demo::OTP_USER);
    // Without openid it is the API's alone, and /userinfo refuses it.
    let token = logged_in("read:things", Some(api));
    assert_eq!(claims(&token)["aud"], api);
    let refused = userinfo(&token);
    refused.error(401, "invalid_token");
    assert!(
        refused
            .header("www-authenticate")
            .unwrap()
            .starts_with("Bearer error=\"invalid_token\"")
    );

    userinfo("not-a-token").error(401, "invalid_token");
    send(&emu, "GET", "/userinfo", &[], None).error(401, "invalid_token");
    send(&emu, "DELETE", "/userinfo", &[], None).error(405, "method_not_allowed");
}

#[test]
fn a_tenant_that_lists_its_apis_refuses_an_unknown_audience_as_auth0_does() {
    let emu = emu_with("apis = [\"https://api.example.com/\"]");
    let base = emu.base_url();
    let refused = login_with(
        &emu,
        demo::OTP_USER,
        &[("audience", "https://typo.example.com/")],
    );
    assert_eq!(
        refused.error(403, "access_denied")["error_description"],
        "Service not found: https://typo.example.com/"
    );
    for known in [
        "https://api.example.com/".to_owned(),
        format!("{base}/mfa/"),
        format!("{base}/userinfo"),
    ] {
        login_with(&emu, demo::OTP_USER, &[("audience", &known)]).error(403, "mfa_required");
    }
    // Listing none, any audience is taken (the demo tenant).
    login_with(
        &demo_emu(),
        demo::OTP_USER,
        &[("audience", "https://typo.example.com/")],
    )
    .error(403, "mfa_required");
}

#[test]
fn the_fault_queue_and_the_rate_limit_table_are_bounded() {
    let emu = demo_emu();
    let fault = json!({"kind": "html_502"}).to_string();
    for _ in 0..100 {
        send(
            &emu,
            "POST",
            "/_emulator/faults",
            &[],
            Some(("application/json", fault.clone())),
        )
        .ok();
    }
    send(
        &emu,
        "POST",
        "/_emulator/faults",
        &[],
        Some(("application/json", fault)),
    )
    .error(429, "too_many_faults");
    assert_eq!(emu.shared.lock().faults.len(), 100);
    emu.shared.lock().faults.clear();
    // Made-up client ids share one window: the table stays the size of the tenant.
    for i in 0..50 {
        form(
            &emu,
            "/oauth/token",
            &[("client_id", &format!("made-up-{i}"))],
        );
    }
    form(&emu, "/oauth/token", &[("client_id", demo::CLIENT_ID)]);
    assert_eq!(emu.shared.lock().rate.len(), 2);
}

/// Logins that are never finished do not grow the emulator: past its capacity the
/// oldest transaction is forgotten, as if it had expired, and the newest still work.
#[test]
fn unfinished_logins_are_forgotten_oldest_first_past_the_cap() {
    use super::super::limits::MAX_PENDING_LOGINS;
    let emu = emu_with("rate_limit = 100000");
    let first = mfa_token(&emu, demo::OTP_USER);
    let second = mfa_token(&emu, demo::OTP_USER);
    for _ in 0..MAX_PENDING_LOGINS - 1 {
        mfa_token(&emu, demo::OTP_USER);
    }
    let newest = mfa_token(&emu, demo::OTP_USER);
    let forgotten = |token: &str| {
        let r = grant(&emu, OTP_GRANT, token, &[("otp", "000000")]);
        r.error(403, "invalid_grant")["error_description"] == "Malformed mfa_token"
    };
    assert!(forgotten(&first), "the oldest is forgotten");
    assert!(forgotten(&second), "and the next oldest");
    let code = totp(&emu, demo::OTP_SECRET, 0);
    grant(&emu, OTP_GRANT, &newest, &[("otp", &code)]).ok();
}
