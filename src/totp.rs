//! TOTP codes (RFC 6238) from a base32 secret or an `otpauth://` URI, for
//! unattended logins and the `totp` command. The secret and the URI are
//! parsed here, strictly and without panics (they come from users and from
//! servers), and the HMAC is ring's, already built for TLS.
//!
//! The emulator checks codes with another implementation (totp-rs), so a
//! mistake here cannot hide by agreeing with itself.

use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

use reqwest::Url;
use ring::hmac;

/// The HMAC of a TOTP code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HashAlgorithm {
    Sha1,
    Sha256,
    Sha512,
}

impl HashAlgorithm {
    fn parse(name: &str) -> Option<HashAlgorithm> {
        match name.to_ascii_uppercase().as_str() {
            "SHA1" => Some(HashAlgorithm::Sha1),
            "SHA256" => Some(HashAlgorithm::Sha256),
            "SHA512" => Some(HashAlgorithm::Sha512),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            HashAlgorithm::Sha1 => "SHA1",
            HashAlgorithm::Sha256 => "SHA256",
            HashAlgorithm::Sha512 => "SHA512",
        }
    }

    fn ring(self) -> hmac::Algorithm {
        match self {
            HashAlgorithm::Sha1 => hmac::HMAC_SHA1_FOR_LEGACY_USE_ONLY,
            HashAlgorithm::Sha256 => hmac::HMAC_SHA256,
            HashAlgorithm::Sha512 => hmac::HMAC_SHA512,
        }
    }
}

/// Overrides from the command line; `None` keeps the URI's value or the default.
#[derive(Debug, Default, Clone, Copy)]
pub struct Overrides {
    pub digits: Option<u32>,
    pub period: Option<u64>,
    pub algorithm: Option<HashAlgorithm>,
}

/// The codes an authenticator app shows. Its `Debug` never shows the key.
#[derive(Clone)]
pub struct Totp {
    key: hmac::Key,
    /// Hash of the decoded key, to recognise the secret without keeping it.
    fingerprint: [u8; 32],
    algorithm: HashAlgorithm,
    digits: u32,
    period: u64,
}

impl fmt::Debug for Totp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Totp")
            .field("digits", &self.digits)
            .field("period", &self.period)
            .field("algorithm", &self.algorithm)
            .finish_non_exhaustive()
    }
}

pub const DIGITS: std::ops::RangeInclusive<u32> = 6..=8;
pub const PERIODS: std::ops::RangeInclusive<u64> = 1..=3600;

impl Totp {
    /// Accepts `otpauth://totp/...?secret=...` or a base32 secret, in any case,
    /// with or without spaces, hyphens and padding. Errors never repeat the secret.
    pub fn parse(input: &str, overrides: Overrides) -> Result<Totp, String> {
        let input = input.trim();
        let (secret, mut algorithm, mut digits, mut period) = if input
            .get(..10)
            .is_some_and(|s| s.eq_ignore_ascii_case("otpauth://"))
        {
            parse_uri(input)?
        } else {
            (input.to_owned(), HashAlgorithm::Sha1, 6, 30)
        };
        algorithm = overrides.algorithm.unwrap_or(algorithm);
        digits = overrides.digits.unwrap_or(digits);
        period = overrides.period.unwrap_or(period);
        if !DIGITS.contains(&digits) {
            return Err(format!("a TOTP code has 6 to 8 digits, not {digits}"));
        }
        if !PERIODS.contains(&period) {
            return Err(format!("a TOTP period is 1 to 3600 seconds, not {period}"));
        }
        let key = decode_base32(&secret)?;
        Ok(Totp {
            key: hmac::Key::new(algorithm.ring(), &key),
            fingerprint: ring::digest::digest(&ring::digest::SHA256, &key)
                .as_ref()
                .try_into()
                .unwrap_or([0; 32]),
            algorithm,
            digits,
            period,
        })
    }

    /// The 30 s (or `period`) step that `unix_seconds` falls in.
    pub fn step_at(&self, unix_seconds: u64) -> u64 {
        unix_seconds / self.period
    }

    pub fn code_at(&self, unix_seconds: u64) -> String {
        self.code_for_step(self.step_at(unix_seconds))
    }

    /// RFC 4226's HOTP of the step counter, with RFC 6238's time steps.
    pub fn code_for_step(&self, step: u64) -> String {
        let mac = hmac::sign(&self.key, &step.to_be_bytes());
        let mac = mac.as_ref();
        let offset = usize::from(mac[mac.len() - 1] & 0x0f);
        let word = u32::from_be_bytes([
            mac[offset] & 0x7f,
            mac[offset + 1],
            mac[offset + 2],
            mac[offset + 3],
        ]);
        let code = word % 10u32.pow(self.digits);
        format!("{code:0width$}", width = self.digits as usize)
    }

    /// Seconds until the code for `unix_seconds` stops being current.
    pub fn remaining_at(&self, unix_seconds: u64) -> u64 {
        self.period - unix_seconds % self.period
    }

    pub fn digits(&self) -> usize {
        self.digits as usize
    }

    pub fn period(&self) -> u64 {
        self.period
    }

    pub fn algorithm_name(&self) -> &'static str {
        self.algorithm.name()
    }

    /// A hash of the key and parameters: names this secret in records of
    /// spent codes without revealing it.
    pub fn fingerprint(&self) -> String {
        let mut text = String::with_capacity(80);
        for byte in &self.fingerprint[..16] {
            text.push_str(&format!("{byte:02x}"));
        }
        format!(
            "{text}-{}-{}-{}",
            self.algorithm.name(),
            self.digits,
            self.period
        )
    }
}

/// `otpauth://totp/LABEL?secret=...&algorithm=...&digits=...&period=...`.
fn parse_uri(input: &str) -> Result<(String, HashAlgorithm, u32, u64), String> {
    const SHAPE: &str = "an otpauth:// URI looks like otpauth://totp/Issuer:user?secret=BASE32";
    let url = Url::parse(input).map_err(|_| format!("not a valid otpauth:// URI; {SHAPE}"))?;
    match url.host_str() {
        Some(kind) if kind.eq_ignore_ascii_case("totp") => {}
        Some(kind) if kind.eq_ignore_ascii_case("hotp") => {
            return Err("this is an hotp:// (counter-based) URI; only totp is supported".into());
        }
        _ => return Err(format!("the URI names no totp type; {SHAPE}")),
    }
    let (mut secret, mut algorithm, mut digits, mut period) = (None, HashAlgorithm::Sha1, 6, 30);
    for (name, value) in url.query_pairs() {
        match name.to_ascii_lowercase().as_str() {
            "secret" => secret = Some(value.into_owned()),
            "algorithm" => {
                algorithm = HashAlgorithm::parse(&value).ok_or_else(|| {
                    "the URI's algorithm is not SHA1, SHA256 or SHA512".to_owned()
                })?;
            }
            "digits" => {
                digits = value
                    .parse()
                    .map_err(|_| "the URI's digits is not a number".to_owned())?;
            }
            "period" => {
                period = value
                    .parse()
                    .map_err(|_| "the URI's period is not a number".to_owned())?;
            }
            _ => {}
        }
    }
    let secret = secret.ok_or_else(|| format!("the URI has no secret; {SHAPE}"))?;
    Ok((secret, algorithm, digits, period))
}

/// RFC 4648 base32, as authenticator apps take it: any case, spaces, hyphens
/// and `=` padding ignored, trailing bits that do not fill a byte dropped.
pub fn decode_base32(text: &str) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::with_capacity(text.len() * 5 / 8);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for c in text.chars() {
        let value = match c.to_ascii_uppercase() {
            c @ 'A'..='Z' => c as u32 - 'A' as u32,
            c @ '2'..='7' => c as u32 - '2' as u32 + 26,
            ' ' | '-' | '=' | '\t' => continue,
            _ => {
                return Err(
                    "the OTP secret is not valid base32 (letters A-Z and digits 2-7)".into(),
                );
            }
        };
        buffer = (buffer << 5) | value;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            bytes.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    if bytes.is_empty() {
        return Err("the OTP secret is empty".into());
    }
    Ok(bytes)
}

pub fn now_unix_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
        .unwrap_or_default()
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
    fn rfc4226_hotp_vectors() {
        // Appendix D: the 20-byte key "12345678901234567890", counters 0-9.
        let hotp = Totp::parse(SHA1_KEY, Overrides::default()).unwrap();
        let expected = [
            "755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583",
            "399871", "520489",
        ];
        for (counter, code) in expected.iter().enumerate() {
            assert_eq!(hotp.code_for_step(counter as u64), *code);
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
        let upper = uri.replace("otpauth://totp", "OTPAUTH://TOTP");
        assert_eq!(
            Totp::parse(&upper, Overrides::default())
                .unwrap()
                .code_at(59),
            "94287082"
        );
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
    fn the_seconds_left_count_down_to_the_next_step() {
        let totp = Totp::parse(SHA1_KEY, Overrides::default()).unwrap();
        for (time, left) in [(0, 30), (1, 29), (29, 1), (30, 30), (45, 15), (59, 1)] {
            assert_eq!(totp.remaining_at(time), left, "at {time}");
        }
        let minute = Totp::parse(
            SHA1_KEY,
            Overrides {
                period: Some(60),
                ..Overrides::default()
            },
        )
        .unwrap();
        assert_eq!(minute.period(), 60);
        assert_eq!(minute.remaining_at(59), 1);
        assert_eq!(minute.step_at(119), 1);
    }

    #[test]
    fn a_uri_s_algorithm_and_period_are_used() {
        for (key, algorithm, code) in [
            (SHA256_KEY, "SHA256", "46119246"),
            (SHA512_KEY, "sha512", "90693936"),
        ] {
            let uri =
                format!("otpauth://totp/x?secret={key}&algorithm={algorithm}&digits=8&period=60");
            let totp = Totp::parse(&uri, Overrides::default()).unwrap();
            assert_eq!(totp.code_at(119), code, "{algorithm}");
            assert_eq!(totp.period(), 60);
            assert_eq!(totp.algorithm_name(), algorithm.to_ascii_uppercase());
        }
    }

    /// Debug output (a `{:?}` in a log) says the parameters, never the key.
    #[test]
    fn debug_shows_the_parameters() {
        let totp = Totp::parse(SHA1_KEY, Overrides::default()).unwrap();
        assert_eq!(
            format!("{totp:?}"),
            "Totp { digits: 6, period: 30, algorithm: Sha1, .. }"
        );
    }

    #[test]
    fn impossible_and_empty_uris_are_refused_not_crashes() {
        for uri in [
            format!("otpauth://totp/x?secret={SHA1_KEY}&period=0"),
            format!("otpauth://totp/x?secret={SHA1_KEY}&digits=12"),
            format!("otpauth://totp/x?secret={SHA1_KEY}&digits=99999999999999999999"),
            format!("otpauth://totp/x?secret={SHA1_KEY}&algorithm=MD5"),
            format!("otpauth://hotp/x?secret={SHA1_KEY}&counter=1"),
            "otpauth://".into(),
            "otpauth:///".into(),
            "OTPAUTH://".into(),
            "otpauth://totp".into(),
            "otpauth://totp/x?secret=".into(),
            "otpauth://totp/x".into(),
            "otpauth://:99999999/x".into(),
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
        let totp = Totp::parse(SHA1_KEY, Overrides::default()).unwrap();
        assert!(!format!("{totp:?}").contains(SHA1_KEY));
        assert!(!totp.fingerprint().contains(SHA1_KEY));
    }

    #[test]
    fn the_fingerprint_names_the_secret_and_its_parameters() {
        let a = Totp::parse(SHA1_KEY, Overrides::default()).unwrap();
        let spaced = Totp::parse(
            "gezd gnbv gy3t qojq gezd gnbv gy3t qojq",
            Overrides::default(),
        )
        .unwrap();
        assert_eq!(a.fingerprint(), spaced.fingerprint());
        let other = Totp::parse(SHA256_KEY, Overrides::default()).unwrap();
        assert_ne!(a.fingerprint(), other.fingerprint());
    }

    #[test]
    fn base32_decodes_as_rfc4648() {
        assert_eq!(decode_base32("MZXW6YTBOI======").unwrap(), b"foobar");
        assert_eq!(decode_base32("mzxw6ytboi").unwrap(), b"foobar");
        assert!(decode_base32("").is_err());
        assert!(decode_base32("====").is_err());
        assert!(decode_base32("A1").is_err());
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// Any text, URI-shaped or not, is a generator or an error.
            #[test]
            fn any_input_parses_or_is_refused(input in prop_oneof![
                "otpauth://[a-zA-Z]{0,6}/[ -~]{0,20}\\?([a-z]{1,10}=[ -~]{0,20}&?){0,5}",
                "(?i)otpauth:/{0,4}[ -~]{0,30}",
                "[A-Za-z2-7 =-]{0,60}",
                "\\PC{0,40}",
            ], digits in proptest::option::of(0u32..20), period in proptest::option::of(0u64..5000)) {
                let overrides = Overrides { digits, period, algorithm: None };
                if let Ok(totp) = Totp::parse(&input, overrides) {
                    let code = totp.code_at(u64::MAX);
                    prop_assert_eq!(code.len(), totp.digits());
                    prop_assert!(code.bytes().all(|b| b.is_ascii_digit()));
                    prop_assert!(totp.remaining_at(u64::MAX) <= totp.period());
                }
            }

            /// Base32 of any bytes decodes back to them.
            #[test]
            fn base32_round_trips(bytes in proptest::collection::vec(any::<u8>(), 1..64)) {
                const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
                let mut text = String::new();
                for chunk in bytes.chunks(5) {
                    let mut block = [0u8; 5];
                    block[..chunk.len()].copy_from_slice(chunk);
                    let bits = u64::from_be_bytes([0, 0, 0, block[0], block[1], block[2], block[3], block[4]]);
                    let chars = (chunk.len() * 8).div_ceil(5);
                    for i in 0..chars {
                        text.push(ALPHABET[((bits >> (35 - 5 * i)) & 31) as usize] as char);
                    }
                }
                prop_assert_eq!(decode_base32(&text).unwrap(), bytes);
            }
        }
    }
}
