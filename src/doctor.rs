//! `doctor`: diagnoses a tenant's MFA set-up one check at a time, each with a
//! verdict, what was seen, and for a warning or failure the fix. It never
//! consumes a code, never notifies the user unless asked (`--send`), and never
//! counts against the failed-code bucket: the grant probes carry a token that
//! belongs to nobody.

use serde_json::{Map, Value};

use crate::auth0::{
    Authenticator, ChallengeType, Client, Error, LoginOutcome, MfaRequired, PasswordLogin,
    ResponseMeta,
};
use crate::check::{Check, Status};
use crate::error::{Failure, exit};
use crate::hints;
use crate::secret::Secret;

/// A failure from an Auth0 answer, with the shared table's hint as the fix.
fn failed(check: &'static str, detail: impl Into<String>, error: Error) -> Check {
    let failure = Failure::from(error);
    let (detail, why) = (detail.into(), failure.to_string());
    // A network error names its URL already ("cannot reach URL: ...").
    let detail = if why.contains(&detail) {
        why
    } else {
        format!("{detail}: {why}")
    };
    let fix = failure
        .hint()
        .unwrap_or_else(|| "see the error above".into());
    Check::fail(check, detail, fix, failure.exit_code())
}

/// Who to check, and how far to go.
pub struct Patient {
    pub username: Option<String>,
    pub password: Option<Secret>,
    pub realm: Option<String>,
    /// Challenge out-of-band factors too (sends a push, an SMS, an email).
    pub send: bool,
}

/// TOTP codes fail beyond one 30-second window of skew.
const SKEW_WARN_SECONDS: i64 = 10;
const SKEW_FAIL_SECONDS: i64 = 30;

/// Runs every check, in order; a check that cannot run says why.
pub async fn examine(client: &Client, patient: &Patient) -> Vec<Check> {
    let mut checks = Vec::new();

    // 1. The domain answers as an Auth0 tenant.
    let base = client.domain().base_url();
    match client.discovery().await {
        Ok((document, meta)) => {
            checks.push(discovery_check(&base, &document));
            checks.push(clock_check(&meta));
        }
        Err(error) => {
            let check = match &error {
                Error::Protocol { message, .. } => Check::fail(
                    "domain",
                    format!("{base} is not an Auth0 tenant: its discovery document is {message}"),
                    "check --domain / AUTH0_DOMAIN: give the tenant's domain (tenant.us.auth0.com) or its custom domain",
                    exit::BAD_RESPONSE,
                ),
                _ => failed(
                    "domain",
                    format!("{base}/.well-known/openid-configuration"),
                    error,
                ),
            };
            checks.push(check);
            checks.push(Check::skip(
                "rest",
                "nothing else can be checked until the domain answers",
                None,
            ));
            return checks;
        }
    }

    // 2 and 3. Client authentication and the MFA grants, probed with a token
    // that belongs to nobody: Auth0 checks the client and the grant type first.
    let nobody = Secret::new("auth0-mfa-doctor-probe");
    let probes = [
        ("mfa-otp", client.verify_otp(&nobody, &nobody).await),
        ("mfa-oob", client.verify_oob(&nobody, &nobody, None).await),
        (
            "mfa-recovery-code",
            client.verify_recovery_code(&nobody, &nobody).await,
        ),
    ];
    let method = client.auth_method();
    let mut disabled = Vec::new();
    let mut client_check = Check::pass(
        "client",
        format!("{} accepted ({method})", client.client_id()),
    );
    for (grant, answer) in probes {
        let Err(error) = answer else { continue };
        if let Error::Api(api) = &error {
            match api.error.as_str() {
                "invalid_client" => {
                    client_check = client_auth_failure(client, api);
                    break;
                }
                "unauthorized_client" => disabled.push(grant),
                _ => {}
            }
            continue;
        }
        client_check = failed("client", "the grant probe failed", error);
        break;
    }
    let client_ok = client_check.status == Status::Pass;
    checks.push(client_check);
    checks.push(if !client_ok {
        Check::skip(
            "mfa grants",
            "not checked: the client was not accepted",
            None,
        )
    } else if disabled.is_empty() {
        Check::pass(
            "mfa grants",
            "mfa-otp, mfa-oob and mfa-recovery-code are enabled for the application",
        )
    } else {
        Check::fail(
            "mfa grants",
            format!("not enabled for the application: {}", disabled.join(", ")),
            "enable MFA in Dashboard > Applications > (your app) > Advanced Settings > Grant Types",
            exit::REJECTED,
        )
    });

    // 4 to 6. The user: login, factors, challenges.
    if client_ok {
        user_checks(client, patient, &mut checks).await;
    }

    // 7. Rate-limit headroom, from the last answer's headers.
    checks.push(rate_limit_check(&client.last_meta()));
    checks
}

fn discovery_check(base: &str, document: &Map<String, Value>) -> Check {
    let url = format!("{base}/.well-known/openid-configuration");
    if document.get("issuer").and_then(Value::as_str).is_none() {
        return Check::fail(
            "domain",
            format!("{url} is JSON but not an OpenID discovery document"),
            "check --domain / AUTH0_DOMAIN",
            exit::BAD_RESPONSE,
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
            exit::REJECTED,
        ),
    }
}

/// Auth0 gives one answer for an unknown client and a wrong secret; say what
/// can be told apart, and what to check for the rest.
fn client_auth_failure(client: &Client, api: &crate::auth0::ApiError) -> Check {
    let id = client.client_id();
    let description = api.description.clone().unwrap_or_default();
    let plausible_id = id.len() == 32 && id.chars().all(|c| c.is_ascii_alphanumeric());
    let (detail, fix) = if description.to_ascii_lowercase().contains("assertion")
        || description.contains("private_key_jwt")
    {
        (
            format!("the client assertion was refused: {description}"),
            "check --client-assertion-key against the public key registered in Dashboard > Applications > (your app) > Credentials".to_owned(),
        )
    } else if !plausible_id {
        (
            format!("client id '{id}' was refused, and does not look like an Auth0 client id (32 letters and digits)"),
            "copy the Client ID from Dashboard > Applications > (your app) > Settings into --client-id / AUTH0_CLIENT_ID".to_owned(),
        )
    } else {
        let how = client.auth_method();
        (
            format!("{id} was refused with {how}: the client id or the secret is wrong, or the application expects another authentication method"),
            "check --client-id and --client-secret against Dashboard > Applications > (your app) > Settings; if its Credentials tab says Private Key JWT, pass --client-assertion-key".to_owned(),
        )
    };
    Check::fail("client", detail, fix, exit::REJECTED)
}

/// 4 to 6: the user logs in, has active factors, and they can be challenged;
/// each step that cannot run says which one before it failed.
async fn user_checks(client: &Client, patient: &Patient, checks: &mut Vec<Check>) {
    let (Some(username), Some(password)) = (&patient.username, &patient.password) else {
        if let Some(username) = &patient.username {
            // A user was asked for: checks that cannot run are a failure,
            // or CI would pass a doctor that looked at nothing.
            checks.push(Check::fail(
                "login",
                format!("no password for {username}, and no terminal to ask on"),
                "give it with --password-file FILE, --password - (stdin) or AUTH0_PASSWORD",
                exit::USAGE,
            ));
            for check in ["authenticators", "challenge"] {
                checks.push(Check::skip(check, "the login did not run", None));
            }
            return;
        }
        let fix =
            "pass --username and the password (--password / AUTH0_PASSWORD) to check the user"
                .to_owned();
        for check in ["login", "authenticators", "challenge"] {
            checks.push(Check::skip(check, "no user given", Some(fix.clone())));
        }
        return;
    };
    let Some(required) = login_check(client, patient, username, password, checks).await else {
        return;
    };
    let list = match client.list_authenticators(&required.mfa_token).await {
        Ok(list) => list,
        Err(error) => {
            checks.push(failed(
                "authenticators",
                "GET /mfa/authenticators with the mfa_token",
                error,
            ));
            return;
        }
    };
    let (check, active) = authenticators_check(username, &list);
    checks.push(check);
    if active.is_empty() {
        checks.push(Check::skip(
            "challenge",
            "no active factor to challenge",
            None,
        ));
        return;
    }
    checks.push(challenge_check(client, &required.mfa_token, &active, patient.send).await);
}

/// Check 4, the password grant: `mfa_required` is the pass, and its
/// mfa_token the way on; tokens without MFA, or a refusal, end the user's
/// checks here.
async fn login_check(
    client: &Client,
    patient: &Patient,
    username: &str,
    password: &Secret,
    checks: &mut Vec<Check>,
) -> Option<MfaRequired> {
    let login = PasswordLogin {
        username: username.to_owned(),
        password: password.clone(),
        realm: patient.realm.clone(),
        audience: None,
        scope: Some("openid".into()),
    };
    let (check, why_not) = match client.login_password(&login).await {
        Ok(LoginOutcome::MfaRequired(required)) => {
            let shown = required
                .mfa_requirements
                .as_ref()
                .map(|r| format!("; requirements {r}"))
                .unwrap_or_default();
            checks.push(Check::pass(
                "login",
                format!("{username} logs in and Auth0 requires MFA{shown}"),
            ));
            return Some(required);
        }
        Ok(LoginOutcome::Tokens(_)) => (
            Check::warn(
                "login",
                format!(
                    "{username} logged in without MFA: no MFA policy applies to this user and application"
                ),
                "require MFA in Dashboard > Security > Multi-factor Auth (Require Multi-factor Auth: Always), or in a post-login Action",
            ),
            "MFA was not required",
        ),
        Err(error) => (
            failed("login", format!("the password grant for {username}"), error),
            "the user did not log in",
        ),
    };
    checks.push(check);
    checks.push(Check::skip("authenticators", why_not, None));
    checks.push(Check::skip("challenge", why_not, None));
    None
}

/// Check 5, the user's factors: the check, and the active ones (none when it
/// fails).
fn authenticators_check<'a>(
    username: &str,
    list: &'a [Authenticator],
) -> (Check, Vec<&'a Authenticator>) {
    let (active, pending): (Vec<&Authenticator>, Vec<&Authenticator>) =
        list.iter().partition(|a| a.active);
    let names = |v: &[&Authenticator]| {
        v.iter()
            .map(|a| a.describe())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let pending_part = if pending.is_empty() {
        String::new()
    } else {
        format!("; pending (never confirmed): {}", names(&pending))
    };
    if active.is_empty() {
        let detail = format!("{username} has no active factor{pending_part}");
        let fix = if pending.is_empty() {
            "enroll one: `auth0-mfa enroll otp --token MFA_TOKEN` (or let the user enroll at the next interactive login)"
        } else {
            "confirm a pending enrollment within 5 minutes of making it, or delete it and enroll again"
        };
        let check = Check::fail("authenticators", detail, fix, exit::ENROLLMENT_NEEDED);
        return (check, active);
    }
    let check = Check::pass(
        "authenticators",
        format!("active: {}{pending_part}", names(&active)),
    );
    (check, active)
}

/// Challenges each active factor the application may use. OTP challenges send
/// nothing; out-of-band ones notify the user, so only with `--send`.
async fn challenge_check(
    client: &Client,
    mfa_token: &Secret,
    active: &[&Authenticator],
    send: bool,
) -> Check {
    let mut works = Vec::new();
    let mut refused = Vec::new();
    let mut unsent = Vec::new();
    for authenticator in active {
        let Some(factor) = authenticator.factor() else {
            continue;
        };
        let Some(kind) = ChallengeType::for_factor(factor) else {
            continue;
        };
        if kind == ChallengeType::Oob && !send {
            if !unsent.contains(&factor.name()) {
                unsent.push(factor.name());
            }
            continue;
        }
        match client
            .challenge(mfa_token, &[kind], Some(&authenticator.id))
            .await
        {
            // An answer of another type, or an oob one without its code, is
            // not what the API answers: something else is speaking for it.
            Ok(challenge)
                if challenge.challenge_type != kind.as_str()
                    || (kind == ChallengeType::Oob && challenge.oob_code.is_none()) =>
            {
                return Check::fail(
                    "challenge",
                    format!(
                        "asked for an {} challenge of {}, the answer was a '{}' challenge{}",
                        kind.as_str(),
                        factor.name(),
                        crate::sanitize::sanitize(&challenge.challenge_type),
                        if challenge.oob_code.is_none() && kind == ChallengeType::Oob {
                            " without an oob_code"
                        } else {
                            ""
                        }
                    ),
                    "check that --domain is the tenant itself, not a proxy in front of it",
                    exit::BAD_RESPONSE,
                );
            }
            Ok(_) if !works.contains(&factor.name()) => works.push(factor.name()),
            Ok(_) => {}
            Err(Error::Api(api)) => {
                let hint = hints::lookup(&api).map(|h| h.meaning).unwrap_or("refused");
                refused.push(format!("{} ({}: {hint})", factor.name(), api.error));
            }
            Err(other) => return failed("challenge", "POST /mfa/challenge", other),
        }
    }
    let mut detail = Vec::new();
    if !works.is_empty() {
        detail.push(format!("challenge works for {}", works.join(", ")));
    }
    if !unsent.is_empty() {
        detail.push(format!(
            "not challenged: {} (that would notify the user; --send tests them)",
            unsent.join(", ")
        ));
    }
    if !refused.is_empty() {
        detail.push(format!("refused: {}", refused.join("; ")));
        return Check::fail(
            "challenge",
            detail.join("; "),
            "enable those factors for the tenant in Dashboard > Security > Multi-factor Auth, or have the user enroll another",
            exit::ENROLLMENT_NEEDED,
        );
    }
    if works.is_empty() {
        return Check::skip(
            "challenge",
            detail.join("; "),
            Some("pass --send to challenge them".into()),
        );
    }
    Check::pass("challenge", detail.join("; "))
}

fn rate_limit_check(meta: &ResponseMeta) -> Check {
    let Some(rate) = meta.rate_limit else {
        return Check::skip(
            "rate limit",
            "the server sent no usable X-RateLimit headers (absent, or not whole numbers)",
            None,
        );
    };
    if rate.remaining > rate.limit {
        return Check::warn(
            "rate limit",
            format!(
                "the X-RateLimit headers contradict each other: {} left of a limit of {}",
                rate.remaining, rate.limit
            ),
            "a proxy in front of the tenant may rewrite them: check --domain",
        );
    }
    let detail = format!(
        "{} of {} requests left in this window",
        rate.remaining, rate.limit
    );
    if rate.remaining.saturating_mul(5) < rate.limit || rate.remaining < 5 {
        let wait = rate.reset.saturating_sub(crate::totp::now_unix());
        Check::warn(
            "rate limit",
            format!("{detail}; the window resets in {wait} s"),
            "slow down scripted logins (each login is 3 to 4 requests), or wait for the reset",
        )
    } else {
        Check::pass("rate limit", detail)
    }
}

/// The first failure decides the exit code; warnings do not fail the run.
pub fn verdict(checks: &[Check]) -> Result<(), Failure> {
    let failed: Vec<&Check> = checks.iter().filter(|c| c.status == Status::Fail).collect();
    match failed.first() {
        None => Ok(()),
        Some(first) => Err(Failure::ChecksFailed {
            failed: failed.len(),
            exit: first.exit,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth0::RateLimit;

    #[test]
    fn rate_limit_headers_that_contradict_each_other_are_a_warning() {
        let meta = |limit, remaining| ResponseMeta {
            rate_limit: Some(RateLimit {
                limit,
                remaining,
                reset: 0,
            }),
            ..Default::default()
        };
        let check = rate_limit_check(&meta(10, 50));
        assert_eq!(check.status, Status::Warn);
        assert!(check.detail.contains("contradict"), "{}", check.detail);
        assert_eq!(rate_limit_check(&meta(100, 90)).status, Status::Pass);
        let absent = rate_limit_check(&ResponseMeta::default());
        assert_eq!(absent.status, Status::Skip);
        assert!(
            absent.detail.contains("not whole numbers"),
            "{}",
            absent.detail
        );
    }
}
