//! `exec --mask-output`: a byte stream with every handed-out secret replaced
//! by `***`, also when a secret arrives split across reads. Only the bytes
//! that could still be the start of a secret are held back, so output that
//! looks like no secret (a prompt, a progress line) passes at once.

const MASK: &[u8] = b"***";

pub struct StreamMask {
    secrets: Vec<Vec<u8>>,
    held: Vec<u8>,
}

impl StreamMask {
    /// Masks these values; empty ones are ignored.
    pub fn new<'a>(secrets: impl IntoIterator<Item = &'a str>) -> StreamMask {
        let mut secrets: Vec<Vec<u8>> = secrets
            .into_iter()
            .filter(|s| !s.is_empty())
            .map(|s| s.as_bytes().to_vec())
            .collect();
        // Longest first: a secret that contains another is masked whole.
        secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
        secrets.dedup();
        StreamMask {
            secrets,
            held: Vec::new(),
        }
    }

    /// Masks one more value from now on (a refreshed token).
    pub fn add(&mut self, secret: &str) {
        if !secret.is_empty() && !self.secrets.iter().any(|s| s == secret.as_bytes()) {
            self.secrets.push(secret.as_bytes().to_vec());
            self.secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
        }
    }

    /// Takes the next bytes read; returns what can be written now.
    pub fn push(&mut self, bytes: &[u8]) -> Vec<u8> {
        self.held.extend_from_slice(bytes);
        let (mut out, rest) = self.mask_complete(true);
        let keep = self.longest_secret_prefix_at_end(&rest);
        out.extend_from_slice(&rest[..rest.len() - keep]);
        self.held = rest[rest.len() - keep..].to_vec();
        out
    }

    /// The end of the stream: whatever is held goes out (masked).
    pub fn finish(mut self) -> Vec<u8> {
        let (mut out, rest) = self.mask_complete(false);
        out.extend_from_slice(&rest);
        self.held.clear();
        out
    }

    /// Replaces every whole secret in the held bytes. Returns the masked
    /// bytes before the last replacement and the bytes after it, which may
    /// still end in the start of a secret.
    fn mask_complete(&mut self, more_to_come: bool) -> (Vec<u8>, Vec<u8>) {
        let mut out = Vec::with_capacity(self.held.len());
        let mut i = 0;
        let mut flushed = 0;
        while i < self.held.len() {
            // A longer secret may still begin here: wait for the bytes that tell.
            let could_grow =
                |s: &&Vec<u8>| s.len() > self.held.len() - i && s.starts_with(&self.held[i..]);
            if more_to_come && self.secrets.iter().any(|s| could_grow(&s)) {
                break;
            }
            match self.secrets.iter().find(|s| self.held[i..].starts_with(s)) {
                Some(secret) => {
                    out.extend_from_slice(&self.held[flushed..i]);
                    out.extend_from_slice(MASK);
                    i += secret.len();
                    flushed = i;
                }
                None => i += 1,
            }
        }
        let rest = self.held[flushed..].to_vec();
        (out, rest)
    }

    /// How many bytes at the end of `bytes` begin some secret (and are not one whole).
    fn longest_secret_prefix_at_end(&self, bytes: &[u8]) -> usize {
        let longest = self.secrets.first().map_or(0, Vec::len);
        let most = longest.saturating_sub(1).min(bytes.len());
        (1..=most)
            .rev()
            .find(|&n| {
                let tail = &bytes[bytes.len() - n..];
                self.secrets
                    .iter()
                    .any(|s| s.len() > n && s.starts_with(tail))
            })
            .unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole(secrets: &[&str], input: &str) -> String {
        let mut mask = StreamMask::new(secrets.iter().copied());
        let mut out = mask.push(input.as_bytes());
        out.extend(mask.finish());
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn secrets_are_masked_and_the_rest_passes_at_once() {
        assert_eq!(whole(&["eyJtoken"], "Bearer eyJtoken ok"), "Bearer *** ok");
        let mut mask = StreamMask::new(["eyJtoken"]);
        assert_eq!(mask.push(b"Password? "), b"Password? ");
        assert_eq!(mask.push(b"tail eyJ"), b"tail ");
        assert_eq!(mask.push(b"tok"), b"");
        assert_eq!(mask.push(b"en!"), b"***!");
        assert_eq!(mask.push(b"eyJ"), b"");
        assert_eq!(mask.finish(), b"eyJ");
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// However the stream is cut into reads, what comes out is the
            /// whole stream masked at once, and no secret survives.
            #[test]
            fn any_split_masks_as_the_whole(
                noise in proptest::collection::vec(prop_oneof![Just("ab"), Just("a"), Just("x"), Just("abc"), Just("\n")], 0..30),
                cuts in proptest::collection::vec(0usize..60, 0..10),
            ) {
                let secrets = ["abcab", "ca"];
                let input = noise.concat();
                let expected = whole(&secrets, &input);
                let mut mask = StreamMask::new(secrets);
                let mut out = Vec::new();
                let mut cuts = cuts;
                cuts.sort();
                let mut last = 0;
                for cut in cuts.into_iter().map(|c| c.min(input.len())) {
                    out.extend(mask.push(&input.as_bytes()[last..cut.max(last)]));
                    last = cut.max(last);
                }
                out.extend(mask.push(&input.as_bytes()[last..]));
                out.extend(mask.finish());
                let out = String::from_utf8(out).unwrap();
                prop_assert_eq!(&out, &expected);
                prop_assert!(!out.contains("abcab") && !out.contains("ca"));
            }
        }
    }
}
