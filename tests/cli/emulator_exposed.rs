//! `auth0-mfa emulator` listening where others can reach it: the control API behind a
//! token, memory that a flood cannot grow, slow connections closed, a CA file only the
//! user can write, and what clients send kept off the operator's terminal.

use tempfile::TempDir;

use crate::emulator::Served;
use crate::harness::*;

const REQUESTS: &str = "/_emulator/requests";

#[test]
fn beyond_loopback_the_control_api_answers_only_to_the_printed_token() {
    let home = TempDir::new().unwrap();
    let served = Served::start(&home, &["--listen", "0.0.0.0:0"]);
    let base = served.base();
    let token = served.banner["control_token"]
        .as_str()
        .expect("the banner names the control token")
        .to_owned();
    assert!(token.len() >= 32, "{token}");
    // Something to steal: a login whose password and secret the log holds.
    let (status, _) = http(
        &base,
        "GET",
        "/.well-known/openid-configuration",
        None,
        None,
    );
    assert_eq!(status, 200);
    for (method, path, body) in [
        ("GET", REQUESTS, None),
        ("GET", "/_emulator/outbox", None),
        (
            "POST",
            "/_emulator/clock",
            Some(r#"{"advance_seconds":600}"#),
        ),
        ("POST", "/_emulator/faults", Some(r#"{"kind":"html_502"}"#)),
        (
            "POST",
            "/_emulator/push/approve",
            Some(r#"{"username":"x"}"#),
        ),
    ] {
        let (status, answer) = http(&base, method, path, None, body);
        assert_eq!(status, 401, "{method} {path} without the token: {answer}");
        assert!(
            answer["error_description"]
                .as_str()
                .unwrap()
                .contains("Authorization: Bearer"),
            "{answer}"
        );
        let (status, _) = http(&base, method, path, Some("not-the-token"), body);
        assert_eq!(status, 401, "{method} {path} with a wrong token");
    }
    // The refused fault was never queued: discovery still answers.
    let (status, _) = http(
        &base,
        "GET",
        "/.well-known/openid-configuration",
        None,
        None,
    );
    assert_eq!(status, 200);
    let (status, log) = http(&base, "GET", REQUESTS, Some(&token), None);
    assert_eq!(status, 200);
    assert_eq!(log.as_array().unwrap().len(), 2, "{log}");
    // The health check may come without a token, for a container's probe.
    assert_eq!(http(&base, "GET", "/_emulator/health", None, None).0, 200);
    let console = served.console();
    assert!(console.contains("control API"), "{console}");
    assert!(console.contains("approves pushes"), "{console}");
}

#[test]
fn a_token_given_by_variable_is_enforced_and_check_sends_it() {
    let home = TempDir::new().unwrap();
    let mut command = Served::command(&home, &["--listen", "127.0.0.1:0"]);
    command.env(
        "AUTH0_MFA_EMULATOR_CONTROL_TOKEN",
        "shared-with-the-compose-file",
    );
    let served = Served::spawn(command);
    let base = served.base();
    assert_eq!(
        served.banner["control_token"],
        "shared-with-the-compose-file"
    );
    // Given explicitly, it is enforced on loopback too.
    assert_eq!(http(&base, "GET", REQUESTS, None, None).0, 401);
    assert_eq!(
        http(
            &base,
            "GET",
            REQUESTS,
            Some("shared-with-the-compose-file"),
            None
        )
        .0,
        200
    );
    let check = |token: Option<&str>| {
        let mut cmd = bare_cmd(&home);
        cmd.args(["emulator", "--check", &base]);
        if let Some(token) = token {
            cmd.env("AUTH0_MFA_EMULATOR_CONTROL_TOKEN", token);
        }
        cmd.output().unwrap()
    };
    assert_eq!(check(None).status.code(), Some(0));
    assert_eq!(
        check(Some("shared-with-the-compose-file")).status.code(),
        Some(0)
    );
    let wrong = check(Some("a-stale-token"));
    assert_eq!(wrong.status.code(), Some(8), "{}", stdout(&wrong));
    assert!(
        stdout(&wrong).contains("control token"),
        "{}",
        stdout(&wrong)
    );
    // A token no header can carry is refused before anything listens.
    let bad = bare_cmd(&home)
        .args([
            "emulator",
            "--listen",
            "127.0.0.1:0",
            "--control-token",
            "two words",
        ])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2), "{}", stderr(&bad));
}

#[test]
fn on_loopback_without_a_token_the_control_api_stays_open() {
    let home = TempDir::new().unwrap();
    let served = Served::start(&home, &["--listen", "127.0.0.1:0"]);
    assert!(
        served.banner["control_token"].is_null(),
        "{}",
        served.banner
    );
    assert_eq!(http(&served.base(), "GET", REQUESTS, None, None).0, 200);
}

#[cfg(unix)]
fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

#[cfg(unix)]
#[test]
fn the_ca_file_lives_where_only_the_user_can_write_and_is_never_written_through_a_link() {
    let home = TempDir::new().unwrap();
    let served = Served::start(&home, &["--listen", "0.0.0.0:0", "--tls"]);
    let ca = std::path::PathBuf::from(served.banner["ca_file"].as_str().unwrap());
    let state = home.path().join(".local/state/auth0-mfa");
    assert_eq!(ca, state.join("emulator-ca.pem"), "in the user's state dir");
    assert_eq!(mode(&state), 0o700);
    assert_eq!(mode(&ca) & 0o022, 0, "only its owner can write it");
    assert!(
        std::fs::read_to_string(&ca)
            .unwrap()
            .contains("BEGIN CERTIFICATE")
    );
    let leftovers: Vec<_> = std::fs::read_dir(&state).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
    // `--check` trusts that default file, and the client trusts it as --cacert.
    let port = served.banner["listen"]
        .as_str()
        .unwrap()
        .rsplit(':')
        .next()
        .unwrap()
        .to_owned();
    let check = bare_cmd(&home)
        .args(["emulator", "--check"])
        .arg(format!("https://localhost:{port}"))
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    drop(served);

    // A link planted where --ca-file points is replaced, not written through.
    let victim = home.path().join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    let planted = home.path().join("ca.pem");
    std::os::unix::fs::symlink(&victim, &planted).unwrap();
    let served = Served::start(
        &home,
        &[
            "--listen",
            "127.0.0.1:0",
            "--tls",
            "--ca-file",
            planted.to_str().unwrap(),
        ],
    );
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert!(!std::fs::symlink_metadata(&planted).unwrap().is_symlink());
    drop(served);
}

#[cfg(unix)]
#[test]
fn a_ca_file_others_can_write_is_never_trusted() {
    use std::os::unix::fs::PermissionsExt;
    let tenant = TestTenant::demo();
    let home = TempDir::new().unwrap();
    let served = Served::start(&home, &["--listen", "127.0.0.1:0", "--tls"]);
    let ca = std::path::PathBuf::from(served.banner["ca_file"].as_str().unwrap());
    let copy = home.path().join("shared-ca.pem");
    std::fs::copy(&ca, &copy).unwrap();
    std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o666)).unwrap();
    let base = served.base();
    let login = tenant
        .cmd()
        .env("AUTH0_DOMAIN", &base)
        .env("AUTH0_CACERT", &copy)
        .args([
            "login",
            "--mfa-token-only",
            "-u",
            "otp@example.com",
            "--password",
            "x",
        ])
        .output()
        .unwrap();
    assert_eq!(login.status.code(), Some(2), "{}", stderr(&login));
    let text = stderr(&login);
    assert!(text.contains("refusing to trust the CA file"), "{text}");
    assert!(text.contains("chmod go-w"), "{text}");
    let check = bare_cmd(&home)
        .args(["emulator", "--check", &base, "--ca-file"])
        .arg(&copy)
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(2), "{}", stderr(&check));
    assert!(
        stderr(&check).contains("group or others can write it"),
        "{}",
        stderr(&check)
    );
    // Made the user's alone again, it is trusted.
    std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o644)).unwrap();
    let check = bare_cmd(&home)
        .args(["emulator", "--check", &base, "--ca-file"])
        .arg(&copy)
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
}
