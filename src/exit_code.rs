//! The exit codes: one enum, from which the README's table is generated
//! (`markdown`, checked by a test) so that the two cannot drift apart.

/// How the tool ends. A signal ends it with 128 + the signal's number, as
/// shells report a death by signal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(i32)]
pub enum ExitCode {
    Ok = 0,
    Unexpected = 1,
    Usage = 2,
    Network = 3,
    Rejected = 4,
    EnrollmentNeeded = 5,
    Expired = 6,
    RateLimited = 7,
    BadResponse = 8,
    PushTimeout = 9,
    Pending = 10,
    Output = 11,
    Hangup = 129,
    Interrupted = 130,
    ClosedPipe = 141,
    Terminated = 143,
    /// `exec`, as `env`, `nice` and `timeout` do: the tool failed before the
    /// command started; the command cannot be run; it was not found.
    ExecFailed = 125,
    CannotExecute = 126,
    NotFound = 127,
}

impl ExitCode {
    /// The codes of the README's table, in its order. `exec`'s own codes
    /// follow the wrappers' convention and are documented beside it.
    pub const DOCUMENTED: [ExitCode; 16] = [
        ExitCode::Ok,
        ExitCode::Unexpected,
        ExitCode::Usage,
        ExitCode::Network,
        ExitCode::Rejected,
        ExitCode::EnrollmentNeeded,
        ExitCode::Expired,
        ExitCode::RateLimited,
        ExitCode::BadResponse,
        ExitCode::PushTimeout,
        ExitCode::Pending,
        ExitCode::Output,
        ExitCode::Hangup,
        ExitCode::Interrupted,
        ExitCode::ClosedPipe,
        ExitCode::Terminated,
    ];

    /// `exec`'s codes beside the table.
    pub const WRAPPER: [ExitCode; 3] = [
        ExitCode::ExecFailed,
        ExitCode::CannotExecute,
        ExitCode::NotFound,
    ];

    /// The process's exit status.
    pub const fn code(self) -> i32 {
        self as i32
    }

    /// What the code tells a script, as the README says it.
    pub fn meaning(self) -> &'static str {
        match self {
            ExitCode::Ok => "success",
            ExitCode::Unexpected => "unexpected failure (a bug: please report it)",
            ExitCode::Usage => {
                "usage: bad flags, a missing setting, a prompt needed but no terminal"
            }
            ExitCode::Network => "network: DNS, connect, TLS, timeout, connection reset",
            ExitCode::Rejected => {
                "rejected: wrong OTP, binding or recovery code or password, push rejected, bad client credentials, grant type not enabled, malformed `mfa_token`; a Management API refusal (no such user or connection, 403 `insufficient_scope`, 409 exists)"
            }
            ExitCode::EnrollmentNeeded => {
                "enrollment needed (`association_required`, `unsupported_challenge_type`, or no active authenticator of the factor asked for)"
            }
            ExitCode::Expired => {
                "expired: the `mfa_token` or code expired, a Management API token expired, or no stored session can give a token (`token`); log in again"
            }
            ExitCode::RateLimited => {
                "rate limited or blocked (429: `too_many_requests`, `too_many_attempts`)"
            }
            ExitCode::BadResponse => {
                "the server answered something that is not the Auth0 API (5xx, HTML, bad or oversized JSON, a redirect, bytes that are not HTTP)"
            }
            ExitCode::PushTimeout => "gave up waiting for a push approval (`--timeout`)",
            ExitCode::Pending => "still pending (the push is not answered yet)",
            ExitCode::Output => {
                "the output could not be written: stdout (a full disk) or `--save-recovery-code`'s file; a new recovery code is then printed on stderr"
            }
            ExitCode::Hangup => "stopped by SIGHUP (the terminal went away)",
            ExitCode::Interrupted => "interrupted (Ctrl-C, SIGINT)",
            ExitCode::ClosedPipe => {
                "stdout was closed early (`| head`): ends quietly, as SIGPIPE would"
            }
            ExitCode::Terminated => "stopped by SIGTERM (`kill`, a CI job cancelled)",
            ExitCode::ExecFailed => "`exec`: the tool failed before the command started",
            ExitCode::CannotExecute => "`exec`: the command cannot be run",
            ExitCode::NotFound => "`exec`: the command was not found",
        }
    }
}

/// The README's exit-code table.
pub fn markdown() -> String {
    let mut out = String::from("| code | meaning |\n|---|---|\n");
    for exit in ExitCode::DOCUMENTED {
        let meaning = exit.meaning().replace('|', "\\|");
        out.push_str(&format!("| {} | {meaning} |\n", exit.code()));
    }
    out
}
