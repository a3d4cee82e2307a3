//! Enrollment: associate a new authenticator, then confirm it with the grant
//! that matches it (a first OTP code, the code a message delivered, or the
//! push the Guardian app approves once it has scanned the QR code).

use crate::auth0::{Association, Enrollment, TokenSet};
use crate::error::Failure;
use crate::factor::EnrollKind;
use crate::secret::Secret;
use crate::totp::Totp;

use super::{Answers, Flow, Message, Waiting};

impl Flow<'_> {
    /// `POST /mfa/associate`; from then on a message with a code is known to
    /// go where the enrollment says.
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
        self.message = message_of(enrollment);
        Ok(association)
    }

    /// Confirms a pending enrollment, which makes it active; a failure
    /// carries the enrollment (recovery codes and all). With `--otp-secret
    /// auto` the code comes from the secret Auth0 returned. `token` is the
    /// one the enrollment was made with.
    pub async fn confirm_enrollment(
        &mut self,
        token: &Secret,
        association: &Association,
        given: Answers,
        waiting: Waiting,
    ) -> Result<TokenSet, Failure> {
        let answers = match (&association.secret, given.enrollment_secret) {
            (Some(secret), true) => Answers {
                totp: Some(self.returned_secret(secret)?),
                ..given
            },
            _ => given,
        };
        self.confirm(token, association, &answers, waiting)
            .await
            .map_err(|cause| Failure::AfterEnrollment {
                association: Box::new(association.clone()),
                cause: Box::new(cause),
            })
    }

    /// The TOTP generator of the secret an enrollment returned.
    fn returned_secret(&self, secret: &Secret) -> Result<Totp, Failure> {
        Totp::parse(secret.expose(), Default::default()).map_err(|e| {
            Failure::Auth0(crate::auth0::Error::Protocol {
                url: self.client.domain().url("/mfa/associate"),
                status: None,
                message: format!("the enrollment's secret is unusable: {e}"),
                once_issued: Vec::new(),
            })
        })
    }

    /// The grant that matches the enrollment: a first OTP code, the code a
    /// message delivered, or the push the Guardian app approves.
    async fn confirm(
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

/// Where an enrollment's message goes, for `--binding-code-command`.
fn message_of(enrollment: &Enrollment) -> Message {
    let (channel, destination) = match enrollment {
        Enrollment::Sms { phone } => (Some("sms"), Some(phone.clone())),
        Enrollment::Voice { phone } => (Some("voice"), Some(phone.clone())),
        Enrollment::Email { email } => (Some("email"), email.clone()),
        Enrollment::Otp | Enrollment::Push => (None, None),
    };
    Message {
        channel,
        destination,
    }
}

/// What to enroll, its contact checked before anything is sent.
pub fn enrollment(
    kind: EnrollKind,
    phone: Option<&str>,
    email: Option<&str>,
) -> Result<Enrollment, Failure> {
    let phone = || -> Result<String, Failure> {
        let phone = phone.ok_or_else(|| {
            Failure::usage_with_hint(
                "no phone number given",
                "pass --phone in E.164 form, e.g. --phone +15555550123",
            )
        })?;
        let digits = phone.strip_prefix('+').unwrap_or("");
        if !(8..=15).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Failure::usage_with_hint(
                format!(
                    "'{}' is not a phone number in E.164 form",
                    crate::sanitize::sanitize(phone)
                ),
                "give + then the country code and number, digits only, e.g. --phone +15555550123",
            ));
        }
        Ok(phone.to_owned())
    };
    Ok(match kind {
        EnrollKind::Otp => Enrollment::Otp,
        EnrollKind::Sms => Enrollment::Sms { phone: phone()? },
        EnrollKind::Voice => Enrollment::Voice { phone: phone()? },
        EnrollKind::Email => Enrollment::Email {
            email: email.map(str::to_owned),
        },
        EnrollKind::Push => Enrollment::Push,
    })
}

/// Without a terminal, an enrollment must be confirmable from the flags
/// alone; `instead` names the way out the command offers.
pub fn check_confirmable(
    kind: EnrollKind,
    given: &Answers,
    instead: Option<&str>,
) -> Result<(), Failure> {
    let answered = match kind {
        EnrollKind::Otp => given.has_otp() || given.enrollment_secret,
        EnrollKind::Sms | EnrollKind::Voice | EnrollKind::Email => given.has_binding_code(),
        EnrollKind::Push => true,
    };
    if answered {
        return Ok(());
    }
    let how = match (kind, instead) {
        (EnrollKind::Otp, Some(instead)) => format!(
            "pass --otp-secret auto to confirm with the returned secret, --otp CODE, or {instead}"
        ),
        (EnrollKind::Otp, None) => {
            "pass --otp-secret auto to confirm with the returned secret, or --otp CODE".to_owned()
        }
        (_, Some(instead)) => format!(
            "pass --binding-code-command CMD, which runs once the message is sent and prints its code, or {instead}, then confirm with `auth0-mfa verify --mfa-token TOKEN --oob-code OOB_CODE --binding-code CODE`"
        ),
        // `login --enroll`: no later step can confirm what it starts.
        (_, None) => "pass --binding-code-command CMD, which runs once the message is sent and prints its code, run it at a terminal to type the code, or pass --enroll otp --otp-secret auto".to_owned(),
    };
    Err(Failure::usage_with_hint(
        "the enrollment must be confirmed with a code, and there is no terminal to ask for it",
        how,
    ))
}
