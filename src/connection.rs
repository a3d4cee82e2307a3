//! From settings to what the client needs to reach the tenant: how the
//! application authenticates (a secret, a parsed private_key_jwt key, or
//! nothing) and the transport (timeout, extra CA certificates). Key and CA
//! files are read and checked here, before any request.

use crate::auth0::{AssertionAlg, AssertionKey, ClientAuth, Transport};
use crate::error::Failure;
use crate::settings::{Key, Setting, Settings, expand_home};

/// private_key_jwt when a key is given, else the secret, else a public client.
pub fn client_auth(settings: &Settings) -> Result<ClientAuth, Failure> {
    let client_id = settings.require(Key::ClientId)?.text().to_owned();
    if let Some(key) = settings.get(Key::ClientAssertionKey) {
        return Ok(ClientAuth::Assertion {
            client_id,
            key: assertion_key(settings, key)?,
        });
    }
    Ok(match settings.get(Key::ClientSecret) {
        Some(secret) if !secret.value.is_empty() => ClientAuth::Secret {
            client_id,
            client_secret: secret.value.clone(),
        },
        _ => ClientAuth::Public { client_id },
    })
}

/// The Management API application's credentials: private_key_jwt (RS256)
/// when a key is given, else its secret. A public client cannot get a
/// Management API token, so one without either is a usage error.
pub fn management_auth(settings: &Settings) -> Result<ClientAuth, Failure> {
    let client_id = settings.require(Key::MgmtClientId)?.text().to_owned();
    if let Some(key) = settings.get(Key::MgmtClientAssertionKey) {
        return Ok(ClientAuth::Assertion {
            client_id,
            key: read_assertion_key(key, AssertionAlg::Rs256, None)?,
        });
    }
    match settings.get(Key::MgmtClientSecret) {
        Some(secret) => Ok(ClientAuth::Secret {
            client_id,
            client_secret: secret.value.clone(),
        }),
        None => Err(Failure::usage_with_hint(
            format!(
                "no Management API client secret given for the application {}",
                crate::sanitize::sanitize_line(&client_id)
            ),
            "pass --mgmt-client-secret-file FILE or set AUTH0_MGMT_CLIENT_SECRET (or --mgmt-client-assertion-key for private_key_jwt)",
        )),
    }
}

/// Reads and parses the assertion key before any request is made.
fn assertion_key(settings: &Settings, key: &Setting) -> Result<AssertionKey, Failure> {
    let alg = match settings.text(Key::ClientAssertionAlg).as_deref() {
        None | Some("RS256") => AssertionAlg::Rs256,
        Some("RS384") => AssertionAlg::Rs384,
        Some("PS256") => AssertionAlg::Ps256,
        Some(other) => {
            return Err(Failure::usage_with_hint(
                format!("unsupported client assertion algorithm '{other}'"),
                "use --client-assertion-alg RS256, RS384 or PS256",
            ));
        }
    };
    read_assertion_key(key, alg, settings.text(Key::ClientAssertionKid))
}

/// The PEM file a key setting names, parsed; errors name the setting's flag
/// and variable.
fn read_assertion_key(
    key: &Setting,
    alg: AssertionAlg,
    kid: Option<String>,
) -> Result<AssertionKey, Failure> {
    let info = key.key.info();
    let path = expand_home(key.text());
    let pem = std::fs::read_to_string(&path).map_err(|e| {
        Failure::usage_with_hint(
            format!(
                "cannot read the client assertion key {} ({}): {e}",
                path.display(),
                key.source
            ),
            format!("check {} / {}", info.flag, info.env),
        )
    })?;
    AssertionKey::from_pem(&pem, alg, kid).map_err(|e| {
        Failure::usage_with_hint(
            format!("the client assertion key {} is unusable: {e}", path.display()),
            "give the application's RSA private key in PEM form (Dashboard > Applications > (your app) > Credentials)",
        )
    })
}

/// How to reach the tenant: `--timeout` and `--cacert`.
pub fn transport(settings: &Settings) -> Result<Transport, Failure> {
    let mut extra_roots = Vec::new();
    if let Some(cacert) = settings.get(Key::Cacert) {
        extra_roots = crate::ca_file::load(
            &expand_home(cacert.text()),
            &cacert.source.to_string(),
            "give --cacert a file of PEM certificates (BEGIN CERTIFICATE)",
        )?;
    }
    Ok(Transport {
        timeout: settings.request_timeout(),
        extra_roots,
    })
}
