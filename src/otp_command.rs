//! `--otp-command CMD`: the one-time code from another tool's stdout, as
//! aws-vault's `mfa_process` takes it (`op item get ID --otp`, `pass otp
//! NAME`, `ykman oath accounts code -s NAME`). CMD runs through the shell,
//! within a time limit; what it prints is checked to be a code and is never
//! shown.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::error::Failure;
use crate::secret::Secret;

/// The most of its output that is read: a code is a few bytes.
const MAX_OUTPUT_BYTES: u64 = 4096;

#[derive(Debug, Clone)]
pub struct OtpCommand {
    pub command: String,
    /// Where it came from, for the errors (`flag --otp-command`, a profile).
    pub source: String,
    pub timeout: Duration,
    /// Secret variables of the tool's own environment the command does not get.
    pub hidden_variables: Vec<&'static str>,
}

impl OtpCommand {
    /// Runs the command and returns the code it printed.
    pub fn run(&self) -> Result<Secret, Failure> {
        let mut command = shell(&self.command);
        for name in &self.hidden_variables {
            command.env_remove(name);
        }
        let mut child = command
            .stdin(if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
                Stdio::inherit()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            // Its own prompts and errors (an unlock request, say) reach the user.
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| self.failed(format!("cannot be started: {e}")))?;
        let stdout = child.stdout.take();
        let reader = std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut stdout) = stdout {
                let _ = (&mut stdout).take(MAX_OUTPUT_BYTES).read_to_end(&mut bytes);
                // Drain the rest so the command is not blocked on a full pipe.
                let _ = std::io::copy(&mut stdout, &mut std::io::sink());
            }
            bytes
        });
        let deadline = Instant::now() + self.timeout;
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break status,
                Ok(None) if Instant::now() >= deadline => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(self.failed(format!(
                        "printed no code within {} s and was stopped",
                        self.timeout.as_secs()
                    )));
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(10)),
                Err(e) => return Err(self.failed(format!("could not be waited for: {e}"))),
            }
        };
        let output = reader.join().unwrap_or_default();
        if !status.success() {
            let how = status
                .code()
                .map_or("was ended by a signal".to_owned(), |c| {
                    format!("exited {c}")
                });
            return Err(self.failed(how));
        }
        code_in(&String::from_utf8_lossy(&output))
            .ok_or_else(|| self.failed("printed no one-time code (6 to 8 digits)".into()))
    }

    fn failed(&self, what: String) -> Failure {
        Failure::usage_with_hint(
            format!("the OTP command ({}) {what}", self.source),
            "run it by hand: it must print the current code, alone or at the end of its last line",
        )
    }
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

/// The code in a tool's output: the whole output, or the last word of its
/// last line (`ykman` prints `Issuer:account  123456`).
fn code_in(output: &str) -> Option<Secret> {
    let last_line = output.lines().rev().find(|l| !l.trim().is_empty())?;
    let word = last_line.split_whitespace().last()?;
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
        let command = |cmd: &str, timeout: u64| OtpCommand {
            command: cmd.into(),
            source: "test".into(),
            timeout: Duration::from_secs(timeout),
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
}
