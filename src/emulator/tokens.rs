//! Token material: the signing key and JWKS, RS256 JWT signing and checking, and the
//! opaque `Fe26.2*` sealed strings Auth0 uses for `mfa_token` and `oob_code`.

use std::sync::OnceLock;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::Rng;
use rand::distributions::Alphanumeric;
use ring::rand::SystemRandom;
use ring::signature::{RSA_PKCS1_SHA256, RsaKeyPair};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::keys::{self, PublicKey};

/// A TEST KEY, public in this repository: it signs the emulator's tokens and nothing else.
/// Generated once with `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048`.
const TEST_SIGNING_KEY_PEM: &str = "\
-----BEGIN PRIVATE KEY-----\n\
MIIEugIBADANBgkqhkiG9w0BAQEFAASCBKQwggSgAgEAAoIBAQCc94sGgw7spgQ0\n\
xTthmkmSzpOBG0slL7qQ/r4eI3bW0iU2mB1Oj/yu+G8NTSsIpsf/3hVuVNEhjKvC\n\
FoKGASI4Uz+ZQcDCeGxTuhZjYg3Lx7/2kcEEMd+9yG1601ByVNn/sTwL0R0d3aqC\n\
YHJVDBOF+MrKxpWa/htn9ecL5sYrAGys5XCniaY6InR8D8pC0XrEmEpyMzkt5s6F\n\
hWAQc24tTJD9xaqMV9H30SyP0wLkDqrFRKT695NSVUgI+OptWCv9NZ/VCOtY0yHQ\n\
l2xSTqfGbKE7zp1zOh0+EGJ189/Zxq/Fmc5ioPdNOVfe6O8/yf4/m8AUj5egs/AA\n\
YV4DjjE9AgMBAAECggEAM97VsWQz1V4TO8EFm35Z28qqEdsMHRDFrU6RUvJTPjAZ\n\
ng3seV65mLR+Nj4O/3/lzZb9LAWZSmXrCGtZ3KCZR1WzSZjh8yHKYmy3I0Zu2q16\n\
sSd/SjyU/Gk0TIdyKSYDGCzgc+M5pPnwc78daR9hgD8z/IhdPefE9LjdDiDH0cOA\n\
ewW9XZwIDp39/IYHhqAGB79u8Ogz9CJJ4yMLn96ZlBthOVwTpK5CcSnNsVTwS0HV\n\
Jf3DvpIrz8Dcc6IFKMOoKeCht8N9A1aA5SGXAssB2Wahg63D91FvZefLwTo7RjPr\n\
N+m9p0A+56WrFmoeG8ehxC0sVnEmS4nN0AkblPSlXQKBgQDTPUE0CcmWRzgD+jqi\n\
sM7JYpdi9EsZDV6NUMtS0rAHTmmfxg0e0bSAkvBVrJb/g6VyF5X3rUHUYq6CIi/H\n\
j1VUoQe9JjM5dlg9iMMHN3+Y1x8ZkRiexJ/tecV44783lhC/LyMGsfl6yOmHEwc3\n\
eYc7X717/JW4rbl48DJSFaFsEwKBgQC+OkTHxtWLXFf5cYIUEgKLFiskpdvefqtK\n\
d+R9nwtuf5nEuk/crgbGiCLrKJEjX3Cy9xn56MY7LBIaKkasjosBF65SXB+Hgnp2\n\
ovAEpMR7qw53vaHqbqjcAGX8V5BF9XGfjBwMvxalYdL7E/MossuUMmymzPrj/Qld\n\
5iB25M73bwKBgBNKd8bp0egQbvQmCO7MmMXZZBvcVXNfPjBHnZndtcelCI5XxuD2\n\
o7ZONPaOAWgqPJSzxLVOtEFSFb+6oYRm+ZL19b/3Whw4S4yrDax+DAAIPUXXc1kk\n\
ebp1MWx91/uaj8L16gv1euQUrwbv3OvbBFeOwb4t7fpkmxiJTv8iDJDTAoGAZbrz\n\
nYMQIH857QRu9BzNj2RDnk20z8AeCq0jXKr5ihZjPXoFy5aluPaE9g2z0J7xvkO3\n\
eJarrGldJPEG6rEwVV08tH7fvbBhnaB1i4YyLZDFI/Qd6ylS1JTB9bk+RquEIDbl\n\
qUtn6PnvwqZgm5tCk/aDdJCae+KOZ9Dx+6NRq7ECfwoUNneB5pWwVkjTz/3cwV9z\n\
DvNnx0DwJGWAewFX2XZKNNgnigIxMmAZcPaTLE7+HXcWJELfOsk0KEAHEmo4XJYv\n\
LTrYmwo80K1fEcR09NiB21atdl0ULjw+VPfGlP8Ubz6KRel/xCFVyhxhL/Y7YX45\n\
FeNUhswVcOlcy6MqoIs=\n\
-----END PRIVATE KEY-----\n\
";

pub struct Keys {
    pub(super) pair: RsaKeyPair,
    public: PublicKey,
    rng: SystemRandom,
    pub kid: String,
}

/// The parsed key; parsed once per process, since every emulator uses the same test key.
pub fn keys() -> &'static Keys {
    static KEYS: OnceLock<Keys> = OnceLock::new();
    KEYS.get_or_init(|| {
        let pair = keys::parse_private_key(TEST_SIGNING_KEY_PEM)
            .expect("the embedded test key is a valid PKCS#8 PEM");
        let public = keys::public_key_of(&pair);
        let kid = URL_SAFE_NO_PAD.encode(&Sha256::digest(&public.n)[..16]);
        Keys {
            pair,
            public,
            rng: SystemRandom::new(),
            kid,
        }
    })
}

impl Keys {
    /// The JWKS document served at `/.well-known/jwks.json`.
    pub fn jwks(&self) -> Value {
        json!({"keys": [{
            "kty": "RSA",
            "use": "sig",
            "alg": "RS256",
            "kid": self.kid,
            "n": URL_SAFE_NO_PAD.encode(&self.public.n),
            "e": URL_SAFE_NO_PAD.encode(&self.public.e),
        }]})
    }

    pub fn sign_jwt(&self, claims: &Value) -> String {
        let header = json!({"alg": "RS256", "typ": "JWT", "kid": self.kid});
        let signing_input = format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(header.to_string()),
            URL_SAFE_NO_PAD.encode(claims.to_string())
        );
        let mut signature = vec![0; self.pair.public().modulus_len()];
        // Fails only when the system has no randomness for blinding; an unsigned token
        // is then what the client sees, and refuses.
        let signed = self.pair.sign(
            &RSA_PKCS1_SHA256,
            &self.rng,
            signing_input.as_bytes(),
            &mut signature,
        );
        if signed.is_err() {
            signature.clear();
        }
        format!("{signing_input}.{}", URL_SAFE_NO_PAD.encode(signature))
    }

    /// The claims of a JWT this emulator signed; None for anything else. Expiry, audience
    /// and scope are the caller's business.
    pub fn verify_jwt(&self, token: &str) -> Option<Value> {
        let mut parts = token.split('.');
        let (header, claims, signature) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        let header: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(header).ok()?).ok()?;
        if header.get("alg")?.as_str()? != "RS256" {
            return None;
        }
        let signature = URL_SAFE_NO_PAD.decode(signature).ok()?;
        let signed = &token[..header_and_claims_len(token)?];
        if !self.public.verifies("RS256", signed.as_bytes(), &signature) {
            return None;
        }
        let claims: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(claims).ok()?).ok()?;
        claims.is_object().then_some(claims)
    }
}

fn header_and_claims_len(token: &str) -> Option<usize> {
    token.rfind('.')
}

/// Three dot-separated base64url parts: what users paste instead of an mfa_token.
pub fn looks_like_jwt(token: &str) -> bool {
    let parts: Vec<&str> = token.split('.').collect();
    parts.len() == 3
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

fn random_b64(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    rand::thread_rng().fill(buf.as_mut_slice());
    URL_SAFE_NO_PAD.encode(buf)
}

pub fn random_hex(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    rand::thread_rng().fill(buf.as_mut_slice());
    buf.iter().map(|b| format!("{b:02x}")).collect()
}

/// An opaque string shaped like Auth0's iron-sealed tokens:
/// `Fe26.2*SERVER_<s>*<hex>*<salt>*<sealed>*<expiry ms>*<hex>*<mac>`. The content is
/// random: the emulator keeps the meaning server side, as Auth0 does.
pub fn sealed_token(now_ms: u64, expires_ms: u64, sealed_bytes: usize) -> String {
    format!(
        "Fe26.2*SERVER_{}*{}*{}*{}*{}*{}*{}",
        now_ms / 1000,
        random_hex(32),
        random_b64(16),
        random_b64(sealed_bytes),
        expires_ms,
        random_hex(32),
        random_b64(32)
    )
}

/// An mfa_token: about 2 KB, like Auth0's.
pub fn mfa_token(now_ms: u64, expires_ms: u64) -> String {
    sealed_token(now_ms, expires_ms, 1350)
}

/// An oob_code: about 700 characters, like the recorded ones.
pub fn oob_code(now_ms: u64, expires_ms: u64) -> String {
    sealed_token(now_ms, expires_ms, 330)
}

pub fn random_alphanumeric(len: usize) -> String {
    rand::thread_rng()
        .sample_iter(&Alphanumeric)
        .take(len)
        .map(char::from)
        .collect()
}

/// A recovery code as Auth0 prints them: 24 upper-case letters and digits.
pub fn recovery_code() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::thread_rng();
    (0..24)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
        .collect()
}

/// A 6-digit SMS/voice/email code.
pub fn six_digits() -> String {
    format!("{:06}", rand::thread_rng().gen_range(0..1_000_000))
}

/// An opaque refresh token (Auth0's are ~ 50 url-safe characters).
pub fn refresh_token() -> String {
    random_b64(36)
}

/// A random base32 TOTP secret of 20 bytes (32 characters), as Auth0 hands out.
pub fn totp_secret() -> String {
    const B32: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut rng = rand::thread_rng();
    (0..32).map(|_| B32[rng.gen_range(0..32)] as char).collect()
}

/// A stable `dev_` suffix from a seed, so a tenant's ids survive restarts.
pub fn stable_dev_suffix(seed: &str) -> String {
    const ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let digest = Sha256::digest(seed.as_bytes());
    let chars: String = digest[..16]
        .iter()
        .map(|b| ALNUM[*b as usize % ALNUM.len()] as char)
        .collect();
    format!("dev_{chars}")
}

/// A stable 24-hex-digit user id, as in `auth0|5f7c8ec7c33c6c004bbafe82`.
pub fn stable_user_id(username: &str) -> String {
    Sha256::digest(format!("user:{}", username.to_lowercase()).as_bytes())[..12]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jwt_round_trip_and_tamper() {
        let k = keys();
        let jwt = k.sign_jwt(&json!({"sub": "auth0|1", "scope": "openid"}));
        assert!(looks_like_jwt(&jwt));
        assert_eq!(k.verify_jwt(&jwt).unwrap()["sub"], "auth0|1");
        let mut parts: Vec<String> = jwt.split('.').map(String::from).collect();
        parts[1] = URL_SAFE_NO_PAD.encode(json!({"sub": "auth0|2", "scope": "openid"}).to_string());
        assert!(k.verify_jwt(&parts.join(".")).is_none());
        assert!(k.verify_jwt("a.b").is_none());
        assert!(k.verify_jwt("not a token").is_none());
    }

    #[test]
    fn sealed_tokens_look_like_auth0s() {
        let t = mfa_token(1_700_000_000_000, 1_700_000_600_000);
        assert!(t.starts_with("Fe26.2*SERVER_1700000000*"));
        assert!((1900..2200).contains(&t.len()), "{}", t.len());
        assert_eq!(t.split('*').count(), 8);
        assert!(!looks_like_jwt(&t));
        assert_ne!(t, mfa_token(1_700_000_000_000, 1_700_000_600_000));
        let o = oob_code(0, 0);
        assert!((600..800).contains(&o.len()), "{}", o.len());
    }

    #[test]
    fn generated_values_have_auth0_shapes() {
        let rc = recovery_code();
        assert_eq!(rc.len(), 24);
        assert!(
            rc.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        );
        assert_eq!(six_digits().len(), 6);
        assert!(
            crate::emulator::otp::decode_secret(&totp_secret())
                .unwrap()
                .len()
                == 20
        );
        let s = stable_dev_suffix("x");
        assert_eq!(s, stable_dev_suffix("x"));
        assert_eq!(s.len(), 20);
        assert_eq!(stable_user_id("A@b").len(), 24);
    }
}
