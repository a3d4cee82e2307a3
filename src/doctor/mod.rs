//! `doctor`: diagnoses a tenant's MFA set-up one check at a time, each with a
//! verdict, what was seen, and for a warning or failure the fix. It never
//! consumes a code, never notifies the user unless asked (`--send`), and never
//! counts against the failed-code bucket: the grant probes carry a token that
//! belongs to nobody.
//!
//! A room per source of evidence, in the order they run: `discovery` (the
//! domain and the clock), `application` (client authentication, the MFA
//! grants), `user` (login and factors) with `challenge`, and `rate_limit`;
//! [`examine`] joins them. A new check goes in the room whose evidence it
//! reads; the Management API's checks (the configuration itself) will be a
//! room of their own, `management`, joined in `examine`.

mod application;
mod challenge;
mod discovery;
mod rate_limit;
mod user;

use crate::auth0::{Client, Error};
use crate::check::{Check, Status};
use crate::error::Failure;
use crate::secret::Secret;

/// Who to check, and how far to go.
pub struct Patient {
    pub username: Option<String>,
    pub password: Option<Secret>,
    pub realm: Option<String>,
    /// Challenge out-of-band factors too (sends a push, an SMS, an email).
    pub send: bool,
}

/// Runs every check, in order: each room adds its own, and a check that cannot
/// run says why.
pub async fn examine(client: &Client, patient: &Patient) -> Vec<Check> {
    let mut checks = Vec::new();
    if !discovery::checks(client, &mut checks).await {
        checks.push(Check::skip(
            "rest",
            "nothing else can be checked until the domain answers",
            None,
        ));
        return checks;
    }
    if application::checks(client, &mut checks).await {
        user::checks(client, patient, &mut checks).await;
    }
    checks.push(rate_limit::check(&client.last_meta()));
    checks
}

/// The first failure decides the exit code; warnings do not fail the run.
pub fn verdict(checks: &[Check]) -> Result<(), Failure> {
    let failed: Vec<&Check> = checks.iter().filter(|c| c.status == Status::Fail).collect();
    match failed.first() {
        None => Ok(()),
        Some(first) => Err(Failure::ChecksFailed {
            failed: failed.len(),
            exit: first.exit,
        }),
    }
}

/// A failure from an Auth0 answer, with the shared table's hint as the fix.
fn failed(check: &'static str, detail: impl Into<String>, error: Error) -> Check {
    let failure = Failure::from(error);
    let (detail, why) = (detail.into(), failure.to_string());
    // A network error names its URL already ("cannot reach URL: ...").
    let detail = if why.contains(&detail) {
        why
    } else {
        format!("{detail}: {why}")
    };
    let fix = failure
        .hint()
        .unwrap_or_else(|| "see the error above".into());
    Check::fail(check, detail, fix, failure.exit())
}
