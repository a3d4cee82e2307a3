//! The emulated tenant's configuration: clients, users and their authenticators, and
//! the settings that tune the emulator, read from TOML or built in (`Tenant::demo`).
//!
//! The schema, as a complete example (every key but the ones marked "required" may be
//! left out):
//!
#![doc = concat!("```toml\n", include_str!("example-tenant.toml"), "```")]

mod built_in;
mod check;
pub mod management;

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use anyhow::Context;
use serde::{Deserialize, Serialize};

pub use management::{ActionConfig, ConnectionConfig, GuardianConfig};

/// The default database connection, which is also the `realm` of the password-realm grant.
pub const DEFAULT_CONNECTION: &str = "Username-Password-Authentication";

pub const GRANT_PASSWORD: &str = "password";
pub const GRANT_PASSWORD_REALM: &str = "http://auth0.com/oauth/grant-type/password-realm";
pub const GRANT_REFRESH_TOKEN: &str = "refresh_token";
pub const GRANT_MFA_OTP: &str = "http://auth0.com/oauth/grant-type/mfa-otp";
pub const GRANT_MFA_OOB: &str = "http://auth0.com/oauth/grant-type/mfa-oob";
pub const GRANT_MFA_RECOVERY_CODE: &str = "http://auth0.com/oauth/grant-type/mfa-recovery-code";
pub const GRANT_CLIENT_CREDENTIALS: &str = "client_credentials";

/// Grant types a client may list besides [`ALL_GRANTS`]: `client_credentials` (served,
/// for the Management API) and those of browser flows the emulator does not serve but a
/// client's `grant_types` may hold, as a new Auth0 application's do.
pub const OTHER_GRANTS: [&str; 4] = [
    GRANT_CLIENT_CREDENTIALS,
    "authorization_code",
    "implicit",
    "urn:ietf:params:oauth:grant-type:device_code",
];

/// Every grant the emulator implements, in the order the discovery document lists them.
pub const ALL_GRANTS: [&str; 6] = [
    GRANT_PASSWORD,
    GRANT_PASSWORD_REALM,
    GRANT_REFRESH_TOKEN,
    GRANT_MFA_OTP,
    GRANT_MFA_OOB,
    GRANT_MFA_RECOVERY_CODE,
];

/// A whole tenant: what `Emulator::start` serves.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Tenant {
    #[serde(default)]
    pub settings: TenantSettings,
    #[serde(default)]
    pub clients: Vec<ClientConfig>,
    #[serde(default)]
    pub users: Vec<UserConfig>,
    /// What the Management API reads and changes: MFA factors, policy, providers.
    #[serde(default)]
    pub guardian: GuardianConfig,
    /// The tenant's connections; none declared: one database connection per name the
    /// users use (and `Username-Password-Authentication`), enabled for every client.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub connections: Vec<ConnectionConfig>,
    /// Post-login Actions, bound in this order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<ActionConfig>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct TenantSettings {
    /// The tenant's friendly name, the issuer in `otpauth://` URIs.
    pub name: String,
    /// mfa-oob polls of one transaction closer together than this answer `slow_down`.
    pub min_poll_interval_ms: u64,
    /// When set, OOB challenge responses carry `"interval": N` (Auth0 sends none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub advertise_poll_interval: Option<u64>,
    /// The emulator's clock starts this many seconds away from real time (negative: behind).
    pub clock_skew_seconds: i64,
    /// Requests per client per window before 429 `too_many_requests`.
    pub rate_limit: u32,
    pub rate_limit_window_seconds: u64,
    /// When false, users with no active factor get tokens without MFA.
    pub mfa_required: bool,
    /// The phone factor sends codes by SMS and by voice call (Auth0's "SMS and voice"):
    /// every phone authenticator is listed as an `sms|` and a `voice|` entry. False: SMS
    /// only, as on the tenant go-auth0 recorded.
    pub voice: bool,
    /// Print one line per request, and every code sent, to stderr (the CLI turns this on).
    pub log_to_stderr: bool,
    /// The tenant's APIs (audiences) besides its MFA API. Listed, any other audience is
    /// refused as Auth0 refuses it (403 `access_denied` "Service not found: X"); empty,
    /// every audience is taken, so a team need not list its APIs to start.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub apis: Vec<String>,
    /// Seconds an access token for an API (not the MFA API's, 10 minutes as on
    /// Auth0) lives: Auth0's default is 86400; short, to test what outlives a token.
    pub access_token_lifetime_secs: u64,
    /// Management API requests per M2M application per window, then 429 (Auth0's free
    /// tenants: 2 a second; paid ones 16 to 50).
    pub management_rate_limit: u32,
    pub management_rate_limit_window_seconds: u64,
    /// The connection the password grant uses without a realm (tenant settings'
    /// `default_directory`); empty: none, and that grant fails as at Auth0.
    pub default_directory: String,
    /// Whether post-login Actions may choose the factors (tenant settings).
    pub customize_mfa_in_postlogin_action: bool,
}

impl Default for TenantSettings {
    fn default() -> Self {
        TenantSettings {
            name: "Emulated Tenant".to_string(),
            min_poll_interval_ms: 5000,
            access_token_lifetime_secs: 86_400,
            advertise_poll_interval: None,
            clock_skew_seconds: 0,
            rate_limit: 100,
            rate_limit_window_seconds: 60,
            mfa_required: true,
            voice: true,
            log_to_stderr: false,
            apis: Vec::new(),
            management_rate_limit: 50,
            management_rate_limit_window_seconds: 1,
            default_directory: DEFAULT_CONNECTION.to_string(),
            customize_mfa_in_postlogin_action: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ClientConfig {
    pub client_id: String,
    /// None: a public client, which authenticates with its `client_id` alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_secret: Option<String>,
    /// PEM public key (SPKI or PKCS#1) for private_key_jwt client assertions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_key: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Full grant names as Auth0 spells them; `mfa` stands for the three MFA grants.
    #[serde(default = "all_grants", skip_serializing_if = "is_all_grants")]
    pub grant_types: Vec<String>,
    /// Auth0's application type: `native`, `spa`, `regular_web`, `non_interactive`
    /// (machine to machine). Default: `native` for a public client, else `regular_web`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_type: Option<String>,
    /// The Management API scopes granted to this client (its "client grant" for
    /// `BASE/api/v2/`); none: the client-credentials grant for it is refused.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub management_scopes: Vec<String>,
    /// Refresh-token rotation: each refresh answers a new refresh token and retires the
    /// one used; presenting a retired one again revokes every token of its session.
    #[serde(default, skip_serializing_if = "is_false")]
    pub rotate_refresh_tokens: bool,
    /// With rotation, how long a retired refresh token still works (Auth0's "reuse
    /// interval"), for clients that refresh concurrently.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub refresh_token_leeway_seconds: u64,
    /// Refreshing answers `mfa_required` for every user of this client (as an Action
    /// that calls `api.multifactor.enable` on refresh does).
    #[serde(default, skip_serializing_if = "is_false")]
    pub mfa_on_refresh: bool,
}

/// A client's grant types when the file names none: every grant served, as a new
/// Auth0 application has `client_credentials` among its defaults.
fn all_grants() -> Vec<String> {
    ALL_GRANTS
        .iter()
        .chain([GRANT_CLIENT_CREDENTIALS].iter())
        .map(|g| g.to_string())
        .collect()
}

// Defaults are left out of a printed tenant file, which then reads like a hand-written one.
fn is_all_grants(grants: &[String]) -> bool {
    grants == all_grants().as_slice()
}

fn is_false(b: &bool) -> bool {
    !b
}

fn is_true(b: &bool) -> bool {
    *b
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

fn is_manual(rule: &PushRule) -> bool {
    *rule == PushRule::Manual
}

fn is_default_connection(connection: &str) -> bool {
    connection == DEFAULT_CONNECTION
}

impl ClientConfig {
    pub fn allows(&self, grant: &str) -> bool {
        grants_allow(&self.grant_types, grant)
    }

    /// `app_type` as the Management API shows it.
    pub fn app_type(&self) -> &str {
        match (&self.app_type, &self.client_secret, &self.public_key) {
            (Some(t), _, _) => t,
            (None, None, None) => "native",
            _ => "regular_web",
        }
    }
}

/// Whether a client's grant types (`mfa` standing for the three MFA grants) allow `grant`.
pub fn grants_allow(grant_types: &[String], grant: &str) -> bool {
    grant_types.iter().any(|g| {
        g == grant
            || (g == "mfa"
                && [GRANT_MFA_OTP, GRANT_MFA_OOB, GRANT_MFA_RECOVERY_CODE].contains(&grant))
    })
}

/// A grant type a client may list (see [`OTHER_GRANTS`]).
pub fn is_known_grant(grant: &str) -> bool {
    grant == "mfa" || ALL_GRANTS.contains(&grant) || OTHER_GRANTS.contains(&grant)
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct UserConfig {
    pub username: String,
    pub password: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(
        default = "default_connection",
        alias = "realm",
        skip_serializing_if = "is_default_connection"
    )]
    pub connection: String,
    /// Whether the user's email is verified (the ID token's `email_verified`). A verified
    /// email is listed as an active `email` authenticator, as Auth0 lists it: usable as a
    /// second factor, not counted as enrolled on its own. Defaults to true when an active
    /// `email` authenticator at the user's own address is declared, else false.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_verified: Option<bool>,
    /// Refreshing this user's tokens answers `mfa_required`, whatever the client.
    #[serde(default, skip_serializing_if = "is_false")]
    pub mfa_on_refresh: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authenticators: Vec<AuthenticatorConfig>,
    /// What the Management API returns as the user's `app_metadata` (a table).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_metadata: Option<serde_json::Map<String, serde_json::Value>>,
}

fn default_connection() -> String {
    DEFAULT_CONNECTION.to_string()
}

impl UserConfig {
    pub fn email(&self) -> &str {
        self.email.as_deref().unwrap_or(&self.username)
    }

    /// An active `email` authenticator at the user's own address is declared.
    pub fn has_own_email_authenticator(&self) -> bool {
        self.authenticators.iter().any(|a| {
            a.kind == AuthenticatorKind::Email
                && a.active
                && a.email.as_deref().is_none_or(|e| e == self.email())
        })
    }

    pub fn email_verified(&self) -> bool {
        self.email_verified
            .unwrap_or_else(|| self.has_own_email_authenticator())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AuthenticatorKind {
    Otp,
    Push,
    Sms,
    Voice,
    Email,
    RecoveryCode,
}

impl AuthenticatorKind {
    /// The prefix of Auth0's authenticator ids (`totp|dev_...`).
    pub fn id_prefix(self) -> &'static str {
        match self {
            AuthenticatorKind::Otp => "totp",
            AuthenticatorKind::Push => "push",
            AuthenticatorKind::Sms => "sms",
            AuthenticatorKind::Voice => "voice",
            AuthenticatorKind::Email => "email",
            AuthenticatorKind::RecoveryCode => "recovery-code",
        }
    }

    pub fn is_oob(self) -> bool {
        matches!(
            self,
            AuthenticatorKind::Push
                | AuthenticatorKind::Sms
                | AuthenticatorKind::Voice
                | AuthenticatorKind::Email
        )
    }
}

impl fmt::Display for AuthenticatorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            AuthenticatorKind::Otp => "otp",
            AuthenticatorKind::Push => "push",
            AuthenticatorKind::Sms => "sms",
            AuthenticatorKind::Voice => "voice",
            AuthenticatorKind::Email => "email",
            AuthenticatorKind::RecoveryCode => "recovery-code",
        })
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AuthenticatorConfig {
    #[serde(rename = "type")]
    pub kind: AuthenticatorKind,
    /// The `dev_` + 16 alphanumerics part of the id; derived from the username when absent,
    /// so ids are stable across runs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recovery_code: Option<String>,
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub active: bool,
    #[serde(default, skip_serializing_if = "is_manual")]
    pub push_rule: PushRule,
    /// A device name shown in the authenticator list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

fn yes() -> bool {
    true
}

/// What the emulated Guardian app does with a push.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(try_from = "String", into = "String")]
pub enum PushRule {
    /// Pending until approved or rejected through the control API.
    #[default]
    Manual,
    /// Approved on the N-th poll of the mfa-oob grant.
    ApproveAfter(u32),
    /// Rejected on the first poll.
    Reject,
}

impl FromStr for PushRule {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "manual" => Ok(PushRule::Manual),
            "reject" => Ok(PushRule::Reject),
            _ => match s.strip_prefix("approve_after:").map(str::parse::<u32>) {
                Some(Ok(n)) if n >= 1 => Ok(PushRule::ApproveAfter(n)),
                _ => Err(format!(
                    "invalid push_rule {s:?}: expected \"manual\", \"reject\" or \"approve_after:N\" with N >= 1"
                )),
            },
        }
    }
}

impl fmt::Display for PushRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PushRule::Manual => f.write_str("manual"),
            PushRule::Reject => f.write_str("reject"),
            PushRule::ApproveAfter(n) => write!(f, "approve_after:{n}"),
        }
    }
}

impl From<PushRule> for String {
    fn from(rule: PushRule) -> String {
        rule.to_string()
    }
}

impl TryFrom<String> for PushRule {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
    }
}

/// Where and what, never the text: toml's own message quotes the offending line, and
/// serde's the offending value, either of which may be a password or a client secret.
fn parse_error(text: &str, error: &toml::de::Error) -> anyhow::Error {
    let message = without_value(error.message());
    match error.span() {
        Some(span) => {
            let before = &text[..span.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
            anyhow::anyhow!("invalid tenant file: line {line}, column {column}: {message}")
        }
        None => anyhow::anyhow!("invalid tenant file: {message}"),
    }
}

/// serde's `invalid type: string "hunter2", expected u32` without `"hunter2"`.
fn without_value(message: &str) -> String {
    let message = message.trim();
    for prefix in ["invalid type: ", "invalid value: ", "invalid length "] {
        let Some(rest) = message.strip_prefix(prefix) else {
            continue;
        };
        let (unexpected, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let kind = unexpected.split(['`', '"']).next().unwrap_or("").trim_end();
        let expected = if expected.is_empty() {
            String::new()
        } else {
            format!(", expected {expected}")
        };
        return format!("{prefix}{kind}{expected}");
    }
    message.to_owned()
}

impl Tenant {
    /// Parses and checks a tenant file's text.
    pub fn from_toml(text: &str) -> anyhow::Result<Tenant> {
        let tenant: Tenant = toml::from_str(text).map_err(|e| parse_error(text, &e))?;
        tenant.validate()?;
        Ok(tenant)
    }

    /// The tenant as a tenant file that [`Tenant::from_toml`] reads back: what
    /// `emulator --print-tenant` writes, for a team to start its own from.
    pub fn to_toml(&self) -> anyhow::Result<String> {
        let body = toml::to_string_pretty(self).context("cannot write the tenant as TOML")?;
        Ok(format!(
            "# A tenant for `auth0-mfa emulator --tenant FILE`; every key is described in\n\
             # src/emulator/example-tenant.toml and the README (\"The emulator\").\n\n{body}"
        ))
    }

    /// Reads a tenant file.
    pub fn load(path: impl AsRef<Path>) -> anyhow::Result<Tenant> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read tenant file {}", path.display()))?;
        Tenant::from_toml(&text).with_context(|| format!("in tenant file {}", path.display()))
    }

    /// The connections the tenant has: those declared, else one database connection
    /// per name its users use, `Username-Password-Authentication` first.
    pub fn connections_in_effect(&self) -> Vec<ConnectionConfig> {
        if !self.connections.is_empty() {
            return self.connections.clone();
        }
        let mut names = vec![DEFAULT_CONNECTION.to_string()];
        for u in &self.users {
            if !names.contains(&u.connection) {
                names.push(u.connection.clone());
            }
        }
        names
            .iter()
            .map(|n| ConnectionConfig::database(n))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_errors_say_where_but_never_quote_the_file() {
        let syntax = "[[clients]]\nclient_id = \"a\"\nclient_secret = \"s3cr3t-value\" junk\n";
        let e = format!("{:#}", Tenant::from_toml(syntax).unwrap_err());
        assert!(e.contains("line 3, column "), "{e}");
        assert!(!e.contains("s3cr3t"), "{e}");
        let typed =
            "[[clients]]\nclient_id = \"a\"\n[[users]]\nusername = \"u\"\npassword = 987654321\n";
        let e = format!("{:#}", Tenant::from_toml(typed).unwrap_err());
        assert!(e.contains("line 5, column "), "{e}");
        assert!(e.contains("invalid type: integer, expected"), "{e}");
        assert!(!e.contains("987654321"), "{e}");
    }

    #[test]
    fn example_file_parses() {
        let t = Tenant::from_toml(include_str!("example-tenant.toml")).unwrap();
        assert_eq!(t.settings.name, "My Test Tenant");
        assert_eq!(t.clients.len(), 3);
        assert_eq!(t.clients[2].app_type(), "non_interactive");
        assert_eq!(t.guardian.twilio.from.as_deref(), Some("+15555550123"));
        assert_eq!(
            t.connections[0].enabled_clients.as_ref().map(Vec::len),
            Some(2)
        );
        assert_eq!(t.actions.len(), 1);
        assert_eq!(t.users[0].app_metadata.as_ref().unwrap()["team"], "qa");
        assert!(t.clients[1].client_secret.is_none());
        assert!(t.clients[0].allows(GRANT_MFA_OOB));
        assert!(t.clients[0].rotate_refresh_tokens && !t.clients[1].rotate_refresh_tokens);
        assert!(!t.clients[1].allows(GRANT_MFA_OTP));
        let alice = &t.users[0];
        assert_eq!(alice.authenticators.len(), 5);
        assert_eq!(alice.authenticators[1].push_rule, PushRule::ApproveAfter(2));
        assert_eq!(t.users[1].email(), "bob@example.com");
        assert!(alice.email_verified() && t.users[1].email_verified());
        assert_eq!(t.users[1].connection, DEFAULT_CONNECTION);
    }

    #[test]
    fn demo_tenant_is_valid() {
        Tenant::demo().validate().unwrap();
    }

    #[test]
    fn tenants_round_trip_through_their_file() {
        let demo = Tenant::demo();
        let text = demo.to_toml().unwrap();
        assert_eq!(Tenant::from_toml(&text).unwrap(), demo, "{text}");
        assert!(text.contains("push_rule = \"approve_after:2\""), "{text}");
        for section in ["[guardian]", "[[connections]]", "management_scopes = ["] {
            assert!(text.contains(section), "{section} missing: {text}");
        }
        assert!(text.contains("-----BEGIN PUBLIC KEY-----"), "{text}");
        assert!(
            !text.contains("active = true"),
            "defaults are left out: {text}"
        );
        let example = Tenant::from_toml(include_str!("example-tenant.toml")).unwrap();
        assert_eq!(
            Tenant::from_toml(&example.to_toml().unwrap()).unwrap(),
            example
        );
    }

    #[test]
    fn defaults_apply() {
        let t = Tenant::from_toml(
            "[[clients]]\nclient_id = \"c\"\n[[users]]\nusername = \"u\"\npassword = \"p\"\n",
        )
        .unwrap();
        assert_eq!(t.settings.min_poll_interval_ms, 5000);
        assert!(t.settings.mfa_required);
        assert_eq!(t.clients[0].grant_types.len(), ALL_GRANTS.len() + 1);
        assert!(t.clients[0].allows(GRANT_CLIENT_CREDENTIALS));
    }

    fn err(text: &str) -> String {
        format!("{:#}", Tenant::from_toml(text).unwrap_err())
    }

    #[test]
    fn bad_files_explain_themselves() {
        assert!(err("[[users]]\nusername=\"u\"\npassword=\"p\"\n").contains("no [[clients]]"));
        assert!(err("[[clients]]\nclient_id=\"c\"\nbogus=1\n").contains("bogus"));
        assert!(
            err("[[clients]]\nclient_id=\"c\"\ngrant_types=[\"hybrid\"]\n")
                .contains("unknown grant type")
        );
        let user = "[[clients]]\nclient_id=\"c\"\n[[users]]\nusername=\"u\"\npassword=\"p\"\n";
        assert!(
            err(&format!(
                "{user}[[users.authenticators]]\ntype=\"otp\"\nsecret=\"not base32!\"\n"
            ))
            .contains("base32")
        );
        assert!(err(&format!("{user}[[users.authenticators]]\ntype=\"sms\"\n")).contains("E.164"));
        assert!(
            err(&format!(
                "{user}[[users.authenticators]]\ntype=\"push\"\npush_rule=\"approve_after:0\"\n"
            ))
            .contains("push_rule")
        );
        assert!(
            err(&format!(
                "{user}[[users.authenticators]]\ntype=\"fingerprint\"\n"
            ))
            .contains("fingerprint")
        );
        assert!(err(&format!("{user}email_verified = true\n")).contains("email address"));
        assert!(
            err("[[clients]]\nclient_id=\"c\"\npublic_key=\"nope\"\n")
                .contains("not an RSA public key")
        );
    }
}
