//! The terminal as a prompt found it, and the way back to it. A hidden prompt
//! turns echo off and a picker hides the cursor; if the prompt ends by a signal
//! (or an error) they must come back, or the user's shell is left typing blind.
//! `prompt` holds a guard while it asks; `interrupt` restores and exits here.

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

/// Shows the cursor again (a picker hides it).
const SHOW_CURSOR: &[u8] = b"\x1b[?25h";

/// Puts back what a running prompt changed; nothing when none runs.
/// The saved state is taken and the terminal written under one lock, so
/// two restores never interleave.
pub fn restore() {
    imp::restore(|| {
        use std::io::Write;
        let mut stderr = std::io::stderr().lock();
        let _ = stderr.write_all(SHOW_CURSOR);
        let _ = stderr.flush();
    });
}

/// The signal thread's last step: puts the terminal back for good and
/// ends the process. A prompt on the main thread changes the terminal at
/// every key (raw mode for the key, back between keys), so a restore made
/// while it runs could be undone by its next key before the exit; the
/// main thread is stopped first, and then nothing can come after.
pub fn restore_and_exit(code: i32) -> ! {
    imp::restore_and_exit(code)
}

/// Called on the main thread, which runs the prompts.
pub fn remember_main_thread() {
    #[cfg(unix)]
    imp::remember_main_thread();
}

#[cfg(unix)]
mod imp {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Mutex, OnceLock, TryLockError};

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
            set(&state);
            after();
        }
    }

    fn set(state: &libc::termios) {
        // SAFETY: `state` is a termios tcgetattr filled for this fd.
        unsafe { libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, state) };
    }

    static MAIN_THREAD: OnceLock<libc::pthread_t> = OnceLock::new();
    /// Set by the main thread once it is stopped for good.
    static MAIN_STOPPED: AtomicBool = AtomicBool::new(false);

    pub fn remember_main_thread() {
        // SAFETY: pthread_self has no preconditions.
        let _ = MAIN_THREAD.set(unsafe { libc::pthread_self() });
    }

    /// Runs on the main thread, interrupting whatever it was doing
    /// (a read of a key, a write, a sleep), and never returns from it.
    extern "C" fn stop_here(_: libc::c_int) {
        MAIN_STOPPED.store(true, Ordering::SeqCst);
        loop {
            // SAFETY: pause is async-signal-safe and only waits.
            unsafe { libc::pause() };
        }
    }

    pub fn restore_and_exit(code: i32) -> ! {
        use std::io::Write;
        let _ = std::io::stdout().flush();
        // Read before the main thread stops: it may stop holding the lock.
        let before = *SAVED.lock().unwrap_or_else(|p| p.into_inner());
        stop_main_thread();
        // From here on nothing may allocate or take a lock the main
        // thread could hold (it may have stopped inside malloc or a write).
        let state = match SAVED.try_lock() {
            Ok(saved) => *saved,
            Err(TryLockError::Poisoned(saved)) => *saved.into_inner(),
            Err(TryLockError::WouldBlock) => before,
        };
        if let Some(state) = state {
            set(&state);
            // SAFETY: writes bytes from a static to fd 2.
            unsafe {
                libc::write(
                    libc::STDERR_FILENO,
                    super::SHOW_CURSOR.as_ptr().cast(),
                    super::SHOW_CURSOR.len(),
                )
            };
        }
        // SAFETY: _exit ends the process without running anything more;
        // the output was flushed above.
        unsafe { libc::_exit(code) }
    }

    /// Stops the main thread in a signal handler of its own, and waits
    /// (briefly: it may be gone already) until it is there. The handler is
    /// installed only now, so a stray SIGUSR2 before this ends the process
    /// by its default action rather than freezing it.
    fn stop_main_thread() {
        let Some(&main) = MAIN_THREAD.get() else {
            return;
        };
        // SAFETY: sigaction with a zeroed struct, an empty mask and a
        // handler that only stores an atomic and pauses; pthread_kill
        // targets the main thread, alive until the process exits.
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = stop_here as extern "C" fn(libc::c_int) as usize;
            libc::sigemptyset(&mut action.sa_mask);
            if libc::sigaction(libc::SIGUSR2, &action, std::ptr::null_mut()) != 0 {
                return;
            }
            if libc::pthread_kill(main, libc::SIGUSR2) != 0 {
                return;
            }
        }
        for _ in 0..200 {
            if MAIN_STOPPED.load(Ordering::SeqCst) {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
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

    pub fn restore_and_exit(code: i32) -> ! {
        super::restore();
        std::process::exit(code)
    }
}
