//! A failed check from an error: the words every doctor room shares, so
//! that the rooms need nothing of the one that runs them.

use crate::check::Check;
use crate::error::Failure;

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
