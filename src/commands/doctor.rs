//! `doctor`: the report, and an exit code that lets CI gate on it.

use crate::cli::DoctorArgs;
use crate::doctor::{self, Patient};
use crate::error::Failure;
use crate::output::{Output, Report};
use crate::prompt::{Ask, Prompter, TerminalPrompter};
use crate::settings::Settings;

pub async fn run(
    args: &DoctorArgs,
    settings: &Settings,
    no_input: bool,
    out: &Output,
) -> Result<(), Failure> {
    let client = super::connect(settings, out)?;
    let given = settings.login();
    let username = given.username;
    let mut password = given.password;
    let mut prompter = TerminalPrompter::new(no_input);
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
