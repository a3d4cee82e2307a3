//! `demo`: the README's first command. Starts the emulator in this process and
//! logs its demo users in through every factor, over real HTTP on loopback,
//! with the same client and flow as against Auth0, narrating each step.

use std::cell::RefCell;
use std::time::Duration;

use serde_json::{Value, json};

use crate::auth0::{Client, ClientAuth, LoginOutcome, PasswordLogin, TokenSet, Transport};
use crate::domain::Domain;
use crate::emulator::{Emulator, Tenant, demo};
use crate::error::Failure;
use crate::factor::Factor;
use crate::flow::{Answers, Choice, Flow, Waiting};
use crate::jwt;
use crate::output::{Output, Paint, Report};
use crate::progress::Progress;
use crate::prompt::{Ask, Prompter};
use crate::secret::Secret;
use crate::spent::Ledger;

/// One demo login: who, with which factor, answered how.
struct Run {
    title: &'static str,
    username: &'static str,
    factor: Factor,
    answers: Answers,
}

pub async fn run(out: &Output) -> Result<(), Failure> {
    let (emulator, client) = start().await?;
    let base = emulator.base_url();
    let paint = out.paint_stdout();
    out.narrate(&paint.bold(&format!(
        "auth0-mfa demo: an Auth0 tenant emulated at {base}"
    )))?;
    out.narrate(&format!(
        "application {} (client secret in the body)\n",
        demo::CLIENT_ID
    ))?;
    let mut results = Vec::new();
    for run in &runs() {
        results.push(narrate_run(&client, &emulator, run, out).await?);
    }
    if out.json {
        out.result(Report::Prepared {
            text: String::new(),
            json: json!({"emulator": base, "runs": results}),
        })?;
    } else {
        out.narrate("Every step above was real HTTP to the emulator. Run `auth0-mfa emulator` to keep one running,")?;
        out.narrate("or point --domain at a tenant to do the same there.")?;
    }
    Ok(())
}

/// The embedded emulator with the demo tenant, and a client of its demo
/// application.
async fn start() -> Result<(Emulator, Client), Failure> {
    let listen = "127.0.0.1:0".parse().expect("a valid address");
    // Auth0 wants 5 s between polls of a push; the demo need not make people wait.
    let mut tenant = Tenant::demo();
    tenant.settings.min_poll_interval_ms = 1000;
    let emulator = Emulator::start(tenant, listen)
        .await
        .map_err(|e| Failure::Unexpected(e.context("cannot start the embedded emulator")))?;
    let client = Client::new(
        Domain::parse(&emulator.base_url()).map_err(Failure::usage)?,
        ClientAuth::Secret {
            client_id: demo::CLIENT_ID.into(),
            client_secret: Secret::new(demo::CLIENT_SECRET),
        },
        Transport {
            timeout: Duration::from_secs(10),
            extra_roots: Vec::new(),
            client_info: true,
        },
        None,
    )?;
    Ok((emulator, client))
}

/// A login of each demo user, one factor each.
fn runs() -> [Run; 4] {
    [
        Run {
            title: "OTP: the code is computed from the user's TOTP secret",
            username: demo::OTP_USER,
            factor: Factor::Otp,
            answers: Answers {
                totp: crate::totp::Totp::parse(demo::OTP_SECRET, Default::default()).ok(),
                ..Answers::default()
            },
        },
        Run {
            title: "Push: the emulator's device approves on the second poll",
            username: demo::PUSH_USER,
            factor: Factor::Push,
            answers: Answers::default(),
        },
        Run {
            title: "SMS: the code is read from the emulator's outbox",
            username: demo::SMS_USER,
            factor: Factor::Sms,
            answers: Answers::default(),
        },
        Run {
            title: "Recovery code: Auth0 answers with a new one",
            username: demo::RECOVERY_USER,
            factor: Factor::RecoveryCode,
            answers: Answers {
                recovery_code: Some(Secret::new(demo::RECOVERY_CODE)),
                ..Answers::default()
            },
        },
    ]
}

/// One demo login, told step by step; its record for the JSON summary.
async fn narrate_run(
    client: &Client,
    emulator: &Emulator,
    run: &Run,
    out: &Output,
) -> Result<Value, Failure> {
    let paint = out.paint_stdout();
    out.narrate(&paint.bold(&format!("{} ({})", run.title, run.username)))?;
    let narrator = Narrator {
        out,
        paint,
        steps: RefCell::new(Vec::new()),
    };
    let tokens = log_in(client, emulator, run, &narrator).await?;
    out.narrate(&format!("  {} {}", paint.green("✓"), summary(&tokens)))?;
    if let Some(code) = &tokens.recovery_code {
        out.narrate(&format!(
            "  {} new recovery code: {} (the old one no longer works)",
            paint.yellow_bold("!"),
            code.expose()
        ))?;
    }
    out.narrate("")?;
    Ok(json!({
        "factor": run.factor.name(),
        "username": run.username,
        "steps": narrator.steps.take(),
        "tokens": tokens,
    }))
}

/// The password grant, then the MFA flow, exactly as `login` runs them.
async fn log_in(
    client: &Client,
    emulator: &Emulator,
    run: &Run,
    narrator: &Narrator<'_>,
) -> Result<TokenSet, Failure> {
    narrator.step(&format!(
        "POST /oauth/token (password grant) as {}",
        run.username
    ));
    let login = PasswordLogin {
        username: run.username.to_owned(),
        password: Secret::new(demo::PASSWORD),
        realm: None,
        audience: None,
        scope: Some("openid profile email".into()),
    };
    let required = match client.login_password(&login).await? {
        LoginOutcome::MfaRequired(required) => required,
        LoginOutcome::Tokens(tokens) => return Ok(tokens),
    };
    narrator.step(&format!(
        "Auth0 answered mfa_required with an mfa_token ({} characters, starts {})",
        required.mfa_token.expose().len(),
        required
            .mfa_token
            .expose()
            .chars()
            .take(7)
            .collect::<String>()
    ));
    let mut phone = OutboxReader {
        emulator,
        username: run.username,
        narrator,
    };
    let mut flow = Flow {
        client,
        prompter: &mut phone,
        progress: narrator,
        // The demo's tenant lives and dies with it: nothing to remember.
        ledger: Ledger::none(),
        message: Default::default(),
    };
    let choice = Choice {
        factor: Some(run.factor),
        authenticator_id: None,
    };
    // The demo tenant lets a push be polled every second.
    let waiting = Waiting {
        interval: Some(Duration::from_secs(1)),
        ..Waiting::default()
    };
    flow.complete(&required, &choice, &run.answers, waiting)
        .await
}

/// Narrates the flow's steps on stdout and keeps them for `--json`.
struct Narrator<'a> {
    out: &'a Output,
    paint: Paint,
    steps: RefCell<Vec<String>>,
}

impl Progress for Narrator<'_> {
    fn step(&self, message: &str) {
        // A failed write shows again at the demo's next line, which returns it.
        let _ = self
            .out
            .narrate(&format!("  {} {message}", self.paint.dim("›")));
        self.steps.borrow_mut().push(message.to_owned());
    }
}

/// The user's phone: answers the code prompt from the emulator's outbox.
struct OutboxReader<'a> {
    emulator: &'a Emulator,
    username: &'a str,
    narrator: &'a Narrator<'a>,
}

impl Prompter for OutboxReader<'_> {
    fn can_prompt(&self) -> bool {
        true
    }

    fn secret(&mut self, ask: &Ask<'_>) -> Result<Secret, Failure> {
        let message = self
            .emulator
            .outbox()
            .into_iter()
            .rev()
            .find(|m| m.username == self.username)
            .ok_or_else(|| {
                Failure::Unexpected(anyhow::anyhow!(
                    "the emulator sent no code for {}",
                    ask.what
                ))
            })?;
        self.narrator.step(&format!(
            "the {} to {} says {}",
            message.channel, message.to, message.code
        ));
        Ok(Secret::new(message.code))
    }

    fn text(&mut self, ask: &Ask<'_>) -> Result<String, Failure> {
        Err(crate::prompt::cannot_prompt(ask))
    }

    fn select(&mut self, prompt: &str, _items: &[String]) -> Result<usize, Failure> {
        Err(Failure::usage(format!(
            "{prompt}: the demo names its factors"
        )))
    }

    fn confirm(&mut self, prompt: &str) -> Result<bool, Failure> {
        Err(Failure::usage(format!("{prompt}: the demo asks nothing")))
    }
}

fn summary(tokens: &TokenSet) -> String {
    let claims = jwt::claims(tokens.access_token.expose()).unwrap_or_default();
    let sub = claims.get("sub").and_then(Value::as_str).unwrap_or("?");
    format!(
        "tokens issued: access_token for {sub}, expires in {} s{}",
        tokens.expires_in.unwrap_or_default(),
        if tokens.id_token.is_some() {
            ", id_token"
        } else {
            ""
        }
    )
}
