//! `enroll`: `POST /mfa/associate`, show what the user needs (secret, QR code,
//! recovery codes), then confirm the enrollment unless `--no-confirm`.

use super::Context;
use crate::auth0::{Association, Client, LoginOutcome};
use crate::cli::EnrollArgs;
use crate::codes;
use crate::error::Failure;
use crate::flow::{self, Answers, Flow};
use crate::output::{Output, Report};
use crate::prompt::{Prompter, TerminalPrompter};
use crate::secret::Secret;
use crate::settings::Settings;

use super::MfaApi;

pub async fn run(args: &EnrollArgs, ctx: &Context<'_>) -> Result<(), Failure> {
    let (settings, out, _no_input) = (&ctx.settings, ctx.out, ctx.no_input);
    let domain = settings.domain()?;
    let enrollment = flow::enrollment(args.kind, args.phone.as_deref(), args.email.as_deref())?;
    let save_to = super::save_to(args.save_recovery_code.as_deref(), args.overwrite)?;
    let given = given_answers(args, settings)?;
    let mut prompter = ctx.prompter();
    // Refuse before enrolling what nobody could confirm.
    if !args.no_confirm && !prompter.can_prompt() {
        flow::check_confirmable(args.kind, &given, Some("--no-confirm"))?;
    }
    let token_given = settings.mfa_token_given();
    if args.no_confirm && !token_given && settings.username().is_some() {
        // The mfa_token a login here gets dies with this process: nothing
        // could confirm the enrollment later.
        return Err(Failure::usage_with_hint(
            "--no-confirm needs --token: the enrollment is confirmed later with the token it was made with",
            "T=$(auth0-mfa login -u USER --mfa-token-only), then `auth0-mfa enroll ... --token \"$T\" --no-confirm`",
        ));
    }
    let client = ctx.connect()?;
    let token = match (token_given, settings.username()) {
        (false, Some(username)) => {
            first_factor_token(&client, settings, username, &mut prompter, out).await?
        }
        _ => super::mfa_api_token(settings, &domain, MfaApi::Enroll)?,
    };
    let mut flow = Flow::new(&client, &mut prompter, out, settings.ledger());
    let (association, saved) =
        super::associate_and_show(&mut flow, &token, &enrollment, save_to.as_ref(), out).await?;
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
    let tokens = flow
        .confirm_enrollment(&token, &association, given, waiting)
        .await?;
    out.result(Report::Enrolled {
        association: &association,
        confirmation: Some(&tokens),
    })?;
    saved
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
    let mut flow = Flow::new(client, prompter, out, settings.ledger());
    match flow.log_in(&login).await? {
        LoginOutcome::MfaRequired(required) => Ok(required.mfa_token),
        LoginOutcome::Tokens(_) => Err(Failure::usage_with_hint(
            "Auth0 issued tokens without asking for MFA, so there is no mfa_token to enroll with",
            "require MFA for the user (Dashboard > Security > Multi-factor Auth), or pass --token with an access token for https://DOMAIN/mfa/ with the enroll scope",
        )),
    }
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
