//! The shapes of the codes a user gives or another tool prints (an OTP, the
//! code a message carried, a recovery code, a TOTP secret), checked before
//! the first request: a typo is a usage error, not a spent attempt of the
//! ten Auth0 allows.

use std::fmt;

use crate::error::Failure;
use crate::secret::Secret;
use crate::totp::Totp;

/// Why an answer cannot be the code it claims to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Malformed(&'static str);

impl fmt::Display for Malformed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl Malformed {
    /// As the usage error of a flag: `--otp` ...
    pub fn of_flag(self, flag: &str) -> Failure {
        Failure::usage_with_hint(
            format!("{flag}: {self}"),
            "check the value; nothing was sent",
        )
    }

    /// As the error for `what` typed at a prompt ("the OTP code").
    pub fn entered(self, what: &str) -> Failure {
        Failure::usage_with_hint(
            format!("{what} entered: {self}"),
            "run the command again; nothing was sent",
        )
    }
}

/// An authenticator app's code: 6 to 8 digits; spaces are forgiven.
pub fn otp(text: &str) -> Result<Secret, Malformed> {
    let code: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if (6..=8).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit()) {
        Ok(Secret::new(code))
    } else {
        Err(Malformed("a one-time code is 6 digits (up to 8)"))
    }
}

/// The code of an SMS, a voice call or an email: Auth0 sends 6 digits; a
/// little more is allowed, and spaces and hyphens are forgiven.
pub fn binding_code(text: &str) -> Result<Secret, Malformed> {
    let code: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    if (4..=12).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_alphanumeric()) {
        Ok(Secret::new(code))
    } else {
        Err(Malformed(
            "the code from the message is 6 digits (letters and digits, 4 to 12)",
        ))
    }
}

/// A recovery code: Auth0's are 24 letters and digits; spaces and hyphens
/// are forgiven, case is not significant.
pub fn recovery_code(text: &str) -> Result<Secret, Malformed> {
    let code: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if (8..=64).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_alphanumeric()) {
        Ok(Secret::new(code))
    } else {
        Err(Malformed(
            "a recovery code is 24 letters and digits, as Auth0 printed it",
        ))
    }
}

/// `--otp-secret` (or its file, variable, profile key), parsed now.
pub fn totp(secret: &Secret, named_as: &str) -> Result<Totp, Failure> {
    Totp::parse(secret.expose(), Default::default()).map_err(|e| {
        Failure::usage_with_hint(
            format!("{named_as}: {e}"),
            "give the base32 secret or otpauth:// URI Auth0 showed at enrollment; nothing was sent",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_normalised_or_refused() {
        assert_eq!(otp(" 123 456 ").unwrap().expose(), "123456");
        assert!(otp("12345").is_err());
        assert!(otp("12345a").is_err());
        assert!(otp("123456789").is_err());
        assert_eq!(binding_code("123-456").unwrap().expose(), "123456");
        assert!(binding_code("12").is_err());
        assert_eq!(
            recovery_code("abcd efgh-jkln mpqr stuv wxyz")
                .unwrap()
                .expose(),
            "ABCDEFGHJKLNMPQRSTUVWXYZ"
        );
        assert!(recovery_code("short").is_err());
        assert!(recovery_code("ABCDEFGHJKLMNPQRSTUVWX!Z").is_err());
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn accepted_answers_have_their_shape(text in "\\PC{0,40}|[0-9 -]{0,12}|[A-Za-z0-9 -]{0,30}") {
                if let Ok(code) = otp(&text) {
                    prop_assert!(code.expose().bytes().all(|b| b.is_ascii_digit()));
                }
                if let Ok(code) = binding_code(&text) {
                    prop_assert!(code.expose().bytes().all(|b| b.is_ascii_alphanumeric()));
                }
                if let Ok(code) = recovery_code(&text) {
                    prop_assert!(code.expose().bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()));
                }
            }
        }
    }
}
