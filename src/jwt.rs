//! Reading tokens without verifying them: a JWT's claims for display, and
//! telling an opaque `mfa_token` from a JWT access token.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Map, Value};

/// What kind of token a string looks like. Users mix them up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Auth0's sealed `Fe26.2*...` token from `mfa_required`.
    MfaToken,
    /// Three base64url parts: an access or ID token.
    Jwt,
    Unknown,
}

pub fn kind(token: &str) -> TokenKind {
    if token.starts_with("Fe26.") {
        TokenKind::MfaToken
    } else if claims(token).is_some() {
        TokenKind::Jwt
    } else {
        TokenKind::Unknown
    }
}

/// The payload of a JWT, or `None` when the string is not one.
pub fn claims(token: &str) -> Option<Map<String, Value>> {
    let mut parts = token.split('.');
    let (_header, payload, _signature) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let bytes = URL_SAFE_NO_PAD.decode(payload.trim_end_matches('=')).ok()?;
    match serde_json::from_slice(&bytes).ok()? {
        Value::Object(map) => Some(map),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_the_kinds_apart() {
        let payload = URL_SAFE_NO_PAD.encode(br#"{"sub":"auth0|1","exp":2000000000}"#);
        let jwt = format!("eyJhbGciOiJSUzI1NiJ9.{payload}.c2ln");
        assert_eq!(kind(&jwt), TokenKind::Jwt);
        assert_eq!(claims(&jwt).unwrap()["sub"], "auth0|1");
        assert_eq!(kind("Fe26.2*SERVER_1*abc*def"), TokenKind::MfaToken);
        assert_eq!(kind("opaque"), TokenKind::Unknown);
        assert_eq!(kind("a.b.c"), TokenKind::Unknown);
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// Claims encoded into a token are read back the same, and the
            /// token is a JWT.
            #[test]
            fn claims_read_back_as_they_were_written(
                claims_in in proptest::collection::btree_map("[a-z_]{1,8}", prop_oneof![
                    "\\PC{0,20}".prop_map(Value::from),
                    any::<i64>().prop_map(Value::from),
                    any::<bool>().prop_map(Value::from),
                ], 0..6),
                header in "[A-Za-z0-9_-]{0,20}",
                signature in "[A-Za-z0-9_-]{0,40}",
            ) {
                let map: Map<String, Value> = claims_in.into_iter().collect();
                let payload = URL_SAFE_NO_PAD.encode(Value::Object(map.clone()).to_string());
                let token = format!("{header}.{payload}.{signature}");
                prop_assert_eq!(claims(&token), Some(map));
                prop_assert_eq!(kind(&token), TokenKind::Jwt);
            }

            /// Whatever the string, claims are found only in a three-part
            /// token whose middle part is a JSON object, and only a string
            /// with claims is called a JWT.
            #[test]
            fn claims_come_only_from_a_jwt_shape(token in prop_oneof![
                "[A-Za-z0-9_=-]{0,30}\\.[A-Za-z0-9_=-]{0,60}\\.[A-Za-z0-9_=-]{0,30}",
                "Fe26\\.[ -~]{0,40}",
                "\\PC{0,60}",
            ]) {
                let found = claims(&token);
                if let Some(map) = &found {
                    let parts: Vec<&str> = token.split('.').collect();
                    prop_assert_eq!(parts.len(), 3);
                    let bytes = URL_SAFE_NO_PAD.decode(parts[1].trim_end_matches('=')).unwrap();
                    let decoded: Value = serde_json::from_slice(&bytes).unwrap();
                    prop_assert_eq!(&decoded, &Value::Object(map.clone()));
                }
                let expected = if token.starts_with("Fe26.") {
                    TokenKind::MfaToken
                } else if found.is_some() {
                    TokenKind::Jwt
                } else {
                    TokenKind::Unknown
                };
                prop_assert_eq!(kind(&token), expected);
            }
        }
    }
}
