//! The user and their factors: the password grant ends in `mfa_required`,
//! and the user has active authenticators (then `challenge` tries them).

use super::failing::failed;
use super::{Patient, challenge};
use crate::auth0::{Authenticator, Client, LoginOutcome, MfaRequired, PasswordLogin};
use crate::check::Check;
use crate::exit_code::ExitCode;
use crate::secret::Secret;

/// Checks 4 to 6: the user logs in, has active factors, and they can be challenged;
/// each step that cannot run says which one before it failed. `managed`: the
/// Management API checks the user, so no password is needed.
pub async fn checks(client: &Client, patient: &Patient, managed: bool) -> Vec<Check> {
    let mut checks = Vec::new();
    steps(client, patient, managed, &mut checks).await;
    checks
}

async fn steps(client: &Client, patient: &Patient, managed: bool, checks: &mut Vec<Check>) {
    let (Some(username), Some(password)) = (&patient.username, &patient.password) else {
        if patient.username.is_some() && managed {
            let why = "no password given: the Management API checks the user instead (user, methods, blocks)";
            for check in ["login", "authenticators", "challenge"] {
                checks.push(Check::skip(
                    check,
                    why,
                    Some(
                        "give the password (--password-file, AUTH0_PASSWORD) to try the login too"
                            .into(),
                    ),
                ));
            }
            return;
        }
        if let Some(username) = &patient.username {
            // A user was asked for: checks that cannot run are a failure,
            // or CI would pass a doctor that looked at nothing.
            checks.push(Check::fail(
                "login",
                format!("no password for {username}, and no terminal to ask on"),
                "give it with --password-file FILE, --password - (stdin) or AUTH0_PASSWORD",
                ExitCode::Usage,
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
    checks.push(challenge::check(client, &required.mfa_token, &active, patient.send).await);
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
        let check = Check::fail("authenticators", detail, fix, ExitCode::EnrollmentNeeded);
        return (check, active);
    }
    let check = Check::pass(
        "authenticators",
        format!("active: {}{pending_part}", names(&active)),
    );
    (check, active)
}
