//! The tenant's mutable state behind one mutex (users and their authenticators, MFA and
//! OOB transactions, refresh tokens, rate-limit and failed-code buckets, the outbox, the
//! request log, queued faults) and the emulator's clock.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::Serialize;
use serde_json::{Map, Value, json};

use super::Console;
use super::console;
use super::faults::Fault;
use super::limits::{MAX_PENDING_LOGINS, MAX_SESSIONS};
use super::management::state::{LoginFailures, MgmtState};
use super::record::{ReceivedRequest, Ring};
use super::table::Table;
use super::tenant::{AuthenticatorKind, ClientConfig, PushRule, Tenant, TenantSettings};
use super::tokens;

/// mfa_token lifetime (not configurable at Auth0).
pub const MFA_TOKEN_TTL_MS: u64 = 10 * 60 * 1000;
/// OTP/SMS/voice/email codes and push transactions.
pub const OOB_TTL_MS: u64 = 5 * 60 * 1000;
/// The failed-code bucket: 10 per user, one back every 6 minutes.
pub const FAILED_CODE_CAPACITY: u32 = 10;
pub const FAILED_CODE_REFILL_MS: u64 = 6 * 60 * 1000;
/// The rate-limit window of every request that names no client of the tenant.
const UNKNOWN_CLIENT: &str = "-";
/// Rate-limit keys of the Management API: this, then the M2M application's client_id.
pub const MANAGEMENT_RATE_KEY: &str = "api/v2 ";
/// Unconfirmed enrollments a user may have before associate refuses more.
pub const MAX_PENDING_ENROLLMENTS: usize = 50;

/// A code the emulator "sent" by SMS, voice call or email.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutboxMessage {
    /// `sms`, `voice` or `email`.
    pub channel: String,
    /// The phone number or email address.
    pub to: String,
    pub code: String,
    pub username: String,
}

/// Where clients reach the emulator: the bound address, and the public URL when one was
/// given. The URLs it answers with follow the request, so that a client that reached it
/// as `auth0.test` or through a container's name sees that name in the issuer.
#[derive(Debug, Clone)]
pub struct Origin {
    scheme: &'static str,
    /// `http://127.0.0.1:PORT`, no trailing slash.
    bound: String,
    public: Option<String>,
}

impl Origin {
    pub fn new(scheme: &'static str, bound: String, public: Option<String>) -> Origin {
        Origin {
            scheme,
            bound,
            public,
        }
    }

    pub fn public_or_bound(&self) -> &str {
        self.public.as_deref().unwrap_or(&self.bound)
    }

    /// The base URL of a request, no trailing slash: the public URL, else the scheme and
    /// the `Host` the client sent, else the bound address.
    pub fn base_for(&self, host: Option<&str>) -> String {
        match (&self.public, host) {
            (Some(public), _) => public.clone(),
            (None, Some(host)) if super::http::is_host(host) => {
                format!("{}://{host}", self.scheme)
            }
            _ => self.bound.clone(),
        }
    }

    /// Every base the emulator answers by for a request: its own, the public one and the
    /// bound one. Audiences and assertion `aud`s naming any of them are accepted, as
    /// Auth0 accepts a tenant's canonical and custom domains alike.
    fn bases<'a>(&'a self, request_base: &'a str) -> impl Iterator<Item = &'a str> {
        [
            Some(request_base),
            self.public.as_deref(),
            Some(&self.bound),
        ]
        .into_iter()
        .flatten()
    }

    /// Audiences naming the MFA API: `BASE/mfa/`, also as `https://HOST/mfa/`.
    pub fn is_mfa_audience(&self, audience: &str, request_base: &str) -> bool {
        self.is_api_audience(audience, request_base, "/mfa/")
    }

    /// Audiences naming the Management API: `BASE/api/v2/`, also as `https://HOST/api/v2/`.
    pub fn is_management_audience(&self, audience: &str, request_base: &str) -> bool {
        self.is_api_audience(audience, request_base, "/api/v2/")
    }

    fn is_api_audience(&self, audience: &str, request_base: &str, path: &str) -> bool {
        self.bases(request_base).any(|base| {
            let host = base.split_once("://").map_or(base, |(_, h)| h);
            audience == format!("{base}{path}") || audience == format!("https://{host}{path}")
        })
    }

    /// Whether `aud` is an issuer of the emulator's (`BASE/`, Auth0's trailing slash).
    pub fn is_issuer(&self, aud: &str, request_base: &str) -> bool {
        self.bases(request_base)
            .any(|base| aud.strip_suffix('/') == Some(base))
    }
}

pub struct Shared {
    pub settings: TenantSettings,
    pub clients: Vec<ClientConfig>,
    pub origin: Origin,
    pub console: Console,
    /// What the control API's `Authorization: Bearer` must say; None: it is open.
    pub control_token: Option<String>,
    clock_offset_ms: AtomicI64,
    state: Mutex<State>,
}

impl Shared {
    pub fn new(
        tenant: Tenant,
        origin: Origin,
        console: Console,
        control_token: Option<String>,
    ) -> Shared {
        let voice = tenant.settings.voice;
        let mgmt = MgmtState::new(&tenant);
        let started_ms = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as u64)
            .saturating_add_signed(tenant.settings.clock_skew_seconds.saturating_mul(1000));
        let users = tenant
            .users
            .iter()
            .map(|u| User::from_config(u, voice, started_ms))
            .collect();
        // A tenant file can ask for the console too (the text one).
        let console = match console {
            Console::Off if tenant.settings.log_to_stderr => Console::Text,
            other => other,
        };
        Shared {
            clock_offset_ms: AtomicI64::new(tenant.settings.clock_skew_seconds * 1000),
            settings: tenant.settings,
            clients: tenant.clients,
            origin,
            console,
            control_token,
            state: Mutex::new(State {
                users,
                mgmt,
                ..State::default()
            }),
        }
    }

    /// The emulator's "now": real time plus the skew and every `advance_clock`.
    pub fn now_ms(&self) -> u64 {
        let real = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_millis() as i64)
            .unwrap_or(0);
        real.saturating_add(self.clock_offset_ms.load(Ordering::Relaxed))
            .max(0) as u64
    }

    pub fn now_secs(&self) -> u64 {
        self.now_ms() / 1000
    }

    /// Moves "now" forward, at most a hundred years at a time (a larger jump
    /// would only overflow the clock).
    pub fn advance_clock(&self, seconds: u64) {
        const CENTURY_MS: i64 = 100 * 365 * 86_400 * 1000;
        let ms =
            i64::try_from(seconds.saturating_mul(1000)).map_or(CENTURY_MS, |ms| ms.min(CENTURY_MS));
        self.clock_offset_ms.fetch_add(ms, Ordering::Relaxed);
    }

    /// The state lock. Handlers are synchronous, so the guard never lives across an await;
    /// a panic in one request must not wedge the others, hence the poison recovery.
    pub fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn client(&self, client_id: &str) -> Option<&ClientConfig> {
        self.clients.iter().find(|c| c.client_id == client_id)
    }

    /// Counts a request against the client's window. Returns (limit, remaining, reset epoch
    /// seconds, allowed).
    pub fn rate_limit(&self, key: &str) -> RateStatus {
        let now = self.now_secs();
        let s = &self.settings;
        // Only the tenant's clients get a window of their own; the ids clients make up
        // share one, so that the table stays the size of the tenant. The Management API
        // has windows (and limits) of its own.
        let (key, limit, window) = match key.strip_prefix(MANAGEMENT_RATE_KEY) {
            Some(client) if self.client(client).is_some() => (
                key,
                s.management_rate_limit,
                s.management_rate_limit_window_seconds,
            ),
            Some(_) => (
                MANAGEMENT_RATE_KEY,
                s.management_rate_limit,
                s.management_rate_limit_window_seconds,
            ),
            None if self.client(key).is_some() => (key, s.rate_limit, s.rate_limit_window_seconds),
            None => (UNKNOWN_CLIENT, s.rate_limit, s.rate_limit_window_seconds),
        };
        let window = window.max(1);
        let mut st = self.lock();
        let w = st.rate.entry(key.to_string()).or_insert(RateWindow {
            start: now,
            count: 0,
        });
        if now >= w.start + window {
            *w = RateWindow {
                start: now,
                count: 0,
            };
        }
        let allowed = w.count < limit;
        if allowed {
            w.count += 1;
        }
        RateStatus {
            limit,
            remaining: limit.saturating_sub(w.count),
            reset: w.start + window,
            allowed,
            now,
        }
    }

    /// Approves or rejects every pending, unexpired push of the user. False if none.
    pub fn settle_push(&self, username: &str, approve: bool) -> bool {
        let now = self.now_ms();
        let mut st = self.lock();
        let Some(user) = st.user_index(username) else {
            return false;
        };
        let mut any = false;
        for tx in st.oob_txs.values_mut() {
            if tx.user == user
                && tx.channel == AuthenticatorKind::Push
                && tx.status == PushStatus::Pending
                && now < tx.created_ms + OOB_TTL_MS
            {
                tx.status = if approve {
                    PushStatus::Approved
                } else {
                    PushStatus::Rejected
                };
                any = true;
            }
        }
        any
    }

    pub fn send_code(
        &self,
        st: &mut State,
        channel: AuthenticatorKind,
        to: &str,
        user: usize,
    ) -> String {
        let code = tokens::six_digits();
        let username = st.users[user].username.clone();
        console::code_sent(self.console, channel, to, &code, &username);
        st.outbox.push(OutboxMessage {
            channel: channel.to_string(),
            to: to.to_string(),
            code: code.clone(),
            username,
        });
        code
    }
}

#[derive(Debug, Clone, Copy)]
pub struct RateStatus {
    pub limit: u32,
    pub remaining: u32,
    pub reset: u64,
    pub allowed: bool,
    pub now: u64,
}

#[derive(Default)]
pub struct State {
    pub users: Vec<User>,
    pub mfa_txs: Table<String, MfaTx, MAX_PENDING_LOGINS>,
    pub oob_txs: Table<String, OobTx, MAX_PENDING_LOGINS>,
    /// Refresh tokens that work.
    pub refresh_tokens: Table<String, RefreshGrant, MAX_SESSIONS>,
    /// Refresh tokens rotated away: one presented again (after the client's leeway)
    /// revokes its whole family, as Auth0's reuse detection does.
    pub rotated_refresh_tokens: Table<String, RotatedToken, MAX_SESSIONS>,
    /// Sessions ended by `/oauth/revoke` or by reuse detection.
    pub revoked_families: Table<String, (), MAX_SESSIONS>,
    /// `jti` -> (family, `exp`) of access tokens issued in a session, so that revoking
    /// the session stops them at the `/mfa/` endpoints.
    pub session_access_tokens: Table<String, (String, u64), MAX_SESSIONS>,
    pub rate: HashMap<String, RateWindow>,
    /// The latest codes sent and requests received (see `record`).
    pub outbox: Ring<OutboxMessage>,
    pub received: Ring<ReceivedRequest>,
    pub faults: VecDeque<Fault>,
    /// Faults answered on every request to one path (`inject_fault_on`), before the queue.
    pub faults_on: Vec<(String, Fault)>,
    /// `iss` + `jti` of every client assertion seen: each is single-use.
    pub used_assertions: Table<String, (), MAX_SESSIONS>,
    /// The configuration the Management API reads and changes.
    pub mgmt: MgmtState,
}

impl State {
    /// Finds a user by username or email, case-insensitively, as Auth0's database does.
    pub fn user_index(&self, login: &str) -> Option<usize> {
        let login = login.trim().to_lowercase();
        self.users.iter().position(|u| {
            !u.deleted && (u.username.to_lowercase() == login || u.email.to_lowercase() == login)
        })
    }
}

pub struct RateWindow {
    pub start: u64,
    pub count: u32,
}

pub struct User {
    pub username: String,
    pub email: String,
    pub email_verified: bool,
    pub name: String,
    pub password: String,
    pub connection: String,
    /// Refreshing this user's tokens answers `mfa_required`.
    pub mfa_on_refresh: bool,
    /// The part after `auth0|`.
    pub user_id: String,
    pub authenticators: Vec<Authenticator>,
    pub failed_codes: FailureBucket,
    pub app_metadata: Map<String, Value>,
    pub created_ms: u64,
    /// Deleted through the Management API: a tombstone (indexes into `users` stay
    /// valid) that no lookup finds, whose slot a new user may take.
    pub deleted: bool,
    /// Wrong passwords per address, for brute-force protection (see `management::blocks`).
    pub login_failures: Vec<LoginFailures>,
    /// Set through the Management API (`PATCH /users/{id}`).
    pub user_metadata: Map<String, Value>,
    /// `blocked: true` through the Management API: the password grant refuses the user.
    pub blocked: bool,
    /// The last change through the Management API (0: never changed).
    pub updated_ms: u64,
}

impl User {
    fn from_config(cfg: &super::tenant::UserConfig, voice: bool, created_ms: u64) -> User {
        let mut authenticators = Vec::new();
        for (i, a) in cfg.authenticators.iter().enumerate() {
            let suffix =
                a.id.clone()
                    .unwrap_or_else(|| tokens::stable_dev_suffix(&format!("{}#{i}", cfg.username)));
            let primary = Authenticator {
                kind: a.kind,
                suffix: suffix.clone(),
                secret: a.secret.clone(),
                phone: a.phone.clone(),
                email: match a.kind {
                    AuthenticatorKind::Email => {
                        Some(a.email.clone().unwrap_or(cfg.email().to_string()))
                    }
                    _ => None,
                },
                recovery_code: a.recovery_code.clone(),
                active: a.active,
                push_rule: a.push_rule,
                name: a.name.clone(),
                secondary: false,
                enrolled_by: None,
                last_otp_step: None,
                verified_email: a.kind == AuthenticatorKind::Email
                    && a.email.as_deref().is_none_or(|e| e == cfg.email()),
                backup_only: false,
                created_ms,
            };
            let linked = linked_entry(&primary, voice);
            authenticators.push(primary);
            authenticators.extend(linked);
        }
        let email_verified = cfg.email_verified();
        if email_verified && !cfg.has_own_email_authenticator() {
            authenticators.push(verified_email_entry(&cfg.username, cfg.email(), created_ms));
        }
        User {
            username: cfg.username.clone(),
            email: cfg.email().to_string(),
            email_verified,
            name: cfg.name.clone().unwrap_or_else(|| cfg.email().to_string()),
            password: cfg.password.clone(),
            connection: cfg.connection.clone(),
            mfa_on_refresh: cfg.mfa_on_refresh,
            user_id: tokens::stable_user_id(&cfg.username),
            authenticators,
            failed_codes: FailureBucket::default(),
            app_metadata: cfg.app_metadata.clone().unwrap_or_default(),
            created_ms,
            deleted: false,
            login_failures: Vec::new(),
            user_metadata: Map::new(),
            blocked: false,
            updated_ms: 0,
        }
    }

    /// Any confirmed factor that can answer a challenge on its own (a recovery code or
    /// the verified email alone does not count).
    pub fn has_active_factor(&self) -> bool {
        self.authenticators
            .iter()
            .any(|a| a.active && a.kind != AuthenticatorKind::RecoveryCode && !a.backup_only)
    }

    /// Nothing was ever enrolled (or everything enrolled has been deleted): the next
    /// associate is the user's first, the one that comes with a recovery code.
    pub fn never_enrolled(&self) -> bool {
        self.authenticators.iter().all(|a| a.backup_only)
    }

    pub fn authenticator_by_id(&self, id: &str) -> Option<usize> {
        self.authenticators.iter().position(|a| a.id() == id)
    }

    /// `mfa_requirements` of `mfa_required`: the factor types the user can be challenged
    /// with, or, when enrolled with none, those the tenant offers for enrollment.
    /// Factors the tenant has disabled are left out.
    pub fn mfa_requirements(&self, mgmt: &MgmtState) -> Value {
        if !self.has_active_factor() {
            let offered = [
                ("otp", AuthenticatorKind::Otp),
                ("push-notification", AuthenticatorKind::Push),
                ("phone", AuthenticatorKind::Sms),
                ("email", AuthenticatorKind::Email),
            ];
            let enroll: Vec<Value> = offered
                .iter()
                .filter(|(_, kind)| {
                    mgmt.kind_enabled(*kind, false)
                        || (*kind == AuthenticatorKind::Sms
                            && mgmt.kind_enabled(AuthenticatorKind::Voice, false))
                })
                .map(|(t, _)| json!({"type": t}))
                .collect();
            return json!({ "enroll": enroll });
        }
        let mut types: Vec<&str> = Vec::new();
        for a in self
            .authenticators
            .iter()
            .filter(|a| a.active && !a.secondary && mgmt.kind_enabled(a.kind, false))
        {
            let t = match a.kind {
                AuthenticatorKind::Otp => "otp",
                AuthenticatorKind::Push => "push-notification",
                AuthenticatorKind::Sms | AuthenticatorKind::Voice => "phone",
                AuthenticatorKind::Email => "email",
                AuthenticatorKind::RecoveryCode => "recovery-code",
            };
            if !types.contains(&t) {
                types.push(t);
            }
        }
        json!({"challenge": types.iter().map(|t| json!({"type": t})).collect::<Vec<_>>()})
    }
}

/// The email authenticator Auth0 lists for a verified email nobody enrolled: a backup
/// factor, at the end of the list as recorded.
pub fn verified_email_entry(username: &str, email: &str, created_ms: u64) -> Authenticator {
    Authenticator {
        kind: AuthenticatorKind::Email,
        suffix: tokens::stable_dev_suffix(&format!("{username}#verified-email")),
        secret: None,
        phone: None,
        email: Some(email.to_string()),
        recovery_code: None,
        active: true,
        push_rule: PushRule::Manual,
        name: None,
        secondary: false,
        enrolled_by: None,
        last_otp_step: None,
        verified_email: true,
        backup_only: true,
        created_ms,
    }
}

/// The entry Auth0 lists beside a push (`totp|`, the Guardian app's codes) or, when the
/// tenant's phone factor also calls (`voice`), beside a phone factor (`voice|` beside
/// `sms|` and the other way round), sharing its `dev_` suffix.
pub fn linked_entry(primary: &Authenticator, voice: bool) -> Option<Authenticator> {
    let kind = match primary.kind {
        AuthenticatorKind::Push => AuthenticatorKind::Otp,
        AuthenticatorKind::Sms if voice => AuthenticatorKind::Voice,
        AuthenticatorKind::Voice if voice => AuthenticatorKind::Sms,
        _ => return None,
    };
    Some(Authenticator {
        kind,
        // Without a configured secret the Guardian app's codes are unknowable, as with a
        // real phone: listed, but no code matches.
        secret: match kind {
            AuthenticatorKind::Otp => {
                Some(primary.secret.clone().unwrap_or_else(tokens::totp_secret))
            }
            _ => None,
        },
        secondary: true,
        push_rule: PushRule::Manual,
        name: None,
        last_otp_step: None,
        ..primary.clone()
    })
}

#[derive(Debug, Clone)]
pub struct Authenticator {
    pub kind: AuthenticatorKind,
    /// `dev_` + 16 alphanumerics; linked entries share it.
    pub suffix: String,
    pub secret: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub recovery_code: Option<String>,
    pub active: bool,
    pub push_rule: PushRule,
    pub name: Option<String>,
    /// The linked half of a pair: listed and usable, but never picked by default.
    pub secondary: bool,
    /// For an unconfirmed enrollment: the mfa_token (or access token) that created it.
    pub enrolled_by: Option<String>,
    pub last_otp_step: Option<u64>,
    /// The user's verified primary email, as the tenant declares it: Auth0
    /// lists it and refuses to delete it. Enrolled email factors are deletable.
    pub verified_email: bool,
    /// Listed only because the email is verified: it can answer a challenge once the
    /// user has another factor, but does not make the user enrolled.
    pub backup_only: bool,
    /// When it was enrolled or created (the Management API's `created_at`).
    pub created_ms: u64,
}

impl Authenticator {
    pub fn id(&self) -> String {
        format!("{}|{}", self.kind.id_prefix(), self.suffix)
    }

    /// One element of `GET /mfa/authenticators`, in the recorded shape.
    pub fn list_entry(&self) -> Value {
        let mut v = json!({
            "id": self.id(),
            "authenticator_type": match self.kind {
                AuthenticatorKind::Otp => "otp",
                AuthenticatorKind::RecoveryCode => "recovery-code",
                _ => "oob",
            },
            "active": self.active,
        });
        let channel = match self.kind {
            AuthenticatorKind::Push => Some("auth0"),
            AuthenticatorKind::Sms => Some("sms"),
            AuthenticatorKind::Voice => Some("voice"),
            AuthenticatorKind::Email => Some("email"),
            _ => None,
        };
        if let Some(c) = channel {
            v["oob_channel"] = json!(c);
        }
        let name = match self.kind {
            AuthenticatorKind::Sms | AuthenticatorKind::Voice => {
                self.phone.as_deref().map(mask_phone)
            }
            AuthenticatorKind::Email => self.email.as_deref().map(mask_email),
            _ => self.name.clone(),
        };
        if let Some(n) = name {
            v["name"] = json!(n);
        }
        v
    }
}

/// Every digit but the last four masked: `+15555550100` -> `XXXXXXX0100`, as in the
/// recording (`XXXXXXXXX9167`).
pub fn mask_phone(phone: &str) -> String {
    let digits: Vec<char> = phone.chars().filter(|c| c.is_ascii_digit()).collect();
    let keep = digits.len().saturating_sub(4);
    digits
        .iter()
        .enumerate()
        .map(|(i, c)| if i < keep { 'X' } else { *c })
        .collect()
}

/// `user@example.com` -> `****@exam*******`, as in the recording.
pub fn mask_email(email: &str) -> String {
    let (local, domain) = email.split_once('@').unwrap_or((email, ""));
    let shown: String = domain.chars().take(4).collect();
    format!(
        "{}@{}{}",
        "*".repeat(local.chars().count()),
        shown,
        "*".repeat(domain.chars().count().saturating_sub(4))
    )
}

/// Failed OTP/binding/recovery codes: 10, one back every 6 minutes of emulator time.
#[derive(Debug, Clone, Copy, Default)]
pub struct FailureBucket {
    used: u32,
    /// When the oldest still-counted failure started refilling.
    since_ms: u64,
}

impl FailureBucket {
    fn refill(&mut self, now_ms: u64) {
        if self.used == 0 {
            return;
        }
        let back = ((now_ms.saturating_sub(self.since_ms)) / FAILED_CODE_REFILL_MS) as u32;
        if back >= self.used {
            self.used = 0;
        } else if back > 0 {
            self.used -= back;
            self.since_ms += back as u64 * FAILED_CODE_REFILL_MS;
        }
    }

    pub fn is_empty(&mut self, now_ms: u64) -> bool {
        self.refill(now_ms);
        self.used >= FAILED_CODE_CAPACITY
    }

    pub fn record_failure(&mut self, now_ms: u64) {
        self.refill(now_ms);
        if self.used == 0 {
            self.since_ms = now_ms;
        }
        self.used = (self.used + 1).min(FAILED_CODE_CAPACITY);
    }
}

/// What an mfa_token stands for.
#[derive(Debug, Clone)]
pub struct MfaTx {
    pub user: usize,
    pub client_id: String,
    pub audience: Option<String>,
    pub scope: String,
    pub created_ms: u64,
    /// Set when a refresh answered `mfa_required`: completing MFA finishes that refresh.
    pub refresh_token: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PushStatus {
    Pending,
    Approved,
    Rejected,
}

/// What an oob_code stands for: a challenge, or the confirmation of an OOB enrollment.
#[derive(Debug, Clone)]
pub struct OobTx {
    /// The mfa_token (or access token) the challenge or enrollment was made with.
    pub mfa_token: String,
    pub user: usize,
    /// Suffix and kind of the authenticator answering it.
    pub suffix: String,
    pub channel: AuthenticatorKind,
    pub binding_code: Option<String>,
    pub created_ms: u64,
    pub status: PushStatus,
    pub polls: u32,
    pub last_poll_ms: Option<u64>,
    pub push_rule: PushRule,
}

/// What a token set is issued for, and what a refresh token stands for.
#[derive(Debug, Clone)]
pub struct RefreshGrant {
    pub user: usize,
    pub client_id: String,
    pub audience: Option<String>,
    pub scope: String,
    /// The session: every refresh token rotated from the same login, and the access
    /// tokens issued with them, share it. None until a refresh token is issued.
    pub family: Option<String>,
}

/// A refresh token replaced by rotation, kept to recognise its reuse.
#[derive(Debug, Clone)]
pub struct RotatedToken {
    pub grant: RefreshGrant,
    pub rotated_ms: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_match_the_recording() {
        assert_eq!(mask_phone("+9112345679167"), "XXXXXXXXX9167");
        assert_eq!(mask_phone("+15555550100"), "XXXXXXX0100");
        assert_eq!(mask_email("user@example.com"), "****@exam*******");
    }

    #[test]
    fn failure_bucket_refills() {
        let mut b = FailureBucket::default();
        for i in 0..10 {
            assert!(!b.is_empty(i), "{i}");
            b.record_failure(i);
        }
        assert!(b.is_empty(100));
        assert!(!b.is_empty(FAILED_CODE_REFILL_MS + 10));
        b.record_failure(FAILED_CODE_REFILL_MS + 10);
        assert!(b.is_empty(FAILED_CODE_REFILL_MS + 20));
        assert!(!b.is_empty(100 * FAILED_CODE_REFILL_MS));
    }

    #[test]
    fn demo_users_have_linked_pairs() {
        let origin = Origin::new("http", "http://127.0.0.1:1".into(), None);
        let shared = Shared::new(Tenant::demo(), origin, Console::Off, None);
        let st = shared.lock();
        let sms = &st.users[st.user_index(super::super::demo::SMS_USER).unwrap()];
        let ids: Vec<String> = sms.authenticators.iter().map(|a| a.id()).collect();
        assert_eq!(ids.len(), 2);
        assert!(ids[0].starts_with("sms|dev_") && ids[1].starts_with("voice|dev_"));
        assert_eq!(ids[0][4..], ids[1][6..]);
    }

    #[test]
    fn urls_follow_the_host_unless_a_public_url_is_given() {
        let bound = "http://127.0.0.1:1".to_string();
        let origin = Origin::new("http", bound.clone(), None);
        assert_eq!(
            origin.base_for(Some("auth0.test:8787")),
            "http://auth0.test:8787"
        );
        assert_eq!(origin.base_for(None), bound);
        assert_eq!(origin.base_for(Some("bad host/x")), bound);
        let base = origin.base_for(Some("emulator"));
        assert!(origin.is_mfa_audience("http://emulator/mfa/", &base));
        assert!(origin.is_mfa_audience("https://emulator/mfa/", &base));
        assert!(origin.is_mfa_audience("http://127.0.0.1:1/mfa/", &base));
        assert!(!origin.is_mfa_audience("https://api.example.com/", &base));
        assert!(origin.is_issuer("http://emulator/", &base));
        assert!(!origin.is_issuer("http://emulator", &base));
        let public = Origin::new("https", bound, Some("https://auth0.test".into()));
        assert_eq!(public.base_for(Some("10.0.0.7:8787")), "https://auth0.test");
        assert!(public.is_issuer("https://auth0.test/", "https://auth0.test"));
        assert!(public.is_issuer("http://127.0.0.1:1/", "https://auth0.test"));
    }
}
