//! The Management API's shapes, parsed leniently: optional fields may be
//! missing or null, and the documented variants (a page object with or
//! without `total`, or a bare array) are all accepted. Serialized back under
//! Auth0's own names for `--json`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A user, as `GET /users/{id}`, `GET /users-by-email` and `POST /users` answer.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct User {
    pub user_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// Absent unless something was stored there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_metadata: Option<Map<String, Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identities: Option<Vec<Value>>,
}

impl User {
    /// The connection of the user's first identity (`identities[0].connection`).
    pub fn connection(&self) -> Option<&str> {
        self.identities
            .as_ref()?
            .first()?
            .get("connection")?
            .as_str()
    }
}

/// One authentication method of a user. `confirmed` is missing from the
/// answer to a create (methods created through the API are confirmed).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AuthenticationMethod {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirmed: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// Masked phone numbers and emails, `enrolled_at`, `link_id`, ...
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl AuthenticationMethod {
    /// Pending until confirmed; Auth0 leaves `confirmed` out where it is.
    pub fn is_pending(&self) -> bool {
        self.confirmed == Some(false)
    }
}

/// A page of `GET /users/{id}/authentication-methods`: with `include_totals`
/// an object (`total` missing when there are none), without it a bare array.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(crate) enum MethodsPage {
    Paged {
        authenticators: Vec<AuthenticationMethod>,
        #[serde(default)]
        total: Option<u64>,
    },
    Bare(Vec<AuthenticationMethod>),
}

impl MethodsPage {
    pub(crate) fn into_parts(self) -> (Vec<AuthenticationMethod>, Option<u64>) {
        match self {
            MethodsPage::Paged {
                authenticators,
                total,
            } => (authenticators, total),
            MethodsPage::Bare(list) => (list, None),
        }
    }
}

/// A page of `GET /users?q=...`: a bare array, or with `include_totals` an object.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(crate) enum UsersPage {
    Paged { users: Vec<User> },
    Bare(Vec<User>),
}

impl UsersPage {
    pub(crate) fn into_users(self) -> Vec<User> {
        match self {
            UsersPage::Paged { users } | UsersPage::Bare(users) => users,
        }
    }
}

/// One brute-force block: `ip` may be missing.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Block {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection: Option<String>,
}

/// `GET /user-blocks/{id}` and `GET /user-blocks?identifier=`. `blocked_for`
/// is always there (`[]` for none): a body without it is not this answer.
#[derive(Debug, Deserialize)]
pub(crate) struct Blocks {
    pub blocked_for: Vec<Block>,
}

/// What `POST /users` is sent for a database user.
#[derive(Debug, Clone)]
pub struct NewUser {
    pub connection: String,
    pub email: String,
    pub password: crate::secret::Secret,
    pub app_metadata: Map<String, Value>,
}

/// One of `GET /guardian/factors`' eight entries.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FactorState {
    pub name: String,
    #[serde(default)]
    pub enabled: bool,
}

/// `{"message_types": [...]}` of the phone factor.
#[derive(Debug, Deserialize)]
pub(crate) struct MessageTypes {
    #[serde(default)]
    pub message_types: Option<Vec<String>>,
}

/// `{"provider": ...}` of a factor's `selected-provider`.
#[derive(Debug, Deserialize)]
pub(crate) struct Provider {
    #[serde(default)]
    pub provider: Option<String>,
}

/// The Twilio settings of the phone factor, `null` where unset. The auth
/// token is a secret: only whether it is set is kept.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Twilio {
    #[serde(default)]
    pub sid: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub auth_token: bool,
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub messaging_service_sid: Option<String>,
}

/// The Amazon SNS settings of the push factor (the secret key is never returned).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Sns {
    #[serde(default)]
    pub aws_access_key_id: Option<String>,
    #[serde(default)]
    pub aws_region: Option<String>,
    #[serde(default)]
    pub sns_apns_platform_application_arn: Option<String>,
    #[serde(default)]
    pub sns_gcm_platform_application_arn: Option<String>,
}

/// A secret field: true when it holds a non-empty string, the value dropped.
fn present<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    let value = Option::<Value>::deserialize(deserializer)?;
    Ok(matches!(value, Some(Value::String(s)) if !s.is_empty()))
}

/// `GET /emails/provider` (`name`: `mailgun`, `sendgrid`, `smtp`, ...).
#[derive(Debug, Clone, Deserialize)]
pub struct EmailProvider {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub enabled: Option<bool>,
}

/// An application as `GET /clients/{id}` shows it, the fields the doctor reads.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Application {
    pub client_id: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub app_type: Option<String>,
    #[serde(default)]
    pub grant_types: Option<Vec<String>>,
    /// `none`, `client_secret_post`, `client_secret_basic`; absent under
    /// private_key_jwt, which `client_authentication_methods` holds.
    #[serde(default)]
    pub token_endpoint_auth_method: Option<String>,
    #[serde(default)]
    pub client_authentication_methods: Option<Map<String, Value>>,
}

impl Application {
    /// The token endpoint authentication Auth0 expects of it.
    pub fn auth_method(&self) -> &str {
        let jwt = self
            .client_authentication_methods
            .as_ref()
            .is_some_and(|m| m.contains_key("private_key_jwt"));
        if jwt {
            return "private_key_jwt";
        }
        self.token_endpoint_auth_method
            .as_deref()
            .unwrap_or("client_secret_post")
    }
}

/// `GET /tenants/settings`: an empty or absent `default_directory` is none.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct TenantSettings {
    #[serde(default)]
    pub default_directory: Option<String>,
    #[serde(default)]
    pub customize_mfa_in_postlogin_action: Option<bool>,
}

/// A connection (`id`, `name`, `strategy`).
#[derive(Debug, Clone, Deserialize)]
pub struct Connection {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub strategy: Option<String>,
}

/// A list of connections: a bare array, a page with `total`, or a
/// checkpoint page with `next`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(crate) enum ConnectionsPage {
    Paged {
        connections: Vec<Connection>,
        #[serde(default)]
        next: Option<String>,
    },
    Bare(Vec<Connection>),
}

impl ConnectionsPage {
    pub(crate) fn into_parts(self) -> (Vec<Connection>, Option<String>) {
        match self {
            ConnectionsPage::Paged { connections, next } => (connections, next),
            ConnectionsPage::Bare(list) => (list, None),
        }
    }
}

/// `{"bindings": [...]}` of a trigger.
#[derive(Debug, Deserialize)]
pub(crate) struct Bindings {
    #[serde(default)]
    pub bindings: Vec<Binding>,
}

/// One Action bound to a trigger, with its deployed code.
#[derive(Debug, Clone, Deserialize)]
pub struct Binding {
    #[serde(default)]
    pub display_name: Option<String>,
    #[serde(default)]
    pub action: Option<BoundAction>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct BoundAction {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub deployed_version: Option<ActionVersion>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ActionVersion {
    #[serde(default)]
    pub code: Option<String>,
}

impl Binding {
    /// The name a person gave it.
    pub fn name(&self) -> &str {
        self.display_name
            .as_deref()
            .or_else(|| self.action.as_ref()?.name.as_deref())
            .unwrap_or("(unnamed)")
    }

    /// Its deployed code, empty when none is deployed.
    pub fn code(&self) -> &str {
        self.action
            .as_ref()
            .and_then(|a| a.deployed_version.as_ref())
            .and_then(|v| v.code.as_deref())
            .unwrap_or("")
    }
}
