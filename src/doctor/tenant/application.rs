//! The application as the Management API shows it: its grant types against
//! what the MFA flow needs, its authentication against the one configured
//! here, and the connection its password grant logs users in with.

use super::{Reading, Subject};
use crate::auth0::{
    GRANT_MFA_OOB, GRANT_MFA_OTP, GRANT_MFA_RECOVERY_CODE, GRANT_PASSWORD, GRANT_PASSWORD_REALM,
    GRANT_REFRESH_TOKEN,
};
use crate::check::Check;
use crate::doctor::failing::failed;
use crate::exit_code::ExitCode;
use crate::management::{self, Connection};

/// Where an application's grant types are set.
const GRANTS_PLACE: &str = "Dashboard > Applications > (your app) > Advanced Settings > Grant Types (the API's grant_types)";

/// The grant types the flow cannot do without.
pub const NEEDED_GRANTS: [&str; 3] = [GRANT_MFA_OTP, GRANT_MFA_OOB, GRANT_MFA_RECOVERY_CODE];

/// The grants an application lacks for this tool: the first factor (the
/// password grant, either form), the MFA grants, then `refresh_token`
/// (sessions). The second list is what only sessions miss.
pub fn missing_grants(grants: &[String]) -> (Vec<&'static str>, Vec<&'static str>) {
    let has = |g: &str| grants.iter().any(|have| have == g);
    let mut needed = Vec::new();
    if !has(GRANT_PASSWORD) && !has(GRANT_PASSWORD_REALM) {
        needed.push(GRANT_PASSWORD);
    }
    needed.extend(NEEDED_GRANTS.iter().copied().filter(|g| !has(g)));
    let sessions = if has(GRANT_REFRESH_TOKEN) {
        Vec::new()
    } else {
        vec![GRANT_REFRESH_TOKEN]
    };
    (needed, sessions)
}

/// A grant type as people say it: the part after the last `/`.
pub fn short(grant: &str) -> &str {
    grant.rsplit('/').next().unwrap_or(grant)
}

fn shorts(grants: &[&str]) -> String {
    grants
        .iter()
        .map(|g| short(g))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The application's grant types.
pub fn grants_check(reading: &Reading) -> Check {
    let application = match &reading.application {
        Ok(application) => application,
        Err(error) => return failed("grant types", "GET /api/v2/clients/{id}", error.clone()),
    };
    let grants = application.grant_types.clone().unwrap_or_default();
    let (needed, sessions) = missing_grants(&grants);
    let read = format!(
        "grant_types of {}: {}",
        application.client_id,
        grants
            .iter()
            .map(|g| short(g))
            .collect::<Vec<_>>()
            .join(", ")
    );
    if !needed.is_empty() {
        return Check::fail(
            "grant types",
            format!("{read}; missing {}", shorts(&needed)),
            format!(
                "add {} in {GRANTS_PLACE}, or run `auth0-mfa doctor --fix`",
                shorts(&needed)
            ),
            ExitCode::Rejected,
        );
    }
    if !sessions.is_empty() {
        return Check::warn(
            "grant types",
            format!("{read}; no refresh_token: sessions (`token`, `exec`) cannot renew"),
            format!("add Refresh Token in {GRANTS_PLACE}, or run `auth0-mfa doctor --fix`"),
        );
    }
    Check::pass("grant types", read)
}

/// The application's type and token endpoint authentication against the
/// client authentication configured here.
pub fn auth_check(reading: &Reading, subject: &Subject) -> Check {
    let application = match &reading.application {
        Ok(application) => application,
        Err(error) => return failed("app type", "GET /api/v2/clients/{id}", error.clone()),
    };
    let app_type = application.app_type.as_deref().unwrap_or("(none)");
    let expected = application.auth_method();
    let here = subject.auth_method;
    let read = format!(
        "app_type {app_type}, token endpoint authentication {expected}; configured here: {here}"
    );
    let place = "Dashboard > Applications > (your app) > Credentials (token_endpoint_auth_method)";
    let fix = match (expected, here) {
        (e, h) if e == h => None,
        ("client_secret_basic", "client_secret_post") => None,
        ("none", _) => Some(format!(
            "the application is public: drop --client-secret / AUTH0_CLIENT_SECRET, or make it confidential in {place}"
        )),
        ("private_key_jwt", _) => Some(format!(
            "pass --client-assertion-key with the private key of the credential registered in {place}"
        )),
        (_, "none") => Some(format!(
            "pass --client-secret / AUTH0_CLIENT_SECRET (the application expects {expected}), or set {place} to None"
        )),
        _ => Some(format!("pass the credentials {place} names")),
    };
    match fix {
        Some(fix) => Check::fail("app type", read, fix, ExitCode::Rejected),
        None if app_type == "non_interactive" => Check::warn(
            "app type",
            read,
            "a machine-to-machine application logs users in only with the password grant enabled; a Native or Regular Web application is the usual home of an MFA login",
        ),
        None => Check::pass("app type", read),
    }
}

/// The connection the password grant uses exists and is enabled for the
/// application.
pub fn connection_check(reading: &Reading, subject: &Subject) -> Check {
    if let Err(error) = &reading.settings
        && subject.realm.is_none()
    {
        return failed("connection", "GET /api/v2/tenants/settings", error.clone());
    }
    let Some(realm) = reading.realm(subject) else {
        return Check::fail(
            "connection",
            "no --realm given and the tenant has no default_directory: the password grant answers \"Authorization server not configured with default connection\"",
            "set Dashboard > Settings > API Authorization Settings > Default Directory (the tenant's default_directory), or pass --realm / AUTH0_REALM",
            ExitCode::Rejected,
        );
    };
    let source = if subject.realm.is_some() {
        "--realm"
    } else {
        "default_directory"
    };
    let connections = match &reading.connections {
        Ok(connections) => connections,
        Err(error) => {
            return failed(
                "connection",
                "GET /api/v2/clients/{id}/connections",
                error.clone(),
            );
        }
    };
    if connections.iter().any(|c| c.name == realm) {
        return Check::pass(
            "connection",
            format!("{realm} ({source}) is enabled for the application"),
        );
    }
    let place = format!(
        "Dashboard > Authentication > Database > {realm} > Applications (GET /api/v2/connections/{{id}}/clients)"
    );
    match &reading.elsewhere {
        Some(Ok(Some(_))) => Check::fail(
            "connection",
            format!("{realm} ({source}) exists but is not enabled for the application"),
            format!("enable the application in {place}"),
            ExitCode::Rejected,
        ),
        Some(Ok(None)) => Check::fail(
            "connection",
            format!("no connection is named {realm} ({source})"),
            "give --realm the name of a database connection (Dashboard > Authentication > Database), or set the Default Directory to one",
            ExitCode::Rejected,
        ),
        Some(Err(error)) => failed("connection", "GET /api/v2/connections", error.clone()),
        None => Check::fail(
            "connection",
            format!("{realm} ({source}) is not among the application's connections"),
            format!("enable the application in {place}"),
            ExitCode::Rejected,
        ),
    }
}

/// When the password grant's connection is not among the application's:
/// whether it exists at all (one more request, only then).
pub async fn look_elsewhere(
    mgmt: &management::Client,
    reading: &Reading,
    subject: &Subject,
) -> Option<Result<Option<Connection>, management::Error>> {
    let realm = reading.realm(subject)?;
    let connections = reading.connections.as_ref().ok()?;
    if connections.iter().any(|c| c.name == realm) {
        return None;
    }
    Some(mgmt.connection_named(realm).await)
}
