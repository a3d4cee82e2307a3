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
