//! Asking the user for a value, only when a terminal can answer: stdin and
//! stderr are terminals and `--no-input` is not set. Otherwise the missing value
//! is a usage error that names its flag and variable, at once: nothing ever
//! waits on a prompt in CI. Every prompt holds a terminal guard, so however
//! it ends (an answer, Ctrl-C, a signal) echo and the cursor come back.

use std::io::IsTerminal;

use dialoguer::theme::ColorfulTheme;
use dialoguer::{Confirm, Input, Password, Select};

use crate::error::Failure;
use crate::secret::Secret;
use crate::terminal;

/// What to ask for, and how to give it without a prompt.
pub struct Ask<'a> {
    pub prompt: &'a str,
    /// e.g. "the OTP code"
    pub what: &'a str,
    /// e.g. "pass --otp CODE, or --otp-secret / AUTH0_OTP_SECRET"
    pub how: &'a str,
}

/// The flow asks through this, so it can be driven without a terminal in tests.
pub trait Prompter {
    fn can_prompt(&self) -> bool;
    fn secret(&mut self, ask: &Ask<'_>) -> Result<Secret, Failure>;
    /// A secret that may be left empty.
    fn secret_or_empty(&mut self, ask: &Ask<'_>) -> Result<Secret, Failure> {
        self.secret(ask)
    }
    fn text(&mut self, ask: &Ask<'_>) -> Result<String, Failure>;
    /// A line of text where Enter keeps `current`, or, with no current value
    /// and `optional`, answers nothing (an empty string).
    fn text_or_keep(
        &mut self,
        ask: &Ask<'_>,
        current: Option<&str>,
        optional: bool,
    ) -> Result<String, Failure> {
        let _ = (current, optional);
        self.text(ask)
    }
    /// The index of the chosen item. Only called when `can_prompt`.
    fn select(&mut self, prompt: &str, items: &[String]) -> Result<usize, Failure>;
    /// Yes or no, defaulting to no. Only called when `can_prompt`.
    fn confirm(&mut self, prompt: &str) -> Result<bool, Failure>;
}

/// Prompts on the terminal with dialoguer.
pub struct TerminalPrompter {
    interactive: bool,
}

impl TerminalPrompter {
    fn hidden(&mut self, ask: &Ask<'_>, allow_empty: bool) -> Result<Secret, Failure> {
        if !self.interactive {
            return Err(cannot_prompt(ask));
        }
        let _terminal = terminal::guard();
        Password::with_theme(&ColorfulTheme::default())
            .with_prompt(ask.prompt)
            .allow_empty_password(allow_empty)
            .interact()
            .map(Secret::new)
            .map_err(prompt_failed)
    }

    pub fn new(no_input: bool) -> Self {
        TerminalPrompter {
            interactive: !no_input
                && std::io::stdin().is_terminal()
                && std::io::stderr().is_terminal(),
        }
    }
}

/// The error for a value that is needed when nobody can be asked.
pub fn cannot_prompt(ask: &Ask<'_>) -> Failure {
    Failure::usage_with_hint(
        format!(
            "{} is needed, and there is no terminal to ask on (or --no-input)",
            ask.what
        ),
        ask.how.to_owned(),
    )
}

fn prompt_failed(error: dialoguer::Error) -> Failure {
    match error {
        dialoguer::Error::IO(e) if e.kind() == std::io::ErrorKind::Interrupted => {
            Failure::Interrupted(crate::error::Signal::Interrupt)
        }
        dialoguer::Error::IO(e) => {
            Failure::Unexpected(anyhow::anyhow!("cannot read from the terminal: {e}"))
        }
    }
}

impl Prompter for TerminalPrompter {
    fn can_prompt(&self) -> bool {
        self.interactive
    }

    fn secret(&mut self, ask: &Ask<'_>) -> Result<Secret, Failure> {
        self.hidden(ask, false)
    }

    fn secret_or_empty(&mut self, ask: &Ask<'_>) -> Result<Secret, Failure> {
        self.hidden(ask, true)
    }

    fn text(&mut self, ask: &Ask<'_>) -> Result<String, Failure> {
        if !self.interactive {
            return Err(cannot_prompt(ask));
        }
        let _terminal = terminal::guard();
        Input::<String>::with_theme(&ColorfulTheme::default())
            .with_prompt(ask.prompt)
            .interact_text()
            .map_err(prompt_failed)
    }

    fn text_or_keep(
        &mut self,
        ask: &Ask<'_>,
        current: Option<&str>,
        optional: bool,
    ) -> Result<String, Failure> {
        if !self.interactive {
            return Err(cannot_prompt(ask));
        }
        let _terminal = terminal::guard();
        let theme = ColorfulTheme::default();
        let mut input = Input::<String>::with_theme(&theme)
            .with_prompt(ask.prompt)
            .allow_empty(optional || current.is_some());
        if let Some(current) = current {
            input = input.default(current.to_owned());
        }
        input.interact_text().map_err(prompt_failed)
    }

    fn select(&mut self, prompt: &str, items: &[String]) -> Result<usize, Failure> {
        if !self.interactive {
            return Err(Failure::usage(format!(
                "{prompt}: no terminal to choose on"
            )));
        }
        let _terminal = terminal::guard();
        Select::with_theme(&ColorfulTheme::default())
            .with_prompt(prompt)
            .items(items)
            .default(0)
            .interact()
            .map_err(prompt_failed)
    }

    fn confirm(&mut self, prompt: &str) -> Result<bool, Failure> {
        if !self.interactive {
            return Err(Failure::usage(format!(
                "{prompt}: no terminal to confirm on"
            )));
        }
        let _terminal = terminal::guard();
        Confirm::with_theme(&ColorfulTheme::default())
            .with_prompt(prompt)
            .default(false)
            .interact()
            .map_err(prompt_failed)
    }
}
