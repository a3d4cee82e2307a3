//! `users create|show|unblock|reset-mfa|delete`: test users on demand
//! through the Management API. `create` makes a database user with a TOTP
//! method confirmed at once, marked in `app_metadata` so that a sweep
//! (`delete --created-by-this-tool --older-than AGE`) removes only the
//! users this tool made.

use std::path::Path;

use rand::Rng;
use serde_json::{Map, Value, json};

use crate::cli::UsersAction;
use crate::error::Failure;
use crate::management::{
    self, ApiError, CREATE_METHODS, CREATE_USERS, DELETE_METHODS, DELETE_USERS, NewUser,
    READ_METHODS, READ_USERS, UPDATE_USERS, User, UserRef,
};
use crate::output::{CreatedUser, Output, Report};
use crate::prompt::{Prompter, TerminalPrompter};

use super::Context;
use crate::secret::Secret;
use crate::settings::Settings;

use super::management::connect;

/// The mark `users create` leaves in `app_metadata.created_by`.
pub const CREATED_BY: &str = "auth0-mfa";

/// The name of the TOTP method it creates (Auth0 allows 20 characters).
const METHOD_NAME: &str = "auth0-mfa";

pub async fn run(action: &UsersAction, ctx: &Context<'_>) -> Result<(), Failure> {
    let (settings, out, no_input) = (&ctx.settings, ctx.out, ctx.no_input);
    match action {
        UsersAction::Create {
            connection,
            email,
            password,
            password_file,
            otp_secret,
        } => {
            let wanted = Wanted {
                connection: connection.clone().or_else(|| settings.realm()),
                email: email.clone(),
                password: given_password(password.as_deref(), password_file.as_deref())?,
                otp_secret: otp_secret.clone(),
            };
            create(wanted, settings, out).await
        }
        UsersAction::Show { user } => show(&UserRef::parse(user), settings, out).await,
        UsersAction::Unblock { user } => {
            let user = UserRef::parse(user);
            let client = connect(settings, out, &[UPDATE_USERS]).await?;
            client.unblock(&user).await?;
            out.result(Report::Unblocked(user.as_str()))
        }
        UsersAction::ResetMfa { user, yes } => {
            let confirm = Confirm::new(*yes, no_input, "removing every authentication method")?;
            let user = UserRef::parse(user);
            let client = connect(settings, out, &with_lookup(&user, DELETE_METHODS)).await?;
            let (id, shown) = resolve_id(&client, &user).await?;
            confirm.ask(&format!("Remove every authentication method of {shown}?"))?;
            client.delete_authentication_methods(&id).await?;
            out.result(Report::MfaReset(&id))
        }
        UsersAction::Delete {
            user: Some(user),
            yes,
            ..
        } => {
            let confirm = Confirm::new(*yes, no_input, "deleting a user")?;
            let user = UserRef::parse(user);
            let client = connect(settings, out, &with_lookup(&user, DELETE_USERS)).await?;
            let (id, shown) = resolve_id(&client, &user).await?;
            confirm.ask(&format!("Delete the user {shown}?"))?;
            client.delete_user(&id).await?;
            let deleted = User {
                user_id: id,
                email: match user {
                    UserRef::Email(email) => Some(email),
                    UserRef::Id(_) => None,
                },
                created_at: None,
                app_metadata: None,
                identities: None,
            };
            out.result(Report::UsersDeleted(&[deleted]))
        }
        UsersAction::Delete {
            older_than, yes, ..
        } => {
            let age = parse_age(older_than.as_deref().unwrap_or_default())?;
            let confirm = Confirm::new(*yes, no_input, "deleting users")?;
            sweep(age, confirm, settings, out).await
        }
    }
}

/// What `users create` was asked for; the rest is made up.
struct Wanted {
    connection: Option<String>,
    email: Option<String>,
    password: Option<Secret>,
    otp_secret: String,
}

async fn create(wanted: Wanted, settings: &Settings, out: &Output) -> Result<(), Failure> {
    let connection = wanted.connection.ok_or_else(|| {
        Failure::usage_with_hint(
            "no connection given to create the user in",
            "pass --connection NAME (a database connection, e.g. Username-Password-Authentication), or set AUTH0_REALM",
        )
    })?;
    let otp_secret = otp_secret(&wanted.otp_secret)?;
    let email = wanted.email.unwrap_or_else(random_email);
    let password = wanted.password.unwrap_or_else(random_password);
    let client = connect(settings, out, &[CREATE_USERS, CREATE_METHODS]).await?;
    let mut app_metadata = Map::new();
    app_metadata.insert("created_by".into(), json!(CREATED_BY));
    app_metadata.insert("created_at".into(), json!(crate::totp::now_unix()));
    let new = NewUser {
        connection: connection.clone(),
        email: email.clone(),
        password: password.clone(),
        app_metadata,
    };
    let user = client.create_user(&new).await?;
    let method = match client
        .create_totp(&user.user_id, &otp_secret, METHOD_NAME)
        .await
    {
        Ok(method) => method,
        Err(error) => {
            // A user without its method is no use to the job that asked,
            // and nothing else would remove it.
            if let Err(cleanup) = client.delete_user(&user.user_id).await {
                out.warn(&format!(
                    "the user {} stays without a TOTP method ({cleanup}); remove it with `auth0-mfa users delete '{}' --yes`",
                    user.user_id, user.user_id
                ));
            }
            return Err(error.into());
        }
    };
    out.result(Report::UserCreated(&CreatedUser {
        user_id: user.user_id.clone(),
        email: user.email.clone().unwrap_or(email),
        password,
        otp_secret,
        connection,
        authentication_method_id: method.id,
    }))
}

async fn show(user: &UserRef, settings: &Settings, out: &Output) -> Result<(), Failure> {
    let client = connect(settings, out, &[READ_USERS, READ_METHODS]).await?;
    let user = match user {
        UserRef::Email(email) => one_by_email(&client, email).await?,
        UserRef::Id(id) => client.user(id).await?,
    };
    let (methods, blocks) = tokio::join!(
        client.authentication_methods(&user.user_id),
        client.user_blocks(&user.user_id)
    );
    out.result(Report::User {
        user: &user,
        methods: &methods?,
        blocks: &blocks?,
    })
}

/// Deletes the users this tool created more than `age` ago: found by their
/// mark, and each checked again here, so a search that matched more never
/// deletes a user this tool did not create.
async fn sweep(
    age: std::time::Duration,
    confirm: Confirm,
    settings: &Settings,
    out: &Output,
) -> Result<(), Failure> {
    let client = connect(settings, out, &[READ_USERS, DELETE_USERS]).await?;
    let query = format!("app_metadata.created_by:\"{CREATED_BY}\"");
    let cutoff = crate::totp::now_unix().saturating_sub(age.as_secs());
    let doomed: Vec<User> = client
        .search_users(&query)
        .await?
        .into_iter()
        .filter(|user| created_here_before(user, cutoff))
        .collect();
    if !doomed.is_empty() {
        confirm.ask(&format!(
            "Delete {} user(s) this tool created more than {} ago?",
            doomed.len(),
            crate::output::human_duration(age.as_secs())
        ))?;
    }
    for user in &doomed {
        client.delete_user(&user.user_id).await?;
    }
    out.result(Report::UsersDeleted(&doomed))
}

/// Marked by this tool, with a creation time at or before `cutoff`.
fn created_here_before(user: &User, cutoff: u64) -> bool {
    let Some(metadata) = &user.app_metadata else {
        return false;
    };
    metadata.get("created_by").and_then(Value::as_str) == Some(CREATED_BY)
        && metadata
            .get("created_at")
            .and_then(Value::as_u64)
            .is_some_and(|at| at <= cutoff)
}

/// The scopes of a command on one user: finding a user by email reads users.
fn with_lookup<'a>(user: &UserRef, scope: &'a str) -> Vec<&'a str> {
    match user {
        UserRef::Email(_) => vec![READ_USERS, scope],
        UserRef::Id(_) => vec![scope],
    }
}

/// The user id, and how to name the user in a prompt.
async fn resolve_id(
    client: &management::Client,
    user: &UserRef,
) -> Result<(String, String), Failure> {
    match user {
        UserRef::Id(id) => Ok((id.clone(), id.clone())),
        UserRef::Email(email) => {
            let found = one_by_email(client, email).await?;
            let shown = format!("{email} ({})", found.user_id);
            Ok((found.user_id, shown))
        }
    }
}

/// The one user with this email: none is Auth0's 404, several (one per
/// connection) a usage error listing their ids.
async fn one_by_email(client: &management::Client, email: &str) -> Result<User, Failure> {
    let mut users = client.users_by_email(email).await?;
    match users.len() {
        1 => Ok(users.remove(0)),
        0 => Err(Failure::Management(management::Error::Api(ApiError {
            status: 404,
            error: "Not Found".into(),
            message: format!(
                "no user has the email {} (Auth0 matches emails case-sensitively)",
                crate::sanitize::sanitize_line(email)
            ),
            error_code: None,
            code: "inexistent_user".into(),
            retry_after: None,
        }))),
        _ => {
            let ids: Vec<String> = users
                .iter()
                .map(|u| format!("{} ({})", u.user_id, u.connection().unwrap_or("?")))
                .collect();
            Err(Failure::usage_with_hint(
                format!("{} users have the email {email}", users.len()),
                format!("give the user id instead: {}", ids.join(", ")),
            ))
        }
    }
}

impl UserRef {
    fn as_str(&self) -> &str {
        match self {
            UserRef::Id(text) | UserRef::Email(text) => text,
        }
    }
}

/// A destructive command's confirmation: `--yes`, or a question on a
/// terminal (default no). Without either it fails before anything is sent.
struct Confirm {
    prompter: Option<TerminalPrompter>,
}

impl Confirm {
    fn new(yes: bool, no_input: bool, doing: &str) -> Result<Confirm, Failure> {
        if yes {
            return Ok(Confirm { prompter: None });
        }
        let prompter = TerminalPrompter::new(no_input);
        if !prompter.can_prompt() {
            return Err(Failure::usage_with_hint(
                format!(
                    "{doing} needs confirmation, and there is no terminal to ask on; nothing was changed"
                ),
                "pass --yes to go ahead without asking",
            ));
        }
        Ok(Confirm {
            prompter: Some(prompter),
        })
    }

    fn ask(mut self, question: &str) -> Result<(), Failure> {
        let Some(prompter) = &mut self.prompter else {
            return Ok(());
        };
        if prompter.confirm(&crate::sanitize::sanitize_line(question))? {
            Ok(())
        } else {
            Err(Failure::usage_with_hint(
                "nothing was changed",
                "pass --yes to go ahead without asking",
            ))
        }
    }
}

/// `--password`, `--password -` (stdin) or `--password-file`.
fn given_password(value: Option<&str>, file: Option<&Path>) -> Result<Option<Secret>, Failure> {
    let password = match (value, file) {
        (Some("-"), _) => crate::settings::read_stdin_line("the password", "--password")?,
        (Some(value), _) => Secret::new(value),
        (None, Some(path)) => crate::settings::read_secret_file(path, "(--password-file)")?,
        (None, None) => return Ok(None),
    };
    if password.is_empty() {
        return Err(Failure::usage_with_hint(
            "the password given is empty",
            "give a password, or leave --password out for a strong random one",
        ));
    }
    Ok(Some(password))
}

/// `auto`: 20 random bytes (160 bits, as RFC 4226 recommends) in base32;
/// else the base32 secret given, checked and normalised.
fn otp_secret(given: &str) -> Result<Secret, Failure> {
    if given.eq_ignore_ascii_case("auto") {
        let bytes: [u8; 20] = rand::rngs::OsRng.r#gen();
        return Ok(Secret::new(encode_base32(&bytes)));
    }
    let normalised: String = given
        .chars()
        .filter(|c| !matches!(c, ' ' | '-'))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let key = crate::totp::decode_base32(&normalised).map_err(|e| {
        Failure::usage_with_hint(
            format!("--otp-secret: {e}"),
            "give a base32 secret (A-Z, 2-7), or auto for a random one",
        )
    })?;
    if key.len() < 10 {
        return Err(Failure::usage_with_hint(
            format!(
                "--otp-secret holds {} bytes; authenticators expect at least 10 (16 base32 characters)",
                key.len()
            ),
            "give a longer base32 secret, or auto for a random one",
        ));
    }
    Ok(Secret::new(normalised.trim_end_matches('=')))
}

/// RFC 4648 base32 without padding, as authenticator apps take it.
fn encode_base32(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut out = String::new();
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &byte in bytes {
        buffer = (buffer << 8) | u32::from(byte);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(char::from(ALPHABET[((buffer >> bits) & 31) as usize]));
        }
    }
    if bits > 0 {
        out.push(char::from(ALPHABET[((buffer << (5 - bits)) & 31) as usize]));
    }
    out
}

/// `test-` and 12 random hex digits `@example.com`: a domain that receives
/// no mail, so verification or reset emails go nowhere.
fn random_email() -> String {
    let n: u64 = rand::rngs::OsRng.gen_range(0..1 << 48);
    format!("test-{n:012x}@example.com")
}

/// 24 characters with lower and upper case letters, digits and symbols, no
/// character three times in a row: the strictest Auth0 password policy
/// ("excellent") takes it. It starts with a letter or digit, so that
/// `--password VALUE` never reads it as a flag.
fn random_password() -> Secret {
    const CLASSES: [&[u8]; 4] = [
        b"abcdefghijkmnopqrstuvwxyz",
        b"ABCDEFGHJKLMNPQRSTUVWXYZ",
        b"23456789",
        b"!#%+-=?@^_~",
    ];
    let mut rng = rand::rngs::OsRng;
    loop {
        // The first four are one of each class; the rest from any.
        let mut chars: Vec<u8> = (0..24)
            .map(|i| {
                let class = CLASSES[if i < 4 { i } else { rng.gen_range(0..4) }];
                class[rng.gen_range(0..class.len())]
            })
            .collect();
        // Shuffle so the classes are not always in the same places.
        for i in (1..chars.len()).rev() {
            chars.swap(i, rng.gen_range(0..=i));
        }
        // Drawn again (rarely) rather than patched, which would skew it.
        let triple = chars.windows(3).any(|w| w[0] == w[1] && w[1] == w[2]);
        if chars[0].is_ascii_alphanumeric() && !triple {
            return Secret::new(String::from_utf8(chars).unwrap_or_default());
        }
    }
}

/// `90s`, `30m`, `12h`, `1d`, `2w` (a number alone is seconds).
fn parse_age(text: &str) -> Result<std::time::Duration, Failure> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let unit_seconds = match unit {
        "" | "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        "w" => 7 * 86_400,
        _ => 0,
    };
    match number.parse::<u64>() {
        Ok(n) if unit_seconds > 0 => Ok(std::time::Duration::from_secs(
            n.saturating_mul(unit_seconds),
        )),
        _ => Err(Failure::usage_with_hint(
            format!("--older-than {text} is not an age"),
            "give a number and a unit: 90s, 30m, 12h, 1d, 2w",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base32_encodes_as_rfc4648_and_decodes_back() {
        assert_eq!(encode_base32(b"foobar"), "MZXW6YTBOI");
        assert_eq!(encode_base32(b""), "");
        let secret = otp_secret("auto").unwrap();
        assert_eq!(secret.expose().len(), 32);
        assert_eq!(
            crate::totp::decode_base32(secret.expose()).unwrap().len(),
            20
        );
        assert_ne!(otp_secret("auto").unwrap(), secret);
    }

    #[test]
    fn a_given_secret_is_normalised_or_refused() {
        assert_eq!(
            otp_secret("jbsw y3dp-ehpk 3pxp").unwrap().expose(),
            "JBSWY3DPEHPK3PXP"
        );
        assert!(otp_secret("not base32!").is_err());
        assert!(otp_secret("JBSWY3DP").is_err(), "5 bytes is too short");
    }

    #[test]
    fn random_passwords_have_every_class_and_no_triple() {
        for _ in 0..200 {
            let password = random_password();
            let text = password.expose();
            assert_eq!(text.len(), 24);
            assert!(text.chars().any(|c| c.is_ascii_lowercase()), "{text}");
            assert!(text.chars().any(|c| c.is_ascii_uppercase()), "{text}");
            assert!(text.chars().any(|c| c.is_ascii_digit()), "{text}");
            assert!(text.chars().any(|c| !c.is_ascii_alphanumeric()), "{text}");
            assert!(text.as_bytes()[0].is_ascii_alphanumeric(), "{text}");
            let triple = text
                .as_bytes()
                .windows(3)
                .any(|w| w[0] == w[1] && w[1] == w[2]);
            assert!(!triple, "{text}");
        }
        assert_ne!(random_password(), random_password());
    }

    #[test]
    fn random_emails_are_test_addresses_that_differ() {
        let email = random_email();
        assert!(
            email.starts_with("test-") && email.ends_with("@example.com"),
            "{email}"
        );
        assert_ne!(random_email(), email);
    }

    #[test]
    fn ages_take_units() {
        assert_eq!(parse_age("1d").unwrap().as_secs(), 86_400);
        assert_eq!(parse_age("30m").unwrap().as_secs(), 1800);
        assert_eq!(parse_age("90").unwrap().as_secs(), 90);
        assert_eq!(parse_age("2w").unwrap().as_secs(), 14 * 86_400);
        assert!(parse_age("1y").is_err());
        assert!(parse_age("d").is_err());
        assert!(parse_age("").is_err());
    }

    #[test]
    fn only_users_marked_by_this_tool_and_old_enough_are_swept() {
        let user = |metadata: Value| User {
            user_id: "auth0|1".into(),
            email: None,
            created_at: None,
            app_metadata: metadata.as_object().cloned(),
            identities: None,
        };
        let now = 1_700_000_000;
        assert!(created_here_before(
            &user(json!({"created_by": "auth0-mfa", "created_at": now - 10})),
            now
        ));
        assert!(!created_here_before(
            &user(json!({"created_by": "auth0-mfa", "created_at": now + 10})),
            now
        ));
        assert!(!created_here_before(
            &user(json!({"created_by": "someone-else", "created_at": 1})),
            now
        ));
        assert!(!created_here_before(
            &user(json!({"created_by": "auth0-mfa"})),
            now
        ));
        assert!(!created_here_before(&user(Value::Null), now));
    }
}
