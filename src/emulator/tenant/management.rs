//! The words of the tenant file that the Management API serves: the `[guardian]`
//! (factors, policy, phone and push providers), `[[connections]]` and `[[actions]]`
//! sections, the values Auth0 knows for them, and the checks each value makes of
//! itself. `tenant.rs` reads them from the file and checks what refers across
//! sections; `management/` serves and changes them. This room imports neither.

use anyhow::bail;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Auth0's MFA factors, in the order `GET /api/v2/guardian/factors` lists them.
pub const FACTORS: [&str; 8] = [
    "sms",
    "push-notification",
    "otp",
    "email",
    "duo",
    "webauthn-roaming",
    "webauthn-platform",
    "recovery-code",
];

/// The policies `PUT /api/v2/guardian/policies` takes.
pub const POLICIES: [&str; 2] = ["all-applications", "confidence-score"];

/// The application types Auth0 knows.
pub const APP_TYPES: [&str; 5] = [
    "native",
    "spa",
    "regular_web",
    "non_interactive",
    "sso_integration",
];

/// The password policies of a database connection, weakest first.
pub const PASSWORD_POLICIES: [&str; 5] = ["none", "low", "fair", "good", "excellent"];

/// Largest `app_metadata` of a user, as JSON: the emulator keeps every user in memory.
pub const MAX_APP_METADATA_BYTES: usize = 4096;

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct GuardianConfig {
    /// The enabled factors, by Auth0's names ([`FACTORS`]); the others are disabled.
    pub factors: Vec<String>,
    /// `[]`, `["all-applications"]` or `["confidence-score"]`.
    pub policies: Vec<String>,
    /// `sms`, `voice`, both or none; absent: as `settings.voice` says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_message_types: Option<Vec<String>>,
    /// `auth0`, `twilio` or `phone-message-hook`.
    pub phone_provider: String,
    #[serde(skip_serializing_if = "TwilioConfig::is_unset")]
    pub twilio: TwilioConfig,
    /// `guardian`, `sns` or `direct`.
    pub push_provider: String,
    #[serde(skip_serializing_if = "SnsConfig::is_unset")]
    pub sns: SnsConfig,
    #[serde(skip_serializing_if = "ApnsConfig::is_unset")]
    pub apns: ApnsConfig,
    /// The email provider (`GET /api/v2/emails/provider`): `smtp`, `sendgrid`, ...;
    /// `""` for none (the API answers 404), which leaves email codes unsent at Auth0.
    pub email_provider: String,
}

impl Default for GuardianConfig {
    fn default() -> Self {
        GuardianConfig {
            factors: ["sms", "push-notification", "otp", "email", "recovery-code"]
                .map(String::from)
                .to_vec(),
            policies: vec!["all-applications".to_string()],
            phone_message_types: None,
            phone_provider: "auth0".to_string(),
            twilio: TwilioConfig::default(),
            push_provider: "guardian".to_string(),
            sns: SnsConfig::default(),
            apns: ApnsConfig::default(),
            email_provider: "smtp".to_string(),
        }
    }
}

/// Twilio settings of the phone factor; unset fields are `null` in the API.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TwilioConfig {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_token: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub messaging_service_sid: Option<String>,
}

impl TwilioConfig {
    fn is_unset(&self) -> bool {
        *self == TwilioConfig::default()
    }
}

/// Amazon SNS settings of the push factor (`push_provider = "sns"`); the secret key is
/// never returned by the API.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SnsConfig {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aws_access_key_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aws_secret_access_key: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aws_region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sns_apns_platform_application_arn: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sns_gcm_platform_application_arn: Option<String>,
}

impl SnsConfig {
    fn is_unset(&self) -> bool {
        *self == SnsConfig::default()
    }
}

/// Apple push settings of the push factor (`push_provider = "direct"`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ApnsConfig {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bundle_id: Option<String>,
    #[serde(default)]
    pub sandbox: bool,
    #[serde(default)]
    pub enabled: bool,
}

impl ApnsConfig {
    fn is_unset(&self) -> bool {
        *self == ApnsConfig::default()
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ConnectionConfig {
    pub name: String,
    /// `con_` + 16 letters or digits; derived from the name when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `auth0` for a database connection (the only kind users can be created in).
    #[serde(default = "auth0_strategy")]
    pub strategy: String,
    /// The clients it is enabled for; absent: every client of the tenant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled_clients: Option<Vec<String>>,
    /// Ten wrong passwords for a user from one address block it there.
    #[serde(default = "yes")]
    pub brute_force_protection: bool,
    /// What `POST /api/v2/users` asks of a password ([`PASSWORD_POLICIES`]).
    #[serde(default = "good")]
    pub password_policy: String,
}

fn auth0_strategy() -> String {
    "auth0".to_string()
}

fn yes() -> bool {
    true
}

fn good() -> String {
    "good".to_string()
}

impl ConnectionConfig {
    pub fn database(name: &str) -> ConnectionConfig {
        ConnectionConfig {
            name: name.to_string(),
            id: None,
            strategy: auth0_strategy(),
            enabled_clients: None,
            brute_force_protection: true,
            password_policy: good(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ActionConfig {
    pub name: String,
    /// The deployed code (JavaScript); what it calls decides whether it asks for MFA.
    pub code: String,
}

/// A client's Management keys: a known `app_type`, scopes as `verb:resource`.
pub fn check_client_keys(
    at: &str,
    app_type: Option<&str>,
    scopes: &[String],
) -> anyhow::Result<()> {
    if let Some(t) = app_type
        && !APP_TYPES.contains(&t)
    {
        bail!(
            "{at}: unknown app_type {t:?}; known: {}",
            APP_TYPES.join(", ")
        );
    }
    for scope in scopes {
        let ok = scope.split_once(':').is_some_and(|(verb, what)| {
            !verb.is_empty() && !what.is_empty() && !scope.contains(char::is_whitespace)
        });
        if !ok {
            bail!("{at}: management scope {scope:?} is not verb:resource (e.g. read:users)");
        }
    }
    Ok(())
}

/// A user's `app_metadata` (or `user_metadata`): an object of bounded size.
pub fn check_app_metadata(meta: &Map<String, Value>) -> Result<(), String> {
    let size = Value::Object(meta.clone()).to_string().len();
    if size > MAX_APP_METADATA_BYTES {
        return Err(format!(
            "is {size} bytes as JSON; the emulator keeps at most {MAX_APP_METADATA_BYTES}"
        ));
    }
    Ok(())
}

impl GuardianConfig {
    /// Known factors, policy, message types and providers.
    pub fn check(&self) -> anyhow::Result<()> {
        for f in &self.factors {
            if !FACTORS.contains(&f.as_str()) {
                bail!(
                    "guardian: unknown factor {f:?}; known: {}",
                    FACTORS.join(", ")
                );
            }
        }
        check_policies(&self.policies).map_err(|e| anyhow::anyhow!("guardian: {e}"))?;
        for m in self.phone_message_types.iter().flatten() {
            if m != "sms" && m != "voice" {
                bail!("guardian: phone_message_types holds {m:?}; known: sms, voice");
            }
        }
        one_of(
            "guardian: phone_provider",
            &self.phone_provider,
            &["auth0", "twilio", "phone-message-hook"],
        )?;
        one_of(
            "guardian: push_provider",
            &self.push_provider,
            &["guardian", "sns", "direct"],
        )
    }
}

impl ConnectionConfig {
    /// A known password policy and a well-formed id; `at` says which connection.
    pub fn check(&self, at: &str) -> anyhow::Result<()> {
        one_of(
            &format!("{at}: password_policy"),
            &self.password_policy,
            &PASSWORD_POLICIES,
        )?;
        if let Some(id) = &self.id
            && !(id.starts_with("con_")
                && id.len() <= 64
                && id[4..].chars().all(|c| c.is_ascii_alphanumeric()))
        {
            bail!("{at}: id {id:?} must be \"con_\" followed by letters or digits");
        }
        Ok(())
    }
}

pub fn check_policies(policies: &[String]) -> Result<(), String> {
    if policies.len() > 1 {
        return Err("policies holds at most one of all-applications, confidence-score".into());
    }
    match policies.iter().find(|p| !POLICIES.contains(&p.as_str())) {
        Some(p) => Err(format!(
            "unknown policy {p:?}; known: {}",
            POLICIES.join(", ")
        )),
        None => Ok(()),
    }
}

fn one_of(what: &str, value: &str, known: &[&str]) -> anyhow::Result<()> {
    if !known.contains(&value) {
        bail!("{what} is {value:?}; known: {}", known.join(", "));
    }
    Ok(())
}
