//! The MFA flow after `mfa_required`: choose a factor, challenge it, obtain the
//! answer (a flag, a computed TOTP code, a prompt, or a push approval), verify,
//! tokens; and enrolling a factor (`enroll`), the first one as the user logs
//! in (`first_factor`). Prompts and progress sit behind traits, so it runs
//! without a terminal.

pub mod answers;
mod enroll;
mod factor;
mod first_factor;
mod otp;
mod poll;
mod requirements;

use std::time::{Duration, Instant};

use crate::auth0::{
    Authenticator, Challenge, ChallengeType, Client, LoginOutcome, MfaRequired, PasswordLogin,
    TokenSet,
};
use crate::codes;
use crate::error::Failure;
use crate::factor::Factor;
use crate::progress::Progress;
use crate::prompt::{Ask, Prompter, cannot_prompt};
use crate::secret::Secret;
use crate::spent::Ledger;

pub use answers::{Answers, OtpWait};
pub use enroll::{check_confirmable, enrollment};
pub use factor::{Pick, pick};
pub use poll::{DEFAULT_INTERVAL, DEFAULT_TIMEOUT, Next, PushPoll};
pub use requirements::Requirements;

/// Which authenticator to use: `--factor`, `--authenticator-id`, else ask.
#[derive(Debug, Default, Clone)]
pub struct Choice {
    pub factor: Option<Factor>,
    pub authenticator_id: Option<String>,
}

/// How to wait for a push.
#[derive(Debug, Clone, Copy)]
pub struct Waiting {
    pub interval: Option<Duration>,
    pub timeout: Duration,
    /// `--no-wait`: poll once and report a pending push.
    pub once: bool,
}

impl Default for Waiting {
    fn default() -> Self {
        Waiting {
            interval: None,
            timeout: DEFAULT_TIMEOUT,
            once: false,
        }
    }
}

pub struct Flow<'a> {
    pub client: &'a Client,
    pub prompter: &'a mut dyn Prompter,
    pub progress: &'a dyn Progress,
    /// The one-time codes already sent, so none is sent twice.
    pub ledger: Ledger,
    /// Where the message with a code goes, as far as it is known.
    pub message: Message,
}

/// The channel and destination of a message with a code: said on stderr
/// and handed to `--binding-code-command`, which fetches the code. Auth0's
/// challenge answer names neither, so they come from the factor chosen and
/// the authenticator listed (a masked name) or the contact enrolled.
#[derive(Debug, Default, Clone)]
pub struct Message {
    pub channel: Option<&'static str>,
    pub destination: Option<String>,
}

const OTP_ASK: Ask<'static> = Ask {
    prompt: "One-time code from the authenticator app",
    what: "the OTP code",
    how: "pass --otp CODE, or --otp-secret SECRET / AUTH0_OTP_SECRET to compute it",
};

const BINDING_ASK: Ask<'static> = Ask {
    prompt: "Code from the message Auth0 sent",
    what: "the code sent by SMS, voice or email",
    how: BINDING_CODE_WAYS,
};

/// The ways to answer a message without a terminal. A `--binding-code`
/// given before the message exists cannot be its code.
pub const BINDING_CODE_WAYS: &str = "pass --binding-code-command CMD, which runs once the message is sent and prints its code (against the emulator: 'auth0-mfa emulator outbox --to \"$AUTH0_MFA_DESTINATION\" --latest'), or send it with `auth0-mfa challenge --type oob` and answer with `auth0-mfa verify --oob-code OOB_CODE --binding-code CODE`";

const RECOVERY_ASK: Ask<'static> = Ask {
    prompt: "Recovery code",
    what: "the recovery code",
    how: "pass --recovery-code CODE",
};

impl<'a> Flow<'a> {
    /// A flow that keeps its record of spent codes in `ledger`.
    pub fn new(
        client: &'a Client,
        prompter: &'a mut dyn Prompter,
        progress: &'a dyn Progress,
        ledger: Ledger,
    ) -> Flow<'a> {
        Flow {
            client,
            prompter,
            progress,
            ledger,
            message: Message::default(),
        }
    }
}

impl Flow<'_> {
    /// The first step: the password grant, which may answer `mfa_required`.
    pub async fn log_in(&mut self, login: &PasswordLogin) -> Result<LoginOutcome, Failure> {
        self.progress.step(&format!(
            "logging in as {} (POST /oauth/token)",
            login.username
        ));
        Ok(self.client.login_password(login).await?)
    }

    /// `POST /mfa/challenge` as asked, for scripts that run the steps one by one.
    pub async fn challenge(
        &mut self,
        mfa_token: &Secret,
        types: &[ChallengeType],
        authenticator_id: Option<&str>,
    ) -> Result<Challenge, Failure> {
        self.progress
            .step("requesting a challenge (POST /mfa/challenge)");
        Ok(self
            .client
            .challenge(mfa_token, types, authenticator_id)
            .await?)
    }

    /// The mfa-otp grant without a challenge first: Auth0 accepts it directly.
    pub async fn verify_otp(
        &mut self,
        mfa_token: &Secret,
        answers: &Answers,
    ) -> Result<TokenSet, Failure> {
        self.send_otp(mfa_token, answers).await
    }

    /// The mfa-oob grant for a code that a message delivered.
    pub async fn verify_binding_code(
        &mut self,
        mfa_token: &Secret,
        oob_code: &Secret,
        answers: &Answers,
    ) -> Result<TokenSet, Failure> {
        let code = self.binding_code(answers)?;
        self.progress
            .step("verifying the code (mfa-oob grant, POST /oauth/token)");
        Ok(self
            .client
            .verify_oob(mfa_token, oob_code, Some(&code))
            .await?)
    }

    /// From `mfa_required` to tokens, in the fewest requests the protocol
    /// allows: an OTP goes straight to the mfa-otp grant (no list, no
    /// challenge: Auth0 needs neither), a lone out-of-band factor is
    /// challenged without looking up its id, and the authenticator list is
    /// read only when a choice has to be made.
    pub async fn complete(
        &mut self,
        required: &MfaRequired,
        choice: &Choice,
        answers: &Answers,
        waiting: Waiting,
    ) -> Result<TokenSet, Failure> {
        let mfa_token = &required.mfa_token;
        let offered = Requirements::read(required.mfa_requirements.as_ref());
        let from_id = choice
            .authenticator_id
            .as_deref()
            .and_then(|id| id.split_once('|'))
            .and_then(|(prefix, _)| Factor::from_id_prefix(prefix));
        let wanted = from_id
            .or(choice.factor)
            .or_else(|| answers.implied_factor())
            .or_else(|| offered.sole_factor());
        match wanted {
            Some(Factor::RecoveryCode) => return self.recover(mfa_token, answers).await,
            Some(Factor::Otp) if offered.allows(Factor::Otp) != Some(false) => {
                self.check_answerable(Some(Factor::Otp), answers)?;
                return self.otp_without_challenge(mfa_token, answers).await;
            }
            Some(Factor::Otp) => return Err(self.not_offered(mfa_token, Factor::Otp).await),
            _ => {}
        }
        let (factor, authenticator_id) = match &choice.authenticator_id {
            Some(id) => (wanted, Some(id.clone())),
            None => match wanted {
                Some(factor) if offered.allows(factor) == Some(false) => {
                    return Err(self.not_offered(mfa_token, factor).await);
                }
                // The user's only out-of-band factor: Auth0 finds it itself.
                Some(factor) if offered.oob_reaches_only(factor) => (Some(factor), None),
                _ => self.choose(mfa_token, wanted).await?,
            },
        };
        match factor {
            Some(Factor::RecoveryCode) => return self.recover(mfa_token, answers).await,
            Some(Factor::Otp) => {
                self.check_answerable(factor, answers)?;
                return self.otp_without_challenge(mfa_token, answers).await;
            }
            _ => {}
        }
        // Fail before anything is sent (an SMS, say) when nobody can answer it.
        self.check_answerable(factor, answers)?;
        if let Some(factor) = factor.filter(|f| f.sends_a_code()) {
            self.message.channel = Some(factor.name());
        }
        let types: Vec<ChallengeType> = factor
            .and_then(ChallengeType::for_factor)
            .into_iter()
            .collect();
        let what = factor.map_or(String::new(), |f| format!(" for {f}"));
        self.progress.step(&format!(
            "requesting a challenge{what} (POST /mfa/challenge)"
        ));
        let challenge = self
            .client
            .challenge(mfa_token, &types, authenticator_id.as_deref())
            .await?;
        self.answer(mfa_token, &challenge, answers, waiting).await
    }

    /// The mfa-otp grant straight after `mfa_required`. If Auth0 answers that
    /// the user cannot use an OTP at all, the list says what they can use:
    /// one clear error, never a silent attempt with another factor.
    async fn otp_without_challenge(
        &mut self,
        mfa_token: &Secret,
        answers: &Answers,
    ) -> Result<TokenSet, Failure> {
        match self.verify_otp(mfa_token, answers).await {
            Err(Failure::Auth0(crate::auth0::Error::Api(api))) if otp_impossible(&api) => {
                Err(self.not_offered(mfa_token, Factor::Otp).await)
            }
            outcome => outcome,
        }
    }

    /// The error for a factor the user does not have, naming those they have.
    async fn not_offered(&mut self, mfa_token: &Secret, factor: Factor) -> Failure {
        self.progress
            .step("listing the user's authenticators (GET /mfa/authenticators)");
        let list = match self.client.list_authenticators(mfa_token).await {
            Ok(list) => list,
            // Refused to an mfa_token by some tenants: say what is known.
            Err(crate::auth0::Error::Api(_)) => Vec::new(),
            // No answer at all: that is the failure, not a missing factor.
            Err(other) => return other.into(),
        };
        let active = || list.iter().filter(|a| a.active);
        let have: Vec<String> = active().map(Authenticator::describe).collect();
        if active().any(|a| a.factor() == Some(factor)) {
            // The user has it, and Auth0 still would not take it for this login.
            return Failure::EnrollmentNeeded {
                message: format!(
                    "Auth0 does not offer {factor} for this login, although the user has one"
                ),
                hint: format!(
                    "check that {factor} is enabled in Dashboard > Security > Multi-factor Auth (and what your Actions allow), or choose another with --factor: {}",
                    have.join(", ")
                ),
            };
        }
        let hint = if have.is_empty() {
            format!("enroll one first: `auth0-mfa enroll {factor} --token MFA_TOKEN`")
        } else {
            format!(
                "choose one the user has with --factor or --authenticator-id: {}",
                have.join(", ")
            )
        };
        Failure::EnrollmentNeeded {
            message: format!("the user has no active {factor} authenticator"),
            hint,
        }
    }

    /// Answers a challenge Auth0 has issued.
    pub async fn answer(
        &mut self,
        mfa_token: &Secret,
        challenge: &Challenge,
        answers: &Answers,
        waiting: Waiting,
    ) -> Result<TokenSet, Failure> {
        if challenge.is_otp() {
            return self.verify_otp(mfa_token, answers).await;
        }
        let Some(oob_code) = &challenge.oob_code else {
            return Err(Failure::Auth0(crate::auth0::Error::Protocol {
                url: self.client.domain().url("/mfa/challenge"),
                status: None,
                message: format!(
                    "a '{}' challenge without an oob_code, which is not an answer of the Auth0 API",
                    crate::sanitize::sanitize(&challenge.challenge_type)
                ),
                once_issued: Vec::new(),
            }));
        };
        if challenge.binding_method.as_deref() == Some("prompt") {
            let to = self
                .message
                .destination
                .as_deref()
                .map_or(String::new(), |d| {
                    format!(" to {}", crate::sanitize::sanitize(d))
                });
            self.progress.step(&match self.message.channel {
                Some(channel) => format!("Auth0 sent the code by {channel}{to}"),
                None => "Auth0 sent a code by message".to_owned(),
            });
            return self.verify_binding_code(mfa_token, oob_code, answers).await;
        }
        let server_interval = challenge.interval.map(crate::auth0::server_seconds);
        self.wait_for_push(mfa_token, oob_code, server_interval, waiting)
            .await
    }

    /// Polls the mfa-oob grant until the push is answered, sleeping between
    /// polls (never spinning).
    pub async fn wait_for_push(
        &mut self,
        mfa_token: &Secret,
        oob_code: &Secret,
        server_interval: Option<Duration>,
        waiting: Waiting,
    ) -> Result<TokenSet, Failure> {
        let mut poll = PushPoll::new(waiting.interval, server_interval, waiting.timeout);
        self.progress
            .step("waiting for the push approval (polling the mfa-oob grant)");
        let started = Instant::now();
        loop {
            let answer = self.client.verify_oob(mfa_token, oob_code, None).await;
            // `--no-wait`: Auth0's own pending answer is the outcome.
            let next = match waiting.once {
                true => poll.after_once(answer),
                false => poll.after(answer, started.elapsed()),
            };
            match next {
                Next::Done(tokens) => {
                    self.progress.done_waiting();
                    self.progress
                        .step(&format!("push approved after {} polls", poll.polls()));
                    return Ok(tokens);
                }
                Next::Stop(failure) => {
                    self.progress.done_waiting();
                    return Err(failure);
                }
                // Ctrl-C ends this sleep as it ends every wait (`interrupt`).
                Next::Wait(pause) => {
                    let label = |elapsed: Duration| {
                        format!(
                            "waiting for the push approval on the device ({} s, Ctrl-C to stop)",
                            elapsed.as_secs()
                        )
                    };
                    self.sleep(pause, started, &label).await;
                }
            }
        }
    }

    /// The recovery-code grant; the answer carries the user's new code.
    pub async fn recover(
        &mut self,
        mfa_token: &Secret,
        answers: &Answers,
    ) -> Result<TokenSet, Failure> {
        let code = match &answers.recovery_code {
            Some(code) => code.clone(),
            None => {
                let code = self.prompter.secret(&RECOVERY_ASK)?;
                codes::recovery_code(code.expose()).map_err(|why| why.entered(RECOVERY_ASK.what))?
            }
        };
        self.progress
            .step("verifying the recovery code (mfa-recovery-code grant, POST /oauth/token)");
        let tokens = self
            .client
            .verify_recovery_code(mfa_token, &code)
            .await
            .inspect_err(|e| self.keep_once_issued(e))?;
        if let Some(new_code) = &tokens.recovery_code {
            self.progress.keep("recovery_code", new_code);
        }
        Ok(tokens)
    }

    /// Recovery codes in an answer that could not be read: the old code is
    /// spent (or the enrollment made), so the new one is shown however the
    /// command ends.
    fn keep_once_issued(&self, error: &crate::auth0::Error) {
        if let crate::auth0::Error::Protocol { once_issued, .. } = error {
            for code in once_issued {
                self.progress.keep("recovery_code", code);
            }
        }
    }

    /// Lists the user's authenticators and picks one: the only fit, the user's
    /// choice on a terminal, or an error that lists the choices.
    async fn choose(
        &mut self,
        mfa_token: &Secret,
        wanted: Option<Factor>,
    ) -> Result<(Option<Factor>, Option<String>), Failure> {
        self.progress
            .step("listing the user's authenticators (GET /mfa/authenticators)");
        let authenticators = match self.client.list_authenticators(mfa_token).await {
            Ok(list) => list,
            // A tenant that refuses the list to an mfa_token: challenge without
            // an authenticator and let Auth0 choose among the user's factors.
            Err(crate::auth0::Error::Api(api))
                if matches!(api.status, 401 | 403) && api.error != "expired_token" =>
            {
                return Ok((wanted, None));
            }
            Err(other) => return Err(other.into()),
        };
        let chosen = match pick(&authenticators, wanted) {
            Pick::One(a) => a,
            Pick::None(have) if have.is_empty() => {
                return Err(Failure::EnrollmentNeeded {
                    message: "the user has no active MFA authenticator".into(),
                    hint: "enroll one first: `auth0-mfa enroll otp --token MFA_TOKEN`".into(),
                });
            }
            Pick::None(have) => {
                let factor = wanted.map_or("such", Factor::name);
                return Err(Failure::EnrollmentNeeded {
                    message: format!("the user has no active {factor} authenticator"),
                    hint: format!("choose one the user has: {}", have.join(", ")),
                });
            }
            Pick::Several(choices) => {
                let lines: Vec<String> = choices.iter().map(|a| a.describe()).collect();
                if !self.prompter.can_prompt() {
                    return Err(Failure::usage_with_hint(
                        "the user has several authenticators and there is no terminal to choose on",
                        format!(
                            "pass --factor otp|push|sms|voice|email|recovery-code or --authenticator-id ID; the user has: {}",
                            lines.join(", ")
                        ),
                    ));
                }
                choices[self.prompter.select("Which authenticator?", &lines)?]
            }
        };
        self.progress.step(&format!("using {}", chosen.describe()));
        self.message.destination = chosen.name.clone();
        Ok((chosen.factor(), Some(chosen.id.clone())))
    }

    fn check_answerable(&self, factor: Option<Factor>, answers: &Answers) -> Result<(), Failure> {
        if self.prompter.can_prompt() {
            return Ok(());
        }
        match factor {
            Some(Factor::Otp) if !answers.has_otp() => Err(cannot_prompt(&OTP_ASK)),
            Some(f) if f.sends_a_code() && !answers.has_binding_code() => {
                Err(cannot_prompt(&BINDING_ASK))
            }
            _ => Ok(()),
        }
    }

    fn binding_code(&mut self, answers: &Answers) -> Result<Secret, Failure> {
        match (&answers.binding_code, &answers.binding_command) {
            (Some(code), _) => Ok(code.clone()),
            (None, Some(command)) => {
                self.progress
                    .step("taking the code from --binding-code-command");
                let mut command = command.clone();
                let message = [
                    ("AUTH0_MFA_CHANNEL", self.message.channel.map(str::to_owned)),
                    ("AUTH0_MFA_DESTINATION", self.message.destination.clone()),
                ];
                for (name, value) in message {
                    if let Some(value) = value {
                        command.env.push((name, value));
                    }
                }
                command.run()
            }
            (None, None) => {
                let code = self.prompter.secret(&BINDING_ASK)?;
                codes::binding_code(code.expose()).map_err(|why| why.entered(BINDING_ASK.what))
            }
        }
    }

    /// Sleeps `pause`, waking only to redraw the spinner when there is one;
    /// `label` says what is awaited, given the time since `started`.
    async fn sleep(&self, pause: Duration, started: Instant, label: &dyn Fn(Duration) -> String) {
        let Some(tick) = self.progress.tick() else {
            tokio::time::sleep(pause).await;
            return;
        };
        let Some(until) = Instant::now().checked_add(pause) else {
            tokio::time::sleep(pause).await;
            return;
        };
        while Instant::now() < until {
            self.progress.waiting(&label(started.elapsed()));
            tokio::time::sleep(tick.min(until.saturating_duration_since(Instant::now()))).await;
        }
    }
}

/// An mfa-otp answer meaning the user has no OTP factor, rather than a wrong code.
fn otp_impossible(api: &crate::auth0::ApiError) -> bool {
    matches!(
        api.error.as_str(),
        "unsupported_challenge_type" | "association_required"
    ) || api
        .description
        .as_deref()
        .is_some_and(|d| d.to_ascii_lowercase().contains("not enrolled"))
}
