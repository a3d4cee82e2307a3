//! TOTP checking as Auth0 does it: RFC 6238 with SHA1, 6 digits and 30 s steps, the
//! previous step still accepted, and a code refused once its step has been used.

use totp_rs::{Algorithm, Secret, TOTP};

pub const STEP_SECONDS: u64 = 30;

/// Decodes a base32 secret (case and padding forgiven); None when it is not base32.
pub fn decode_secret(secret: &str) -> Option<Vec<u8>> {
    let cleaned: String = secret
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '=')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let bytes = Secret::Encoded(cleaned).to_bytes().ok()?;
    (!bytes.is_empty()).then_some(bytes)
}

/// The code for one time step.
pub fn code_at_step(secret: &[u8], step: u64) -> String {
    TOTP::new_unchecked(
        Algorithm::SHA1,
        6,
        0,
        STEP_SECONDS,
        secret.to_vec(),
        None,
        String::new(),
    )
    .generate(step * STEP_SECONDS)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OtpCheck {
    /// Right code; remember the step so it cannot be replayed.
    Accepted {
        step: u64,
    },
    /// Right code for a step already used (or older than one used).
    Reused,
    Wrong,
}

/// Checks `code` at `now_secs` against the current and the previous step.
pub fn check(secret: &[u8], code: &str, now_secs: u64, last_used_step: Option<u64>) -> OtpCheck {
    let code = code.trim();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return OtpCheck::Wrong;
    }
    let current = now_secs / STEP_SECONDS;
    for step in [current, current.saturating_sub(1)] {
        if code_at_step(secret, step) == code {
            return match last_used_step {
                // Refuse the same step and anything older: otherwise the previous-window
                // allowance would let a code captured before the last login be replayed.
                Some(used) if step <= used => OtpCheck::Reused,
                _ => OtpCheck::Accepted { step },
            };
        }
    }
    OtpCheck::Wrong
}

#[cfg(test)]
mod tests {
    use super::*;

    // RFC 6238 appendix B, SHA1 secret "12345678901234567890", truncated to 6 digits.
    const RFC_SECRET: &[u8] = b"12345678901234567890";

    #[test]
    fn rfc6238_vectors() {
        assert_eq!(code_at_step(RFC_SECRET, 59 / 30), "287082");
        assert_eq!(code_at_step(RFC_SECRET, 1111111109 / 30), "081804");
        assert_eq!(code_at_step(RFC_SECRET, 1234567890 / 30), "005924");
        assert_eq!(code_at_step(RFC_SECRET, 2000000000 / 30), "279037");
    }

    #[test]
    fn window_accepts_previous_step_only() {
        let now = 1_700_000_000;
        let step = now / 30;
        let prev = code_at_step(RFC_SECRET, step - 1);
        let older = code_at_step(RFC_SECRET, step - 2);
        let next = code_at_step(RFC_SECRET, step + 1);
        assert_eq!(
            check(RFC_SECRET, &prev, now, None),
            OtpCheck::Accepted { step: step - 1 }
        );
        assert_eq!(check(RFC_SECRET, &older, now, None), OtpCheck::Wrong);
        assert_eq!(check(RFC_SECRET, &next, now, None), OtpCheck::Wrong);
        assert_eq!(check(RFC_SECRET, "12345", now, None), OtpCheck::Wrong);
        assert_eq!(check(RFC_SECRET, "abcdef", now, None), OtpCheck::Wrong);
    }

    #[test]
    fn reuse_is_refused() {
        let now = 1_700_000_000;
        let step = now / 30;
        let code = code_at_step(RFC_SECRET, step);
        assert_eq!(
            check(RFC_SECRET, &code, now, None),
            OtpCheck::Accepted { step }
        );
        assert_eq!(check(RFC_SECRET, &code, now, Some(step)), OtpCheck::Reused);
        let prev = code_at_step(RFC_SECRET, step - 1);
        assert_eq!(check(RFC_SECRET, &prev, now, Some(step)), OtpCheck::Reused);
    }

    #[test]
    fn secrets_decode_leniently() {
        assert_eq!(
            decode_secret("gezdgnbvgy3tqojqgezdgnbvgy3tqojq").unwrap(),
            RFC_SECRET
        );
        assert!(decode_secret("not base32!").is_none());
        assert!(decode_secret("").is_none());
    }
}
