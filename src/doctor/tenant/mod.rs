//! The tenant's configuration, read through the Management API: every read at
//! once (one round trip, then one more for the user's methods and blocks),
//! then a check per concern, each saying what it read. `factors` judges the
//! factors, their providers, the policy and the post-login Actions;
//! `application` the application's grants, its authentication and its
//! connection; `account` the user. A read that fails fails its own check only.

mod account;
mod application;
mod factors;

use crate::check::Check;
use crate::management::{
    self, Application, AuthenticationMethod, Binding, Block, Connection, EmailProvider,
    FactorState, Sns, TenantSettings, Twilio, User, UserRef,
};

pub use account::method_factor;
pub use application::{missing_grants, short as short_grant};
pub use factors::user_factors_disabled;

type Read<T> = Result<T, management::Error>;

/// Whom the configuration is read for.
pub struct Subject {
    /// The application this tool logs in with.
    pub client_id: String,
    /// `--realm`, else the tenant's default directory.
    pub realm: Option<String>,
    /// `-u`: an email or a user id.
    pub user: Option<UserRef>,
    /// How this tool authenticates the application (`client_secret_post`,
    /// `private_key_jwt`, `none`).
    pub auth_method: &'static str,
}

/// What the Management API answered, read by read.
pub struct Reading {
    pub factors: Read<Vec<FactorState>>,
    pub policies: Read<Vec<String>>,
    pub message_types: Read<Vec<String>>,
    pub phone_provider: Read<String>,
    pub twilio: Read<Twilio>,
    pub push_provider: Read<String>,
    pub sns: Read<Sns>,
    pub email_provider: Read<Option<EmailProvider>>,
    pub application: Read<Application>,
    pub settings: Read<TenantSettings>,
    pub connections: Read<Vec<Connection>>,
    /// The password grant's connection when it is not among the
    /// application's: whether it exists at all.
    pub elsewhere: Option<Read<Option<Connection>>>,
    pub actions: Read<Vec<Binding>>,
    pub user: Option<UserReading>,
}

/// The user of `-u`, its methods and its brute-force blocks.
pub struct UserReading {
    pub asked: String,
    pub user: Read<User>,
    pub methods: Read<Vec<AuthenticationMethod>>,
    pub blocks: Read<Vec<Block>>,
}

impl Reading {
    /// The password grant's connection: `--realm`, else the default
    /// directory; `None` when neither is set (or the settings were unread).
    pub fn realm<'a>(&'a self, subject: &'a Subject) -> Option<&'a str> {
        subject.realm.as_deref().or_else(|| {
            self.settings
                .as_ref()
                .ok()?
                .default_directory
                .as_deref()
                .filter(|d| !d.is_empty())
        })
    }

    /// Whether a factor is enabled; `None` when the factors were not read.
    pub fn factor_enabled(&self, name: &str) -> Option<bool> {
        let factors = self.factors.as_ref().ok()?;
        Some(factors.iter().any(|f| f.name == name && f.enabled))
    }
}

/// Reads the configuration: everything that depends on nothing at once,
/// then what depends on it (the user's methods and blocks, and whether a
/// connection missing from the application's exists).
pub async fn read(mgmt: &management::Client, subject: &Subject) -> Reading {
    let id = subject.client_id.as_str();
    let (
        factors,
        policies,
        message_types,
        phone_provider,
        twilio,
        push_provider,
        sns,
        email_provider,
        application,
        settings,
        connections,
        actions,
        user,
    ) = tokio::join!(
        mgmt.factors(),
        mgmt.policies(),
        mgmt.phone_message_types(),
        mgmt.phone_provider(),
        mgmt.twilio(),
        mgmt.push_provider(),
        mgmt.sns(),
        mgmt.email_provider(),
        mgmt.application(id),
        mgmt.tenant_settings(),
        mgmt.application_connections(id),
        mgmt.post_login_actions(),
        account::read(mgmt, subject.user.as_ref()),
    );
    let mut reading = Reading {
        factors,
        policies,
        message_types,
        phone_provider,
        twilio,
        push_provider,
        sns,
        email_provider,
        application,
        settings,
        connections,
        elsewhere: None,
        actions,
        user,
    };
    reading.elsewhere = application::look_elsewhere(mgmt, &reading, subject).await;
    reading
}

/// Every configuration check, in the order a login meets them.
pub fn checks(reading: &Reading, subject: &Subject) -> Vec<Check> {
    let mut checks = vec![
        application::grants_check(reading),
        application::auth_check(reading, subject),
        application::connection_check(reading, subject),
        factors::factors_check(reading),
        factors::phone_check(reading),
        factors::push_check(reading),
        factors::email_check(reading),
        factors::policy_check(reading),
        factors::actions_check(reading),
    ];
    if let Some(user) = &reading.user {
        checks.extend(account::checks(user, reading, subject));
    }
    checks
}
