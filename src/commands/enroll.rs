//! `enroll`: `POST /mfa/associate`, show what the user needs (secret, QR code,
//! recovery codes), then confirm the enrollment unless `--no-confirm`.

use crate::auth0::{Association, Client, Enrollment, LoginOutcome, TokenSet};
use crate::cli::{EnrollArgs, EnrollKind};
use crate::codes;
use crate::error::Failure;
use crate::flow::{Answers, Flow, Message, Waiting};
use crate::output::{Output, Report, enrolled_json};
use crate::prompt::{Prompter, TerminalPrompter};
use crate::secret::Secret;
use crate::settings::{Key, Settings};
use crate::totp::Totp;

use super::{MfaApi, SaveTo};

pub async fn run(
    args: &EnrollArgs,
    settings: &Settings,
    no_input: bool,
    out: &Output,
) -> Result<(), Failure> {
    let domain = settings.domain()?;
    let enrollment = enrollment(args.kind, args.phone.as_deref(), args.email.as_deref())?;
    let save_to = super::save_to(args.save_recovery_code.as_deref(), args.overwrite)?;
    let given = given_answers(args, settings)?;
    let mut prompter = TerminalPrompter::new(no_input);
    // Refuse before enrolling what nobody could confirm.
    if !args.no_confirm && !prompter.can_prompt() {
        check_confirmable(args.kind, &given, Some("--no-confirm"))?;
    }
    let token_given = settings.get(Key::MfaToken).is_some();
    if args.no_confirm && !token_given && settings.get(Key::Username).is_some() {
        // The mfa_token a login here gets dies with this process: nothing
        // could confirm the enrollment later.
        return Err(Failure::usage_with_hint(
            "--no-confirm needs --token: the enrollment is confirmed later with the token it was made with",
            "T=$(auth0-mfa login -u USER --mfa-token-only), then `auth0-mfa enroll ... --token \"$T\" --no-confirm`",
        ));
    }
    let client = super::connect(settings, out)?;
    let token = match (settings.get(Key::MfaToken), settings.text(Key::Username)) {
        (None, Some(username)) => {
            first_factor_token(&client, settings, username, &mut prompter, out).await?
        }
        _ => super::mfa_api_token(settings, &domain, MfaApi::Enroll)?,
    };
    let mut flow = Flow::new(&client, &mut prompter, out);
    let (association, saved) =
        associate_and_show(&mut flow, &token, &enrollment, save_to.as_ref(), out).await?;
    if args.no_confirm {
        if out.json {
            out.result(Report::Enrolled {
                association: &association,
                confirmation: None,
            })?;
        }
        out.note(&how_to_confirm(&association));
        return saved;
    }
    let waiting = super::waiting(settings, &args.wait);
    let tokens = confirm(&mut flow, &token, &association, given, waiting).await?;
    out.result(Report::Enrolled {
        association: &association,
        confirmation: Some(&tokens),
    })?;
    saved
}

/// Enrolls with `token` and shows what the user needs: the secret, the QR
/// code, the recovery code of a first enrollment (saved first when asked:
/// nothing is lost whatever fails later). A failed save comes back beside
/// the association, to end the command only once the rest is done (Auth0
/// gives no second recovery code, so the enrollment is still confirmed).
pub(super) async fn associate_and_show(
    flow: &mut Flow<'_>,
    token: &Secret,
    enrollment: &Enrollment,
    save_to: Option<&SaveTo>,
    out: &Output,
) -> Result<(Association, Result<(), Failure>), Failure> {
    let association = flow.associate(token, enrollment).await?;
    flow.message = message_of(enrollment);
    let saved = match (save_to, association.recovery_codes.first()) {
        (Some(target), Some(code)) => {
            let saved = target.save(code);
            if saved.is_ok() {
                out.note(&format!("recovery code saved to {}", target.path.display()));
            }
            saved
        }
        _ => Ok(()),
    };
    if out.json {
        // The JSON comes at the end; a person confirming needs the secret now.
        out.aside(Report::Enrollment(&association));
    } else {
        out.result(Report::Enrollment(&association))?;
    }
    Ok((association, saved))
}

/// Confirms the enrollment; a failure carries it (recovery codes and all).
/// With `--otp-secret auto` the code comes from the secret Auth0 returned.
pub(super) async fn confirm(
    flow: &mut Flow<'_>,
    token: &Secret,
    association: &Association,
    given: Answers,
    waiting: Waiting,
) -> Result<TokenSet, Failure> {
    let answers = match (&association.secret, given.enrollment_secret) {
        (Some(secret), true) => Answers {
            totp: Some(
                Totp::parse(secret.expose(), Default::default()).map_err(|e| {
                    Failure::Auth0(crate::auth0::Error::Protocol {
                        url: flow.client.domain().url("/mfa/associate"),
                        status: None,
                        message: format!("the enrollment's secret is unusable: {e}"),
                        once_issued: Vec::new(),
                    })
                })?,
            ),
            ..given
        },
        _ => given,
    };
    flow.confirm_enrollment(token, association, &answers, waiting)
        .await
        .map_err(|cause| Failure::AfterEnrollment {
            enrollment: enrolled_json(association, None),
            cause: Box::new(cause),
        })
}

/// Logs the user in for the mfa_token that enrolls a first factor, so that a
/// new test user is set up in one command.
async fn first_factor_token(
    client: &Client,
    settings: &Settings,
    username: String,
    prompter: &mut TerminalPrompter,
    out: &Output,
) -> Result<Secret, Failure> {
    let mut login = super::password_login(settings, Some(username), prompter)?;
    // The mfa_token to enroll with comes from a plain login, whatever audience is set.
    login.audience = None;
    let mut flow = Flow::new(client, prompter, out);
    match flow.log_in(&login).await? {
        LoginOutcome::MfaRequired(required) => Ok(required.mfa_token),
        LoginOutcome::Tokens(_) => Err(Failure::usage_with_hint(
            "Auth0 issued tokens without asking for MFA, so there is no mfa_token to enroll with",
            "require MFA for the user (Dashboard > Security > Multi-factor Auth), or pass --token with an access token for https://DOMAIN/mfa/ with the enroll scope",
        )),
    }
}

/// Where an enrollment's message goes, for `--binding-code-command`.
fn message_of(enrollment: &Enrollment) -> Message {
    let (channel, destination) = match enrollment {
        Enrollment::Sms { phone } => (Some("sms"), Some(phone.clone())),
        Enrollment::Voice { phone } => (Some("voice"), Some(phone.clone())),
        Enrollment::Email { email } => (Some("email"), email.clone()),
        Enrollment::Otp | Enrollment::Push => (None, None),
    };
    Message {
        channel,
        destination,
    }
}

/// What to enroll, its contact checked before anything is sent.
pub(super) fn enrollment(
    kind: EnrollKind,
    phone: Option<&str>,
    email: Option<&str>,
) -> Result<Enrollment, Failure> {
    let phone = || -> Result<String, Failure> {
        let phone = phone.ok_or_else(|| {
            Failure::usage_with_hint(
                "no phone number given",
                "pass --phone in E.164 form, e.g. --phone +15555550123",
            )
        })?;
        let digits = phone.strip_prefix('+').unwrap_or("");
        if !(8..=15).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Failure::usage_with_hint(
                format!(
                    "'{}' is not a phone number in E.164 form",
                    crate::sanitize::sanitize(phone)
                ),
                "give + then the country code and number, digits only, e.g. --phone +15555550123",
            ));
        }
        Ok(phone.to_owned())
    };
    Ok(match kind {
        EnrollKind::Otp => Enrollment::Otp,
        EnrollKind::Sms => Enrollment::Sms { phone: phone()? },
        EnrollKind::Voice => Enrollment::Voice { phone: phone()? },
        EnrollKind::Email => Enrollment::Email {
            email: email.map(str::to_owned),
        },
        EnrollKind::Push => Enrollment::Push,
    })
}

/// Without a terminal, an enrollment must be confirmable from the flags
/// alone; `instead` names the way out the command offers.
pub(super) fn check_confirmable(
    kind: EnrollKind,
    given: &Answers,
    instead: Option<&str>,
) -> Result<(), Failure> {
    let answered = match kind {
        EnrollKind::Otp => given.has_otp() || given.enrollment_secret,
        EnrollKind::Sms | EnrollKind::Voice | EnrollKind::Email => given.has_binding_code(),
        EnrollKind::Push => true,
    };
    if answered {
        return Ok(());
    }
    let how = match (kind, instead) {
        (EnrollKind::Otp, Some(instead)) => format!(
            "pass --otp-secret auto to confirm with the returned secret, --otp CODE, or {instead}"
        ),
        (EnrollKind::Otp, None) => {
            "pass --otp-secret auto to confirm with the returned secret, or --otp CODE".to_owned()
        }
        (_, Some(instead)) => format!(
            "pass --binding-code-command CMD, which runs once the message is sent and prints its code, or {instead}, then confirm with `auth0-mfa verify --mfa-token TOKEN --oob-code OOB_CODE --binding-code CODE`"
        ),
        // `login --enroll`: no later step can confirm what it starts.
        (_, None) => "pass --binding-code-command CMD, which runs once the message is sent and prints its code, run it at a terminal to type the code, or pass --enroll otp --otp-secret auto".to_owned(),
    };
    Err(Failure::usage_with_hint(
        "the enrollment must be confirmed with a code, and there is no terminal to ask for it",
        how,
    ))
}

/// The answers given as flags, checked before anything is sent; `--otp-secret
/// auto` (and `--confirm-with-secret`) is filled in from Auth0's answer later.
fn given_answers(args: &EnrollArgs, settings: &Settings) -> Result<Answers, Failure> {
    if args.binding_code.is_some() {
        return Err(super::unsent_binding_code());
    }
    let auto = args.confirm_with_secret || args.otp_secret.as_deref() == Some("auto");
    Ok(Answers {
        otp: args
            .otp
            .as_deref()
            .map(|code| codes::otp(code).map_err(|why| why.of_flag("--otp")))
            .transpose()?,
        totp: match args.otp_secret.as_deref() {
            Some(secret) if !auto => Some(codes::totp(&Secret::from(secret), "--otp-secret")?),
            _ => None,
        },
        enrollment_secret: auto,
        binding_command: args
            .binding_code_command
            .as_deref()
            .map(|command| super::binding_command(command, settings))
            .transpose()?,
        ..Answers::default()
    })
}

fn how_to_confirm(association: &Association) -> String {
    let verify = if association.authenticator_type == "otp" {
        "auth0-mfa verify --mfa-token TOKEN --otp CODE".to_owned()
    } else if association.binding_method.as_deref() == Some("prompt") {
        "auth0-mfa verify --mfa-token TOKEN --oob-code OOB_CODE --binding-code CODE".to_owned()
    } else {
        "auth0-mfa verify --mfa-token TOKEN --oob-code OOB_CODE (polls until the Guardian app approves)".to_owned()
    };
    format!("left pending; confirm it within 5 minutes with the same token: {verify}")
}
