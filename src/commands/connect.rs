//! From the typed settings to what a client needs to reach the tenant: the
//! application's credentials (a secret, a parsed private_key_jwt key, or
//! nothing) and the transport (timeout, extra CA certificates). Key and CA
//! files are read and checked here, before any request.

use std::sync::Arc;

use crate::auth0::{AssertionKey, Client, ClientAuth, Observer, Transport};
use crate::domain::Domain;
use crate::error::Failure;
use crate::output::Output;
use crate::settings::{AssertionKeyFile, ClientAuthentication, Connection, TransportSettings};
use crate::trace::{Tracer, Variables};

/// The one HTTP client of this process, to `domain`, traced when `-v` is
/// given (with the variables of the API it talks to, for `--curl`).
pub fn client(
    domain: Domain,
    auth: &ClientAuthentication,
    transport: &TransportSettings,
    variables: Variables,
    out: &Output,
) -> Result<Client, Failure> {
    client_beside(domain, auth, transport, variables, out, None)
}

/// As [`client`], on `beside`'s connections when it is on the same domain
/// (`doctor`: both APIs' requests on one connection where HTTP/2 allows).
pub fn client_beside(
    domain: Domain,
    auth: &ClientAuthentication,
    transport: &TransportSettings,
    variables: Variables,
    out: &Output,
    beside: Option<&Client>,
) -> Result<Client, Failure> {
    let observer: Option<Arc<dyn Observer>> = (out.verbose > 0 || out.curl).then(|| {
        Arc::new(Tracer {
            level: out.verbose,
            curl: out.curl,
            variables,
        }) as Arc<dyn Observer>
    });
    let auth = client_auth(auth)?;
    if let Some(beside) = beside.filter(|b| *b.domain() == domain) {
        return Ok(beside.beside(auth, observer));
    }
    Ok(Client::new(
        domain,
        auth,
        self::transport(transport)?,
        observer,
    )?)
}

/// The Authentication API client a command's settings describe.
pub fn authentication_client(connection: Connection, out: &Output) -> Result<Client, Failure> {
    client(
        connection.domain,
        &connection.auth,
        &connection.transport,
        Variables::Authentication,
        out,
    )
}

/// The credentials as the client sends them, the assertion key parsed.
fn client_auth(auth: &ClientAuthentication) -> Result<ClientAuth, Failure> {
    Ok(match auth {
        ClientAuthentication::None { client_id } => ClientAuth::Public {
            client_id: client_id.clone(),
        },
        ClientAuthentication::Secret { client_id, secret } => ClientAuth::Secret {
            client_id: client_id.clone(),
            client_secret: secret.clone(),
        },
        ClientAuthentication::Assertion { client_id, key } => ClientAuth::Assertion {
            client_id: client_id.clone(),
            key: read_assertion_key(key)?,
        },
    })
}

/// The PEM file a key setting names, parsed; errors name the setting's flag
/// and variable.
fn read_assertion_key(key: &AssertionKeyFile) -> Result<AssertionKey, Failure> {
    let pem = std::fs::read_to_string(&key.path).map_err(|e| {
        Failure::usage_with_hint(
            format!(
                "cannot read the client assertion key {} ({}): {e}",
                key.path.display(),
                key.source
            ),
            format!("check {} / {}", key.flag, key.env),
        )
    })?;
    AssertionKey::from_pem(&pem, key.alg, key.kid.clone()).map_err(|e| {
        Failure::usage_with_hint(
            format!("the client assertion key {} is unusable: {e}", key.path.display()),
            "give the application's RSA private key in PEM form (Dashboard > Applications > (your app) > Credentials)",
        )
    })
}

/// How to reach the tenant: `--timeout` and `--cacert`.
fn transport(settings: &TransportSettings) -> Result<Transport, Failure> {
    let mut extra_roots = Vec::new();
    if let Some(cacert) = &settings.cacert {
        extra_roots = crate::ca_file::load(
            &cacert.value,
            &cacert.source.to_string(),
            "give --cacert a file of PEM certificates (BEGIN CERTIFICATE)",
        )?;
    }
    Ok(Transport {
        timeout: settings.timeout,
        extra_roots,
        client_info: settings.client_info,
    })
}
