//! What serde cannot check of a tenant file: references between sections, formats,
//! uniqueness. Each section's own values check themselves (`management.rs`); this room
//! walks the file and checks what refers across it.

use std::collections::HashSet;

use anyhow::bail;

use super::super::keys;
use super::super::otp;
use super::management::{check_app_metadata, check_client_keys};
use super::{
    ALL_GRANTS, AuthenticatorConfig, AuthenticatorKind, ClientConfig, OTHER_GRANTS, PushRule,
    Tenant, UserConfig, is_known_grant,
};

impl Tenant {
    /// Checks what serde cannot: references, formats, uniqueness.
    pub fn validate(&self) -> anyhow::Result<()> {
        if self.clients.is_empty() {
            bail!("the tenant has no [[clients]]; declare at least one");
        }
        let mut ids = HashSet::new();
        for (i, c) in self.clients.iter().enumerate() {
            if !ids.insert(c.client_id.as_str()) {
                bail!(
                    "clients[{i}] ({}): client_id is declared twice",
                    c.client_id
                );
            }
            check_client(i, c)?;
        }
        let mut names = HashSet::new();
        for (i, u) in self.users.iter().enumerate() {
            if !names.insert(u.username.to_lowercase()) {
                bail!("users[{i}] ({}): username is declared twice", u.username);
            }
            check_user(i, u)?;
        }
        self.check_management_sections()
    }

    /// `[guardian]`, `[[connections]]` (and the users' connections they must name) and
    /// `[[actions]]`.
    fn check_management_sections(&self) -> anyhow::Result<()> {
        self.guardian.check()?;
        let mut names = HashSet::new();
        for (i, c) in self.connections.iter().enumerate() {
            let at = format!("connections[{i}] ({})", c.name);
            if c.name.trim().is_empty() || !names.insert(c.name.as_str()) {
                bail!("{at}: name is empty or declared twice");
            }
            c.check(&at)?;
            for client in c.enabled_clients.iter().flatten() {
                if !self.clients.iter().any(|k| &k.client_id == client) {
                    bail!(
                        "{at}: enabled_clients names {client:?}, which is not a client of the tenant"
                    );
                }
            }
        }
        if !self.connections.is_empty() {
            for (i, u) in self.users.iter().enumerate() {
                if !names.contains(u.connection.as_str()) {
                    bail!(
                        "users[{i}] ({}): connection {:?} is not declared in [[connections]]",
                        u.username,
                        u.connection
                    );
                }
            }
        }
        for (i, a) in self.actions.iter().enumerate() {
            if a.name.trim().is_empty() {
                bail!("actions[{i}]: name is empty");
            }
        }
        Ok(())
    }
}

/// One client on its own: id, key, secret, grant types, Management keys.
fn check_client(i: usize, c: &ClientConfig) -> anyhow::Result<()> {
    let at = format!("clients[{i}] ({})", c.client_id);
    if c.client_id.trim().is_empty() {
        bail!("clients[{i}]: client_id is empty");
    }
    if let Some(pem) = &c.public_key
        && let Err(e) = keys::parse_public_key(pem)
    {
        bail!("{at}: public_key is {e}");
    }
    if c.client_secret.as_deref() == Some("") {
        bail!("{at}: client_secret is empty; leave it out for a public client");
    }
    for g in &c.grant_types {
        if !is_known_grant(g) {
            bail!(
                "{at}: unknown grant type {g:?}; known: mfa, {}, {}",
                ALL_GRANTS.join(", "),
                OTHER_GRANTS.join(", ")
            );
        }
    }
    check_client_keys(&at, c.app_type.as_deref(), &c.management_scopes)
}

/// One user on its own, and its authenticators.
fn check_user(i: usize, u: &UserConfig) -> anyhow::Result<()> {
    let at = format!("users[{i}] ({})", u.username);
    if u.username.trim().is_empty() {
        bail!("users[{i}]: username is empty");
    }
    if u.password.is_empty() {
        bail!("{at}: password is empty");
    }
    if u.email_verified == Some(true) && !u.email().contains('@') {
        bail!("{at}: email_verified needs an email address (set `email`)");
    }
    if let Some(meta) = &u.app_metadata {
        check_app_metadata(meta).map_err(|e| anyhow::anyhow!("{at}: app_metadata {e}"))?;
    }
    let mut suffixes = HashSet::new();
    for (j, a) in u.authenticators.iter().enumerate() {
        let at = format!("{at}, authenticators[{j}] ({})", a.kind);
        if let Some(id) = &a.id
            && !suffixes.insert(id.clone())
        {
            bail!("{at}: id {id:?} is used twice");
        }
        check_authenticator(&at, a)?;
    }
    let recovery = u
        .authenticators
        .iter()
        .filter(|a| a.kind == AuthenticatorKind::RecoveryCode)
        .count();
    if recovery > 1 {
        bail!("{at}: a user has at most one recovery-code authenticator");
    }
    Ok(())
}

/// One authenticator: its id's form and what its kind needs.
fn check_authenticator(at: &str, a: &AuthenticatorConfig) -> anyhow::Result<()> {
    if let Some(id) = &a.id {
        let ok = id.len() == 20
            && id.starts_with("dev_")
            && id[4..].chars().all(|c| c.is_ascii_alphanumeric());
        if !ok {
            bail!("{at}: id {id:?} must be \"dev_\" followed by 16 letters or digits");
        }
    }
    let base32 = |s: &Option<String>| s.as_deref().is_none_or(|s| otp::decode_secret(s).is_some());
    match a.kind {
        AuthenticatorKind::Otp if a.secret.is_none() => {
            bail!("{at}: an otp authenticator needs `secret` (base32)")
        }
        AuthenticatorKind::Otp | AuthenticatorKind::Push if !base32(&a.secret) => {
            bail!("{at}: secret is not valid base32 (A-Z, 2-7)")
        }
        AuthenticatorKind::Sms | AuthenticatorKind::Voice => {
            let phone = a.phone.as_deref().unwrap_or("");
            let digits = phone.strip_prefix('+').unwrap_or("");
            if digits.len() < 6 || !digits.chars().all(|c| c.is_ascii_digit()) {
                bail!("{at}: needs `phone` in E.164 form, e.g. \"+15555550123\" (got {phone:?})");
            }
        }
        AuthenticatorKind::Email => {
            if let Some(e) = &a.email
                && !e.contains('@')
            {
                bail!("{at}: email {e:?} is not an email address");
            }
        }
        AuthenticatorKind::RecoveryCode => {
            let code = a.recovery_code.as_deref().unwrap_or("");
            if code.is_empty() || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
                bail!("{at}: needs `recovery_code` of letters and digits");
            }
        }
        AuthenticatorKind::Otp | AuthenticatorKind::Push => {}
    }
    if a.kind != AuthenticatorKind::Push && a.push_rule != PushRule::Manual {
        bail!("{at}: push_rule applies to push authenticators only");
    }
    Ok(())
}
