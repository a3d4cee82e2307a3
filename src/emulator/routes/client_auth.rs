//! Client authentication: client_secret_post, HTTP Basic (token endpoint only),
//! private_key_jwt (`client_assertion`), or a public client's bare `client_id`.

use axum::http::StatusCode;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rsa::RsaPublicKey;
use rsa::pkcs1::DecodeRsaPublicKey;
use rsa::pkcs8::DecodePublicKey;
use rsa::signature::Verifier;
use serde_json::Value;
use sha2::{Sha256, Sha384};

use super::super::http::{ApiRequest, Reply};
use super::super::state::Shared;
use super::super::tenant::ClientConfig;
use super::missing;

pub const JWT_BEARER: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/// Parses a client's public key: SPKI (`BEGIN PUBLIC KEY`) or PKCS#1 (`BEGIN RSA PUBLIC KEY`).
pub fn parse_public_key(pem: &str) -> Option<RsaPublicKey> {
    RsaPublicKey::from_public_key_pem(pem.trim())
        .or_else(|_| RsaPublicKey::from_pkcs1_pem(pem.trim()))
        .ok()
}

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
    if assertion.len() > 2048 {
        return Err(failed("the client assertion is longer than 2048 bytes."));
    }
    let mut parts = assertion.split('.');
    let (Some(h), Some(c), Some(s), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(failed("the client assertion is not a JWT."));
    };
    let decode = |p: &str| -> Option<Value> {
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(p).ok()?).ok()
    };
    let (Some(header), Some(claims), Ok(signature)) =
        (decode(h), decode(c), URL_SAFE_NO_PAD.decode(s))
    else {
        return Err(failed("the client assertion is not a JWT."));
    };
    let text = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    let iss = text(&claims, "iss");
    if req.param("client_id").is_some_and(|id| id != iss) {
        return Err(failed("client_id does not match the assertion's iss."));
    }
    let client = shared.client(&iss).ok_or_else(|| failed(""))?;
    let key = client
        .public_key
        .as_deref()
        .and_then(parse_public_key)
        .ok_or_else(|| failed("private_key_jwt is not configured for this client."))?;
    let signed = &assertion[..h.len() + 1 + c.len()];
    let verified = match text(&header, "alg").as_str() {
        "RS256" => rsa::pkcs1v15::Signature::try_from(signature.as_slice()).is_ok_and(|sig| {
            rsa::pkcs1v15::VerifyingKey::<Sha256>::new(key.clone())
                .verify(signed.as_bytes(), &sig)
                .is_ok()
        }),
        "RS384" => rsa::pkcs1v15::Signature::try_from(signature.as_slice()).is_ok_and(|sig| {
            rsa::pkcs1v15::VerifyingKey::<Sha384>::new(key.clone())
                .verify(signed.as_bytes(), &sig)
                .is_ok()
        }),
        "PS256" => rsa::pss::Signature::try_from(signature.as_slice()).is_ok_and(|sig| {
            rsa::pss::VerifyingKey::<Sha256>::new(key.clone())
                .verify(signed.as_bytes(), &sig)
                .is_ok()
        }),
        alg => {
            return Err(failed(&format!(
                "alg {alg:?} is not one of RS256, RS384, PS256."
            )));
        }
    };
    if !verified {
        return Err(failed("the client assertion's signature does not verify."));
    }
    if text(&claims, "sub") != iss {
        return Err(failed(
            "the assertion's sub must equal its iss (the client_id).",
        ));
    }
    let aud_ok = match claims.get("aud") {
        Some(Value::String(a)) => *a == shared.issuer(),
        Some(Value::Array(a)) => a.iter().any(|a| a.as_str() == Some(&shared.issuer())),
        _ => false,
    };
    if !aud_ok {
        return Err(failed(&format!(
            "the assertion's aud must be {}.",
            shared.issuer()
        )));
    }
    let jti = text(&claims, "jti");
    if jti.is_empty() || jti.len() > 64 || iss.len() > 64 {
        return Err(failed(
            "jti is required; iss, sub and jti are at most 64 characters.",
        ));
    }
    let now = shared.now_secs();
    const SKEW: u64 = 10;
    let Some(exp) = claims.get("exp").and_then(Value::as_u64) else {
        return Err(failed("exp is required."));
    };
    let iat = claims.get("iat").and_then(Value::as_u64).unwrap_or(now);
    if exp.saturating_add(SKEW) <= now {
        return Err(failed("the client assertion has expired."));
    }
    if iat > now + SKEW
        || claims
            .get("nbf")
            .and_then(Value::as_u64)
            .is_some_and(|n| n > now + SKEW)
    {
        return Err(failed(
            "the client assertion is not valid yet (iat/nbf in the future).",
        ));
    }
    // At most 5 minutes after issue, counted from `iat` when the client gives it.
    if exp > iat.max(now).saturating_add(300 + SKEW) || exp.saturating_sub(iat) > 300 + SKEW {
        return Err(failed(
            "exp must be at most 5 minutes after the assertion is issued.",
        ));
    }
    let fresh = shared
        .lock()
        .used_assertions
        .insert(format!("{iss}\u{0}{jti}"));
    if !fresh {
        return Err(failed(
            "the client assertion was already used (jti replayed).",
        ));
    }
    Ok(client)
}
