//! Factors: the ways to answer Auth0's MFA, as users name them (`--factor`,
//! the profile's `factor`, the picker), and those a user can enroll. Words
//! every floor shares: the command line offers them, the flow and doctor
//! choose among them, the API client maps Auth0's authenticators and
//! challenge types onto them.

use std::fmt;

use clap::ValueEnum;

/// The ways to answer Auth0's MFA, as users name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Factor {
    Otp,
    Push,
    Sms,
    Voice,
    Email,
    RecoveryCode,
}

impl Factor {
    pub const ALL: [Factor; 6] = [
        Factor::Otp,
        Factor::Push,
        Factor::Sms,
        Factor::Voice,
        Factor::Email,
        Factor::RecoveryCode,
    ];

    pub fn parse(name: &str) -> Option<Factor> {
        Factor::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name))
    }

    pub fn from_id_prefix(prefix: &str) -> Option<Factor> {
        match prefix {
            "totp" | "otp" => Some(Factor::Otp),
            "push" => Some(Factor::Push),
            "sms" => Some(Factor::Sms),
            "voice" => Some(Factor::Voice),
            "email" => Some(Factor::Email),
            "recovery-code" => Some(Factor::RecoveryCode),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Factor::Otp => "otp",
            Factor::Push => "push",
            Factor::Sms => "sms",
            Factor::Voice => "voice",
            Factor::Email => "email",
            Factor::RecoveryCode => "recovery-code",
        }
    }

    /// Codes that arrive by message: the challenge says `binding_method: prompt`.
    pub fn sends_a_code(self) -> bool {
        matches!(self, Factor::Sms | Factor::Voice | Factor::Email)
    }
}

impl fmt::Display for Factor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What `enroll KIND` and `login --enroll KIND` can enroll.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EnrollKind {
    Otp,
    Sms,
    Voice,
    Email,
    Push,
}
