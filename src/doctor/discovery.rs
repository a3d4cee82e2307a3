//! Discovery and clock: the domain answers with an OpenID discovery document
//! that names the MFA endpoints, and its `Date` agrees with this machine's
//! clock (TOTP codes are computed from it).

use serde_json::{Map, Value};

use super::failing::failed;
use crate::auth0::{Client, Error, ResponseMeta};
use crate::check::Check;
use crate::exit_code::ExitCode;

/// TOTP codes fail beyond one 30-second window of skew.
const SKEW_WARN_SECONDS: i64 = 10;
const SKEW_FAIL_SECONDS: i64 = 30;

/// Check 1, the domain answers as an Auth0 tenant, and the clock beside it
/// (from the same answer's `Date`). False when the domain does not answer:
/// nothing else can be checked then.
pub async fn checks(client: &Client, checks: &mut Vec<Check>) -> bool {
    let base = client.domain().base_url();
    match client.discovery().await {
        Ok((document, meta)) => {
            checks.push(discovery_check(&base, &document));
            checks.push(clock_check(&meta));
            true
        }
        Err(error) => {
            let check = match &error {
                Error::Protocol { message, .. } => Check::fail(
                    "domain",
                    format!("{base} is not an Auth0 tenant: its discovery document is {message}"),
                    "check --domain / AUTH0_DOMAIN: give the tenant's domain (tenant.us.auth0.com) or its custom domain",
                    ExitCode::BadResponse,
                ),
                _ => failed(
                    "domain",
                    format!("{base}/.well-known/openid-configuration"),
                    error,
                ),
            };
            checks.push(check);
            false
        }
    }
}

fn discovery_check(base: &str, document: &Map<String, Value>) -> Check {
    let url = format!("{base}/.well-known/openid-configuration");
    if document.get("issuer").and_then(Value::as_str).is_none() {
        return Check::fail(
            "domain",
            format!("{url} is JSON but not an OpenID discovery document"),
            "check --domain / AUTH0_DOMAIN",
            ExitCode::BadResponse,
        );
    }
    if document.get("mfa_challenge_endpoint").is_none() {
        return Check::warn(
            "domain",
            format!("{url} answers, but advertises no mfa_challenge_endpoint"),
            "is this an Auth0 tenant? Auth0 tenants advertise /mfa/challenge",
        );
    }
    Check::pass(
        "domain",
        format!("{url} answers as an Auth0 tenant; mfa_challenge_endpoint advertised"),
    )
}

fn clock_check(meta: &ResponseMeta) -> Check {
    let Some(skew) = meta.clock_skew() else {
        return Check::skip(
            "clock",
            "the server sent no Date header that is an HTTP date, to compare with",
            None,
        );
    };
    let side = if skew > 0 { "ahead of" } else { "behind" };
    let detail = format!(
        "this machine's clock is {} s {side} the server's",
        skew.abs()
    );
    let fix =
        "set the clock right (e.g. `timedatectl set-ntp true`): TOTP codes are computed from it";
    match skew.abs() {
        s if s <= SKEW_WARN_SECONDS => {
            Check::pass("clock", format!("within {s} s of the server's Date"))
        }
        s if s <= SKEW_FAIL_SECONDS => Check::warn("clock", detail, fix),
        _ => Check::fail(
            "clock",
            format!("{detail}: TOTP codes computed here fail beyond one 30-second window"),
            fix,
            ExitCode::Rejected,
        ),
    }
}
