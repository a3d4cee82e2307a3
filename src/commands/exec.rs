//! `exec`: runs a command with a valid access token in its environment, as
//! `aws-vault exec` and `op run` do. The token is obtained as `token` obtains
//! it; then the tool *becomes* the command (`execve`), so the command's exit
//! status and its death by a signal are the shell's to see, every signal
//! reaches it directly (a terminal's Ctrl-C once), and nothing is left
//! behind when it ends. Failures follow `env` and `timeout`: 125 the tool's
//! own before the command starts, 126 not executable, 127 not found.

use std::ffi::{OsStr, OsString};
use std::io::IsTerminal;
use std::process::Command;

use crate::cli::ExecArgs;
use crate::error::{Failure, exit};
use crate::output::{Output, export};
use crate::sessions::SessionKey;

/// Set in the command's environment: which session it holds a token of, so
/// that an `exec` inside it is refused unless it is for the same session.
const GUARD: &str = "AUTH0_MFA_EXEC";

/// Inherited variables of an earlier hand-off that must not outlive it.
fn is_handed_over(name: &OsStr) -> bool {
    let name = name.to_string_lossy();
    name == "AUTH0_ACCESS_TOKEN" || name == "AUTH0_ID_TOKEN" || name.starts_with("AUTH0_TOKEN_")
}

pub async fn run(
    args: &ExecArgs,
    settings: &crate::settings::Settings,
    no_input: bool,
    out: &Output,
) -> Result<(), Failure> {
    let command = command_line(args).map_err(before_command)?;
    if let Some(outer) = std::env::var_os(GUARD) {
        return nested(&outer, settings, command);
    }
    let names = export::Names::parse(&args.env_name).map_err(before_command)?;
    let obtained = super::token::obtain(&args.session, settings, no_input, out)
        .await
        .map_err(before_command)?;
    let variables = export::variables(&obtained.tokens, obtained.expires_at, &names);
    out.progress(&format!(
        "running {} with the token of {}",
        command[0].to_string_lossy(),
        obtained.key.describe()
    ));
    let mut child = Command::new(&command[0]);
    child.args(&command[1..]);
    for (name, _) in std::env::vars_os() {
        if is_handed_over(&name)
            || crate::settings::secret_variables()
                .iter()
                .any(|s| name == *s)
        {
            child.env_remove(&name);
        }
    }
    for variable in &variables {
        child.env(&variable.name, &variable.value);
    }
    child.env(GUARD, guard_value(&obtained.key));
    Err(become_command(child, &command[0]))
}

/// The tool's own failure before the command starts: exit 125, whatever it
/// would be elsewhere. A signal is no failure of the tool's: it keeps 128+N.
pub fn before_command(cause: Failure) -> Failure {
    match cause {
        Failure::Interrupted(_) | Failure::Wrapped { .. } => cause,
        cause => Failure::Wrapped {
            cause: Box::new(cause),
            exit: exit::EXEC_FAILED,
        },
    }
}

/// An `exec` inside an `exec`: the same session's token is already in the
/// environment and is simply used; another session is refused, since the
/// command would run with two tenants' tokens about and no way to tell.
fn nested(
    outer: &OsStr,
    settings: &crate::settings::Settings,
    command: Vec<OsString>,
) -> Result<(), Failure> {
    let refuse = |message: String| Failure::Wrapped {
        cause: Box::new(Failure::usage_with_hint(
            message,
            format!(
                "run it outside the outer exec, or unset {GUARD} to hand over a second token on purpose"
            ),
        )),
        exit: exit::EXEC_FAILED,
    };
    // Which session this exec would use, without a request: the stored one.
    let key = super::token::find_session(settings).map_err(before_command)?;
    if outer != OsStr::new(&guard_value(&key)) {
        return Err(refuse(format!(
            "already inside an exec for {} ({GUARD}); this one is for {}",
            outer.to_string_lossy(),
            key.describe()
        )));
    }
    let mut child = Command::new(&command[0]);
    child.args(&command[1..]);
    Err(become_command(child, &command[0]))
}

/// What `AUTH0_MFA_EXEC` holds: the session's tenant, application, audience and user.
fn guard_value(key: &SessionKey) -> String {
    format!(
        "{} client={} audience={} user={}",
        key.tenant,
        key.client_id,
        key.audience.as_deref().unwrap_or("(default)"),
        key.username
    )
}

/// The command to run: as given, else the user's shell on a terminal.
fn command_line(args: &ExecArgs) -> Result<Vec<OsString>, Failure> {
    if !args.command.is_empty() {
        return Ok(args.command.clone());
    }
    if !std::io::stdin().is_terminal() {
        return Err(Failure::usage_with_hint(
            "no command to run, and no terminal to start a shell on",
            "name the command after --: auth0-mfa exec -- ./tests.sh",
        ));
    }
    let shell = std::env::var_os("SHELL")
        .filter(|shell| !shell.is_empty())
        .unwrap_or_else(|| OsString::from("/bin/sh"));
    Ok(vec![shell])
}

/// Replaces this process with the command; returns only when that failed.
#[cfg(unix)]
fn become_command(mut child: Command, program: &OsStr) -> Failure {
    use std::os::unix::process::CommandExt;
    let error = child.exec();
    cannot_run(program, &error)
}

/// Where a process cannot become another, it runs the command and exits with
/// its status.
#[cfg(not(unix))]
fn become_command(mut child: Command, program: &OsStr) -> Failure {
    match child.status() {
        Ok(status) => std::process::exit(status.code().unwrap_or(exit::UNEXPECTED)),
        Err(error) => cannot_run(program, &error),
    }
}

fn cannot_run(program: &OsStr, error: &std::io::Error) -> Failure {
    let program = program.to_string_lossy();
    let (exit, hint) = match error.kind() {
        std::io::ErrorKind::NotFound => (
            exit::NOT_FOUND,
            "check the name, or give its path (it is looked up in PATH)",
        ),
        _ => (
            exit::CANNOT_EXECUTE,
            "check that it is a program or a script with a #! line, and executable (chmod +x)",
        ),
    };
    Failure::Wrapped {
        cause: Box::new(Failure::usage_with_hint(
            format!("cannot run {program}: {error}"),
            hint,
        )),
        exit,
    }
}
