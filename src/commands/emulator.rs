//! `emulator`: run the local Auth0 tenant until stopped and say how to use it, print a
//! tenant as a tenant file (`--print-tenant`), or check that a running one is ready
//! (`--check URL`, for container health checks), or print the codes a running one
//! sent (`emulator outbox`, for `--binding-code-command` and scripts).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use serde_json::{Value, json};

use crate::cli::{EmulatorAction, EmulatorArgs, OutboxArgs};
use crate::emulator::{Console, Emulator, Options, Tenant, TlsOptions, demo};
use crate::error::{Failure, exit};
use crate::output::{Output, Report};
use crate::settings::{Flags, Key, Settings};

pub async fn run(args: &EmulatorArgs, flags: &Flags, out: &Output) -> Result<(), Failure> {
    if let Some(EmulatorAction::Outbox(outbox_args)) = &args.action {
        return outbox(outbox_args, flags, out).await;
    }
    if let Some(url) = &args.check {
        return check(url, args.ca_file.as_deref(), out).await;
    }
    let tenant = match &args.tenant {
        Some(path) => Tenant::load(path).map_err(|e| {
            Failure::usage_with_hint(
                format!("cannot load the tenant file {}: {e:#}", path.display()),
                "see the README's \"The emulator\" section and src/emulator/example-tenant.toml",
            )
        })?,
        None => Tenant::demo(),
    };
    if args.print_tenant {
        return print_tenant(&tenant, out);
    }
    serve(args, tenant, out).await
}

/// The default CA file of `--tls`, which `--check` also trusts when it exists.
fn default_ca_file() -> PathBuf {
    std::env::temp_dir().join("auth0-mfa-emulator-ca.pem")
}

async fn serve(args: &EmulatorArgs, tenant: Tenant, out: &Output) -> Result<(), Failure> {
    if !args.listen.ip().is_loopback() {
        out.warn(&format!(
            "listening on {}: the tenant's test data (users, passwords, client secrets, the codes it sends) is reachable from other hosts; use this on a trusted network only",
            args.listen
        ));
    }
    let options = Options {
        listen: args.listen,
        tls: args.tls.then(|| TlsOptions {
            ca_file: args.ca_file.clone().unwrap_or_else(default_ca_file),
            names: args.tls_name.clone(),
        }),
        public_url: args.public_url.clone(),
        console: if out.json {
            Console::Json
        } else {
            Console::Text
        },
        // Every core: the RSA signing of each token set is what bounds its logins a second.
        threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let emulator = Emulator::start_in_background_with(tenant, options).map_err(|e| {
        Failure::usage_with_hint(
            format!("cannot start the emulator on {}: {e:#}", args.listen),
            "pick another address with --listen (e.g. 127.0.0.1:0), and check --tls-name and --public-url",
        )
    })?;
    let base = emulator.base_url();
    let demo_tenant = args.tenant.is_none();
    let ca_file = emulator.tls().map(|tls| tls.ca_file.display().to_string());
    out.result(Report::Prepared {
        text: banner(&base, demo_tenant, ca_file.as_deref()),
        json: json!({
            "base_url": base,
            "domain": base,
            "listen": emulator.local_addr().to_string(),
            "client_id": demo_tenant.then_some(demo::CLIENT_ID),
            "client_secret": demo_tenant.then_some(demo::CLIENT_SECRET),
            "password": demo_tenant.then_some(demo::PASSWORD),
            "otp_secret": demo_tenant.then_some(demo::OTP_SECRET),
            "recovery_code": demo_tenant.then_some(demo::RECOVERY_CODE),
            "users": demo_tenant.then(|| {
                demo_users()
                    .iter()
                    .map(|(user, has)| json!({"username": user, "has": has}))
                    .collect::<Vec<_>>()
            }),
            "control_api": format!("{base}/_emulator/"),
            "health": format!("{base}/_emulator/health"),
            "ca_file": ca_file,
        }),
    })?;
    out.progress("press Ctrl-C to stop");
    crate::interrupt::serving();
    // Serves until a signal ends the process (see `interrupt`).
    let _serving = emulator;
    std::future::pending().await
}

/// The tenant as a file `--tenant` takes back; under `--json`, the same as JSON.
fn print_tenant(tenant: &Tenant, out: &Output) -> Result<(), Failure> {
    let text = tenant
        .to_toml()
        .map_err(|e| Failure::Unexpected(anyhow::anyhow!("{e:#}")))?;
    out.result(Report::Prepared {
        text,
        json: serde_json::to_value(tenant).unwrap_or(Value::Null),
    })
}

/// `GET URL/_emulator/health`: ready when it answers 200 with `"status": "ok"`. Like
/// `doctor`, the verdict is the result (stdout) and the exit code says it: 0 ready, 3
/// nothing answered, 8 something else answered.
async fn check(url: &str, ca_file: Option<&Path>, out: &Output) -> Result<(), Failure> {
    let base = url.trim_end_matches('/');
    let health = format!("{base}/_emulator/health");
    match probe(&health, ca_file).await? {
        Ok(body) => out.result(Report::Prepared {
            text: format!(
                "ready: the emulator at {base} serves the tenant \"{}\"\n",
                body["tenant"].as_str().unwrap_or("")
            ),
            json: body,
        }),
        Err((exit, why)) => {
            let fix = "start it (auth0-mfa emulator --listen ADDR), or wait until it has \
                       started; --check takes the URL it listens on, and for --tls the \
                       CA file it wrote (--ca-file)";
            out.result(Report::Prepared {
                text: format!("not ready: {health}: {why}\n  fix: {fix}\n"),
                json: json!({"status": "not_ready", "url": health, "error": why, "fix": fix}),
            })?;
            Err(Failure::ChecksFailed { failed: 1, exit })
        }
    }
}

/// Where `emulator outbox` looks when no domain is configured: where
/// `auth0-mfa emulator` listens by default.
const DEFAULT_EMULATOR: &str = "http://127.0.0.1:8787";

/// `GET /_emulator/outbox` of a running emulator: every code sent, or with
/// `--to` those to one destination or user; `--latest` prints the last code
/// alone, as `--binding-code-command` takes it.
async fn outbox(args: &OutboxArgs, flags: &Flags, out: &Output) -> Result<(), Failure> {
    let settings = Settings::resolve(flags)?;
    let base = match settings.get(Key::Domain) {
        Some(_) => settings.domain()?.base_url(),
        None => DEFAULT_EMULATOR.to_owned(),
    };
    let url = format!("{base}/_emulator/outbox");
    let sent = match fetch(&url, args.ca_file.as_deref()).await? {
        Ok(Value::Array(sent)) => sent,
        Ok(_) => {
            return Err(not_an_emulator(
                &url,
                "answered something else than a list".into(),
            ));
        }
        Err((_, why)) => return Err(not_an_emulator(&url, why)),
    };
    let wanted: Vec<Value> = sent
        .into_iter()
        .filter(|m| args.to.as_deref().is_none_or(|to| addressed_to(m, to)))
        .collect();
    if !args.latest {
        let text: String = wanted
            .iter()
            .map(|m| {
                format!(
                    "{} to {}: {} (user {})\n",
                    m["channel"].as_str().unwrap_or(""),
                    m["to"].as_str().unwrap_or(""),
                    m["code"].as_str().unwrap_or(""),
                    m["username"].as_str().unwrap_or("")
                )
            })
            .collect();
        return out.result(Report::Prepared {
            text,
            json: Value::Array(wanted),
        });
    }
    let Some(latest) = wanted.last() else {
        return Err(Failure::usage_with_hint(
            match &args.to {
                Some(to) => format!("the emulator at {base} has sent no code to {to}"),
                None => format!("the emulator at {base} has sent no code"),
            },
            "send one first (a challenge or an enrollment by SMS, voice or email); without --to, every message is listed",
        ));
    };
    out.result(Report::Prepared {
        text: format!("{}\n", latest["code"].as_str().unwrap_or("")),
        json: latest.clone(),
    })
}

/// A message `to` names: its destination, that destination masked as the
/// authenticator list shows it (`XXXXXXX0100`, `****@exam*******`), or its user.
fn addressed_to(message: &Value, to: &str) -> bool {
    let field = |name: &str| message[name].as_str().unwrap_or("");
    let destination = field("to");
    let digits: String = destination.chars().filter(char::is_ascii_digit).collect();
    let masked_match = |plain: &str| {
        plain.chars().count() == to.chars().count()
            && to
                .chars()
                .zip(plain.chars())
                .all(|(m, c)| m == c || m == 'X' || m == '*')
    };
    to == destination
        || to == field("username")
        || masked_match(destination)
        || masked_match(&digits)
}

fn not_an_emulator(url: &str, why: String) -> Failure {
    Failure::usage_with_hint(
        format!("cannot read the emulator's outbox at {url}: {why}"),
        "start it (auth0-mfa emulator), and point --domain / AUTH0_DOMAIN at it",
    )
}

/// The health document, or the exit code and why the emulator is not ready.
async fn probe(
    health: &str,
    ca_file: Option<&Path>,
) -> Result<Result<Value, (i32, String)>, Failure> {
    Ok(match fetch(health, ca_file).await? {
        Ok(body) if body["status"] == "ok" => Ok(body),
        Ok(_) => Err((
            exit::BAD_RESPONSE,
            "answered, but not as an emulator that is ready".to_owned(),
        )),
        Err(why) => Err(why),
    })
}

/// A control API document, or the exit code and why there is none.
async fn fetch(url: &str, ca_file: Option<&Path>) -> Result<Result<Value, (i32, String)>, Failure> {
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .tls_backend_preconfigured(tls_config(ca_file)?)
        .build()
        .map_err(|e| Failure::Unexpected(anyhow::anyhow!("cannot set up the HTTP client: {e}")))?;
    let answer = match client.get(url).send().await {
        Ok(answer) => answer,
        Err(e) => {
            return Ok(Err((
                exit::NETWORK,
                format!("no answer ({})", root_cause(&e)),
            )));
        }
    };
    let status = answer.status();
    let body: Value = answer.json().await.unwrap_or(Value::Null);
    if status.is_success() {
        Ok(Ok(body))
    } else {
        Ok(Err((
            exit::BAD_RESPONSE,
            format!("answered HTTP {status}, not an emulator that is ready"),
        )))
    }
}

/// The innermost error: "Connection refused" rather than reqwest's "error sending request".
fn root_cause(error: &(dyn std::error::Error + 'static)) -> String {
    let mut cause = error;
    while let Some(source) = cause.source() {
        cause = source;
    }
    cause.to_string()
}

/// The built-in roots plus the emulator's CA: `--ca-file`, else the default file `--tls`
/// writes when it exists.
fn tls_config(ca_file: Option<&Path>) -> Result<rustls::ClientConfig, Failure> {
    use rustls::pki_types::CertificateDer;
    use rustls::pki_types::pem::PemObject;
    let mut roots = rustls::RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    let default = default_ca_file();
    let path = match ca_file {
        Some(path) => Some(path),
        None => default.exists().then_some(default.as_path()),
    };
    if let Some(path) = path {
        let unusable = |why: String| {
            Failure::usage_with_hint(
                format!("cannot use the CA file {}: {why}", path.display()),
                "give --ca-file the file the emulator's --tls wrote (--ca-file there too)",
            )
        };
        let mut found = 0;
        for cert in CertificateDer::pem_file_iter(path).map_err(|e| unusable(e.to_string()))? {
            let cert = cert.map_err(|e| unusable(e.to_string()))?;
            roots.add(cert).map_err(|e| unusable(e.to_string()))?;
            found += 1;
        }
        if found == 0 {
            return Err(unusable("it holds no certificate".into()));
        }
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    Ok(rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| Failure::Unexpected(anyhow::anyhow!("no TLS version available: {e}")))?
        .with_root_certificates(roots)
        .with_no_client_auth())
}
/// The demo tenant's users and what each has, for the banner and its JSON.
fn demo_users() -> Vec<(&'static str, String)> {
    let fresh = demo::MORE_NEW_USERS.map(|user| (user, "no factor enrolled yet".to_owned()));
    [
        (demo::OTP_USER, format!("OTP; secret {}", demo::OTP_SECRET)),
        (demo::PUSH_USER, "push, approved after 2 polls".to_owned()),
        (demo::PUSH_REJECT_USER, "push, always rejected".to_owned()),
        (
            demo::SMS_USER,
            format!("SMS and voice to {}", demo::SMS_PHONE),
        ),
        (demo::EMAIL_USER, "email".to_owned()),
        (
            demo::MULTI_USER,
            "OTP, push, SMS, email and a recovery code".to_owned(),
        ),
        (
            demo::RECOVERY_USER,
            format!("recovery code {}", demo::RECOVERY_CODE),
        ),
        (demo::NEW_USER, "no factor enrolled yet".to_owned()),
    ]
    .into_iter()
    .chain(fresh)
    .collect()
}

fn banner(base: &str, demo_tenant: bool, ca_file: Option<&str>) -> String {
    let mut text = format!("Auth0 MFA emulator listening on {base}\n\n");
    let cacert = ca_file
        .map(|f| format!("  export AUTH0_CACERT={f}\n"))
        .unwrap_or_default();
    if demo_tenant {
        // Every value the README's examples use, as lines to paste.
        text.push_str(&format!(
            "Use it:\n  export AUTH0_DOMAIN={base}\n  export AUTH0_CLIENT_ID={}\n  export AUTH0_CLIENT_SECRET={}\n  export AUTH0_PASSWORD={}\n  export SECRET={}   # {}'s TOTP secret\n  export CODE={}   # {}'s recovery code\n{cacert}\n",
            demo::CLIENT_ID,
            demo::CLIENT_SECRET,
            demo::PASSWORD,
            demo::OTP_SECRET,
            demo::OTP_USER,
            demo::RECOVERY_CODE,
            demo::RECOVERY_USER,
        ));
        text.push_str(&format!("Demo users (password {}):\n", demo::PASSWORD));
        for (user, what) in demo_users() {
            text.push_str(&format!("  {user:<26} {what}\n"));
        }
        text.push('\n');
    } else {
        text.push_str(&format!("  export AUTH0_DOMAIN={base}\n{cacert}\n"));
    }
    text.push_str(&format!(
        "Control API: {base}/_emulator/ (outbox, requests, push/approve, push/reject, clock, faults)\n"
    ));
    text
}
