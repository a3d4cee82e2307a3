//! Enrollment: associate a new authenticator, then confirm it with the grant
//! that matches it (a first OTP code, the code a message delivered, or the
//! push the Guardian app approves once it has scanned the QR code).

use crate::auth0::{Association, Enrollment, TokenSet};
use crate::error::Failure;
use crate::secret::Secret;

use super::{Answers, Flow, Waiting};

impl Flow<'_> {
    pub async fn associate(
        &mut self,
        token: &Secret,
        enrollment: &Enrollment,
    ) -> Result<Association, Failure> {
        self.progress.step("enrolling (POST /mfa/associate)");
        let association = self
            .client
            .associate(token, enrollment)
            .await
            .inspect_err(|e| self.keep_once_issued(e))?;
        // Auth0 hands these out once, with the user's first enrollment.
        for code in &association.recovery_codes {
            self.progress.keep("recovery_code", code);
        }
        Ok(association)
    }

    /// Confirms a pending enrollment, which makes it active. Auth0 answers
    /// with a token set. `token` is the one the enrollment was made with.
    pub async fn confirm_enrollment(
        &mut self,
        token: &Secret,
        association: &Association,
        answers: &Answers,
        waiting: Waiting,
    ) -> Result<TokenSet, Failure> {
        if association.authenticator_type == "otp" {
            self.progress.step("confirming with the first code");
            return self.verify_otp(token, answers).await;
        }
        let Some(oob_code) = &association.oob_code else {
            return Err(Failure::Auth0(crate::auth0::Error::Protocol {
                url: self.client.domain().url("/mfa/associate"),
                status: None,
                message: "an enrollment with neither an otp secret nor an oob_code".into(),
                once_issued: Vec::new(),
            }));
        };
        if association.binding_method.as_deref() == Some("prompt") {
            self.progress.step("confirming with the code that was sent");
            return self.verify_binding_code(token, oob_code, answers).await;
        }
        self.progress
            .step("waiting for the Guardian app to scan the QR code and approve");
        self.wait_for_push(token, oob_code, None, waiting).await
    }
}
