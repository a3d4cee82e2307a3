//! Progress events: what the flow tells as it goes (a step, a wait, a secret
//! to keep), in words every floor shares. The flow reports through this
//! trait; `output` draws it on stderr, the demo narrates it on stdout.

use std::time::Duration;

use crate::secret::Secret;

/// Told each step as it happens (stderr for users, stdout for the demo).
pub trait Progress {
    fn step(&self, message: &str);
    /// A secret Auth0 just issued that exists nowhere else (a rotated
    /// recovery code): the output holds it until it has been shown.
    fn keep(&self, _field: &'static str, _secret: &Secret) {}
    /// Something the user must know even without a terminal (a wait).
    fn note(&self, _message: &str) {}
    fn warn(&self, _message: &str) {}
    /// How often to report a wait in progress; `None` sleeps whole intervals.
    fn tick(&self) -> Option<Duration> {
        None
    }
    /// A wait in progress, redrawn on one line (a spinner, a countdown).
    fn waiting(&self, _message: &str) {}
    fn done_waiting(&self) {}
}
