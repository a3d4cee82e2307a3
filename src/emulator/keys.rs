//! RSA key material for the emulator, on ring: PEM and the little DER it needs to read a
//! tenant's public keys (SPKI `BEGIN PUBLIC KEY` or PKCS#1 `BEGIN RSA PUBLIC KEY`) and
//! private keys (PKCS#8 or PKCS#1), to verify RS256, RS384 and PS256 signatures, and to
//! write a public key back as SPKI PEM. Both the tenant's validation and the routes use
//! it; it uses neither.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use ring::signature::{self, RsaKeyPair, RsaPublicKeyComponents};

/// rsaEncryption, 1.2.840.113549.1.1.1, as DER content bytes.
const RSA_ENCRYPTION_OID: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];

const TAG_INTEGER: u8 = 0x02;
const TAG_BIT_STRING: u8 = 0x03;
const TAG_NULL: u8 = 0x05;
const TAG_OID: u8 = 0x06;
const TAG_SEQUENCE: u8 = 0x30;

/// The moduli ring verifies with RS256, RS384 and PS256.
const MIN_BITS: usize = 2048;
const MAX_BITS: usize = 8192;

/// An RSA public key as its modulus and exponent (big-endian, no leading zeros).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicKey {
    pub n: Vec<u8>,
    pub e: Vec<u8>,
}

/// Why a public key is refused, for the tenant file's error message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyError {
    /// Not PEM, not DER, or not an RSA key.
    NotRsa,
    /// An RSA key, but one ring cannot verify with.
    Size(usize),
}

impl std::fmt::Display for KeyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KeyError::NotRsa => f.write_str("not an RSA public key in PEM (SPKI or PKCS#1)"),
            KeyError::Size(bits) => write!(
                f,
                "an RSA key of {bits} bits; private_key_jwt needs {MIN_BITS} to {MAX_BITS}"
            ),
        }
    }
}

impl PublicKey {
    /// The key's size in bits.
    pub fn bits(&self) -> usize {
        let Some(first) = self.n.first() else {
            return 0;
        };
        (self.n.len() - 1) * 8 + (8 - first.leading_zeros() as usize)
    }

    /// Whether `signature` is a valid JWS `alg` signature of `message` by this key.
    /// False for any other algorithm.
    pub fn verifies(&self, alg: &str, message: &[u8], sig: &[u8]) -> bool {
        let params: &signature::RsaParameters = match alg {
            "RS256" => &signature::RSA_PKCS1_2048_8192_SHA256,
            "RS384" => &signature::RSA_PKCS1_2048_8192_SHA384,
            "PS256" => &signature::RSA_PSS_2048_8192_SHA256,
            _ => return false,
        };
        RsaPublicKeyComponents {
            n: &self.n,
            e: &self.e,
        }
        .verify(params, message, sig)
        .is_ok()
    }

    /// The key as `BEGIN PUBLIC KEY` (SPKI) PEM, the form most tools write.
    pub fn to_spki_pem(&self) -> String {
        let rsa_public_key = der(TAG_SEQUENCE, &[integer(&self.n), integer(&self.e)].concat());
        let algorithm = der(
            TAG_SEQUENCE,
            &[der(TAG_OID, RSA_ENCRYPTION_OID), der(TAG_NULL, &[])].concat(),
        );
        let bits = der(TAG_BIT_STRING, &[&[0u8][..], &rsa_public_key].concat());
        pem(
            "PUBLIC KEY",
            &der(TAG_SEQUENCE, &[algorithm, bits].concat()),
        )
    }
}

/// Parses a public key PEM: SPKI (`BEGIN PUBLIC KEY`) or PKCS#1 (`BEGIN RSA PUBLIC KEY`),
/// of a size ring verifies with.
pub fn parse_public_key(text: &str) -> Result<PublicKey, KeyError> {
    let (label, body) = pem_body(text).ok_or(KeyError::NotRsa)?;
    let key = match label.as_str() {
        "PUBLIC KEY" => spki_to_rsa(&body),
        "RSA PUBLIC KEY" => rsa_public_key(&body),
        _ => None,
    }
    .ok_or(KeyError::NotRsa)?;
    match key.bits() {
        MIN_BITS..=MAX_BITS => Ok(key),
        bits => Err(KeyError::Size(bits)),
    }
}

/// Parses a private key PEM: PKCS#8 (`BEGIN PRIVATE KEY`) or PKCS#1 (`BEGIN RSA PRIVATE
/// KEY`).
pub fn parse_private_key(text: &str) -> Option<RsaKeyPair> {
    let (label, body) = pem_body(text)?;
    match label.as_str() {
        "PRIVATE KEY" => RsaKeyPair::from_pkcs8(&body).ok(),
        "RSA PRIVATE KEY" => RsaKeyPair::from_der(&body).ok(),
        _ => None,
    }
}

/// The public half of a key pair.
pub fn public_key_of(pair: &RsaKeyPair) -> PublicKey {
    let components: RsaPublicKeyComponents<Vec<u8>> = pair.public().into();
    PublicKey {
        n: strip_zeros(&components.n).to_vec(),
        e: strip_zeros(&components.e).to_vec(),
    }
}

/// The label and the decoded body of the first PEM block in `text`.
fn pem_body(text: &str) -> Option<(String, Vec<u8>)> {
    let mut lines = text.lines().map(str::trim);
    let label = lines
        .find_map(|l| l.strip_prefix("-----BEGIN ")?.strip_suffix("-----"))?
        .to_string();
    let end = format!("-----END {label}-----");
    let mut b64 = String::new();
    for line in lines {
        if line == end {
            return Some((label, STANDARD.decode(b64.as_bytes()).ok()?));
        }
        b64.push_str(line);
    }
    None
}

fn pem(label: &str, der: &[u8]) -> String {
    let b64 = STANDARD.encode(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for chunk in b64.as_bytes().chunks(64) {
        out.push_str(&String::from_utf8_lossy(chunk));
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

/// SubjectPublicKeyInfo ::= SEQUENCE { algorithm SEQUENCE { OID, params }, BIT STRING }.
fn spki_to_rsa(input: &[u8]) -> Option<PublicKey> {
    let mut outer = Reader::new(Reader::new(input).only(TAG_SEQUENCE)?);
    let mut algorithm = Reader::new(outer.next(TAG_SEQUENCE)?);
    if algorithm.next(TAG_OID)? != RSA_ENCRYPTION_OID {
        return None;
    }
    let bits = outer.next(TAG_BIT_STRING)?;
    outer.end()?;
    // The key is a whole number of bytes: no unused bits.
    match bits.split_first()? {
        (0, key) => rsa_public_key(key),
        _ => None,
    }
}

/// RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }.
fn rsa_public_key(input: &[u8]) -> Option<PublicKey> {
    let mut seq = Reader::new(Reader::new(input).only(TAG_SEQUENCE)?);
    let n = positive(seq.next(TAG_INTEGER)?)?;
    let e = positive(seq.next(TAG_INTEGER)?)?;
    seq.end()?;
    Some(PublicKey {
        n: n.to_vec(),
        e: e.to_vec(),
    })
}

/// A DER INTEGER's content as an unsigned big-endian number; None if negative or zero.
fn positive(content: &[u8]) -> Option<&[u8]> {
    if content.first()? & 0x80 != 0 {
        return None;
    }
    let value = strip_zeros(content);
    (!value.is_empty()).then_some(value)
}

fn strip_zeros(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|b| *b != 0).unwrap_or(bytes.len());
    &bytes[start..]
}

/// A DER INTEGER of an unsigned big-endian number.
fn integer(value: &[u8]) -> Vec<u8> {
    let value = strip_zeros(value);
    let mut content = Vec::with_capacity(value.len() + 1);
    if value.first().is_none_or(|b| b & 0x80 != 0) {
        content.push(0);
    }
    content.extend_from_slice(value);
    der(TAG_INTEGER, &content)
}

fn der(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let len = content.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes = len.to_be_bytes();
        let significant = strip_zeros(&bytes);
        out.push(0x80 | significant.len() as u8);
        out.extend_from_slice(significant);
    }
    out.extend_from_slice(content);
    out
}

/// Reads DER elements one after another; every step checks bounds.
struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    fn new(input: &'a [u8]) -> Reader<'a> {
        Reader { rest: input }
    }

    /// The content of the next element, which must have `tag`.
    fn next(&mut self, tag: u8) -> Option<&'a [u8]> {
        let (&found, rest) = self.rest.split_first()?;
        if found != tag {
            return None;
        }
        let (&first, mut rest) = rest.split_first()?;
        let len = if first < 0x80 {
            usize::from(first)
        } else {
            let count = usize::from(first & 0x7f);
            if count == 0 || count > 4 || rest.len() < count {
                return None;
            }
            let (len_bytes, after) = rest.split_at(count);
            rest = after;
            len_bytes
                .iter()
                .fold(0usize, |acc, b| (acc << 8) | usize::from(*b))
        };
        if rest.len() < len {
            return None;
        }
        let (content, after) = rest.split_at(len);
        self.rest = after;
        Some(content)
    }

    /// The content of the only element, which must have `tag`.
    fn only(mut self, tag: u8) -> Option<&'a [u8]> {
        let content = self.next(tag)?;
        self.end()?;
        Some(content)
    }

    fn end(&self) -> Option<()> {
        self.rest.is_empty().then_some(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::demo::JWT_CLIENT_PRIVATE_KEY_PEM;
    use super::*;

    /// The demo private_key_jwt key (public in this repository) in the other forms
    /// `openssl rsa` writes: PKCS#1 private, PKCS#1 public and SPKI public.
    const JWT_CLIENT_PKCS1_PUBLIC: &str = "-----BEGIN RSA PUBLIC KEY-----
MIIBCgKCAQEAoOWW+98bMYMjCj9WepyZoX3nz0/pSr8tjBmc/hFHai6faEOiJnmm
4vEMBHQlfdmrP87EJRnT3TYf3t8cJtreApYTvLBEP+LPGZAdg0xCM6OtWK7tlGi+
ufhUuMCO7aaMNLEiOp+1UD0J6GoyI9/U5khaSfqxpD3O/BHB2OXJLjS9JubPSOkK
9GJv038mawhiaczG0Q5+ValL+3WvzxcWN77oLTS5+DeU6P155MYVzKhNs2aqswql
Qm0xs/HslJrc55rWMUd0R72OFlHRWnbM5ON1BCu6Jj6YwEUrzP59dyrbnfx2rth2
VZPBUvW/w/4FdVHnbYDP1DWTX8HG3RYNNQIDAQAB
-----END RSA PUBLIC KEY-----
";

    #[test]
    fn public_keys_parse_in_both_forms_and_round_trip() {
        let pair = parse_private_key(JWT_CLIENT_PRIVATE_KEY_PEM).unwrap();
        let public = public_key_of(&pair);
        assert_eq!(public.bits(), 2048);
        assert_eq!(public.e, [1, 0, 1]);
        assert_eq!(parse_public_key(JWT_CLIENT_PKCS1_PUBLIC).unwrap(), public);
        let spki = public.to_spki_pem();
        assert!(spki.starts_with(
            "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAoOWW"
        ));
        assert_eq!(parse_public_key(&spki).unwrap(), public);
        // Windows line ends and surrounding text are forgiven.
        let crlf = format!("key:\r\n{}", spki.replace('\n', "\r\n"));
        assert_eq!(parse_public_key(&crlf).unwrap(), public);
    }

    #[test]
    fn signatures_verify_for_each_algorithm_and_only_for_the_right_key() {
        let pair = parse_private_key(JWT_CLIENT_PRIVATE_KEY_PEM).unwrap();
        let public = public_key_of(&pair);
        let rng = ring::rand::SystemRandom::new();
        let message = b"header.claims";
        for (alg, padding) in [
            (
                "RS256",
                &signature::RSA_PKCS1_SHA256 as &dyn signature::RsaEncoding,
            ),
            ("RS384", &signature::RSA_PKCS1_SHA384),
            ("PS256", &signature::RSA_PSS_SHA256),
        ] {
            let mut sig = vec![0; pair.public().modulus_len()];
            pair.sign(padding, &rng, message, &mut sig).unwrap();
            assert!(public.verifies(alg, message, &sig), "{alg}");
            assert!(!public.verifies(alg, b"header.claimz", &sig), "{alg}");
            assert!(!public.verifies("HS256", message, &sig));
        }
        let other = public_key_of(&super::super::tokens::keys().pair);
        let mut sig = vec![0; pair.public().modulus_len()];
        pair.sign(&signature::RSA_PKCS1_SHA256, &rng, message, &mut sig)
            .unwrap();
        assert!(!other.verifies("RS256", message, &sig));
    }

    #[test]
    fn what_is_not_a_usable_rsa_public_key_is_refused() {
        assert_eq!(parse_public_key(""), Err(KeyError::NotRsa));
        assert_eq!(parse_public_key("not a key"), Err(KeyError::NotRsa));
        assert_eq!(
            parse_public_key("-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----"),
            Err(KeyError::NotRsa)
        );
        // Unterminated, and truncated DER.
        let spki =
            public_key_of(&parse_private_key(JWT_CLIENT_PRIVATE_KEY_PEM).unwrap()).to_spki_pem();
        assert_eq!(
            parse_public_key(spki.trim_end().trim_end_matches("-----END PUBLIC KEY-----")),
            Err(KeyError::NotRsa)
        );
        let body: String = spki.lines().filter(|l| !l.starts_with("-----")).collect();
        let der = STANDARD.decode(body).unwrap();
        for cut in [1, 10, 100, der.len() - 1] {
            let truncated = pem("PUBLIC KEY", &der[..cut]);
            assert_eq!(parse_public_key(&truncated), Err(KeyError::NotRsa), "{cut}");
        }
        // An EC key (the emulator's TLS keys are P-256) is not RSA.
        let ec = rcgen::KeyPair::generate().unwrap().public_key_pem();
        assert_eq!(parse_public_key(&ec), Err(KeyError::NotRsa));
        // A 1024-bit RSA key parses but is too small to verify with.
        let small = "-----BEGIN PUBLIC KEY-----
MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDJlgSz1qy1fq+9rSa4cjQb6wJ1
QfOGom9ERXDBX2af+hojB9IddvYptBLDHe+Lw1HLPIUejHLzSmsAAbHMcmyCewIJ
fGJ5LeCq+uts5haic6yE+XOF6L4gbA/bArLMUBruim0aQdLUIO2I7ppiHvarjfHs
6G40bEAO05nlmfBpwwIDAQAB
-----END PUBLIC KEY-----";
        assert_eq!(parse_public_key(small), Err(KeyError::Size(1024)));
        // A private key where a public one belongs.
        assert_eq!(
            parse_public_key(JWT_CLIENT_PRIVATE_KEY_PEM),
            Err(KeyError::NotRsa)
        );
    }

    #[test]
    fn private_keys_parse_as_pkcs8_and_pkcs1() {
        let pkcs8 = parse_private_key(JWT_CLIENT_PRIVATE_KEY_PEM).unwrap();
        let pkcs1 = parse_private_key(JWT_CLIENT_PKCS1_PRIVATE).unwrap();
        assert_eq!(public_key_of(&pkcs8), public_key_of(&pkcs1));
        assert!(parse_private_key(JWT_CLIENT_PKCS1_PUBLIC).is_none());
        assert!(
            parse_private_key("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----")
                .is_none()
        );
    }

    const JWT_CLIENT_PKCS1_PRIVATE: &str = "-----BEGIN RSA PRIVATE KEY-----
MIIEowIBAAKCAQEAoOWW+98bMYMjCj9WepyZoX3nz0/pSr8tjBmc/hFHai6faEOi
Jnmm4vEMBHQlfdmrP87EJRnT3TYf3t8cJtreApYTvLBEP+LPGZAdg0xCM6OtWK7t
lGi+ufhUuMCO7aaMNLEiOp+1UD0J6GoyI9/U5khaSfqxpD3O/BHB2OXJLjS9JubP
SOkK9GJv038mawhiaczG0Q5+ValL+3WvzxcWN77oLTS5+DeU6P155MYVzKhNs2aq
swqlQm0xs/HslJrc55rWMUd0R72OFlHRWnbM5ON1BCu6Jj6YwEUrzP59dyrbnfx2
rth2VZPBUvW/w/4FdVHnbYDP1DWTX8HG3RYNNQIDAQABAoIBADUOD//k/VgRyHuo
EBGlUumUFVzgmmp56QCCL6j9tKFYV1svtifexH+gAZj0XaqGnLgRK8+aGSkgIFlD
E8riMAQFTePR8edpGGZzBbBWdJwHlHEiWZgvA/lZ4EH9yQOngCMd584R/N1FC1/W
qMr4k4EOCavMXUht0zN+fX/Soci4uFnkt1hD6k1VV7WIVG58fl5BJKkVK5Coci3D
soWWCfEpJ4CVbQnBgwppTSPG5cEXmNNj6/PQWde7dAuvsO2N/fGegzxCoM8JbJH5
FdKhsfuz2gEG3H4TW7pr2rcenSR4s4kmsyvyhg46z6ks4oaNIuite8dGNliDlJ3B
ZntzwX8CgYEA0lu6qHx2azmsCUfB64QLWDMBCMAvvNNuX0Z14Q66x+iSIKjTpmiW
F9oKD9wpkusZ0WmRtyNaSAwb0eL1MrWwF1m8yHrSJXRwH5WLltbOLyuNhY4lRvMa
X2i8lMMY0Uik2/zJCMSBDykHv+AtGX7RGTa0W0rw8merdrJ3IKvcVjcCgYEAw86K
uNZlOCNjh91OFCBUkQUHwXmS51LPZMbLJfoM4ihy6wvw2dtJCUB8tbYjcBlmnM5b
aZA36UL6U237De2AJSCL1mTnyalYxeSTaUe0kskKJcbdUfRXWR8mri+tJtpaVXHN
SFgBGqzDwTIAvQV6JF4fErclyykZvo5EOEk2AfMCgYBJM66S7yzuR1V8rUHoST0B
Zk5X0zlJhnIEKarftJZ+9onTX6y3XfHNPwz9U+oLvFBxtUEF8AF8zOnpcgdNrDgp
CAtP4J28dvaFpy66QOnjNE69SSfjtrlYtkPZqMK8IYFtJFx49pjKw8Z0mPhYxO7S
zVyZ4ExUrorWdWhLMEMupQKBgQCUz1CwPwg4DPUkmXUwaI28lRUa3hleQpopncdg
elP2QQVtSurltvkf1emxc9Yk6LkKbO4eISPM3EFAzLHjGN+t17lO2+soYNJ9u0So
230JnU5f/W3QTiFgMwODl+pBP+stSsrXs0JLkodHOYhEH3h/USTOZXCMoRTWtGp2
WHV6LwKBgAwGFBctwpkvvIeLzeLjUli0gvozrs/vvfqTO3tRdTOOBIjI1x9QwSE6
+D/t/m3gx0lylJa3XjkvlP/jjftiEuPhx2K2bvN8BUnWfDIxDcMG+MAoq8sApS4P
uwWhEYtmQSRDUkkRoTObv1WSM8xk3rg7fQ4lrSGPpuIwrBog7dBp
-----END RSA PRIVATE KEY-----
";
}
