//! The user of `-u`, as the Management API shows it (no password needed):
//! that it exists and in which connection, its authentication methods
//! (confirmed or pending), and brute-force blocks.

use super::{Read, Reading, Subject, UserReading};
use crate::check::Check;
use crate::doctor::failing::failed;
use crate::exit_code::ExitCode;
use crate::management::{self, ApiError, User, UserRef};

/// The factor an authentication method's `type` belongs to.
pub fn method_factor(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "totp" => "otp",
        "phone" => "sms",
        "push-notification" | "guardian" => "push-notification",
        "email" => "email",
        "recovery-code" => "recovery-code",
        "webauthn-roaming" => "webauthn-roaming",
        "webauthn-platform" => "webauthn-platform",
        _ => return None,
    })
}

/// Reads the user, then its methods and blocks; by id all three at once.
pub async fn read(mgmt: &management::Client, user: Option<&UserRef>) -> Option<UserReading> {
    let asked = match user? {
        UserRef::Id(id) | UserRef::Email(id) => id.clone(),
    };
    let found: Read<User> = match user? {
        UserRef::Id(id) => {
            let (user, methods, blocks) = tokio::join!(
                mgmt.user(id),
                mgmt.authentication_methods(id),
                mgmt.user_blocks(id)
            );
            return Some(UserReading {
                asked,
                user,
                methods,
                blocks,
            });
        }
        UserRef::Email(email) => one_by_email(mgmt, email).await,
    };
    let (methods, blocks) = match &found {
        Ok(user) => {
            tokio::join!(
                mgmt.authentication_methods(&user.user_id),
                mgmt.user_blocks(&user.user_id)
            )
        }
        Err(error) => (Err(error.clone()), Err(error.clone())),
    };
    Some(UserReading {
        asked,
        user: found,
        methods,
        blocks,
    })
}

/// The user with this email in the one connection that has it.
async fn one_by_email(mgmt: &management::Client, email: &str) -> Read<User> {
    let mut users = mgmt.users_by_email(email).await?;
    if users.len() == 1 {
        return Ok(users.remove(0));
    }
    let message = if users.is_empty() {
        format!(
            "no user has the email {} (Auth0 matches emails case-sensitively)",
            crate::sanitize::sanitize_line(email)
        )
    } else {
        let ids: Vec<&str> = users.iter().map(|u| u.user_id.as_str()).collect();
        format!(
            "{} users have this email; give -u one of: {}",
            users.len(),
            ids.join(", ")
        )
    };
    Err(management::Error::Api(ApiError {
        status: 404,
        error: "Not Found".into(),
        message,
        error_code: None,
        code: "inexistent_user".into(),
        retry_after: None,
    }))
}

/// The user's checks: it exists, its methods, its blocks.
pub fn checks(user: &UserReading, reading: &Reading, subject: &Subject) -> Vec<Check> {
    let found = match &user.user {
        Ok(found) => found,
        Err(error) => {
            return vec![
                failed(
                    "user",
                    format!("the user {}", crate::sanitize::sanitize_line(&user.asked)),
                    error.clone(),
                ),
                Check::skip("methods", "the user was not found", None),
                Check::skip("blocks", "the user was not found", None),
            ];
        }
    };
    vec![
        user_check(found, reading, subject),
        methods_check(user),
        blocks_check(user),
    ]
}

fn user_check(user: &User, reading: &Reading, subject: &Subject) -> Check {
    let connection = user.connection().unwrap_or("(unknown)");
    let read = format!("{} in {connection}", user.user_id);
    match reading.realm(subject) {
        Some(realm) if realm != connection && user.connection().is_some() => Check::fail(
            "user",
            format!("{read}, but the password grant logs in with {realm}"),
            format!("pass --realm {connection} (AUTH0_REALM)"),
            ExitCode::Rejected,
        ),
        _ => Check::pass("user", read),
    }
}

fn methods_check(user: &UserReading) -> Check {
    let methods = match &user.methods {
        Ok(methods) => methods,
        Err(error) => {
            return failed(
                "methods",
                "GET /api/v2/users/{id}/authentication-methods",
                error.clone(),
            );
        }
    };
    let describe = |pending: bool| {
        methods
            .iter()
            .filter(|m| m.is_pending() == pending && m.kind != "password")
            .map(|m| m.kind.clone())
            .collect::<Vec<_>>()
    };
    let (confirmed, pending) = (describe(false), describe(true));
    let read = format!(
        "confirmed: {}; pending: {}",
        if confirmed.is_empty() {
            "none".into()
        } else {
            confirmed.join(", ")
        },
        if pending.is_empty() {
            "none".into()
        } else {
            pending.join(", ")
        }
    );
    if !pending.is_empty() {
        return Check::warn(
            "methods",
            format!("{read}: an unconfirmed enrollment blocks a new one of its kind"),
            "delete it (DELETE /api/v2/users/{id}/authentication-methods/{method}) and enroll again, or run `auth0-mfa doctor --fix`",
        );
    }
    if confirmed.is_empty() {
        return Check::warn(
            "methods",
            read,
            "the next login asks the user to enroll: `auth0-mfa users create` makes test users with a TOTP method",
        );
    }
    Check::pass("methods", read)
}

fn blocks_check(user: &UserReading) -> Check {
    let blocks = match &user.blocks {
        Ok(blocks) => blocks,
        Err(error) => return failed("blocks", "GET /api/v2/user-blocks/{id}", error.clone()),
    };
    if blocks.is_empty() {
        return Check::pass("blocks", "not blocked by brute-force protection");
    }
    let from: Vec<String> = blocks
        .iter()
        .map(|b| b.ip.clone().unwrap_or_else(|| "any address".into()))
        .collect();
    Check::fail(
        "blocks",
        format!(
            "blocked by brute-force protection (too many wrong passwords) from {}: the password grant answers too_many_attempts. Not MFA's failed-code limit, which refills with time",
            from.join(", ")
        ),
        "unblock in Dashboard > User Management > Users > (the user) > Unblock (DELETE /api/v2/user-blocks/{id}), or run `auth0-mfa doctor --fix`",
        ExitCode::RateLimited,
    )
}
