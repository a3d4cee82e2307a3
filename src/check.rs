//! A check's verdict: what `doctor` found, in the words `output` renders
//! (a status, what was seen, the fix, the exit code a failure stands for).

use serde::Serialize;

use crate::exit_code::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pass,
    Warn,
    Fail,
    Skip,
}

/// One line of the report.
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    pub check: &'static str,
    pub status: Status,
    pub detail: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
    /// The exit code this failure stands for.
    #[serde(skip)]
    pub exit: ExitCode,
}

impl Check {
    pub fn pass(check: &'static str, detail: impl Into<String>) -> Check {
        Check {
            check,
            status: Status::Pass,
            detail: detail.into(),
            fix: None,
            exit: ExitCode::Ok,
        }
    }

    pub fn skip(check: &'static str, detail: impl Into<String>, fix: Option<String>) -> Check {
        Check {
            check,
            status: Status::Skip,
            detail: detail.into(),
            fix,
            exit: ExitCode::Ok,
        }
    }

    pub fn warn(check: &'static str, detail: impl Into<String>, fix: impl Into<String>) -> Check {
        Check {
            check,
            status: Status::Warn,
            detail: detail.into(),
            fix: Some(fix.into()),
            exit: ExitCode::Ok,
        }
    }

    pub fn fail(
        check: &'static str,
        detail: impl Into<String>,
        fix: impl Into<String>,
        exit: ExitCode,
    ) -> Check {
        Check {
            check,
            status: Status::Fail,
            detail: detail.into(),
            fix: Some(fix.into()),
            exit,
        }
    }
}

/// One change of `doctor --fix`'s plan: what, where (the API call), and the
/// setting before and after.
#[derive(Debug, Clone, Serialize)]
pub struct Change {
    pub change: String,
    #[serde(rename = "where")]
    pub place: String,
    pub before: String,
    pub after: String,
    /// The Management API scope it needs.
    pub scope: &'static str,
}

/// What came of one change.
#[derive(Debug, Clone, Serialize)]
pub struct Applied {
    #[serde(flatten)]
    pub change: Change,
    pub outcome: Outcome,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Applied,
    Failed,
    /// The token lacks the change's scope: nothing was sent.
    NotAllowed,
}
