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
use std::time::Duration;

#[cfg(unix)]
mod supervise;
#[cfg(unix)]
mod token_file;

use crate::cli::ExecArgs;
use crate::commands::Context;
use crate::error::Failure;
use crate::exit_code::ExitCode;
use crate::output::export;
use crate::sessions::SessionKey;
use crate::totp::now_unix;

/// Set in the command's environment: which session it holds a token of, so
/// that an `exec` inside it is refused unless it is for the same session.
const GUARD: &str = crate::settings::EXEC_GUARD;

/// Inherited variables of an earlier hand-off that must not outlive it.
fn is_handed_over(name: &OsStr) -> bool {
    let name = name.to_string_lossy();
    name == "AUTH0_ACCESS_TOKEN" || name == "AUTH0_ID_TOKEN" || name.starts_with("AUTH0_TOKEN_")
}

pub async fn run(args: &ExecArgs, ctx: &Context<'_>) -> Result<(), Failure> {
    let (settings, out, no_input) = (&ctx.settings, ctx.out, ctx.no_input);
    let environment = settings.environment();
    let command = command_line(args, environment.shell.as_ref()).map_err(before_command)?;
    if let Some(outer) = &environment.exec_guard {
        return nested(outer, settings, command);
    }
    let names = export::Names::parse(&args.env_name).map_err(before_command)?;
    let obtained = super::token::obtain(&args.session, args.session.min_ttl, ctx, no_input)
        .await
        .map_err(before_command)?;
    let variables = export::variables(&obtained.tokens, obtained.expires_at, &names);
    let secrets: Vec<String> = variables
        .iter()
        .filter(|v| v.secret)
        .map(|v| v.value.clone())
        .collect();
    out.register_handed_over(secrets.iter().map(String::as_str));
    out.progress(&format!(
        "running {} with the token of {}",
        command[0].to_string_lossy(),
        obtained.key.describe()
    ));
    let mut child = Command::new(&command[0]);
    child.args(&command[1..]);
    let hidden = crate::settings::secret_variables();
    for (name, _) in std::env::vars_os() {
        if is_handed_over(&name) || hidden.iter().any(|s| name == *s) {
            child.env_remove(&name);
        }
    }
    for variable in &variables {
        child.env(&variable.name, &variable.value);
    }
    child.env(GUARD, guard_value(&obtained.key));
    let mask = masks_output(args, settings.environment().ci_log_unmasked);
    if !mask && !args.token_file {
        return Err(become_command(child, &command[0]));
    }
    #[cfg(unix)]
    {
        let supervision = Supervision {
            mask,
            secrets: std::sync::Arc::new(std::sync::Mutex::new(secrets)),
        };
        supervised(args, ctx, child, &command[0], obtained, supervision).await
    }
    #[cfg(not(unix))]
    Err(become_command(child, &command[0]))
}

/// Whether the command's output is filtered: as asked, else where the CI
/// masks nothing by itself and the output goes to its log, not a terminal.
fn masks_output(args: &ExecArgs, ci_log_unmasked: bool) -> bool {
    if args.mask_output || args.no_mask_output {
        return args.mask_output;
    }
    ci_log_unmasked && !std::io::stdout().is_terminal()
}

#[cfg(unix)]
struct Supervision {
    mask: bool,
    secrets: supervise::Secrets,
}

/// Where `--token-file` puts its file: the runtime directory, else the state directory.
#[cfg(unix)]
fn token_file_base(ctx: &Context<'_>) -> Option<std::path::PathBuf> {
    let environment = ctx.settings.environment();
    environment
        .runtime_dir()
        .or_else(|| environment.state_dir.clone())
}

/// The command as a child: its output masked, its token file kept fresh,
/// until it ends; then the tool ends as it did.
#[cfg(unix)]
async fn supervised(
    args: &ExecArgs,
    ctx: &Context<'_>,
    mut child: Command,
    program: &OsStr,
    obtained: super::token::Obtained,
    supervision: Supervision,
) -> Result<(), Failure> {
    let token_file = match args.token_file {
        true => Some(
            token_file::TokenFile::create(
                obtained.tokens.access_token.expose(),
                token_file_base(ctx).as_deref(),
            )
            .map_err(|e| before_command(Failure::from(e)))?,
        ),
        false => None,
    };
    if let Some(file) = &token_file {
        child.env("AUTH0_ACCESS_TOKEN_FILE", file.path());
    }
    let mask = supervision.mask.then_some(&supervision.secrets);
    let mut running = match supervise::spawn(child, mask) {
        Ok(running) => running,
        Err(error) => {
            if let Some(file) = &token_file {
                file.remove();
            }
            return Err(cannot_run(program, &error));
        }
    };
    let mut refresh_at = token_file
        .as_ref()
        .and(refresh_time(&obtained, args.session.min_ttl));
    loop {
        let wait = refresh_at.map(|at| Duration::from_secs(at.saturating_sub(now_unix())));
        tokio::select! {
            status = &mut running.done => {
                if let Some(file) = &token_file {
                    file.remove();
                }
                let status = status
                    .map_err(std::io::Error::other)
                    .and_then(|status| status)
                    .map_err(|e| Failure::Unexpected(e.into()))?;
                running.end_as(status);
            }
            () = tokio::time::sleep(wait.unwrap_or_default()), if wait.is_some() => {
                if let Some(file) = &token_file {
                    refresh_at = refresh(args, ctx, file, &supervision.secrets).await;
                }
            }
        }
    }
}

/// When the token file's token is renewed: when it has `min_ttl` seconds
/// left, or halfway through a life shorter than that.
#[cfg(unix)]
fn refresh_time(obtained: &super::token::Obtained, min_ttl: u64) -> Option<u64> {
    let expires_at = obtained.expires_at?;
    let left = expires_at.saturating_sub(now_unix());
    Some(expires_at.saturating_sub(min_ttl.min(left / 2).max(1)))
}

/// Renews the token file from the stored session, never with a prompt: a
/// refresh that asks for MFA with no unattended answer keeps the old token
/// (said once), and no further refresh is tried.
#[cfg(unix)]
async fn refresh(
    args: &ExecArgs,
    ctx: &Context<'_>,
    file: &token_file::TokenFile,
    secrets: &supervise::Secrets,
) -> Option<u64> {
    let out = ctx.out;
    // Whatever is left now is too little: a refresh is due, never a prompt.
    match super::token::obtain(&args.session, u64::MAX, ctx, true).await {
        Ok(obtained) => {
            let token = obtained.tokens.access_token.expose().to_owned();
            out.register_handed_over([token.as_str()]);
            secrets
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .push(token.clone());
            if let Err(error) = file.write(&token) {
                out.warn(&format!("cannot renew the token file: {error}"));
                return None;
            }
            out.progress("renewed the token file");
            refresh_time(&obtained, args.session.min_ttl)
        }
        Err(failure) => {
            out.warn(&format!(
                "the token file keeps its token until it expires: the refresh failed ({failure}); {}",
                failure.hint().unwrap_or_else(|| {
                    "give an unattended answer (--otp-secret, --otp-command) for a refresh that asks for MFA".into()
                })
            ));
            None
        }
    }
}

/// The tool's own failure before the command starts: exit 125, whatever it
/// would be elsewhere. A signal is no failure of the tool's: it keeps 128+N.
pub fn before_command(cause: Failure) -> Failure {
    match cause {
        Failure::Interrupted(_) | Failure::Wrapped { .. } => cause,
        cause => Failure::Wrapped {
            cause: Box::new(cause),
            exit: ExitCode::ExecFailed,
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
        exit: ExitCode::ExecFailed,
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
fn command_line(args: &ExecArgs, shell: Option<&OsString>) -> Result<Vec<OsString>, Failure> {
    if !args.command.is_empty() {
        return Ok(args.command.clone());
    }
    if !std::io::stdin().is_terminal() {
        return Err(Failure::usage_with_hint(
            "no command to run, and no terminal to start a shell on",
            "name the command after --: auth0-mfa exec -- ./tests.sh",
        ));
    }
    let shell = shell.cloned().unwrap_or_else(|| OsString::from("/bin/sh"));
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
        Ok(status) => std::process::exit(status.code().unwrap_or(ExitCode::Unexpected.code())),
        Err(error) => cannot_run(program, &error),
    }
}

fn cannot_run(program: &OsStr, error: &std::io::Error) -> Failure {
    let program = program.to_string_lossy();
    let (exit, hint) = match error.kind() {
        std::io::ErrorKind::NotFound => (
            ExitCode::NotFound,
            "check the name, or give its path (it is looked up in PATH)",
        ),
        _ => (
            ExitCode::CannotExecute,
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
