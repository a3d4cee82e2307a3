//! Factors: what each authenticator is, and which one to use when the user
//! did not say (one obvious choice, a picker on a terminal, or an error that
//! lists the choices).

use std::fmt;

use crate::auth0::{Authenticator, ChallengeType};

/// The ways to answer Auth0's MFA, as users name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Factor {
    Otp,
    Push,
    Sms,
    Voice,
    Email,
    RecoveryCode,
}

impl Factor {
    pub const ALL: [Factor; 6] = [
        Factor::Otp,
        Factor::Push,
        Factor::Sms,
        Factor::Voice,
        Factor::Email,
        Factor::RecoveryCode,
    ];

    pub fn parse(name: &str) -> Option<Factor> {
        Factor::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name))
    }

    /// What an authenticator is, from its id prefix (`push|dev_...`), else
    /// from its type and channel.
    pub fn of(authenticator: &Authenticator) -> Option<Factor> {
        let from_prefix = authenticator
            .id
            .split_once('|')
            .and_then(|(prefix, _)| Factor::from_id_prefix(prefix));
        from_prefix.or(
            match (
                authenticator.authenticator_type.as_str(),
                authenticator.oob_channel.as_deref(),
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

    pub fn from_id_prefix(prefix: &str) -> Option<Factor> {
        match prefix {
            "totp" | "otp" => Some(Factor::Otp),
            "push" => Some(Factor::Push),
            "sms" => Some(Factor::Sms),
            "voice" => Some(Factor::Voice),
            "email" => Some(Factor::Email),
            "recovery-code" => Some(Factor::RecoveryCode),
            _ => None,
        }
    }

    /// The `challenge_type` to ask for; the recovery code needs no challenge.
    pub fn challenge_type(self) -> Option<ChallengeType> {
        match self {
            Factor::Otp => Some(ChallengeType::Otp),
            Factor::Push | Factor::Sms | Factor::Voice | Factor::Email => Some(ChallengeType::Oob),
            Factor::RecoveryCode => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Factor::Otp => "otp",
            Factor::Push => "push",
            Factor::Sms => "sms",
            Factor::Voice => "voice",
            Factor::Email => "email",
            Factor::RecoveryCode => "recovery-code",
        }
    }

    /// Codes that arrive by message: the challenge says `binding_method: prompt`.
    pub fn sends_a_code(self) -> bool {
        matches!(self, Factor::Sms | Factor::Voice | Factor::Email)
    }
}

impl fmt::Display for Factor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A line of the picker and of the "choose one" error.
pub fn describe(authenticator: &Authenticator) -> String {
    let factor = Factor::of(authenticator)
        .map(Factor::name)
        .unwrap_or("unknown");
    match &authenticator.name {
        Some(name) => format!(
            "{factor} {} ({})",
            crate::sanitize::sanitize(name),
            crate::sanitize::sanitize(&authenticator.id)
        ),
        None => format!(
            "{factor} ({})",
            crate::sanitize::sanitize(&authenticator.id)
        ),
    }
}

/// What picking among the user's authenticators came to.
#[derive(Debug)]
pub enum Pick<'a> {
    One(&'a Authenticator),
    /// Several fit and the user must choose.
    Several(Vec<&'a Authenticator>),
    /// None fits; the strings describe what the user does have.
    None(Vec<String>),
}

/// Active authenticators that fit `wanted`. Without a wanted factor a recovery
/// code is never the obvious choice: it is the way back in, not a daily factor.
pub fn pick(authenticators: &[Authenticator], wanted: Option<Factor>) -> Pick<'_> {
    let active: Vec<&Authenticator> = authenticators.iter().filter(|a| a.active).collect();
    let fits: Vec<&Authenticator> = match wanted {
        Some(factor) => active
            .iter()
            .copied()
            .filter(|a| Factor::of(a) == Some(factor))
            .collect(),
        None => active.clone(),
    };
    match wanted {
        Some(_) if !fits.is_empty() => Pick::One(fits[0]),
        Some(_) => Pick::None(active.iter().map(|a| describe(a)).collect()),
        None => {
            let daily: Vec<&Authenticator> = fits
                .iter()
                .copied()
                .filter(|a| Factor::of(a) != Some(Factor::RecoveryCode))
                .collect();
            match (daily.len(), fits.len()) {
                (_, 0) => Pick::None(Vec::new()),
                (1, _) => Pick::One(daily[0]),
                (0, _) => Pick::One(fits[0]),
                _ => Pick::Several(fits),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn authenticator(id: &str, kind: &str, channel: Option<&str>, active: bool) -> Authenticator {
        Authenticator {
            id: id.into(),
            authenticator_type: kind.into(),
            active,
            oob_channel: channel.map(str::to_owned),
            name: None,
            extra: Default::default(),
        }
    }

    fn sample() -> Vec<Authenticator> {
        vec![
            authenticator("totp|dev_a", "otp", None, true),
            authenticator("sms|dev_b", "oob", Some("sms"), true),
            authenticator("voice|dev_b", "oob", Some("voice"), true),
            authenticator("push|dev_c", "oob", Some("auth0"), false),
            authenticator("recovery-code|dev_d", "recovery-code", None, true),
        ]
    }

    #[test]
    fn factor_of_each_recorded_shape() {
        let list = sample();
        let factors: Vec<_> = list.iter().map(|a| Factor::of(a).unwrap()).collect();
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
        let unprefixed = authenticator("dev_x", "oob", Some("email"), true);
        assert_eq!(Factor::of(&unprefixed), Some(Factor::Email));
    }

    #[test]
    fn wanted_factor_picks_an_active_match() {
        let list = sample();
        assert!(matches!(pick(&list, Some(Factor::Sms)), Pick::One(a) if a.id == "sms|dev_b"));
        // push is enrolled but not confirmed: inactive entries never count.
        let Pick::None(have) = pick(&list, Some(Factor::Push)) else {
            panic!()
        };
        assert_eq!(have.len(), 4);
    }

    #[test]
    fn several_daily_factors_need_a_choice_but_recovery_codes_are_never_the_default() {
        let list = sample();
        assert!(matches!(pick(&list, None), Pick::Several(v) if v.len() == 4));
        let otp_and_recovery = vec![
            authenticator("totp|dev_a", "otp", None, true),
            authenticator("recovery-code|dev_d", "recovery-code", None, true),
        ];
        assert!(matches!(pick(&otp_and_recovery, None), Pick::One(a) if a.id == "totp|dev_a"));
        assert!(matches!(pick(&[], None), Pick::None(v) if v.is_empty()));
    }
}
