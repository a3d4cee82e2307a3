//! `challenge`: `POST /mfa/challenge`, and with `--verify` the rest of the flow.

use super::Context;
use crate::auth0::ChallengeType;
use crate::cli::ChallengeArgs;
use crate::error::Failure;
use crate::flow::Flow;
use crate::output::Report;

pub async fn run(args: &ChallengeArgs, ctx: &Context<'_>) -> Result<(), Failure> {
    let (settings, out, _no_input) = (&ctx.settings, ctx.out, ctx.no_input);
    let save_to = super::save_to(
        args.answer.save_recovery_code.as_deref(),
        args.answer.overwrite,
    )?;
    let answers = super::answers(&args.answer, settings, super::Sends::Challenge)?;
    let mfa_token = super::mfa_token(settings)?;
    let client = ctx.connect()?;
    let mut prompter = ctx.prompter();
    let mut flow = Flow::new(&client, &mut prompter, out, settings.ledger());
    let types: Vec<ChallengeType> = args.types.iter().map(|&t| t.into()).collect();
    let challenge = flow
        .challenge(&mfa_token, &types, args.authenticator_id.as_deref())
        .await?;
    if !args.verify {
        out.result(Report::Challenge(&challenge))?;
        return Ok(());
    }
    let tokens = flow
        .answer(
            &mfa_token,
            &challenge,
            &answers,
            super::waiting(settings, &args.wait),
        )
        .await?;
    super::finish(&tokens, save_to.as_ref(), out)
}
