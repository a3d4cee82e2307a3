//! Client authentication: client_secret_post, HTTP Basic (token endpoint only),
//! private_key_jwt (`client_assertion`), or a public client's bare `client_id`.

use axum::http::StatusCode;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::Value;

use super::super::http::{ApiRequest, Reply};
use super::super::keys;
use super::super::state::{Origin, Shared};
use super::super::tenant::ClientConfig;
use super::missing;

pub const JWT_BEARER: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

fn failed(why: &str) -> Reply {
    let description = if why.is_empty() {
        "Client authentication failed.".to_string()
    } else {
        format!("Client authentication failed: {why}")
    };
    Reply::error(StatusCode::UNAUTHORIZED, "invalid_client", description)
}

/// Unknown clients and bad secrets get the same answer, as at Auth0; assertion problems
/// say what is wrong, since only the key holder can produce one.
pub fn authenticate_client<'a>(
    shared: &'a Shared,
    req: &ApiRequest,
    allow_basic: bool,
) -> Result<&'a ClientConfig, Reply> {
    if let Some(assertion) = req.param("client_assertion") {
        return assertion_client(shared, req, &assertion);
    }
    let basic = if allow_basic {
        req.basic_credentials()
    } else {
        None
    };
    let (client_id, secret) = match (req.param("client_id"), basic) {
        (_, Some((id, secret))) => (id, Some(secret)),
        (Some(id), None) => (id, req.param("client_secret")),
        (None, None) => return Err(missing("client_id")),
    };
    let client = shared.client(&client_id).ok_or_else(|| failed(""))?;
    match (&client.client_secret, secret) {
        (None, _) if client.public_key.is_none() => Ok(client),
        (Some(expected), Some(given)) if *expected == given => Ok(client),
        _ => Err(failed("")),
    }
}

/// private_key_jwt: the client is the assertion's `iss`, proven by its signature; then
/// the claims Auth0 checks, and single use.
fn assertion_client<'a>(
    shared: &'a Shared,
    req: &ApiRequest,
    assertion: &str,
) -> Result<&'a ClientConfig, Reply> {
    if req.param("client_assertion_type").as_deref() != Some(JWT_BEARER) {
        return Err(failed(&format!(
            "client_assertion_type must be {JWT_BEARER}."
        )));
    }
    let jwt = Assertion::parse(assertion)?;
    let iss = jwt.claim("iss");
    if req.param("client_id").is_some_and(|id| id != iss) {
        return Err(failed("client_id does not match the assertion's iss."));
    }
    let client = shared.client(iss).ok_or_else(|| failed(""))?;
    let key = client
        .public_key
        .as_deref()
        .and_then(|pem| keys::parse_public_key(pem).ok())
        .ok_or_else(|| failed("private_key_jwt is not configured for this client."))?;
    jwt.verify_signature(&key)?;
    jwt.check_claims(&shared.origin, &req.base_url, shared.now_secs())?;
    let fresh = shared
        .lock()
        .used_assertions
        .insert(format!("{iss}\u{0}{}", jwt.claim("jti")), ())
        .is_none();
    if !fresh {
        return Err(failed(
            "the client assertion was already used (jti replayed).",
        ));
    }
    Ok(client)
}

/// A client assertion taken apart: what was signed, the signature, header and claims.
struct Assertion<'a> {
    signed: &'a str,
    signature: Vec<u8>,
    header: Value,
    claims: Value,
}

/// Clock skew Auth0 tolerates on `exp`, `iat` and `nbf`.
const SKEW_SECONDS: u64 = 10;
/// The longest an assertion may live, from issue to `exp`.
const MAX_LIFETIME_SECONDS: u64 = 300;

impl<'a> Assertion<'a> {
    fn parse(assertion: &'a str) -> Result<Assertion<'a>, Reply> {
        if assertion.len() > 2048 {
            return Err(failed("the client assertion is longer than 2048 bytes."));
        }
        let not_a_jwt = || failed("the client assertion is not a JWT.");
        let mut parts = assertion.split('.');
        let (Some(h), Some(c), Some(s), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(not_a_jwt());
        };
        let decode = |p: &str| -> Option<Value> {
            serde_json::from_slice(&URL_SAFE_NO_PAD.decode(p).ok()?).ok()
        };
        let (Some(header), Some(claims), Ok(signature)) =
            (decode(h), decode(c), URL_SAFE_NO_PAD.decode(s))
        else {
            return Err(not_a_jwt());
        };
        Ok(Assertion {
            signed: &assertion[..h.len() + 1 + c.len()],
            signature,
            header,
            claims,
        })
    }

    /// A string claim, empty when absent or not a string.
    fn claim(&self, name: &str) -> &str {
        self.claims.get(name).and_then(Value::as_str).unwrap_or("")
    }

    fn number(&self, name: &str) -> Option<u64> {
        self.claims.get(name).and_then(Value::as_u64)
    }

    fn verify_signature(&self, key: &keys::PublicKey) -> Result<(), Reply> {
        let alg = self.header.get("alg").and_then(Value::as_str).unwrap_or("");
        if !["RS256", "RS384", "PS256"].contains(&alg) {
            return Err(failed(&format!(
                "alg {alg:?} is not one of RS256, RS384, PS256."
            )));
        }
        if !key.verifies(alg, self.signed.as_bytes(), &self.signature) {
            return Err(failed("the client assertion's signature does not verify."));
        }
        Ok(())
    }

    /// `sub`, `aud` (an issuer of the emulator's: the URL the request was sent to, or
    /// the public or bound one), `jti` and the lifetime, as Auth0 documents them.
    fn check_claims(&self, origin: &Origin, base: &str, now: u64) -> Result<(), Reply> {
        let iss = self.claim("iss");
        if self.claim("sub") != iss {
            return Err(failed(
                "the assertion's sub must equal its iss (the client_id).",
            ));
        }
        let aud_ok = match self.claims.get("aud") {
            Some(Value::String(a)) => origin.is_issuer(a, base),
            Some(Value::Array(a)) => a
                .iter()
                .filter_map(Value::as_str)
                .any(|a| origin.is_issuer(a, base)),
            _ => false,
        };
        if !aud_ok {
            return Err(failed(&format!("the assertion's aud must be {base}/.")));
        }
        let jti = self.claim("jti");
        if jti.is_empty() || jti.len() > 64 || iss.len() > 64 {
            return Err(failed(
                "jti is required; iss, sub and jti are at most 64 characters.",
            ));
        }
        let Some(exp) = self.number("exp") else {
            return Err(failed("exp is required."));
        };
        let iat = self.number("iat").unwrap_or(now);
        if exp.saturating_add(SKEW_SECONDS) <= now {
            return Err(failed("the client assertion has expired."));
        }
        let future = |t: u64| t > now.saturating_add(SKEW_SECONDS);
        if future(iat) || self.number("nbf").is_some_and(future) {
            return Err(failed(
                "the client assertion is not valid yet (iat/nbf in the future).",
            ));
        }
        // At most 5 minutes after issue, counted from `iat` when the client gives it.
        let longest = MAX_LIFETIME_SECONDS + SKEW_SECONDS;
        if exp > iat.max(now).saturating_add(longest) || exp.saturating_sub(iat) > longest {
            return Err(failed(
                "exp must be at most 5 minutes after the assertion is issued.",
            ));
        }
        Ok(())
    }
}
