//! The names the emulator is reached by: every URL it answers with (discovery, token
//! `iss`, the push enrollment's `base_url`) follows the `Host` the client used, or the
//! public URL when one is given, and tokens for the MFA API work under any of them.

use super::*;

fn form_as(emu: &Emulator, host: &str, fields: &[(&str, &str)]) -> Resp {
    let body = fields
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&");
    send_as(
        emu,
        host,
        "POST",
        "/oauth/token",
        &[],
        Some(("application/x-www-form-urlencoded", body)),
    )
}

/// An OTP login through `host`, for the MFA API audience of that host.
fn login_as(emu: &Emulator, host: &str, audience: &str) -> Value {
    let mut fields = vec![
        ("grant_type", "password"),
        ("username", demo::OTP_USER),
        ("password", demo::PASSWORD),
        ("scope", "openid read:authenticators"),
        ("audience", audience),
    ];
    fields.extend(client());
    let token = form_as(emu, host, &fields).error(403, "mfa_required")["mfa_token"]
        .as_str()
        .unwrap()
        .to_string();
    let code = totp(emu, demo::OTP_SECRET, 0);
    let mut fields = vec![
        ("grant_type", OTP_GRANT),
        ("mfa_token", &token),
        ("otp", &code),
    ];
    fields.extend(client());
    let set = form_as(emu, host, &fields).ok();
    emu.advance_clock(30);
    set
}

#[test]
fn urls_and_issuers_follow_the_host_the_client_used() {
    let emu = demo_emu();
    let doc = send_as(
        &emu,
        "auth0.test:8787",
        "GET",
        "/.well-known/openid-configuration",
        &[],
        None,
    )
    .ok();
    assert_eq!(doc["issuer"], "http://auth0.test:8787/");
    for (key, path) in [
        ("token_endpoint", "/oauth/token"),
        ("mfa_challenge_endpoint", "/mfa/challenge"),
        ("jwks_uri", "/.well-known/jwks.json"),
        ("revocation_endpoint", "/oauth/revoke"),
    ] {
        assert_eq!(doc[key], format!("http://auth0.test:8787{path}"), "{key}");
    }
    let set = login_as(&emu, "auth0.test:8787", "http://auth0.test:8787/mfa/");
    let access = set["access_token"].as_str().unwrap();
    assert_eq!(claims(access)["iss"], "http://auth0.test:8787/");
    assert_eq!(
        claims(set["id_token"].as_str().unwrap())["iss"],
        "http://auth0.test:8787/"
    );
    assert_eq!(set["expires_in"], 600, "an MFA API token");
    // The token works at the /mfa/ endpoints whichever name they are reached by.
    let auth = format!("Bearer {access}");
    for host in ["auth0.test:8787", &emu.local_addr().to_string()] {
        let headers = [("Authorization", auth.as_str())];
        send_as(&emu, host, "GET", "/mfa/authenticators", &headers, None).ok();
    }
    // A Host unfit for a URL falls back to the bound address.
    let doc = send_as(
        &emu,
        "bad/host",
        "GET",
        "/.well-known/openid-configuration",
        &[],
        None,
    )
    .ok();
    assert_eq!(doc["issuer"], format!("{}/", emu.base_url()));
}

#[test]
fn a_public_url_wins_over_the_host() {
    let options = Options {
        public_url: Some("https://auth0.test/".into()),
        ..Options::default()
    };
    let emu = Emulator::start_in_background_with(Tenant::demo(), options).unwrap();
    assert_eq!(emu.base_url(), "https://auth0.test");
    let doc = send_as(
        &emu,
        "10.0.0.7:8787",
        "GET",
        "/.well-known/openid-configuration",
        &[],
        None,
    )
    .ok();
    assert_eq!(doc["issuer"], "https://auth0.test/");
    assert_eq!(doc["token_endpoint"], "https://auth0.test/oauth/token");
    let token = mfa_token(&emu, demo::NEW_USER);
    let body = json!({"authenticator_types": ["oob"], "oob_channels": ["auth0"]}).to_string();
    let auth = format!("Bearer {token}");
    let headers = [("Authorization", auth.as_str())];
    let push = send_as(
        &emu,
        "x",
        "POST",
        "/mfa/associate",
        &headers,
        Some(("application/json", body)),
    )
    .ok();
    assert!(
        push["barcode_uri"]
            .as_str()
            .unwrap()
            .ends_with("&base_url=https%3A%2F%2Fauth0.test"),
        "{push}"
    );
    for bad in [
        "ftp://x",
        "https://",
        "https://a/b",
        "https://u@h",
        "auth0.test",
    ] {
        let options = Options {
            public_url: Some(bad.into()),
            ..Options::default()
        };
        assert!(
            Emulator::start_in_background_with(Tenant::demo(), options).is_err(),
            "{bad}"
        );
    }
}
