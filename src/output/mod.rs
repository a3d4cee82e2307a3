//! Everything the user sees: results on stdout as text or one JSON document,
//! failures, progress and warnings on stderr, colour decided once per stream.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use colored::Colorize;
use serde_json::{Map, Value, json};

use crate::auth0::{
    Association, Authenticator, Challenge, Error as Auth0Error, MfaRequired, TokenSet,
};
use crate::error::Failure;
use crate::management;
use crate::secret::Secret;

pub mod ci;
mod color;
pub mod export;
mod json;
mod qr;
mod report;
mod settings_view;
pub mod stream_mask;
mod time;

pub use crate::sanitize::sanitize;
use crate::sanitize::{sanitize_line, sanitize_value};
pub use color::{ColorChoice, ColorVars};
pub use report::enrolled_json;
use report::{report_json, report_text};
pub use settings_view::{SettingRow, SettingsView};
pub use time::human_duration;

/// A command's result, rendered by [`Output::result`].
#[derive(Debug)]
pub enum Report<'a> {
    Tokens(&'a TokenSet),
    MfaToken(&'a MfaRequired),
    Challenge(&'a Challenge),
    Totp(&'a TotpCode),
    Settings(&'a SettingsView),
    ConfigPath {
        path: &'a Path,
        exists: bool,
    },
    /// A new enrollment, shown before it is confirmed (text mode).
    Enrollment(&'a Association),
    /// The enrollment and, unless `--no-confirm`, its confirmation (JSON mode).
    Enrolled {
        association: &'a Association,
        confirmation: Option<&'a TokenSet>,
    },
    /// `login` that enrolled the user's first factor: the tokens, and the
    /// enrollment (secret, URI, recovery code) beside them in JSON.
    TokensAfterEnrollment {
        tokens: &'a TokenSet,
        association: &'a Association,
    },
    /// `token`: the access token alone (text), or the token set without the
    /// refresh token and with the seconds left (JSON).
    AccessToken {
        tokens: &'a TokenSet,
        seconds_left: u64,
    },
    LoggedOut(&'a [LoggedOut]),
    Authenticators {
        list: &'a [Authenticator],
        all: bool,
    },
    Deleted(&'a [String]),
    /// `users create`: what a login needs, under these names.
    UserCreated(&'a CreatedUser),
    /// `users show`: the user, its authentication methods and its blocks.
    User {
        user: &'a management::User,
        methods: &'a [management::AuthenticationMethod],
        blocks: &'a [management::Block],
    },
    /// `users delete`: the users deleted (none, for a sweep that found none).
    UsersDeleted(&'a [management::User]),
    /// `users unblock USER`.
    Unblocked(&'a str),
    /// `users reset-mfa`: the user whose methods are all removed.
    MfaReset(&'a str),
    Doctor(&'a [crate::check::Check]),
    /// `doctor --fix`: the checks and the plan, then what was applied and
    /// the checks run again. Text shows the parts given (the plan before
    /// the question, the rest after); JSON is one document of all four.
    DoctorFix {
        checks: Option<&'a [crate::check::Check]>,
        plan: &'a [crate::check::Change],
        applied: Option<&'a [crate::check::Applied]>,
        after: Option<&'a [crate::check::Check]>,
    },
    /// Already in both shapes (the emulator's banner, the demo's summary).
    Prepared {
        text: String,
        json: Value,
    },
}

/// One session `logout` ended.
#[derive(Debug)]
pub struct LoggedOut {
    pub session: crate::sessions::SessionKey,
    pub revoked: bool,
    /// Why the refresh token was not revoked, when it had one.
    pub problem: Option<String>,
}

/// A user `users create` made, with what logs it in.
#[derive(Debug)]
pub struct CreatedUser {
    pub user_id: String,
    pub email: String,
    pub password: Secret,
    pub otp_secret: Secret,
    pub connection: String,
    pub authentication_method_id: String,
}

#[derive(Debug)]
pub struct TotpCode {
    pub code: String,
    pub remaining: u64,
    pub period: u64,
    pub digits: usize,
    pub algorithm: &'static str,
    pub time: u64,
}

pub struct Output {
    pub json: bool,
    pub verbose: u8,
    /// `--curl`: print each request as a curl command.
    pub curl: bool,
    stdout_color: bool,
    stderr_color: bool,
    stderr_terminal: bool,
    /// Once stdout has its result, a later failure goes to stderr only, so that
    /// `--json` still prints exactly one document.
    result_printed: AtomicBool,
    spinner_frame: AtomicUsize,
    kept: Mutex<Vec<(&'static str, Secret)>>,
    /// The CI runner's masker, told of each secret before it is printed.
    ci: ci::Masker,
    /// `--format`: how a token set is handed on instead of the usual result.
    export: Option<(export::Format, export::Names)>,
    /// Where the GitHub forms of `--format` append.
    github_files: export::GithubFiles,
}

impl Output {
    pub fn new(json: bool, verbose: u8, color: ColorChoice, vars: &ColorVars) -> Output {
        let stderr_terminal = std::io::stderr().is_terminal();
        let decide = |terminal: bool| color::wanted(color, terminal, vars);
        // We decide per stream ourselves; colored's own guess must not interfere.
        colored::control::set_override(true);
        Output {
            json,
            verbose,
            curl: false,
            stdout_color: !json && decide(std::io::stdout().is_terminal()),
            stderr_color: decide(stderr_terminal),
            stderr_terminal,
            result_printed: AtomicBool::new(false),
            spinner_frame: AtomicUsize::new(0),
            kept: Mutex::new(Vec::new()),
            ci: ci::Masker::new(ci::Runner::None),
            export: None,
            github_files: export::GithubFiles::default(),
        }
    }

    /// `--format` and `--env-name`, for every result that is a token set.
    pub fn export_as(
        &mut self,
        format: Option<export::Format>,
        renames: &[String],
        github_files: export::GithubFiles,
    ) -> Result<(), Failure> {
        self.github_files = github_files;
        let names = export::Names::parse(renames)?;
        self.export = format.map(|format| (format, names));
        Ok(())
    }

    /// Registers every secret about to be printed with this CI runner's
    /// masker (`--no-ci-mask` and runners that read no such line: nothing).
    pub fn mask_in_ci(&mut self, runner: ci::Runner) {
        self.ci = ci::Masker::new(runner);
    }

    /// Tells the CI runner of secrets handed on (to `exec`'s command) before
    /// anything can print them.
    pub fn register_handed_over<'a>(&self, secrets: impl IntoIterator<Item = &'a str>) {
        let lines = self.ci.lines(secrets);
        if !lines.is_empty() {
            write_stderr(&lines);
        }
    }

    /// Tells the CI runner of the secrets in `value` before they are printed.
    fn register_secrets(&self, value: &Value) {
        self.register_handed_over(ci::secrets_in(value));
    }

    pub fn stderr_is_terminal(&self) -> bool {
        self.stderr_terminal
    }

    /// Prints the command's result on stdout. A write that fails is the
    /// command's failure: a closed pipe ends quietly (as SIGPIPE would), any
    /// other error is an output failure; either way a secret that exists
    /// nowhere else (see [`Output::keep`]) still reaches stderr.
    pub fn result(&self, report: Report<'_>) -> Result<(), Failure> {
        if let Some((format, names)) = &self.export
            && let Some((tokens, expires_at)) = token_set_of(&report)
        {
            let variables = export::variables(tokens, expires_at, names);
            return self.export(*format, &variables, report);
        }
        let value = report_json(&report);
        self.register_secrets(&value);
        let text = if self.json {
            json::document(value)
        } else {
            report_text(&report, &Paint(self.stdout_color), stdout_columns())
        };
        self.write_stdout(&text)
            .map_err(|e| write_failure(e, "the result to stdout"))?;
        self.kept.lock().unwrap_or_else(|p| p.into_inner()).clear();
        Ok(())
    }

    /// Shows a report's text on stderr for the person at the terminal while
    /// stdout waits for the JSON document (an enrollment's secret and QR
    /// code, before its first code is asked for). Nothing without a terminal.
    pub fn aside(&self, report: Report<'_>) {
        if self.json && self.stderr_terminal {
            self.register_secrets(&report_json(&report));
            let columns = terminal_size::terminal_size_of(std::io::stderr())
                .map(|(width, _)| usize::from(width.0));
            let text = report_text(&report, &Paint(self.stderr_color), columns);
            write_stderr(&format!("{}\n", text.trim_end()));
        }
    }

    /// Hands a token set on in `format` (`--format`): the shells' and
    /// dotenv's lines on stdout, GitHub's files appended to, `raw` the access
    /// token alone, `json` the ordinary JSON result. Secrets are registered
    /// with the CI first. What a form leaves out and must not be lost (an
    /// enrollment, a new recovery code) is said on stderr.
    fn export(
        &self,
        format: export::Format,
        variables: &[export::Variable],
        report: Report<'_>,
    ) -> Result<(), Failure> {
        use export::Format;
        if format == Format::Json {
            let value = report_json(&report);
            self.register_secrets(&value);
            self.write_stdout(&json::document(value))
                .map_err(|e| write_failure(e, "the tokens to stdout"))?;
            self.kept.lock().unwrap_or_else(|p| p.into_inner()).clear();
            return Ok(());
        }
        self.register_handed_over(
            variables
                .iter()
                .filter(|v| v.secret)
                .map(|v| v.value.as_str()),
        );
        if let Report::TokensAfterEnrollment { association, .. } = &report {
            let enrollment = Report::Enrollment(association);
            self.register_secrets(&report_json(&enrollment));
            let text = report_text(&enrollment, &Paint(self.stderr_color), None);
            write_stderr(&format!("{}\n", text.trim_end()));
        }
        let written = match format {
            Format::Raw => {
                let tokens = token_set_of(&report).map(|(tokens, _)| tokens);
                let token = tokens.map_or("", |t| t.access_token.expose());
                self.write_stdout(&sanitize_value(token))
                    .map_err(|e| write_failure(e, "the token to stdout"))
            }
            Format::GithubEnv | Format::GithubOutput => {
                let (variable, path) = export::github_file(format, &self.github_files)?;
                export::append_github(&path, variables).map_err(|e| {
                    write_failure(
                        e,
                        &format!("the variables to {} (${variable})", path.display()),
                    )
                })
            }
            _ => {
                let text = export::render(format, variables)?;
                self.write_stdout(&text)
                    .map_err(|e| write_failure(e, "the variables to stdout"))
            }
        };
        let kept = std::mem::take(&mut *self.kept.lock().unwrap_or_else(|p| p.into_inner()));
        self.show_kept(&kept);
        written
    }

    /// Writes generated bytes (a completion script) to stdout as they are.
    pub fn raw(&self, bytes: &[u8]) -> Result<(), Failure> {
        let mut stdout = std::io::stdout().lock();
        self.result_printed.store(true, Ordering::SeqCst);
        stdout
            .write_all(bytes)
            .and_then(|()| stdout.flush())
            .map_err(|e| write_failure(e, "to stdout"))
    }

    /// Writes a whole block to stdout, and notes under the same lock that a
    /// result went out, so that a failure reported at the same moment (from
    /// the signal thread, say) knows not to print a second JSON document.
    fn write_stdout(&self, text: &str) -> std::io::Result<()> {
        let mut stdout = std::io::stdout().lock();
        self.result_printed.store(true, Ordering::SeqCst);
        writeln!(stdout, "{}", text.trim_end())?;
        stdout.flush()
    }

    /// Holds a secret that exists nowhere else yet, under its JSON name (a rotated recovery code,
    /// the recovery code of a first enrollment) until a result that shows it
    /// has been written. If the command ends any other way (a later step
    /// fails, stdout cannot be written, a signal), it is printed on stderr.
    pub fn keep(&self, field: &'static str, secret: &Secret) {
        let mut kept = self.kept.lock().unwrap_or_else(|p| p.into_inner());
        if !kept.iter().any(|(_, s)| s == secret) {
            kept.push((field, secret.clone()));
        }
    }

    /// Reports how the command failed: its error and hint on stderr, and
    /// under `--json` (unless a result went out already) one JSON document on
    /// stdout too, as gh does: the document is for the program that reads
    /// stdout, the line for the person reading the log. Kept secrets follow,
    /// in the document or else on stderr, so they are never lost.
    pub fn failure(&self, failure: &Failure) {
        let mut kept: Vec<(&'static str, Secret)> =
            std::mem::take(&mut *self.kept.lock().unwrap_or_else(|p| p.into_inner()));
        let mut value = failure_json(failure);
        for (field, secret) in &kept {
            if value.get(*field).is_none() {
                value[*field] = json!(secret.expose());
            }
        }
        self.register_secrets(&value);
        if matches!(failure, Failure::ClosedPipe) {
            self.show_kept(&kept);
            return;
        }
        if self.json && !self.result_printed.load(Ordering::SeqCst) {
            let text = json::document(value);
            if self.write_stdout(&text).is_ok() {
                kept.clear();
            }
        }
        let paint = Paint(self.stderr_color);
        let mut text = format!(
            "{} {}\n",
            paint.red_bold("error:"),
            one_line(&failure.to_string())
        );
        if let Some(hint) = failure.hint() {
            text.push_str(&format!("  {} {}\n", paint.cyan("hint:"), one_line(&hint)));
        }
        write_stderr(&text);
        self.show_kept(&kept);
    }

    fn show_kept(&self, kept: &[(&'static str, Secret)]) {
        let paint = Paint(self.stderr_color);
        for (field, secret) in kept {
            write_stderr(&format!(
                "{} the {} (keep it: it is shown only here): {}\n",
                paint.yellow_bold("important:"),
                field.replace('_', " "),
                sanitize(secret.expose())
            ));
        }
    }

    pub fn warn(&self, message: &str) {
        let paint = Paint(self.stderr_color);
        write_stderr(&format!(
            "{} {}\n",
            paint.yellow_bold("warning:"),
            one_line(message)
        ));
    }

    /// Something the user must know to carry on (always on stderr).
    pub fn note(&self, message: &str) {
        let paint = Paint(self.stderr_color);
        write_stderr(&format!("{} {}\n", paint.cyan("note:"), one_line(message)));
    }

    /// A step of a flow, for a person watching; silent in pipelines unless `-v`.
    pub fn progress(&self, message: &str) {
        if self.stderr_terminal || self.verbose > 0 {
            let paint = Paint(self.stderr_color);
            write_stderr(&format!("{} {}\n", paint.dim("›"), one_line(message)));
        }
    }

    /// A line of the demo's narrative on stdout (text mode only).
    pub fn narrate(&self, message: &str) -> Result<(), Failure> {
        if self.json {
            return Ok(());
        }
        let mut stdout = std::io::stdout().lock();
        writeln!(stdout, "{message}")
            .and_then(|()| stdout.flush())
            .map_err(|e| write_failure(e, "to stdout"))
    }

    pub fn paint_stdout(&self) -> Paint {
        Paint(self.stdout_color)
    }

    /// Clears the spinner's line, if one is drawn (before an exit on a signal).
    pub fn end_spinner(&self) {
        if self.stderr_terminal && self.spinner_frame.swap(0, Ordering::SeqCst) > 0 {
            write_stderr("\r\x1b[K");
        }
    }
}

/// stderr is the last resort: when even it cannot be written, there is no
/// one left to tell.
fn write_stderr(text: &str) {
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(text.as_bytes());
    let _ = stderr.flush();
}

/// The token set a report carries, and when its access token expires.
fn token_set_of<'a>(report: &Report<'a>) -> Option<(&'a TokenSet, Option<u64>)> {
    let now = crate::totp::now_unix();
    match report {
        Report::Tokens(tokens) | Report::TokensAfterEnrollment { tokens, .. } => {
            Some((*tokens, tokens.expires_in.map(|s| now.saturating_add(s))))
        }
        Report::AccessToken {
            tokens,
            seconds_left,
        } => Some((*tokens, Some(now.saturating_add(*seconds_left)))),
        _ => None,
    }
}

/// A failed write of the command's output, as the failure it is.
pub fn write_failure(error: std::io::Error, what: &str) -> Failure {
    if error.kind() == std::io::ErrorKind::BrokenPipe {
        Failure::ClosedPipe
    } else {
        Failure::Output {
            what: what.to_owned(),
            error,
        }
    }
}

/// Longest message line printed; a server can send a megabyte of description.
const MAX_MESSAGE_CHARS: usize = 1000;

/// A message for one stderr line: sanitized, cut to a readable length.
fn one_line(message: &str) -> String {
    let clean = sanitize_line(message);
    match clean.char_indices().nth(MAX_MESSAGE_CHARS) {
        Some((cut, _)) => format!("{}… (cut; {} bytes in all)", &clean[..cut], message.len()),
        None => clean,
    }
}

/// Steps on stderr, and a spinner with the elapsed time while a push is
/// awaited, only when stderr is a terminal.
impl crate::progress::Progress for Output {
    fn step(&self, message: &str) {
        self.progress(message);
    }

    fn keep(&self, field: &'static str, secret: &Secret) {
        Output::keep(self, field, secret);
    }

    fn note(&self, message: &str) {
        Output::note(self, message);
    }

    fn warn(&self, message: &str) {
        Output::warn(self, message);
    }

    fn tick(&self) -> Option<Duration> {
        self.stderr_terminal.then_some(Duration::from_millis(250))
    }

    fn waiting(&self, message: &str) {
        const FRAMES: [&str; 8] = ["⣾", "⣽", "⣻", "⢿", "⡿", "⣟", "⣯", "⣷"];
        let frame = self.spinner_frame.fetch_add(1, Ordering::SeqCst);
        let paint = Paint(self.stderr_color);
        write_stderr(&format!(
            "\r{} {}\x1b[K",
            paint.cyan(FRAMES[frame % FRAMES.len()]),
            sanitize(message)
        ));
    }

    fn done_waiting(&self) {
        self.end_spinner();
    }
}

/// The terminal's width, when stdout is a terminal (a pipe takes any width).
fn stdout_columns() -> Option<usize> {
    let stdout = std::io::stdout();
    if !stdout.is_terminal() {
        return None;
    }
    terminal_size::terminal_size_of(stdout).map(|(width, _)| usize::from(width.0))
}

/// Applies colour only when the stream it is for gets colour.
#[derive(Clone, Copy)]
pub struct Paint(pub bool);

impl Paint {
    fn apply(&self, text: &str, f: impl Fn(&str) -> colored::ColoredString) -> String {
        if self.0 {
            f(text).to_string()
        } else {
            text.to_owned()
        }
    }
    pub fn bold(&self, t: &str) -> String {
        self.apply(t, |t| t.bold())
    }
    pub fn dim(&self, t: &str) -> String {
        self.apply(t, |t| t.dimmed())
    }
    pub fn green(&self, t: &str) -> String {
        self.apply(t, |t| t.green())
    }
    pub fn cyan(&self, t: &str) -> String {
        self.apply(t, |t| t.cyan())
    }
    pub fn red_bold(&self, t: &str) -> String {
        self.apply(t, |t| t.red().bold())
    }
    pub fn yellow_bold(&self, t: &str) -> String {
        self.apply(t, |t| t.yellow().bold())
    }
}

fn failure_json(failure: &Failure) -> Value {
    if let Failure::AfterEnrollment { association, cause } = failure {
        let mut body = failure_json(cause);
        body["enrollment"] = enrolled_json(association, None);
        return body;
    }
    let mut body = Map::new();
    body.insert("error".into(), json!(failure.code()));
    let auth0 = match failure {
        Failure::Auth0(error)
        | Failure::Management(
            management::Error::Grant(error) | management::Error::Transport(error),
        ) => Some(error),
        _ => None,
    };
    match (failure, auth0) {
        (Failure::Management(management::Error::Api(api)), _) => {
            // Auth0's own names beside ours, as its SDKs show them.
            body.insert("error_description".into(), json!(failure.to_string()));
            body.insert("status".into(), json!(api.status));
            body.insert("message".into(), json!(api.message));
            body.insert("errorCode".into(), json!(api.error_code));
            if let Some(wait) = api.retry_after {
                body.insert("retry_after".into(), json!(wait.as_secs()));
            }
        }
        (_, Some(Auth0Error::Api(api))) => {
            body.insert("error_description".into(), json!(api.description));
            body.insert("status".into(), json!(api.status));
            if let Some(wait) = api.retry_after {
                body.insert("retry_after".into(), json!(wait.as_secs()));
            }
            for (k, v) in &api.extra {
                body.entry(k.clone()).or_insert_with(|| v.clone());
            }
        }
        (_, Some(Auth0Error::Protocol { status, .. })) => {
            body.insert("error_description".into(), json!(failure.to_string()));
            body.insert("status".into(), json!(status));
        }
        _ => {
            body.insert("error_description".into(), json!(failure.to_string()));
        }
    }
    body.insert("hint".into(), json!(failure.hint()));
    body.insert("exit_code".into(), json!(failure.exit_code()));
    Value::Object(body)
}
