//! `verify`: the MFA grants of `/oauth/token`, for scripts that run each step:
//! an OTP, an out-of-band code (a push to poll, or a binding code), or a
//! recovery code.

use crate::auth0::Challenge;
use crate::cli::VerifyArgs;
use crate::error::Failure;
use crate::flow::Flow;
use crate::output::Output;
use crate::prompt::TerminalPrompter;
use crate::secret::Secret;
use crate::settings::Settings;

pub async fn run(
    args: &VerifyArgs,
    settings: &Settings,
    no_input: bool,
    out: &Output,
) -> Result<(), Failure> {
    let mfa_token = super::mfa_token(settings)?;
    let answers = super::answers(&args.answer, settings);
    let waiting = super::waiting(settings, &args.wait);
    let client = super::connect(settings, out)?;
    let mut prompter = TerminalPrompter::new(no_input);
    let mut flow = Flow {
        client: &client,
        prompter: &mut prompter,
        progress: out,
    };
    let tokens = if answers.recovery_code.is_some() {
        flow.recover(&mfa_token, &answers).await?
    } else if let Some(oob_code) = &args.oob_code {
        let oob_code = Secret::new(oob_code.clone());
        match &answers.binding_code {
            Some(code) => client.verify_oob(&mfa_token, &oob_code, Some(code)).await?,
            None => {
                flow.wait_for_push(&mfa_token, &oob_code, None, waiting)
                    .await?
            }
        }
    } else {
        // An OTP needs no challenge first: Auth0 accepts the mfa-otp grant directly.
        flow.answer(&mfa_token, &otp_challenge(), &answers, waiting)
            .await?
    };
    super::finish(&tokens, args.answer.save_recovery_code.as_deref(), out)
}

fn otp_challenge() -> Challenge {
    Challenge {
        challenge_type: "otp".into(),
        oob_code: None,
        binding_method: None,
        expires_in: None,
        interval: None,
        extra: Default::default(),
    }
}
