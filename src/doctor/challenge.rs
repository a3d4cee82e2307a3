//! Challenge: each active factor the application may use is challenged, to
//! show which ones Auth0 will actually send (OTP challenges send nothing;
//! out-of-band ones notify the user, so only with `--send`).

use super::failing::failed;
use crate::auth0::{Authenticator, Challenge, ChallengeType, Client, Error};
use crate::check::Check;
use crate::exit_code::ExitCode;
use crate::hints;
use crate::secret::Secret;

/// What challenging the user's factors came to, factor by factor.
#[derive(Default)]
struct Findings {
    works: Vec<&'static str>,
    refused: Vec<String>,
    /// Out-of-band factors left alone without `--send`.
    unsent: Vec<&'static str>,
}

/// Check 6: challenges each active factor the application may use.
pub async fn check(
    client: &Client,
    mfa_token: &Secret,
    active: &[&Authenticator],
    send: bool,
) -> Check {
    let mut found = Findings::default();
    for authenticator in active {
        if let Err(decisive) =
            challenge_one(client, mfa_token, authenticator, send, &mut found).await
        {
            return decisive;
        }
    }
    found.verdict()
}

/// Challenges one authenticator and notes what came of it; an answer that
/// cannot come from Auth0, or no answer at all, decides the check at once.
async fn challenge_one(
    client: &Client,
    mfa_token: &Secret,
    authenticator: &Authenticator,
    send: bool,
    found: &mut Findings,
) -> Result<(), Check> {
    let Some(factor) = authenticator.factor() else {
        return Ok(());
    };
    let Some(kind) = ChallengeType::for_factor(factor) else {
        return Ok(());
    };
    if kind == ChallengeType::Oob && !send {
        if !found.unsent.contains(&factor.name()) {
            found.unsent.push(factor.name());
        }
        return Ok(());
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
            Err(not_from_auth0(kind, factor.name(), &challenge))
        }
        Ok(_) if !found.works.contains(&factor.name()) => {
            found.works.push(factor.name());
            Ok(())
        }
        Ok(_) => Ok(()),
        Err(Error::Api(api)) => {
            let hint = hints::lookup(&api).map(|h| h.meaning).unwrap_or("refused");
            found
                .refused
                .push(format!("{} ({}: {hint})", factor.name(), api.error));
            Ok(())
        }
        Err(other) => Err(failed("challenge", "POST /mfa/challenge", other)),
    }
}

/// The failure for a challenge answer of the wrong shape.
fn not_from_auth0(kind: ChallengeType, factor: &str, challenge: &Challenge) -> Check {
    Check::fail(
        "challenge",
        format!(
            "asked for an {} challenge of {factor}, the answer was a '{}' challenge{}",
            kind.as_str(),
            crate::sanitize::sanitize(&challenge.challenge_type),
            if challenge.oob_code.is_none() && kind == ChallengeType::Oob {
                " without an oob_code"
            } else {
                ""
            }
        ),
        "check that --domain is the tenant itself, not a proxy in front of it",
        ExitCode::BadResponse,
    )
}

impl Findings {
    /// Refusals fail the check; nothing challenged (all left for `--send`)
    /// skips it; otherwise it passes.
    fn verdict(self) -> Check {
        let mut detail = Vec::new();
        if !self.works.is_empty() {
            detail.push(format!("challenge works for {}", self.works.join(", ")));
        }
        if !self.unsent.is_empty() {
            detail.push(format!(
                "not challenged: {} (that would notify the user; --send tests them)",
                self.unsent.join(", ")
            ));
        }
        if !self.refused.is_empty() {
            detail.push(format!("refused: {}", self.refused.join("; ")));
            return Check::fail(
                "challenge",
                detail.join("; "),
                "enable those factors for the tenant in Dashboard > Security > Multi-factor Auth, or have the user enroll another",
                ExitCode::EnrollmentNeeded,
            );
        }
        if self.works.is_empty() {
            return Check::skip(
                "challenge",
                detail.join("; "),
                Some("pass --send to challenge them".into()),
            );
        }
        Check::pass("challenge", detail.join("; "))
    }
}
