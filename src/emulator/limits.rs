//! Connection limits, so that slow or idle clients cannot take the emulator from the
//! others that share it: a request whose headers have not arrived within
//! [`HEADER_TIMEOUT`] of its first byte closes its connection, at most a fixed number of
//! connections (below the process's descriptor limit) are served at once, and when that
//! many are open, or descriptors run out, idle keep-alive connections are closed to make
//! room. Idle keep-alive connections are otherwise kept as long as clients like: a
//! client's pool reusing a connection the server closes at that instant gets an error,
//! and other teams' tests would be flaky for it.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use tokio::sync::{OwnedSemaphorePermit, Semaphore, watch};

/// From a request's first byte to its last header. Generous for any client on a network
/// that works, short enough that a trickling connection gives up its slot quickly.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// For a request's whole body, once its headers are in.
pub const BODY_TIMEOUT: Duration = Duration::from_secs(15);
/// A connection idle for less than this is not closed to make room: its client may be
/// about to reuse it.
const MIN_IDLE_TO_SHED: Duration = Duration::from_secs(1);
/// How often, while every slot is taken, idle connections are asked again to close.
pub const SHED_RETRY: Duration = Duration::from_secs(1);
/// Descriptors left for the listener, the state files, the console and the runtime.
const RESERVED_DESCRIPTORS: u64 = 64;
const MAX_CONNECTIONS: u64 = 4096;
/// Live users the Management API may make the tenant hold (each kept in memory, with
/// at most [`MAX_AUTHENTICATION_METHODS`] methods and a few KiB of `app_metadata`).
pub const MAX_USERS: usize = 10_000;
/// Authentication methods of one user; more is Auth0's "limit of entities".
pub const MAX_AUTHENTICATION_METHODS: usize = 50;
/// Logins between `mfa_required` and their tokens, and challenges awaiting their
/// answer, kept at once (an mfa_token is 2 KB); past it the oldest is forgotten, as
/// if it had expired. Each lives 5 to 10 minutes, so this is a thousand logins in that
/// time, ten times what one client's rate limit lets through.
pub const MAX_PENDING_LOGINS: usize = 1000;
/// Sessions (refresh tokens, rotated ones, revoked ones, their access tokens) and
/// client assertions remembered; past it the oldest is forgotten: its refresh token
/// stops working, as one left unused for long does at Auth0.
pub const MAX_SESSIONS: usize = 10_000;

/// The slots of the accept loop, and the signal asking idle connections to close.
#[derive(Debug, Clone)]
pub struct Limits {
    slots: Arc<Semaphore>,
    shed: Arc<watch::Sender<u64>>,
}

impl Limits {
    pub fn new() -> Limits {
        Limits::with_slots(max_connections())
    }

    fn with_slots(slots: usize) -> Limits {
        Limits {
            slots: Arc::new(Semaphore::new(slots)),
            shed: Arc::new(watch::channel(0).0),
        }
    }

    /// A free slot, at once if there is one; else asks idle connections to close, and
    /// waits, asking again every [`SHED_RETRY`], until one is freed.
    pub async fn slot(&self) -> OwnedSemaphorePermit {
        loop {
            if let Ok(permit) = self.slots.clone().try_acquire_owned() {
                return permit;
            }
            self.shed_idle();
            if let Ok(Ok(permit)) =
                tokio::time::timeout(SHED_RETRY, self.slots.clone().acquire_owned()).await
            {
                return permit;
            }
        }
    }

    /// Asks every connection idle for a while to close.
    pub fn shed_idle(&self) {
        self.shed.send_modify(|generation| *generation += 1);
    }

    /// What a connection listens to for [`Limits::shed_idle`].
    pub fn shed_signal(&self) -> watch::Receiver<u64> {
        self.shed.subscribe()
    }
}

/// Below the soft limit on open descriptors, where there is one: past it `accept` fails
/// and nobody else gets in.
fn max_connections() -> usize {
    #[cfg(unix)]
    {
        let mut limit = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: getrlimit only writes the struct it is given.
        if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) } == 0 {
            // rlim_t is 32 bits on some targets, 64 on most.
            #[allow(clippy::useless_conversion)]
            let soft = u64::try_from(limit.rlim_cur).unwrap_or(u64::MAX);
            let slots = soft
                .saturating_sub(RESERVED_DESCRIPTORS)
                .clamp(8, MAX_CONNECTIONS);
            return slots as usize;
        }
    }
    MAX_CONNECTIONS as usize
}

/// Whether a failed `accept` means the process is out of descriptors.
pub fn out_of_descriptors(error: &std::io::Error) -> bool {
    #[cfg(unix)]
    {
        matches!(error.raw_os_error(), Some(libc::EMFILE | libc::ENFILE))
    }
    #[cfg(not(unix))]
    {
        let _ = error;
        false
    }
}

/// What one connection is doing, as its stream and its requests see it.
#[derive(Debug)]
pub struct Activity {
    opened: Instant,
    in_flight: AtomicUsize,
    requests: AtomicU64,
    /// When the first byte of a request not yet started arrived (ms since `opened`,
    /// plus one; 0: none is pending).
    pending_since: AtomicU64,
    last_io: AtomicU64,
    /// HTTP/2 multiplexes and sends frames of its own (window updates, pings) between
    /// requests: only its first request is timed.
    h2: AtomicBool,
}

impl Activity {
    pub fn new() -> Activity {
        Activity {
            opened: Instant::now(),
            in_flight: AtomicUsize::new(0),
            requests: AtomicU64::new(0),
            pending_since: AtomicU64::new(0),
            last_io: AtomicU64::new(1),
            h2: AtomicBool::new(false),
        }
    }

    fn now(&self) -> u64 {
        self.opened.elapsed().as_millis() as u64 + 1
    }

    /// Bytes came in. With no request being served, they start one (or, for HTTP/2,
    /// the connection's first), and the header clock runs.
    pub fn read(&self, bytes: &[u8]) {
        let now = self.now();
        self.last_io.store(now, Ordering::Relaxed);
        if bytes.starts_with(b"PRI ") && self.requests.load(Ordering::Relaxed) == 0 {
            self.h2.store(true, Ordering::Relaxed);
        }
        let timed = !self.h2.load(Ordering::Relaxed) || self.requests.load(Ordering::Relaxed) == 0;
        if timed && self.in_flight.load(Ordering::Relaxed) == 0 {
            let _ =
                self.pending_since
                    .compare_exchange(0, now, Ordering::Relaxed, Ordering::Relaxed);
        }
    }

    pub fn wrote(&self) {
        self.last_io.store(self.now(), Ordering::Relaxed);
    }

    /// After the TLS handshake: the connection is open and idle, and (ALPN) which HTTP.
    pub fn established(&self, h2: bool) {
        self.h2.store(h2, Ordering::Relaxed);
        self.pending_since.store(0, Ordering::Relaxed);
    }

    /// A request's headers are in: its clock stops until it is answered.
    pub fn request_started(self: &Arc<Self>) -> InFlight {
        self.in_flight.fetch_add(1, Ordering::Relaxed);
        self.requests.fetch_add(1, Ordering::Relaxed);
        self.pending_since.store(0, Ordering::Relaxed);
        InFlight(self.clone())
    }

    /// A request has been arriving for longer than [`HEADER_TIMEOUT`].
    pub fn stalled(&self) -> bool {
        let since = self.pending_since.load(Ordering::Relaxed);
        since != 0 && self.now().saturating_sub(since) > HEADER_TIMEOUT.as_millis() as u64
    }

    /// Nothing in flight or arriving, and quiet for [`MIN_IDLE_TO_SHED`].
    pub fn idle(&self) -> bool {
        self.in_flight.load(Ordering::Relaxed) == 0
            && self.pending_since.load(Ordering::Relaxed) == 0
            && self
                .now()
                .saturating_sub(self.last_io.load(Ordering::Relaxed))
                >= MIN_IDLE_TO_SHED.as_millis() as u64
    }
}

/// A request being served; dropped when its answer is ready.
pub struct InFlight(Arc<Activity>);

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_incomplete_request_is_timed() {
        let activity = Arc::new(Activity::new());
        assert!(!activity.stalled());
        activity.read(b"GET / HT");
        assert_ne!(activity.pending_since.load(Ordering::Relaxed), 0);
        let request = activity.request_started();
        activity.read(b"body bytes");
        assert_eq!(activity.pending_since.load(Ordering::Relaxed), 0);
        drop(request);
        assert!(!activity.idle(), "just answered");
        // HTTP/2's own frames after its first request start nothing.
        let h2 = Arc::new(Activity::new());
        h2.read(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
        drop(h2.request_started());
        h2.read(b"window update");
        assert_eq!(h2.pending_since.load(Ordering::Relaxed), 0);
    }

    #[tokio::test]
    async fn a_full_house_asks_idle_connections_to_close() {
        let limits = Limits::with_slots(1);
        let held = limits.slot().await;
        let mut signal = limits.shed_signal();
        let waiting = tokio::spawn({
            let limits = limits.clone();
            async move { limits.slot().await }
        });
        tokio::time::timeout(Duration::from_secs(5), signal.changed())
            .await
            .unwrap()
            .unwrap();
        drop(held);
        let _slot = tokio::time::timeout(Duration::from_secs(5), waiting)
            .await
            .unwrap()
            .unwrap();
    }
}
