//! The `emulator` and `demo` commands, run as a user runs them.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use auth0_mfa::emulator::demo;
use serde_json::Value;
use tempfile::TempDir;

use crate::harness::*;

#[test]
fn demo_runs_the_whole_flow_and_exits_0() {
    let home = TempDir::new().unwrap();
    let output = bare_cmd(&home).arg("demo").output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("mfa_required"), "{text}");
    assert!(text.contains("POST /mfa/challenge"), "{text}");
    assert!(text.contains("mfa-otp"), "{text}");
    assert!(text.contains("push approved"), "{text}");
    assert!(text.contains("the sms to"), "{text}");
    assert!(text.contains("new recovery code"), "{text}");
    assert!(text.contains("tokens issued"), "{text}");
}

#[test]
fn demo_json_lists_each_run_with_its_tokens() {
    let home = TempDir::new().unwrap();
    let output = bare_cmd(&home).args(["demo", "--json"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let body = stdout_json(&output);
    let runs = body["runs"].as_array().unwrap();
    let factors: Vec<&str> = runs.iter().map(|r| r["factor"].as_str().unwrap()).collect();
    assert_eq!(factors, ["otp", "push", "sms", "recovery-code"]);
    for run in runs {
        assert!(run["tokens"]["access_token"].is_string(), "{run}");
    }
    let recovery = &runs[3]["tokens"]["recovery_code"];
    assert!(recovery.is_string() && recovery != auth0_mfa::emulator::demo::RECOVERY_CODE);
}

/// Kills the emulator process when the test ends, pass or fail.
pub struct Running(pub std::process::Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `auth0-mfa emulator ARGS --json` running, with its banner read.
pub struct Served {
    pub running: Running,
    pub banner: Value,
}

impl Served {
    pub fn start(home: &TempDir, args: &[&str]) -> Served {
        Self::spawn(Self::command(home, args))
    }

    /// The command `start` runs, for a test to add to (variables, limits).
    pub fn command(home: &TempDir, args: &[&str]) -> Command {
        let mut command = Command::new(BIN);
        command
            .env_clear()
            .env("HOME", home.path())
            .arg("emulator")
            .args(args)
            .arg("--json")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        command
    }

    pub fn spawn(mut command: Command) -> Served {
        let mut child = command.spawn().unwrap();
        // The banner is one JSON document; read it up to its closing brace.
        let mut reader = BufReader::new(child.stdout.take().unwrap());
        let running = Running(child);
        let mut banner = String::new();
        loop {
            let mut line = String::new();
            assert!(
                reader.read_line(&mut line).unwrap() > 0,
                "the emulator exited early"
            );
            banner.push_str(&line);
            if line.trim_end() == "}" {
                break;
            }
        }
        Served {
            running,
            banner: serde_json::from_str(&banner).unwrap(),
        }
    }

    pub fn base(&self) -> String {
        self.banner["base_url"].as_str().unwrap().to_owned()
    }

    /// Stops it and returns what it wrote on stderr: the console. Each line was written
    /// before the answer it describes was sent.
    pub fn console(mut self) -> String {
        let _ = self.running.0.kill();
        let mut text = String::new();
        let mut stderr = self.running.0.stderr.take().unwrap();
        std::io::Read::read_to_string(&mut stderr, &mut text).unwrap();
        text
    }
}

fn login_otp(home: &TempDir, base: &str) -> std::process::Output {
    bare_cmd(home)
        .env("AUTH0_DOMAIN", base)
        .env("AUTH0_CLIENT_ID", demo::CLIENT_ID)
        .env("AUTH0_CLIENT_SECRET", demo::CLIENT_SECRET)
        .args(["login", "--json", "-u", demo::OTP_USER])
        .args([
            "--password",
            demo::PASSWORD,
            "--otp-secret",
            demo::OTP_SECRET,
        ])
        .output()
        .unwrap()
}

#[test]
fn emulator_command_serves_a_tenant_that_login_can_use() {
    let home = TempDir::new().unwrap();
    let served = Served::start(&home, &["--listen", "127.0.0.1:0"]);
    let base = served.base();
    assert!(base.starts_with("http://127.0.0.1:"), "{base}");
    assert_eq!(served.banner["client_id"], demo::CLIENT_ID);
    assert_eq!(served.banner["health"], format!("{base}/_emulator/health"));
    let output = login_otp(&home, &base);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout_json(&output)["access_token"].is_string());

    // Everything a script needs to log a demo user in is in the banner.
    let banner = &served.banner;
    let users = banner["users"].as_array().unwrap();
    assert_eq!(users.len(), 14, "{banner}");
    assert!(users.iter().any(|u| u["username"] == demo::NEW_USER));
    // Each OTP user beyond otp@ logs in with the secret the banner exports for it.
    let more = banner["more_otp_secrets"].as_array().unwrap();
    assert_eq!(more.len(), 3, "{banner}");
    for (n, entry) in more.iter().enumerate() {
        assert_eq!(entry["export"], format!("SECRET{}", n + 2), "{entry}");
        let output = bare_cmd(&home)
            .env("AUTH0_DOMAIN", &base)
            .env("AUTH0_CLIENT_ID", demo::CLIENT_ID)
            .env("AUTH0_CLIENT_SECRET", demo::CLIENT_SECRET)
            .args(["login", "--json", "--no-otp-wait", "-u"])
            .arg(entry["username"].as_str().unwrap())
            .args(["--password", demo::PASSWORD, "--otp-secret"])
            .arg(entry["secret"].as_str().unwrap())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    }
    let output = bare_cmd(&home)
        .env("AUTH0_DOMAIN", &base)
        .env("AUTH0_CLIENT_ID", banner["client_id"].as_str().unwrap())
        .env(
            "AUTH0_CLIENT_SECRET",
            banner["client_secret"].as_str().unwrap(),
        )
        .args(["login", "--json", "-u", demo::RECOVERY_USER])
        .args(["--password", banner["password"].as_str().unwrap()])
        .args(["--recovery-code", banner["recovery_code"].as_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(banner["otp_secret"], demo::OTP_SECRET);
}

/// The banner names the demo tenant's Management API application, and its credentials
/// get a Management API token over plain HTTP, as any SDK would ask for one.
#[test]
fn the_banner_carries_management_credentials_that_get_a_token() {
    let home = TempDir::new().unwrap();
    let served = Served::start(&home, &["--listen", "127.0.0.1:0"]);
    let base = served.base();
    let management = &served.banner["management"];
    assert_eq!(
        management["audience"],
        format!("{base}/api/v2/"),
        "{management}"
    );
    let body = serde_json::json!({
        "grant_type": "client_credentials",
        "client_id": management["client_id"],
        "client_secret": management["client_secret"],
        "audience": management["audience"],
    });
    let (status, token) = http(&base, "POST", "/oauth/token", None, Some(&body.to_string()));
    assert_eq!(status, 200, "{token}");
    assert_eq!(token["expires_in"], 86400);
    let scopes = token["scope"].as_str().unwrap();
    for scope in ["create:users", "read:guardian_factors", "update:clients"] {
        assert!(scopes.split(' ').any(|s| s == scope), "{scopes}");
    }
    let access = token["access_token"].as_str().unwrap();
    let (status, settings) = http(&base, "GET", "/api/v2/tenants/settings", Some(access), None);
    assert_eq!(status, 200, "{settings}");
    assert_eq!(settings["default_directory"], demo::REALM);
}

/// The console under --json: a JSON line per request and per code sent, so a test
/// harness can read the SMS code from the emulator's log.
#[test]
fn the_console_shows_each_request_and_the_codes_it_sends() {
    let home = TempDir::new().unwrap();
    let served = Served::start(&home, &["--listen", "127.0.0.1:0"]);
    let base = served.base();
    let output = bare_cmd(&home)
        .env("AUTH0_DOMAIN", &base)
        .env("AUTH0_CLIENT_ID", demo::CLIENT_ID)
        .env("AUTH0_CLIENT_SECRET", demo::CLIENT_SECRET)
        .args(["login", "--mfa-token-only", "-u", demo::SMS_USER])
        .args(["--password", demo::PASSWORD])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let token = stdout(&output).trim().to_owned();
    let challenged = bare_cmd(&home)
        .env("AUTH0_DOMAIN", &base)
        .env("AUTH0_CLIENT_ID", demo::CLIENT_ID)
        .env("AUTH0_CLIENT_SECRET", demo::CLIENT_SECRET)
        .args([
            "challenge",
            "--json",
            "--type",
            "oob",
            "--mfa-token",
            &token,
        ])
        .output()
        .unwrap();
    assert_eq!(challenged.status.code(), Some(0), "{}", stderr(&challenged));
    let console = served.console();
    let lines: Vec<Value> = console
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    let login = lines
        .iter()
        .find(|l| l["event"] == "request" && l["path"] == "/oauth/token")
        .unwrap_or_else(|| panic!("{console}"));
    assert_eq!(
        (login["method"].as_str(), login["grant_type"].as_str()),
        (Some("POST"), Some("password"))
    );
    assert_eq!(
        (login["status"].as_u64(), login["error"].as_str()),
        (Some(403), Some("mfa_required"))
    );
    let code = lines
        .iter()
        .find(|l| l["event"] == "code")
        .unwrap_or_else(|| panic!("{console}"));
    assert_eq!(code["channel"], "sms");
    assert_eq!(code["to"], demo::SMS_PHONE);
    assert_eq!(code["username"], demo::SMS_USER);
    assert_eq!(code["code"].as_str().unwrap().len(), 6);
    assert!(
        !console.contains(demo::PASSWORD) && !console.contains(&token),
        "{console}"
    );
}

#[test]
fn print_tenant_writes_a_file_that_tenant_takes_back() {
    let home = TempDir::new().unwrap();
    let output = bare_cmd(&home)
        .args(["emulator", "--print-tenant"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let file = home.path().join("tenant.toml");
    std::fs::write(&file, &output.stdout).unwrap();
    let again = bare_cmd(&home)
        .args(["emulator", "--print-tenant", "--tenant"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(stdout(&again), stdout(&output), "printed the same");
    let served = Served::start(
        &home,
        &[
            "--listen",
            "127.0.0.1:0",
            "--tenant",
            file.to_str().unwrap(),
        ],
    );
    let login = login_otp(&home, &served.base());
    assert_eq!(login.status.code(), Some(0), "{}", stderr(&login));
    // The file's M2M application is in the banner, as the demo tenant's is.
    let management = &served.banner["management"];
    assert_eq!(
        management["client_id"],
        demo::MGMT_CLIENT_ID,
        "{management}"
    );
    assert_eq!(management["client_secret"], demo::MGMT_CLIENT_SECRET);
    assert_eq!(management["audience"], format!("{}/api/v2/", served.base()));
    let json = bare_cmd(&home)
        .args(["emulator", "--print-tenant", "--json"])
        .output()
        .unwrap();
    let tenant = stdout_json(&json);
    assert_eq!(tenant["clients"][0]["client_id"], demo::CLIENT_ID);
    assert_eq!(tenant["users"][0]["username"], demo::OTP_USER);
}

#[test]
fn check_says_whether_an_emulator_is_ready() {
    let home = TempDir::new().unwrap();
    let served = Served::start(&home, &["--listen", "127.0.0.1:0"]);
    let base = served.base();
    let ready = bare_cmd(&home)
        .args(["emulator", "--json", "--check", &base])
        .output()
        .unwrap();
    assert_eq!(ready.status.code(), Some(0), "{}", stderr(&ready));
    assert_eq!(stdout_json(&ready)["status"], "ok");
    drop(served);
    let gone = bare_cmd(&home)
        .args(["emulator", "--check", &base])
        .output()
        .unwrap();
    assert_eq!(gone.status.code(), Some(3), "{}", stderr(&gone));
    assert!(stdout(&gone).starts_with("not ready:"), "{}", stdout(&gone));
    // Something else answering is not an emulator.
    let tenant = TestTenant::demo();
    let other = bare_cmd(&home)
        .args([
            "emulator",
            "--check",
            &format!("{}/nothing-here", tenant.base_url()),
        ])
        .output()
        .unwrap();
    assert_eq!(other.status.code(), Some(8), "{}", stdout(&other));
}

#[test]
fn https_with_extra_names_a_public_url_and_a_check_through_its_ca() {
    let home = TempDir::new().unwrap();
    let ca = home.path().join("ca.pem");
    let ca = ca.to_str().unwrap();
    let served = Served::start(
        &home,
        &[
            "--listen",
            "127.0.0.1:0",
            "--tls",
            "--ca-file",
            ca,
            "--tls-name",
            "auth0.test",
            "--public-url",
            "https://auth0.test/",
        ],
    );
    assert_eq!(served.base(), "https://auth0.test");
    assert_eq!(served.banner["ca_file"], ca);
    let port = served.banner["listen"]
        .as_str()
        .unwrap()
        .rsplit(':')
        .next()
        .unwrap()
        .to_owned();
    let check = bare_cmd(&home)
        .args(["emulator", "--json", "--ca-file", ca, "--check"])
        .arg(format!("https://localhost:{port}"))
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    assert_eq!(
        stdout_json(&check)["base_url"],
        "https://auth0.test",
        "the public URL"
    );
    // A CA file without a certificate is a usage error.
    let empty_ca = bare_cmd(&home)
        .args(["emulator", "--ca-file", "/dev/null", "--check"])
        .arg(format!("https://localhost:{port}"))
        .output()
        .unwrap();
    assert_eq!(empty_ca.status.code(), Some(2), "{}", stderr(&empty_ca));
    // A name no certificate can hold is refused before anything listens.
    let bad = bare_cmd(&home)
        .args([
            "emulator",
            "--listen",
            "127.0.0.1:0",
            "--tls",
            "--ca-file",
            ca,
        ])
        .args(["--tls-name", "not a name"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2), "{}", stderr(&bad));
    assert!(stderr(&bad).contains("not a name"), "{}", stderr(&bad));
}

#[test]
fn a_non_loopback_address_warns_that_test_data_is_exposed() {
    let home = TempDir::new().unwrap();
    let served = Served::start(&home, &["--listen", "0.0.0.0:0"]);
    assert!(
        served.base().starts_with("http://127.0.0.1:"),
        "{}",
        served.base()
    );
    let console = served.console();
    assert!(console.contains("reachable from other hosts"), "{console}");
}

#[test]
fn emulator_refuses_a_broken_tenant_file() {
    let home = TempDir::new().unwrap();
    let path = home.path().join("tenant.toml");
    std::fs::write(&path, "[[users]]\nusername = 1\n").unwrap();
    let output = bare_cmd(&home)
        .args(["emulator", "--listen", "127.0.0.1:0", "--tenant"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("tenant.toml"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn absurd_control_values_neither_crash_nor_wedge_the_emulator() {
    let tenant = TestTenant::demo();
    let base = tenant.base_url();
    let (status, _) = http(
        &base,
        "POST",
        "/_emulator/clock",
        None,
        Some(r#"{"advance_seconds":9223372036000000}"#),
    );
    assert_eq!(status, 200);
    let (status, _) = http(
        &base,
        "POST",
        "/_emulator/faults",
        None,
        Some(r#"{"kind":"rate_limited","retry_after":18446744073709551615}"#),
    );
    assert_eq!(status, 200);
    assert_eq!(
        http(
            &base,
            "GET",
            "/.well-known/openid-configuration",
            None,
            None
        )
        .0,
        429
    );
    assert_eq!(
        http(
            &base,
            "GET",
            "/.well-known/openid-configuration",
            None,
            None
        )
        .0,
        200
    );
}

/// As at Auth0: only the first enrollment ever hands out the recovery code, and that
/// code is the one that works once any enrollment is confirmed.
#[test]
fn an_abandoned_first_enrollment_keeps_its_recovery_code() {
    let tenant = TestTenant::demo();
    let enroll = |token: &str| {
        let output = tenant
            .cmd()
            .args(["enroll", "otp", "--json", "--no-confirm", "--token", token])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        stdout_json(&output)
    };
    let first = enroll(&tenant.mfa_token(demo::NEW_USER));
    let codes = first["recovery_codes"].as_array().unwrap();
    assert_eq!(codes.len(), 1, "{first}");
    let code = codes[0].as_str().unwrap().to_owned();
    // Abandoned; the user logs in again and enrolls anew: no second code.
    let token = tenant.mfa_token(demo::NEW_USER);
    let second = enroll(&token);
    assert!(
        second["recovery_codes"]
            .as_array()
            .is_none_or(|c| c.is_empty()),
        "{second}"
    );
    let secret = second["secret"].as_str().unwrap();
    let output = tenant
        .cmd()
        .args(["verify", "--mfa-token", &token, "--otp", &otp_now(secret)])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let output = tenant
        .cmd()
        .args([
            "verify",
            "--json",
            "--mfa-token",
            &tenant.mfa_token(demo::NEW_USER),
            "--recovery-code",
            &code,
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout_json(&output)["recovery_code"].is_string());
}

/// The README's emulator section is what another team reads: every flag of the command
/// and every control endpoint (as the emulator itself lists them) is in it.
#[test]
fn the_readme_documents_every_emulator_flag_and_control_endpoint() {
    let readme =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .unwrap();
    let section = &readme[readme.find("\n## The emulator\n").unwrap()..];
    let section = &section[..section[1..].find("\n## ").unwrap()];
    let args = <auth0_mfa::cli::EmulatorArgs as clap::Args>::augment_args(clap::Command::new("x"));
    let flags: Vec<String> = args
        .get_arguments()
        .filter_map(|a| a.get_long())
        .map(|l| format!("--{l}"))
        .collect();
    assert!(flags.len() >= 8, "{flags:?}");
    for flag in flags {
        assert!(
            section.contains(&flag),
            "the README's emulator section lacks {flag}"
        );
    }
    let tenant = TestTenant::demo();
    let (status, listing) = http(&tenant.base_url(), "GET", "/_emulator/", None, None);
    assert_eq!(status, 404);
    let listing = listing["error_description"].as_str().unwrap().to_owned();
    let endpoints: Vec<&str> = listing
        .split("Control API: ")
        .nth(1)
        .unwrap()
        .split(", ")
        .collect();
    assert!(endpoints.len() >= 7, "{endpoints:?}");
    for endpoint in endpoints {
        assert!(
            section.contains(&format!("`{endpoint}")),
            "the README's control API table lacks {endpoint}"
        );
    }
}

/// The text banner's `export` lines, pasted into a shell as the README says,
/// are all its examples need: the tenant, the password, `$SECRET` and `$CODE`.
#[test]
fn the_banners_export_lines_are_what_the_examples_need() {
    let home = TempDir::new().unwrap();
    let mut child = Command::new(BIN)
        .env_clear()
        .env("HOME", home.path())
        .args(["emulator", "--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let _running = Running(child);
    let mut exports = String::new();
    for _ in 0..100 {
        let mut line = String::new();
        assert!(
            reader.read_line(&mut line).unwrap() > 0,
            "the emulator exited early"
        );
        if line.trim_start().starts_with("export ") {
            exports.push_str(line.trim_start());
        }
        if line.starts_with("Control API") {
            break;
        }
    }
    for name in ["AUTH0_DOMAIN=", "AUTH0_PASSWORD=", "SECRET=", "CODE="] {
        assert!(exports.contains(&format!("export {name}")), "{exports}");
    }
    let script = format!(
        "{exports}\n\
         auth0-mfa login -u otp@example.com --otp-secret \"$SECRET\" --json --no-store > otp.json &&\n\
         auth0-mfa login -u recovery@example.com --recovery-code \"$CODE\" --json --no-store > recovery.json"
    );
    let dir = std::path::Path::new(BIN).parent().unwrap();
    let output = Command::new("sh")
        .env_clear()
        .env("HOME", home.path())
        .env("PATH", format!("{}:/usr/bin:/bin", dir.display()))
        .current_dir(home.path())
        .args(["-c", &script])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    for file in ["otp.json", "recovery.json"] {
        let result: Value =
            serde_json::from_str(&std::fs::read_to_string(home.path().join(file)).unwrap())
                .unwrap();
        assert!(result["access_token"].is_string(), "{file}: {result}");
    }
}
