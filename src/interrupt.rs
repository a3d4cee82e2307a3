//! Signals: Ctrl-C, SIGTERM and SIGHUP end whatever the command is waiting
//! for (a prompt, a request, a sleep) at once. A thread of its own receives
//! them, so no wait has to cooperate: it reports the failure once (one JSON
//! document under `--json`, and any secret not yet shown), stops the main
//! thread, restores the terminal a prompt changed, and exits with 128 + the
//! signal's number.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::{Failure, Signal};
use crate::exit_code::ExitCode;
use crate::output::Output;
use crate::terminal;

/// Set by whoever writes the process's last words: the main thread when the
/// command ends, or the signal thread when a signal ends it first.
static EXITING: AtomicBool = AtomicBool::new(false);

/// Whether the signal thread runs.
static LISTENING: AtomicBool = AtomicBool::new(false);

/// The command `exec` supervises (0: none): while it runs, the signals that
/// would end the tool are passed on to it instead, and the tool ends as it does.
static CHILD: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(0);

/// Whether a terminal's keys already signal the child (it shares the
/// terminal's foreground process group): Ctrl-C and Ctrl-\ are then not sent
/// twice, nor a window-size change.
static TERMINAL_SIGNALS_CHILD: AtomicBool = AtomicBool::new(false);

/// From now on, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2 and
/// SIGWINCH go to `pid`, the command `exec` runs, and no longer end the tool.
#[cfg(unix)]
pub fn forward_signals_to(pid: u32, terminal_signals_it: bool) {
    TERMINAL_SIGNALS_CHILD.store(terminal_signals_it, Ordering::SeqCst);
    CHILD.store(i32::try_from(pid).unwrap_or(0), Ordering::SeqCst);
    unix::forward_more();
}

/// Passes a signal on to the supervised command; false when there is none.
#[cfg(unix)]
fn forwarded(signal: i32) -> bool {
    use signal_hook::consts::{SIGINT, SIGQUIT, SIGWINCH};
    let child = CHILD.load(Ordering::SeqCst);
    if child <= 0 {
        return false;
    }
    let from_terminal = matches!(signal, SIGINT | SIGQUIT | SIGWINCH);
    if !(from_terminal && TERMINAL_SIGNALS_CHILD.load(Ordering::SeqCst)) {
        // SAFETY: kill has no memory preconditions; a gone child is ESRCH.
        unsafe { libc::kill(child, signal) };
    }
    true
}

/// Set while the process serves until stopped (`auth0-mfa emulator`): then
/// Ctrl-C and SIGTERM are how it is meant to end, not a failure.
static SERVING: AtomicBool = AtomicBool::new(false);

/// From now on, Ctrl-C and SIGTERM stop the process with exit 0.
#[cfg(feature = "emulator")]
pub fn serving() {
    SERVING.store(true, Ordering::SeqCst);
}

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
    // What `--otp-command` started in a group of its own would outlive us.
    crate::otp_command::end_running();
    out.end_spinner();
    if SERVING.load(Ordering::SeqCst) && matches!(signal, Signal::Interrupt | Signal::Terminate) {
        out.progress("stopped");
        terminal::restore_and_exit(ExitCode::Ok.code());
    }
    out.failure(&Failure::Interrupted(signal));
    terminal::restore_and_exit(signal.exit_code().code());
}

#[cfg(unix)]
mod unix {
    use std::sync::Arc;
    use std::sync::atomic::Ordering;

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
        crate::terminal::remember_main_thread();
        let listening = std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                loop {
                    // A signal that cuts a prompt's read short makes the
                    // prompt raise SIGINT as well; when several are pending
                    // the one from outside (SIGTERM, SIGHUP) is the cause.
                    let pending: Vec<i32> = signals.wait().collect();
                    if pending.iter().all(|signal| super::forwarded(*signal)) {
                        continue;
                    }
                    let signal = if pending.contains(&SIGTERM) {
                        Signal::Terminate
                    } else if pending.contains(&SIGHUP) {
                        Signal::Hangup
                    } else if pending.contains(&SIGINT) {
                        Signal::Interrupt
                    } else {
                        continue;
                    };
                    super::end(&out, signal);
                }
            });
        super::LISTENING.store(listening.is_ok(), Ordering::SeqCst);
    }

    /// The signals that only a supervised command cares about: listened to
    /// from now on, so that their default action (death, a core) does not
    /// end the tool while the command goes on.
    pub fn forward_more() {
        use signal_hook::consts::{SIGQUIT, SIGUSR1, SIGUSR2, SIGWINCH};
        let Ok(mut signals) = Signals::new([SIGQUIT, SIGUSR1, SIGUSR2, SIGWINCH]) else {
            return;
        };
        let _ = std::thread::Builder::new()
            .name("forward".into())
            .spawn(move || {
                for signal in signals.forever() {
                    super::forwarded(signal);
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

/// The main thread's side: report the outcome unless a signal got there first.
pub fn finish(out: &Arc<Output>, outcome: Result<(), Failure>) -> i32 {
    if matches!(outcome, Err(Failure::Interrupted(_))) && LISTENING.load(Ordering::SeqCst) {
        // A prompt ends "interrupted" when a signal cut its read short (or
        // when it read Ctrl-C and raised SIGINT itself): the signal thread
        // has that signal and reports it under its own number. Give it the
        // moment it needs, rather than report SIGTERM as a Ctrl-C.
        let deadline = std::time::Instant::now() + std::time::Duration::from_millis(500);
        while !EXITING.load(Ordering::SeqCst) && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
    }
    if !claim_exit() {
        // The signal thread is reporting and will exit the process.
        loop {
            std::thread::park();
        }
    }
    match outcome {
        Ok(()) => ExitCode::Ok.code(),
        Err(failure) => {
            out.failure(&failure);
            failure.exit_code()
        }
    }
}
