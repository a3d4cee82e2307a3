//! How each result reads: the text and the JSON of every report.

use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::{Map, Value, json};

use super::time::{human_duration, relative, utc};
use super::{CreatedUser, LoggedOut, Paint, Report, SettingsView};
use crate::auth0::{Association, Authenticator, Challenge, TokenSet};
use crate::jwt;
use crate::sanitize::{sanitize_line, sanitize_value};

pub(super) fn report_json(report: &Report<'_>) -> Value {
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
        Report::TokensAfterEnrollment {
            tokens,
            association,
        } => {
            let mut body = serde_json::to_value(tokens).unwrap_or(Value::Null);
            body["enrollment"] = serde_json::to_value(association).unwrap_or(Value::Null);
            body
        }
        Report::AccessToken {
            tokens,
            seconds_left,
        } => access_token_json(tokens, *seconds_left),
        Report::LoggedOut(done) => logged_out_json(done),
        Report::Authenticators { list, all } => Value::Array(
            list.iter()
                .filter(|a| *all || a.active)
                .filter_map(|a| serde_json::to_value(a).ok())
                .collect(),
        ),
        Report::Deleted(ids) => json!({"deleted": ids}),
        Report::UserCreated(user) => user_created_json(user),
        Report::User {
            user,
            methods,
            blocks,
        } => user_json(user, methods, blocks),
        Report::UsersDeleted(users) => json!({
            "deleted": users
                .iter()
                .map(|u| json!({"user_id": u.user_id, "email": u.email}))
                .collect::<Vec<_>>()
        }),
        Report::Unblocked(user) => json!({"unblocked": user}),
        Report::MfaReset(user) => json!({"user_id": user, "authentication_methods": []}),
        Report::Doctor(checks) => serde_json::to_value(checks).unwrap_or(Value::Null),
        Report::DoctorFix {
            checks,
            plan,
            applied,
            after,
        } => json!({
            "checks": checks.unwrap_or_default(),
            "plan": plan,
            "applied": applied.unwrap_or_default(),
            "after": after,
        }),
        Report::Prepared { json, .. } => json.clone(),
    }
}

/// The text of a report; `columns` is the terminal's width when stdout is one.
pub(super) fn report_text(report: &Report<'_>, paint: &Paint, columns: Option<usize>) -> String {
    match report {
        Report::Tokens(tokens) => tokens_text(tokens, paint),
        // Only the token, so `T=$(auth0-mfa login --mfa-token-only)` works.
        Report::MfaToken(required) => sanitize_value(required.mfa_token.expose()),
        Report::Challenge(c) => challenge_text(c, paint),
        // Only the code on stdout: `$(auth0-mfa totp "$SECRET")`.
        Report::Totp(t) => t.code.clone(),
        Report::Settings(settings) => settings_text(settings, paint),
        Report::ConfigPath { path, .. } => path.display().to_string(),
        Report::Enrollment(association) => enrollment_text(association, paint, columns),
        Report::Enrolled {
            confirmation: Some(tokens),
            ..
        } => format!(
            "{}\n\n{}",
            paint.green("✓ enrollment confirmed"),
            tokens_text(tokens, paint)
        ),
        // Text mode shows a pending enrollment as `Enrollment`, before confirming.
        Report::Enrolled { association, .. } => enrollment_text(association, paint, columns),
        // The enrollment was shown before it was confirmed.
        Report::TokensAfterEnrollment { tokens, .. } => format!(
            "{}\n\n{}",
            paint.green("✓ first factor enrolled and confirmed"),
            tokens_text(tokens, paint)
        ),
        // Only the token: `curl -H "Authorization: Bearer $(auth0-mfa token)"`.
        Report::AccessToken { tokens, .. } => sanitize_value(tokens.access_token.expose()),
        Report::LoggedOut([]) => "no stored session".into(),
        Report::LoggedOut(done) => logged_out_text(done),
        Report::Authenticators { list, all } => authenticators_text(list, *all, paint),
        Report::Deleted(ids) => format!("deleted {}", ids.join(" and ")),
        Report::UserCreated(user) => table(
            &[
                ("user_id", sanitize_line(&user.user_id)),
                ("email", sanitize_line(&user.email)),
                ("password", sanitize_value(user.password.expose())),
                ("otp_secret", sanitize_value(user.otp_secret.expose())),
                ("connection", sanitize_line(&user.connection)),
            ],
            paint,
        ),
        Report::User {
            user,
            methods,
            blocks,
        } => user_text(user, methods, blocks, paint),
        Report::UsersDeleted([]) => "no user to delete".into(),
        Report::UsersDeleted(users) => users_deleted_text(users),
        Report::Unblocked(user) => format!("unblocked {}", sanitize_line(user)),
        Report::MfaReset(user) => format!(
            "removed every authentication method of {}",
            sanitize_line(user)
        ),
        Report::Doctor(checks) => doctor_text(checks, paint),
        Report::DoctorFix {
            checks,
            plan,
            applied,
            after,
        } => fix_text(*checks, plan, *applied, *after, paint),
        Report::Prepared { text, .. } => text.clone(),
    }
}

/// `token`: the stored access token, with what it has left and no refresh token.
fn access_token_json(tokens: &TokenSet, seconds_left: u64) -> Value {
    let mut body = serde_json::to_value(tokens).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut body {
        map.remove("refresh_token");
        map.insert("expires_in".into(), json!(seconds_left));
    }
    body
}

fn logged_out_json(done: &[LoggedOut]) -> Value {
    json!({
        "logged_out": done
            .iter()
            .map(|d| json!({
                "tenant": d.session.tenant,
                "client_id": d.session.client_id,
                "audience": d.session.audience,
                "username": d.session.username,
                "revoked": d.revoked,
                "problem": d.problem,
            }))
            .collect::<Vec<_>>()
    })
}

fn user_created_json(user: &CreatedUser) -> Value {
    json!({
        "user_id": user.user_id,
        "email": user.email,
        "password": user.password.expose(),
        "otp_secret": user.otp_secret.expose(),
        "connection": user.connection,
        "authentication_method_id": user.authentication_method_id,
    })
}

fn user_json(
    user: &crate::management::User,
    methods: &[crate::management::AuthenticationMethod],
    blocks: &[crate::management::Block],
) -> Value {
    json!({
        "user_id": user.user_id,
        "email": user.email,
        "connection": user.connection(),
        "created_at": user.created_at,
        "app_metadata": user.app_metadata,
        "authentication_methods": methods,
        "blocked_for": blocks,
    })
}

fn challenge_text(c: &Challenge, paint: &Paint) -> String {
    let mut rows = vec![("challenge_type", sanitize_line(&c.challenge_type))];
    if let Some(code) = &c.oob_code {
        rows.push(("oob_code", sanitize_value(code.expose())));
    }
    if let Some(binding) = &c.binding_method {
        rows.push(("binding_method", sanitize_line(binding)));
    }
    if let Some(interval) = c.interval {
        rows.push(("interval", format!("{interval} s")));
    }
    if let Some(expires) = c.expires_in {
        rows.push(("expires_in", format!("{expires} s")));
    }
    table(&rows, paint)
}

fn logged_out_text(done: &[LoggedOut]) -> String {
    done.iter()
        .map(|d| {
            let how = match (&d.problem, d.revoked) {
                (Some(problem), _) => format!("forgotten ({})", sanitize_line(problem)),
                (None, true) => "refresh token revoked, forgotten".into(),
                (None, false) => "forgotten (it had no refresh token)".into(),
            };
            format!("{}: {how}\n", sanitize_line(&d.session.describe()))
        })
        .collect()
}

fn users_deleted_text(users: &[crate::management::User]) -> String {
    users
        .iter()
        .map(|u| {
            let email = u
                .email
                .as_deref()
                .map(|e| format!(" ({})", sanitize_line(e)));
            format!(
                "deleted {}{}\n",
                sanitize_line(&u.user_id),
                email.unwrap_or_default()
            )
        })
        .collect()
}

/// `users show`: the user, one line per method (pending ones marked), and
/// its brute-force blocks.
fn user_text(
    user: &crate::management::User,
    methods: &[crate::management::AuthenticationMethod],
    blocks: &[crate::management::Block],
    paint: &Paint,
) -> String {
    let mut rows = vec![("user_id", sanitize_line(&user.user_id))];
    if let Some(email) = &user.email {
        rows.push(("email", sanitize_line(email)));
    }
    if let Some(connection) = user.connection() {
        rows.push(("connection", sanitize_line(connection)));
    }
    let mut out = table(&rows, paint);
    out.push_str(&format!("\n{}\n", paint.bold("authentication methods")));
    if methods.is_empty() {
        out.push_str("  none\n");
    }
    for method in methods {
        let state = if method.is_pending() {
            paint.yellow_bold("pending")
        } else {
            paint.green("confirmed")
        };
        let name = method
            .name
            .as_deref()
            .map(|n| format!(" \"{}\"", sanitize_line(n)))
            .unwrap_or_default();
        out.push_str(&format!(
            "  {}  {}{name}  {state}\n",
            sanitize_line(&method.kind),
            sanitize_line(&method.id)
        ));
    }
    out.push_str(&format!("\n{}\n", paint.bold("brute-force blocks")));
    if blocks.is_empty() {
        out.push_str("  none\n");
    }
    for block in blocks {
        let field = |v: &Option<String>| sanitize_line(v.as_deref().unwrap_or("-"));
        out.push_str(&format!(
            "  {}  ip {}  connection {}\n",
            field(&block.identifier),
            field(&block.ip),
            field(&block.connection)
        ));
    }
    out
}

fn table(rows: &[(&str, String)], paint: &Paint) -> String {
    let width = rows.iter().map(|(k, _)| columns(k)).max().unwrap_or(0);
    rows.iter()
        .map(|(k, v)| format!("{}  {v}\n", paint.bold(&pad(k, width))))
        .collect()
}

/// Terminal columns `text` takes: wide characters (CJK, most emoji) take two,
/// combining marks none, so names users chose still line up.
fn columns(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// `text` and the spaces that fill it out to `width` columns.
fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(columns(text))))
}

fn tokens_text(tokens: &TokenSet, paint: &Paint) -> String {
    let mut out = String::new();
    if let Some(code) = &tokens.recovery_code {
        out.push_str(&recovery_code_box(code.expose(), paint));
        out.push('\n');
    }
    let mut rows = vec![("access_token", sanitize_value(tokens.access_token.expose()))];
    if let Some(t) = &tokens.id_token {
        rows.push(("id_token", sanitize_value(t.expose())));
    }
    if let Some(t) = &tokens.refresh_token {
        rows.push(("refresh_token", sanitize_value(t.expose())));
    }
    if let Some(t) = &tokens.token_type {
        rows.push(("token_type", sanitize_line(t)));
    }
    if let Some(seconds) = tokens.expires_in {
        rows.push((
            "expires_in",
            format!("{seconds} s ({})", human_duration(seconds)),
        ));
    }
    if let Some(scope) = &tokens.scope {
        rows.push(("scope", sanitize_line(scope)));
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

fn enrollment_text(association: &Association, paint: &Paint, width: Option<usize>) -> String {
    let kind = match association.oob_channel.as_deref() {
        Some("auth0") => "push".to_owned(),
        Some(channel) => sanitize_line(channel),
        None => sanitize_line(&association.authenticator_type),
    };
    let mut out = format!(
        "{}\n",
        paint.bold(&format!(
            "New {kind} authenticator enrolled; it stays inactive until confirmed."
        ))
    );
    let mut rows = Vec::new();
    if let Some(secret) = &association.secret {
        rows.push(("secret", sanitize_value(secret.expose())));
    }
    if let Some(uri) = &association.barcode_uri {
        rows.push(("barcode_uri", sanitize_value(uri.expose())));
    }
    if let Some(code) = &association.oob_code {
        rows.push(("oob_code", sanitize_value(code.expose())));
    }
    if let Some(binding) = &association.binding_method {
        rows.push(("binding_method", sanitize_line(binding)));
    }
    out.push_str(&table(&rows, paint));
    if let Some(uri) = &association.barcode_uri {
        out.push('\n');
        let type_it = if kind == "push" {
            "open the barcode_uri on the device"
        } else {
            "type the secret into the app"
        };
        match super::qr::draw(uri.expose(), paint.0) {
            Ok(qr) if width.is_some_and(|w| qr.columns > w) => out.push_str(&format!(
                "(The QR code needs {} columns and this terminal has {}: widen it and run again to scan it, or {type_it}.)\n",
                qr.columns,
                width.unwrap_or_default()
            )),
            Ok(qr) => {
                out.push_str(&qr.text);
                out.push_str(if kind == "push" {
                    "Scan it with the Auth0 Guardian app.\n"
                } else {
                    "Scan it with an authenticator app, or type the secret.\n"
                });
            }
            Err(why) => out.push_str(&format!("(No QR code: the URI is {why}; {type_it}.)\n")),
        }
    }
    for code in &association.recovery_codes {
        out.push('\n');
        out.push_str(&code_box(
            &format!("RECOVERY CODE: {}", sanitize_value(code.expose())),
            "Save it now: it is the way in when the device is lost.",
            paint,
        ));
    }
    out
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
                sanitize_line(&a.id)
            } else {
                format!("└ {}", sanitize_line(&a.id))
            };
            rows.push([
                id,
                sanitize_line(&a.authenticator_type),
                sanitize_line(a.oob_channel.as_deref().unwrap_or("")),
                sanitize_line(a.name.as_deref().unwrap_or("")),
                if a.active {
                    "yes".into()
                } else {
                    "pending".into()
                },
            ]);
        }
    }
    let widths: Vec<usize> = (0..5)
        .map(|c| rows.iter().map(|r| columns(&r[c])).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for (n, row) in rows.iter().enumerate() {
        let line: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, width)| pad(cell, *width))
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

fn doctor_text(checks: &[crate::check::Check], paint: &Paint) -> String {
    use crate::check::Status;
    let width = checks.iter().map(|c| columns(c.check)).max().unwrap_or(0);
    let mut out = String::new();
    let mut last_fix: Option<&str> = None;
    for check in checks {
        let mark = match check.status {
            Status::Pass => paint.green("✓"),
            Status::Warn => paint.yellow_bold("!"),
            Status::Fail => paint.red_bold("✗"),
            Status::Skip => paint.dim("-"),
        };
        out.push_str(&format!(
            "{mark} {}  {}\n",
            paint.bold(&pad(check.check, width)),
            sanitize_line(&check.detail)
        ));
        // Checks skipped for one reason share one fix: say it once.
        if let Some(fix) = check.fix.as_deref().filter(|fix| last_fix != Some(*fix)) {
            out.push_str(&format!(
                "  {:<width$}  {} {}\n",
                "",
                paint.cyan("fix:"),
                sanitize_line(fix)
            ));
        }
        last_fix = check.fix.as_deref();
    }
    out
}

/// `doctor --fix`: the checks, the plan (each change: what, where, before
/// -> after), what came of each change, and the checks run again.
fn fix_text(
    checks: Option<&[crate::check::Check]>,
    plan: &[crate::check::Change],
    applied: Option<&[crate::check::Applied]>,
    after: Option<&[crate::check::Check]>,
    paint: &Paint,
) -> String {
    use crate::check::Outcome;
    let mut out = String::new();
    if let Some(checks) = checks {
        out.push_str(&doctor_text(checks, paint));
        if plan.is_empty() {
            out.push_str(&format!(
                "\n{}\n",
                paint.bold("nothing to fix through the Management API")
            ));
        } else {
            out.push_str(&format!("\n{}\n", paint.bold("plan")));
        }
        for (n, change) in plan.iter().enumerate() {
            out.push_str(&format!(
                "  {}. {}\n     {}: {} -> {}\n",
                n + 1,
                sanitize_line(&change.change),
                sanitize_line(&change.place),
                sanitize_line(&change.before),
                sanitize_line(&change.after)
            ));
        }
    }
    if let Some(applied) = applied {
        out.push_str(&format!("\n{}\n", paint.bold("changes")));
        for done in applied {
            let mark = match done.outcome {
                Outcome::Applied => paint.green("✓ applied"),
                Outcome::Failed => paint.red_bold("✗ failed"),
                Outcome::NotAllowed => paint.yellow_bold("! not allowed"),
            };
            let why = done
                .error
                .as_deref()
                .map(|e| format!(": {}", sanitize_line(e)))
                .unwrap_or_default();
            out.push_str(&format!(
                "  {mark}  {}{why}\n",
                sanitize_line(&done.change.change)
            ));
        }
    }
    if let Some(after) = after {
        out.push_str(&format!("\n{}\n", paint.bold("checks again")));
        out.push_str(&doctor_text(after, paint));
    }
    out
}

fn recovery_code_box(code: &str, paint: &Paint) -> String {
    code_box(
        &format!("NEW RECOVERY CODE: {}", sanitize_value(code)),
        "Save it now: the code you used no longer works.",
        paint,
    )
}

fn code_box(line1: &str, line2: &str, paint: &Paint) -> String {
    let width = columns(line1).max(columns(line2));
    let bar = "═".repeat(width + 2);
    format!(
        "{}\n{}\n{}\n{}\n",
        paint.yellow_bold(&format!("╔{bar}╗")),
        paint.yellow_bold(&format!("║ {} ║", pad(line1, width))),
        paint.yellow_bold(&format!("║ {} ║", pad(line2, width))),
        paint.yellow_bold(&format!("╚{bar}╝")),
    )
}

fn claims_text(claims: &Map<String, Value>, paint: &Paint) -> String {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default();
    let names: Vec<String> = claims.keys().map(|name| sanitize_line(name)).collect();
    let rows: Vec<(&str, String)> = claims
        .iter()
        .zip(&names)
        .map(|((name, value), shown_name)| {
            let shown = match (name.as_str(), value.as_i64()) {
                ("exp" | "iat" | "nbf" | "auth_time" | "updated_at", Some(t)) => {
                    format!("{} ({})", utc(t), relative(t.saturating_sub(now)))
                }
                _ => match value {
                    Value::String(s) => sanitize_line(s),
                    other => sanitize_line(&other.to_string()),
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

fn settings_json(settings: &SettingsView) -> Value {
    let values: Map<String, Value> = settings
        .rows
        .iter()
        .map(|row| {
            (
                row.key.to_owned(),
                json!({"value": row.value, "source": row.source}),
            )
        })
        .collect();
    json!({
        "config_file": settings.config_file,
        "config_file_exists": settings.config_file_exists,
        "session_store": settings.session_store,
        "profile": settings.profile.as_ref().map(|(name, source)| json!({"name": name, "source": source})),
        "settings": values,
    })
}

fn settings_text(settings: &SettingsView, paint: &Paint) -> String {
    let file = match &settings.config_file {
        Some(path) if settings.config_file_exists => path.display().to_string(),
        Some(path) => format!("{} (not found)", path.display()),
        None => "(no config directory)".into(),
    };
    let profile = match &settings.profile {
        Some((name, source)) => format!("{name} ({source})"),
        None => "(none)".into(),
    };
    let mut rows = vec![
        ("config file", file),
        ("profile", profile),
        ("session store", settings.session_store.clone()),
    ];
    for row in &settings.rows {
        rows.push((
            row.key,
            format!(
                "{}  {}",
                sanitize_line(&row.value),
                paint.dim(&format!("[{}]", row.source))
            ),
        ));
    }
    table(&rows, paint)
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use proptest::prelude::*;

    fn jwt(claims: &Value) -> String {
        format!(
            "eyJhbGciOiJSUzI1NiJ9.{}.c2ln",
            URL_SAFE_NO_PAD.encode(claims.to_string())
        )
    }

    proptest! {
        /// Tokens from a server are shown with their claims decoded; any
        /// number in a time claim is shown, never a panic.
        #[test]
        fn any_claims_render(exp in any::<i64>(), iat in any::<u64>(), other in "\\PC{0,20}", expires_in in any::<u64>()) {
            let access = jwt(&json!({"exp": exp, "iat": iat, "nbf": -1, "auth_time": 1.5e300, "sub": other}));
            let tokens: TokenSet = serde_json::from_value(json!({
                "access_token": access,
                "id_token": jwt(&json!({"exp": i64::MIN, "updated_at": u64::MAX})),
                "expires_in": expires_in,
                "token_type": "Bearer",
            }))
            .unwrap();
            let text = tokens_text(&tokens, &Paint(false));
            prop_assert!(text.contains("access_token"));
        }
    }

    fn authenticator(id: &str, kind: &str, name: &str) -> Authenticator {
        serde_json::from_value(json!({
            "id": id, "authenticator_type": kind, "active": true, "name": name,
        }))
        .unwrap()
    }

    /// The column at which `needle` starts on `line`, in terminal columns.
    fn column_of(line: &str, needle: &str) -> usize {
        columns(&line[..line.find(needle).unwrap()])
    }

    #[test]
    fn wide_names_keep_the_columns_aligned() {
        let list = [
            authenticator("sms|dev_1", "oob", "+1 555 0100"),
            authenticator("otp|dev_2", "otp", "山田の電話"),
            authenticator("otp|dev_3", "otp", "📱 work"),
        ];
        let text = authenticators_text(&list, false, &Paint(false));
        let lines: Vec<&str> = text.lines().collect();
        let active = column_of(lines[0], "ACTIVE");
        for line in &lines[1..] {
            assert_eq!(column_of(line, "yes"), active, "{text}");
        }
    }

    #[test]
    fn wide_keys_keep_a_table_aligned() {
        let text = table(&[("名前", "a".into()), ("name", "b".into())], &Paint(false));
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(column_of(lines[0], "a"), column_of(lines[1], "b"), "{text}");
    }
}
