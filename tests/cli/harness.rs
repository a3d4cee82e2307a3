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
    pub fn demo() -> TestTenant {
        Self::with(Tenant::demo())
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
