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

/// An emulated tenant of its own, a HOME of its own, and the application
/// (and user password) its commands use.
pub struct TestTenant {
    pub emulator: Emulator,
    pub home: TempDir,
    app: App,
}

/// The application a test tenant's commands run as, and its users' password.
#[derive(Clone, Copy)]
pub struct App {
    pub client_id: &'static str,
    pub client_secret: &'static str,
    pub password: &'static str,
    /// Whether every command gets the password in `AUTH0_PASSWORD` (the test
    /// tenants), or each test gives it where it means to (the demo tenant).
    pub password_in_env: bool,
}

/// The demo tenant's application; the password is left to each test.
pub const DEMO_APP: App = App {
    client_id: demo::CLIENT_ID,
    client_secret: demo::CLIENT_SECRET,
    password: demo::PASSWORD,
    password_in_env: false,
};

/// The test tenants' application (`fast_tenant`), the password in the environment.
pub const TEST_APP: App = App {
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    password: PASSWORD,
    password_in_env: true,
};

impl TestTenant {
    /// The built-in demo tenant, but its pushes may be polled every 50 ms (the
    /// demo tenant, like Auth0, wants 5 s), so that waiting tests are quick.
    pub fn demo() -> TestTenant {
        let mut tenant = Tenant::demo();
        tenant.settings.min_poll_interval_ms = 50;
        Self::with(tenant)
    }

    /// A `fast_tenant`, run as its test application.
    pub fn fast(settings: &str) -> TestTenant {
        Self::serving(fast_tenant(settings), TEST_APP)
    }

    /// `tenant`, run as the demo application (which it must declare).
    pub fn with(tenant: Tenant) -> TestTenant {
        Self::serving(tenant, DEMO_APP)
    }

    pub fn serving(tenant: Tenant, app: App) -> TestTenant {
        TestTenant {
            emulator: Emulator::start_in_background(tenant).expect("emulator starts"),
            home: TempDir::new().expect("temp dir"),
            app,
        }
    }

    pub fn base_url(&self) -> String {
        self.emulator.base_url()
    }

    /// The binary, pointed at this tenant through the environment with its
    /// application's credentials.
    pub fn cmd(&self) -> Command {
        let mut cmd = bare_cmd(&self.home);
        cmd.envs(self.environment());
        cmd
    }

    /// Like `cmd`, as a plain `std::process::Command`, for tests that set up
    /// stdout or signals themselves.
    pub fn std_cmd(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(BIN);
        cmd.env_clear()
            .env("HOME", self.home.path())
            .env("XDG_CONFIG_HOME", self.home.path().join(".config"))
            .envs(self.environment())
            .stdin(std::process::Stdio::null());
        cmd
    }

    /// The tenant and the application, and the password where it goes in
    /// the environment.
    fn environment(&self) -> Vec<(&'static str, String)> {
        let mut variables = vec![
            ("AUTH0_DOMAIN", self.base_url()),
            ("AUTH0_CLIENT_ID", self.app.client_id.to_owned()),
            ("AUTH0_CLIENT_SECRET", self.app.client_secret.to_owned()),
        ];
        if self.app.password_in_env {
            variables.push(("AUTH0_PASSWORD", self.app.password.to_owned()));
        }
        variables
    }

    /// `login --mfa-token-only` for one of the tenant's users: the mfa_token.
    pub fn mfa_token(&self, username: &str) -> String {
        let output = self
            .cmd()
            .args([
                "login",
                "--mfa-token-only",
                "--username",
                username,
                "--password",
                self.app.password,
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

/// Seconds until the current 30 s TOTP step ends, by this machine's clock
/// (the one the tool computes codes with).
pub fn left_in_totp_step() -> u64 {
    30 - auth0_mfa::totp::now_unix() % 30
}

/// Sleeps into the next 30 s step when fewer than `needed` seconds are left
/// of this one, so that what a test runs next happens inside one step.
pub fn within_one_totp_step(needed: u64) {
    if left_in_totp_step() < needed {
        std::thread::sleep(Duration::from_secs(left_in_totp_step() + 1));
    }
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
    /// `challenge --type oob`: the oob_code.
    pub fn oob_challenge(&self, token: &str) -> String {
        let output = self
            .cmd()
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

/// A TCP relay in front of an emulator that counts the connections made
/// through it: HTTP or HTTPS alike (it relays bytes), at the same scheme.
pub struct CountingRelay {
    pub url: String,
    pub connections: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

impl CountingRelay {
    pub fn to(base_url: &str) -> CountingRelay {
        use std::net::{TcpListener, TcpStream};
        use std::sync::atomic::Ordering;
        let (scheme, upstream) = base_url.split_once("://").unwrap();
        let upstream = upstream.trim_end_matches('/').to_owned();
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("{scheme}://{}", listener.local_addr().unwrap());
        let connections = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counted = connections.clone();
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                counted.fetch_add(1, Ordering::SeqCst);
                let server = TcpStream::connect(&upstream).unwrap();
                let (mut c2, mut s2) = (client.try_clone().unwrap(), server.try_clone().unwrap());
                let (mut c1, mut s1) = (client, server);
                std::thread::spawn(move || std::io::copy(&mut c1, &mut s1));
                std::thread::spawn(move || std::io::copy(&mut s2, &mut c2));
            }
        });
        CountingRelay { url, connections }
    }

    pub fn count(&self) -> usize {
        self.connections.load(std::sync::atomic::Ordering::SeqCst)
    }
}
