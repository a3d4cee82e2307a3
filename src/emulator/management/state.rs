//! What the Management API changes, kept in the tenant's one state so that the
//! Authentication API routes see it: factors and their providers, the MFA policy, each
//! client's grant types, the connections, the post-login Actions.

use std::collections::HashMap;

use super::super::tenant::management::{
    ActionConfig, ApnsConfig, ConnectionConfig, FACTORS, SnsConfig, TwilioConfig,
};
use super::super::tenant::{AuthenticatorKind, Tenant, grants_allow};
use super::super::tokens;

/// Consecutive wrong passwords, from one address, that block a user (Auth0's default).
pub const BRUTE_FORCE_LIMIT: u32 = 10;

/// Wrong passwords for a user from one address (`""` when unknown), kept on the user
/// for brute-force protection (see `blocks.rs`).
#[derive(Debug, Clone)]
pub struct LoginFailures {
    pub ip: String,
    pub count: u32,
}

impl LoginFailures {
    pub fn blocked(&self) -> bool {
        self.count >= BRUTE_FORCE_LIMIT
    }
}

#[derive(Debug, Default)]
pub struct MgmtState {
    /// Each of [`FACTORS`], in order, and whether it is enabled.
    pub factors: Vec<(&'static str, bool)>,
    pub policies: Vec<String>,
    pub phone_message_types: Vec<String>,
    pub phone_provider: String,
    pub twilio: TwilioConfig,
    pub push_provider: String,
    pub sns: SnsConfig,
    pub apns: ApnsConfig,
    /// `""`: none configured.
    pub email_provider: String,
    /// client_id -> grant types, as `PATCH /api/v2/clients/{id}` leaves them.
    pub grant_types: HashMap<String, Vec<String>>,
    pub connections: Vec<Connection>,
    pub actions: Vec<Action>,
}

/// A connection with its id and the clients it is enabled for resolved.
#[derive(Debug, Clone)]
pub struct Connection {
    pub id: String,
    pub config: ConnectionConfig,
    pub enabled_clients: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Action {
    pub id: String,
    pub binding_id: String,
    pub version_id: String,
    pub config: ActionConfig,
}

impl MgmtState {
    pub fn new(tenant: &Tenant) -> MgmtState {
        let g = &tenant.guardian;
        let all_clients: Vec<String> = tenant.clients.iter().map(|c| c.client_id.clone()).collect();
        let connections = tenant
            .connections_in_effect()
            .into_iter()
            .map(|c| Connection {
                id: c.id.clone().unwrap_or_else(|| stable_id("con_", &c.name)),
                enabled_clients: c
                    .enabled_clients
                    .clone()
                    .unwrap_or_else(|| all_clients.clone()),
                config: c,
            })
            .collect();
        let actions = tenant
            .actions
            .iter()
            .map(|a| Action {
                id: uuid_like(&format!("action:{}", a.name)),
                binding_id: uuid_like(&format!("binding:{}", a.name)),
                version_id: uuid_like(&format!("version:{}", a.name)),
                config: a.clone(),
            })
            .collect();
        let voice = tenant.settings.voice;
        MgmtState {
            factors: FACTORS
                .iter()
                .map(|f| (*f, g.factors.iter().any(|e| e == f)))
                .collect(),
            policies: g.policies.clone(),
            phone_message_types: g.phone_message_types.clone().unwrap_or_else(|| {
                let mut types = vec!["sms".to_string()];
                if voice {
                    types.push("voice".to_string());
                }
                types
            }),
            phone_provider: g.phone_provider.clone(),
            twilio: g.twilio.clone(),
            push_provider: g.push_provider.clone(),
            email_provider: g.email_provider.clone(),
            sns: g.sns.clone(),
            apns: g.apns.clone(),
            grant_types: tenant
                .clients
                .iter()
                .map(|c| (c.client_id.clone(), c.grant_types.clone()))
                .collect(),
            connections,
            actions,
        }
    }

    pub fn factor_enabled(&self, name: &str) -> bool {
        self.factors.iter().any(|(f, on)| *f == name && *on)
    }

    /// Whether an authenticator of this kind may be challenged, enrolled or answer now:
    /// its factor is enabled (`sms` for phones, and the phone's message type too; a
    /// push's linked `totp` entry belongs to `push-notification`).
    pub fn kind_enabled(&self, kind: AuthenticatorKind, secondary: bool) -> bool {
        let has_type = |t: &str| self.phone_message_types.iter().any(|m| m == t);
        match kind {
            AuthenticatorKind::Otp if secondary => self.factor_enabled("push-notification"),
            AuthenticatorKind::Otp => self.factor_enabled("otp"),
            AuthenticatorKind::Push => self.factor_enabled("push-notification"),
            AuthenticatorKind::Sms => self.factor_enabled("sms") && has_type("sms"),
            AuthenticatorKind::Voice => self.factor_enabled("sms") && has_type("voice"),
            AuthenticatorKind::Email => self.factor_enabled("email"),
            AuthenticatorKind::RecoveryCode => self.factor_enabled("recovery-code"),
        }
    }

    /// Whether the client's grant types (as changed through the API) allow `grant`.
    pub fn client_allows(&self, client_id: &str, grant: &str) -> bool {
        self.grant_types
            .get(client_id)
            .is_some_and(|grants| grants_allow(grants, grant))
    }

    pub fn connection(&self, name: &str) -> Option<&Connection> {
        self.connections.iter().find(|c| c.config.name == name)
    }

    /// Whether logins must pass MFA: the policy says so for every application, or a
    /// post-login Action asks for it.
    pub fn mfa_policy_applies(&self) -> bool {
        self.policies.iter().any(|p| p == "all-applications")
            || self
                .actions
                .iter()
                .any(|a| action_asks_for_mfa(&a.config.code))
    }
}

/// What in a post-login Action's code makes Auth0 ask for MFA.
pub fn action_asks_for_mfa(code: &str) -> bool {
    [
        "api.multifactor.enable",
        "api.authentication.challengeWith",
        "api.authentication.enrollWith",
    ]
    .iter()
    .any(|call| code.contains(call))
}

/// `PREFIX` + 16 letters and digits derived from `seed`, stable across runs.
pub fn stable_id(prefix: &str, seed: &str) -> String {
    let suffix = tokens::stable_dev_suffix(seed);
    format!("{prefix}{}", &suffix["dev_".len()..])
}

/// A UUID-shaped id (as Actions have) derived from `seed`.
fn uuid_like(seed: &str) -> String {
    let hex = tokens::stable_user_id(seed);
    let more = tokens::stable_user_id(&format!("{seed}#"));
    let h = format!("{hex}{more}");
    format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}
