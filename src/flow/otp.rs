//! The code for the mfa-otp grant: given (`--otp`), computed from the
//! secret, printed by `--otp-command`, or typed at a prompt; and never one
//! already sent. Auth0 refuses a code it has accepted once, and each refusal
//! costs one of the user's 10 attempts, so a code of a spent step waits for
//! the next step (or fails at once with `--no-otp-wait`) instead.

use std::time::{Duration, Instant};

use super::answers::OtpWait;
use super::{Answers, Flow, OTP_ASK};
use crate::codes;
use crate::error::Failure;
use crate::otp_command::CodeCommand;
use crate::secret::Secret;
use crate::spent::Claim;
use crate::totp::{self, Totp};

/// The step `--otp-command`'s code is assumed to change at (see `command_code`).
const COMMAND_STEP_SECONDS: u64 = 30;

/// Runs of `--otp-command` for one code: enough for steps up to 90 s long.
const COMMAND_RUNS: usize = 4;

impl Flow<'_> {
    /// The mfa-otp grant with the code `otp_code` finds. A computed code
    /// (`--otp-secret`, `--otp-command`) refused as invalid, from a source
    /// Auth0 has accepted on this machine before, was most likely spent by
    /// another machine in this step (a CI fleet sharing a test user): the
    /// next step's code is sent, once. A wrong source costs one attempt only.
    pub(super) async fn send_otp(
        &mut self,
        mfa_token: &Secret,
        answers: &Answers,
    ) -> Result<crate::auth0::TokenSet, Failure> {
        let tenant = self.client.domain().base_url();
        let source = computed_source(answers);
        let otp = self.otp_code(answers).await?;
        self.progress
            .step("verifying the code (mfa-otp grant, POST /oauth/token)");
        let refused = match self.client.verify_otp(mfa_token, &otp).await {
            Ok(tokens) => return Ok(self.accepted(&tenant, source.as_deref(), tokens)),
            Err(crate::auth0::Error::Api(api)) if is_invalid_code(&api) => api,
            Err(other) => return Err(other.into()),
        };
        let Some(source) =
            source.filter(|s| self.ledger.was_accepted(&tenant, s, totp::now_unix()))
        else {
            return Err(crate::auth0::Error::Api(refused).into());
        };
        self.progress.warn(
            "Auth0 refused the code, though codes from this source were accepted here before: another machine most likely used this step's code; trying once more with the next step's",
        );
        let otp = self.otp_code(answers).await?;
        self.progress
            .step("verifying the code (mfa-otp grant, POST /oauth/token)");
        let tokens = self.client.verify_otp(mfa_token, &otp).await?;
        Ok(self.accepted(&tenant, Some(&source), tokens))
    }

    fn accepted(
        &self,
        tenant: &str,
        source: Option<&str>,
        tokens: crate::auth0::TokenSet,
    ) -> crate::auth0::TokenSet {
        if let Some(source) = source {
            self.ledger.note_accepted(tenant, source, totp::now_unix());
        }
        tokens
    }

    /// `--otp`, else a code computed from the secret, else one from the
    /// command, else a prompt.
    pub(super) async fn otp_code(&mut self, answers: &Answers) -> Result<Secret, Failure> {
        let tenant = self.client.domain().base_url();
        if let Some(otp) = &answers.otp {
            self.refuse_reuse(&tenant, otp, "--otp")?;
            return Ok(otp.clone());
        }
        if let Some(generator) = &answers.totp {
            return self.computed(&tenant, generator, answers.otp_wait).await;
        }
        if let Some(command) = &answers.otp_command {
            return self.command_code(&tenant, command, answers.otp_wait).await;
        }
        let typed = self.prompter.secret(&OTP_ASK)?;
        let code = codes::otp(typed.expose()).map_err(|why| why.entered(OTP_ASK.what))?;
        self.refuse_reuse(&tenant, &code, "the code entered")?;
        Ok(code)
    }

    /// The code of the current step, once this process owns the step.
    async fn computed(
        &mut self,
        tenant: &str,
        generator: &Totp,
        wait: OtpWait,
    ) -> Result<Secret, Failure> {
        loop {
            let now = totp::now_unix();
            match self.ledger.claim_step(tenant, generator, now) {
                Ok(Claim::Granted { step }) => {
                    self.progress
                        .step("computed the TOTP code from the OTP secret");
                    return Ok(Secret::new(generator.code_for_step(step)));
                }
                Ok(Claim::SpentUntil { next_step_at }) => {
                    let period = Some(generator.period());
                    self.wait_for_step(next_step_at, period, wait, "its code")
                        .await?;
                }
                Err(e) => {
                    self.unrecorded(&e);
                    return Ok(Secret::new(generator.code_at(now)));
                }
            }
        }
    }

    /// The command's code, run again after the step turns if it printed a
    /// code that was sent already.
    async fn command_code(
        &mut self,
        tenant: &str,
        command: &CodeCommand,
        wait: OtpWait,
    ) -> Result<Secret, Failure> {
        for _ in 0..COMMAND_RUNS {
            let code = command.run()?;
            self.progress.step("took the code from the OTP command");
            let now = totp::now_unix();
            match self.ledger.claim_code(tenant, code.expose(), now) {
                Ok(None) => return Ok(code),
                Ok(Some(_)) => {
                    // The command's period is not known (there is no secret
                    // here): 30 s is the shortest in use and Auth0's own, and
                    // the boundaries of longer steps (60 s, 90 s) fall on 30 s
                    // ones, so the command runs again at each until it prints
                    // a new code.
                    let next_step_at = (now / COMMAND_STEP_SECONDS + 1) * COMMAND_STEP_SECONDS;
                    self.wait_for_step(next_step_at, None, wait, "the OTP command's code")
                        .await?;
                }
                Err(e) => {
                    self.unrecorded(&e);
                    return Ok(code);
                }
            }
        }
        Err(Failure::usage_with_hint(
            format!(
                "the OTP command ({}) keeps printing a code that was already sent",
                command.source
            ),
            "check that it prints the current code of the authenticator this user has",
        ))
    }

    /// A code typed or given that this machine sent within its validity.
    fn refuse_reuse(&self, tenant: &str, code: &Secret, given_as: &str) -> Result<(), Failure> {
        match self.ledger.claim_code(tenant, code.expose(), totp::now_unix()) {
            Ok(None) => Ok(()),
            Ok(Some(sent)) => Err(Failure::CodeSpent {
                message: format!(
                    "{given_as}: this code was already sent to Auth0 {} s ago, which accepts a code once; it was not sent again",
                    totp::now_unix().saturating_sub(sent)
                ),
                hint: "wait for the authenticator app's next code (or use --otp-secret, which waits by itself)".into(),
            }),
            Err(e) => {
                self.unrecorded(&e);
                Ok(())
            }
        }
    }

    /// Waits until `next_step_at` (Unix seconds), saying so, or fails at
    /// once with `--no-otp-wait`. `period`: the secret's step, when known.
    async fn wait_for_step(
        &mut self,
        next_step_at: u64,
        period: Option<u64>,
        wait: OtpWait,
        what: &str,
    ) -> Result<(), Failure> {
        let now_ms = totp::now_unix_ms();
        // A little past the boundary, so the new step has surely begun.
        let left = Duration::from_millis(
            next_step_at
                .saturating_mul(1000)
                .saturating_sub(now_ms)
                .saturating_add(100),
        );
        let seconds = left.as_secs_f64().ceil() as u64;
        let step = period.map_or("step".to_owned(), |p| format!("{p} s step"));
        if wait == OtpWait::Fail {
            return Err(Failure::CodeSpent {
                message: format!(
                    "the TOTP step now current was already spent, so {what} would be refused as reused; nothing was sent"
                ),
                hint: format!(
                    "the next {step} begins in {seconds} s: leave out --no-otp-wait to wait for it"
                ),
            });
        }
        self.progress.note(&format!(
            "the TOTP code of this {step} was already sent (Auth0 accepts a code once): waiting {seconds} s for the next one"
        ));
        let started = Instant::now();
        let label = |elapsed: Duration| {
            format!(
                "waiting for the next TOTP code ({} s left, Ctrl-C to stop)",
                seconds.saturating_sub(elapsed.as_secs())
            )
        };
        self.sleep(left, started, &label).await;
        self.progress.done_waiting();
        Ok(())
    }

    fn unrecorded(&self, error: &std::io::Error) {
        self.progress.warn(&format!(
            "cannot keep the record of spent codes ({error}); this code may be one already sent"
        ));
    }
}

/// What the code will be computed from, when it is computed: the secret's
/// fingerprint, or the OTP command; `None` for a code given or typed.
fn computed_source(answers: &Answers) -> Option<String> {
    if answers.otp.is_some() {
        return None;
    }
    if let Some(generator) = &answers.totp {
        return Some(format!("secret|{}", generator.fingerprint()));
    }
    answers
        .otp_command
        .as_ref()
        .map(|command| format!("command|{}", command.command))
}

/// Auth0's answer to a wrong or reused OTP.
fn is_invalid_code(api: &crate::auth0::ApiError) -> bool {
    api.error == "invalid_grant"
        && api
            .description
            .as_deref()
            .is_some_and(|d| d.contains("Invalid otp_code"))
}
