//! The emulator's control API, as a client: a document a running emulator
//! serves (its health, its outbox), for `emulator --check` and `emulator
//! outbox`. Whatever answers may be anything, so its answer is read with a cap.
//! Like the other API clients, it neither prints nor prompts.

use std::time::Duration;

use rustls::pki_types::TrustAnchor;
use serde_json::Value;

use crate::error::Failure;
use crate::exit_code::ExitCode;

/// A health document is a few hundred bytes, the outbox (1000 codes at most) a
/// few hundred KB; anything much larger is not the emulator's.
const MAX_DOCUMENT_BYTES: usize = 1024 * 1024;

/// A control API document (with the control token, when given), or the exit
/// code and why there is none.
pub async fn fetch(
    url: &str,
    extra_roots: &[TrustAnchor<'static>],
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
        .tls_backend_preconfigured(crate::auth0::tls_config(extra_roots))
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

/// The body, or None when it fails or outgrows [`MAX_DOCUMENT_BYTES`].
async fn read_capped(mut answer: reqwest::Response) -> Option<Vec<u8>> {
    let mut body = Vec::new();
    while let Some(chunk) = answer.chunk().await.ok()? {
        if body.len() + chunk.len() > MAX_DOCUMENT_BYTES {
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
