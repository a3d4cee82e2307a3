//! The `Auth0-Client` header, seen by a tiny local server (the emulator does
//! not record headers): every request names the tool, as Auth0's SDKs do, and
//! `AUTH0_MFA_NO_CLIENT_INFO=1` leaves it out.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::mpsc;
use std::time::Duration;

use base64::Engine;
use serde_json::Value;
use tempfile::TempDir;

use crate::harness::*;

/// Runs `challenge` against a server that answers one request with an OTP
/// challenge; returns the request's headers (names lowercased) and stdout.
fn one_request(extra_env: &[(&str, &str)]) -> (Vec<(String, String)>, Value) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (sent, received) = mpsc::channel();
    std::thread::spawn(move || {
        let (stream, _) = listener.accept().unwrap();
        let mut reader = BufReader::new(stream);
        let mut headers = Vec::new();
        let mut length = 0;
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some((name, value)) = line.split_once(':') {
                let (name, value) = (name.trim().to_ascii_lowercase(), value.trim().to_owned());
                if name == "content-length" {
                    length = value.parse().unwrap();
                }
                headers.push((name, value));
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).unwrap();
        let answer = r#"{"challenge_type":"otp"}"#;
        let mut stream = reader.into_inner();
        write!(
            stream,
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{answer}",
            answer.len()
        )
        .unwrap();
        let _ = sent.send(headers);
    });
    let home = TempDir::new().unwrap();
    let mut cmd = bare_cmd(&home);
    cmd.env("AUTH0_DOMAIN", format!("http://127.0.0.1:{port}"))
        .env("AUTH0_CLIENT_ID", "client-1")
        .env("AUTH0_CLIENT_SECRET", "secret-1");
    for (name, value) in extra_env {
        cmd.env(name, value);
    }
    let output = cmd
        .args([
            "challenge",
            "--mfa-token",
            "Fe26.2*opaque",
            "--type",
            "otp",
            "--json",
        ])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let headers = received
        .recv_timeout(Duration::from_secs(30))
        .expect("the request reached the server");
    (headers, stdout_json(&output))
}

#[test]
fn every_request_names_the_tool_in_auth0_client() {
    let (headers, answer) = one_request(&[]);
    assert_eq!(answer["challenge_type"], "otp");
    let value = headers
        .iter()
        .find(|(name, _)| name == "auth0-client")
        .map(|(_, value)| value.clone())
        .expect("an Auth0-Client header");
    // base64url without padding, as Auth0's SDKs encode it.
    assert!(!value.contains(['=', '+', '/']), "{value}");
    let json = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(&value)
        .unwrap();
    let info: Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(info["name"], "auth0-mfa");
    assert_eq!(info["version"], env!("CARGO_PKG_VERSION"));
    assert!(info["env"].is_object(), "{info}");
    let agent = headers.iter().find(|(name, _)| name == "user-agent");
    assert_eq!(
        agent.map(|(_, v)| v.as_str()),
        Some(concat!("auth0-mfa/", env!("CARGO_PKG_VERSION")))
    );
}

#[test]
fn auth0_mfa_no_client_info_leaves_it_out() {
    let (headers, answer) = one_request(&[("AUTH0_MFA_NO_CLIENT_INFO", "1")]);
    assert_eq!(answer["challenge_type"], "otp");
    assert!(
        !headers.iter().any(|(name, _)| name == "auth0-client"),
        "{headers:?}"
    );
    assert!(headers.iter().any(|(name, _)| name == "user-agent"));
}
