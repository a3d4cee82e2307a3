//! Waiting for a push approval: when to poll again, when to stop. The rules
//! are a pure state machine so they are tested without sleeping.

use std::time::Duration;

use crate::auth0::{Error, TokenSet};
use crate::error::Failure;

/// Auth0 allows 12 polls a minute per transaction.
pub const DEFAULT_INTERVAL: Duration = Duration::from_secs(5);
/// Auth0's push transactions live 5 minutes.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(300);
/// What `slow_down` adds, as in the device flow (RFC 8628).
const SLOW_DOWN_STEP: Duration = Duration::from_secs(5);

#[derive(Debug)]
pub enum Next {
    /// Sleep this long, then poll again.
    Wait(Duration),
    Done(TokenSet),
    Stop(Failure),
}

#[derive(Debug, Clone)]
pub struct PushPoll {
    interval: Duration,
    timeout: Duration,
    polls: u32,
}

impl PushPoll {
    /// `interval` is the user's choice (or the default), raised to what the
    /// challenge asked for: never poll faster than the server said.
    pub fn new(
        interval: Option<Duration>,
        server_interval: Option<Duration>,
        timeout: Duration,
    ) -> Self {
        let chosen = interval.unwrap_or(DEFAULT_INTERVAL);
        PushPoll {
            interval: server_interval.map_or(chosen, |server| chosen.max(server)),
            timeout,
            polls: 0,
        }
    }

    pub fn interval(&self) -> Duration {
        self.interval
    }

    pub fn polls(&self) -> u32 {
        self.polls
    }

    /// `--no-wait`: what follows the one poll asked for. Auth0's pending answer
    /// ends it (exit 10), but `slow_down` says nothing of the push: the poll
    /// came too soon after another (`verify --no-wait` twice, or right after
    /// `challenge`), was not counted, and restarted the interval. So it waits
    /// once, as long as the server's Retry-After says (else the interval
    /// lengthened as `slow_down` asks, never less than the interval), and
    /// polls again.
    pub fn after_once(&mut self, answer: Result<TokenSet, Error>) -> Next {
        self.polls += 1;
        match answer {
            Ok(tokens) => Next::Done(tokens),
            Err(Error::Api(api)) if api.error == "slow_down" && self.polls == 1 => {
                let lengthened = self.interval.saturating_add(SLOW_DOWN_STEP);
                Next::Wait(api.retry_after.unwrap_or(lengthened).max(self.interval))
            }
            Err(error) => Next::Stop(error.into()),
        }
    }

    /// Decides what follows one poll's answer, `elapsed` after the first poll.
    pub fn after(&mut self, answer: Result<TokenSet, Error>, elapsed: Duration) -> Next {
        self.polls += 1;
        let api = match answer {
            Ok(tokens) => return Next::Done(tokens),
            Err(Error::Api(api)) => api,
            Err(other) => return Next::Stop(other.into()),
        };
        match api.error.as_str() {
            "authorization_pending" => {}
            "slow_down" => self.interval = self.interval.saturating_add(SLOW_DOWN_STEP),
            // The refused poll consumed nothing: wait as long as Auth0 asks,
            // unless that is past the timeout: then it is the rate limit that
            // ended the wait (exit 7), not the user's patience.
            "too_many_requests" | "too_many_attempts" => {
                // At least a second, whatever the server says (or leaves out):
                // a 429 answered at once is a storm.
                let wait = api
                    .retry_after
                    .unwrap_or(self.interval)
                    .max(crate::auth0::MIN_RATE_LIMIT_WAIT);
                if api.error == "too_many_attempts" || elapsed.saturating_add(wait) > self.timeout {
                    return Next::Stop(Error::Api(api).into());
                }
                self.interval = self.interval.max(wait);
            }
            // access_denied, invalid_grant (rejected), expired_token, ...: final.
            _ => return Next::Stop(Error::Api(api).into()),
        }
        if elapsed.saturating_add(self.interval) > self.timeout {
            Next::Stop(Failure::PushTimeout {
                waited: elapsed,
                limit: self.timeout,
            })
        } else {
            Next::Wait(self.interval)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth0::ApiError;
    use crate::exit_code::ExitCode;

    fn api(error: &str, description: &str) -> Result<TokenSet, Error> {
        Err(Error::Api(ApiError {
            status: 400,
            error: error.into(),
            description: Some(description.into()),
            extra: Default::default(),
            retry_after: None,
            ..Default::default()
        }))
    }

    fn api_error(error: &str) -> ApiError {
        let Err(Error::Api(api)) = api(error, "") else {
            unreachable!()
        };
        api
    }

    fn tokens() -> Result<TokenSet, Error> {
        Ok(serde_json::from_str(r#"{"access_token":"a","token_type":"Bearer"}"#).unwrap())
    }

    const SECOND: Duration = Duration::from_secs(1);

    #[test]
    fn pending_waits_the_interval_then_approval_finishes() {
        let mut poll = PushPoll::new(None, None, DEFAULT_TIMEOUT);
        assert!(
            matches!(poll.after(api("authorization_pending", ""), Duration::ZERO), Next::Wait(d) if d == DEFAULT_INTERVAL)
        );
        assert!(matches!(poll.after(tokens(), 5 * SECOND), Next::Done(_)));
        assert_eq!(poll.polls(), 2);
    }

    #[test]
    fn a_429_without_a_wait_still_waits_a_second_however_short_the_interval() {
        let mut poll = PushPoll::new(Some(Duration::from_millis(10)), None, DEFAULT_TIMEOUT);
        assert!(
            matches!(poll.after(api("too_many_requests", ""), Duration::ZERO), Next::Wait(d) if d >= SECOND),
            "a poll storm"
        );
    }

    #[test]
    fn the_server_interval_is_a_floor() {
        let poll = PushPoll::new(Some(SECOND), Some(7 * SECOND), DEFAULT_TIMEOUT);
        assert_eq!(poll.interval(), 7 * SECOND);
        let poll = PushPoll::new(Some(10 * SECOND), Some(7 * SECOND), DEFAULT_TIMEOUT);
        assert_eq!(poll.interval(), 10 * SECOND);
    }

    #[test]
    fn one_poll_waits_out_a_slow_down_once_and_reports_pending() {
        let mut poll = PushPoll::new(Some(SECOND), None, DEFAULT_TIMEOUT);
        let mut slow_down = ApiError {
            retry_after: Some(2 * SECOND),
            ..api_error("slow_down")
        };
        assert!(
            matches!(poll.after_once(Err(Error::Api(slow_down.clone()))), Next::Wait(d) if d == 2 * SECOND)
        );
        let Next::Stop(f) = poll.after_once(api("authorization_pending", "")) else {
            panic!("pending after the wait is the answer")
        };
        assert_eq!(f.exit_code(), ExitCode::Pending.code());
        // Without Retry-After, the interval lengthened; a second slow_down is reported.
        let mut poll = PushPoll::new(None, None, DEFAULT_TIMEOUT);
        slow_down.retry_after = None;
        assert!(
            matches!(poll.after_once(Err(Error::Api(slow_down.clone()))), Next::Wait(d) if d == DEFAULT_INTERVAL + SLOW_DOWN_STEP)
        );
        assert!(matches!(
            poll.after_once(Err(Error::Api(slow_down))),
            Next::Stop(_)
        ));
    }

    #[test]
    fn slow_down_lengthens_the_interval_for_good() {
        let mut poll = PushPoll::new(Some(SECOND), None, DEFAULT_TIMEOUT);
        assert!(
            matches!(poll.after(api("slow_down", ""), Duration::ZERO), Next::Wait(d) if d == 6 * SECOND)
        );
        assert!(
            matches!(poll.after(api("authorization_pending", ""), 6 * SECOND), Next::Wait(d) if d == 6 * SECOND)
        );
    }

    #[test]
    fn rejection_and_expiry_are_final_with_their_exit_codes() {
        let mut poll = PushPoll::new(None, None, DEFAULT_TIMEOUT);
        let Next::Stop(f) = poll.after(
            api("access_denied", "MFA Authorization rejected."),
            Duration::ZERO,
        ) else {
            panic!()
        };
        assert_eq!(f.exit(), ExitCode::Rejected);
        let Next::Stop(f) = poll.after(
            api("invalid_grant", "MFA Authorization rejected."),
            Duration::ZERO,
        ) else {
            panic!()
        };
        assert_eq!(f.exit(), ExitCode::Rejected);
        let Next::Stop(f) =
            poll.after(api("expired_token", "mfa_token is expired"), Duration::ZERO)
        else {
            panic!()
        };
        assert_eq!(f.exit(), ExitCode::Expired);
    }

    #[test]
    fn the_timeout_stops_before_a_poll_that_would_land_after_it() {
        let mut poll = PushPoll::new(Some(5 * SECOND), None, 12 * SECOND);
        assert!(matches!(
            poll.after(api("authorization_pending", ""), 5 * SECOND),
            Next::Wait(_)
        ));
        let Next::Stop(f) = poll.after(api("authorization_pending", ""), 10 * SECOND) else {
            panic!()
        };
        assert_eq!(f.exit(), ExitCode::PushTimeout);
    }
}
