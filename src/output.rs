//! Everything the user sees: results on stdout as text or one JSON document,
//! failures, progress and warnings on stderr, colour decided once per stream.

use std::cell::Cell;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use colored::Colorize;
use serde_json::{Map, Value, json};

use crate::auth0::{
    Association, Authenticator, Challenge, Error as Auth0Error, MfaRequired, TokenSet,
};
use crate::cli::ColorChoice;
use crate::error::Failure;
use crate::jwt;
pub use crate::sanitize::sanitize;
use crate::settings::Settings;

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
        let decide = |terminal: bool| match color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
                if set("NO_COLOR") {
                    false
                } else if std::env::var_os("CLICOLOR_FORCE")
                    .is_some_and(|v| !v.is_empty() && v != "0")
                {
                    true
                } else {
                    terminal && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
                }
            }
        };
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

fn report_json(report: &Report<'_>) -> Value {
    match report {
        Report::Tokens(tokens) => serde_json::to_value(tokens).unwrap_or(Value::Null),
        Report::MfaToken(required) => serde_json::to_value(required).unwrap_or(Value::Null),
        Report::Challenge(challenge) => serde_json::to_value(challenge).unwrap_or(Value::Null),
        Report::Totp(t) => json!({
            "code": t.code,
            "remaining_seconds": t.remaining,
            "period": t.period,
            "digits": t.digits,
            "algorithm": t.algorithm,
            "time": t.time,
        }),
        Report::Settings(settings) => settings_json(settings),
        Report::ConfigPath { path, exists } => json!({"path": path, "exists": exists}),
        Report::Enrollment(association) => serde_json::to_value(association).unwrap_or(Value::Null),
        Report::Enrolled {
            association,
            confirmation,
        } => enrolled_json(association, *confirmation),
        Report::Authenticators { list, all } => Value::Array(
            list.iter()
                .filter(|a| *all || a.active)
                .filter_map(|a| serde_json::to_value(a).ok())
                .collect(),
        ),
        Report::Deleted(ids) => json!({"deleted": ids}),
        Report::Doctor(checks) => serde_json::to_value(checks).unwrap_or(Value::Null),
        Report::Prepared { json, .. } => json.clone(),
    }
}

fn report_text(report: &Report<'_>, paint: &Paint) -> String {
    match report {
        Report::Tokens(tokens) => tokens_text(tokens, paint),
        // Only the token, so `T=$(auth0-mfa login --mfa-token-only)` works.
        Report::MfaToken(required) => sanitize(required.mfa_token.expose()),
        Report::Challenge(c) => {
            let mut rows = vec![("challenge_type", sanitize(&c.challenge_type))];
            if let Some(code) = &c.oob_code {
                rows.push(("oob_code", sanitize(code.expose())));
            }
            if let Some(binding) = &c.binding_method {
                rows.push(("binding_method", sanitize(binding)));
            }
            if let Some(interval) = c.interval {
                rows.push(("interval", format!("{interval} s")));
            }
            if let Some(expires) = c.expires_in {
                rows.push(("expires_in", format!("{expires} s")));
            }
            table(&rows, paint)
        }
        // Only the code on stdout: `$(auth0-mfa totp "$SECRET")`.
        Report::Totp(t) => t.code.clone(),
        Report::Settings(settings) => settings_text(settings, paint),
        Report::ConfigPath { path, .. } => path.display().to_string(),
        Report::Enrollment(association) => enrollment_text(association, paint),
        Report::Enrolled {
            confirmation: Some(tokens),
            ..
        } => format!(
            "{}\n\n{}",
            paint.green("✓ enrollment confirmed"),
            tokens_text(tokens, paint)
        ),
        // Text mode shows a pending enrollment as `Enrollment`, before confirming.
        Report::Enrolled { association, .. } => enrollment_text(association, paint),
        Report::Authenticators { list, all } => authenticators_text(list, *all, paint),
        Report::Deleted(ids) => format!("deleted {}", ids.join(" and ")),
        Report::Doctor(checks) => doctor_text(checks, paint),
        Report::Prepared { text, .. } => text.clone(),
    }
}

fn table(rows: &[(&str, String)], paint: &Paint) -> String {
    let width = rows.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    rows.iter()
        .map(|(k, v)| format!("{}  {v}\n", paint.bold(&format!("{k:<width$}"))))
        .collect()
}

fn tokens_text(tokens: &TokenSet, paint: &Paint) -> String {
    let mut out = String::new();
    if let Some(code) = &tokens.recovery_code {
        out.push_str(&recovery_code_box(code.expose(), paint));
        out.push('\n');
    }
    let mut rows = vec![("access_token", sanitize(tokens.access_token.expose()))];
    if let Some(t) = &tokens.id_token {
        rows.push(("id_token", sanitize(t.expose())));
    }
    if let Some(t) = &tokens.refresh_token {
        rows.push(("refresh_token", sanitize(t.expose())));
    }
    if let Some(t) = &tokens.token_type {
        rows.push(("token_type", sanitize(t)));
    }
    if let Some(seconds) = tokens.expires_in {
        rows.push((
            "expires_in",
            format!("{seconds} s ({})", human_duration(seconds)),
        ));
    }
    if let Some(scope) = &tokens.scope {
        rows.push(("scope", sanitize(scope)));
    }
    out.push_str(&table(&rows, paint));
    for (name, token) in [
        ("access_token", Some(&tokens.access_token)),
        ("id_token", tokens.id_token.as_ref()),
    ] {
        let Some(claims) = token.and_then(|t| jwt::claims(t.expose())) else {
            continue;
        };
        out.push('\n');
        out.push_str(&paint.dim(&format!("{name} claims (not verified)")));
        out.push('\n');
        out.push_str(&claims_text(&claims, paint));
    }
    out
}

/// The enrollment's JSON: Auth0's fields, plus the confirmation's token set.
pub fn enrolled_json(association: &Association, confirmation: Option<&TokenSet>) -> Value {
    let mut body = serde_json::to_value(association).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut body {
        map.insert("confirmed".into(), json!(confirmation.is_some()));
        map.insert("confirmation".into(), json!(confirmation));
    }
    body
}

fn enrollment_text(association: &Association, paint: &Paint) -> String {
    let kind = match association.oob_channel.as_deref() {
        Some("auth0") => "push".to_owned(),
        Some(channel) => sanitize(channel),
        None => sanitize(&association.authenticator_type),
    };
    let mut out = format!(
        "{}\n",
        paint.bold(&format!(
            "New {kind} authenticator enrolled; it stays inactive until confirmed."
        ))
    );
    let mut rows = Vec::new();
    if let Some(secret) = &association.secret {
        rows.push(("secret", sanitize(secret.expose())));
    }
    if let Some(uri) = &association.barcode_uri {
        rows.push(("barcode_uri", sanitize(uri.expose())));
    }
    if let Some(code) = &association.oob_code {
        rows.push(("oob_code", sanitize(code.expose())));
    }
    if let Some(binding) = &association.binding_method {
        rows.push(("binding_method", sanitize(binding)));
    }
    out.push_str(&table(&rows, paint));
    if let Some(uri) = &association.barcode_uri {
        out.push('\n');
        out.push_str(&qr_code(uri.expose()));
        out.push_str(if kind == "push" {
            "Scan it with the Auth0 Guardian app.\n"
        } else {
            "Scan it with an authenticator app, or type the secret.\n"
        });
    }
    for code in &association.recovery_codes {
        out.push('\n');
        out.push_str(&code_box(
            &format!("RECOVERY CODE: {}", sanitize(code.expose())),
            "Save it now: it is the way in when the device is lost.",
            paint,
        ));
    }
    out
}

/// A QR code drawn with half blocks, two modules a character, light modules
/// as blocks so that it reads dark-on-light on a dark terminal.
pub fn qr_code(data: &str) -> String {
    use qrcode::render::unicode::Dense1x2;
    match qrcode::QrCode::new(data.as_bytes()) {
        Ok(code) => {
            code.render::<Dense1x2>()
                .dark_color(Dense1x2::Light)
                .light_color(Dense1x2::Dark)
                .quiet_zone(true)
                .build()
                + "\n"
        }
        Err(_) => "(too long for a QR code)\n".into(),
    }
}

fn authenticators_text(list: &[Authenticator], all: bool, paint: &Paint) -> String {
    let shown: Vec<&Authenticator> = list.iter().filter(|a| all || a.active).collect();
    if shown.is_empty() {
        let hidden = list.len();
        return if hidden > 0 {
            format!("no active authenticators ({hidden} pending: --all shows them)")
        } else {
            "no authenticators".into()
        };
    }
    // Linked pairs (push+totp, sms+voice) share the part after `|`: keep them together.
    let mut groups: Vec<Vec<&Authenticator>> = Vec::new();
    for a in shown {
        let suffix = a.id.split_once('|').map_or(a.id.as_str(), |(_, s)| s);
        match groups
            .iter_mut()
            .find(|g| g[0].id.split_once('|').map(|(_, s)| s) == Some(suffix))
        {
            Some(group) => group.push(a),
            None => groups.push(vec![a]),
        }
    }
    let mut rows = vec![[
        "ID".to_owned(),
        "TYPE".into(),
        "CHANNEL".into(),
        "NAME".into(),
        "ACTIVE".into(),
    ]];
    for group in &groups {
        for (i, a) in group.iter().enumerate() {
            let id = if i == 0 {
                sanitize(&a.id)
            } else {
                format!("└ {}", sanitize(&a.id))
            };
            rows.push([
                id,
                sanitize(&a.authenticator_type),
                sanitize(a.oob_channel.as_deref().unwrap_or("")),
                sanitize(a.name.as_deref().unwrap_or("")),
                if a.active {
                    "yes".into()
                } else {
                    "pending".into()
                },
            ]);
        }
    }
    let widths: Vec<usize> = (0..5)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for (n, row) in rows.iter().enumerate() {
        let line: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, width)| format!("{cell}{}", " ".repeat(width - cell.chars().count())))
            .collect();
        let line = line.join("  ").trim_end().to_owned();
        out.push_str(&if n == 0 { paint.bold(&line) } else { line });
        out.push('\n');
    }
    if !all && list.iter().any(|a| !a.active) {
        out.push_str(&paint.dim("pending enrollments hidden: --all shows them"));
        out.push('\n');
    }
    out
}

fn doctor_text(checks: &[crate::doctor::Check], paint: &Paint) -> String {
    use crate::doctor::Status;
    let width = checks.iter().map(|c| c.check.len()).max().unwrap_or(0);
    let mut out = String::new();
    for check in checks {
        let mark = match check.status {
            Status::Pass => paint.green("✓"),
            Status::Warn => paint.yellow_bold("!"),
            Status::Fail => paint.red_bold("✗"),
            Status::Skip => paint.dim("-"),
        };
        out.push_str(&format!(
            "{mark} {}  {}\n",
            paint.bold(&format!("{:<width$}", check.check)),
            sanitize(&check.detail)
        ));
        if let Some(fix) = &check.fix {
            out.push_str(&format!(
                "  {:<width$}  {} {}\n",
                "",
                paint.cyan("fix:"),
                sanitize(fix)
            ));
        }
    }
    out
}

fn recovery_code_box(code: &str, paint: &Paint) -> String {
    code_box(
        &format!("NEW RECOVERY CODE: {}", sanitize(code)),
        "Save it now: the code you used no longer works.",
        paint,
    )
}

fn code_box(line1: &str, line2: &str, paint: &Paint) -> String {
    let width = line1.chars().count().max(line2.chars().count());
    let bar = "═".repeat(width + 2);
    format!(
        "{}\n{}\n{}\n{}\n",
        paint.yellow_bold(&format!("╔{bar}╗")),
        paint.yellow_bold(&format!("║ {line1:<width$} ║")),
        paint.yellow_bold(&format!("║ {line2:<width$} ║")),
        paint.yellow_bold(&format!("╚{bar}╝")),
    )
}

fn claims_text(claims: &Map<String, Value>, paint: &Paint) -> String {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default();
    let names: Vec<String> = claims.keys().map(|name| sanitize(name)).collect();
    let rows: Vec<(&str, String)> = claims
        .iter()
        .zip(&names)
        .map(|((name, value), shown_name)| {
            let shown = match (name.as_str(), value.as_i64()) {
                ("exp" | "iat" | "nbf" | "auth_time" | "updated_at", Some(t)) => {
                    format!("{} ({})", utc(t), relative(t - now))
                }
                _ => match value {
                    Value::String(s) => sanitize(s),
                    other => sanitize(&other.to_string()),
                },
            };
            (shown_name.as_str(), shown)
        })
        .collect();
    table(&rows, paint)
        .lines()
        .map(|l| format!("  {l}\n"))
        .collect()
}

fn settings_json(settings: &Settings) -> Value {
    let values: Map<String, Value> = settings
        .values
        .iter()
        .map(|s| {
            (
                s.key.name.to_owned(),
                json!({"value": s.shown(), "source": s.source.to_string()}),
            )
        })
        .collect();
    json!({
        "config_file": settings.config_path,
        "config_file_exists": settings.config_found,
        "profile": settings.profile.as_ref().map(|(name, source)| json!({"name": name, "source": source.to_string()})),
        "settings": values,
    })
}

fn settings_text(settings: &Settings, paint: &Paint) -> String {
    let file = match &settings.config_path {
        Some(path) if settings.config_found => path.display().to_string(),
        Some(path) => format!("{} (not found)", path.display()),
        None => "(no config directory)".into(),
    };
    let profile = match &settings.profile {
        Some((name, source)) => format!("{name} ({source})"),
        None => "(none)".into(),
    };
    let mut rows = vec![("config file", file), ("profile", profile)];
    for setting in &settings.values {
        rows.push((
            setting.key.name,
            format!(
                "{}  {}",
                sanitize(&setting.shown()),
                paint.dim(&format!("[{}]", setting.source))
            ),
        ));
    }
    table(&rows, paint)
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

pub fn human_duration(seconds: u64) -> String {
    match seconds {
        s if s < 120 => format!("{s} seconds"),
        s if s < 7200 => format!("{} minutes", s / 60),
        s if s < 172_800 => format!("{} hours", s / 3600),
        s => format!("{} days", s / 86_400),
    }
}

fn relative(delta: i64) -> String {
    if delta.abs() < 5 {
        "now".into()
    } else if delta >= 0 {
        format!("in {}", human_duration(delta as u64))
    } else {
        format!("{} ago", human_duration(delta.unsigned_abs()))
    }
}

/// `2026-11-30 14:03:00 UTC`, without a date crate: days to civil date (Hinnant).
pub fn utc(unix: i64) -> String {
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02} UTC",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_dates() {
        assert_eq!(utc(0), "1970-01-01 00:00:00 UTC");
        assert_eq!(utc(1_234_567_890), "2009-02-13 23:31:30 UTC");
        assert_eq!(utc(951_825_600), "2000-02-29 12:00:00 UTC");
    }

    #[test]
    fn durations_read_well() {
        assert_eq!(human_duration(86_400), "24 hours");
        assert_eq!(human_duration(600), "10 minutes");
    }
}
