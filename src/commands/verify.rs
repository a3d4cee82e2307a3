//! `verify`: the MFA grants of `/oauth/token`, for scripts that run each step:
//! an OTP, an out-of-band code (a push to poll, or a binding code), or a
//! recovery code.

use super::Context;
use crate::cli::VerifyArgs;
use crate::error::Failure;
use crate::flow::Flow;

pub async fn run(args: &VerifyArgs, ctx: &Context<'_>) -> Result<(), Failure> {
    let (settings, out, _no_input) = (&ctx.settings, ctx.out, ctx.no_input);
    let save_to = super::save_to(
        args.answer.save_recovery_code.as_deref(),
        args.answer.overwrite,
    )?;
    let mfa_token = super::verify_token(settings)?;
    let answers = super::answers(&args.answer, settings, super::Sends::Nothing)?;
    let waiting = super::waiting(settings, &args.wait);
    let client = ctx.connect()?;
    let mut prompter = ctx.prompter();
    let mut flow = Flow::new(&client, &mut prompter, out, settings.ledger());
    let tokens = if answers.recovery_code.is_some() {
        flow.recover(&mfa_token, &answers).await?
    } else if let Some(oob_code) = &args.oob_code {
        let oob_code = crate::settings::cleaned_flag("--oob-code", "oob_code", oob_code)?;
        if answers.has_binding_code() {
            flow.verify_binding_code(&mfa_token, &oob_code, &answers)
                .await?
        } else {
            flow.wait_for_push(&mfa_token, &oob_code, None, waiting)
                .await?
        }
    } else {
        flow.verify_otp(&mfa_token, &answers).await?
    };
    super::finish(&tokens, save_to.as_ref(), out)
}
