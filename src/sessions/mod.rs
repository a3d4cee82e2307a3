//! Sessions: the token sets `login` ends with, kept for `token` and `logout`.
//! A session is found by tenant, client, audience and user. Its tokens live in
//! the OS credential store where one answers (Secret Service, Keychain,
//! Credential Manager), else in a private file under the state directory; an
//! index beside it says what is stored where (never a secret when the OS
//! store holds them). The index is locked while a command works with it, so
//! two processes refreshing one session take turns and no rotated refresh
//! token is lost.

mod os;

use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::auth0::TokenSet;
use crate::error::Failure;
use crate::files::{self, Existing};

/// Which session: the tenant's base URL, the application, the API, the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionKey {
    pub tenant: String,
    pub client_id: String,
    /// `None`: the tenant's default audience.
    pub audience: Option<String>,
    pub username: String,
}

impl SessionKey {
    /// One line for lists and errors: `alice@example.com at https://t (client abc, API x)`.
    pub fn describe(&self) -> String {
        let api = match &self.audience {
            Some(audience) => format!(", audience {audience}"),
            None => String::new(),
        };
        format!(
            "{} at {} (client {}{api})",
            self.username, self.tenant, self.client_id
        )
    }

    /// The name of its entry in the OS credential store.
    fn entry_name(&self) -> String {
        format!(
            "{} {} {} {}",
            self.username,
            self.tenant,
            self.client_id,
            self.audience.as_deref().unwrap_or("-")
        )
    }
}

/// A stored session: its tokens and when the access token expires.
#[derive(Debug, Clone)]
pub struct Session {
    pub tokens: TokenSet,
    /// Unix seconds; `None` when neither Auth0 nor the token said.
    pub expires_at: Option<u64>,
    pub place: Place,
}

impl Session {
    /// Seconds the access token has left (0 when expired or unknown).
    pub fn seconds_left(&self, now: u64) -> u64 {
        self.expires_at.map_or(0, |at| at.saturating_sub(now))
    }
}

/// Where a session's tokens are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Place {
    /// The OS credential store.
    Os,
    /// The index file itself (mode 0600).
    File,
}

/// Which store new sessions go to (`AUTH0_MFA_STORE=auto|os|file`, read by settings).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// The OS store where one answers, else the file.
    Auto,
    Os,
    File,
}

/// Where sessions are kept on this machine, as the environment says (read
/// once by `settings::Environment`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    /// Which store new sessions go to.
    pub choice: Choice,
    /// The state directory: the index is there (and the tokens, in the file store).
    pub state_dir: Option<PathBuf>,
    /// Whether the OS store can be expected to answer ([`os_store_reachable`]).
    pub os_reachable: bool,
}

pub use os::reachable as os_store_reachable;

impl Store {
    fn index_path(&self) -> Option<PathBuf> {
        self.state_dir.as_ref().map(|dir| dir.join("sessions.json"))
    }
}

/// One line of the index.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Indexed {
    #[serde(flatten)]
    key: SessionKey,
    expires_at: Option<u64>,
    place: Place,
    /// Only for `Place::File`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tokens: Option<TokenSet>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Index {
    #[serde(default)]
    sessions: Vec<Indexed>,
    /// The last login's session (as gh's active account): what `token` and
    /// `logout` use when several fit and nothing narrows them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    active: Option<SessionKey>,
}

/// The stored sessions, locked for as long as this value lives.
pub struct Sessions {
    index_path: PathBuf,
    index: Index,
    store: Store,
    /// Held for the lock; released when dropped. None for a snapshot read
    /// without it ([`Sessions::read`]), which cannot change anything.
    lock: Option<File>,
}

/// What was stored, and where, for `-v` and `config show`.
pub fn describe_store(store: &Store) -> String {
    let file = (store.index_path())
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "(no state directory)".into());
    match (store.choice, store.os_reachable) {
        (Choice::File, _) => format!("file {file} (AUTH0_MFA_STORE=file)"),
        (Choice::Os, _) => format!("{} (AUTH0_MFA_STORE=os)", os::NAME),
        (Choice::Auto, true) => format!("{}, else file {file}", os::NAME),
        (Choice::Auto, false) => format!("file {file} (no {} here)", os::NAME),
    }
}

/// The index, trusted only when it is the user's own and private: a file
/// someone else planted or can read is never served as the user's tokens.
fn read_index(index_path: &Path) -> Result<Index, Failure> {
    if let Some(dir) = index_path.parent() {
        files::check_private_dir(dir).map_err(|e| unusable("the session directory", dir, e))?;
    }
    match files::read_private(index_path) {
        Ok(Some(bytes)) => serde_json::from_slice(&bytes).map_err(|e| {
            Failure::usage_with_hint(
                format!("the session file {} is damaged: {e}", index_path.display()),
                "remove it (sessions are lost, log in again) or fix it",
            )
        }),
        Ok(None) => Ok(Index::default()),
        Err(e) => Err(unusable("the session file", index_path, e)),
    }
}

fn unusable(what: &str, path: &Path, error: std::io::Error) -> Failure {
    if let Some(untrusted) = files::untrusted(&error) {
        return untrusted.failure(what);
    }
    Failure::Output {
        what: format!("{what} {}", path.display()),
        error: std::io::Error::other(error.to_string()),
    }
}

impl Sessions {
    /// Opens and locks the index, waiting while another process holds it,
    /// for `patience` at most: the holder may be a login waiting on a prompt.
    pub fn open(store: &Store, patience: Duration) -> Result<Sessions, Failure> {
        Self::open_at(Self::place(store)?, store.clone(), patience)
    }

    /// The index as it is now, without the lock: enough to answer from a
    /// valid session while another process refreshes (the index and the
    /// session file are replaced atomically, so a read sees one or the other).
    pub fn read(store: &Store) -> Result<Sessions, Failure> {
        let index_path = Self::place(store)?;
        let index = read_index(&index_path)?;
        Ok(Sessions {
            index_path,
            index,
            store: store.clone(),
            lock: None,
        })
    }

    fn place(store: &Store) -> Result<PathBuf, Failure> {
        store.index_path().ok_or_else(|| {
            Failure::usage_with_hint(
                "this system has no state directory to keep sessions in",
                "set XDG_STATE_HOME, or pass --no-store",
            )
        })
    }

    fn open_at(index_path: PathBuf, store: Store, patience: Duration) -> Result<Sessions, Failure> {
        if let Some(dir) = index_path.parent() {
            files::ensure_private_dir(dir)
                .map_err(|e| unusable("the session directory", dir, e))?;
        }
        let lock_path = index_path.with_extension("lock");
        let lock = files::open_private(&lock_path)
            .map_err(|e| unusable("the session lock", &lock_path, e))?;
        let waited_since = Instant::now();
        loop {
            match lock.try_lock() {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) if waited_since.elapsed() < patience => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(unusable(
                        "the session lock",
                        &lock_path,
                        std::io::Error::other(format!(
                            "another auth0-mfa (a refresh, or a login waiting for MFA) held it for more than {} s",
                            patience.as_secs()
                        )),
                    ));
                }
                Err(TryLockError::Error(e)) => {
                    return Err(unusable("the session lock", &lock_path, e));
                }
            }
        }
        let index = read_index(&index_path)?;
        Ok(Sessions {
            index_path,
            index,
            store,
            lock: Some(lock),
        })
    }

    /// Refuses to change a snapshot read without the lock.
    fn locked(&self) -> Result<(), Failure> {
        match self.lock {
            Some(_) => Ok(()),
            None => Err(Failure::Unexpected(anyhow::anyhow!(
                "the session store was about to be changed without its lock"
            ))),
        }
    }

    /// The stored sessions whose key fits: same tenant and client, and the
    /// audience and user when given.
    pub fn matching(
        &self,
        tenant: Option<&str>,
        client_id: Option<&str>,
        audience: Option<&str>,
        username: Option<&str>,
    ) -> Vec<SessionKey> {
        self.index
            .sessions
            .iter()
            .map(|s| &s.key)
            .filter(|k| tenant.is_none_or(|t| k.tenant == t))
            .filter(|k| client_id.is_none_or(|c| k.client_id == c))
            .filter(|k| audience.is_none_or(|a| k.audience.as_deref() == Some(a)))
            .filter(|k| username.is_none_or(|u| k.username.eq_ignore_ascii_case(u)))
            .cloned()
            .collect()
    }

    /// The active session: the last login's, while it is stored.
    pub fn active(&self) -> Option<&SessionKey> {
        self.index.active.as_ref()
    }

    /// Makes `key` the active session from the next save on.
    pub fn set_active(&mut self, key: &SessionKey) {
        self.index.active = Some(key.clone());
    }

    /// A session's tokens, from wherever they are.
    pub fn load(&self, key: &SessionKey) -> Result<Session, Failure> {
        let entry = self
            .index
            .sessions
            .iter()
            .find(|s| s.key == *key)
            .ok_or_else(|| Failure::usage(format!("no stored session for {}", key.describe())))?;
        let tokens = match (entry.place, &entry.tokens) {
            (Place::File, Some(tokens)) => tokens.clone(),
            (Place::File, None) => {
                return Err(unusable(
                    "the session in",
                    &self.index_path,
                    std::io::Error::other("it lists the session without its tokens"),
                ));
            }
            (Place::Os, _) => {
                let text = os::get(&key.entry_name()).map_err(|e| {
                    Failure::usage_with_hint(
                        format!(
                            "cannot read the session of {} from the {}: {e}",
                            key.describe(),
                            os::NAME
                        ),
                        "unlock the credential store, or log in again",
                    )
                })?;
                serde_json::from_str(&text).map_err(|e| {
                    Failure::usage_with_hint(
                        format!("the stored session of {} is damaged: {e}", key.describe()),
                        "log in again",
                    )
                })?
            }
        };
        Ok(Session {
            tokens,
            expires_at: entry.expires_at,
            place: entry.place,
        })
    }

    /// Where one session went, for the line `login` prints.
    pub fn describe_place(&self, place: Place) -> String {
        match place {
            Place::Os => os::NAME.to_owned(),
            Place::File => format!("file {}", self.index_path.display()),
        }
    }

    /// Stores (or replaces) a session. The OS store is tried first unless
    /// the choice says file; when it does not answer, the file takes the
    /// session and the returned note says so.
    pub fn save(
        &mut self,
        key: SessionKey,
        tokens: &TokenSet,
        expires_at: Option<u64>,
    ) -> Result<(Place, Option<String>), Failure> {
        self.locked()?;
        let mut note = None;
        let place = match self.store.choice {
            Choice::File => Place::File,
            Choice::Auto if !self.store.os_reachable => Place::File,
            Choice::Os | Choice::Auto => {
                let json =
                    serde_json::to_string(tokens).map_err(|e| Failure::Unexpected(e.into()))?;
                match os::set(&key.entry_name(), &json) {
                    Ok(()) => Place::Os,
                    Err(e) if self.store.choice == Choice::Os => {
                        return Err(Failure::usage_with_hint(
                            format!("the {} did not take the session: {e}", os::NAME),
                            "unlock it, or set AUTH0_MFA_STORE=file (or auto)",
                        ));
                    }
                    Err(e) => {
                        note = Some(format!(
                            "the {} did not answer ({e}); the session is kept in {} instead (mode 0600)",
                            os::NAME,
                            self.index_path.display()
                        ));
                        Place::File
                    }
                }
            }
        };
        // A session that moved from the OS store to the file leaves nothing behind.
        if let Some(old) = self.index.sessions.iter().find(|s| s.key == key)
            && old.place == Place::Os
            && place == Place::File
        {
            let _ = os::delete(&key.entry_name());
        }
        self.index.sessions.retain(|s| s.key != key);
        self.index.sessions.push(Indexed {
            key,
            expires_at,
            place,
            tokens: (place == Place::File).then(|| tokens.clone()),
        });
        self.write()?;
        Ok((place, note))
    }

    /// Forgets a session, here and in the OS store.
    pub fn remove(&mut self, key: &SessionKey) -> Result<(), Failure> {
        self.locked()?;
        if let Some(entry) = self.index.sessions.iter().find(|s| s.key == *key)
            && entry.place == Place::Os
        {
            // Gone already, or the store is locked: the index entry goes anyway.
            let _ = os::delete(&key.entry_name());
        }
        self.index.sessions.retain(|s| s.key != *key);
        if self.index.active.as_ref() == Some(key) {
            self.index.active = None;
        }
        self.write()
    }

    fn write(&self) -> Result<(), Failure> {
        let json =
            serde_json::to_vec_pretty(&self.index).map_err(|e| Failure::Unexpected(e.into()))?;
        files::write_private(&self.index_path, &json, Existing::Replace)
            .map_err(|e| unusable("the session file", &self.index_path, e))
    }
}

/// When an access token expires: now + `expires_in`, else its `exp` claim.
pub fn expiry_of(tokens: &TokenSet, now: u64) -> Option<u64> {
    let by_server = tokens
        .expires_in
        .map(|seconds| now.saturating_add(seconds.min(MAX_TOKEN_LIFETIME)));
    let by_token = crate::jwt::claims(tokens.access_token.expose())
        .and_then(|claims| claims.get("exp")?.as_u64());
    // Whichever ends first: a token is dead at its `exp` whatever
    // `expires_in` claimed.
    match (by_server, by_token) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Longer than any access token Auth0 issues (30 days at most); an
/// `expires_in` beyond it is not believed.
const MAX_TOKEN_LIFETIME: u64 = 365 * 24 * 3600;

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(access: &str, refresh: Option<&str>) -> TokenSet {
        serde_json::from_value(serde_json::json!({
            "access_token": access,
            "refresh_token": refresh,
            "token_type": "Bearer",
            "expires_in": 60,
        }))
        .unwrap()
    }

    fn key(user: &str) -> SessionKey {
        SessionKey {
            tenant: "https://t.example".into(),
            client_id: "c".into(),
            audience: None,
            username: user.into(),
        }
    }

    /// Each test has a state directory of its own.
    fn in_state_dir<T>(test: impl FnOnce(&dyn Fn(Choice) -> Sessions) -> T) -> T {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("auth0-mfa/sessions.json");
        let store = |choice| Store {
            choice,
            state_dir: None,
            os_reachable: false,
        };
        test(&|choice| {
            Sessions::open_at(path.clone(), store(choice), Duration::from_secs(5)).unwrap()
        })
    }

    #[test]
    fn a_session_in_the_file_store_round_trips_and_is_private() {
        in_state_dir(|open| {
            let mut sessions = open(Choice::File);
            let (place, note) = sessions
                .save(key("a@x"), &tokens("at-1", Some("rt-1")), Some(100))
                .unwrap();
            assert_eq!((place, note), (Place::File, None));
            drop(sessions);
            let sessions = open(Choice::File);
            let found = sessions.matching(Some("https://t.example"), Some("c"), None, None);
            assert_eq!(found, vec![key("a@x")]);
            let session = sessions.load(&key("a@x")).unwrap();
            assert_eq!(session.tokens.access_token.expose(), "at-1");
            assert_eq!(session.seconds_left(40), 60);
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let mode = std::fs::metadata(&sessions.index_path)
                    .unwrap()
                    .permissions()
                    .mode();
                assert_eq!(mode & 0o777, 0o600);
            }
        });
    }

    #[test]
    fn the_os_store_keeps_tokens_out_of_the_index() {
        in_state_dir(|open| {
            keyring::set_default_credential_builder(keyring::mock::default_credential_builder());
            let mut sessions = open(Choice::Os);
            let (place, _) = sessions
                .save(key("b@x"), &tokens("at-secret", Some("rt-secret")), None)
                .unwrap();
            assert_eq!(place, Place::Os);
            let index = std::fs::read_to_string(&sessions.index_path).unwrap();
            assert!(
                !index.contains("at-secret") && !index.contains("rt-secret"),
                "{index}"
            );
            sessions.remove(&key("b@x")).unwrap();
            assert!(sessions.matching(None, None, None, None).is_empty());
        });
    }

    #[test]
    fn replacing_a_session_keeps_one_entry() {
        in_state_dir(|open| {
            let mut sessions = open(Choice::File);
            sessions.save(key("a@x"), &tokens("1", None), None).unwrap();
            sessions.save(key("a@x"), &tokens("2", None), None).unwrap();
            sessions.save(key("z@x"), &tokens("3", None), None).unwrap();
            assert_eq!(sessions.matching(None, None, None, Some("A@X")).len(), 1);
            assert_eq!(
                sessions
                    .load(&key("a@x"))
                    .unwrap()
                    .tokens
                    .access_token
                    .expose(),
                "2"
            );
        });
    }
}
