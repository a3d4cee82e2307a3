//! TOTP codes (RFC 6238) from a base32 secret or an `otpauth://` URI, computed
//! with totp-rs, for unattended logins and the `totp` command.

use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

use totp_rs::{Algorithm, Secret as EncodedSecret, TOTP};

/// A TOTP generator. Its `Debug` never shows the key.
pub struct Totp {
    inner: TOTP,
}

impl fmt::Debug for Totp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Totp")
            .field("digits", &self.inner.digits)
            .field("period", &self.inner.step)
            .field("algorithm", &self.algorithm_name())
            .finish_non_exhaustive()
    }
}

/// The HMAC of a TOTP code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HashAlgorithm {
    Sha1,
    Sha256,
    Sha512,
}

/// Overrides from the command line; `None` keeps the URI's value or the default.
#[derive(Debug, Default, Clone, Copy)]
pub struct Overrides {
    pub digits: Option<u32>,
    pub period: Option<u64>,
    pub algorithm: Option<HashAlgorithm>,
}

impl Totp {
    /// Accepts `otpauth://totp/...?secret=...` or a base32 secret, in any case,
    /// with or without spaces and padding. Errors never repeat the secret.
    pub fn parse(input: &str, overrides: Overrides) -> Result<Totp, String> {
        let input = input.trim();
        let mut inner = if input.to_ascii_lowercase().starts_with("otpauth://") {
            TOTP::from_url_unchecked(input).map_err(|_| {
                "not a valid otpauth:// URI: it needs totp, a base32 secret, and valid digits, period and algorithm".to_owned()
            })?
        } else {
            let cleaned: String = input
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '=' && *c != '-')
                .map(|c| c.to_ascii_uppercase())
                .collect();
            let key = EncodedSecret::Encoded(cleaned).to_bytes().map_err(|_| {
                "the OTP secret is not valid base32 (letters A-Z and digits 2-7)".to_owned()
            })?;
            if key.is_empty() {
                return Err("the OTP secret is empty".into());
            }
            TOTP::new_unchecked(Algorithm::SHA1, 6, 1, 30, key, None, String::new())
        };
        if let Some(digits) = overrides.digits {
            inner.digits = digits as usize;
        }
        if let Some(period) = overrides.period {
            inner.step = period;
        }
        if let Some(algorithm) = overrides.algorithm {
            inner.algorithm = match algorithm {
                HashAlgorithm::Sha1 => Algorithm::SHA1,
                HashAlgorithm::Sha256 => Algorithm::SHA256,
                HashAlgorithm::Sha512 => Algorithm::SHA512,
            };
        }
        // A URI may say anything; totp-rs panics on a zero period or a huge digit count.
        if !(6..=8).contains(&inner.digits) {
            return Err(format!(
                "a TOTP code has 6 to 8 digits, not {}",
                inner.digits
            ));
        }
        if !(1..=3600).contains(&inner.step) {
            return Err(format!(
                "a TOTP period is 1 to 3600 seconds, not {}",
                inner.step
            ));
        }
        Ok(Totp { inner })
    }

    pub fn code_at(&self, unix_seconds: u64) -> String {
        self.inner.generate(unix_seconds)
    }

    /// Seconds until the code for `unix_seconds` stops being current.
    pub fn remaining_at(&self, unix_seconds: u64) -> u64 {
        self.inner.step - unix_seconds % self.inner.step
    }

    pub fn digits(&self) -> usize {
        self.inner.digits
    }

    pub fn period(&self) -> u64 {
        self.inner.step
    }

    pub fn algorithm_name(&self) -> &'static str {
        match self.inner.algorithm {
            Algorithm::SHA1 => "SHA1",
            Algorithm::SHA256 => "SHA256",
            Algorithm::SHA512 => "SHA512",
            #[allow(unreachable_patterns)]
            _ => "other",
        }
    }
}

pub fn now_unix() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    // RFC 6238 appendix B: the ASCII keys "1234567890" repeated to 20, 32 and 64 bytes.
    const SHA1_KEY: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    const SHA256_KEY: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA";
    const SHA512_KEY: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNA";

    fn rfc(key: &str, algorithm: HashAlgorithm) -> Totp {
        Totp::parse(
            key,
            Overrides {
                digits: Some(8),
                period: None,
                algorithm: Some(algorithm),
            },
        )
        .unwrap()
    }

    #[test]
    fn rfc6238_vectors() {
        let cases: [(u64, &str, &str, &str); 6] = [
            (59, "94287082", "46119246", "90693936"),
            (1111111109, "07081804", "68084774", "25091201"),
            (1111111111, "14050471", "67062674", "99943326"),
            (1234567890, "89005924", "91819424", "93441116"),
            (2000000000, "69279037", "90698825", "38618901"),
            (20000000000, "65353130", "77737706", "47863826"),
        ];
        let sha1 = rfc(SHA1_KEY, HashAlgorithm::Sha1);
        let sha256 = rfc(SHA256_KEY, HashAlgorithm::Sha256);
        let sha512 = rfc(SHA512_KEY, HashAlgorithm::Sha512);
        for (time, c1, c256, c512) in cases {
            assert_eq!(sha1.code_at(time), c1, "sha1 at {time}");
            assert_eq!(sha256.code_at(time), c256, "sha256 at {time}");
            assert_eq!(sha512.code_at(time), c512, "sha512 at {time}");
        }
    }

    #[test]
    fn otpauth_uri_gives_its_parameters() {
        let uri = format!(
            "otpauth://totp/Demo%20Tenant:user%40example.com?secret={SHA1_KEY}&issuer=Demo%20Tenant&algorithm=SHA1&digits=8&period=30"
        );
        let totp = Totp::parse(&uri, Overrides::default()).unwrap();
        assert_eq!(totp.digits(), 8);
        assert_eq!(totp.code_at(59), "94287082");
    }

    #[test]
    fn lowercase_spaced_secret_is_accepted() {
        let totp = Totp::parse(
            "gezd gnbv gy3t qojq gezd gnbv gy3t qojq",
            Overrides::default(),
        )
        .unwrap();
        assert_eq!(totp.code_at(59), "287082");
        assert_eq!(totp.remaining_at(59), 1);
    }

    #[test]
    fn impossible_parameters_in_a_uri_are_refused() {
        for uri in [
            format!("otpauth://totp/x?secret={SHA1_KEY}&period=0"),
            format!("otpauth://totp/x?secret={SHA1_KEY}&digits=12"),
        ] {
            assert!(Totp::parse(&uri, Overrides::default()).is_err(), "{uri}");
        }
    }

    #[test]
    fn errors_never_contain_the_secret() {
        let err = Totp::parse("NOT-BASE32-!!!SECRETVALUE", Overrides::default()).unwrap_err();
        assert!(!err.contains("SECRETVALUE"));
        let err = Totp::parse(
            "otpauth://totp/x?secret=!!SECRETVALUE",
            Overrides::default(),
        )
        .unwrap_err();
        assert!(!err.contains("SECRETVALUE"));
        assert!(
            !format!("{:?}", Totp::parse(SHA1_KEY, Overrides::default()).unwrap())
                .contains(SHA1_KEY)
        );
    }
}
