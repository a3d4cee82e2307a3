//! A real pseudo-terminal for the binary: stdin and stderr on the terminal
//! (so it prompts), stdout on a pipe (so a result can be parsed), the
//! terminal as the child's controlling one (so Ctrl-C is a real SIGINT from
//! the line discipline), and the terminal's settings readable afterwards.

#![cfg(unix)]

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub struct Pty {
    master: File,
    /// Kept open so the terminal's settings can be read after the child exits.
    slave: OwnedFd,
    screen: Arc<Mutex<Vec<u8>>>,
    pub child: Child,
    stdout: Option<std::process::ChildStdout>,
}

impl Pty {
    /// Runs `cmd` with the terminal as stdin, stderr and controlling tty.
    pub fn spawn(mut cmd: Command) -> Pty {
        let (mut master, mut slave) = (0, 0);
        let size = libc::winsize {
            ws_row: 40,
            ws_col: 120,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: openpty writes two fds into the ints we own; the null
        // pointers ask for no name and default settings.
        let status = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                &size,
            )
        };
        assert_eq!(status, 0, "openpty: {}", std::io::Error::last_os_error());
        // SAFETY: both fds were just opened for us and are owned here alone.
        let (master, slave) = unsafe { (File::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
        cmd.stdin(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::piped());
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            cmd.pre_exec(|| {
                if libc::setsid() < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                if libc::ioctl(0, libc::TIOCSCTTY as _, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let mut child = cmd.spawn().unwrap();
        let stdout = child.stdout.take();
        let screen = Arc::new(Mutex::new(Vec::new()));
        let mut reader = master.try_clone().unwrap();
        let filled = screen.clone();
        std::thread::spawn(move || {
            let mut buffer = [0u8; 4096];
            // Ends with EIO once the child and our slave copies are gone.
            while let Ok(n) = reader.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                filled.lock().unwrap().extend_from_slice(&buffer[..n]);
            }
        });
        Pty {
            master,
            slave,
            screen,
            child,
            stdout,
        }
    }

    /// Everything the child has written to the terminal so far.
    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.screen.lock().unwrap()).into_owned()
    }

    /// The screen without its escape sequences (colours, cursor moves).
    pub fn plain_screen(&self) -> String {
        let screen = self.screen();
        let mut plain = String::with_capacity(screen.len());
        let mut chars = screen.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\u{1b}' && chars.peek() == Some(&'[') {
                chars.next();
                // Parameters, then one final letter.
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() {
                        break;
                    }
                }
            } else {
                plain.push(c);
            }
        }
        plain
    }

    /// Waits until the terminal shows `text`.
    pub fn expect(&self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        while !self.screen().contains(text) {
            assert!(
                Instant::now() < deadline,
                "the terminal never showed {text:?}; it shows:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Waits until a hidden prompt has turned echo off: input typed before
    /// that would be flushed by the prompt (and shown), as for a person.
    pub fn expect_hidden_prompt(&self, text: &str) {
        self.expect(text);
        let deadline = Instant::now() + Duration::from_secs(15);
        while self.echoes() {
            assert!(Instant::now() < deadline, "echo never went off");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Types on the keyboard.
    pub fn send(&mut self, keys: &[u8]) {
        self.master.write_all(keys).unwrap();
        self.master.flush().unwrap();
    }

    pub fn signal(&self, signal: i32) {
        // SAFETY: kill has no memory effects; the pid is our child's.
        unsafe { libc::kill(self.child.id() as i32, signal) };
    }

    /// Waits for the exit (briefly: a signal must end the command at once)
    /// and returns the code and what went to stdout.
    pub fn finish(&mut self) -> (Option<i32>, String) {
        let deadline = Instant::now() + Duration::from_secs(10);
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            assert!(
                Instant::now() < deadline,
                "the command did not end; the terminal shows:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(10));
        };
        // The child is gone, but what it wrote may still wait in the
        // terminal: wait until the reader has taken all of it (FIONREAD says
        // how much is unread), then until the screen has been still a moment.
        let drained = Instant::now() + Duration::from_secs(5);
        loop {
            let mut unread: libc::c_int = 0;
            // SAFETY: FIONREAD writes one int for a valid fd.
            unsafe { libc::ioctl(self.master.as_raw_fd(), libc::FIONREAD, &mut unread) };
            if unread <= 0 || Instant::now() > drained {
                break;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let mut seen = self.screen.lock().unwrap().len();
        loop {
            std::thread::sleep(Duration::from_millis(50));
            let now = self.screen.lock().unwrap().len();
            if now == seen {
                break;
            }
            seen = now;
        }
        let mut stdout = String::new();
        if let Some(mut pipe) = self.stdout.take() {
            pipe.read_to_string(&mut stdout).unwrap();
        }
        (status.code(), stdout)
    }

    /// Whether the terminal echoes what is typed (a hidden prompt turns it off).
    pub fn echoes(&self) -> bool {
        // SAFETY: tcgetattr fills the zeroed termios we own for a valid fd.
        let mut state: libc::termios = unsafe { std::mem::zeroed() };
        let status = unsafe { libc::tcgetattr(self.slave.as_raw_fd(), &mut state) };
        assert_eq!(status, 0);
        state.c_lflag & libc::ECHO != 0
    }

    /// Whether the cursor is visible: no hide (`ESC[?25l`) after the last show.
    pub fn cursor_visible(&self) -> bool {
        let screen = self.screen();
        match (screen.rfind("\x1b[?25l"), screen.rfind("\x1b[?25h")) {
            (Some(hidden), Some(shown)) => shown > hidden,
            (Some(_), None) => false,
            _ => true,
        }
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
