//! The shapes Auth0 answers with, parsed leniently: unknown fields are kept,
//! and documented variants (`oob_channel` or `oob_channels`) are all accepted.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::factor::Factor;
use crate::secret::Secret;

/// A successful `/oauth/token` answer. Serializes back under Auth0's own names.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TokenSet {
    pub access_token: Secret,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_token: Option<Secret>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<Secret>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_in: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// Only from the recovery-code grant: the user's new code; the old one is spent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recovery_code: Option<Secret>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// What `mfa_required` carries: the token that authorizes the MFA steps.
#[derive(Debug, Clone, Serialize)]
pub struct MfaRequired {
    pub mfa_token: Secret,
    /// Loosely typed on purpose: Auth0 documents more than one shape.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mfa_requirements: Option<Value>,
}

/// The first step's outcome: tokens straight away, or MFA to do.
#[derive(Debug, Clone)]
pub enum LoginOutcome {
    Tokens(TokenSet),
    MfaRequired(MfaRequired),
}

/// A `/mfa/challenge` answer.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Challenge {
    pub challenge_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oob_code: Option<Secret>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub binding_method: Option<String>,
    /// Allowed by the draft spec; Auth0 has not been seen to send them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_in: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<u64>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Challenge {
    pub fn is_otp(&self) -> bool {
        self.challenge_type == "otp"
    }
}

/// The challenge types `/mfa/challenge` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChallengeType {
    Otp,
    Oob,
}

impl ChallengeType {
    pub fn as_str(self) -> &'static str {
        match self {
            ChallengeType::Otp => "otp",
            ChallengeType::Oob => "oob",
        }
    }

    /// The `challenge_type` to ask for; the recovery code needs no challenge.
    pub fn for_factor(factor: Factor) -> Option<ChallengeType> {
        match factor {
            Factor::Otp => Some(ChallengeType::Otp),
            Factor::Push | Factor::Sms | Factor::Voice | Factor::Email => Some(ChallengeType::Oob),
            Factor::RecoveryCode => None,
        }
    }
}

/// One entry of `GET /mfa/authenticators`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Authenticator {
    pub id: String,
    pub authenticator_type: String,
    /// Unconfirmed enrollments are listed with `active: false`.
    #[serde(default = "active_by_default")]
    pub active: bool,
    /// Real answers say `oob_channel`; Auth0's reference schema `oob_channels`.
    #[serde(
        default,
        alias = "oob_channels",
        deserialize_with = "one_or_first",
        skip_serializing_if = "Option::is_none"
    )]
    pub oob_channel: Option<String>,
    /// A masked phone number or email, or a device name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Authenticator {
    /// What this authenticator is, from its id prefix (`push|dev_...`), else
    /// from its type and channel.
    pub fn factor(&self) -> Option<Factor> {
        let from_prefix = self
            .id
            .split_once('|')
            .and_then(|(prefix, _)| Factor::from_id_prefix(prefix));
        from_prefix.or(
            match (
                self.authenticator_type.as_str(),
                self.oob_channel.as_deref(),
            ) {
                ("otp", _) => Some(Factor::Otp),
                ("recovery-code", _) => Some(Factor::RecoveryCode),
                ("oob", Some("auth0")) => Some(Factor::Push),
                ("oob", Some("sms")) => Some(Factor::Sms),
                ("oob", Some("voice")) => Some(Factor::Voice),
                ("oob", Some("email")) => Some(Factor::Email),
                _ => None,
            },
        )
    }

    /// A line of the picker, of the "choose one" error and of doctor's list.
    pub fn describe(&self) -> String {
        let factor = self.factor().map(Factor::name).unwrap_or("unknown");
        let id = crate::sanitize::sanitize(&self.id);
        match &self.name {
            Some(name) => format!("{factor} {} ({id})", crate::sanitize::sanitize(name)),
            None => format!("{factor} ({id})"),
        }
    }
}

/// A `/mfa/associate` answer: what the new (still inactive) authenticator
/// needs to be confirmed, and the recovery codes of a first enrollment.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Association {
    pub authenticator_type: String,
    /// The base32 TOTP secret (otp).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret: Option<Secret>,
    /// `otpauth://` for an authenticator app, or the Guardian enrollment link (push).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub barcode_uri: Option<Secret>,
    #[serde(
        default,
        alias = "oob_channels",
        deserialize_with = "one_or_first",
        skip_serializing_if = "Option::is_none"
    )]
    pub oob_channel: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oob_code: Option<Secret>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub binding_method: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recovery_codes: Vec<Secret>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

fn active_by_default() -> bool {
    true
}

/// `"sms"` or `["sms"]`: both spellings of the channel are in use.
fn one_or_first<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    Ok(match Option::<Value>::deserialize(deserializer)? {
        Some(Value::String(s)) => Some(s),
        Some(Value::Array(items)) => items
            .into_iter()
            .find_map(|v| v.as_str().map(str::to_owned)),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn authenticator(id: &str, kind: &str, channel: Option<&str>) -> Authenticator {
        Authenticator {
            id: id.into(),
            authenticator_type: kind.into(),
            active: true,
            oob_channel: channel.map(str::to_owned),
            name: None,
            extra: Default::default(),
        }
    }

    #[test]
    fn factor_of_each_recorded_shape() {
        let list = [
            authenticator("totp|dev_a", "otp", None),
            authenticator("sms|dev_b", "oob", Some("sms")),
            authenticator("voice|dev_b", "oob", Some("voice")),
            authenticator("push|dev_c", "oob", Some("auth0")),
            authenticator("recovery-code|dev_d", "recovery-code", None),
        ];
        let factors: Vec<_> = list.iter().map(|a| a.factor().unwrap()).collect();
        assert_eq!(
            factors,
            [
                Factor::Otp,
                Factor::Sms,
                Factor::Voice,
                Factor::Push,
                Factor::RecoveryCode
            ]
        );
        let unprefixed = authenticator("dev_x", "oob", Some("email"));
        assert_eq!(unprefixed.factor(), Some(Factor::Email));
    }

    #[test]
    fn token_set_keeps_unknown_fields_and_round_trips() {
        let body = r#"{"access_token":"a.b.c","expires_in":86400,"scope":"openid profile",
            "token_type":"Bearer","recovery_code":"17EQHNZC2SZDYG7X4QXVX9SW","custom":1}"#;
        let tokens: TokenSet = serde_json::from_str(body).unwrap();
        assert_eq!(
            tokens.recovery_code.as_ref().unwrap().expose(),
            "17EQHNZC2SZDYG7X4QXVX9SW"
        );
        assert_eq!(tokens.extra["custom"], 1);
        let back = serde_json::to_value(&tokens).unwrap();
        assert_eq!(back["access_token"], "a.b.c");
        assert_eq!(back["custom"], 1);
        assert!(back.get("id_token").is_none());
    }

    #[test]
    fn authenticator_channel_in_either_spelling() {
        let a: Authenticator = serde_json::from_str(
            r#"{"id":"sms|dev_a","authenticator_type":"oob","active":false,"oob_channel":"sms","name":"XXXX1234"}"#,
        )
        .unwrap();
        assert_eq!(a.oob_channel.as_deref(), Some("sms"));
        assert!(!a.active);
        let b: Authenticator = serde_json::from_str(
            r#"{"id":"sms|dev_a","authenticator_type":"oob","oob_channels":["sms"]}"#,
        )
        .unwrap();
        assert_eq!(b.oob_channel.as_deref(), Some("sms"));
        assert!(b.active);
    }

    #[test]
    fn association_accepts_both_channel_spellings() {
        let a: Association = serde_json::from_str(
            r#"{"authenticator_type":"oob","binding_method":"prompt","recovery_codes":["ABC"],"oob_channel":"sms","oob_code":"Fe26.x"}"#,
        )
        .unwrap();
        assert_eq!(a.oob_channel.as_deref(), Some("sms"));
        assert_eq!(a.recovery_codes[0].expose(), "ABC");
        let b: Association = serde_json::from_str(
            r#"{"authenticator_type":"oob","oob_channels":["auth0"],"oob_code":"Fe26.y"}"#,
        )
        .unwrap();
        assert_eq!(b.oob_channel.as_deref(), Some("auth0"));
        assert!(b.recovery_codes.is_empty());
    }

    #[test]
    fn otp_challenge_has_no_oob_code() {
        let c: Challenge = serde_json::from_str(r#"{"challenge_type":"otp"}"#).unwrap();
        assert!(c.is_otp());
        assert!(c.oob_code.is_none());
    }
}
