//! The Management API's rate limit, kept on this side: how many requests may
//! be in flight at once. A free tenant allows a burst of 2 and 2 a second,
//! paid ones 16 to 50; the `X-RateLimit-*` headers of each answer say which
//! (the limit, what is left, the Unix second the window resets, read as every
//! SDK reads it). Until an answer has said, no more than the smallest burst
//! goes out; then as many as the window has left, and a spent window is
//! waited out when it resets soon. A 429 all the same is the transport's to
//! wait out and resend.

use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tokio::sync::Notify;

use crate::auth0::RateLimit;

/// In flight at once before any answer has told the window: a free
/// tenant's burst, the smallest Auth0 sets.
pub const FIRST_BURST: u64 = 2;

/// The longest wait for a spent window to reset before a request: Auth0's
/// windows are per second; a longer reset (another clock, another kind of
/// limit) lets one request through at a time, and its 429 says how long.
pub const MAX_PACING: Duration = Duration::from_secs(2);

/// What one client knows of its window, and what it has in flight.
#[derive(Default)]
pub struct Pacer {
    state: Mutex<Window>,
    /// A request ended or a window was learnt: the waiting look again.
    changed: Notify,
}

#[derive(Default)]
struct Window {
    known: Option<RateLimit>,
    in_flight: u64,
}

/// Room for one request; it is given back when dropped.
pub struct Admission<'a> {
    pacer: &'a Pacer,
}

/// Whether one more request may go now, or how long to wait before asking
/// again (`None`: until a request in flight ends).
fn allowance(window: &Window, now: u64) -> Result<(), Option<Duration>> {
    let in_flight = window.in_flight;
    let Some(known) = window.known else {
        return if in_flight < FIRST_BURST {
            Ok(())
        } else {
            Err(None)
        };
    };
    // A renewed window: its whole limit, less what is still out.
    if now >= known.reset {
        return if in_flight < known.limit.max(1) {
            Ok(())
        } else {
            Err(None)
        };
    }
    if in_flight < known.remaining {
        return Ok(());
    }
    let reset_in = Duration::from_secs(known.reset - now);
    if reset_in <= MAX_PACING {
        Err(Some(reset_in))
    } else if in_flight == 0 {
        Ok(())
    } else {
        Err(None)
    }
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

impl Pacer {
    /// Waits until the window has room for one more request.
    pub async fn admit(&self) -> Admission<'_> {
        loop {
            let notified = self.changed.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            let verdict = {
                let mut window = self.state.lock().unwrap_or_else(|p| p.into_inner());
                let verdict = allowance(&window, unix_now());
                if verdict.is_ok() {
                    window.in_flight += 1;
                }
                verdict
            };
            match verdict {
                Ok(()) => return Admission { pacer: self },
                Err(Some(wait)) => {
                    tokio::select! {
                        _ = &mut notified => {}
                        _ = tokio::time::sleep(wait) => {}
                    }
                }
                Err(None) => notified.await,
            }
        }
    }

    /// An answer's rate-limit headers: the window they describe replaces an
    /// older one; of two answers for one window, the one with less left.
    pub fn learn(&self, limit: Option<RateLimit>) {
        let Some(limit) = limit else { return };
        let mut window = self.state.lock().unwrap_or_else(|p| p.into_inner());
        window.known = match window.known {
            Some(known) if known.reset == limit.reset && known.remaining < limit.remaining => {
                Some(known)
            }
            Some(known) if known.reset > limit.reset => Some(known),
            _ => Some(limit),
        };
        drop(window);
        self.changed.notify_waiters();
    }
}

impl Drop for Admission<'_> {
    fn drop(&mut self) {
        let mut window = self.pacer.state.lock().unwrap_or_else(|p| p.into_inner());
        window.in_flight = window.in_flight.saturating_sub(1);
        drop(window);
        self.pacer.changed.notify_waiters();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn window(known: Option<(u64, u64, u64)>, in_flight: u64) -> Window {
        Window {
            known: known.map(|(limit, remaining, reset)| RateLimit {
                limit,
                remaining,
                reset,
            }),
            in_flight,
        }
    }

    #[test]
    fn before_any_answer_only_the_smallest_burst_goes_out() {
        assert_eq!(allowance(&window(None, 0), 100), Ok(()));
        assert_eq!(allowance(&window(None, 1), 100), Ok(()));
        assert_eq!(allowance(&window(None, 2), 100), Err(None));
    }

    #[test]
    fn then_what_the_window_has_left_less_what_is_in_flight() {
        let now = 1000;
        assert_eq!(allowance(&window(Some((50, 48, now + 1)), 10), now), Ok(()));
        assert_eq!(
            allowance(&window(Some((50, 10, now + 1)), 10), now),
            Err(Some(Duration::from_secs(1)))
        );
        // A spent window that resets soon is waited out...
        assert_eq!(
            allowance(&window(Some((2, 0, now + 2)), 0), now),
            Err(Some(Duration::from_secs(2)))
        );
        // ...and a renewed one has its whole limit.
        assert_eq!(allowance(&window(Some((2, 0, now)), 1), now), Ok(()));
        assert_eq!(allowance(&window(Some((2, 0, now - 5)), 2), now), Err(None));
        // A reset far off (another clock): one at a time, the 429 says how long.
        assert_eq!(allowance(&window(Some((2, 0, now + 3600)), 0), now), Ok(()));
        assert_eq!(
            allowance(&window(Some((2, 0, now + 3600)), 1), now),
            Err(None)
        );
    }

    #[test]
    fn the_window_with_less_left_or_the_later_one_is_kept() {
        let pacer = Pacer::default();
        let limit = |remaining, reset| {
            Some(RateLimit {
                limit: 2,
                remaining,
                reset,
            })
        };
        pacer.learn(limit(1, 10));
        pacer.learn(limit(0, 10));
        pacer.learn(limit(1, 10));
        assert_eq!(pacer.state.lock().unwrap().known, limit(0, 10));
        pacer.learn(limit(1, 9));
        assert_eq!(pacer.state.lock().unwrap().known, limit(0, 10));
        pacer.learn(limit(1, 11));
        assert_eq!(pacer.state.lock().unwrap().known, limit(1, 11));
        pacer.learn(None);
        assert_eq!(pacer.state.lock().unwrap().known, limit(1, 11));
    }

    #[tokio::test]
    async fn a_third_request_waits_for_one_of_the_first_two() {
        let pacer = Pacer::default();
        let first = pacer.admit().await;
        let _second = pacer.admit().await;
        let third = pacer.admit();
        tokio::pin!(third);
        assert!(
            tokio::time::timeout(Duration::from_millis(10), &mut third)
                .await
                .is_err()
        );
        drop(first);
        tokio::time::timeout(Duration::from_millis(10), third)
            .await
            .expect("admitted once the first ended");
    }
}
