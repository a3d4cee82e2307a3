//! private_key_jwt: a freshly signed client assertion for every request that
//! carries client credentials, as Auth0 documents it (iss = sub = client_id,
//! aud = `https://DOMAIN/`, unique jti, one minute of life, RS256/RS384/PS256).

use std::fmt;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ring::rand::{SecureRandom, SystemRandom};
use ring::rsa::KeyPair;
use ring::signature::RsaEncoding;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{PrivatePkcs1KeyDer, PrivatePkcs8KeyDer};
use serde_json::json;

pub const ASSERTION_TYPE: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/// The algorithms Auth0 accepts for client assertions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssertionAlg {
    Rs256,
    Rs384,
    Ps256,
}

impl AssertionAlg {
    fn name(self) -> &'static str {
        match self {
            AssertionAlg::Rs256 => "RS256",
            AssertionAlg::Rs384 => "RS384",
            AssertionAlg::Ps256 => "PS256",
        }
    }

    fn padding(self) -> &'static dyn RsaEncoding {
        match self {
            AssertionAlg::Rs256 => &ring::signature::RSA_PKCS1_SHA256,
            AssertionAlg::Rs384 => &ring::signature::RSA_PKCS1_SHA384,
            AssertionAlg::Ps256 => &ring::signature::RSA_PSS_SHA256,
        }
    }
}

/// A private key that signs assertions, parsed once per process (ring checks
/// the key's consistency on load, which costs more than a signature). Its
/// `Debug` shows nothing of the key.
#[derive(Clone)]
pub struct AssertionKey {
    key: Arc<KeyPair>,
    alg: AssertionAlg,
    kid: Option<String>,
}

impl fmt::Debug for AssertionKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AssertionKey")
            .field("alg", &self.alg)
            .field("kid", &self.kid)
            .finish_non_exhaustive()
    }
}

impl AssertionKey {
    /// Parses an RSA key in PKCS#8 (`BEGIN PRIVATE KEY`) or PKCS#1
    /// (`BEGIN RSA PRIVATE KEY`) PEM. Errors never quote the key.
    pub fn from_pem(pem: &str, alg: AssertionAlg, kid: Option<String>) -> Result<Self, String> {
        let parsed = if let Ok(der) = PrivatePkcs8KeyDer::from_pem_slice(pem.as_bytes()) {
            KeyPair::from_pkcs8(der.secret_pkcs8_der())
        } else if let Ok(der) = PrivatePkcs1KeyDer::from_pem_slice(pem.as_bytes()) {
            KeyPair::from_der(der.secret_pkcs1_der())
        } else if pem.contains("BEGIN EC PRIVATE KEY") || pem.contains("BEGIN OPENSSH") {
            return Err(format!(
                "{} needs an RSA private key; this is another kind of key",
                alg.name()
            ));
        } else {
            return Err(NOT_RSA_PEM.to_owned());
        };
        // ring names the reason in a word; say it as a sentence, without the key.
        let key = parsed.map_err(|rejected| match rejected.to_string().as_str() {
            "TooSmall" => format!("{} needs an RSA key of at least 2048 bits", alg.name()),
            "TooLarge" | "PrivateModulusLenNotMultipleOf512Bits" => {
                "the key's size is not supported: use an RSA key of 2048, 3072 or 4096 bits"
                    .to_owned()
            }
            "WrongAlgorithm" => format!(
                "{} needs an RSA private key; this is another kind of key",
                alg.name()
            ),
            _ => NOT_RSA_PEM.to_owned(),
        })?;
        Ok(AssertionKey {
            key: Arc::new(key),
            alg,
            kid,
        })
    }

    /// A new assertion for `audience` (`https://DOMAIN/`): single-use, so one
    /// is signed per request.
    pub fn sign(&self, client_id: &str, audience: &str) -> String {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or_default();
        let mut header = json!({"alg": self.alg.name(), "typ": "JWT"});
        if let Some(kid) = &self.kid {
            header["kid"] = json!(kid);
        }
        let claims = json!({
            "iss": client_id,
            "sub": client_id,
            "aud": audience,
            "iat": now,
            "exp": now + 60,
            "jti": jti(),
        });
        let signing_input = format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(header.to_string()),
            URL_SAFE_NO_PAD.encode(claims.to_string())
        );
        let mut signature = vec![0u8; self.key.public().modulus_len()];
        // Fails only for a buffer of the wrong length (it is sized from the
        // key) or a broken kernel RNG; Auth0 then refuses the empty signature
        // as invalid_client, which `doctor` explains.
        if self
            .key
            .sign(
                self.alg.padding(),
                &SystemRandom::new(),
                signing_input.as_bytes(),
                &mut signature,
            )
            .is_err()
        {
            signature.clear();
        }
        format!("{signing_input}.{}", URL_SAFE_NO_PAD.encode(signature))
    }
}

const NOT_RSA_PEM: &str =
    "not an RSA private key in PEM form (BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY)";

/// 128 random bits as a UUID-shaped string (Auth0 caps jti at 64 characters).
fn jti() -> String {
    let mut bytes = [0u8; 16];
    // The kernel's RNG does not fail once the system is up; zeros would still
    // be refused by Auth0 as a replay, not accepted.
    let _ = SystemRandom::new().fill(&mut bytes);
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

#[cfg(all(test, feature = "emulator"))]
mod tests {
    use super::*;
    use base64::engine::general_purpose::STANDARD;
    use ring::signature::{
        RSA_PKCS1_2048_8192_SHA256, RSA_PKCS1_2048_8192_SHA384, RSA_PSS_2048_8192_SHA256,
        UnparsedPublicKey, VerificationAlgorithm,
    };

    /// A throwaway RSA-1024 test key, too small for Auth0.
    const SMALL_KEY: &str = "-----BEGIN PRIVATE KEY-----
MIICdgIBADANBgkqhkiG9w0BAQEFAASCAmAwggJcAgEAAoGBAMdSgs5PsI1k6Fwy
Rz74DyvcFrXQjOvIUKdtjLKWk59h+J4COeNeYQs9Hk0NKmuoXoIN/+zgJ2MrAa3o
Ln/Qpg7qS8ZfaOvDP9TcN+6xJ8TPkSZXbkjUCJPK2Go/qZcZcDJHDZ/3L6qo2UcU
VVJMRx92zmVQ1tuIGvDyywD6LBKxAgMBAAECgYBbBBxi5RSznA5We0b5RAB5gKiG
IVMYH4Jk0atbqVKDhxMl49JXNrONlD0P5iEmw91T+dyRZ9HUgMDljo4dI0OP4bOM
hnac4fkIRB+AlLRBIRz891/MyG/AjKuSrSBsbLIR6N3I/rWsg0EEt6eVsWxQxHx3
bTqy+iuO1zsZ2FuMWQJBAOM5iVGkLHM5dYhXYub9DBxBxd4WcrvjLoQMS9Y0w9Uu
RbDmGL/soQFLVIejDlXqRwQf7Uukyzw+ipLtIfRCwXcCQQDgkGW4sYomfDu7N3he
j+M9DXSoy+sroOVmuLBPdWTI++ASazHoJQ1x2o+r86B+38/wIVsKXIJNacvKArbo
TRcXAkBucRLLec6ZGr6DzGWn/CqcuWNhNOwDYsLDL+7UaMUeouUAvHYfIvaG2IR3
gMuA+uQVnycJc0nNOGDGVTgBr0i1AkAXUUcOr3it2FaHcRIRl5U74KrNYCcyJ4nK
acD87y6g4+53WyQae8ZynQQwEaMHqYu43m3KnKJ3EVY0yqVdZ6vPAkEAzBpoRff/
0ZGYIvq2l5GMl9vsV01ZgaYbW+0BkqZ+Fwba+EdvoMyMOXNyIQofDbzXKULMkvOk
rvWKMTPdTytdSA==
-----END PRIVATE KEY-----
";

    fn key() -> String {
        crate::emulator::demo::JWT_CLIENT_PRIVATE_KEY_PEM.to_owned()
    }

    fn parts(token: &str) -> (serde_json::Value, serde_json::Value, Vec<u8>) {
        let mut it = token.split('.');
        let decode = |p: &str| URL_SAFE_NO_PAD.decode(p).unwrap();
        let header = serde_json::from_slice(&decode(it.next().unwrap())).unwrap();
        let claims = serde_json::from_slice(&decode(it.next().unwrap())).unwrap();
        (header, claims, decode(it.next().unwrap()))
    }

    /// One DER element: (tag, contents, the rest).
    fn tlv(der: &[u8]) -> (u8, &[u8], &[u8]) {
        let (len, header) = match der[1] {
            n if n < 0x80 => (n as usize, 2),
            n => {
                let octets = (n & 0x7f) as usize;
                let len = der[2..2 + octets]
                    .iter()
                    .fold(0, |acc, b| (acc << 8) | *b as usize);
                (len, 2 + octets)
            }
        };
        (der[0], &der[header..header + len], &der[header + len..])
    }

    /// The demo key as PKCS#1 (`BEGIN RSA PRIVATE KEY`): the RSAPrivateKey
    /// inside the PKCS#8 wrapper (version, algorithm, OCTET STRING).
    fn pkcs1_pem() -> String {
        let der = PrivatePkcs8KeyDer::from_pem_slice(key().as_bytes()).unwrap();
        let (_, info, _) = tlv(der.secret_pkcs8_der());
        let (_, _, rest) = tlv(info); // version
        let (_, _, rest) = tlv(rest); // algorithm
        let (tag, rsa_key, _) = tlv(rest);
        assert_eq!(tag, 0x04);
        let body = STANDARD.encode(rsa_key);
        let lines: Vec<&str> = body
            .as_bytes()
            .chunks(64)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect();
        format!(
            "-----BEGIN RSA PRIVATE KEY-----\n{}\n-----END RSA PRIVATE KEY-----\n",
            lines.join("\n")
        )
    }

    /// Checks the token's signature with ring and the key's public half.
    fn verify(signer: &AssertionKey, token: &str, alg: &'static dyn VerificationAlgorithm) {
        let (signed, signature) = token.rsplit_once('.').unwrap();
        let signature = URL_SAFE_NO_PAD.decode(signature).unwrap();
        UnparsedPublicKey::new(alg, signer.key.public().as_ref())
            .verify(signed.as_bytes(), &signature)
            .expect("the signature verifies with the public key");
    }

    #[test]
    fn claims_follow_auth0s_rules() {
        let signer =
            AssertionKey::from_pem(&key(), AssertionAlg::Rs256, Some("k1".into())).unwrap();
        let token = signer.sign("client-1", "https://tenant.auth0.com/");
        assert!(token.len() < 2048);
        let (header, claims, signature) = parts(&token);
        assert_eq!(header["alg"], "RS256");
        assert_eq!(header["typ"], "JWT");
        assert_eq!(header["kid"], "k1");
        assert_eq!(claims["iss"], "client-1");
        assert_eq!(claims["sub"], "client-1");
        assert_eq!(claims["aud"], "https://tenant.auth0.com/");
        let lifetime = claims["exp"].as_u64().unwrap() - claims["iat"].as_u64().unwrap();
        assert_eq!(lifetime, 60);
        assert!(claims["jti"].as_str().unwrap().len() <= 64);
        assert_eq!(signature.len(), 256);
        verify(&signer, &token, &RSA_PKCS1_2048_8192_SHA256);
    }

    #[test]
    fn every_algorithm_signs_verifiably_with_pkcs8_and_pkcs1_keys() {
        let algorithms: [(AssertionAlg, &'static dyn VerificationAlgorithm); 3] = [
            (AssertionAlg::Rs256, &RSA_PKCS1_2048_8192_SHA256),
            (AssertionAlg::Rs384, &RSA_PKCS1_2048_8192_SHA384),
            (AssertionAlg::Ps256, &RSA_PSS_2048_8192_SHA256),
        ];
        for pem in [key(), pkcs1_pem()] {
            for (alg, verification) in algorithms {
                let signer = AssertionKey::from_pem(&pem, alg, None).unwrap();
                let token = signer.sign("c", "https://t/");
                let (header, _, _) = parts(&token);
                assert_eq!(header["alg"], alg.name());
                assert!(header.get("kid").is_none());
                verify(&signer, &token, verification);
            }
        }
        // Both forms hold the same key.
        let from_pkcs8 = AssertionKey::from_pem(&key(), AssertionAlg::Rs256, None).unwrap();
        let from_pkcs1 = AssertionKey::from_pem(&pkcs1_pem(), AssertionAlg::Rs256, None).unwrap();
        assert_eq!(
            from_pkcs8.key.public().as_ref(),
            from_pkcs1.key.public().as_ref()
        );
    }

    #[test]
    fn a_signature_for_another_message_does_not_verify() {
        let signer = AssertionKey::from_pem(&key(), AssertionAlg::Rs256, None).unwrap();
        let a = signer.sign("c", "https://t/");
        let b = signer.sign("c", "https://t/");
        let forged = format!(
            "{}.{}",
            a.rsplit_once('.').unwrap().0,
            b.rsplit_once('.').unwrap().1
        );
        let (signed, signature) = forged.rsplit_once('.').unwrap();
        let signature = URL_SAFE_NO_PAD.decode(signature).unwrap();
        assert!(
            UnparsedPublicKey::new(&RSA_PKCS1_2048_8192_SHA256, signer.key.public().as_ref())
                .verify(signed.as_bytes(), &signature)
                .is_err()
        );
    }

    #[test]
    fn every_assertion_is_new() {
        let signer = AssertionKey::from_pem(&key(), AssertionAlg::Ps256, None).unwrap();
        let a = parts(&signer.sign("c", "https://t/")).1;
        let b = parts(&signer.sign("c", "https://t/")).1;
        assert_ne!(a["jti"], b["jti"]);
        assert_eq!(a["iss"], b["iss"]);
        assert_eq!(a["aud"], b["aud"]);
    }

    #[test]
    fn bad_keys_are_refused_without_quoting_them() {
        let err = AssertionKey::from_pem(
            "-----BEGIN PRIVATE KEY-----\nSECRETSTUFF\n-----END PRIVATE KEY-----",
            AssertionAlg::Rs256,
            None,
        )
        .unwrap_err();
        assert!(!err.contains("SECRETSTUFF"));
        assert!(err.contains("not an RSA private key"), "{err}");
        let err = AssertionKey::from_pem(
            "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY-----",
            AssertionAlg::Ps256,
            None,
        )
        .unwrap_err();
        assert!(err.contains("PS256 needs an RSA private key"), "{err}");
        assert!(AssertionKey::from_pem("", AssertionAlg::Rs256, None).is_err());
        let err = AssertionKey::from_pem(SMALL_KEY, AssertionAlg::Rs256, None).unwrap_err();
        assert!(err.contains("at least 2048 bits"), "{err}");
        let signer = AssertionKey::from_pem(&key(), AssertionAlg::Rs384, None).unwrap();
        assert!(!format!("{signer:?}").contains("MII"));
    }
}
