//! `doctor`: the report, and an exit code that lets CI gate on it.

use super::Context;
use crate::cli::DoctorArgs;
use crate::doctor::{self, Patient};
use crate::error::Failure;
use crate::output::Report;
use crate::prompt::{Ask, Prompter};

pub async fn run(args: &DoctorArgs, ctx: &Context<'_>) -> Result<(), Failure> {
    let (settings, out, _no_input) = (&ctx.settings, ctx.out, ctx.no_input);
    let client = ctx.connect()?;
    let given = settings.login();
    let username = given.username;
    let mut password = given.password;
    let mut prompter = ctx.prompter();
    if username.is_some() && password.is_none() && prompter.can_prompt() {
        password = Some(prompter.secret(&Ask {
            prompt: "Password",
            what: "the password",
            how: "pass --password-file FILE or set AUTH0_PASSWORD",
        })?);
    }
    let patient = Patient {
        username,
        password,
        realm: given.realm,
        send: args.send,
    };
    out.progress(&format!(
        "examining {} as {}",
        client.domain(),
        client.client_id()
    ));
    let checks = doctor::examine(&client, &patient).await;
    out.result(Report::Doctor(&checks))?;
    doctor::verdict(&checks)
}
