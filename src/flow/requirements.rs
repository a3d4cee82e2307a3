//! What `mfa_required` says the user can do: `mfa_requirements`, in every
//! shape Auth0 has been seen to send (`{"challenge": [{"type": ...}]}`,
//! `{"enroll": [...]}`, `{"challenge_types": ["otp", "oob"]}`), or nothing.
//! It decides when a flow may skip the authenticator list and the challenge.

use serde_json::Value;

use crate::factor::Factor;

/// The factors a user can be challenged with, as far as Auth0 said.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Requirements {
    /// `None`: Auth0 said nothing (the flow then asks, or tries what it was told).
    challenge: Option<Vec<Offered>>,
    /// The user has no factor yet and may enroll these (`mfa_requirements.enroll`).
    pub enroll: Option<Vec<String>>,
}

/// One entry of `challenge`: a factor, or a family of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Offered {
    Factor(Factor),
    /// `phone`: SMS and its linked voice entry.
    Phone,
    /// `oob` of the `challenge_types` shape: any out-of-band factor.
    AnyOob,
}

impl Offered {
    fn covers(self, factor: Factor) -> bool {
        match self {
            Offered::Factor(f) => f == factor,
            Offered::Phone => matches!(factor, Factor::Sms | Factor::Voice),
            Offered::AnyOob => {
                crate::auth0::ChallengeType::for_factor(factor)
                    == Some(crate::auth0::ChallengeType::Oob)
            }
        }
    }

    fn is_oob(self) -> bool {
        !matches!(
            self,
            Offered::Factor(Factor::Otp) | Offered::Factor(Factor::RecoveryCode)
        )
    }
}

impl Requirements {
    /// Reads `mfa_requirements` leniently: unknown shapes and types count as
    /// "Auth0 said nothing", never as an error.
    pub fn read(value: Option<&Value>) -> Requirements {
        let Some(value) = value else {
            return Requirements::default();
        };
        let names = |list: &Value| -> Option<Vec<String>> {
            let items = list.as_array()?;
            Some(
                items
                    .iter()
                    .filter_map(|item| {
                        item.get("type")
                            .and_then(Value::as_str)
                            .or_else(|| item.as_str())
                            .map(str::to_owned)
                    })
                    .collect(),
            )
        };
        let listed = value
            .get("challenge")
            .and_then(names)
            .or_else(|| value.get("challenge_types").and_then(names));
        let challenge = listed.and_then(|types| {
            let offered: Option<Vec<Offered>> = types.iter().map(|t| offered(t)).collect();
            // A type this tool does not know: nothing can be concluded.
            offered.filter(|list| !list.is_empty())
        });
        Requirements {
            challenge,
            enroll: value.get("enroll").and_then(names),
        }
    }

    /// `Some(true)` when Auth0 says the user can answer with `factor`,
    /// `Some(false)` when it says they cannot, `None` when it did not say.
    pub fn allows(&self, factor: Factor) -> Option<bool> {
        self.challenge
            .as_ref()
            .map(|list| list.iter().any(|o| o.covers(factor)))
    }

    /// The factor to use when only one is possible (a recovery code is never
    /// the obvious choice, and an OTP beside a push is the Guardian app's own
    /// codes, a choice of its own).
    pub fn sole_factor(&self) -> Option<Factor> {
        let daily: Vec<&Offered> = self
            .challenge
            .as_ref()?
            .iter()
            .filter(|o| **o != Offered::Factor(Factor::RecoveryCode))
            .collect();
        match daily.as_slice() {
            [Offered::Factor(factor)] => Some(*factor),
            _ => None,
        }
    }

    /// Whether an out-of-band challenge without an authenticator id can only
    /// reach `factor`: it is the one out-of-band kind the user has, and not
    /// a phone (where Auth0 would pick between SMS and voice itself).
    pub fn oob_reaches_only(&self, factor: Factor) -> bool {
        let Some(list) = &self.challenge else {
            return false;
        };
        let oob: Vec<&Offered> = list.iter().filter(|o| o.is_oob()).collect();
        matches!(oob.as_slice(), [Offered::Factor(f)] if *f == factor)
    }
}

fn offered(name: &str) -> Option<Offered> {
    Some(match name {
        "otp" => Offered::Factor(Factor::Otp),
        "push-notification" | "push" => Offered::Factor(Factor::Push),
        "phone" | "sms" => Offered::Phone,
        "voice" => Offered::Factor(Factor::Voice),
        "email" => Offered::Factor(Factor::Email),
        "recovery-code" => Offered::Factor(Factor::RecoveryCode),
        "oob" => Offered::AnyOob,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn each_documented_shape_is_read() {
        let challenge = Requirements::read(Some(
            &json!({"challenge": [{"type": "otp"}, {"type": "recovery-code"}]}),
        ));
        assert_eq!(challenge.allows(Factor::Otp), Some(true));
        assert_eq!(challenge.allows(Factor::Push), Some(false));
        assert_eq!(challenge.sole_factor(), Some(Factor::Otp));

        let types = Requirements::read(Some(&json!({"challenge_types": ["otp", "oob"]})));
        assert_eq!(types.allows(Factor::Sms), Some(true));
        assert_eq!(types.sole_factor(), None);
        assert!(!types.oob_reaches_only(Factor::Push));

        let enroll = Requirements::read(Some(
            &json!({"enroll": [{"type": "otp"}, {"type": "phone"}]}),
        ));
        assert_eq!(enroll.allows(Factor::Otp), None);
        assert_eq!(
            enroll.enroll.as_deref(),
            Some(&["otp".to_owned(), "phone".to_owned()][..])
        );

        assert_eq!(Requirements::read(None).allows(Factor::Otp), None);
        let odd = Requirements::read(Some(&json!({"challenge": [{"type": "webauthn-roaming"}]})));
        assert_eq!(
            odd.allows(Factor::Otp),
            None,
            "an unknown type concludes nothing"
        );
    }

    #[test]
    fn a_lone_push_is_reached_without_an_id_but_a_phone_is_not() {
        let push = Requirements::read(Some(
            &json!({"challenge": [{"type": "otp"}, {"type": "push-notification"}]}),
        ));
        assert!(push.oob_reaches_only(Factor::Push));
        assert_eq!(
            push.sole_factor(),
            None,
            "push or its OTP codes is a choice"
        );
        let phone = Requirements::read(Some(&json!({"challenge": [{"type": "phone"}]})));
        assert!(!phone.oob_reaches_only(Factor::Sms));
        assert_eq!(phone.allows(Factor::Voice), Some(true));
    }
}
