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
