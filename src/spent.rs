//! The ledger of one-time codes already sent: Auth0 accepts a TOTP code once,
//! and a second use of it is refused and counts against the user's 10
//! attempts. Per tenant and secret (by hash: never the secret), it keeps the
//! last time step spent; per tenant and code (by hash), every code sent,
//! computed or given as is, so that a code sent one way is not sent again
//! another way (`--otp-secret`, then `--otp $(auth0-mfa totp ...)`).
//! A small private file under the platform's state directory, locked while it
//! is read and written, so CI jobs that share a user and a machine take turns.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::files;
use crate::totp::Totp;

/// How long a given code is remembered: Auth0 accepts a code in its own step
/// and the next, so after 90 s it cannot be a reuse.
const GIVEN_CODE_MEMORY_SECONDS: u64 = 90;

/// Entries older than this are dropped when the file is written.
const FORGET_AFTER_SECONDS: u64 = 24 * 3600;

/// What a claim came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claim {
    /// The step is now spent by this process: send its code.
    Granted { step: u64 },
    /// The step was spent already; the next one starts at this Unix time.
    SpentUntil { next_step_at: u64 },
}

/// The ledger, in a file (`Ledger::at`), or nowhere (`Ledger::none`, for the
/// demo, whose emulator lives and dies with it).
#[derive(Debug, Clone)]
pub struct Ledger {
    path: Option<PathBuf>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Entries {
    /// `tenant|fingerprint` -> (last step spent, when, Unix seconds).
    #[serde(default)]
    steps: BTreeMap<String, (u64, u64)>,
    /// `tenant|hash of code` -> when it was sent, Unix seconds.
    #[serde(default)]
    codes: BTreeMap<String, u64>,
    /// Hash of `tenant|source` -> when Auth0 last accepted a code computed
    /// from that source (a secret's fingerprint, an OTP command): proof that
    /// the source is right, so a refusal of its code means the step was spent
    /// elsewhere.
    #[serde(default)]
    accepted: BTreeMap<String, u64>,
}

impl Entries {
    /// When the code went out, if recently enough that sending it is a reuse.
    fn code_sent(&self, code_key: &str, now: u64) -> Option<u64> {
        self.codes
            .get(code_key)
            .copied()
            .filter(|&sent| now.saturating_sub(sent) < GIVEN_CODE_MEMORY_SECONDS)
    }

    /// The last step spent for a secret when `step` is among those spent:
    /// computed from it, or its code given as is.
    fn spent(&self, step_key: &str, code_key: &str, step: u64, now: u64) -> Option<u64> {
        match self.steps.get(step_key) {
            Some(&(spent, _)) if spent >= step => Some(spent),
            _ => self.code_sent(code_key, now).map(|_| step),
        }
    }
}

impl Ledger {
    pub fn at(path: PathBuf) -> Ledger {
        Ledger { path: Some(path) }
    }

    pub fn none() -> Ledger {
        Ledger { path: None }
    }

    /// Claims the step `now` falls in for `generator` at `tenant`, unless it
    /// (or a later one) was spent already, or its code went out as given.
    pub fn claim_step(&self, tenant: &str, generator: &Totp, now: u64) -> std::io::Result<Claim> {
        let (key, step, code) = step_keys(tenant, generator, now);
        self.update(now, |entries| match entries.spent(&key, &code, step, now) {
            Some(spent) => Claim::SpentUntil {
                next_step_at: next_step_at(spent, generator),
            },
            None => {
                entries.steps.insert(key.clone(), (step, now));
                entries.codes.insert(code.clone(), now);
                Claim::Granted { step }
            }
        })
    }

    /// When the next unspent step begins, if the step `now` falls in was
    /// spent already (read only), for `--no-otp-wait` to fail before the
    /// first request rather than after.
    pub fn step_spent(&self, tenant: &str, generator: &Totp, now: u64) -> Option<u64> {
        let (key, step, code) = step_keys(tenant, generator, now);
        self.update(now, |entries| {
            entries
                .spent(&key, &code, step, now)
                .map(|spent| next_step_at(spent, generator))
        })
        .ok()
        .flatten()
    }

    /// Records a code given as it is (`--otp`, `--otp-command`); `Some(when)`
    /// if it was sent already within the last 90 s.
    pub fn claim_code(&self, tenant: &str, code: &str, now: u64) -> std::io::Result<Option<u64>> {
        let key = code_key(tenant, code);
        self.update(now, |entries| {
            let sent = entries.code_sent(&key, now);
            if sent.is_none() {
                entries.codes.insert(key.clone(), now);
            }
            sent
        })
    }

    /// Notes that Auth0 accepted a code computed from `source`.
    pub fn note_accepted(&self, tenant: &str, source: &str, now: u64) {
        let key = code_key(tenant, &format!("accepted|{source}"));
        let _ = self.update(now, |entries| entries.accepted.insert(key, now));
    }

    /// Whether Auth0 accepted a code from `source` on this machine lately.
    pub fn was_accepted(&self, tenant: &str, source: &str, now: u64) -> bool {
        let key = code_key(tenant, &format!("accepted|{source}"));
        self.update(now, |entries| entries.accepted.contains_key(&key))
            .unwrap_or(false)
    }

    /// Reads, changes and writes the file under an exclusive lock.
    fn update<T>(&self, now: u64, change: impl FnOnce(&mut Entries) -> T) -> std::io::Result<T> {
        let Some(path) = &self.path else {
            return Ok(change(&mut Entries::default()));
        };
        let mut file = open_locked(path)?;
        let mut text = String::new();
        file.read_to_string(&mut text)?;
        // A damaged file is started afresh: the worst case is one wait.
        let mut entries: Entries = serde_json::from_str(&text).unwrap_or_default();
        let outcome = change(&mut entries);
        entries
            .steps
            .retain(|_, (_, at)| now.saturating_sub(*at) < FORGET_AFTER_SECONDS);
        entries
            .codes
            .retain(|_, at| now.saturating_sub(*at) < FORGET_AFTER_SECONDS);
        entries
            .accepted
            .retain(|_, at| now.saturating_sub(*at) < FORGET_AFTER_SECONDS);
        let json = serde_json::to_vec(&entries).map_err(std::io::Error::other)?;
        file.seek(SeekFrom::Start(0))?;
        file.set_len(0)?;
        // Not synced to disk: processes that share it see it through the
        // page cache at once, and after a crash the worst is one wait.
        file.write_all(&json)?;
        // The lock goes with the file when it is dropped.
        Ok(outcome)
    }
}

/// Opens (creating, mode 0600, in a 0700 directory) and locks the file.
/// Never through a symlink, and only in a directory no one else can write.
fn open_locked(path: &Path) -> std::io::Result<File> {
    if let Some(dir) = path.parent() {
        files::ensure_private_dir(dir)?;
    }
    let file = files::open_private(path)?;
    file.lock()?;
    Ok(file)
}

/// When the step after `spent` begins, Unix seconds.
fn next_step_at(spent: u64, generator: &Totp) -> u64 {
    spent.saturating_add(1).saturating_mul(generator.period())
}

/// The entries a secret's step at `now` has: its step key, the step, and
/// the key of the step's code.
fn step_keys(tenant: &str, generator: &Totp, now: u64) -> (String, u64, String) {
    let step = generator.step_at(now);
    let code = code_key(tenant, &generator.code_for_step(step));
    (format!("{tenant}|{}", generator.fingerprint()), step, code)
}

/// A code's entry: a hash, so the file never holds a usable code.
fn code_key(tenant: &str, code: &str) -> String {
    let digest = ring::digest::digest(&ring::digest::SHA256, format!("{tenant}|{code}").as_bytes());
    hex(&digest.as_ref()[..16])
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    fn ledger() -> (tempfile::TempDir, Ledger) {
        let dir = tempfile::tempdir().unwrap();
        let ledger = Ledger::at(dir.path().join("state/spent-codes.json"));
        (dir, ledger)
    }

    #[test]
    fn a_code_sent_one_way_is_spent_for_the_other() {
        let (_dir, ledger) = ledger();
        let totp = Totp::parse(SECRET, Default::default()).unwrap();
        // Computed first: the same code given is a reuse.
        assert_eq!(
            ledger.claim_step("t", &totp, 1000).unwrap(),
            Claim::Granted { step: 33 }
        );
        assert_eq!(
            ledger.claim_code("t", &totp.code_at(1000), 1005).unwrap(),
            Some(1000)
        );
        // Given first: the secret's step waits for the next one.
        let code = totp.code_at(1020);
        assert_eq!(ledger.claim_code("t", &code, 1021).unwrap(), None);
        assert_eq!(ledger.step_spent("t", &totp, 1022), Some(1050));
        assert_eq!(
            ledger.claim_step("t", &totp, 1022).unwrap(),
            Claim::SpentUntil { next_step_at: 1050 }
        );
        assert_eq!(
            ledger.claim_step("t", &totp, 1050).unwrap(),
            Claim::Granted { step: 35 }
        );
    }

    #[test]
    fn a_step_is_granted_once_per_tenant_and_secret() {
        let (dir, ledger) = ledger();
        let totp = Totp::parse(SECRET, Default::default()).unwrap();
        assert_eq!(
            ledger.claim_step("t1", &totp, 1000).unwrap(),
            Claim::Granted { step: 33 }
        );
        assert_eq!(
            ledger.claim_step("t1", &totp, 1019).unwrap(),
            Claim::SpentUntil { next_step_at: 1020 }
        );
        assert_eq!(
            ledger.claim_step("t2", &totp, 1019).unwrap(),
            Claim::Granted { step: 33 }
        );
        assert_eq!(
            ledger.claim_step("t1", &totp, 1020).unwrap(),
            Claim::Granted { step: 34 }
        );
        let text = std::fs::read_to_string(dir.path().join("state/spent-codes.json")).unwrap();
        assert!(!text.contains(SECRET), "{text}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join("state/spent-codes.json"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn a_given_code_is_remembered_for_ninety_seconds() {
        let (_dir, ledger) = ledger();
        assert_eq!(ledger.claim_code("t", "123456", 1000).unwrap(), None);
        assert_eq!(ledger.claim_code("t", "123456", 1050).unwrap(), Some(1000));
        assert_eq!(ledger.claim_code("t", "654321", 1050).unwrap(), None);
        assert_eq!(ledger.claim_code("t", "123456", 1091).unwrap(), None);
    }

    #[test]
    fn concurrent_claims_of_one_step_grant_it_once() {
        let (_dir, ledger) = ledger();
        let totp = Totp::parse(SECRET, Default::default()).unwrap();
        let granted: usize = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..8)
                .map(|_| scope.spawn(|| ledger.claim_step("t", &totp, 5000).unwrap()))
                .collect();
            handles
                .into_iter()
                .map(|handle| handle.join().unwrap())
                .filter(|claim| matches!(claim, Claim::Granted { .. }))
                .count()
        });
        assert_eq!(granted, 1);
    }

    /// The file keeps a day of entries (a step spent on a clock that is
    /// then set back stays spent), and no more, so it does not grow.
    #[test]
    fn entries_are_kept_for_a_day_then_dropped() {
        let (dir, ledger) = ledger();
        let totp = Totp::parse(SECRET, Default::default()).unwrap();
        let held = || -> (usize, usize) {
            let text = std::fs::read_to_string(dir.path().join("state/spent-codes.json")).unwrap();
            let entries: Entries = serde_json::from_str(&text).unwrap();
            (entries.steps.len(), entries.codes.len())
        };
        ledger.claim_step("t", &totp, 1000).unwrap();
        // Other claims rewrite the file: a day less a second later, kept.
        ledger.claim_code("u", "123456", 1000 + 86_399).unwrap();
        assert_eq!(held(), (1, 2));
        // A day later, dropped (the code given a second before stays).
        ledger.claim_code("v", "123456", 1000 + 86_400).unwrap();
        assert_eq!(held(), (0, 2));
    }

    #[test]
    fn a_damaged_file_is_started_afresh() {
        let (dir, ledger) = ledger();
        std::fs::create_dir_all(dir.path().join("state")).unwrap();
        std::fs::write(dir.path().join("state/spent-codes.json"), "{not json").unwrap();
        assert_eq!(ledger.claim_code("t", "123456", 1).unwrap(), None);
    }
}
