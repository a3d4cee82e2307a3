//! `emulator --check URL`: is the emulator at URL ready? A container runtime's health
//! check. What answers may be anything, so its answer is read with a size cap and its
//! text is printed through the same filter as every server's.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use serde_json::{Value, json};

use crate::error::Failure;
use crate::exit_code::ExitCode;
use crate::output::{Output, Report};
use crate::sanitize::sanitize_line;

/// A health document is a few hundred bytes, the outbox (1000 codes at most) a
/// few hundred KB; anything much larger is not the emulator's.
const MAX_HEALTH_BYTES: usize = 1024 * 1024;

/// `GET URL/_emulator/health`: ready when it answers 200 with `"status": "ok"`. Like
/// `doctor`, the verdict is the result (stdout) and the exit code says it: 0 ready, 3
/// nothing answered, 8 something else answered. The control token, when given, is sent,
/// so a wrong one fails the check.
pub async fn check(
    url: &str,
    ca_file: Option<&Path>,
    token: Option<&str>,
    out: &Output,
) -> Result<(), Failure> {
    let base = url.trim_end_matches('/');
    let health = format!("{base}/_emulator/health");
    match probe(&health, ca_file, token).await? {
        Ok(body) => out.result(Report::Prepared {
            text: format!(
                "ready: the emulator at {} serves the tenant \"{}\"\n",
                sanitize_line(base),
                sanitize_line(body["tenant"].as_str().unwrap_or(""))
            ),
            json: body,
        }),
        Err((exit, why)) => {
            let fix = "start it (auth0-mfa emulator --listen ADDR), or wait until it has \
                       started; --check takes the URL it listens on, for --tls the CA file \
                       it wrote (--ca-file), and the control token it was given, if any \
                       (--control-token)";
            out.result(Report::Prepared {
                text: format!(
                    "not ready: {}: {why}\n  fix: {fix}\n",
                    sanitize_line(&health)
                ),
                json: json!({"status": "not_ready", "url": health, "error": why, "fix": fix}),
            })?;
            Err(Failure::ChecksFailed { failed: 1, exit })
        }
    }
}

/// The health document, or the exit code and why the emulator is not ready.
async fn probe(
    health: &str,
    ca_file: Option<&Path>,
    token: Option<&str>,
) -> Result<Result<Value, (ExitCode, String)>, Failure> {
    Ok(match fetch(health, ca_file, token).await? {
        Ok(body) if body["status"] == "ok" => Ok(body),
        Ok(_) => Err((
            ExitCode::BadResponse,
            "answered, but not as an emulator that is ready".to_owned(),
        )),
        Err(why) => Err(why),
    })
}

/// A control API document (with the control token, when given), or the exit
/// code and why there is none.
pub(super) async fn fetch(
    url: &str,
    ca_file: Option<&Path>,
    token: Option<&str>,
) -> Result<Result<Value, (ExitCode, String)>, Failure> {
    let mut builder = reqwest::Client::builder();
    let loopback = reqwest::Url::parse(url)
        .ok()
        .and_then(|url| url.host_str().map(crate::domain::is_loopback))
        .unwrap_or(false);
    if loopback {
        // The control token and the answer stay on this machine.
        builder = builder.no_proxy();
    }
    let client = builder
        .timeout(Duration::from_secs(5))
        .tls_backend_preconfigured(tls_config(ca_file)?)
        .build()
        .map_err(|e| Failure::Unexpected(anyhow::anyhow!("cannot set up the HTTP client: {e}")))?;
    let mut request = client.get(url);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let answer = match request.send().await {
        Ok(answer) => answer,
        Err(e) => {
            return Ok(Err((
                ExitCode::Network,
                format!("no answer ({})", root_cause(&e)),
            )));
        }
    };
    let status = answer.status();
    let body = read_capped(answer).await;
    let body: Value = body
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or(Value::Null);
    if status.is_success() && !body.is_null() {
        Ok(Ok(body))
    } else if status == reqwest::StatusCode::UNAUTHORIZED {
        Ok(Err((
            ExitCode::BadResponse,
            format!("answered HTTP {status}: it refused the control token sent"),
        )))
    } else {
        Ok(Err((
            ExitCode::BadResponse,
            format!("answered HTTP {status}, not an emulator that is ready"),
        )))
    }
}

/// The body, or None when it fails or outgrows [`MAX_HEALTH_BYTES`].
async fn read_capped(mut answer: reqwest::Response) -> Option<Vec<u8>> {
    let mut body = Vec::new();
    while let Some(chunk) = answer.chunk().await.ok()? {
        if body.len() + chunk.len() > MAX_HEALTH_BYTES {
            return None;
        }
        body.extend_from_slice(&chunk);
    }
    Some(body)
}

/// The innermost error: "Connection refused" rather than reqwest's "error sending request".
fn root_cause(error: &(dyn std::error::Error + 'static)) -> String {
    let mut cause = error;
    while let Some(source) = cause.source() {
        cause = source;
    }
    cause.to_string()
}

/// The built-in roots plus the emulator's CA (`super::trusted_ca_file`), trusted
/// only when it is the user's own (see `ca_file`).
fn tls_config(ca_file: Option<&Path>) -> Result<rustls::ClientConfig, Failure> {
    let mut roots = rustls::RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    if let Some(path) = ca_file {
        roots.roots.extend(crate::ca_file::load(
            path,
            "--ca-file",
            "give --ca-file the file the emulator's --tls wrote (--ca-file there too)",
        )?);
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    Ok(rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| Failure::Unexpected(anyhow::anyhow!("no TLS version available: {e}")))?
        .with_root_certificates(roots)
        .with_no_client_auth())
}
