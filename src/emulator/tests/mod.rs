//! HTTP-level tests of the emulator, over raw TCP with hand-written HTTP/1.1, so they
//! depend on nothing but the wire format. This file holds the helpers; each child
//! module covers one part of the tenant.

mod basics;
mod client_auth;
mod enrollment;
mod factors;
mod mgmt_config;
mod mgmt_sdk;
mod mgmt_token;
mod mgmt_users;
mod origin;
mod replay;
mod sessions;

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
    send_as(
        emu,
        &emu.local_addr().to_string(),
        method,
        path,
        headers,
        body,
    )
}

/// A request as a client that reached the emulator by the name `host` sends it.
fn send_as(
    emu: &Emulator,
    host: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<(&str, String)>,
) -> Resp {
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n");
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
    raw_request(&bound(emu), req.as_bytes()).expect("request failed")
}

/// Where the emulator listens (its base URL may be a public URL that resolves elsewhere).
fn bound(emu: &Emulator) -> String {
    format!("http://{}", emu.local_addr())
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

/// The Management API audience of an emulator, as its base URL names it.
fn mgmt_audience(emu: &Emulator) -> String {
    format!("{}/api/v2/", emu.base_url())
}

/// The client-credentials grant of the demo M2M application, as the SDKs send it (a
/// form); `scope` None asks for every scope granted.
fn mgmt_grant(emu: &Emulator, scope: Option<&str>) -> Resp {
    let audience = mgmt_audience(emu);
    let mut fields = vec![
        ("grant_type", "client_credentials"),
        ("client_id", demo::MGMT_CLIENT_ID),
        ("client_secret", demo::MGMT_CLIENT_SECRET),
        ("audience", audience.as_str()),
    ];
    fields.extend(scope.map(|s| ("scope", s)));
    form(emu, "/oauth/token", &fields)
}

/// A Management API token of the demo M2M application.
fn mgmt_token(emu: &Emulator, scope: Option<&str>) -> String {
    mgmt_grant(emu, scope).ok()["access_token"]
        .as_str()
        .unwrap()
        .to_string()
}

/// A Management API request with a bearer token and an optional JSON body.
fn mgmt(emu: &Emulator, method: &str, path: &str, token: &str, body: Option<Value>) -> Resp {
    let auth = format!("Bearer {token}");
    send(
        emu,
        method,
        path,
        &[("Authorization", auth.as_str())],
        body.map(|b| ("application/json", b.to_string())),
    )
}

impl Resp {
    /// Asserts a Management API error: status, `message`, `errorCode`; returns the body.
    fn mgmt_error(&self, status: u16, message: &str, error_code: Option<&str>) -> Value {
        let body = self.json();
        assert_eq!(
            (
                self.status,
                body["statusCode"].as_u64(),
                body["message"].as_str()
            ),
            (status, Some(u64::from(status)), Some(message)),
            "{body}"
        );
        assert_eq!(body["errorCode"].as_str(), error_code, "{body}");
        body
    }
}

/// A user id as a path segment, percent-encoded as the SDKs send it.
fn user_path(user_id: &str) -> String {
    format!("/api/v2/users/{}", encode(user_id))
}

/// Creates a database user in the demo connection; returns its body.
fn create_user(emu: &Emulator, token: &str, email: &str) -> Value {
    let r = mgmt(
        emu,
        "POST",
        "/api/v2/users",
        token,
        Some(json!({
            "connection": demo::REALM,
            "email": email,
            "password": demo::PASSWORD,
            "email_verified": false,
        })),
    );
    let body = r.json();
    assert_eq!(r.status, 201, "{body}");
    body
}

/// Asserts a 204 without a body.
fn assert_no_content(r: &Resp) {
    assert_eq!(
        (r.status, r.body.len()),
        (204, 0),
        "{}",
        String::from_utf8_lossy(&r.body)
    );
}
