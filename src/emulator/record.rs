//! What the emulator remembers of what it saw, in bounded memory: a ring of the latest
//! entries (the request log, the outbox) and the record of one request, its body and
//! texts cut to a few KiB. An emulator that others' CI fleets share runs for days; a
//! flood of large requests must not grow it.

use std::collections::VecDeque;

use serde::{Serialize, Serializer};
use serde_json::Value;

use super::http::ApiRequest;

/// Requests the log keeps, and codes the outbox keeps: the latest, enough for any
/// test's own.
pub const MAX_KEPT: usize = 1000;
/// A recorded body larger than this is kept as its first bytes, as text. Auth0's
/// request bodies, a 2 KB mfa_token included, fit.
pub const MAX_RECORDED_BODY_BYTES: usize = 4096;
/// The same for the path, the query and each header kept.
pub const MAX_RECORDED_TEXT_BYTES: usize = 4096;

/// The latest `capacity` entries, oldest first.
#[derive(Debug, Clone)]
pub struct Ring<T> {
    entries: VecDeque<T>,
    capacity: usize,
    /// How many were ever pushed, the forgotten ones too.
    pushed: u64,
}

impl<T> Default for Ring<T> {
    fn default() -> Ring<T> {
        Ring::new(MAX_KEPT)
    }
}

impl<T> Ring<T> {
    pub fn new(capacity: usize) -> Ring<T> {
        Ring {
            entries: VecDeque::new(),
            capacity: capacity.max(1),
            pushed: 0,
        }
    }

    /// Adds an entry, forgetting the oldest when full.
    pub fn push(&mut self, entry: T) {
        if self.entries.len() == self.capacity {
            self.entries.pop_front();
        }
        self.entries.push_back(entry);
        self.pushed += 1;
    }
}

impl Ring<ReceivedRequest> {
    /// Keeps `request`, numbered after every request before it (1, 2, ...):
    /// a reader tells what came since a number it saw, whatever the ring forgot.
    pub fn record(&mut self, mut request: ReceivedRequest) {
        request.number = self.pushed + 1;
        self.push(request);
    }
}

impl<T: Clone> Ring<T> {
    pub fn to_vec(&self) -> Vec<T> {
        self.entries.iter().cloned().collect()
    }
}

impl<T: Serialize> Serialize for Ring<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.entries.iter())
    }
}

/// One request the emulator received (control API requests are not kept).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReceivedRequest {
    /// 1 for the first request the emulator kept, then one more for each.
    pub number: u64,
    /// `HTTP/1.1` or `HTTP/2.0`.
    pub http_version: String,
    pub method: String,
    /// The raw path as sent, e.g. `/mfa/authenticators/push%7Cdev_x`.
    pub path: String,
    pub query: Option<String>,
    pub content_type: Option<String>,
    pub authorization: Option<String>,
    /// The JSON body as is; a form body as a flat object of strings; Null when empty.
    /// A body over [`MAX_RECORDED_BODY_BYTES`] is its first bytes as a string.
    pub body: Value,
    /// Something above was cut to fit: the body, or a text over
    /// [`MAX_RECORDED_TEXT_BYTES`].
    pub truncated: bool,
}

impl ReceivedRequest {
    /// The record of `req`, whose body was `raw`, cut to size.
    pub fn of(req: &ApiRequest, raw: &[u8], version: axum::http::Version) -> ReceivedRequest {
        let mut truncated = false;
        let mut cut = |text: &str| {
            let (kept, was_cut) = cut_text(text, MAX_RECORDED_TEXT_BYTES);
            truncated |= was_cut;
            kept
        };
        let path = cut(&req.path);
        let query = req.query.as_deref().map(&mut cut);
        let content_type = req.header("content-type").map(&mut cut);
        let authorization = req.header("authorization").map(&mut cut);
        let body = if raw.len() > MAX_RECORDED_BODY_BYTES {
            truncated = true;
            let (kept, _) = cut_text(
                &String::from_utf8_lossy(&raw[..MAX_RECORDED_BODY_BYTES]),
                MAX_RECORDED_BODY_BYTES,
            );
            Value::String(kept)
        } else {
            req.body.clone()
        };
        ReceivedRequest {
            number: 0,
            http_version: format!("{version:?}"),
            method: req.method.to_string(),
            path,
            query,
            content_type,
            authorization,
            body,
            truncated,
        }
    }
}

/// At most `max` bytes of `text`, cut at a character boundary; and whether it was cut.
fn cut_text(text: &str, max: usize) -> (String, bool) {
    if text.len() <= max {
        return (text.to_owned(), false);
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (text[..end].to_owned(), true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ring_keeps_the_latest() {
        let mut ring = Ring::new(3);
        for i in 0..10 {
            ring.push(i);
        }
        assert_eq!(ring.to_vec(), [7, 8, 9]);
        assert_eq!(serde_json::to_string(&ring).unwrap(), "[7,8,9]");
    }

    #[test]
    fn requests_are_numbered_past_what_the_ring_forgot() {
        let mut ring = Ring::new(2);
        for path in ["/a", "/b", "/c"] {
            ring.record(ReceivedRequest {
                number: 0,
                http_version: "HTTP/1.1".into(),
                method: "GET".into(),
                path: path.into(),
                query: None,
                content_type: None,
                authorization: None,
                body: Value::Null,
                truncated: false,
            });
        }
        let kept: Vec<(u64, String)> = (ring.to_vec().into_iter())
            .map(|r| (r.number, r.path))
            .collect();
        assert_eq!(kept, [(2, "/b".to_owned()), (3, "/c".to_owned())]);
    }

    #[test]
    fn texts_are_cut_at_a_character_boundary() {
        assert_eq!(cut_text("abc", 3), ("abc".to_owned(), false));
        assert_eq!(cut_text("aé", 2), ("a".to_owned(), true));
    }
}
