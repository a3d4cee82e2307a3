//! `doctor`: diagnoses a tenant's MFA set-up one check at a time, each with a
//! verdict, what was seen, and for a warning or failure the fix. It never
//! consumes a code, never notifies the user unless asked (`--send`), and never
//! counts against the failed-code bucket: the grant probes carry a token that
//! belongs to nobody.
//!
//! A room per source of evidence: `discovery` (the domain and the clock),
//! `application` (client authentication, the MFA grants), `user` (login and
//! factors) with `challenge`, `rate_limit`, and `tenant` (the configuration
//! itself, through the Management API); `fix` turns what `tenant` read into
//! a plan of changes. [`examine`] runs the Authentication API's checks and
//! the Management API's reads side by side, each side's independent
//! requests at once, so the cost is the longest chain, not the sum.

mod application;
mod challenge;
mod discovery;
mod failing;
pub mod fix;
mod rate_limit;
pub mod tenant;
mod user;

use crate::auth0::Client;
use crate::check::{Check, Status};
use crate::error::Failure;
use crate::management;
use crate::secret::Secret;

pub use tenant::{Reading, Subject};

/// Who to check, and how far to go.
pub struct Patient {
    pub username: Option<String>,
    pub password: Option<Secret>,
    pub realm: Option<String>,
    /// Challenge out-of-band factors too (sends a push, an SMS, an email).
    pub send: bool,
}

/// What the Management API side can do.
pub enum Configuration<'a> {
    /// No Management API access was given.
    Unavailable,
    /// Access was given but could not be had (a refused grant, a token for
    /// another API): this check says why.
    Refused(Check),
    Available {
        mgmt: &'a management::Client,
        subject: &'a Subject,
    },
}

/// The checks, and what the Management API answered (for `--fix`).
pub struct Examination {
    pub checks: Vec<Check>,
    pub reading: Option<Reading>,
}

/// Runs every check: the Authentication API's and the configuration's side
/// by side; each room adds its own, and a check that cannot run says why.
pub async fn examine(
    client: &Client,
    patient: &Patient,
    configuration: &Configuration<'_>,
) -> Examination {
    let managed = matches!(configuration, Configuration::Available { .. });
    let (mut checks, reading) = tokio::join!(authentication(client, patient, managed), async {
        match configuration {
            Configuration::Available { mgmt, subject } => Some(tenant::read(mgmt, subject).await),
            _ => None,
        }
    });
    match (configuration, &reading) {
        (Configuration::Available { subject, .. }, Some(reading)) => {
            checks.extend(tenant::checks(reading, subject));
        }
        (Configuration::Refused(check), _) => checks.push(check.clone()),
        _ => checks.push(Check::skip(
            "configuration",
            "not read: with Management API access doctor also checks the factors and their providers, the MFA policy, the grant types, the connection, the user's methods and blocks, and post-login Actions",
            Some("give --mgmt-client-id and --mgmt-client-secret (AUTH0_MGMT_CLIENT_ID, AUTH0_MGMT_CLIENT_SECRET), or --mgmt-token-file (AUTH0_MGMT_TOKEN)".into()),
        )),
    }
    checks.push(rate_limit::check(&client.last_meta()));
    Examination { checks, reading }
}

/// The Authentication API's checks: discovery first (nothing else is sent
/// to a domain that does not answer as Auth0), then the grant probes and the
/// user's login at once.
async fn authentication(client: &Client, patient: &Patient, managed: bool) -> Vec<Check> {
    let mut checks = Vec::new();
    if !discovery::checks(client, &mut checks).await {
        checks.push(Check::skip(
            "rest",
            "nothing else can be checked until the domain answers",
            None,
        ));
        return checks;
    }
    let ((client_ok, application), user) = tokio::join!(
        application::checks(client),
        user::checks(client, patient, managed)
    );
    checks.extend(application);
    if client_ok {
        checks.extend(user);
    }
    checks
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
