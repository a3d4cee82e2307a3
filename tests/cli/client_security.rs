//! What the client must not do even when its surroundings invite it: send a
//! loopback tenant's traffic to a proxy, trust or write through a state
//! directory someone else could have planted things in, send one
//! application's refresh token with another, hand its secrets to the
//! commands it runs, show a cookie in a trace, or copy a CI secret into the
//! config file.

use std::io::Read;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use auth0_mfa::emulator::{Fault, Tenant};

use crate::harness::*;

/// A listener that counts the connections it gets and reads what they send:
/// what a proxy on this machine would see.
fn counting_listener() -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    let count = Arc::new(AtomicUsize::new(0));
    let seen = count.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            seen.fetch_add(1, Ordering::SeqCst);
            let mut stream = stream;
            let _ = stream.set_read_timeout(Some(Duration::from_millis(200)));
            let _ = stream.read(&mut [0; 4096]);
        }
    });
    (address, count)
}

#[test]
fn a_loopback_tenant_is_never_reached_through_a_proxy() {
    let (proxy, connections) = counting_listener();
    let tenant = TestTenant::fast("");
    let port = tenant.emulator.local_addr().port();
    for domain in [tenant.base_url(), format!("http://localhost:{port}")] {
        let output = tenant
            .cmd()
            .env("AUTH0_DOMAIN", &domain)
            .env("HTTP_PROXY", &proxy)
            .env("http_proxy", &proxy)
            .env("HTTPS_PROXY", &proxy)
            .env("ALL_PROXY", &proxy)
            .env("all_proxy", &proxy)
            .args([
                "login",
                "--json",
                "--no-store",
                "-u",
                "recovery@test.example",
            ])
            .args(["--otp-secret", OTP_SECRET, "--no-otp-wait"])
            .output()
            .unwrap();
        // A second login inside the same step is told to wait: either way
        // the answer came from the emulator, not from the proxy.
        let code = output.status.code();
        assert!(
            code == Some(0) || code == Some(4),
            "{domain}: {}",
            stderr(&output)
        );
        if code == Some(0) {
            assert!(stdout_json(&output)["access_token"].is_string());
        }
    }
    assert_eq!(
        connections.load(Ordering::SeqCst),
        0,
        "the proxy received a connection meant for the loopback tenant"
    );
    assert!(tenant.count_grants(GRANT_MFA_OTP) >= 1);
}

fn state_dir(tenant: &TestTenant) -> PathBuf {
    tenant.home.path().join(".local/state/auth0-mfa")
}

#[cfg(unix)]
fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// A state directory of `mode` with links planted where the ledger and the
/// lock go: the first to a file someone treasures, the second to a place
/// that must not come to exist. Returns the directory holding both targets.
#[cfg(unix)]
fn planted_state_dir(tenant: &TestTenant, mode: u32) -> tempfile::TempDir {
    let dir = state_dir(tenant);
    std::fs::create_dir_all(&dir).unwrap();
    chmod(&dir, mode);
    let victims = tempfile::tempdir().unwrap();
    let victim = victims.path().join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    std::os::unix::fs::symlink(&victim, dir.join("spent-codes.json")).unwrap();
    std::os::unix::fs::symlink(victims.path().join("planted"), dir.join("sessions.lock")).unwrap();
    victims
}

#[cfg(unix)]
#[test]
fn a_state_directory_others_can_write_is_refused_and_nothing_is_written_through_its_links() {
    let tenant = TestTenant::fast("");
    let dir = state_dir(&tenant);
    let victims = planted_state_dir(&tenant, 0o777);
    let victim = victims.path().join("victim.txt");

    let output = tenant
        .cmd()
        .env("AUTH0_MFA_STORE", "file")
        .args([
            "login",
            "-u",
            "recovery@test.example",
            "--otp-secret",
            OTP_SECRET,
        ])
        .output()
        .unwrap();
    let err = stderr(&output);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert!(
        !victims.path().join("planted").exists(),
        "the lock link was followed"
    );
    assert!(err.contains("writable by others"), "{err}");
    assert!(err.contains("chmod 700"), "{err}");
    // The tokens were earned: the login says why it kept nothing.
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(!dir.join("sessions.json").exists());
}

#[cfg(unix)]
#[test]
fn links_in_a_private_state_directory_are_not_followed() {
    let tenant = TestTenant::fast("");
    let victims = planted_state_dir(&tenant, 0o700);
    let victim = victims.path().join("victim.txt");
    let output = tenant
        .cmd()
        .env("AUTH0_MFA_STORE", "file")
        .args([
            "login",
            "-u",
            "recovery@test.example",
            "--otp-secret",
            OTP_SECRET,
        ])
        .output()
        .unwrap();
    let err = stderr(&output);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert!(
        !victims.path().join("planted").exists(),
        "the lock link was followed"
    );
    assert!(err.contains("symbolic link"), "{err}");
}

/// A session file as the tool writes it, for a token that nobody issued.
fn planted_session(tenant: &TestTenant) -> PathBuf {
    let dir = state_dir(tenant);
    std::fs::create_dir_all(&dir).unwrap();
    chmod(&dir, 0o700);
    let index = serde_json::json!({"sessions": [{
        "tenant": tenant.base_url(), "client_id": CLIENT_ID, "audience": null,
        "username": "recovery@test.example",
        "expires_at": 4_000_000_000u64,
        "place": "file",
        "tokens": {"access_token": "planted-token", "token_type": "Bearer"},
    }]});
    let path = dir.join("sessions.json");
    std::fs::write(&path, index.to_string()).unwrap();
    path
}

#[cfg(unix)]
#[test]
fn a_session_file_others_can_read_or_write_is_not_served() {
    let tenant = TestTenant::fast("");
    let path = planted_session(&tenant);
    let token = || {
        tenant
            .cmd()
            .env("AUTH0_MFA_STORE", "file")
            .args(["token", "-u", "recovery@test.example"])
            .output()
            .unwrap()
    };
    // As the tool writes it (0600), it is served: the test's file is right.
    chmod(&path, 0o600);
    let served = token();
    assert_eq!(
        stdout(&served).trim(),
        "planted-token",
        "{}",
        stderr(&served)
    );
    for mode in [0o644, 0o660, 0o666] {
        chmod(&path, mode);
        let output = token();
        assert_eq!(
            output.status.code(),
            Some(2),
            "{mode:o}: {}",
            stderr(&output)
        );
        assert!(!stdout(&output).contains("planted-token"));
        assert!(stderr(&output).contains("chmod 600"), "{}", stderr(&output));
    }
}

#[cfg(unix)]
#[test]
fn a_session_file_of_another_user_is_not_served() {
    if unsafe { libc::geteuid() } != 0 {
        eprintln!("skipped: only root can give a file to another user here");
        return;
    }
    let tenant = TestTenant::fast("");
    let path = planted_session(&tenant);
    chmod(&path, 0o600);
    std::os::unix::fs::chown(&path, Some(65534), Some(65534)).unwrap();
    let output = tenant
        .cmd()
        .env("AUTH0_MFA_STORE", "file")
        .args(["token", "-u", "recovery@test.example"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(!stdout(&output).contains("planted-token"));
    assert!(
        stderr(&output).contains("another user"),
        "{}",
        stderr(&output)
    );
}

#[cfg(unix)]
#[test]
fn a_config_file_others_can_write_is_refused() {
    let home = tempfile::TempDir::new().unwrap();
    let dir = home.path().join(".config/auth0-mfa");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("config.toml");
    std::fs::write(&file, "[profiles.default]\ndomain = \"evil.example.com\"\n").unwrap();
    let show = || {
        bare_cmd(&home)
            .args(["config", "show", "--json"])
            .output()
            .unwrap()
    };
    let fine = show();
    assert_eq!(fine.status.code(), Some(0), "{}", stderr(&fine));
    chmod(&file, 0o666);
    let refused = show();
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stdout_json(&refused)["error_description"]
            .as_str()
            .unwrap()
            .contains("writable by others")
    );
    chmod(&file, 0o600);
    chmod(&dir, 0o777);
    let refused = show();
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stdout_json(&refused)["error_description"]
            .as_str()
            .unwrap()
            .contains("config directory")
    );
}

/// A tenant with two applications that both keep sessions.
const SECOND_SECRET: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

fn two_applications() -> TestTenant {
    TestTenant::serving(
        Tenant::from_toml(&format!(
            r#"
[settings]
min_poll_interval_ms = 50

[[clients]]
client_id = "{CLIENT_ID}"
client_secret = "{CLIENT_SECRET}"

[[clients]]
client_id = "other-client"
client_secret = "other-client-secret"

[[users]]
username = "recovery@test.example"
password = "{PASSWORD}"
[[users.authenticators]]
type = "otp"
secret = "{OTP_SECRET}"

[[users]]
username = "second@test.example"
password = "{PASSWORD}"
[[users.authenticators]]
type = "otp"
secret = "{SECOND_SECRET}"
"#
        ))
        .unwrap(),
        TEST_APP,
    )
}

#[test]
fn logout_all_sends_each_session_with_its_own_application_only() {
    let tenant = two_applications();
    let login = tenant
        .cmd()
        .env("AUTH0_MFA_STORE", "file")
        .args([
            "login",
            "--json",
            "-u",
            "recovery@test.example",
            "--otp-secret",
            OTP_SECRET,
        ])
        .args(["--scope", "openid offline_access"])
        .output()
        .unwrap();
    assert_eq!(login.status.code(), Some(0), "{}", stderr(&login));
    assert!(stdout_json(&login)["refresh_token"].is_string());

    let logout = tenant
        .cmd()
        .env("AUTH0_MFA_STORE", "file")
        .env("AUTH0_CLIENT_ID", "other-client")
        .env("AUTH0_CLIENT_SECRET", "other-client-secret")
        .args(["logout", "--all", "--json"])
        .output()
        .unwrap();
    assert_eq!(logout.status.code(), Some(0), "{}", stderr(&logout));
    assert!(
        tenant.requests_to("/oauth/revoke").is_empty(),
        "a refresh token of {CLIENT_ID} was sent with other-client"
    );
    let done = stdout_json(&logout);
    let text = done.to_string();
    assert!(text.contains("not revoked"), "{text}");

    // With its own application configured, the next session is revoked.
    // (Another user: a second login with the same secret inside one step
    // would wait for the next.)
    let again = tenant
        .cmd()
        .env("AUTH0_MFA_STORE", "file")
        .args([
            "login",
            "--json",
            "-u",
            "second@test.example",
            "--otp-secret",
            SECOND_SECRET,
        ])
        .args(["--scope", "openid offline_access"])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    let logout = tenant
        .cmd()
        .env("AUTH0_MFA_STORE", "file")
        .args(["logout", "--all", "--json"])
        .output()
        .unwrap();
    assert_eq!(logout.status.code(), Some(0), "{}", stderr(&logout));
    let revokes = tenant.requests_to("/oauth/revoke");
    assert_eq!(revokes.len(), 1);
    assert_eq!(revokes[0]["client_id"], CLIENT_ID);
}

#[cfg(unix)]
#[test]
fn the_otp_command_sees_no_secret_variable() {
    let tenant = TestTenant::fast("");
    let seen = tenant.home.path().join("environment.txt");
    let command = format!("env > '{}'; {} totp '{OTP_SECRET}'", seen.display(), BIN);
    let output = tenant
        .cmd()
        .env("AUTH0_MFA_TOKEN", "Fe26.2**not-a-real-token")
        .env("UNRELATED", "kept")
        .args([
            "login",
            "--json",
            "--no-store",
            "-u",
            "recovery@test.example",
        ])
        .args(["--otp-command", &command])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let environment = std::fs::read_to_string(&seen).unwrap();
    for secret in [PASSWORD, CLIENT_SECRET, "Fe26.2**not-a-real-token"] {
        assert!(
            !environment.contains(secret),
            "{secret} reached the command"
        );
    }
    assert!(environment.contains("UNRELATED=kept"), "{environment}");
    assert!(environment.contains("AUTH0_DOMAIN="), "{environment}");
}

#[test]
fn a_cookie_value_never_shows_in_a_trace() {
    let tenant = TestTenant::fast("");
    tenant.emulator.inject_fault(Fault::Respond {
        status: 400,
        headers: vec![
            ("content-type".into(), "application/json".into()),
            (
                "set-cookie".into(),
                "did=cookie-value-7d1; Path=/; HttpOnly".into(),
            ),
        ],
        body: br#"{"error":"invalid_request","error_description":"no"}"#.to_vec(),
    });
    let output = tenant
        .cmd()
        .args(["login", "-vv", "--no-store", "-u", "recovery@test.example"])
        .args(["--otp-secret", OTP_SECRET])
        .output()
        .unwrap();
    let err = stderr(&output);
    assert!(
        err.contains("set-cookie: did=********; Path=/; HttpOnly"),
        "{err}"
    );
    assert!(!err.contains("cookie-value-7d1"), "{err}");
}

#[test]
fn config_init_leaves_a_secret_from_the_environment_out_of_the_file() {
    let home = tempfile::TempDir::new().unwrap();
    let output = bare_cmd(&home)
        .env("AUTH0_DOMAIN", "ci.us.auth0.com")
        .env("AUTH0_CLIENT_ID", "ci-client")
        .env("AUTH0_CLIENT_SECRET", "ci-secret-from-the-runner")
        .args(["config", "init", "--no-input"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let file = home.path().join(".config/auth0-mfa/config.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("client_id = \"ci-client\""), "{text}");
    assert!(!text.contains("ci-secret-from-the-runner"), "{text}");
    assert!(
        stderr(&output).contains("--client-secret-file"),
        "{}",
        stderr(&output)
    );

    // Asked for by name, it is written (and a file is named, not copied).
    let secret_file = home.path().join("ci.secret");
    std::fs::write(&secret_file, "from-a-file\n").unwrap();
    let output = bare_cmd(&home)
        .args(["config", "init", "--no-input", "--client-secret-file"])
        .arg(&secret_file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("client_secret_file"), "{text}");
    assert!(!text.contains("from-a-file"), "{text}");
}
