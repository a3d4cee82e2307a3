//! `emulator --check URL`: is the emulator at URL ready? A container runtime's health
//! check. What answers may be anything: `control` reads it with a size cap, and its
//! text is printed through the same filter as every server's.

use rustls::pki_types::TrustAnchor;
use serde_json::{Value, json};

use crate::control;
use crate::error::Failure;
use crate::exit_code::ExitCode;
use crate::output::{Output, Report};
use crate::sanitize::sanitize_line;

/// `GET URL/_emulator/health`: ready when it answers 200 with `"status": "ok"`. Like
/// `doctor`, the verdict is the result (stdout) and the exit code says it: 0 ready, 3
/// nothing answered, 8 something else answered. The control token, when given, is sent,
/// so a wrong one fails the check.
pub async fn check(
    url: &str,
    extra_roots: &[TrustAnchor<'static>],
    token: Option<&str>,
    out: &Output,
) -> Result<(), Failure> {
    let base = url.trim_end_matches('/');
    let health = format!("{base}/_emulator/health");
    match probe(&health, extra_roots, token).await? {
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
    extra_roots: &[TrustAnchor<'static>],
    token: Option<&str>,
) -> Result<Result<Value, (ExitCode, String)>, Failure> {
    Ok(match control::fetch(health, extra_roots, token).await? {
        Ok(body) if body["status"] == "ok" => Ok(body),
        Ok(_) => Err((
            ExitCode::BadResponse,
            "answered, but not as an emulator that is ready".to_owned(),
        )),
        Err(why) => Err(why),
    })
}
