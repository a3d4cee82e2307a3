//! The application: the client authenticates (secret, assertion or none) and
//! may use the three MFA grants.

use super::failing::failed;
use crate::auth0::{ApiError, Client, Error};
use crate::check::{Check, Status};
use crate::exit_code::ExitCode;
use crate::secret::Secret;

/// Checks 2 and 3, client authentication and the MFA grants, probed at once
/// with a token that belongs to nobody: Auth0 checks the client and the grant
/// type first, so the probes consume nothing. True when the client was accepted.
pub async fn checks(client: &Client) -> (bool, Vec<Check>) {
    let nobody = Secret::new("auth0-mfa-doctor-probe");
    let (otp, oob, recovery) = tokio::join!(
        client.verify_otp(&nobody, &nobody),
        client.verify_oob(&nobody, &nobody, None),
        client.verify_recovery_code(&nobody, &nobody),
    );
    let probes = [
        ("mfa-otp", otp),
        ("mfa-oob", oob),
        ("mfa-recovery-code", recovery),
    ];
    let method = client.auth_method();
    let mut disabled = Vec::new();
    let mut client_check = Check::pass(
        "client",
        format!("{} accepted ({method})", client.client_id()),
    );
    for (grant, answer) in probes {
        let Err(error) = answer else { continue };
        if let Error::Api(api) = &error {
            match api.error.as_str() {
                "invalid_client" => {
                    client_check = client_auth_failure(client, api);
                    break;
                }
                "unauthorized_client" => disabled.push(grant),
                _ => {}
            }
            continue;
        }
        client_check = failed("client", "the grant probe failed", error);
        break;
    }
    let client_ok = client_check.status == Status::Pass;
    (
        client_ok,
        vec![client_check, grants_check(client_ok, &disabled)],
    )
}

/// Check 3: the grants the probes found disabled.
fn grants_check(client_ok: bool, disabled: &[&str]) -> Check {
    if !client_ok {
        Check::skip(
            "mfa grants",
            "not checked: the client was not accepted",
            None,
        )
    } else if disabled.is_empty() {
        Check::pass(
            "mfa grants",
            "mfa-otp, mfa-oob and mfa-recovery-code are enabled for the application",
        )
    } else {
        Check::fail(
            "mfa grants",
            format!("not enabled for the application: {}", disabled.join(", ")),
            "enable MFA in Dashboard > Applications > (your app) > Advanced Settings > Grant Types",
            ExitCode::Rejected,
        )
    }
}

/// Auth0 gives one answer for an unknown client and a wrong secret; say what
/// can be told apart, and what to check for the rest.
fn client_auth_failure(client: &Client, api: &ApiError) -> Check {
    let id = client.client_id();
    let description = api.description.clone().unwrap_or_default();
    let plausible_id = id.len() == 32 && id.chars().all(|c| c.is_ascii_alphanumeric());
    let (detail, fix) = if description.to_ascii_lowercase().contains("assertion")
        || description.contains("private_key_jwt")
    {
        (
            format!("the client assertion was refused: {description}"),
            "check --client-assertion-key against the public key registered in Dashboard > Applications > (your app) > Credentials".to_owned(),
        )
    } else if !plausible_id {
        (
            format!("client id '{id}' was refused, and does not look like an Auth0 client id (32 letters and digits)"),
            "copy the Client ID from Dashboard > Applications > (your app) > Settings into --client-id / AUTH0_CLIENT_ID".to_owned(),
        )
    } else {
        let how = client.auth_method();
        (
            format!("{id} was refused with {how}: the client id or the secret is wrong, or the application expects another authentication method"),
            "check --client-id and --client-secret against Dashboard > Applications > (your app) > Settings; if its Credentials tab says Private Key JWT, pass --client-assertion-key".to_owned(),
        )
    };
    Check::fail("client", detail, fix, ExitCode::Rejected)
}
