//! `emulator outbox`: the codes a running emulator "sent" by SMS, voice or email,
//! all of them or the latest to one destination, for `--binding-code-command` and
//! scripts that read a test inbox.

use rustls::pki_types::TrustAnchor;
use serde_json::Value;

use crate::cli::OutboxArgs;
use crate::control;
use crate::error::Failure;
use crate::output::{Output, Report};
use crate::settings::Settings;

/// Where `emulator outbox` looks when no domain is configured: where
/// `auth0-mfa emulator` listens by default.
const DEFAULT_EMULATOR: &str = "http://127.0.0.1:8787";

/// `GET /_emulator/outbox` of a running emulator: every code sent, or with
/// `--to` those to one destination or user; `--latest` prints the last code
/// alone, as `--binding-code-command` takes it.
pub async fn outbox(
    args: &OutboxArgs,
    settings: &Settings,
    extra_roots: &[TrustAnchor<'static>],
    token: Option<&str>,
    out: &Output,
) -> Result<(), Failure> {
    let base = match settings.domain_if_given()? {
        Some(domain) => domain.base_url(),
        None => DEFAULT_EMULATOR.to_owned(),
    };
    let url = format!("{base}/_emulator/outbox");
    let sent = match control::fetch(&url, extra_roots, token).await? {
        Ok(Value::Array(sent)) => sent,
        Ok(_) => {
            return Err(not_an_emulator(
                &url,
                "answered something else than a list".into(),
            ));
        }
        Err((_, why)) => return Err(not_an_emulator(&url, why)),
    };
    let wanted: Vec<Value> = sent
        .into_iter()
        .filter(|m| args.to.as_deref().is_none_or(|to| addressed_to(m, to)))
        .collect();
    if !args.latest {
        let text: String = wanted
            .iter()
            .map(|m| {
                format!(
                    "{} to {}: {} (user {})\n",
                    m["channel"].as_str().unwrap_or(""),
                    m["to"].as_str().unwrap_or(""),
                    m["code"].as_str().unwrap_or(""),
                    m["username"].as_str().unwrap_or("")
                )
            })
            .collect();
        return out.result(Report::Prepared {
            text,
            json: Value::Array(wanted),
        });
    }
    let Some(latest) = wanted.last() else {
        return Err(Failure::usage_with_hint(
            match &args.to {
                Some(to) => format!("the emulator at {base} has sent no code to {to}"),
                None => format!("the emulator at {base} has sent no code"),
            },
            "send one first (a challenge or an enrollment by SMS, voice or email); without --to, every message is listed",
        ));
    };
    out.result(Report::Prepared {
        text: format!("{}\n", latest["code"].as_str().unwrap_or("")),
        json: latest.clone(),
    })
}

/// A message `to` names: its destination, that destination masked as the
/// authenticator list shows it (`XXXXXXX0100`, `****@exam*******`), or its user.
fn addressed_to(message: &Value, to: &str) -> bool {
    let field = |name: &str| message[name].as_str().unwrap_or("");
    let destination = field("to");
    let digits: String = destination.chars().filter(char::is_ascii_digit).collect();
    let masked_match = |plain: &str| {
        plain.chars().count() == to.chars().count()
            && to
                .chars()
                .zip(plain.chars())
                .all(|(m, c)| m == c || m == 'X' || m == '*')
    };
    to == destination
        || to == field("username")
        || masked_match(destination)
        || masked_match(&digits)
}

fn not_an_emulator(url: &str, why: String) -> Failure {
    Failure::usage_with_hint(
        format!("cannot read the emulator's outbox at {url}: {why}"),
        "start it (auth0-mfa emulator), and point --domain / AUTH0_DOMAIN at it",
    )
}
