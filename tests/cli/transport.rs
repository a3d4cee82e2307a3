//! Client authentication, secret sources and transport: private_key_jwt,
//! secrets from files, config init, HTTPS with --cacert, proxies, 429s.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use auth0_mfa::emulator::{Emulator, Fault, Tenant, demo};
use base64::Engine;
use serde_json::Value;
use tempfile::TempDir;

use crate::harness::*;

fn claims(jwt: &str) -> Value {
    let payload = jwt.split('.').nth(1).unwrap();
    serde_json::from_slice(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(payload)
            .unwrap(),
    )
    .unwrap()
}

/// The binary as the demo tenant's private_key_jwt application, signing with `key`.
fn jwt_cmd(tenant: &TestTenant, key: &std::path::Path) -> assert_cmd::Command {
    let mut cmd = tenant.cmd();
    cmd.env_remove("AUTH0_CLIENT_SECRET")
        .env("AUTH0_CLIENT_ID", demo::JWT_CLIENT_ID)
        .env("AUTH0_CLIENT_ASSERTION_KEY", key);
    cmd
}

fn key_file(home: &TempDir, pem: &str) -> std::path::PathBuf {
    let path = home.path().join("client-key.pem");
    std::fs::write(&path, pem).unwrap();
    path
}

#[test]
fn private_key_jwt_signs_a_fresh_assertion_for_every_request() {
    let tenant = TestTenant::demo();
    let key = key_file(&tenant.home, demo::JWT_CLIENT_PRIVATE_KEY_PEM);
    let output = jwt_cmd(&tenant, &key)
        .args([
            "login",
            "--json",
            "-u",
            demo::OTP_USER,
            "--password",
            demo::PASSWORD,
        ])
        .args(["--otp-secret", demo::OTP_SECRET])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let mut jtis = Vec::new();
    for path in ["/oauth/token", "/mfa/challenge"] {
        for body in tenant.requests_to(path) {
            assert!(body.get("client_secret").is_none());
            assert_eq!(
                body["client_assertion_type"],
                "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
            );
            let c = claims(body["client_assertion"].as_str().unwrap());
            assert_eq!(c["iss"], demo::JWT_CLIENT_ID);
            assert_eq!(c["sub"], demo::JWT_CLIENT_ID);
            assert_eq!(c["aud"], format!("{}/", tenant.base_url()));
            assert_eq!(c["exp"].as_u64().unwrap() - c["iat"].as_u64().unwrap(), 60);
            jtis.push(c["jti"].as_str().unwrap().to_owned());
        }
    }
    assert_eq!(jtis.len(), 2, "password grant, mfa-otp grant");
    jtis.sort();
    jtis.dedup();
    assert_eq!(jtis.len(), 2, "every assertion is new");
}

#[test]
fn private_key_jwt_with_ps256_and_a_kid() {
    let tenant = TestTenant::demo();
    let key = key_file(&tenant.home, demo::JWT_CLIENT_PRIVATE_KEY_PEM);
    let output = tenant
        .cmd()
        .env_remove("AUTH0_CLIENT_SECRET")
        .args([
            "login",
            "--mfa-token-only",
            "-u",
            demo::OTP_USER,
            "--password",
            demo::PASSWORD,
        ])
        .args(["--client-id", demo::JWT_CLIENT_ID, "--client-assertion-key"])
        .arg(&key)
        .args([
            "--client-assertion-alg",
            "PS256",
            "--client-assertion-kid",
            "key-1",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let assertion = tenant.requests_to("/oauth/token")[0]["client_assertion"]
        .as_str()
        .unwrap()
        .to_owned();
    let header: Value = serde_json::from_slice(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(assertion.split('.').next().unwrap())
            .unwrap(),
    )
    .unwrap();
    assert_eq!(header["alg"], "PS256");
    assert_eq!(header["kid"], "key-1");
}

#[test]
fn a_wrong_key_is_refused_with_exit_4() {
    let tenant = TestTenant::demo();
    // A test key no application of the tenant registered.
    let pem = include_str!("../fixtures/unregistered-client-key.pem");
    let key = key_file(&tenant.home, pem);
    let output = jwt_cmd(&tenant, &key)
        .args([
            "login",
            "--json",
            "-u",
            demo::OTP_USER,
            "--password",
            demo::PASSWORD,
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4));
    assert_eq!(stdout_json(&output)["error"], "invalid_client");
}

#[test]
fn an_unusable_key_is_a_usage_error_before_any_request() {
    let tenant = TestTenant::demo();
    let garbage = key_file(
        &tenant.home,
        "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n",
    );
    for key in [
        garbage.display().to_string(),
        "/nonexistent/key.pem".to_owned(),
    ] {
        let output = tenant
            .cmd()
            .env("AUTH0_CLIENT_ASSERTION_KEY", &key)
            .args(["login", "-u", demo::OTP_USER, "--password", demo::PASSWORD])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{key}");
        assert!(
            stderr(&output).contains("client assertion key"),
            "{}",
            stderr(&output)
        );
    }
    assert!(tenant.emulator.received().is_empty());
}

#[test]
fn secrets_from_files_given_as_flags() {
    let tenant = TestTenant::demo();
    let secret = tenant.home.path().join("client-secret");
    std::fs::write(&secret, format!("{}\n", demo::CLIENT_SECRET)).unwrap();
    let password = tenant.home.path().join("password");
    std::fs::write(&password, demo::PASSWORD).unwrap();
    let output = tenant
        .cmd()
        .env("AUTH0_CLIENT_SECRET", "the-file-flag-wins-over-this")
        .args([
            "login",
            "--mfa-token-only",
            "-u",
            demo::OTP_USER,
            "--client-secret-file",
        ])
        .arg(&secret)
        .arg("--password-file")
        .arg(&password)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        tenant.requests_to("/oauth/token")[0]["client_secret"],
        demo::CLIENT_SECRET
    );

    let output = tenant
        .cmd()
        .args(["config", "show", "--json", "--client-secret-file"])
        .arg(&secret)
        .output()
        .unwrap();
    let shown = stdout_json(&output);
    assert_eq!(
        shown["settings"]["client_secret"]["source"],
        "flag --client-secret-file"
    );
    assert_eq!(shown["settings"]["client_secret"]["value"], "********");
}

#[test]
fn config_init_writes_a_private_profile_from_flags_and_environment() {
    let home = TempDir::new().unwrap();
    // A secret is written when given by flag; the environment's is not (a
    // CI step's secret stays out of files).
    let output = bare_cmd(&home)
        .env("AUTH0_CLIENT_ID", "abc")
        .args([
            "config",
            "init",
            "--profile",
            "dev",
            "--domain",
            "dev.us.auth0.com",
            "--client-secret",
            "init-secret",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let path = home.path().join(".config/auth0-mfa/config.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("[profiles.dev]") && text.contains("init-secret"),
        "{text}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    let output = bare_cmd(&home)
        .args(["config", "show", "--json"])
        .output()
        .unwrap();
    let shown = stdout_json(&output);
    assert_eq!(shown["profile"]["name"], "dev");
    assert_eq!(shown["settings"]["domain"]["value"], "dev.us.auth0.com");
    assert!(
        stderr(&output).is_empty(),
        "0600: no permission warning: {}",
        stderr(&output)
    );

    // A second profile keeps the first.
    let output = bare_cmd(&home)
        .args([
            "config",
            "init",
            "--profile",
            "ci",
            "--domain",
            "ci.eu.auth0.com",
            "--client-id",
            "xyz",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("[profiles.dev]") && text.contains("[profiles.ci]"),
        "{text}"
    );
}

#[test]
fn config_init_without_a_terminal_needs_the_required_values() {
    let home = TempDir::new().unwrap();
    let output = bare_cmd(&home)
        .args(["config", "init", "--client-id", "abc"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--domain"), "{}", stderr(&output));
    assert!(!home.path().join(".config/auth0-mfa/config.toml").exists());
}

fn tls_tenant(home: &TempDir) -> (Emulator, std::path::PathBuf) {
    let ca = home.path().join("ca.pem");
    (
        Emulator::start_tls_in_background(Tenant::demo(), &ca).unwrap(),
        ca,
    )
}

#[test]
fn https_with_cacert_works_and_without_it_names_the_fix() {
    let home = TempDir::new().unwrap();
    let (emulator, ca) = tls_tenant(&home);
    let base = emulator.base_url();
    assert!(base.starts_with("https://"));
    let login = |extra: &[&str]| {
        bare_cmd(&home)
            .env("AUTH0_DOMAIN", &base)
            .env("AUTH0_CLIENT_ID", demo::CLIENT_ID)
            .env("AUTH0_CLIENT_SECRET", demo::CLIENT_SECRET)
            .args([
                "login",
                "--json",
                "-u",
                demo::OTP_USER,
                "--password",
                demo::PASSWORD,
            ])
            .args(["--otp-secret", demo::OTP_SECRET])
            .args(extra)
            .output()
            .unwrap()
    };
    let output = login(&[]);
    assert_eq!(output.status.code(), Some(3), "{}", stdout(&output));
    let error = stdout_json(&output);
    assert_eq!(error["error"], "network_error");
    assert!(
        error["hint"].as_str().unwrap().contains("--cacert"),
        "{error}"
    );

    let output = login(&["--cacert", ca.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout_json(&output)["access_token"].is_string());
    // Over TLS client and emulator settle on HTTP/2, as with Auth0.
    let versions: Vec<String> = emulator
        .received()
        .into_iter()
        .map(|r| r.http_version)
        .collect();
    assert_eq!(versions, ["HTTP/2.0", "HTTP/2.0"]);
}

#[test]
fn an_unusable_cacert_is_a_usage_error() {
    let home = TempDir::new().unwrap();
    let bad = home.path().join("bad.pem");
    std::fs::write(&bad, "no certificates here").unwrap();
    let output = bare_cmd(&home)
        .args([
            "login",
            "-u",
            "x",
            "--password",
            "y",
            "--client-id",
            "c",
            "--domain",
            "t.auth0.com",
            "--cacert",
        ])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no certificate"),
        "{}",
        stderr(&output)
    );
}

/// A CONNECT proxy that tunnels every connection to `target`, whatever host
/// was asked for, and records the CONNECT lines it got.
fn tunnel_proxy(target: std::net::SocketAddr) -> (String, Arc<Mutex<Vec<String>>>) {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    let asked = Arc::new(Mutex::new(Vec::new()));
    let record = asked.clone();
    std::thread::spawn(move || {
        for client in listener.incoming().flatten() {
            let mut reader = BufReader::new(client.try_clone().unwrap());
            let mut line = String::new();
            let _ = reader.read_line(&mut line);
            record.lock().unwrap().push(line.trim().to_owned());
            loop {
                let mut header = String::new();
                if reader.read_line(&mut header).unwrap_or(0) == 0 || header == "\r\n" {
                    break;
                }
            }
            let Ok(server) = std::net::TcpStream::connect(target) else {
                continue;
            };
            let mut to_client = client;
            let _ = to_client.write_all(b"HTTP/1.1 200 Connection established\r\n\r\n");
            let (mut from_server, mut to_server) = (server.try_clone().unwrap(), server);
            let mut from_client = reader.into_inner();
            std::thread::spawn(move || std::io::copy(&mut from_client, &mut to_server));
            std::thread::spawn(move || std::io::copy(&mut from_server, &mut to_client));
        }
    });
    (address, asked)
}

#[test]
fn the_standard_proxy_variables_are_used_for_a_tenant_beyond_this_machine() {
    let home = TempDir::new().unwrap();
    let ca = home.path().join("ca.pem");
    let name = "tenant.proxied.test";
    let emulator = Emulator::start_in_background_with(
        Tenant::demo(),
        auth0_mfa::emulator::Options {
            tls: Some(auth0_mfa::emulator::TlsOptions {
                ca_file: ca.clone(),
                names: vec![name.to_owned()],
            }),
            ..Default::default()
        },
    )
    .unwrap();
    let (proxy, asked) = tunnel_proxy(emulator.local_addr());
    // The name resolves nowhere: only the proxy can reach it.
    let output = bare_cmd(&home)
        .env("AUTH0_DOMAIN", format!("https://{name}"))
        .env("AUTH0_CLIENT_ID", demo::CLIENT_ID)
        .env("AUTH0_CLIENT_SECRET", demo::CLIENT_SECRET)
        .env("HTTPS_PROXY", &proxy)
        .args(["login", "--mfa-token-only", "-u", demo::OTP_USER])
        .args(["--password", demo::PASSWORD, "--cacert"])
        .arg(&ca)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        *asked.lock().unwrap(),
        [format!("CONNECT {name}:443 HTTP/1.1")]
    );
    let grants: Vec<_> = emulator
        .received()
        .into_iter()
        .filter(|r| r.path == "/oauth/token")
        .collect();
    assert_eq!(grants.len(), 1);
}

#[test]
fn a_short_429_is_waited_out_and_the_request_sent_again() {
    let tenant = TestTenant::demo();
    tenant.emulator.inject_fault(Fault::RateLimited {
        retry_after_secs: 1,
    });
    let started = Instant::now();
    let output = tenant
        .cmd()
        .args([
            "login",
            "--mfa-token-only",
            "-u",
            demo::OTP_USER,
            "--password",
            demo::PASSWORD,
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(started.elapsed() >= Duration::from_secs(1));
    assert_eq!(
        tenant.requests_to("/oauth/token").len(),
        2,
        "refused once, then sent again"
    );
}

#[test]
fn a_429_that_asks_for_no_wait_is_resent_a_second_apart_and_a_few_times_only() {
    let tenant = TestTenant::demo();
    for _ in 0..20 {
        tenant.emulator.inject_fault(Fault::Respond {
            status: 429,
            headers: vec![
                ("content-type".into(), "application/json".into()),
                ("retry-after".into(), "0".into()),
            ],
            body: br#"{"error":"too_many_requests","error_description":"Global limit has been reached"}"#.to_vec(),
        });
    }
    let started = Instant::now();
    let output = tenant
        .cmd()
        .args([
            "--timeout",
            "3",
            "login",
            "--mfa-token-only",
            "-u",
            demo::OTP_USER,
        ])
        .args(["--password", demo::PASSWORD])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(7), "{}", stderr(&output));
    let sent = tenant.requests_to("/oauth/token").len();
    // Within 3 s, at a second apart: the first and at most three resends.
    assert!((2..=4).contains(&sent), "{sent} requests");
    assert!(started.elapsed() >= Duration::from_secs(1));
}

#[test]
fn a_long_429_exits_7_with_the_wait() {
    let tenant = TestTenant::demo();
    tenant.emulator.inject_fault(Fault::RateLimited {
        retry_after_secs: 120,
    });
    let output = tenant
        .cmd()
        .args([
            "login",
            "--json",
            "--mfa-token-only",
            "-u",
            demo::OTP_USER,
            "--password",
            demo::PASSWORD,
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(7));
    let error = stdout_json(&output);
    assert_eq!(error["error"], "too_many_requests");
    assert_eq!(error["retry_after"], 120);
    assert!(error["hint"].as_str().unwrap().contains("120 s"));
    assert_eq!(tenant.requests_to("/oauth/token").len(), 1);
}

#[test]
fn the_429_wait_respects_timeout() {
    let tenant = TestTenant::demo();
    tenant.emulator.inject_fault(Fault::RateLimited {
        retry_after_secs: 3,
    });
    let output = tenant
        .cmd()
        .args([
            "login",
            "--timeout",
            "2",
            "--mfa-token-only",
            "-u",
            demo::OTP_USER,
            "--password",
            demo::PASSWORD,
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(7));
}
