//! How a command can fail, and the one mapping from each failure (and each
//! Auth0 error) to its exit code.

use std::fmt;
use std::time::Duration;

use crate::auth0::{self, ApiError};
use crate::exit_code::ExitCode;
use crate::hints;
use crate::management;

/// The signals that end a command early.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// SIGINT: Ctrl-C.
    Interrupt,
    /// SIGTERM: `kill`, a CI runner's cancel.
    Terminate,
    /// SIGHUP: the terminal went away.
    Hangup,
}

impl Signal {
    pub fn name(self) -> &'static str {
        match self {
            Signal::Interrupt => "SIGINT",
            Signal::Terminate => "SIGTERM",
            Signal::Hangup => "SIGHUP",
        }
    }

    pub fn exit_code(self) -> ExitCode {
        match self {
            Signal::Interrupt => ExitCode::Interrupted,
            Signal::Terminate => ExitCode::Terminated,
            Signal::Hangup => ExitCode::Hangup,
        }
    }
}

/// Every way a command can end other than success.
#[derive(Debug)]
pub enum Failure {
    /// Bad flags, a missing setting, or a prompt needed without a terminal.
    Usage {
        message: String,
        hint: Option<String>,
    },
    /// The tenant (or the network to it) failed.
    Auth0(auth0::Error),
    /// The Management API (or its token grant) failed.
    Management(management::Error),
    /// The user has no authenticator that can answer (found before asking Auth0).
    EnrollmentNeeded {
        message: String,
        hint: String,
    },
    /// The code at hand was sent already and would be refused as reused
    /// (`--no-otp-wait`): refused here, before it costs an attempt.
    CodeSpent {
        message: String,
        hint: String,
    },
    /// `token`: no stored session fits, or it can no longer be refreshed.
    NoSession {
        message: String,
        hint: String,
    },
    /// `--timeout` ran out while waiting for a push approval.
    /// The push was not approved in time: how long it was awaited, and the
    /// limit (the next poll would have come after it).
    PushTimeout {
        waited: Duration,
        limit: Duration,
    },
    /// A wrapper's failure (`exec`): the cause as it is, under the exit code
    /// of the wrappers' convention.
    Wrapped {
        cause: Box<Failure>,
        exit: ExitCode,
    },
    /// Ctrl-C or another signal ended a wait (a prompt, a request, a sleep).
    Interrupted(Signal),
    /// The result (or a file asked for, such as --save-recovery-code) could
    /// not be written.
    Output {
        what: String,
        error: std::io::Error,
    },
    /// Whoever read stdout stopped reading: end quietly, as SIGPIPE would.
    ClosedPipe,
    Unexpected(anyhow::Error),
    /// A bug: the panic hook has said where.
    Panicked,
    /// A later step failed after an enrollment was made: the enrollment (and
    /// its recovery codes) travels with the failure so it is never lost.
    AfterEnrollment {
        association: Box<auth0::Association>,
        cause: Box<Failure>,
    },
    /// `doctor`: the report is printed; `exit` is the first failure's code.
    ChecksFailed {
        failed: usize,
        exit: ExitCode,
    },
}

pub type Result<T, E = Failure> = std::result::Result<T, E>;

impl Failure {
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure::Usage {
            message: message.into(),
            hint: None,
        }
    }

    pub fn usage_with_hint(message: impl Into<String>, hint: impl Into<String>) -> Failure {
        Failure::Usage {
            message: message.into(),
            hint: Some(hint.into()),
        }
    }

    /// The process's exit status for this failure.
    pub fn exit_code(&self) -> i32 {
        self.exit().code()
    }

    /// The exit code this failure stands for.
    pub fn exit(&self) -> ExitCode {
        match self {
            Failure::Usage { .. } => ExitCode::Usage,
            Failure::Auth0(error) => auth0_exit_code(error),
            Failure::Management(error) => management_exit_code(error),
            Failure::EnrollmentNeeded { .. } => ExitCode::EnrollmentNeeded,
            Failure::CodeSpent { .. } => ExitCode::Rejected,
            Failure::NoSession { .. } => ExitCode::Expired,
            Failure::PushTimeout { .. } => ExitCode::PushTimeout,
            Failure::Interrupted(signal) => signal.exit_code(),
            Failure::Output { .. } => ExitCode::Output,
            Failure::ClosedPipe => ExitCode::ClosedPipe,
            Failure::Unexpected(_) | Failure::Panicked => ExitCode::Unexpected,
            Failure::AfterEnrollment { cause, .. } => cause.exit(),
            Failure::ChecksFailed { exit, .. } | Failure::Wrapped { exit, .. } => *exit,
        }
    }

    /// The machine-readable name, Auth0's own `error` where there is one.
    pub fn code(&self) -> &str {
        match self {
            Failure::Usage { .. } => "usage",
            Failure::Auth0(error) => auth0_code(error),
            Failure::Management(management::Error::Api(api)) => &api.code,
            Failure::Management(
                management::Error::Grant(error) | management::Error::Transport(error),
            ) => auth0_code(error),
            Failure::EnrollmentNeeded { .. } => "enrollment_required",
            Failure::CodeSpent { .. } => "otp_spent",
            Failure::NoSession { .. } => "login_required",
            Failure::PushTimeout { .. } => "timeout",
            Failure::Interrupted(_) => "interrupted",
            Failure::Output { .. } => "output_error",
            Failure::ClosedPipe => "closed_pipe",
            Failure::Unexpected(_) | Failure::Panicked => "internal_error",
            Failure::AfterEnrollment { cause, .. } | Failure::Wrapped { cause, .. } => cause.code(),
            Failure::ChecksFailed { .. } => "checks_failed",
        }
    }

    /// What to do about it: a flag, a variable, a dashboard setting.
    pub fn hint(&self) -> Option<String> {
        match self {
            Failure::Usage { hint, .. } => hint.clone(),
            Failure::Auth0(error) => hints::for_error(error),
            Failure::Management(error) => hints::for_management(error),
            Failure::EnrollmentNeeded { hint, .. }
            | Failure::CodeSpent { hint, .. }
            | Failure::NoSession { hint, .. } => Some(hint.clone()),
            Failure::PushTimeout { .. } => Some(
                "approve the push on the device sooner, raise --timeout, or choose another factor with --factor".into(),
            ),
            Failure::Output { .. } => Some(
                "check that the disk has room and that the path is writable".into(),
            ),
            Failure::Panicked => Some(
                "please report it with the command you ran (without its secrets)".into(),
            ),
            Failure::Interrupted(_) | Failure::ClosedPipe | Failure::Unexpected(_) => None,
            Failure::AfterEnrollment { cause, .. } | Failure::Wrapped { cause, .. } => cause.hint(),
            Failure::ChecksFailed { .. } => Some("follow the fix under each failed check".into()),
        }
    }
}

fn auth0_exit_code(error: &auth0::Error) -> ExitCode {
    match error {
        auth0::Error::Network { .. } => ExitCode::Network,
        auth0::Error::Protocol { .. } => ExitCode::BadResponse,
        auth0::Error::Api(api) => api_exit_code(api),
    }
}

fn auth0_code(error: &auth0::Error) -> &str {
    match error {
        auth0::Error::Network { .. } => "network_error",
        auth0::Error::Protocol { .. } => "unexpected_response",
        auth0::Error::Api(api) => &api.error,
    }
}

/// The Management API's answers by status: an expired token (6), the rate
/// limit (7), a tenant that fails (8); any other refusal, a missing user or
/// scope included, is a rejection (4).
fn management_exit_code(error: &management::Error) -> ExitCode {
    match error {
        management::Error::Api(api) if api.is_expired_token() => ExitCode::Expired,
        management::Error::Api(api) if api.status == 429 => ExitCode::RateLimited,
        management::Error::Api(api) if api.status >= 500 => ExitCode::BadResponse,
        management::Error::Api(_) => ExitCode::Rejected,
        management::Error::Grant(error) | management::Error::Transport(error) => {
            auth0_exit_code(error)
        }
    }
}

/// Auth0's `error` codes, grouped by what the user has to do next.
fn api_exit_code(api: &ApiError) -> ExitCode {
    match api.error.as_str() {
        "expired_token" => ExitCode::Expired,
        "invalid_grant"
            if api
                .description
                .as_deref()
                .is_some_and(|d| d.contains("expired")) =>
        {
            ExitCode::Expired
        }
        "association_required" | "unsupported_challenge_type" => ExitCode::EnrollmentNeeded,
        "too_many_attempts" | "too_many_requests" => ExitCode::RateLimited,
        "authorization_pending" | "slow_down" => ExitCode::Pending,
        _ if api.status == 429 => ExitCode::RateLimited,
        _ if api.status >= 500 => ExitCode::BadResponse,
        _ => ExitCode::Rejected,
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Usage { message, .. } => f.write_str(message),
            Failure::Auth0(error) => error.fmt(f),
            Failure::Management(error) => error.fmt(f),
            Failure::EnrollmentNeeded { message, .. }
            | Failure::CodeSpent { message, .. }
            | Failure::NoSession { message, .. } => f.write_str(message),
            Failure::PushTimeout { waited, limit } => write!(
                f,
                "gave up waiting for the push approval after {} s: the next poll would come after the {} s timeout",
                waited.as_secs(),
                limit.as_secs()
            ),
            Failure::Interrupted(Signal::Interrupt) => f.write_str("interrupted"),
            Failure::Interrupted(signal) => write!(f, "stopped by {}", signal.name()),
            Failure::Output { what, error } => write!(f, "cannot write {what}: {error}"),
            Failure::ClosedPipe => f.write_str("stdout was closed"),
            Failure::Unexpected(error) => write!(f, "{error:#}"),
            Failure::Panicked => f.write_str("internal error in auth0-mfa"),
            Failure::AfterEnrollment { cause, .. } | Failure::Wrapped { cause, .. } => cause.fmt(f),
            Failure::ChecksFailed { failed: 1, .. } => f.write_str("1 check failed"),
            Failure::ChecksFailed { failed, .. } => write!(f, "{failed} checks failed"),
        }
    }
}

impl From<auth0::Error> for Failure {
    fn from(error: auth0::Error) -> Self {
        Failure::Auth0(error)
    }
}

impl From<management::Error> for Failure {
    fn from(error: management::Error) -> Self {
        Failure::Management(error)
    }
}

impl From<anyhow::Error> for Failure {
    fn from(error: anyhow::Error) -> Self {
        Failure::Unexpected(error)
    }
}

impl From<std::io::Error> for Failure {
    fn from(error: std::io::Error) -> Self {
        Failure::Unexpected(error.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Map;

    fn api(status: u16, error: &str, description: &str) -> Failure {
        Failure::Auth0(auth0::Error::Api(ApiError {
            status,
            error: error.into(),
            description: Some(description.into()),
            extra: Map::new(),
            retry_after: None,
            ..Default::default()
        }))
    }

    #[test]
    fn auth0_errors_map_to_the_documented_codes() {
        assert_eq!(
            api(403, "invalid_grant", "Invalid otp_code.").exit_code(),
            4
        );
        assert_eq!(
            api(400, "access_denied", "MFA Authorization rejected.").exit_code(),
            4
        );
        assert_eq!(
            api(401, "invalid_client", "Client authentication failed").exit_code(),
            4
        );
        assert_eq!(
            api(403, "unauthorized_client", "Grant type not allowed").exit_code(),
            4
        );
        assert_eq!(api(401, "unsupported_challenge_type", "x").exit_code(), 5);
        assert_eq!(api(400, "association_required", "x").exit_code(), 5);
        assert_eq!(
            api(403, "expired_token", "mfa_token is expired").exit_code(),
            6
        );
        assert_eq!(api(429, "too_many_attempts", "x").exit_code(), 7);
        assert_eq!(api(429, "too_many_requests", "x").exit_code(), 7);
        assert_eq!(api(400, "authorization_pending", "x").exit_code(), 10);
        assert_eq!(api(503, "server_error", "x").exit_code(), 8);
    }

    /// The README's table goes by Auth0's `error` first, whatever the
    /// status; the status decides only for codes the table does not name.
    #[test]
    fn the_error_code_decides_before_the_status() {
        assert_eq!(
            api(403, "invalid_grant", "The mfa_token has expired.").exit_code(),
            6
        );
        assert_eq!(api(400, "too_many_attempts", "x").exit_code(), 7);
        assert_eq!(api(400, "too_many_requests", "x").exit_code(), 7);
        assert_eq!(api(400, "slow_down", "x").exit_code(), 10);
        assert_eq!(api(429, "authorization_pending", "x").exit_code(), 10);
        assert_eq!(api(500, "association_required", "x").exit_code(), 5);
        assert_eq!(api(429, "an_error_of_tomorrow", "x").exit_code(), 7);
        assert_eq!(api(500, "an_error_of_tomorrow", "x").exit_code(), 8);
        assert_eq!(api(499, "an_error_of_tomorrow", "x").exit_code(), 4);
    }

    #[test]
    fn transport_failures_map_to_network_and_bad_response() {
        let network = Failure::Auth0(auth0::Error::Network {
            url: "u".into(),
            message: "refused".into(),
            tls: false,
        });
        assert_eq!(network.exit_code(), 3);
        let protocol = Failure::Auth0(auth0::Error::Protocol {
            url: "u".into(),
            status: Some(502),
            message: "html".into(),
            once_issued: Vec::new(),
        });
        assert_eq!(protocol.exit_code(), 8);
        assert_eq!(Failure::usage("x").exit_code(), 2);
        assert_eq!(
            Failure::PushTimeout {
                waited: Duration::from_secs(1),
                limit: Duration::from_secs(1)
            }
            .exit_code(),
            9
        );
        assert_eq!(Failure::Interrupted(Signal::Interrupt).exit_code(), 130);
        assert_eq!(Failure::Interrupted(Signal::Terminate).exit_code(), 143);
        assert_eq!(Failure::Interrupted(Signal::Hangup).exit_code(), 129);
    }
}
