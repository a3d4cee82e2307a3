//! The one table of Auth0 errors: what each means and the fix to suggest.
//! Every command's error message and the README's troubleshooting use it.

use crate::auth0::{ApiError, Error};
use crate::management;

/// One known Auth0 answer and what the user should do about it.
pub struct Hint {
    /// Auth0's `error` field.
    pub error: &'static str,
    /// A fragment of `error_description` that narrows the match (case-insensitive).
    pub description: Option<&'static str>,
    pub meaning: &'static str,
    pub fix: &'static str,
}

/// Token-kind mistakes, caught before anything is sent (JSON `error`: `usage`).
pub const JWT_AS_MFA_TOKEN: Hint = Hint {
    error: "usage",
    description: Some("is a JWT"),
    meaning: "an access or ID token was passed where the mfa_token is needed",
    fix: "pass the mfa_token from `auth0-mfa login --mfa-token-only`; it starts with Fe26.2*",
};
pub const MFA_TOKEN_CANNOT_DELETE: Hint = Hint {
    error: "usage",
    description: Some("an mfa_token cannot delete"),
    meaning: "deleting an authenticator needs an access token for the MFA API, not an mfa_token",
    fix: "get one with `auth0-mfa login --audience https://DOMAIN/mfa/ --scope \"enroll read:authenticators remove:authenticators\" --json | jq -r .access_token`",
};
pub const NOT_FOR_THE_MFA_API: Hint = Hint {
    error: "usage",
    description: Some("not for the MFA API"),
    meaning: "the access token's audience is another API, not https://DOMAIN/mfa/",
    fix: MFA_TOKEN_CANNOT_DELETE.fix,
};
pub const MISSING_MFA_SCOPE: Hint = Hint {
    error: "usage",
    description: Some("lacks the"),
    meaning: "the MFA API access token lacks the scope the command needs (enroll, read:authenticators, remove:authenticators)",
    fix: MFA_TOKEN_CANNOT_DELETE.fix,
};

/// Most specific entries first: the first match wins.
pub const TABLE: &[Hint] = &[
    JWT_AS_MFA_TOKEN,
    MFA_TOKEN_CANNOT_DELETE,
    NOT_FOR_THE_MFA_API,
    MISSING_MFA_SCOPE,
    Hint {
        error: "invalid_grant",
        description: Some("Invalid otp_code"),
        meaning: "the one-time code was wrong, reused, or outside the 30-second window",
        fix: "use a fresh code and check the device clock; Auth0 allows 10 failed codes per user, refilling one every 6 minutes",
    },
    Hint {
        error: "invalid_grant",
        description: Some("Invalid binding_code"),
        meaning: "the SMS, voice or email code was wrong",
        fix: "enter the code from the latest message; Auth0 allows 10 failed codes per user, refilling one every 6 minutes",
    },
    Hint {
        error: "invalid_grant",
        description: Some("recovery"),
        meaning: "the recovery code was wrong or already used",
        fix: "use the newest recovery code (each use rotates it); Auth0 allows 10 failed codes per user, refilling one every 6 minutes",
    },
    Hint {
        error: "invalid_grant",
        description: Some("Malformed mfa_token"),
        meaning: "what was sent as the mfa_token is not one",
        fix: "pass the mfa_token from `auth0-mfa login --mfa-token-only` (it starts with Fe26.2*), not an access token",
    },
    Hint {
        error: "invalid_grant",
        description: Some("expired"),
        meaning: "the mfa_token or code has expired",
        fix: "mfa_tokens live 10 minutes: log in again",
    },
    Hint {
        error: "invalid_grant",
        description: Some("MFA Authorization rejected"),
        meaning: "the push notification was rejected on the device",
        fix: "approve the push on the device, or choose another factor with --factor",
    },
    Hint {
        error: "invalid_grant",
        description: Some("Wrong email or password"),
        meaning: "the username or password is wrong",
        fix: "check --username / AUTH0_USERNAME and the password (--password / AUTH0_PASSWORD); with several connections, name one with --realm",
    },
    Hint {
        error: "invalid_grant",
        description: None,
        meaning: "Auth0 refused the grant",
        fix: "check the credentials and codes you passed; run `auth0-mfa doctor` to check the tenant",
    },
    Hint {
        error: "access_denied",
        description: Some("MFA Authorization rejected"),
        meaning: "the push notification was rejected on the device",
        fix: "approve the push on the device, or choose another factor with --factor",
    },
    Hint {
        error: "access_denied",
        description: Some("already enrolled"),
        meaning: "an mfa_token can only enroll a user's first factor",
        fix: "get an access token with `auth0-mfa login --audience https://DOMAIN/mfa/ --scope \"enroll read:authenticators remove:authenticators\"` and pass it with --token",
    },
    Hint {
        error: "access_denied",
        description: Some("pending enrollments"),
        meaning: "too many unconfirmed enrollments block new ones",
        fix: "delete pending ones (`auth0-mfa authenticators list --all`, then `authenticators delete ID`)",
    },
    Hint {
        error: "insufficient_scope",
        description: None,
        meaning: "the access token lacks the scope this MFA API call needs",
        fix: "log in again with `--audience https://DOMAIN/mfa/ --scope \"enroll read:authenticators remove:authenticators\"`",
    },
    Hint {
        error: "invalid_token",
        description: None,
        meaning: "the token is not accepted here: expired, for another API, or an mfa_token where an access token is needed",
        fix: "use an access token for https://DOMAIN/mfa/ from `auth0-mfa login --audience https://DOMAIN/mfa/`",
    },
    Hint {
        error: "not_found",
        description: None,
        meaning: "no such authenticator (or endpoint)",
        fix: "list the ids with `auth0-mfa authenticators list --all`",
    },
    Hint {
        error: "expired_token",
        description: None,
        meaning: "the mfa_token or code has expired",
        fix: "mfa_tokens live 10 minutes and codes 5: log in again (`auth0-mfa login --mfa-token-only`)",
    },
    Hint {
        error: "mfa_required",
        description: None,
        meaning: "the user must complete multi-factor authentication",
        fix: "continue with `auth0-mfa challenge` and `auth0-mfa verify` using the mfa_token, or let `auth0-mfa login` do it",
    },
    Hint {
        error: "unsupported_challenge_type",
        description: None,
        meaning: "the user is not enrolled in a factor this application can challenge",
        fix: "enroll the user (`auth0-mfa enroll`), or enable the factor in Dashboard > Security > Multi-factor Auth",
    },
    Hint {
        error: "association_required",
        description: None,
        meaning: "the user has no MFA factor enrolled yet",
        fix: "enroll one with `auth0-mfa enroll otp --token MFA_TOKEN`",
    },
    Hint {
        error: "authorization_pending",
        description: None,
        meaning: "the push has not been answered yet",
        fix: "approve it on the device, then poll again",
    },
    Hint {
        error: "slow_down",
        description: None,
        meaning: "the push was polled too often",
        fix: "poll every 5 seconds or slower (--interval)",
    },
    Hint {
        error: "unauthorized_client",
        description: Some("mfa"),
        meaning: "the MFA grant type is not enabled for this application",
        fix: "enable it in Dashboard > Applications > (your app) > Advanced Settings > Grant Types > MFA",
    },
    Hint {
        error: "unauthorized_client",
        description: Some("password"),
        meaning: "the Password grant type is not enabled for this application",
        fix: "enable it in Dashboard > Applications > (your app) > Advanced Settings > Grant Types > Password",
    },
    Hint {
        error: "unauthorized_client",
        description: None,
        meaning: "a grant type this flow needs is not enabled for the application",
        fix: "enable Password and MFA in Dashboard > Applications > (your app) > Advanced Settings > Grant Types",
    },
    Hint {
        error: "invalid_client",
        description: None,
        meaning: "the application's credentials were not accepted",
        fix: "check --client-id / AUTH0_CLIENT_ID and --client-secret / AUTH0_CLIENT_SECRET (Dashboard > Applications > (your app) > Settings)",
    },
    Hint {
        error: "invalid_request",
        description: Some("verified email"),
        meaning: "a verified email is listed as an authenticator, but Auth0 does not delete it: it is the user's own address, not an enrollment",
        fix: "leave it (it is not counted as enrolled), or change or unverify the user's email address (Dashboard > User Management > Users, or the Management API's PATCH /api/v2/users/{id})",
    },
    Hint {
        error: "invalid_request",
        description: None,
        meaning: "Auth0 found the request incomplete or malformed",
        fix: "check the flags you passed; run with -vv to see the request",
    },
    Hint {
        error: "too_many_attempts",
        description: None,
        meaning: "brute-force protection blocked this user or IP after too many failures",
        fix: "wait (one attempt refills every 6 minutes), or unblock the user in Dashboard > User Management > Users",
    },
    Hint {
        error: "too_many_requests",
        description: None,
        meaning: "the tenant's rate limit was reached",
        fix: "wait for the time Auth0 gives in Retry-After, then try again",
    },
];

/// Where the Management API's scopes are granted, in the fixes below.
const GRANT_IT: &str = "authorize the application and tick the scopes in Dashboard > Applications > APIs > Auth0 Management API > Machine to Machine Applications";

/// The Management API's answers (`errorCode`, else `error` in snake case,
/// and `message`) and those of the client-credentials grant for its token
/// (`error`, `error_description`). Looked up before [`TABLE`] for them.
pub const MANAGEMENT: &[Hint] = &[
    Hint {
        error: "insufficient_scope",
        description: None,
        meaning: "the Management API token lacks a scope this call needs",
        fix: "grant the scope the message names: authorize the application and tick the scopes in Dashboard > Applications > APIs > Auth0 Management API > Machine to Machine Applications, then run again (the tool gets a new token when the cached one lacks it)",
    },
    Hint {
        error: "unauthorized",
        description: Some("expired"),
        meaning: "the Management API token has expired",
        fix: "paste a new --mgmt-token / AUTH0_MGMT_TOKEN, or give --mgmt-client-id and --mgmt-client-secret so the tool gets tokens itself",
    },
    Hint {
        error: "unauthorized",
        description: None,
        meaning: "the Management API did not accept the token (malformed, or for another tenant or API)",
        fix: "give a token for https://DOMAIN/api/v2/ (--mgmt-token), or --mgmt-client-id and --mgmt-client-secret; behind a custom domain, --mgmt-domain TENANT.REGION.auth0.com",
    },
    Hint {
        error: "inexistent_user",
        description: None,
        meaning: "no user has this id",
        fix: "check the email or user id; `auth0-mfa users show EMAIL` finds a user by email",
    },
    Hint {
        error: "inexistent_connection",
        description: None,
        meaning: "no connection has this name",
        fix: "give --connection the name of a database connection (Dashboard > Authentication > Database)",
    },
    Hint {
        error: "invalid_body",
        description: Some("PasswordStrength"),
        meaning: "the password does not meet the connection's password policy",
        fix: "give a stronger --password, or leave it out for a strong random one",
    },
    Hint {
        error: "invalid_body",
        description: None,
        meaning: "the Management API refused the request's body",
        fix: "check --connection (a database connection) and --email; run with -vv to see what was sent",
    },
    Hint {
        error: "auth0_idp_error",
        description: Some("already exists"),
        meaning: "a user with this email exists in the connection",
        fix: "choose another --email, or leave it out for a random one; `auth0-mfa users delete EMAIL` removes the old user",
    },
    Hint {
        error: "conflict",
        description: None,
        meaning: "what was to be created exists already",
        fix: "choose another --email, or leave it out for a random one; `auth0-mfa users show USER` shows what the user has",
    },
    Hint {
        error: "too_many_requests",
        description: None,
        meaning: "the Management API's rate limit was reached (a free tenant allows 2 requests a second)",
        fix: "run again in a moment; a larger --timeout lets the tool wait the limit out",
    },
    Hint {
        error: "access_denied",
        description: Some("client-grant"),
        meaning: "the application is not authorized for the Auth0 Management API",
        fix: GRANT_IT,
    },
    Hint {
        error: "access_denied",
        description: Some("not been granted"),
        meaning: "the application was not granted a scope it asked for",
        fix: GRANT_IT,
    },
    Hint {
        error: "access_denied",
        description: Some("Service not found"),
        meaning: "the Management API is not served at this domain (a custom domain?)",
        fix: "give --mgmt-domain / AUTH0_MGMT_DOMAIN the tenant's canonical domain, TENANT.REGION.auth0.com",
    },
    Hint {
        error: "unauthorized_client",
        description: None,
        meaning: "the Client Credentials grant is not enabled for the Management application",
        fix: "enable it in Dashboard > Applications > (your M2M app) > Advanced Settings > Grant Types > Client Credentials",
    },
    Hint {
        error: "invalid_client",
        description: None,
        meaning: "the Management application's credentials were not accepted",
        fix: "check --mgmt-client-id / AUTH0_MGMT_CLIENT_ID and --mgmt-client-secret / AUTH0_MGMT_CLIENT_SECRET (Dashboard > Applications > (your M2M app) > Settings)",
    },
];

/// The README's troubleshooting table, generated from [`TABLE`] and
/// [`MANAGEMENT`] (a test keeps the README in step).
pub fn markdown() -> String {
    let cell = |text: &str| text.replace('|', "\\|");
    let mut out = String::from("| Auth0 says | meaning | fix |\n|---|---|---|\n");
    let rows = TABLE
        .iter()
        .map(|hint| ("", hint))
        .chain(MANAGEMENT.iter().map(|hint| ("Management API: ", hint)));
    for (api, hint) in rows {
        let says = match hint.description {
            Some(fragment) => format!("{api}`{}` \"…{}…\"", hint.error, fragment),
            None => format!("{api}`{}`", hint.error),
        };
        out.push_str(&format!(
            "| {says} | {} | {} |\n",
            cell(hint.meaning),
            cell(hint.fix)
        ));
    }
    out
}

impl Hint {
    /// The fix with `DOMAIN` filled in.
    pub fn fix_for(&self, domain: &crate::domain::Domain) -> String {
        self.fix.replace(
            "https://DOMAIN/",
            &format!("https://{}/", domain.authority()),
        )
    }
}

pub fn lookup(api: &ApiError) -> Option<&'static Hint> {
    find(TABLE, &api.error, api.description.as_deref())
}

fn find(table: &'static [Hint], error: &str, description: Option<&str>) -> Option<&'static Hint> {
    table.iter().find(|hint| {
        hint.error == error
            && hint.description.is_none_or(|fragment| {
                description.is_some_and(|d| d.to_lowercase().contains(&fragment.to_lowercase()))
            })
    })
}

/// The fix to print under a Management API failure.
pub fn for_management(error: &management::Error) -> Option<String> {
    match error {
        management::Error::Api(api) => {
            let hint = find(MANAGEMENT, &api.code, Some(&api.message))?;
            match api.retry_after {
                Some(wait) if api.status == 429 => Some(format!(
                    "{}; Auth0 asks to wait {} s",
                    hint.fix,
                    wait.as_secs()
                )),
                _ => Some(hint.fix.to_owned()),
            }
        }
        management::Error::Grant(Error::Api(api)) => {
            find(MANAGEMENT, &api.error, api.description.as_deref())
                .map(|hint| hint.fix.to_owned())
                .or_else(|| for_error(&Error::Api(api.clone())))
        }
        management::Error::Grant(Error::Network { tls: false, message, .. })
        | management::Error::Transport(Error::Network { tls: false, message, .. })
            if !message.contains("InvalidContentType") =>
        {
            Some("check --mgmt-domain / AUTH0_MGMT_DOMAIN (else --domain) and that the tenant is reachable".into())
        }
        management::Error::Grant(Error::Protocol { .. })
        | management::Error::Transport(Error::Protocol { .. }) => Some(
            "the server at the Management domain did not answer as Auth0: check --mgmt-domain (else --domain)".into(),
        ),
        management::Error::Grant(other) | management::Error::Transport(other) => for_error(other),
    }
}

/// The fix to print under an error, if there is one to give.
pub fn for_error(error: &Error) -> Option<String> {
    match error {
        Error::Api(api) => {
            let hint = lookup(api)?;
            // A skewed clock is the usual cause of codes that "cannot" be wrong.
            if api.error == "invalid_grant"
                && api.says("Invalid otp_code")
                && let Some(skew) = api.meta.clock_skew().filter(|s| s.abs() > 30)
            {
                let side = if skew > 0 { "ahead of" } else { "behind" };
                return Some(format!(
                    "this machine's clock is {} s {side} the server's, so TOTP codes computed here are wrong: set the clock right (e.g. `timedatectl set-ntp true`); {}",
                    skew.abs(),
                    hint.fix
                ));
            }
            match (api.error.as_str(), api.retry_after) {
                ("too_many_requests" | "too_many_attempts", Some(wait)) => Some(format!(
                    "{}; Auth0 asks to wait {} s",
                    hint.fix,
                    wait.as_secs()
                )),
                _ => Some(hint.fix.to_owned()),
            }
        }
        // rustls, when the server answers a TLS hello in plain HTTP.
        Error::Network { url, message, .. } if message.contains("InvalidContentType") => {
            let plain = url.replacen("https://", "http://", 1);
            let origin = plain.split('/').take(3).collect::<Vec<_>>().join("/");
            Some(format!(
                "the server answers plain HTTP, not HTTPS: for a local emulator pass --domain {origin}"
            ))
        }
        Error::Network { tls: true, .. } => Some(
            "the TLS handshake failed: if the tenant uses a private CA, pass --cacert FILE".into(),
        ),
        Error::Network { .. } => {
            Some("check --domain / AUTH0_DOMAIN and that the tenant is reachable".into())
        }
        Error::Protocol { .. } => Some(
            "the server at --domain did not answer as an Auth0 tenant: check the domain, or run `auth0-mfa doctor`".into(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Map;

    fn api(error: &str, description: &str) -> ApiError {
        ApiError {
            status: 403,
            error: error.into(),
            description: Some(description.into()),
            extra: Map::new(),
            retry_after: None,
            ..Default::default()
        }
    }

    #[test]
    fn specific_descriptions_win() {
        let hint = lookup(&api("invalid_grant", "Invalid otp_code.")).unwrap();
        assert!(hint.fix.contains("10 failed codes"));
        let hint = lookup(&api("invalid_grant", "Malformed mfa_token")).unwrap();
        assert!(hint.fix.contains("Fe26.2*"));
        let hint = lookup(&api("invalid_grant", "something else")).unwrap();
        assert!(hint.description.is_none());
    }

    #[test]
    fn grant_type_hint_names_the_dashboard_setting() {
        let hint = lookup(&api(
            "unauthorized_client",
            "Grant type 'http://auth0.com/oauth/grant-type/mfa-otp' not allowed for the client.",
        ))
        .unwrap();
        assert!(hint.fix.contains("Grant Types > MFA"));
    }

    #[test]
    fn every_error_of_the_protocol_table_has_a_hint() {
        for error in [
            "mfa_required",
            "unsupported_challenge_type",
            "association_required",
            "authorization_pending",
            "slow_down",
            "access_denied",
            "invalid_grant",
            "expired_token",
            "invalid_request",
            "invalid_client",
            "unauthorized_client",
            "too_many_attempts",
            "too_many_requests",
        ] {
            let mut e = api(error, "");
            e.description = None;
            assert!(
                lookup(&e).is_some() || error == "access_denied",
                "no hint for {error}"
            );
        }
    }
}
