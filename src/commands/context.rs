//! What every command that talks to a tenant starts from, written once (as
//! gh's `cmdutil.Factory`): the settings resolved (with their warnings said),
//! the output picked, and the parts made from them when the command first
//! needs them: the client, the prompter, the session store. Nothing here is
//! opened ahead: a command that never stores a session never opens the store.

use crate::auth0::Client;
use crate::error::Failure;
use crate::output::Output;
use crate::prompt::TerminalPrompter;
use crate::sessions::{self, Sessions};
use crate::settings::{Environment, Flags, Settings, Source};

pub struct Context<'a> {
    pub settings: Settings,
    pub out: &'a Output,
    /// `--no-input`: never prompt, even on a terminal.
    pub no_input: bool,
}

impl<'a> Context<'a> {
    /// Resolves the settings and says what is worth a warning about them.
    pub fn open(
        flags: &Flags,
        environment: &Environment,
        no_input: bool,
        out: &'a Output,
    ) -> Result<Context<'a>, Failure> {
        let settings = resolve(flags, environment, out)?;
        Ok(Context {
            settings,
            out,
            no_input,
        })
    }

    /// The one HTTP client of this process, to the tenant the settings name,
    /// traced when `-v` is given.
    pub fn connect(&self) -> Result<Client, Failure> {
        super::connect::authentication_client(self.settings.connection()?, self.out)
    }

    /// Prompts on a terminal, unless `--no-input`.
    pub fn prompter(&self) -> TerminalPrompter {
        TerminalPrompter::new(self.no_input)
    }

    /// The session store, held (locked) while the value lives; waits for
    /// another process's hold at most `--timeout`.
    pub fn sessions(&self, store: &sessions::Store) -> Result<Sessions, Failure> {
        Sessions::open(store, self.settings.request_timeout())
    }
}

/// Every key resolved, with the warnings: files that others can read, and a
/// secret typed on the command line, which anyone on the machine can read in
/// the process list.
pub fn resolve(
    flags: &Flags,
    environment: &Environment,
    out: &Output,
) -> Result<Settings, Failure> {
    let settings = Settings::resolve(flags, environment)?;
    for warning in &settings.warnings {
        out.warn(warning);
    }
    if out.stderr_is_terminal() {
        for setting in settings.values.iter().filter(|s| s.key.is_secret()) {
            if let Source::Flag(flag) = setting.source {
                out.warn(&format!(
                    "{flag} on the command line is visible in the process list; prefer {} or {flag}-file",
                    setting.key.info().env
                ));
            }
        }
    }
    Ok(settings)
}
