//! A first factor enrolled as the user logs in: when Auth0 says the user has
//! none yet (`mfa_requirements.enroll`), or the flow found none and `--enroll`
//! names one. The kind is the flag's, else the user's pick among those the
//! tenant offers; an SMS or voice enrollment asks for the phone number.

use crate::auth0::Enrollment;
use crate::error::Failure;
use crate::factor::EnrollKind;
use crate::prompt::{Ask, Prompter};

use super::{Flow, Requirements, enrollment};

impl Flow<'_> {
    /// What to enroll as the user's first factor, its contact checked.
    pub fn first_enrollment(
        &mut self,
        requested: Option<EnrollKind>,
        phone: Option<&str>,
        email: Option<&str>,
        offered: &Requirements,
    ) -> Result<Enrollment, Failure> {
        let kind = match requested {
            Some(kind) => kind,
            None => pick_kind(self.prompter, offered)?,
        };
        let phone = match (kind, phone) {
            (EnrollKind::Sms | EnrollKind::Voice, None) if self.prompter.can_prompt() => {
                Some(self.prompter.text(&Ask {
                    prompt: "Phone number (E.164, e.g. +15555550123)",
                    what: "the phone number",
                    how: "pass --phone +15555550123",
                })?)
            }
            (_, phone) => phone.map(str::to_owned),
        };
        let enrollment = enrollment(kind, phone.as_deref(), email)?;
        self.progress
            .step(&format!("the user has no MFA factor yet: enrolling {kind:?}").to_lowercase());
        Ok(enrollment)
    }
}

/// On a terminal, the user picks among the factors the tenant offers.
fn pick_kind(prompter: &mut dyn Prompter, offered: &Requirements) -> Result<EnrollKind, Failure> {
    if !prompter.can_prompt() {
        return Err(Failure::EnrollmentNeeded {
            message: "the user has no MFA factor yet".into(),
            hint: "enroll one as you log in: --enroll otp --otp-secret auto (or --enroll sms --phone +15555550123, email, push)".into(),
        });
    }
    let kinds: Vec<EnrollKind> = match &offered.enroll {
        Some(types) if !types.is_empty() => {
            let mut kinds = Vec::new();
            for kind in types.iter().flat_map(|t| kinds_of(t)) {
                if !kinds.contains(kind) {
                    kinds.push(*kind);
                }
            }
            kinds
        }
        _ => ALL_KINDS.to_vec(),
    };
    let names: Vec<String> = kinds.iter().map(|k| describe_kind(*k).to_owned()).collect();
    let index = prompter.select("The user has no MFA factor yet. Enroll which?", &names)?;
    Ok(kinds[index])
}

const ALL_KINDS: [EnrollKind; 5] = [
    EnrollKind::Otp,
    EnrollKind::Push,
    EnrollKind::Sms,
    EnrollKind::Voice,
    EnrollKind::Email,
];

/// The enrollments an `mfa_requirements.enroll` type stands for.
fn kinds_of(requirement: &str) -> &'static [EnrollKind] {
    match requirement {
        "otp" => &[EnrollKind::Otp],
        "push-notification" | "push" => &[EnrollKind::Push],
        "phone" => &[EnrollKind::Sms, EnrollKind::Voice],
        "sms" => &[EnrollKind::Sms],
        "voice" => &[EnrollKind::Voice],
        "email" => &[EnrollKind::Email],
        _ => &[],
    }
}

fn describe_kind(kind: EnrollKind) -> &'static str {
    match kind {
        EnrollKind::Otp => "otp: an authenticator app (a QR code to scan)",
        EnrollKind::Push => "push: the Guardian app",
        EnrollKind::Sms => "sms: codes by text message",
        EnrollKind::Voice => "voice: codes by phone call",
        EnrollKind::Email => "email: codes by email",
    }
}
