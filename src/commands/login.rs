//! `login`: the password grant, then the MFA flow when Auth0 asks for it, or
//! a first enrollment when the user has no factor yet; the session it ends
//! with is stored for `token` and `logout`.

use super::Context;
use crate::auth0::{LoginOutcome, MfaRequired, TokenSet};
use crate::cli::LoginArgs;
use crate::error::Failure;
use crate::flow::{self, Answers, Flow, OtpWait, Requirements};
use crate::output::{Output, Report};
use crate::prompt::Prompter;
use crate::sessions::{self, SessionKey};
use crate::spent::Ledger;

use super::SaveTo;

pub async fn run(args: &LoginArgs, ctx: &Context<'_>) -> Result<(), Failure> {
    let (settings, out, _no_input) = (&ctx.settings, ctx.out, ctx.no_input);
    // Everything that can be wrong with the flags is found before the first request.
    let save_to = super::save_to(
        args.answer.save_recovery_code.as_deref(),
        args.answer.overwrite,
    )?;
    let answers = super::answers(
        &args.answer,
        settings,
        if args.enroll.is_some() {
            super::Sends::ChallengeOrEnrollment
        } else {
            super::Sends::Challenge
        },
    )?;
    let choice = super::choice(settings, args.authenticator_id.as_deref())?;
    let store = if args.no_store {
        None
    } else {
        settings.session_store()?
    };
    let mut prompter = ctx.prompter();
    if let Some(kind) = args.enroll {
        flow::enrollment(kind, args.phone.as_deref(), args.email.as_deref())?;
        if !prompter.can_prompt() {
            flow::check_confirmable(kind, &answers, None)?;
        }
    }
    let client = ctx.connect()?;
    let ledger = settings.ledger();
    refuse_a_spent_step(&answers, &client, &ledger)?;
    let login = super::password_login(settings, settings.username(), &mut prompter)?;
    let mut flow = Flow::new(&client, &mut prompter, out, ledger);
    let required = match flow.log_in(&login).await? {
        LoginOutcome::Tokens(_) if args.mfa_token_only => {
            return Err(Failure::usage_with_hint(
                "Auth0 did not ask for MFA: it issued tokens straight away",
                "run without --mfa-token-only to print them, or require MFA for this user (Dashboard > Security > Multi-factor Auth)",
            ));
        }
        LoginOutcome::Tokens(tokens) => {
            out.result(Report::Tokens(&tokens))?;
            return keep_session(store, ctx, &login.username, &tokens);
        }
        LoginOutcome::MfaRequired(required) => required,
    };
    if args.mfa_token_only {
        out.result(Report::MfaToken(&required))?;
        return Ok(());
    }
    out.progress("Auth0 answered mfa_required");
    let waiting = super::waiting(settings, &args.wait);
    let offered = Requirements::read(required.mfa_requirements.as_ref());
    // Auth0 says the user has no factor yet (`mfa_requirements.enroll`), or
    // the flow found none and --enroll says what to enroll then.
    if offered.enroll.is_none() {
        match flow.complete(&required, &choice, &answers, waiting).await {
            Ok(tokens) => {
                let finished = super::finish(&tokens, save_to.as_ref(), out);
                let kept = keep_session(store, ctx, &login.username, &tokens);
                return finished.and(kept);
            }
            Err(Failure::EnrollmentNeeded { .. }) if args.enroll.is_some() => {}
            Err(failure) => return Err(failure),
        }
    }
    let first = FirstFactor {
        args,
        answers,
        offered: &offered,
        save_to: save_to.as_ref(),
    };
    let (tokens, saved) = enroll_first(&mut flow, &required, first, waiting, out).await?;
    let kept = keep_session(store, ctx, &login.username, &tokens);
    saved.and(kept)
}

/// `--no-otp-wait` with a secret whose current step is spent: fail now,
/// before the password grant, since the code it would send is a reuse.
fn refuse_a_spent_step(
    answers: &Answers,
    client: &crate::auth0::Client,
    ledger: &Ledger,
) -> Result<(), Failure> {
    let Some(generator) = &answers.totp else {
        return Ok(());
    };
    if answers.otp_wait == OtpWait::Wait {
        return Ok(());
    }
    let now = crate::totp::now_unix();
    let tenant = client.domain().base_url();
    match ledger.step_spent(&tenant, generator, now) {
        None => Ok(()),
        Some(next_step_at) => Err(Failure::CodeSpent {
            message: "the TOTP step now current was already spent, so its code would be refused as reused; nothing was sent".into(),
            hint: format!(
                "the next {} s step begins in {} s: leave out --no-otp-wait to wait for it",
                generator.period(),
                next_step_at.saturating_sub(now)
            ),
        }),
    }
}

/// Stores the session the login ended with. The tokens are printed by then,
/// so a store that fails loses nothing: it is reported with its own exit code.
fn keep_session(
    store: Option<sessions::Store>,
    ctx: &Context<'_>,
    username: &str,
    tokens: &TokenSet,
) -> Result<(), Failure> {
    let Some(store) = store else {
        return Ok(());
    };
    let (settings, out) = (&ctx.settings, ctx.out);
    let key = SessionKey {
        tenant: settings.domain()?.base_url(),
        client_id: settings.client_id()?,
        audience: settings.audience(),
        username: username.to_owned(),
    };
    let now = crate::totp::now_unix();
    let mut sessions = ctx.sessions(&store)?;
    sessions.set_active(&key);
    let (place, note) = sessions.save(key, tokens, sessions::expiry_of(tokens, now))?;
    if let Some(note) = note {
        out.warn(&note);
    }
    out.progress(&format!(
        "session stored in {}",
        sessions.describe_place(place)
    ));
    if tokens.refresh_token.is_none() {
        out.progress(
            "no refresh token (add offline_access to --scope): `auth0-mfa token` works until the access token expires",
        );
    }
    Ok(())
}

/// What a first enrollment during login goes by.
struct FirstFactor<'a> {
    args: &'a LoginArgs,
    answers: Answers,
    offered: &'a Requirements,
    save_to: Option<&'a SaveTo>,
}

/// Enrolls the user's first factor with the login's mfa_token, confirms it,
/// and prints the tokens with the enrollment (secret, URI, recovery code).
/// The enrollment's save outcome comes back to end the command with.
async fn enroll_first(
    flow: &mut Flow<'_>,
    required: &MfaRequired,
    first: FirstFactor<'_>,
    waiting: crate::flow::Waiting,
    out: &Output,
) -> Result<(TokenSet, Result<(), Failure>), Failure> {
    let enrollment = flow.first_enrollment(
        first.args.enroll,
        first.args.phone.as_deref(),
        first.args.email.as_deref(),
        first.offered,
    )?;
    let (association, saved) =
        super::associate_and_show(flow, &required.mfa_token, &enrollment, first.save_to, out)
            .await?;
    let tokens = flow
        .confirm_enrollment(&required.mfa_token, &association, first.answers, waiting)
        .await?;
    out.result(Report::TokensAfterEnrollment {
        tokens: &tokens,
        association: &association,
    })?;
    Ok((tokens, saved))
}
