//! Verdicts every doctor room gives alike: a failed Auth0 answer as a failing
//! check (its hint as the fix), and the run's exit code from its checks. A
//! leaf the rooms share, so that no room imports the runner that joins them.

use crate::check::{Check, Status};
use crate::error::Failure;

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
pub fn failed(check: &'static str, detail: impl Into<String>, error: impl Into<Failure>) -> Check {
    let failure: Failure = error.into();
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
