//! `login`: the password grant, then the MFA flow when Auth0 asks for it.

use crate::auth0::LoginOutcome;
use crate::cli::LoginArgs;
use crate::error::Failure;
use crate::flow::Flow;
use crate::output::{Output, Report};
use crate::prompt::TerminalPrompter;
use crate::settings::{Key, Settings};
use crate::spent::Ledger;

pub async fn run(
    args: &LoginArgs,
    settings: &Settings,
    no_input: bool,
    out: &Output,
) -> Result<(), Failure> {
    let save_to = super::save_to(
        args.answer.save_recovery_code.as_deref(),
        args.answer.overwrite,
    )?;
    let answers = super::answers(&args.answer, settings)?;
    let choice = super::choice(settings, args.authenticator_id.as_deref())?;
    let client = super::connect(settings, out)?;
    let mut prompter = TerminalPrompter::new(no_input);
    let login = super::password_login(settings, settings.text(Key::Username), &mut prompter)?;
    let mut flow = Flow {
        client: &client,
        prompter: &mut prompter,
        progress: out,
        ledger: &Ledger::default_place(),
    };
    let required = match flow.log_in(&login).await? {
        LoginOutcome::Tokens(_) if args.mfa_token_only => {
            return Err(Failure::usage_with_hint(
                "Auth0 did not ask for MFA: it issued tokens straight away",
                "run without --mfa-token-only to print them, or require MFA for this user (Dashboard > Security > Multi-factor Auth)",
            ));
        }
        LoginOutcome::Tokens(tokens) => {
            out.result(Report::Tokens(&tokens))?;
            return Ok(());
        }
        LoginOutcome::MfaRequired(required) => required,
    };
    if args.mfa_token_only {
        out.result(Report::MfaToken(&required))?;
        return Ok(());
    }
    out.progress("Auth0 answered mfa_required");
    let tokens = flow
        .complete(
            &required,
            &choice,
            &answers,
            super::waiting(settings, &args.wait),
        )
        .await?;
    super::finish(&tokens, save_to.as_ref(), out)
}
