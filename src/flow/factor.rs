//! Which authenticator to use when the user did not say: one obvious
//! choice, a picker on a terminal, or an error that lists the choices.

use crate::auth0::Authenticator;
use crate::factor::Factor;

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
            .filter(|a| a.factor() == Some(factor))
            .collect(),
        None => active.clone(),
    };
    match wanted {
        Some(_) if !fits.is_empty() => Pick::One(fits[0]),
        Some(_) => Pick::None(active.iter().map(|a| a.describe()).collect()),
        None => {
            let daily: Vec<&Authenticator> = fits
                .iter()
                .copied()
                .filter(|a| a.factor() != Some(Factor::RecoveryCode))
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
