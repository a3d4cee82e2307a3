//! The MFA flow after `mfa_required`: challenge, obtain the answer (a flag, a
//! computed TOTP code, or a prompt), verify, tokens.

use crate::auth0::{Challenge, ChallengeType, Client, TokenSet};
use crate::error::Failure;
use crate::prompt::{Ask, Prompter};
use crate::secret::Secret;
use crate::totp::{self, Overrides, Totp};

/// What the user gave up front to answer a challenge without a prompt.
#[derive(Debug, Default, Clone)]
pub struct Answers {
    pub otp: Option<Secret>,
    /// A base32 secret or otpauth:// URI to compute the OTP from.
    pub otp_secret: Option<Secret>,
}

const OTP_ASK: Ask<'static> = Ask {
    prompt: "One-time code from the authenticator app",
    what: "the OTP code",
    how: "pass --otp CODE, or --otp-secret SECRET / AUTH0_OTP_SECRET to compute it",
};

pub struct Flow<'a> {
    pub client: &'a Client,
    pub prompter: &'a mut dyn Prompter,
    /// Told each step as it happens (stderr for users, stdout for the demo).
    pub progress: &'a dyn Fn(&str),
}

impl Flow<'_> {
    /// From `mfa_required` to tokens: challenge an OTP authenticator, then verify.
    pub async fn complete(
        &mut self,
        mfa_token: &Secret,
        authenticator_id: Option<&str>,
        answers: &Answers,
    ) -> Result<TokenSet, Failure> {
        // Fail before anything is sent when nobody can give the code.
        if answers.otp.is_none() && answers.otp_secret.is_none() && !self.prompter.can_prompt() {
            return Err(crate::prompt::cannot_prompt(&OTP_ASK));
        }
        (self.progress)("requesting an OTP challenge (POST /mfa/challenge)");
        let challenge = self
            .client
            .challenge(mfa_token, &[ChallengeType::Otp], authenticator_id)
            .await?;
        self.answer(mfa_token, &challenge, answers).await
    }

    /// Answers a challenge Auth0 has issued.
    pub async fn answer(
        &mut self,
        mfa_token: &Secret,
        challenge: &Challenge,
        answers: &Answers,
    ) -> Result<TokenSet, Failure> {
        if !challenge.is_otp() {
            return Err(Failure::usage_with_hint(
                format!(
                    "Auth0 issued a '{}' challenge; this command answers OTP challenges",
                    crate::output::sanitize(&challenge.challenge_type)
                ),
                "ask for an OTP challenge with --type otp, or choose the user's OTP authenticator with --authenticator-id",
            ));
        }
        let otp = self.otp_code(answers)?;
        (self.progress)("verifying the code (mfa-otp grant, POST /oauth/token)");
        Ok(self.client.verify_otp(mfa_token, &otp).await?)
    }

    /// `--otp`, else a code computed from `--otp-secret`, else a prompt.
    fn otp_code(&mut self, answers: &Answers) -> Result<Secret, Failure> {
        if let Some(otp) = &answers.otp {
            return Ok(otp.clone());
        }
        if let Some(secret) = &answers.otp_secret {
            let generator = Totp::parse(secret.expose(), Overrides::default()).map_err(|e| {
                Failure::usage_with_hint(e, "check --otp-secret / AUTH0_OTP_SECRET")
            })?;
            (self.progress)("computed the TOTP code from the OTP secret");
            return Ok(Secret::new(generator.code_at(totp::now_unix())));
        }
        let code = self.prompter.secret(&OTP_ASK)?;
        Ok(Secret::new(code.expose().trim().replace(' ', "")))
    }
}
