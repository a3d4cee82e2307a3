//! Everything the user sees: results on stdout as text or one JSON document,
//! failures, progress and warnings on stderr, colour decided once per stream.

use std::cell::Cell;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::time::Duration;

use colored::Colorize;
use serde_json::{Map, Value, json};

use crate::auth0::{
    Association, Authenticator, Challenge, Error as Auth0Error, MfaRequired, TokenSet,
};
use crate::cli::ColorChoice;
use crate::error::Failure;
use crate::settings::Settings;

mod report;
mod time;

pub use crate::sanitize::sanitize;
pub use report::enrolled_json;
use report::{report_json, report_text};

/// A command's result, rendered by [`Output::result`].
#[derive(Debug)]
pub enum Report<'a> {
    Tokens(&'a TokenSet),
    MfaToken(&'a MfaRequired),
    Challenge(&'a Challenge),
    Totp(&'a TotpCode),
    Settings(&'a Settings),
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
    Authenticators {
        list: &'a [Authenticator],
        all: bool,
    },
    Deleted(&'a [String]),
    Doctor(&'a [crate::doctor::Check]),
    /// Already in both shapes (the emulator's banner, the demo's summary).
    Prepared {
        text: String,
        json: Value,
    },
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
    result_printed: Cell<bool>,
    spinner_frame: Cell<usize>,
}

impl Output {
    pub fn new(json: bool, verbose: u8, color: ColorChoice) -> Output {
        let stderr_terminal = std::io::stderr().is_terminal();
        let env = |name: &str| std::env::var_os(name);
        let decide = |terminal: bool| colour_wanted(color, terminal, env);
        // We decide per stream ourselves; colored's own guess must not interfere.
        colored::control::set_override(true);
        Output {
            json,
            verbose,
            curl: false,
            stdout_color: !json && decide(std::io::stdout().is_terminal()),
            stderr_color: decide(stderr_terminal),
            stderr_terminal,
            result_printed: Cell::new(false),
            spinner_frame: Cell::new(0),
        }
    }

    pub fn stderr_is_terminal(&self) -> bool {
        self.stderr_terminal
    }

    pub fn result(&self, report: Report<'_>) {
        let text = if self.json {
            let value = report_json(&report);
            serde_json::to_string_pretty(&value).unwrap_or_default()
        } else {
            report_text(&report, &Paint(self.stdout_color))
        };
        let mut stdout = std::io::stdout().lock();
        let _ = writeln!(stdout, "{}", text.trim_end());
        let _ = stdout.flush();
        self.result_printed.set(true);
    }

    pub fn failure(&self, failure: &Failure) {
        if self.json && !self.result_printed.get() {
            let value = failure_json(failure);
            println!(
                "{}",
                serde_json::to_string_pretty(&value).unwrap_or_default()
            );
            return;
        }
        let paint = Paint(self.stderr_color);
        let mut stderr = std::io::stderr().lock();
        let _ = writeln!(
            stderr,
            "{} {}",
            paint.red_bold("error:"),
            sanitize(&failure.to_string())
        );
        if let Some(hint) = failure.hint() {
            let _ = writeln!(stderr, "  {} {}", paint.cyan("hint:"), sanitize(&hint));
        }
    }

    pub fn warn(&self, message: &str) {
        let paint = Paint(self.stderr_color);
        eprintln!("{} {}", paint.yellow_bold("warning:"), sanitize(message));
    }

    /// Something the user must know to carry on (always on stderr).
    pub fn note(&self, message: &str) {
        let paint = Paint(self.stderr_color);
        eprintln!("{} {}", paint.cyan("note:"), sanitize(message));
    }

    /// A step of a flow, for a person watching; silent in pipelines unless `-v`.
    pub fn progress(&self, message: &str) {
        if self.stderr_terminal || self.verbose > 0 {
            let paint = Paint(self.stderr_color);
            eprintln!("{} {}", paint.dim("›"), sanitize(message));
        }
    }

    /// A line of the demo's narrative on stdout (text mode only).
    pub fn narrate(&self, message: &str) {
        if !self.json {
            println!("{message}");
        }
    }

    pub fn paint_stdout(&self) -> Paint {
        Paint(self.stdout_color)
    }
}

/// Steps on stderr, and a spinner with the elapsed time while a push is
/// awaited, only when stderr is a terminal.
impl crate::flow::Progress for Output {
    fn step(&self, message: &str) {
        self.progress(message);
    }

    fn tick(&self) -> Option<Duration> {
        self.stderr_terminal.then_some(Duration::from_millis(250))
    }

    fn waiting(&self, elapsed: Duration) {
        const FRAMES: [&str; 8] = ["⣾", "⣽", "⣻", "⢿", "⡿", "⣟", "⣯", "⣷"];
        let frame = self.spinner_frame.get();
        self.spinner_frame.set(frame + 1);
        let paint = Paint(self.stderr_color);
        eprint!(
            "\r{} waiting for the push approval on the device ({} s, Ctrl-C to stop)\x1b[K",
            paint.cyan(FRAMES[frame % FRAMES.len()]),
            elapsed.as_secs()
        );
    }

    fn done_waiting(&self) {
        if self.stderr_terminal && self.spinner_frame.get() > 0 {
            eprint!("\r\x1b[K");
        }
    }
}

/// The one colour decision, per stream. `--color` wins; then, as gh documents
/// them: `NO_COLOR` (any value) turns colour off, `CLICOLOR_FORCE` (not `0`)
/// turns it on even off a terminal, `CLICOLOR=0` turns it off; else colour on
/// a terminal whose `TERM` is not `dumb`.
fn colour_wanted(
    choice: ColorChoice,
    terminal: bool,
    env: impl Fn(&str) -> Option<std::ffi::OsString>,
) -> bool {
    let set = |name: &str| env(name).is_some_and(|v| !v.is_empty());
    let is = |name: &str, value: &str| env(name).is_some_and(|v| v == value);
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if set("NO_COLOR") => false,
        ColorChoice::Auto if set("CLICOLOR_FORCE") && !is("CLICOLOR_FORCE", "0") => true,
        ColorChoice::Auto if is("CLICOLOR", "0") => false,
        ColorChoice::Auto => terminal && !is("TERM", "dumb"),
    }
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
    if let Failure::AfterEnrollment { enrollment, cause } = failure {
        let mut body = failure_json(cause);
        body["enrollment"] = enrollment.clone();
        return body;
    }
    let mut body = Map::new();
    body.insert("error".into(), json!(failure.code()));
    match failure {
        Failure::Auth0(Auth0Error::Api(api)) => {
            body.insert("error_description".into(), json!(api.description));
            body.insert("status".into(), json!(api.status));
            if let Some(wait) = api.retry_after {
                body.insert("retry_after".into(), json!(wait.as_secs()));
            }
            for (k, v) in &api.extra {
                body.entry(k.clone()).or_insert_with(|| v.clone());
            }
        }
        Failure::Auth0(Auth0Error::Protocol { status, .. }) => {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn wanted(choice: ColorChoice, terminal: bool, vars: &[(&str, &str)]) -> bool {
        colour_wanted(choice, terminal, |name| {
            vars.iter().find(|(n, _)| *n == name).map(|(_, v)| v.into())
        })
    }

    #[test]
    fn a_terminal_gets_colour_unless_the_environment_says_no() {
        use ColorChoice::*;
        assert!(wanted(Auto, true, &[]));
        assert!(wanted(Auto, true, &[("TERM", "xterm-256color")]));
        assert!(!wanted(Auto, true, &[("TERM", "dumb")]));
        assert!(!wanted(Auto, true, &[("NO_COLOR", "1")]));
        assert!(wanted(Auto, true, &[("NO_COLOR", "")]));
        assert!(!wanted(Auto, true, &[("CLICOLOR", "0")]));
        assert!(wanted(Auto, true, &[("CLICOLOR", "1")]));
        assert!(!wanted(Auto, false, &[]));
        assert!(!wanted(Auto, false, &[("CLICOLOR", "1")]));
    }

    #[test]
    fn force_beats_clicolor_and_no_color_beats_force() {
        use ColorChoice::*;
        assert!(wanted(Auto, false, &[("CLICOLOR_FORCE", "1")]));
        assert!(!wanted(Auto, false, &[("CLICOLOR_FORCE", "0")]));
        assert!(wanted(
            Auto,
            true,
            &[("CLICOLOR_FORCE", "1"), ("CLICOLOR", "0")]
        ));
        assert!(!wanted(
            Auto,
            true,
            &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]
        ));
        assert!(wanted(
            Always,
            false,
            &[("NO_COLOR", "1"), ("CLICOLOR", "0")]
        ));
        assert!(!wanted(Never, true, &[("CLICOLOR_FORCE", "1")]));
    }
}
