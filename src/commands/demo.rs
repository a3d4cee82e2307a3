//! `demo`: the README's first command. Starts the emulator in this process and
//! logs its demo users in through real HTTP on loopback, with the same client
//! and flow as against Auth0, narrating each step.

use std::cell::RefCell;
use std::time::Duration;

use serde_json::{Value, json};

use crate::auth0::{Client, ClientAuth, LoginOutcome, PasswordLogin, TokenSet};
use crate::domain::Domain;
use crate::emulator::{Emulator, Tenant, demo};
use crate::error::Failure;
use crate::flow::{Answers, Flow};
use crate::jwt;
use crate::output::{Output, Report};
use crate::prompt::NoPrompter;
use crate::secret::Secret;

pub async fn run(out: &Output) -> Result<(), Failure> {
    let listen = "127.0.0.1:0".parse().expect("a valid address");
    let emulator = Emulator::start(Tenant::demo(), listen)
        .await
        .map_err(|e| Failure::Unexpected(e.context("cannot start the embedded emulator")))?;
    let base = emulator.base_url();
    let domain = Domain::parse(&base).map_err(Failure::usage)?;
    let client = Client::new(
        domain,
        ClientAuth::Secret {
            client_id: demo::CLIENT_ID.into(),
            client_secret: Secret::new(demo::CLIENT_SECRET),
        },
        Duration::from_secs(10),
        None,
    )?;
    let paint = out.paint_stdout();
    out.narrate(&paint.bold(&format!(
        "auth0-mfa demo: an Auth0 tenant emulated at {base}"
    )));
    out.narrate(&format!(
        "client {} (client_secret in the body)\n",
        demo::CLIENT_ID
    ));

    let steps = RefCell::new(Vec::<String>::new());
    let note = |step: &str| {
        out.narrate(&format!("  {} {step}", paint.dim("›")));
        steps.borrow_mut().push(step.to_owned());
    };

    out.narrate(&paint.bold(&format!("OTP: {} logs in", demo::OTP_USER)));
    let answers = Answers {
        otp: None,
        otp_secret: Some(Secret::new(demo::OTP_SECRET)),
    };
    let tokens = log_in(&client, demo::OTP_USER, &answers, &note).await?;
    out.narrate(&format!("  {} {}\n", paint.green("✓"), summary(&tokens)));

    let runs = vec![json!({
        "factor": "otp",
        "username": demo::OTP_USER,
        "steps": steps.take(),
        "tokens": tokens,
    })];
    if out.json {
        out.result(Report::Prepared {
            text: String::new(),
            json: json!({"emulator": base, "runs": runs}),
        });
    } else {
        out.narrate("Every step above was real HTTP to the emulator; point --domain at a tenant to do the same there.");
    }
    Ok(())
}

/// The password grant, then the MFA flow, exactly as `login` runs them.
async fn log_in(
    client: &Client,
    username: &str,
    answers: &Answers,
    note: &dyn Fn(&str),
) -> Result<TokenSet, Failure> {
    note(&format!("POST /oauth/token (password grant) as {username}"));
    let login = PasswordLogin {
        username: username.to_owned(),
        password: Secret::new(demo::PASSWORD),
        realm: None,
        audience: None,
        scope: Some("openid profile email".into()),
    };
    let required = match client.login_password(&login).await? {
        LoginOutcome::MfaRequired(required) => required,
        LoginOutcome::Tokens(tokens) => return Ok(tokens),
    };
    note(&format!(
        "Auth0 answered mfa_required with an mfa_token ({} characters, starts {})",
        required.mfa_token.expose().len(),
        required
            .mfa_token
            .expose()
            .chars()
            .take(7)
            .collect::<String>()
    ));
    let mut prompter = NoPrompter;
    let mut flow = Flow {
        client,
        prompter: &mut prompter,
        progress: note,
    };
    flow.complete(&required.mfa_token, None, answers).await
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
