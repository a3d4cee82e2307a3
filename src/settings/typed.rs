//! The high-level settings: what the resolved keys mean, as typed values a
//! command hands on (a [`Domain`], a [`Factor`], how the application
//! authenticates, durations, the session-store policy). Each is parsed here,
//! once, with the error naming where the value came from; nothing below the
//! commands sees a [`Key`] or the [`Settings`] it came from.

use std::path::PathBuf;
use std::time::Duration;

use crate::auth0::AssertionAlg;
use crate::domain::Domain;
use crate::error::Failure;
use crate::factor::Factor;
use crate::flow::DEFAULT_TIMEOUT;
use crate::secret::Secret;
use crate::sessions;
use crate::spent::Ledger;

use super::read::expand_home;
use super::{Key, Settings, Source, missing_all};

/// Per request, and the most a wait for the session store may take, unless `--timeout`.
const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// A value and where it came from, for the errors that name it.
#[derive(Debug, Clone)]
pub struct Sourced<T> {
    pub value: T,
    pub source: Source,
}

/// How an application proves who it is to the token endpoint.
#[derive(Debug, Clone)]
pub enum ClientAuthentication {
    /// A public client (native app, SPA): the client id alone.
    None {
        client_id: String,
    },
    Secret {
        client_id: String,
        secret: Secret,
    },
    /// private_key_jwt: the PEM file is read when the client is built.
    Assertion {
        client_id: String,
        key: AssertionKeyFile,
    },
}

/// A private_key_jwt key, before its file is read.
#[derive(Debug, Clone)]
pub struct AssertionKeyFile {
    pub path: PathBuf,
    pub alg: AssertionAlg,
    pub kid: Option<String>,
    pub source: Source,
    /// The flag and the variable that give it, for the error a bad file gets.
    pub flag: &'static str,
    pub env: &'static str,
}

/// Everything the Authentication API client is built from.
#[derive(Debug, Clone)]
pub struct Connection {
    pub domain: Domain,
    pub auth: ClientAuthentication,
    pub transport: TransportSettings,
}

/// How to reach a tenant: `--timeout`, `--cacert`, and whether requests say
/// which tool sent them (`AUTH0_MFA_NO_CLIENT_INFO`).
#[derive(Debug, Clone)]
pub struct TransportSettings {
    pub timeout: Duration,
    pub cacert: Option<Sourced<PathBuf>>,
    pub client_info: bool,
}

/// `--otp-secret`: a base32 secret or URI, or `auto`, the secret the first
/// enrollment of the same command returns.
#[derive(Debug, Clone)]
pub enum OtpSecret {
    FromEnrollment,
    Given(Sourced<Secret>),
}

/// The password grant's settings, all optional: a prompt asks for what is missing.
#[derive(Debug, Clone)]
pub struct LoginSettings {
    pub username: Option<String>,
    pub password: Option<Secret>,
    pub realm: Option<String>,
    pub audience: Option<String>,
    pub scope: Option<String>,
}

impl Settings {
    /// The tenant's domain. When it is missing, so may be the client id,
    /// which every request also needs: both are reported at once, not one
    /// per run.
    pub fn domain(&self) -> Result<Domain, Failure> {
        let absent: Vec<Key> = [Key::Domain, Key::ClientId]
            .into_iter()
            .filter(|key| self.get(*key).is_none())
            .collect();
        if absent.len() > 1 {
            return Err(missing_all(&absent, self.profile_name_ref()));
        }
        let setting = self.require(Key::Domain)?;
        Domain::parse(setting.text()).map_err(|e| {
            Failure::usage_with_hint(
                format!("invalid domain from {}: {e}", setting.source),
                "give --domain / AUTH0_DOMAIN as tenant.us.auth0.com or https://login.example.com",
            )
        })
    }

    /// The domain when one is given (a command that can do without it).
    pub fn domain_if_given(&self) -> Result<Option<Domain>, Failure> {
        self.get(Key::Domain).map(|_| self.domain()).transpose()
    }

    pub fn client_id(&self) -> Result<String, Failure> {
        Ok(self.require(Key::ClientId)?.text().to_owned())
    }

    /// The domain, the application's credentials and the transport.
    pub fn connection(&self) -> Result<Connection, Failure> {
        Ok(Connection {
            domain: self.domain()?,
            auth: self.client_authentication()?,
            transport: self.transport()?,
        })
    }

    /// private_key_jwt when a key is given, else the secret, else a public client.
    pub fn client_authentication(&self) -> Result<ClientAuthentication, Failure> {
        let client_id = self.client_id()?;
        if self.get(Key::ClientAssertionKey).is_some() {
            let alg = self.assertion_alg()?;
            let kid = self.text(Key::ClientAssertionKid);
            return Ok(ClientAuthentication::Assertion {
                client_id,
                key: self.assertion_key(Key::ClientAssertionKey, alg, kid)?,
            });
        }
        Ok(match self.secret(Key::ClientSecret) {
            Some(secret) if !secret.is_empty() => {
                ClientAuthentication::Secret { client_id, secret }
            }
            _ => ClientAuthentication::None { client_id },
        })
    }

    fn assertion_alg(&self) -> Result<AssertionAlg, Failure> {
        match self.text(Key::ClientAssertionAlg).as_deref() {
            None | Some("RS256") => Ok(AssertionAlg::Rs256),
            Some("RS384") => Ok(AssertionAlg::Rs384),
            Some("PS256") => Ok(AssertionAlg::Ps256),
            Some(other) => Err(Failure::usage_with_hint(
                format!("unsupported client assertion algorithm '{other}'"),
                "use --client-assertion-alg RS256, RS384 or PS256",
            )),
        }
    }

    fn assertion_key(
        &self,
        key: Key,
        alg: AssertionAlg,
        kid: Option<String>,
    ) -> Result<AssertionKeyFile, Failure> {
        let setting = self.require(key)?;
        Ok(AssertionKeyFile {
            path: expand_home(setting.text()),
            alg,
            kid,
            source: setting.source.clone(),
            flag: key.info().flag,
            env: key.info().env,
        })
    }

    /// `--timeout`, `--cacert` and the client-info header.
    pub fn transport(&self) -> Result<TransportSettings, Failure> {
        Ok(TransportSettings {
            timeout: self.request_timeout(),
            cacert: self.get(Key::Cacert).map(|setting| Sourced {
                value: expand_home(setting.text()),
                source: setting.source.clone(),
            }),
            client_info: self.environment.client_info,
        })
    }

    /// The Management API's domain: `--mgmt-domain`, else `--domain`, since
    /// the Management API lives on the tenant's canonical domain.
    pub fn management_domain(&self) -> Result<Domain, Failure> {
        let Some(setting) = self.get(Key::MgmtDomain).or_else(|| self.get(Key::Domain)) else {
            return Err(Failure::usage_with_hint(
                "no Management API domain given",
                "pass --mgmt-domain (the tenant's canonical domain, TENANT.REGION.auth0.com) or --domain, or set AUTH0_MGMT_DOMAIN or AUTH0_DOMAIN",
            ));
        };
        Domain::parse(setting.text()).map_err(|e| {
            Failure::usage_with_hint(
                format!("invalid Management API domain from {}: {e}", setting.source),
                "give --mgmt-domain / AUTH0_MGMT_DOMAIN as TENANT.REGION.auth0.com",
            )
        })
    }

    /// A pasted Management API token.
    pub fn management_token(&self) -> Option<Sourced<Secret>> {
        self.sourced(Key::MgmtToken)
    }

    pub fn management_client_id(&self) -> Option<String> {
        self.text(Key::MgmtClientId)
    }

    /// The Management API application's credentials: private_key_jwt
    /// (RS256) when a key is given, else its secret. A public client cannot
    /// get a Management API token, so one without either is a usage error.
    pub fn management_authentication(&self) -> Result<ClientAuthentication, Failure> {
        let client_id = self.require(Key::MgmtClientId)?.text().to_owned();
        if self.get(Key::MgmtClientAssertionKey).is_some() {
            let key = self.assertion_key(Key::MgmtClientAssertionKey, AssertionAlg::Rs256, None)?;
            return Ok(ClientAuthentication::Assertion { client_id, key });
        }
        match self.secret(Key::MgmtClientSecret) {
            Some(secret) => Ok(ClientAuthentication::Secret { client_id, secret }),
            None => Err(Failure::usage_with_hint(
                format!(
                    "no Management API client secret given for the application {}",
                    crate::sanitize::sanitize_line(&client_id)
                ),
                "pass --mgmt-client-secret-file FILE or set AUTH0_MGMT_CLIENT_SECRET (or --mgmt-client-assertion-key for private_key_jwt)",
            )),
        }
    }

    /// `--factor` (or the profile's `factor`).
    pub fn factor(&self) -> Result<Option<Factor>, Failure> {
        let Some(setting) = self.get(Key::Factor) else {
            return Ok(None);
        };
        Factor::parse(setting.text()).map(Some).ok_or_else(|| {
            Failure::usage_with_hint(
                format!("unknown factor '{}' ({})", setting.text(), setting.source),
                format!("use one of: {}", Factor::ALL.map(Factor::name).join(", ")),
            )
        })
    }

    pub fn otp_secret(&self) -> Option<OtpSecret> {
        let setting = self.sourced(Key::OtpSecret)?;
        Some(if setting.value.expose() == "auto" {
            OtpSecret::FromEnrollment
        } else {
            OtpSecret::Given(setting)
        })
    }

    /// `--otp-command`, with where it came from.
    pub fn otp_command(&self) -> Option<Sourced<String>> {
        self.get(Key::OtpCommand).map(|setting| Sourced {
            value: setting.text().to_owned(),
            source: setting.source.clone(),
        })
    }

    /// The mfa_token (or the MFA API token of `enroll` and `authenticators`).
    pub fn mfa_token(&self) -> Result<Secret, Failure> {
        Ok(self.require(Key::MfaToken)?.value.clone())
    }

    pub fn mfa_token_given(&self) -> bool {
        self.get(Key::MfaToken).is_some()
    }

    pub fn username(&self) -> Option<String> {
        self.text(Key::Username)
    }

    pub fn audience(&self) -> Option<String> {
        self.text(Key::Audience)
    }

    pub fn realm(&self) -> Option<String> {
        self.text(Key::Realm)
    }

    pub fn login(&self) -> LoginSettings {
        LoginSettings {
            username: self.username(),
            password: self.secret(Key::Password),
            realm: self.realm(),
            audience: self.audience(),
            scope: self.text(Key::Scope),
        }
    }

    /// Per request: `--timeout`, else 30 s.
    pub fn request_timeout(&self) -> Duration {
        self.timeout
            .map_or(DEFAULT_REQUEST_TIMEOUT, Duration::from_secs)
    }

    /// A whole wait (push approval): `--timeout`, else the flow's default.
    pub fn wait_timeout(&self) -> Duration {
        self.timeout.map_or(DEFAULT_TIMEOUT, Duration::from_secs)
    }

    /// Where new sessions go, or nowhere (`AUTH0_MFA_NO_STORE`); a bad
    /// `AUTH0_MFA_STORE` is an error only for a command that stores.
    pub fn session_store(&self) -> Result<Option<sessions::Store>, Failure> {
        if self.environment.no_store {
            return Ok(None);
        }
        self.environment.store().map(Some)
    }

    /// The store to read sessions from, whatever `AUTH0_MFA_NO_STORE` says.
    pub fn store(&self) -> Result<sessions::Store, Failure> {
        self.environment.store()
    }

    /// The ledger of spent codes, in the state directory.
    pub fn ledger(&self) -> Ledger {
        self.environment.ledger()
    }

    fn sourced(&self, key: Key) -> Option<Sourced<Secret>> {
        self.get(key).map(|setting| Sourced {
            value: setting.value.clone(),
            source: setting.source.clone(),
        })
    }
}
