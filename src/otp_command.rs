//! `--otp-command CMD` and `--binding-code-command CMD`: a code from another
//! tool's stdout, as aws-vault's `mfa_process` takes it (`op item get ID
//! --otp`, `pass otp NAME`, `ykman oath accounts code -s NAME`; a test inbox
//! or SMS API, or `auth0-mfa emulator outbox`, for the code a message
//! carried). CMD runs through the shell, without the tool's secret
//! variables, within a time limit; what it prints is checked to be a code
//! and is never shown.

use std::io::{IsTerminal, Read};
use std::process::{Child, ChildStdout, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::mpsc::Receiver;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use crate::error::Failure;
use crate::secret::Secret;

/// The most of its output that is read: a code is a few bytes.
const MAX_OUTPUT_BYTES: u64 = 4096;

/// Which code the command prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeKind {
    /// An authenticator app's code: 6 to 8 digits.
    Otp,
    /// The code an SMS, voice call or email carried. The command runs once
    /// the message is sent, so it can fetch it.
    Binding,
}

#[derive(Debug, Clone)]
pub struct CodeCommand {
    pub command: String,
    /// Where it came from, for the errors (`flag --otp-command`, a profile).
    pub source: String,
    pub timeout: Duration,
    pub kind: CodeKind,
    /// Variables the command gets besides the tool's own non-secret ones
    /// (`AUTH0_MFA_CHANNEL`, `AUTH0_MFA_DESTINATION`, ...).
    pub env: Vec<(&'static str, String)>,
    /// Secret variables of the tool's own environment the command does not get.
    pub hidden_variables: Vec<&'static str>,
}

impl CodeCommand {
    /// Runs the command and returns the code it printed.
    pub fn run(&self) -> Result<Secret, Failure> {
        // Only an OTP command may ask the user something (a password manager
        // to unlock); a binding code command runs unattended.
        let attended = self.kind == CodeKind::Otp && attended();
        let (mut child, group) = self.start(attended)?;
        let output = read_in_background(child.stdout.take());
        let deadline = Instant::now() + self.timeout;
        let status = self.wait_until(&mut child, deadline, &group)?;
        let output = match output.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(bytes) => bytes,
            // It exited, but something it started still holds its stdout:
            // that is ended, and what was printed is read.
            Err(_) => {
                group.end();
                output
                    .recv_timeout(Duration::from_secs(1))
                    .unwrap_or_default()
            }
        };
        drop(group);
        if !status.success() {
            let how = status
                .code()
                .map_or("was ended by a signal".to_owned(), |c| {
                    format!("exited {c}")
                });
            return Err(self.failed(how));
        }
        let text = String::from_utf8_lossy(&output);
        match self.kind {
            CodeKind::Otp => code_in(&text)
                .ok_or_else(|| self.failed("printed no one-time code (6 to 8 digits)".into())),
            CodeKind::Binding => last_word(&text)
                .and_then(|word| crate::codes::binding_code(word).ok())
                .ok_or_else(|| self.failed("printed no code (4 to 12 letters and digits)".into())),
        }
    }

    /// Starts the command and registers its group, while a signal that ends
    /// the tool waits (`end_running`): a signal that came between the two would
    /// find no group to end, and the command would outlive the tool. Once a
    /// signal has ended the tool, nothing more is started.
    fn start(&self, attended: bool) -> Result<(Child, RunningGroup), Failure> {
        let _starting = STARTING.lock().unwrap_or_else(PoisonError::into_inner);
        if RUNNING_GROUP.load(Ordering::SeqCst) == TOOL_ENDING {
            return Err(self.failed("was not started: the tool is ending".into()));
        }
        let child = self.spawn(attended)?;
        let group = RunningGroup::register(&child, !attended);
        Ok((child, group))
    }

    fn spawn(&self, attended: bool) -> Result<Child, Failure> {
        let mut command = shell(&self.command);
        for name in &self.hidden_variables {
            command.env_remove(name);
        }
        command
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .stdin(if attended && std::io::stdin().is_terminal() {
                Stdio::inherit()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            // Its own prompts and errors (an unlock request, say) reach the user.
            .stderr(Stdio::inherit());
        #[cfg(unix)]
        if !attended {
            use std::os::unix::process::CommandExt;
            // A group of its own, so that a timeout ends all it started (a
            // `sleep`, a helper holding our stderr open), not only the shell.
            // Not when a user is at the terminal: a command outside the
            // terminal's foreground group is stopped when it reads a passphrase
            // from it, and there Ctrl-C reaches the whole foreground group.
            command.process_group(0);
        }
        command
            .spawn()
            .map_err(|e| self.failed(format!("cannot be started: {e}")))
    }

    /// Waits for the command to exit; past the deadline, ends it (its whole
    /// group when it has one) and fails.
    fn wait_until(
        &self,
        child: &mut Child,
        deadline: Instant,
        group: &RunningGroup,
    ) -> Result<ExitStatus, Failure> {
        loop {
            match child.try_wait() {
                Ok(Some(status)) => return Ok(status),
                Ok(None) if Instant::now() >= deadline => {
                    if !group.end() {
                        let _ = child.kill();
                    }
                    let _ = child.wait();
                    return Err(self.failed(format!(
                        "printed no code within {} s and was stopped",
                        self.timeout.as_secs()
                    )));
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(10)),
                Err(e) => return Err(self.failed(format!("could not be waited for: {e}"))),
            }
        }
    }

    fn failed(&self, what: String) -> Failure {
        let (name, fix) = match self.kind {
            CodeKind::Otp => (
                "OTP command",
                "run it by hand: it must print the current code, alone or at the end of its last line",
            ),
            CodeKind::Binding => (
                "binding code command",
                "run it by hand once the message is sent: it must print the code, alone or at the end of its last line",
            ),
        };
        Failure::usage_with_hint(format!("the {name} ({}) {what}", self.source), fix)
    }
}

/// Whether a user may answer the command at the terminal.
fn attended() -> bool {
    std::io::stdin().is_terminal() || std::io::stderr().is_terminal()
}

/// Reads what the command prints (capped), and sends it once its stdout
/// closes, so that a wait for it can be bounded.
fn read_in_background(stdout: Option<ChildStdout>) -> Receiver<Vec<u8>> {
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut stdout) = stdout {
            let _ = (&mut stdout).take(MAX_OUTPUT_BYTES).read_to_end(&mut bytes);
            // Drain the rest so the command is not blocked on a full pipe.
            let _ = std::io::copy(&mut stdout, &mut std::io::sink());
        }
        let _ = send.send(bytes);
    });
    receive
}

/// The process group of the command now running, 0 when none, and
/// [`TOOL_ENDING`] once a signal ended the tool: a signal that ends the tool
/// ends it too (`end_running`, from the signal thread).
static RUNNING_GROUP: AtomicI32 = AtomicI32::new(0);

/// `RUNNING_GROUP` once a signal has ended the tool.
const TOOL_ENDING: i32 = -1;

/// Held while a command is started and its group registered (see `start`).
static STARTING: Mutex<()> = Mutex::new(());

/// The command's own process group while it runs, if it has one.
struct RunningGroup(Option<i32>);

impl RunningGroup {
    fn register(child: &Child, own_group: bool) -> RunningGroup {
        let id = i32::try_from(child.id())
            .ok()
            .filter(|_| own_group && cfg!(unix));
        if let Some(id) = id {
            RUNNING_GROUP.store(id, Ordering::SeqCst);
        }
        RunningGroup(id)
    }

    /// Kills every process of the group; false when there is no group.
    fn end(&self) -> bool {
        self.0.is_some_and(kill_group)
    }
}

impl Drop for RunningGroup {
    fn drop(&mut self) {
        if let Some(id) = self.0 {
            let _ = RUNNING_GROUP.compare_exchange(id, 0, Ordering::SeqCst, Ordering::SeqCst);
        }
    }
}

/// Ends the OTP command's process group, if one runs, and starts no other:
/// called from the signal thread when a signal ends the tool, so that nothing
/// it started outlives it. It waits for a command being started to have its
/// group (a fork and an exec).
pub fn end_running() {
    let _starting = STARTING.lock().unwrap_or_else(PoisonError::into_inner);
    let id = RUNNING_GROUP.swap(TOOL_ENDING, Ordering::SeqCst);
    if id > 0 {
        kill_group(id);
    }
}

#[cfg(unix)]
fn kill_group(id: i32) -> bool {
    // SAFETY: kill(2) with a negative pid signals the process group `id`,
    // which the command leads (process_group(0)); no memory is involved.
    unsafe { libc::kill(-id, libc::SIGKILL) == 0 }
}

#[cfg(not(unix))]
fn kill_group(_: i32) -> bool {
    false
}

#[cfg(unix)]
fn shell(command: &str) -> Command {
    let mut shell = Command::new("sh");
    shell.arg("-c").arg(command);
    shell
}

#[cfg(not(unix))]
fn shell(command: &str) -> Command {
    let mut shell = Command::new("cmd");
    shell.arg("/C").arg(command);
    shell
}

fn last_word(output: &str) -> Option<&str> {
    let last_line = output.lines().rev().find(|l| !l.trim().is_empty())?;
    last_line.split_whitespace().last()
}

/// The code in a tool's output: the whole output, or the last word of its
/// last line (`ykman` prints `Issuer:account  123456`).
fn code_in(output: &str) -> Option<Secret> {
    let word = last_word(output)?;
    let is_code = (6..=8).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit());
    is_code.then(|| Secret::new(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_found_as_the_tools_print_them() {
        assert_eq!(code_in("123456\n").unwrap().expose(), "123456");
        assert_eq!(
            code_in("Example:alice@example.com  654321\n")
                .unwrap()
                .expose(),
            "654321"
        );
        assert!(code_in("").is_none());
        assert!(code_in("error: not signed in\n").is_none());
        assert!(code_in("12345\n").is_none());
    }

    #[cfg(unix)]
    #[test]
    fn the_command_runs_within_its_bounds() {
        let command = |cmd: &str, timeout: u64| CodeCommand {
            command: cmd.into(),
            source: "test".into(),
            timeout: Duration::from_secs(timeout),
            kind: CodeKind::Otp,
            env: Vec::new(),
            hidden_variables: Vec::new(),
        };
        assert_eq!(command("echo 246810", 5).run().unwrap().expose(), "246810");
        let failed = command("echo 246810; exit 3", 5).run().unwrap_err();
        assert!(failed.to_string().contains("exited 3"), "{failed}");
        assert!(!failed.to_string().contains("246810"));
        let slow = command("sleep 30", 1).run().unwrap_err();
        assert!(slow.to_string().contains("within 1 s"), "{slow}");
        let chatty = command("head -c 100000 /dev/zero | tr '\\0' x", 5)
            .run()
            .unwrap_err();
        assert!(chatty.to_string().contains("no one-time code"), "{chatty}");
    }

    /// A binding code command gets the message's variables and none of the
    /// secret ones; past its time limit its whole group is stopped, so a
    /// grandchild holding stdout open cannot hang the tool.
    #[cfg(unix)]
    #[test]
    fn a_binding_code_command_gets_its_variables_and_is_stopped_whole() {
        let command = |cmd: &str, timeout: u64| CodeCommand {
            command: cmd.into(),
            source: "test".into(),
            timeout: Duration::from_secs(timeout),
            kind: CodeKind::Binding,
            env: vec![("AUTH0_MFA_CHANNEL", "sms".into())],
            hidden_variables: vec!["AUTH0_PASSWORD"],
        };
        let code = command(
            "test \"$AUTH0_MFA_CHANNEL\" = sms && echo 'code: 4321-ab'",
            5,
        )
        .run()
        .unwrap();
        assert_eq!(code.expose(), "4321ab");
        let started = Instant::now();
        let slow = command("(sleep 30; echo 123456) & wait", 1)
            .run()
            .unwrap_err();
        assert!(slow.to_string().contains("within 1 s"), "{slow}");
        assert!(started.elapsed() < Duration::from_secs(10));
    }
}
