//! Rate limits: the headroom the last answer's `X-RateLimit-*` headers leave,
//! before scripted logins start to be refused.

use crate::auth0::ResponseMeta;
use crate::check::Check;

/// Check 7, rate-limit headroom, from the last answer's headers.
pub fn check(meta: &ResponseMeta) -> Check {
    let Some(rate) = meta.rate_limit else {
        return Check::skip(
            "rate limit",
            "the server sent no usable X-RateLimit headers (absent, or not whole numbers)",
            None,
        );
    };
    if rate.remaining > rate.limit {
        return Check::warn(
            "rate limit",
            format!(
                "the X-RateLimit headers contradict each other: {} left of a limit of {}",
                rate.remaining, rate.limit
            ),
            "a proxy in front of the tenant may rewrite them: check --domain",
        );
    }
    let detail = format!(
        "{} of {} requests left in this window",
        rate.remaining, rate.limit
    );
    if rate.remaining.saturating_mul(5) < rate.limit || rate.remaining < 5 {
        let wait = rate.reset.saturating_sub(crate::totp::now_unix());
        Check::warn(
            "rate limit",
            format!("{detail}; the window resets in {wait} s"),
            "slow down scripted logins (each login is 3 to 4 requests), or wait for the reset",
        )
    } else {
        Check::pass("rate limit", detail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth0::RateLimit;
    use crate::check::Status;

    #[test]
    fn rate_limit_headers_that_contradict_each_other_are_a_warning() {
        let meta = |limit, remaining| ResponseMeta {
            rate_limit: Some(RateLimit {
                limit,
                remaining,
                reset: 0,
            }),
            ..Default::default()
        };
        let contradicted = check(&meta(10, 50));
        assert_eq!(contradicted.status, Status::Warn);
        assert!(
            contradicted.detail.contains("contradict"),
            "{}",
            contradicted.detail
        );
        assert_eq!(check(&meta(100, 90)).status, Status::Pass);
        let absent = check(&ResponseMeta::default());
        assert_eq!(absent.status, Status::Skip);
        assert!(
            absent.detail.contains("not whole numbers"),
            "{}",
            absent.detail
        );
    }
}
