//! The built-in demo tenant (`Tenant::demo`), built from the credentials in
//! `emulator/demo.rs`: its clients, its connection, and a user per factor.

use super::super::demo;
use super::super::keys;
use super::{
    AuthenticatorConfig, AuthenticatorKind, ClientConfig, ConnectionConfig,
    GRANT_CLIENT_CREDENTIALS, GRANT_PASSWORD, GRANT_PASSWORD_REALM, GuardianConfig, PushRule,
    Tenant, TenantSettings, UserConfig, all_grants,
};

impl Tenant {
    /// The built-in demo tenant; see [`demo`] for its credentials.
    pub fn demo() -> Tenant {
        Tenant {
            settings: TenantSettings {
                name: demo::TENANT_NAME.to_string(),
                ..TenantSettings::default()
            },
            clients: clients(),
            guardian: GuardianConfig::default(),
            connections: vec![ConnectionConfig {
                enabled_clients: Some(
                    [
                        demo::CLIENT_ID,
                        demo::PUBLIC_CLIENT_ID,
                        demo::JWT_CLIENT_ID,
                        demo::NO_MFA_CLIENT_ID,
                    ]
                    .map(String::from)
                    .to_vec(),
                ),
                ..ConnectionConfig::database(demo::REALM)
            }],
            actions: Vec::new(),
            users: users(),
        }
    }
}

/// One client of each way to authenticate, one without the MFA grants, and the
/// Management API's machine-to-machine application.
fn clients() -> Vec<ClientConfig> {
    vec![
        ClientConfig {
            client_secret: Some(demo::CLIENT_SECRET.to_string()),
            rotate_refresh_tokens: true,
            ..client(demo::CLIENT_ID, "Demo CLI")
        },
        client(demo::PUBLIC_CLIENT_ID, "Demo native app (public)"),
        ClientConfig {
            public_key: Some(jwt_client_public_key()),
            ..client(demo::JWT_CLIENT_ID, "Demo service (private_key_jwt)")
        },
        ClientConfig {
            client_secret: Some(demo::NO_MFA_CLIENT_SECRET.to_string()),
            grant_types: vec![GRANT_PASSWORD.into(), GRANT_PASSWORD_REALM.into()],
            ..client(demo::NO_MFA_CLIENT_ID, "Demo app without the MFA grant")
        },
        ClientConfig {
            client_secret: Some(demo::MGMT_CLIENT_SECRET.to_string()),
            grant_types: vec![GRANT_CLIENT_CREDENTIALS.into()],
            app_type: Some("non_interactive".to_string()),
            management_scopes: demo::MGMT_SCOPES.map(String::from).to_vec(),
            ..client(demo::MGMT_CLIENT_ID, "Demo Management API (M2M)")
        },
    ]
}

/// A user per factor, one with them all, more with TOTP (a secret each), and users
/// with none to enroll.
fn users() -> Vec<UserConfig> {
    vec![
        user(demo::OTP_USER, vec![otp(demo::OTP_SECRET)]),
        user(demo::PUSH_USER, vec![push(PushRule::ApproveAfter(2))]),
        user(demo::SMS_USER, vec![sms(demo::SMS_PHONE)]),
        user(demo::EMAIL_USER, vec![auth(AuthenticatorKind::Email)]),
        user(
            demo::MULTI_USER,
            vec![
                otp(demo::OTP_SECRET),
                push(PushRule::Manual),
                sms(demo::MULTI_PHONE),
                auth(AuthenticatorKind::Email),
                recovery(demo::MULTI_RECOVERY_CODE),
            ],
        ),
        user(
            demo::RECOVERY_USER,
            vec![
                otp(demo::RECOVERY_USER_LOST_OTP_SECRET),
                recovery(demo::RECOVERY_CODE),
            ],
        ),
        user(demo::PUSH_REJECT_USER, vec![push(PushRule::Reject)]),
        user(demo::NEW_USER, vec![]),
    ]
    .into_iter()
    .chain(demo::MORE_OTP_USERS.map(|otp_user| user(otp_user.username, vec![otp(otp_user.secret)])))
    .chain(demo::MORE_NEW_USERS.map(|name| user(name, vec![])))
    .collect()
}

fn client(client_id: &str, name: &str) -> ClientConfig {
    ClientConfig {
        client_id: client_id.to_string(),
        client_secret: None,
        public_key: None,
        name: Some(name.to_string()),
        grant_types: all_grants(),
        app_type: None,
        management_scopes: Vec::new(),
        rotate_refresh_tokens: false,
        refresh_token_leeway_seconds: 0,
        mfa_on_refresh: false,
    }
}

fn user(username: &str, authenticators: Vec<AuthenticatorConfig>) -> UserConfig {
    UserConfig {
        username: username.to_string(),
        password: demo::PASSWORD.to_string(),
        email: None,
        name: None,
        connection: demo::REALM.to_string(),
        email_verified: None,
        mfa_on_refresh: false,
        authenticators,
        app_metadata: None,
    }
}

fn auth(kind: AuthenticatorKind) -> AuthenticatorConfig {
    AuthenticatorConfig {
        kind,
        id: None,
        secret: None,
        phone: None,
        email: None,
        recovery_code: None,
        active: true,
        push_rule: PushRule::Manual,
        name: None,
    }
}

fn otp(secret: &str) -> AuthenticatorConfig {
    AuthenticatorConfig {
        secret: Some(secret.to_string()),
        ..auth(AuthenticatorKind::Otp)
    }
}

fn push(rule: PushRule) -> AuthenticatorConfig {
    AuthenticatorConfig {
        push_rule: rule,
        ..auth(AuthenticatorKind::Push)
    }
}

fn sms(phone: &str) -> AuthenticatorConfig {
    AuthenticatorConfig {
        phone: Some(phone.to_string()),
        ..auth(AuthenticatorKind::Sms)
    }
}

fn recovery(code: &str) -> AuthenticatorConfig {
    AuthenticatorConfig {
        recovery_code: Some(code.to_string()),
        ..auth(AuthenticatorKind::RecoveryCode)
    }
}

/// The SPKI PEM of the demo private_key_jwt client's key.
/// Derived once per process: tests build many demo tenants.
fn jwt_client_public_key() -> String {
    static PEM: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    PEM.get_or_init(|| {
        keys::parse_private_key(demo::JWT_CLIENT_PRIVATE_KEY_PEM)
            .map(|pair| keys::public_key_of(&pair).to_spki_pem())
            .unwrap_or_default()
    })
    .clone()
}
