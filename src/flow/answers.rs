//! The answers a user can give up front (an OTP, a secret to compute it from,
//! the code a message carried, a recovery code), each checked for its shape
//! (`crate::codes`) before the first request.

use crate::otp_command::CodeCommand;
use crate::secret::Secret;
use crate::totp::Totp;

use crate::factor::Factor;

/// What the user gave up front, so that nothing needs asking.
#[derive(Debug, Default, Clone)]
pub struct Answers {
    pub otp: Option<Secret>,
    /// Computes the OTP (from `--otp-secret`, parsed before anything is sent).
    pub totp: Option<Totp>,
    /// Prints the OTP (`--otp-command`).
    pub otp_command: Option<CodeCommand>,
    /// What to do when the code at hand was sent already.
    pub otp_wait: OtpWait,
    /// `--otp-secret auto`: compute the OTP from the secret a first
    /// enrollment returns (only while enrolling).
    pub enrollment_secret: bool,
    /// The code an SMS, voice call or email delivered.
    pub binding_code: Option<Secret>,
    /// Prints that code once the message is sent (`--binding-code-command`).
    pub binding_command: Option<CodeCommand>,
    pub recovery_code: Option<Secret>,
}

/// When the current TOTP step was spent already: wait for the next one, or
/// (`--no-otp-wait`) fail at once.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum OtpWait {
    #[default]
    Wait,
    Fail,
}

impl Answers {
    /// Whether the code of a message can be had without a prompt.
    pub fn has_binding_code(&self) -> bool {
        self.binding_code.is_some() || self.binding_command.is_some()
    }

    /// Whether an OTP can be had without a prompt.
    pub fn has_otp(&self) -> bool {
        self.otp.is_some() || self.totp.is_some() || self.otp_command.is_some()
    }

    /// The factor the answers point to when the user named none.
    pub(super) fn implied_factor(&self) -> Option<Factor> {
        if self.has_otp() {
            Some(Factor::Otp)
        } else if self.recovery_code.is_some() {
            Some(Factor::RecoveryCode)
        } else {
            None
        }
    }
}
