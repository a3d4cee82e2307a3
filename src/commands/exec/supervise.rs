//! `exec` when the tool must stay beside the command (`--mask-output`,
//! `--token-file`): the command runs as a child in the tool's process group,
//! every signal the tool gets is passed on to it (a terminal's own keys,
//! which reach the whole group, are not sent twice), the child is told to
//! end if the tool is killed, and the tool ends as the command did.

use std::io::{Read, Write};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::output::stream_mask::StreamMask;

/// A command running under the tool's eye.
pub struct Running {
    /// The command's status, once it has ended.
    pub done: tokio::sync::oneshot::Receiver<std::io::Result<ExitStatus>>,
    copiers: Vec<JoinHandle<()>>,
}

/// The values `--mask-output` hides; more join as tokens are refreshed.
pub type Secrets = Arc<Mutex<Vec<String>>>;

/// Starts the command; with `mask`, its stdout and stderr pass through a
/// filter that hides those values.
pub fn spawn(mut command: Command, mask: Option<&Secrets>) -> std::io::Result<Running> {
    if mask.is_some() {
        command.stdout(Stdio::piped()).stderr(Stdio::piped());
    }
    #[cfg(target_os = "linux")]
    // SAFETY: prctl is async-signal-safe and touches no memory of the parent.
    unsafe {
        command.pre_exec(|| {
            // Killed without a word (SIGKILL), the tool leaves no orphan.
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGTERM);
            Ok(())
        });
    }
    let mut child = command.spawn()?;
    let terminal_signals_it = std::io::IsTerminal::is_terminal(&std::io::stdin());
    crate::interrupt::forward_signals_to(child.id(), terminal_signals_it);
    let mut copiers = Vec::new();
    if let Some(secrets) = mask {
        if let Some(stdout) = child.stdout.take() {
            copiers.push(copy_masked(stdout, std::io::stdout(), secrets));
        }
        if let Some(stderr) = child.stderr.take() {
            copiers.push(copy_masked(stderr, std::io::stderr(), secrets));
        }
    }
    let (sender, done) = tokio::sync::oneshot::channel();
    std::thread::Builder::new()
        .name("command".into())
        .spawn(move || {
            let _ = sender.send(child.wait());
        })?;
    Ok(Running { done, copiers })
}

/// Copies one of the command's streams to ours, as it comes, masked.
fn copy_masked(
    mut from: impl Read + Send + 'static,
    mut to: impl Write + Send + 'static,
    secrets: &Secrets,
) -> JoinHandle<()> {
    let secrets = secrets.clone();
    let mut known = 0;
    let mut mask = StreamMask::new([]);
    std::thread::spawn(move || {
        let mut buffer = [0u8; 8192];
        loop {
            match from.read(&mut buffer) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    let all = secrets.lock().unwrap_or_else(|p| p.into_inner());
                    for secret in &all[known..] {
                        mask.add(secret);
                    }
                    known = all.len();
                    drop(all);
                    let shown = mask.push(&buffer[..n]);
                    if to.write_all(&shown).and_then(|()| to.flush()).is_err() {
                        break;
                    }
                }
            }
        }
        let _ = to.write_all(&mask.finish());
        let _ = to.flush();
    })
}

impl Running {
    /// Lets the masked streams drain (a process the command left behind may
    /// hold them open: not for long), then ends the tool as the command
    /// ended: its exit code, or death by the same signal.
    pub fn end_as(self, status: ExitStatus) -> ! {
        let deadline = std::time::Instant::now() + Duration::from_secs(2);
        for copier in self.copiers {
            while !copier.is_finished() && std::time::Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(10));
            }
        }
        let _ = std::io::stdout().flush();
        if let Some(signal) = status.signal() {
            // SAFETY: restoring the default action and raising the signal
            // ends the process as the command ended; nothing is touched.
            unsafe {
                libc::signal(signal, libc::SIG_DFL);
                libc::raise(signal);
            }
        }
        let code = status
            .code()
            .or(status.signal().map(|signal| 128 + signal))
            .unwrap_or(crate::exit_code::ExitCode::Unexpected.code());
        std::process::exit(code)
    }
}
