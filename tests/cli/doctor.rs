//! `doctor` against a healthy tenant and against each misconfiguration: the
//! right check fails with the right fix, and nothing else fails.

use std::io::{Read, Write};

use auth0_mfa::emulator::{Tenant, demo};
use serde_json::Value;
use tempfile::TempDir;

use crate::harness::*;

fn doctor(cmd: &mut assert_cmd::Command, args: &[&str]) -> (Option<i32>, Vec<Value>) {
    let output = cmd.args(["doctor", "--json"]).args(args).output().unwrap();
    let checks = stdout_json(&output).as_array().unwrap().clone();
    (output.status.code(), checks)
}

fn status<'a>(checks: &'a [Value], name: &str) -> &'a Value {
    checks
        .iter()
        .find(|c| c["check"] == name)
        .unwrap_or_else(|| panic!("no {name} check in {checks:?}"))
}

fn failed(checks: &[Value]) -> Vec<String> {
    checks
        .iter()
        .filter(|c| c["status"] == "fail")
        .map(|c| c["check"].as_str().unwrap().to_owned())
        .collect()
}

/// A tenant file: the demo application and password, with `extra` appended.
fn tenant_file(settings: &str, clients: &str, users: &str) -> Tenant {
    Tenant::from_toml(&format!(
        r#"
[settings]
{settings}

[[clients]]
client_id = "{}"
client_secret = "{}"
{clients}

{users}
"#,
        demo::CLIENT_ID,
        demo::CLIENT_SECRET
    ))
    .unwrap()
}

const OTP_USER: &str = r#"
[[users]]
username = "u@test.example"
password = "test-password"
[[users.authenticators]]
type = "otp"
secret = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU"
"#;

#[test]
fn a_healthy_tenant_passes_every_check() {
    let tenant = TestTenant::demo();
    let (code, checks) = doctor(
        &mut tenant.cmd(),
        &["-u", demo::MULTI_USER, "--password", demo::PASSWORD],
    );
    assert_eq!(code, Some(0), "{checks:?}");
    for check in &checks {
        // Without Management API access, one line says what it would add.
        let expected = if check["check"] == "configuration" {
            "skip"
        } else {
            "pass"
        };
        assert!(check["status"] == expected, "{check}");
    }
    let names: Vec<&str> = checks
        .iter()
        .map(|c| c["check"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "domain",
            "clock",
            "client",
            "mfa grants",
            "login",
            "authenticators",
            "challenge",
            "configuration",
            "rate limit"
        ]
    );
    // It never used the user's mfa_token on a grant, and sent no message.
    for body in &tenant.requests_to("/oauth/token") {
        if body["grant_type"].as_str().unwrap().contains("mfa-") {
            assert_eq!(body["mfa_token"], "auth0-mfa-doctor-probe", "{body}");
        }
    }
    assert!(tenant.emulator.outbox().is_empty());
    assert!(
        status(&checks, "challenge")["detail"]
            .as_str()
            .unwrap()
            .contains("--send")
    );
}

#[test]
fn without_a_user_the_user_checks_are_skipped_with_the_way_to_run_them() {
    let tenant = TestTenant::demo();
    let output = tenant.cmd().args(["doctor"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let text = stdout(&output);
    assert!(text.contains("✓ domain"), "{text}");
    assert!(text.contains("- login"), "{text}");
    assert!(text.contains("pass --username"), "{text}");
    // login, authenticators and challenge are skipped for one reason: one fix
    // line; the configuration (no Management API access) has its own.
    assert_eq!(text.matches("fix:").count(), 2, "{text}");
    assert!(text.contains("- configuration"), "{text}");
}

#[test]
fn a_user_without_a_password_fails_the_login_check_instead_of_passing() {
    let tenant = TestTenant::demo();
    let (code, checks) = doctor(&mut tenant.cmd(), &["-u", demo::OTP_USER]);
    assert_eq!(code, Some(2), "{checks:?}");
    let login = status(&checks, "login");
    assert_eq!(login["status"], "fail", "{login}");
    assert!(
        login["fix"].as_str().unwrap().contains("AUTH0_PASSWORD"),
        "{login}"
    );
}

#[test]
fn send_challenges_the_out_of_band_factors_too() {
    let tenant = TestTenant::demo();
    let (code, checks) = doctor(
        &mut tenant.cmd(),
        &["-u", demo::SMS_USER, "--password", demo::PASSWORD, "--send"],
    );
    assert_eq!(code, Some(0), "{checks:?}");
    assert!(
        status(&checks, "challenge")["detail"]
            .as_str()
            .unwrap()
            .contains("sms")
    );
    assert!(!tenant.emulator.outbox().is_empty(), "--send sent the SMS");
}

#[test]
fn mfa_grants_not_enabled() {
    let tenant = TestTenant::demo();
    let (code, checks) = doctor(
        tenant
            .cmd()
            .env("AUTH0_CLIENT_ID", demo::NO_MFA_CLIENT_ID)
            .env("AUTH0_CLIENT_SECRET", demo::NO_MFA_CLIENT_SECRET),
        &["-u", demo::OTP_USER, "--password", demo::PASSWORD],
    );
    assert_eq!(code, Some(4));
    assert_eq!(failed(&checks), ["mfa grants"]);
    let grants = status(&checks, "mfa grants");
    assert!(grants["detail"].as_str().unwrap().contains("mfa-otp"));
    assert!(
        grants["fix"]
            .as_str()
            .unwrap()
            .contains("Advanced Settings > Grant Types")
    );
}

#[test]
fn an_application_that_expects_private_key_jwt() {
    // The demo tenant's private_key_jwt application: its public key.
    let public = auth0_mfa::emulator::Tenant::demo()
        .clients
        .into_iter()
        .find(|c| c.client_id == demo::JWT_CLIENT_ID)
        .and_then(|c| c.public_key)
        .unwrap();
    let tenant = TestTenant::with(tenant_file(
        "",
        &format!(
            "[[clients]]\nclient_id = \"JwtOnlyClient0000000000000000001\"\npublic_key = \"\"\"{public}\"\"\"\n"
        ),
        OTP_USER,
    ));
    let (code, checks) = doctor(
        tenant
            .cmd()
            .env("AUTH0_CLIENT_ID", "JwtOnlyClient0000000000000000001")
            .env("AUTH0_CLIENT_SECRET", "a-secret-it-does-not-take"),
        &[],
    );
    assert_eq!(code, Some(4));
    assert_eq!(failed(&checks), ["client"]);
    assert!(
        status(&checks, "client")["fix"]
            .as_str()
            .unwrap()
            .contains("--client-assertion-key")
    );

    // Following the fix passes.
    let pem = tenant.home.path().join("key.pem");
    std::fs::write(&pem, demo::JWT_CLIENT_PRIVATE_KEY_PEM).unwrap();
    let (code, checks) = doctor(
        tenant
            .cmd()
            .env_remove("AUTH0_CLIENT_SECRET")
            .env("AUTH0_CLIENT_ID", "JwtOnlyClient0000000000000000001")
            .env("AUTH0_CLIENT_ASSERTION_KEY", &pem),
        &[],
    );
    assert_eq!(code, Some(0), "{checks:?}");
    assert!(
        status(&checks, "client")["detail"]
            .as_str()
            .unwrap()
            .contains("private_key_jwt")
    );
}

#[test]
fn a_client_id_that_is_not_one() {
    let tenant = TestTenant::demo();
    let (code, checks) = doctor(tenant.cmd().env("AUTH0_CLIENT_ID", "my-app"), &[]);
    assert_eq!(code, Some(4));
    assert_eq!(failed(&checks), ["client"]);
    assert!(
        status(&checks, "client")["detail"]
            .as_str()
            .unwrap()
            .contains("does not look like")
    );
}

#[test]
fn a_user_with_no_factor() {
    let tenant = TestTenant::demo();
    let (code, checks) = doctor(
        &mut tenant.cmd(),
        &["-u", demo::NEW_USER, "--password", demo::PASSWORD],
    );
    assert_eq!(code, Some(5));
    assert_eq!(failed(&checks), ["authenticators"]);
    assert!(
        status(&checks, "authenticators")["fix"]
            .as_str()
            .unwrap()
            .contains("auth0-mfa enroll")
    );
}

#[test]
fn a_user_with_only_pending_enrollments() {
    let users = r#"
[[users]]
username = "pending@test.example"
password = "test-password"
[[users.authenticators]]
type = "otp"
secret = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU"
active = false
"#;
    let tenant = TestTenant::with(tenant_file("", "", users));
    let (code, checks) = doctor(
        &mut tenant.cmd(),
        &["-u", "pending@test.example", "--password", "test-password"],
    );
    assert_eq!(code, Some(5));
    assert_eq!(failed(&checks), ["authenticators"]);
    let check = status(&checks, "authenticators");
    assert!(
        check["detail"].as_str().unwrap().contains("pending"),
        "{check}"
    );
    assert!(
        check["fix"].as_str().unwrap().contains("confirm"),
        "{check}"
    );
}

#[test]
fn a_skewed_server_clock_fails_the_clock_check_and_explains_otp_failures() {
    let tenant = TestTenant::with(tenant_file("clock_skew_seconds = 120", "", OTP_USER));
    let (code, checks) = doctor(
        &mut tenant.cmd(),
        &["-u", "u@test.example", "--password", "test-password"],
    );
    assert_eq!(code, Some(4));
    assert_eq!(failed(&checks), ["clock"]);
    assert!(
        status(&checks, "clock")["detail"]
            .as_str()
            .unwrap()
            .contains("120 s behind")
    );

    // The same knowledge explains a login's OTP failure.
    let output = tenant
        .cmd()
        .args([
            "login",
            "--json",
            "-u",
            "u@test.example",
            "--password",
            "test-password",
        ])
        .args(["--otp-secret", "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4));
    assert!(
        stdout_json(&output)["hint"]
            .as_str()
            .unwrap()
            .contains("clock is 120 s behind")
    );
}

#[test]
fn low_rate_limit_headroom_is_a_warning() {
    let tenant = TestTenant::with(tenant_file("rate_limit = 6", "", OTP_USER));
    let output = tenant
        .cmd()
        .args([
            "doctor",
            "--json",
            "-u",
            "u@test.example",
            "--password",
            "test-password",
        ])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "warnings do not fail the run"
    );
    let checks = stdout_json(&output).as_array().unwrap().clone();
    assert_eq!(status(&checks, "rate limit")["status"], "warn");
    assert!(failed(&checks).is_empty());
}

#[test]
fn mfa_not_required_is_a_warning() {
    let users = "[[users]]\nusername = \"plain@test.example\"\npassword = \"test-password\"\n";
    let tenant = TestTenant::with(tenant_file("mfa_required = false", "", users));
    let (code, checks) = doctor(
        &mut tenant.cmd(),
        &["-u", "plain@test.example", "--password", "test-password"],
    );
    assert_eq!(code, Some(0));
    let login = status(&checks, "login");
    assert_eq!(login["status"], "warn");
    assert!(login["fix"].as_str().unwrap().contains("Multi-factor Auth"));
}

#[test]
fn a_wrong_password_fails_the_login_check() {
    let tenant = TestTenant::demo();
    let (code, checks) = doctor(
        &mut tenant.cmd(),
        &["-u", demo::OTP_USER, "--password", "wrong"],
    );
    assert_eq!(code, Some(4));
    assert_eq!(failed(&checks), ["login"]);
    assert!(
        status(&checks, "login")["fix"]
            .as_str()
            .unwrap()
            .contains("--username")
    );
}

#[test]
fn a_server_that_is_not_auth0_is_named() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(4) {
            let mut stream = stream.unwrap();
            let mut buf = [0u8; 4096];
            let _ = stream.read(&mut buf);
            let body = "<html><head><title>Welcome to nginx!</title></head><body>hi</body></html>";
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    let home = TempDir::new().unwrap();
    let (code, checks) = doctor(
        bare_cmd(&home)
            .env("AUTH0_DOMAIN", format!("http://127.0.0.1:{port}"))
            .env("AUTH0_CLIENT_ID", "c"),
        &[],
    );
    assert_eq!(code, Some(8));
    let domain = status(&checks, "domain");
    assert_eq!(domain["status"], "fail");
    assert!(
        domain["detail"]
            .as_str()
            .unwrap()
            .contains("Welcome to nginx!"),
        "{domain}"
    );
    assert!(domain["fix"].as_str().unwrap().contains("--domain"));
}

#[test]
fn an_unreachable_domain_exits_3() {
    let home = TempDir::new().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let (code, checks) = doctor(
        bare_cmd(&home)
            .env("AUTH0_DOMAIN", format!("http://127.0.0.1:{port}"))
            .env("AUTH0_CLIENT_ID", "c"),
        &[],
    );
    assert_eq!(code, Some(3));
    assert_eq!(failed(&checks), ["domain"]);
    // The URL is said once, not "URL: cannot reach URL: ...".
    let detail = checks[0]["detail"].as_str().unwrap();
    assert_eq!(
        detail.matches("openid-configuration").count(),
        1,
        "{detail}"
    );
}
