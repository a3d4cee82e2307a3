//! `doctor`: the report, and an exit code that lets CI gate on it; with
//! Management API access the configuration too, and `--fix`: the plan,
//! the question, the changes, the checks again.

use crate::auth0::Client;
use crate::check::{Applied, Change, Check};
use crate::cli::DoctorArgs;
use crate::doctor::{self, Configuration, Examination, Patient, Subject, fix};
use crate::error::Failure;
use crate::management::{self, UserRef};
use crate::output::{Output, Report};
use crate::prompt::{Ask, Prompter, TerminalPrompter};
use crate::settings::LoginSettings;

use super::Context;

pub async fn run(args: &DoctorArgs, ctx: &Context<'_>) -> Result<(), Failure> {
    let (settings, out) = (&ctx.settings, ctx.out);
    let client = ctx.connect()?;
    let managed =
        settings.management_token().is_some() || settings.management_client_id().is_some();
    if args.fix && !managed {
        return Err(Failure::usage_with_hint(
            "--fix changes the tenant through the Management API, and no Management API access was given",
            "give --mgmt-client-id and --mgmt-client-secret (AUTH0_MGMT_CLIENT_ID, AUTH0_MGMT_CLIENT_SECRET), or --mgmt-token-file (AUTH0_MGMT_TOKEN)",
        ));
    }
    let mut prompter = ctx.prompter();
    let (patient, subject) = examined(args, settings.login(), &client, managed, &mut prompter)?;
    let mgmt = match managed {
        // Each read needs its own scope: a token without one fails that
        // check alone, so none is demanded up front.
        true => Some(super::management::connect_beside(settings, out, &[], Some(&client)).await),
        false => None,
    };
    let configuration = match &mgmt {
        None => Configuration::Unavailable,
        Some(Err(failure)) => Configuration::Refused(refused(failure)),
        Some(Ok(mgmt)) => Configuration::Available {
            mgmt,
            subject: &subject,
        },
    };
    out.progress(&format!(
        "examining {} as {}",
        client.domain(),
        client.client_id()
    ));
    let examination = doctor::examine(&client, &patient, &configuration).await;
    let (Some(Ok(mgmt)), true) = (&mgmt, args.fix) else {
        out.result(Report::Doctor(&examination.checks))?;
        return doctor::verdict(&examination.checks);
    };
    let again = || doctor::examine(&client, &patient, &configuration);
    fix_and_check(args, out, &mut prompter, mgmt, &examination, again).await
}

/// Who is examined: the user given (its password asked for on a terminal
/// when it is to log in) and what the Management API reads are about.
fn examined(
    args: &DoctorArgs,
    given: LoginSettings,
    client: &Client,
    managed: bool,
    prompter: &mut TerminalPrompter,
) -> Result<(Patient, Subject), Failure> {
    let username = given.username;
    let mut password = given.password;
    // With Management access the user is read, not logged in: no password.
    if username.is_some() && password.is_none() && !managed && prompter.can_prompt() {
        password = Some(prompter.secret(&Ask {
            prompt: "Password",
            what: "the password",
            how: "pass --password-file FILE or set AUTH0_PASSWORD",
        })?);
    }
    let patient = Patient {
        username: username.clone(),
        password,
        realm: given.realm.clone(),
        send: args.send,
    };
    let subject = Subject {
        client_id: client.client_id().to_owned(),
        realm: given.realm,
        user: username.as_deref().map(UserRef::parse),
        auth_method: client.auth_method().split(' ').next().unwrap_or_default(),
    };
    Ok((patient, subject))
}

/// `--fix`: the plan, the question, the changes, then `again` examines the
/// tenant once more.
async fn fix_and_check<F: Future<Output = Examination>>(
    args: &DoctorArgs,
    out: &Output,
    prompter: &mut TerminalPrompter,
    mgmt: &management::Client,
    examination: &Examination,
    again: impl FnOnce() -> F,
) -> Result<(), Failure> {
    let plan = examination
        .reading
        .as_ref()
        .map(|reading| fix::plan(reading, args.fix_policy.as_deref()))
        .unwrap_or_default();
    let changes: Vec<Change> = plan.iter().map(|s| s.change.clone()).collect();
    let before = planned(examination, &changes);
    if plan.is_empty() {
        out.result(before)?;
        return doctor::verdict(&examination.checks);
    }
    if !out.json {
        out.result(before)?;
    }
    let cannot = fix::not_allowed(mgmt, &plan);
    for change in &cannot {
        out.warn(&format!(
            "cannot fix: {} (the Management API token lacks {}; grant it in {})",
            change.change,
            change.scope,
            management::GRANT_PLACE
        ));
    }
    if let Err(refusal) = confirm(args, prompter, examination, &changes, out) {
        if out.json {
            out.result(planned(examination, &changes))?;
        }
        return Err(refusal);
    }
    let applied = fix::apply(mgmt, &plan).await;
    out.progress("checking again");
    let again = again().await;
    out.result(report(
        out.json,
        examination,
        &changes,
        &applied,
        &again.checks,
    ))?;
    doctor::verdict(&again.checks)
}

/// `--yes`, or yes on a terminal (default no); without either nothing is
/// changed and the plan stands printed.
fn confirm(
    args: &DoctorArgs,
    prompter: &mut TerminalPrompter,
    examination: &Examination,
    changes: &[Change],
    out: &Output,
) -> Result<(), Failure> {
    if args.yes {
        return Ok(());
    }
    if !prompter.can_prompt() {
        return Err(Failure::usage_with_hint(
            "the plan needs confirmation, and there is no terminal to ask on; nothing was changed",
            "pass --yes to apply it",
        ));
    }
    out.aside(planned(examination, changes));
    let question = format!("Apply {} change(s) to the tenant?", changes.len());
    if prompter.confirm(&question)? {
        Ok(())
    } else {
        Err(Failure::usage_with_hint(
            "nothing was changed",
            "pass --yes to apply the plan without asking",
        ))
    }
}

/// The checks and the plan, before anything is applied.
fn planned<'a>(examination: &'a Examination, changes: &'a [Change]) -> Report<'a> {
    Report::DoctorFix {
        checks: Some(&examination.checks),
        plan: changes,
        applied: None,
        after: None,
    }
}

/// After the changes: text shows what came of them and the checks again
/// (the plan is printed already); JSON is the whole document.
fn report<'a>(
    json: bool,
    examination: &'a Examination,
    changes: &'a [Change],
    applied: &'a [Applied],
    after: &'a [Check],
) -> Report<'a> {
    Report::DoctorFix {
        checks: json.then_some(examination.checks.as_slice()),
        plan: if json { changes } else { &[] },
        applied: Some(applied),
        after: Some(after),
    }
}

/// Management API access that could not be had, as the check that says so.
fn refused(failure: &Failure) -> Check {
    Check::fail(
        "configuration",
        format!("not read: {failure}"),
        failure
            .hint()
            .unwrap_or_else(|| "check the Management API access settings (--mgmt-*)".into()),
        failure.exit(),
    )
}
