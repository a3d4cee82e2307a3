//! private_key_jwt: a freshly signed client assertion for every request that
//! carries client credentials, as Auth0 documents it (iss = sub = client_id,
//! aud = `https://DOMAIN/`, unique jti, one minute of life, RS256/RS384/PS256).

use std::fmt;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use rsa::RsaPrivateKey;
use rsa::pkcs1::DecodeRsaPrivateKey;
use rsa::pkcs8::DecodePrivateKey;
use rsa::signature::{RandomizedSigner, SignatureEncoding, Signer};
use serde_json::json;
use sha2::{Sha256, Sha384};

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
}

/// A private key that signs assertions. Its `Debug` shows nothing of the key.
#[derive(Clone)]
pub struct AssertionKey {
    key: Arc<RsaPrivateKey>,
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
        let key = RsaPrivateKey::from_pkcs8_pem(pem)
            .or_else(|_| RsaPrivateKey::from_pkcs1_pem(pem))
            .map_err(|_| {
                if pem.contains("BEGIN EC PRIVATE KEY") || pem.contains("BEGIN OPENSSH") {
                    format!("{} needs an RSA private key; this is another kind of key", alg.name())
                } else {
                    "not an RSA private key in PEM form (BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY)".to_owned()
                }
            })?;
        use rsa::traits::PublicKeyParts;
        if key.size() < 256 {
            return Err(format!(
                "{} needs an RSA key of at least 2048 bits",
                alg.name()
            ));
        }
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
        let key = (*self.key).clone();
        let signature = match self.alg {
            AssertionAlg::Rs256 => rsa::pkcs1v15::SigningKey::<Sha256>::new(key)
                .sign(signing_input.as_bytes())
                .to_vec(),
            AssertionAlg::Rs384 => rsa::pkcs1v15::SigningKey::<Sha384>::new(key)
                .sign(signing_input.as_bytes())
                .to_vec(),
            AssertionAlg::Ps256 => rsa::pss::BlindedSigningKey::<Sha256>::new(key)
                .sign_with_rng(&mut rand::thread_rng(), signing_input.as_bytes())
                .to_vec(),
        };
        format!("{signing_input}.{}", URL_SAFE_NO_PAD.encode(signature))
    }
}

/// 128 random bits as a UUID-shaped string (Auth0 caps jti at 64 characters).
fn jti() -> String {
    let mut bytes = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut bytes);
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
    use rsa::pkcs1v15::{Signature, VerifyingKey};
    use rsa::signature::Verifier;

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

    #[test]
    fn claims_follow_auth0s_rules() {
        let signer =
            AssertionKey::from_pem(&key(), AssertionAlg::Rs256, Some("k1".into())).unwrap();
        let token = signer.sign("client-1", "https://tenant.auth0.com/");
        assert!(token.len() < 2048);
        let (header, claims, signature) = parts(&token);
        assert_eq!(header["alg"], "RS256");
        assert_eq!(header["kid"], "k1");
        assert_eq!(claims["iss"], "client-1");
        assert_eq!(claims["sub"], "client-1");
        assert_eq!(claims["aud"], "https://tenant.auth0.com/");
        let lifetime = claims["exp"].as_u64().unwrap() - claims["iat"].as_u64().unwrap();
        assert_eq!(lifetime, 60);
        assert!(claims["jti"].as_str().unwrap().len() <= 64);
        // The signature verifies with the public key.
        let private = RsaPrivateKey::from_pkcs8_pem(&key()).unwrap();
        let verifier = VerifyingKey::<Sha256>::new(private.to_public_key());
        let signed = token.rsplit_once('.').unwrap().0;
        verifier
            .verify(
                signed.as_bytes(),
                &Signature::try_from(signature.as_slice()).unwrap(),
            )
            .unwrap();
    }

    #[test]
    fn every_assertion_is_new() {
        let signer = AssertionKey::from_pem(&key(), AssertionAlg::Ps256, None).unwrap();
        let a = parts(&signer.sign("c", "https://t/")).1;
        let b = parts(&signer.sign("c", "https://t/")).1;
        assert_ne!(a["jti"], b["jti"]);
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
        let signer = AssertionKey::from_pem(&key(), AssertionAlg::Rs384, None).unwrap();
        assert!(!format!("{signer:?}").contains("MII"));
    }
}
