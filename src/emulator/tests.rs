//! HTTP-level tests of the emulator, over raw TCP with hand-written HTTP/1.1, so they
//! depend on nothing but the wire format.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Value, json};

use super::demo;
use super::otp;
use super::*;

const OTP_GRANT: &str = "http://auth0.com/oauth/grant-type/mfa-otp";
const OOB_GRANT: &str = "http://auth0.com/oauth/grant-type/mfa-oob";
const RECOVERY_GRANT: &str = "http://auth0.com/oauth/grant-type/mfa-recovery-code";

struct Resp {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Resp {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "status {} body is not JSON ({e}): {}",
                self.status,
                String::from_utf8_lossy(&self.body[..self.body.len().min(300)])
            )
        })
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Asserts status and `error`, returns the body.
    fn error(&self, status: u16, error: &str) -> Value {
        let body = self.json();
        assert_eq!(
            (self.status, body["error"].as_str()),
            (status, Some(error)),
            "{body}"
        );
        body
    }

    fn ok(&self) -> Value {
        let body = self.json();
        assert_eq!(self.status, 200, "{body}");
        body
    }
}

fn raw_request(base: &str, request: &[u8]) -> std::io::Result<Resp> {
    let addr = base.trim_start_matches("http://");
    let mut stream = TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(Duration::from_secs(20)))?;
    stream.write_all(request)?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| {
            std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "no response head")
        })?;
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap_or("")
        .split(' ')
        .nth(1)
        .unwrap_or("0")
        .parse()
        .unwrap_or(0);
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    let chunked = headers
        .iter()
        .any(|(n, v)| n.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    if chunked {
        body = dechunk(&body);
    }
    Ok(Resp {
        status,
        headers,
        body,
    })
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = data.windows(2).position(|w| w == b"\r\n") {
        let size =
            usize::from_str_radix(std::str::from_utf8(&data[..eol]).unwrap().trim(), 16).unwrap();
        if size == 0 {
            break;
        }
        out.extend_from_slice(&data[eol + 2..eol + 2 + size]);
        data = &data[eol + 4 + size..];
    }
    out
}

fn send(
    emu: &Emulator,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<(&str, String)>,
) -> Resp {
    let mut req = format!(
        "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n",
        emu.local_addr()
    );
    for (n, v) in headers {
        req.push_str(&format!("{n}: {v}\r\n"));
    }
    let body = match body {
        Some((ct, b)) => {
            req.push_str(&format!(
                "Content-Type: {ct}\r\nContent-Length: {}\r\n",
                b.len()
            ));
            b
        }
        None => String::new(),
    };
    req.push_str("\r\n");
    req.push_str(&body);
    raw_request(&emu.base_url(), req.as_bytes()).expect("request failed")
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn form(emu: &Emulator, path: &str, fields: &[(&str, &str)]) -> Resp {
    let body = fields
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&");
    send(
        emu,
        "POST",
        path,
        &[],
        Some(("application/x-www-form-urlencoded", body)),
    )
}

fn post_json(emu: &Emulator, path: &str, bearer: Option<&str>, body: Value) -> Resp {
    let auth = bearer.map(|b| format!("Bearer {b}"));
    let headers: Vec<(&str, &str)> = auth.iter().map(|a| ("Authorization", a.as_str())).collect();
    send(
        emu,
        "POST",
        path,
        &headers,
        Some(("application/json", body.to_string())),
    )
}

fn with_bearer(emu: &Emulator, method: &str, path: &str, bearer: &str) -> Resp {
    send(
        emu,
        method,
        path,
        &[("Authorization", &format!("Bearer {bearer}"))],
        None,
    )
}

fn client() -> [(&'static str, &'static str); 2] {
    [
        ("client_id", demo::CLIENT_ID),
        ("client_secret", demo::CLIENT_SECRET),
    ]
}

fn login_with(emu: &Emulator, user: &str, extra: &[(&str, &str)]) -> Resp {
    let mut fields = vec![
        ("grant_type", "password"),
        ("username", user),
        ("password", demo::PASSWORD),
    ];
    fields.extend(client());
    fields.extend(extra);
    form(emu, "/oauth/token", &fields)
}

/// Logs in and returns the mfa_token of the `mfa_required` answer.
fn mfa_token(emu: &Emulator, user: &str) -> String {
    let r = login_with(
        emu,
        user,
        &[("scope", "openid profile email offline_access")],
    );
    r.error(403, "mfa_required")["mfa_token"]
        .as_str()
        .unwrap()
        .to_string()
}

fn grant(emu: &Emulator, grant_type: &str, token: &str, extra: &[(&str, &str)]) -> Resp {
    let mut fields = vec![("grant_type", grant_type), ("mfa_token", token)];
    fields.extend(client());
    fields.extend(extra);
    form(emu, "/oauth/token", &fields)
}

fn totp(emu: &Emulator, secret: &str, steps_back: u64) -> String {
    otp::code_at_step(
        &otp::decode_secret(secret).unwrap(),
        emu.now() / 30 - steps_back,
    )
}

fn challenge(emu: &Emulator, token: &str, extra: Value) -> Resp {
    let mut body = json!({"mfa_token": token, "client_id": demo::CLIENT_ID, "client_secret": demo::CLIENT_SECRET});
    for (k, v) in extra.as_object().unwrap() {
        body[k] = v.clone();
    }
    post_json(emu, "/mfa/challenge", None, body)
}

fn claims(jwt: &str) -> Value {
    let part = jwt.split('.').nth(1).unwrap();
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(part).unwrap()).unwrap()
}

fn demo_emu() -> Emulator {
    Emulator::start_in_background(Tenant::demo()).unwrap()
}

fn emu_with(settings: &str) -> Emulator {
    let mut t = Tenant::demo();
    let parsed = Tenant::from_toml(&format!(
        "[settings]\n{settings}\n[[clients]]\nclient_id=\"x\"\n"
    ))
    .unwrap();
    t.settings = parsed.settings;
    Emulator::start_in_background(t).unwrap()
}

/// Finds an authenticator id of the user's by prefix, via the list endpoint.
fn authenticator_id(emu: &Emulator, token: &str, prefix: &str) -> String {
    let list = with_bearer(emu, "GET", "/mfa/authenticators", token).ok();
    list.as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .find(|id| id.starts_with(prefix))
        .unwrap_or_else(|| panic!("no {prefix} in {list}"))
}

// ---- Phase 1 ----

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
    // The refresh token works, for its own client only.
    let rt = set["refresh_token"].as_str().unwrap();
    let mut fields = vec![("grant_type", "refresh_token"), ("refresh_token", rt)];
    fields.extend(client());
    let refreshed = form(&emu, "/oauth/token", &fields).ok();
    assert!(refreshed["access_token"].is_string() && refreshed.get("refresh_token").is_none());
    form(
        &emu,
        "/oauth/token",
        &[
            ("grant_type", "refresh_token"),
            ("refresh_token", rt),
            ("client_id", demo::PUBLIC_CLIENT_ID),
        ],
    )
    .error(403, "invalid_grant");
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
    challenge(&emu, &token, json!({"challenge_type": "oob"}))
        .error(401, "unsupported_challenge_type");
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
    let new = mfa_token(&emu, demo::NEW_USER);
    challenge(&emu, &new, json!({})).error(400, "association_required");
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

// ---- Phase 2 ----

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
    grant(&emu, OOB_GRANT, &token, &[("oob_code", oob)]).error(400, "slow_down");
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
    grant(&emu, OOB_GRANT, &token, &[("oob_code", &oob)]).error(400, "expired_token");

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

// ---- Phase 3 ----

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
    challenge(&emu, &token, json!({})).error(400, "association_required");
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
    assert_eq!(doc["issuer"], format!("{}/", emu.base_url()));
}

// ---- private_key_jwt ----

fn assertion(emu: &Emulator, alg: &str, claims_patch: Value) -> String {
    use rsa::pkcs8::DecodePrivateKey;
    use rsa::signature::{RandomizedSigner, SignatureEncoding, Signer};
    let key = rsa::RsaPrivateKey::from_pkcs8_pem(demo::JWT_CLIENT_PRIVATE_KEY_PEM).unwrap();
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
    let sig = match alg {
        "PS256" => rsa::pss::BlindedSigningKey::<sha2::Sha256>::new(key)
            .sign_with_rng(&mut rand::thread_rng(), input.as_bytes())
            .to_vec(),
        "RS384" => rsa::pkcs1v15::SigningKey::<sha2::Sha384>::new(key)
            .sign(input.as_bytes())
            .to_vec(),
        _ => rsa::pkcs1v15::SigningKey::<sha2::Sha256>::new(key)
            .sign(input.as_bytes())
            .to_vec(),
    };
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
