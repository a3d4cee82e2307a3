//! `verify`: the MFA grants of `/oauth/token`, for scripts that run each step.

use crate::auth0::Challenge;
use crate::cli::VerifyArgs;
use crate::error::Failure;
use crate::flow::Flow;
use crate::output::{Output, Report};
use crate::prompt::TerminalPrompter;
use crate::settings::Settings;

pub async fn run(
    args: &VerifyArgs,
    settings: &Settings,
    no_input: bool,
    out: &Output,
) -> Result<(), Failure> {
    let mfa_token = super::mfa_token(settings)?;
    let answers = super::answers(&args.answer, settings);
    let client = super::connect(settings, out)?;
    let mut prompter = TerminalPrompter::new(no_input);
    let progress = |step: &str| out.progress(step);
    let mut flow = Flow {
        client: &client,
        prompter: &mut prompter,
        progress: &progress,
    };
    // An OTP needs no challenge first: Auth0 accepts the mfa-otp grant directly.
    let otp_challenge = Challenge {
        challenge_type: "otp".into(),
        oob_code: None,
        binding_method: None,
        expires_in: None,
        interval: None,
        extra: Default::default(),
    };
    let tokens = flow.answer(&mfa_token, &otp_challenge, &answers).await?;
    out.result(Report::Tokens(&tokens));
    Ok(())
}
