//! private_key_jwt client assertions, checked as Auth0 documents them.

use super::*;

fn assertion(emu: &Emulator, alg: &str, claims_patch: Value) -> String {
    use ring::signature::{RSA_PKCS1_SHA256, RSA_PKCS1_SHA384, RSA_PSS_SHA256, RsaEncoding};
    let key = keys::parse_private_key(demo::JWT_CLIENT_PRIVATE_KEY_PEM).unwrap();
    let now = emu.now();
    let mut claims = json!({
        "iss": demo::JWT_CLIENT_ID, "sub": demo::JWT_CLIENT_ID, "aud": format!("{}/", emu.base_url()),
        "iat": now, "exp": now + 60, "jti": tokens::random_alphanumeric(20),
    });
    for (k, v) in claims_patch.as_object().unwrap() {
        claims[k] = v.clone();
    }
    let input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(json!({"alg": alg, "typ": "JWT"}).to_string()),
        URL_SAFE_NO_PAD.encode(claims.to_string())
    );
    let padding: &dyn RsaEncoding = match alg {
        "PS256" => &RSA_PSS_SHA256,
        "RS384" => &RSA_PKCS1_SHA384,
        _ => &RSA_PKCS1_SHA256,
    };
    let mut sig = vec![0; key.public().modulus_len()];
    key.sign(
        padding,
        &ring::rand::SystemRandom::new(),
        input.as_bytes(),
        &mut sig,
    )
    .unwrap();
    format!("{input}.{}", URL_SAFE_NO_PAD.encode(sig))
}

fn jwt_login(emu: &Emulator, assertion: &str) -> Resp {
    form(
        emu,
        "/oauth/token",
        &[
            ("grant_type", "password"),
            ("username", demo::OTP_USER),
            ("password", demo::PASSWORD),
            ("client_assertion_type", client_auth_type()),
            ("client_assertion", assertion),
        ],
    )
}

fn client_auth_type() -> &'static str {
    "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
}

#[test]
fn private_key_jwt_client_authentication() {
    let emu = demo_emu();
    for alg in ["RS256", "RS384", "PS256"] {
        jwt_login(&emu, &assertion(&emu, alg, json!({}))).error(403, "mfa_required");
    }
    let once = assertion(&emu, "RS256", json!({}));
    jwt_login(&emu, &once).error(403, "mfa_required");
    let r = jwt_login(&emu, &once);
    assert!(
        r.error(401, "invalid_client")["error_description"]
            .as_str()
            .unwrap()
            .contains("already used")
    );
    let base = emu.base_url();
    jwt_login(&emu, &assertion(&emu, "RS256", json!({"aud": base}))).error(401, "invalid_client");
    jwt_login(
        &emu,
        &assertion(&emu, "RS256", json!({"exp": emu.now() + 3600})),
    )
    .error(401, "invalid_client");
    jwt_login(
        &emu,
        &assertion(&emu, "RS256", json!({"exp": emu.now() - 60})),
    )
    .error(401, "invalid_client");
    jwt_login(&emu, &assertion(&emu, "HS256", json!({}))).error(401, "invalid_client");
    let mut forged = assertion(&emu, "RS256", json!({}));
    forged.truncate(forged.len() - 4);
    forged.push_str("AAAA");
    jwt_login(&emu, &forged).error(401, "invalid_client");
    // The assertion authenticates /mfa/challenge too.
    let token = jwt_login(&emu, &assertion(&emu, "RS256", json!({}))).error(403, "mfa_required")["mfa_token"]
        .as_str()
        .unwrap()
        .to_string();
    let r = form(
        &emu,
        "/mfa/challenge",
        &[
            ("mfa_token", &token),
            ("client_assertion_type", client_auth_type()),
            ("client_assertion", &assertion(&emu, "PS256", json!({}))),
        ],
    );
    assert_eq!(r.ok(), json!({"challenge_type": "otp"}));
    // A client with a key cannot skip authentication.
    form(
        &emu,
        "/oauth/token",
        &[
            ("grant_type", "password"),
            ("username", demo::OTP_USER),
            ("password", demo::PASSWORD),
            ("client_id", demo::JWT_CLIENT_ID),
        ],
    )
    .error(401, "invalid_client");
}

#[test]
fn an_assertion_living_longer_than_five_minutes_from_iat_is_refused() {
    let emu = demo_emu();
    let now = emu.now();
    let long = assertion(&emu, "RS256", json!({"iat": now - 3600, "exp": now + 300}));
    jwt_login(&emu, &long).error(401, "invalid_client");
    // Absurd numbers are refused, not overflowed.
    let huge = assertion(&emu, "RS256", json!({"exp": u64::MAX}));
    jwt_login(&emu, &huge).error(401, "invalid_client");
    assert!(emu.now() > 0, "the emulator still answers");
}
