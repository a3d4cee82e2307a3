//! Signals: Ctrl-C, SIGTERM and SIGHUP end whatever the command is waiting
//! for (a prompt, a request, a sleep) at once. A thread of its own receives
//! them, so no wait has to cooperate: it restores the terminal a prompt
//! changed, reports the failure once (one JSON document under `--json`, and
//! any secret not yet shown), and exits with 128 + the signal's number.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::{Failure, Signal};
use crate::output::Output;

/// Set by whoever writes the process's last words: the main thread when the
/// command ends, or the signal thread when a signal ends it first.
static EXITING: AtomicBool = AtomicBool::new(false);

/// Claims the right to report the outcome and exit. False when the other
/// thread has it already.
pub fn claim_exit() -> bool {
    !EXITING.swap(true, Ordering::SeqCst)
}

/// Starts listening. Call once, after the command line is parsed (so
/// `--help` and `--version` pay nothing for it).
pub fn install(out: Arc<Output>) {
    #[cfg(unix)]
    unix::install(out);
    #[cfg(not(unix))]
    other::install(out);
}

/// Ends the process for `signal`, unless the main thread is already ending it.
fn end(out: &Output, signal: Signal) {
    if !claim_exit() {
        return;
    }
    terminal::restore();
    out.end_spinner();
    out.failure(&Failure::Interrupted(signal));
    std::process::exit(signal.exit_code());
}

#[cfg(unix)]
mod unix {
    use std::sync::Arc;

    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    use signal_hook::iterator::Signals;

    use super::Signal;
    use crate::output::Output;

    pub fn install(out: Arc<Output>) {
        // Registered here, before any request or prompt can start, so that
        // no signal finds the default action (death without a word) in place.
        let Ok(mut signals) = Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            return;
        };
        let _ = std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                for number in signals.forever() {
                    let signal = match number {
                        SIGTERM => Signal::Terminate,
                        SIGHUP => Signal::Hangup,
                        _ => Signal::Interrupt,
                    };
                    super::end(&out, signal);
                }
            });
    }
}

#[cfg(not(unix))]
mod other {
    use std::sync::Arc;

    use super::Signal;
    use crate::output::Output;

    pub fn install(out: Arc<Output>) {
        let _ = std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                else {
                    return;
                };
                if runtime.block_on(tokio::signal::ctrl_c()).is_ok() {
                    super::end(&out, Signal::Interrupt);
                }
            });
    }
}

/// The terminal as a prompt found it. A hidden prompt turns echo off and a
/// picker hides the cursor; if the prompt ends by a signal (or an error) they
/// must come back, or the user's shell is left typing blind.
pub mod terminal {
    /// Held while a prompt runs; dropping it puts the terminal back.
    pub struct Guard(());

    /// Saves the terminal's state before a prompt.
    pub fn guard() -> Guard {
        imp::save();
        Guard(())
    }

    impl Drop for Guard {
        fn drop(&mut self) {
            restore();
        }
    }

    /// Puts back what a running prompt changed; nothing when none runs.
    /// The main thread (a prompt ending) and the signal thread may both get
    /// here at once: the saved state is taken and the terminal written under
    /// one lock, so the exit of one cannot come between the other's steps.
    pub fn restore() {
        imp::restore(|| {
            use std::io::Write;
            // Show the cursor again (a picker hides it).
            let mut stderr = std::io::stderr().lock();
            let _ = stderr.write_all(b"\x1b[?25h");
            let _ = stderr.flush();
        });
    }

    #[cfg(unix)]
    mod imp {
        use std::sync::Mutex;

        /// The line settings of the terminal on stdin, as the prompt found them.
        static SAVED: Mutex<Option<libc::termios>> = Mutex::new(None);

        pub fn save() {
            // SAFETY: tcgetattr writes a termios for fd 0 into the zeroed
            // value we own, and reports failure (not a terminal) by -1.
            let mut state: libc::termios = unsafe { std::mem::zeroed() };
            if unsafe { libc::tcgetattr(libc::STDIN_FILENO, &mut state) } == 0 {
                *SAVED.lock().unwrap_or_else(|p| p.into_inner()) = Some(state);
            }
        }

        /// Restores the saved state, then runs `after`, holding the lock.
        pub fn restore(after: impl FnOnce()) {
            let mut saved = SAVED.lock().unwrap_or_else(|p| p.into_inner());
            if let Some(state) = saved.take() {
                // SAFETY: `state` is a termios tcgetattr filled for this fd.
                unsafe { libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, &state) };
                after();
            }
        }
    }

    #[cfg(not(unix))]
    mod imp {
        use std::sync::Mutex;

        /// Whether a prompt runs (its state is the console's own to restore).
        static PROMPTING: Mutex<bool> = Mutex::new(false);

        pub fn save() {
            *PROMPTING.lock().unwrap_or_else(|p| p.into_inner()) = true;
        }

        pub fn restore(after: impl FnOnce()) {
            let mut prompting = PROMPTING.lock().unwrap_or_else(|p| p.into_inner());
            if std::mem::take(&mut *prompting) {
                after();
            }
        }
    }
}

/// The main thread's side: report the outcome unless a signal got there first.
pub fn finish(out: &Arc<Output>, outcome: Result<(), Failure>) -> i32 {
    if !claim_exit() {
        // The signal thread is reporting and will exit the process.
        loop {
            std::thread::park();
        }
    }
    match outcome {
        Ok(()) => crate::error::exit::OK,
        Err(failure) => {
            out.failure(&failure);
            failure.exit_code()
        }
    }
}
