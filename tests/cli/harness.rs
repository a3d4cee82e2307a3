//! The test harness: an emulated tenant per test, and the binary run with a
//! clean environment and a temporary HOME against it.

use std::time::Duration;

use assert_cmd::Command;
use auth0_mfa::emulator::{Emulator, Tenant, demo};
use serde_json::Value;
use tempfile::TempDir;

pub const BIN: &str = env!("CARGO_BIN_EXE_auth0-mfa");

/// The binary with nothing inherited: no AUTH0_* variables, no colour
/// settings, a HOME of its own, and a time limit so that no test can hang.
pub fn bare_cmd(home: &TempDir) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.env_clear()
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join(".config"))
        .timeout(Duration::from_secs(60));
    cmd
}

pub struct TestTenant {
    pub emulator: Emulator,
    pub home: TempDir,
}

impl TestTenant {
    /// The built-in demo tenant, but its pushes may be polled every 50 ms (the
    /// demo tenant, like Auth0, wants 5 s), so that waiting tests are quick.
    pub fn demo() -> TestTenant {
        let mut tenant = Tenant::demo();
        tenant.settings.min_poll_interval_ms = 50;
        Self::with(tenant)
    }

    pub fn with(tenant: Tenant) -> TestTenant {
        TestTenant {
            emulator: Emulator::start_in_background(tenant).expect("emulator starts"),
            home: TempDir::new().expect("temp dir"),
        }
    }

    pub fn base_url(&self) -> String {
        self.emulator.base_url()
    }

    /// The binary, pointed at this tenant through the environment with the
    /// demo application's credentials.
    pub fn cmd(&self) -> Command {
        let mut cmd = bare_cmd(&self.home);
        cmd.env("AUTH0_DOMAIN", self.base_url())
            .env("AUTH0_CLIENT_ID", demo::CLIENT_ID)
            .env("AUTH0_CLIENT_SECRET", demo::CLIENT_SECRET);
        cmd
    }

    /// `login --mfa-token-only` for a demo user: the mfa_token.
    pub fn mfa_token(&self, username: &str) -> String {
        let output = self
            .cmd()
            .args([
                "login",
                "--mfa-token-only",
                "--username",
                username,
                "--password",
                demo::PASSWORD,
            ])
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap().trim().to_owned()
    }

    /// The grant types of the `/oauth/token` requests the emulator received.
    pub fn grants(&self) -> Vec<String> {
        self.emulator
            .received()
            .iter()
            .filter(|r| r.path == "/oauth/token")
            .map(|r| r.body["grant_type"].as_str().unwrap_or_default().to_owned())
            .collect()
    }

    pub fn requests_to(&self, path: &str) -> Vec<Value> {
        self.emulator
            .received()
            .into_iter()
            .filter(|r| r.path == path)
            .map(|r| r.body)
            .collect()
    }
}

pub fn stdout_json(output: &std::process::Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not one JSON document ({e}):\n{}\nstderr:\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

pub fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The current code for a secret, computed as an authenticator app would.
pub fn otp_now(secret: &str) -> String {
    let totp = auth0_mfa::totp::Totp::parse(secret, Default::default()).unwrap();
    totp.code_at(auth0_mfa::totp::now_unix())
}

pub const GRANT_PASSWORD: &str = "password";
pub const GRANT_PASSWORD_REALM: &str = "http://auth0.com/oauth/grant-type/password-realm";
pub const GRANT_MFA_OTP: &str = "http://auth0.com/oauth/grant-type/mfa-otp";

pub const CLIENT_ID: &str = "test-client";
pub const CLIENT_SECRET: &str = "test-client-secret";
pub const PASSWORD: &str = "test-password";
pub const OTP_SECRET: &str = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";
pub const RECOVERY_CODE: &str = "ABCDEFGHJKLMNPQRSTUVWXYZ";
/// The Management API application of a `fast_tenant`.
pub const MGMT_CLIENT_ID: &str = "test-management-client";
pub const MGMT_CLIENT_SECRET: &str = "test-management-client-secret";

/// A tenant whose pushes may be polled every 50 ms, so waiting tests are quick.
/// `settings` is extra `[settings]` lines.
pub fn fast_tenant(settings: &str) -> Tenant {
    let settings = if settings.contains("min_poll_interval_ms") {
        settings.to_owned()
    } else {
        format!("min_poll_interval_ms = 50\n{settings}")
    };
    Tenant::from_toml(&format!(
        r#"
[settings]
{settings}

[[clients]]
client_id = "{CLIENT_ID}"
client_secret = "{CLIENT_SECRET}"

[[clients]]
client_id = "{MGMT_CLIENT_ID}"
client_secret = "{MGMT_CLIENT_SECRET}"
app_type = "non_interactive"
grant_types = ["client_credentials"]
management_scopes = ["read:users", "create:users", "update:users", "delete:users", "read:authentication_methods", "create:authentication_methods", "delete:authentication_methods"]

[[users]]
username = "push@test.example"
password = "{PASSWORD}"
[[users.authenticators]]
type = "push"
push_rule = "approve_after:2"

[[users]]
username = "manual@test.example"
password = "{PASSWORD}"
[[users.authenticators]]
type = "push"
push_rule = "manual"

[[users]]
username = "reject@test.example"
password = "{PASSWORD}"
[[users.authenticators]]
type = "push"
push_rule = "reject"

[[users]]
username = "sms@test.example"
password = "{PASSWORD}"
[[users.authenticators]]
type = "sms"
phone = "+15555550123"

[[users]]
username = "email@test.example"
password = "{PASSWORD}"
[[users.authenticators]]
type = "email"

[[users]]
username = "recovery@test.example"
password = "{PASSWORD}"
[[users.authenticators]]
type = "otp"
secret = "{OTP_SECRET}"
[[users.authenticators]]
type = "recovery-code"
recovery_code = "{RECOVERY_CODE}"

[[users]]
username = "new@test.example"
password = "{PASSWORD}"

[[users]]
username = "multi@test.example"
password = "{PASSWORD}"
[[users.authenticators]]
type = "otp"
secret = "{OTP_SECRET}"
[[users.authenticators]]
type = "push"
push_rule = "manual"
[[users.authenticators]]
type = "sms"
phone = "+15555550124"
[[users.authenticators]]
type = "email"
[[users.authenticators]]
type = "recovery-code"
recovery_code = "{RECOVERY_CODE}"
"#
    ))
    .expect("the test tenant parses")
}

impl TestTenant {
    pub fn fast(settings: &str) -> TestTenant {
        Self::with(fast_tenant(settings))
    }

    /// The binary, pointed at a `fast_tenant` with its test application.
    pub fn test_cmd(&self) -> Command {
        let mut cmd = bare_cmd(&self.home);
        cmd.env("AUTH0_DOMAIN", self.base_url())
            .env("AUTH0_CLIENT_ID", CLIENT_ID)
            .env("AUTH0_CLIENT_SECRET", CLIENT_SECRET)
            .env("AUTH0_PASSWORD", PASSWORD);
        cmd
    }

    /// Like `test_cmd`, as a plain `std::process::Command`, for tests that
    /// set up stdout or signals themselves.
    pub fn test_std_cmd(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(BIN);
        cmd.env_clear()
            .env("HOME", self.home.path())
            .env("XDG_CONFIG_HOME", self.home.path().join(".config"))
            .env("AUTH0_DOMAIN", self.base_url())
            .env("AUTH0_CLIENT_ID", CLIENT_ID)
            .env("AUTH0_CLIENT_SECRET", CLIENT_SECRET)
            .env("AUTH0_PASSWORD", PASSWORD)
            .stdin(std::process::Stdio::null());
        cmd
    }

    /// `login --mfa-token-only` on a `fast_tenant`.
    pub fn test_mfa_token(&self, username: &str) -> String {
        let output = self
            .test_cmd()
            .args(["login", "--mfa-token-only", "--username", username])
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap().trim().to_owned()
    }

    /// `challenge --type oob` on a `fast_tenant`: the oob_code.
    pub fn oob_challenge(&self, token: &str) -> String {
        let output = self
            .test_cmd()
            .args(["challenge", "--json", "--type", "oob", "--mfa-token", token])
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        stdout_json(&output)["oob_code"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    pub fn count_grants(&self, grant: &str) -> usize {
        self.grants().iter().filter(|g| g.as_str() == grant).count()
    }
}

pub const GRANT_MFA_OOB: &str = "http://auth0.com/oauth/grant-type/mfa-oob";
pub const GRANT_MFA_RECOVERY_CODE: &str = "http://auth0.com/oauth/grant-type/mfa-recovery-code";

/// A plain HTTP/1.1 exchange with the emulator, without the project's client:
/// (status, JSON body).
pub fn http(
    base: &str,
    method: &str,
    path: &str,
    bearer: Option<&str>,
    body: Option<&str>,
) -> (u16, Value) {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(base.trim_start_matches("http://")).unwrap();
    let mut request =
        format!("{method} {path} HTTP/1.1\r\nHost: emulator\r\nConnection: close\r\n");
    if let Some(token) = bearer {
        request.push_str(&format!("Authorization: Bearer {token}\r\n"));
    }
    let body = body.unwrap_or("");
    if !body.is_empty() {
        request.push_str("Content-Type: application/json\r\n");
    }
    request.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
    stream.write_all(request.as_bytes()).unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let status = answer[9..12].parse().unwrap();
    let json = answer
        .split_once("\r\n\r\n")
        .and_then(|(_, b)| serde_json::from_str(b).ok())
        .unwrap_or(Value::Null);
    (status, json)
}

/// Whether the tests run in CI (`CI` set and not `false`/`0`, as CI systems
/// and `.ci/run` set it).
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// A program a test needs is missing. In CI, which installs it (`.ci/run`),
/// that is a failure, since a skip would pass unseen (the runner hides a
/// passing test's stderr); elsewhere the test is skipped, saying so.
pub fn missing(program: &str, consequence: &str) {
    assert!(
        !in_ci(),
        "{program} is not installed, so {consequence}: CI must have it (.ci/run installs it)"
    );
    eprintln!("skipped: {program} is not installed, so {consequence}");
}

/// Whether a test may rewrite the generated files it checks (`switch`, such
/// as UPDATE_COMPLETIONS, is set): never in CI, which only checks them.
pub fn regenerating(switch: &str) -> bool {
    let asked = std::env::var_os(switch).is_some();
    if asked && in_ci() {
        eprintln!("{switch} is ignored in CI: the files are checked, not rewritten");
        return false;
    }
    asked
}
