//! HTTPS tests of the emulator: the CA file, real handshakes by a rustls (ring) client
//! that trusts only that CA, and the emulator's behaviour (faults, control API, request
//! log, shutdown) over TLS. Hand-written HTTP/1.1, like `tests.rs`, and nothing from the
//! project's client, so the emulator is checked against the wire format alone.

use std::io::{self, Read, Write};
use std::net::{IpAddr, Ipv6Addr, TcpStream};
use std::sync::Arc;
use std::time::Duration;

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName};
use rustls::{CertificateError, ClientConfig, ClientConnection, RootCertStore, StreamOwned};
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use super::*;

const DISCOVERY: &str = "/.well-known/openid-configuration";

fn client_config(roots: RootCertStore) -> Arc<ClientConfig> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots)
        .with_no_client_auth();
    // What reqwest offers with its http2 feature: the emulator picks h2, as Auth0 does.
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Arc::new(config)
}

/// A client whose root store holds only the certificates in `pem`.
fn trusting(pem: &str) -> Arc<ClientConfig> {
    let mut roots = RootCertStore::empty();
    for cert in CertificateDer::pem_slice_iter(pem.as_bytes()) {
        roots.add(cert.unwrap()).unwrap();
    }
    assert_eq!(roots.len(), 1);
    client_config(roots)
}

/// A TLS emulator and the directory holding its CA file (removed on drop).
fn tls_emu() -> (Emulator, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let emu = Emulator::start_tls_in_background(Tenant::demo(), &dir.path().join("ca.pem"))
        .expect("TLS emulator did not start");
    (emu, dir)
}

fn ca_pem(emu: &Emulator) -> &str {
    &emu.tls().expect("started with TLS").ca_cert_pem
}

type TlsStream = StreamOwned<ClientConnection, TcpStream>;

/// Connects to the emulator's port and completes the handshake, checking the certificate
/// against `name`.
fn connect(
    emu: &Emulator,
    config: Arc<ClientConfig>,
    name: ServerName<'static>,
) -> io::Result<TlsStream> {
    let sock = TcpStream::connect(emu.local_addr())?;
    sock.set_read_timeout(Some(Duration::from_secs(20)))?;
    let conn = ClientConnection::new(config, name).map_err(io::Error::other)?;
    let mut tls = StreamOwned::new(conn, sock);
    while tls.conn.is_handshaking() {
        tls.conn.complete_io(&mut tls.sock)?;
    }
    Ok(tls)
}

fn ip_name() -> ServerName<'static> {
    ServerName::try_from("127.0.0.1").unwrap()
}

/// The rustls error behind a failed handshake.
fn tls_error(result: io::Result<TlsStream>) -> rustls::Error {
    let err = result.expect_err("the handshake should have failed");
    err.get_ref()
        .and_then(|e| e.downcast_ref::<rustls::Error>())
        .unwrap_or_else(|| panic!("not a TLS error: {err}"))
        .clone()
}

/// Status and body of a complete HTTP/1.1 response in `raw`, or None while it is partial.
fn parse_response(raw: &[u8]) -> Option<(u16, Vec<u8>)> {
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
    assert!(
        !head.contains("transfer-encoding"),
        "unexpected chunking: {head}"
    );
    let status = head.split(' ').nth(1)?.parse().ok()?;
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .map_or(0, |v| v.trim().parse().unwrap());
    let body = raw.get(split + 4..split + 4 + length)?;
    Some((status, body.to_vec()))
}

/// One `Connection: close` request over a connection trusting the emulator's CA.
fn https_request(
    emu: &Emulator,
    method: &str,
    path: &str,
    body: &str,
) -> io::Result<(u16, Vec<u8>)> {
    let mut tls = connect(emu, trusting(ca_pem(emu)), ip_name())?;
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        emu.local_addr(),
        body.len()
    );
    tls.write_all(request.as_bytes())?;
    let mut raw = Vec::new();
    // Ends cleanly only on the server's close_notify: a bare TCP close is an error here.
    tls.read_to_end(&mut raw)?;
    parse_response(&raw)
        .ok_or_else(|| io::Error::new(io::ErrorKind::UnexpectedEof, "incomplete response"))
}

fn https_json(emu: &Emulator, method: &str, path: &str, body: &str) -> Value {
    let (status, body) = https_request(emu, method, path, body).expect("request failed");
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
    serde_json::from_slice(&body).unwrap()
}

#[test]
fn writes_the_ca_file_as_pem() {
    let (emu, dir) = tls_emu();
    let files = emu.tls().unwrap();
    assert_eq!(files.ca_file, dir.path().join("ca.pem"));
    let written = std::fs::read_to_string(&files.ca_file).unwrap();
    assert_eq!(written, files.ca_cert_pem);
    assert!(
        written.starts_with("-----BEGIN CERTIFICATE-----"),
        "{written}"
    );
    let certs: Vec<_> = CertificateDer::pem_file_iter(&files.ca_file)
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(certs.len(), 1, "just the CA, no key: {written}");
    assert!(!written.contains("PRIVATE KEY"));
    // Nothing but the CA file is left in the directory (no temporary file).
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    assert!(
        emu.base_url()
            .starts_with(&format!("https://127.0.0.1:{}", emu.local_addr().port())),
        "{}",
        emu.base_url()
    );
    assert!(
        Emulator::start_in_background(Tenant::demo())
            .unwrap()
            .tls()
            .is_none()
    );
}

#[test]
fn serves_discovery_over_tls_with_https_urls() {
    let (emu, _dir) = tls_emu();
    let base = emu.base_url();
    let doc = https_json(&emu, "GET", DISCOVERY, "");
    assert_eq!(doc["issuer"], format!("{base}/"));
    assert_eq!(doc["token_endpoint"], format!("{base}/oauth/token"));
    assert_eq!(doc["jwks_uri"], format!("{base}/.well-known/jwks.json"));
    let received = emu.received();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].path, DISCOVERY);
}

#[test]
fn negotiates_h2_or_http_1_1_and_names_every_loopback_host() {
    let (emu, _dir) = tls_emu();
    let config = trusting(ca_pem(&emu));
    let names = [
        ip_name(),
        ServerName::IpAddress(IpAddr::V6(Ipv6Addr::LOCALHOST).into()),
        ServerName::try_from("localhost").unwrap(),
    ];
    for name in names {
        let tls =
            connect(&emu, config.clone(), name.clone()).unwrap_or_else(|e| panic!("{name:?}: {e}"));
        assert_eq!(tls.conn.alpn_protocol(), Some(&b"h2"[..]));
    }
    let mut http1_only = (*config).clone();
    http1_only.alpn_protocols = vec![b"http/1.1".to_vec()];
    let tls = connect(&emu, Arc::new(http1_only), ip_name()).unwrap();
    assert_eq!(tls.conn.alpn_protocol(), Some(&b"http/1.1"[..]));
    let other = connect(&emu, config, ServerName::try_from("example.com").unwrap());
    assert!(
        matches!(
            tls_error(other),
            rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. }
            )
        ),
        "a name the certificate does not hold must be refused"
    );
}

#[test]
fn a_client_without_the_ca_fails_the_handshake() {
    let (emu, _dir) = tls_emu();
    let unknown = rustls::Error::InvalidCertificate(CertificateError::UnknownIssuer);
    // The public web roots, as a client given no --cacert would use.
    let web = client_config(RootCertStore::from_iter(
        webpki_roots::TLS_SERVER_ROOTS.iter().cloned(),
    ));
    assert_eq!(tls_error(connect(&emu, web, ip_name())), unknown);
    // Another emulator's CA: every start generates its own.
    let (other, _other_dir) = tls_emu();
    assert_ne!(ca_pem(&other), ca_pem(&emu));
    assert_eq!(
        tls_error(connect(&emu, trusting(ca_pem(&other)), ip_name())),
        unknown
    );
    // A plain-HTTP request to the TLS port gets no HTTP response.
    let mut sock = TcpStream::connect(emu.local_addr()).unwrap();
    sock.set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    sock.write_all(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut raw = Vec::new();
    let _ = sock.read_to_end(&mut raw);
    assert!(!raw.starts_with(b"HTTP/"));
    // The failures reached no handler, and the emulator still serves.
    assert!(emu.received().is_empty());
    https_json(&emu, "GET", DISCOVERY, "");
}

#[test]
fn faults_and_control_api_work_over_tls() {
    let (emu, _dir) = tls_emu();
    emu.inject_fault(Fault::ResetConnection);
    assert!(
        https_request(&emu, "GET", DISCOVERY, "").is_err(),
        "the connection should have been reset"
    );
    emu.inject_fault(Fault::Html502);
    let (status, body) = https_request(&emu, "GET", DISCOVERY, "").unwrap();
    assert_eq!(status, 502);
    assert!(String::from_utf8_lossy(&body).contains("502 Bad Gateway"));
    https_json(
        &emu,
        "POST",
        "/_emulator/faults",
        r#"{"kind":"truncated_json"}"#,
    );
    let (status, body) = https_request(&emu, "GET", DISCOVERY, "").unwrap();
    assert_eq!(status, 200);
    assert!(serde_json::from_slice::<Value>(&body).is_err());
    let before = emu.now();
    https_json(
        &emu,
        "POST",
        "/_emulator/clock",
        r#"{"advance_seconds":120}"#,
    );
    assert!(emu.now() >= before + 120);
    let requests = https_json(&emu, "GET", "/_emulator/requests", "");
    assert_eq!(requests.as_array().map(Vec::len), Some(3), "{requests}");
    assert_eq!(emu.received().len(), 3);
    https_json(&emu, "GET", DISCOVERY, "");
}

#[test]
fn dropping_stops_the_tls_emulator() {
    let (emu, _dir) = tls_emu();
    let addr = emu.local_addr();
    let mut idle = connect(&emu, trusting(ca_pem(&emu)), ip_name()).unwrap();
    drop(emu);
    let mut buf = [0u8; 16];
    assert!(
        matches!(idle.read(&mut buf), Ok(0) | Err(_)),
        "an open connection must be closed"
    );
    assert!(TcpStream::connect(addr).is_err(), "still listening");
}

#[test]
fn a_missing_ca_directory_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-dir").join("ca.pem");
    let err = Emulator::start_tls_in_background(Tenant::demo(), &path).unwrap_err();
    assert!(
        format!("{err:#}").contains("cannot write the CA certificate"),
        "{err:#}"
    );
}

/// `start_tls` on the caller's runtime, with tokio-rustls on the client side too, and a
/// kept-alive connection that the emulator's drop must close.
#[tokio::test]
async fn start_tls_serves_on_the_current_runtime() {
    let dir = tempfile::tempdir().unwrap();
    let ca_file = dir.path().join("ca.pem");
    let listen: SocketAddr = (Ipv4Addr::LOCALHOST, 0).into();
    let emu = Emulator::start_tls(Tenant::demo(), listen, &ca_file)
        .await
        .unwrap();
    let pem = std::fs::read_to_string(&ca_file).unwrap();
    let connector = tokio_rustls::TlsConnector::from(trusting(&pem));
    let sock = tokio::net::TcpStream::connect(emu.local_addr())
        .await
        .unwrap();
    let name = ServerName::try_from("localhost").unwrap();
    let mut tls = connector.connect(name, sock).await.unwrap();
    let request = format!("GET {DISCOVERY} HTTP/1.1\r\nHost: localhost\r\n\r\n");
    tls.write_all(request.as_bytes()).await.unwrap();
    let mut raw = Vec::new();
    let (status, body) = loop {
        let mut chunk = [0u8; 4096];
        let n = tls.read(&mut chunk).await.unwrap();
        assert!(n > 0, "closed before the response was complete");
        raw.extend_from_slice(&chunk[..n]);
        if let Some(done) = parse_response(&raw) {
            break done;
        }
    };
    assert_eq!(status, 200);
    let doc: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(doc["issuer"], "https://localhost/");
    assert!(emu.base_url().starts_with("https://127.0.0.1:"));
    drop(emu);
    let mut rest = Vec::new();
    let closed = tokio::time::timeout(Duration::from_secs(10), tls.read_to_end(&mut rest)).await;
    assert!(
        matches!(closed, Ok(Ok(0)) | Ok(Err(_))),
        "the kept-alive connection should be closed: {closed:?}"
    );
}

#[test]
fn extra_names_go_into_the_certificate() {
    let dir = tempfile::tempdir().unwrap();
    let options = Options {
        tls: Some(TlsOptions {
            ca_file: dir.path().join("ca.pem"),
            names: vec!["auth0.test".into(), "emulator_1".into(), "10.1.2.3".into()],
        }),
        ..Options::default()
    };
    let emu = Emulator::start_in_background_with(Tenant::demo(), options).unwrap();
    let config = trusting(ca_pem(&emu));
    for name in [
        ServerName::try_from("auth0.test").unwrap(),
        ServerName::try_from("localhost").unwrap(),
        ServerName::try_from("10.1.2.3").unwrap(),
    ] {
        connect(&emu, config.clone(), name.clone()).unwrap_or_else(|e| panic!("{name:?}: {e}"));
    }
    assert!(matches!(
        tls_error(connect(
            &emu,
            config,
            ServerName::try_from("other.test").unwrap()
        )),
        rustls::Error::InvalidCertificate(_)
    ));
    // A name that cannot go into a certificate is refused before anything starts.
    let bad = Options {
        tls: Some(TlsOptions {
            ca_file: dir.path().join("ca2.pem"),
            names: vec!["not a name".into()],
        }),
        ..Options::default()
    };
    let err = Emulator::start_in_background_with(Tenant::demo(), bad).unwrap_err();
    assert!(format!("{err:#}").contains("not a name"), "{err:#}");
    assert!(!dir.path().join("ca2.pem").exists());
}
