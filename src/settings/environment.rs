//! The environment variables that are no key of their own: the session
//! store's policy, the client-info switch, the CI runner's marks and the
//! places the XDG variables name. They are read here, once, at start-up, so
//! that nothing deeper reads the environment and `config show` and the
//! errors describe what was read.

use crate::error::Failure;
use crate::spent::Ledger;
use crate::{config_file, files};
use std::ffi::OsString;
use std::path::PathBuf;

use crate::output::ColorVars;
use crate::output::ci::Runner;
use crate::output::export::GithubFiles;
use crate::sessions;

/// What the process's environment says beyond the settings' own keys.
#[derive(Debug, Clone)]
pub struct Environment {
    /// `AUTH0_MFA_STORE`: the store for new sessions, or the (sanitised)
    /// value that names none, refused only by a command that stores.
    store: Result<sessions::Choice, String>,
    /// `AUTH0_MFA_NO_STORE=1`: store no session and cache no token.
    pub no_store: bool,
    /// Unless `AUTH0_MFA_NO_CLIENT_INFO=1`: requests carry `Auth0-Client`.
    pub client_info: bool,
    /// `GITHUB_ACTIONS=true` / `TF_BUILD=True`: a runner that masks what it is told to.
    runner: Runner,
    /// A CI whose log masks nothing by itself (GitLab, CircleCI, Jenkins,
    /// Buildkite, `CI=true`), and no runner that does.
    pub ci_log_unmasked: bool,
    /// `NO_COLOR`, `CLICOLOR_FORCE`, `CLICOLOR`, `TERM=dumb`.
    pub color: ColorVars,
    /// `GITHUB_ENV`, `GITHUB_OUTPUT`: where `--format github-env|github-output` append.
    pub github_files: GithubFiles,
    /// `AUTH0_MFA_EXEC`: set by an outer `exec` for the command it runs.
    pub exec_guard: Option<OsString>,
    /// `SHELL`: what `exec` without a command starts.
    pub shell: Option<OsString>,
    /// `XDG_STATE_HOME`, else the platform's place: sessions, spent codes, the
    /// emulator's CA ([`files::state_dir`]).
    pub state_dir: Option<PathBuf>,
    /// `XDG_RUNTIME_DIR`: `exec`'s token files, and a session bus there.
    /// Kept as read: what it holds is looked at only by a command that needs it.
    xdg_runtime_dir: Option<OsString>,
    /// `XDG_CONFIG_HOME`, else `~/.config`: the config file when nothing names
    /// one ([`config_file::default_path`]).
    pub config_file: Option<PathBuf>,
    /// `DBUS_SESSION_BUS_ADDRESS`: with a bus in `XDG_RUNTIME_DIR`, whether the
    /// OS credential store can answer ([`sessions::os_store_reachable`]).
    session_bus_address: Option<OsString>,
}

/// What an empty environment means.
impl Default for Environment {
    fn default() -> Environment {
        Environment {
            store: Ok(sessions::Choice::Auto),
            no_store: false,
            client_info: true,
            runner: Runner::None,
            ci_log_unmasked: false,
            color: ColorVars::default(),
            github_files: GithubFiles::default(),
            exec_guard: None,
            shell: None,
            state_dir: None,
            xdg_runtime_dir: None,
            config_file: None,
            session_bus_address: None,
        }
    }
}

impl Environment {
    pub fn read() -> Environment {
        let var = |name: &str| std::env::var(name).ok();
        let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
        let switch = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0");
        let is_true = |name: &str| var(name).is_some_and(|v| v.eq_ignore_ascii_case("true"));
        let runner = if is_true("GITHUB_ACTIONS") {
            Runner::GitHub
        } else if is_true("TF_BUILD") {
            Runner::Azure
        } else {
            Runner::None
        };
        let masks_itself = set("GITHUB_ACTIONS") || set("TF_BUILD");
        let masks_nothing = ["GITLAB_CI", "CIRCLECI", "JENKINS_URL", "BUILDKITE"]
            .into_iter()
            .any(set)
            || var("CI").is_some_and(|v| v.eq_ignore_ascii_case("true") || v == "1");
        Environment {
            store: store_name(std::env::var("AUTH0_MFA_STORE").ok().as_deref()),
            no_store: switch("AUTH0_MFA_NO_STORE"),
            client_info: !switch("AUTH0_MFA_NO_CLIENT_INFO"),
            runner,
            ci_log_unmasked: masks_nothing && !masks_itself,
            color: ColorVars::from_lookup(|name| std::env::var_os(name)),
            github_files: GithubFiles {
                env: path("GITHUB_ENV"),
                output: path("GITHUB_OUTPUT"),
            },
            exec_guard: std::env::var_os(EXEC_GUARD),
            shell: std::env::var_os("SHELL").filter(|shell| !shell.is_empty()),
            state_dir: files::state_dir(std::env::var_os("XDG_STATE_HOME")),
            xdg_runtime_dir: std::env::var_os("XDG_RUNTIME_DIR"),
            config_file: config_file::default_path(std::env::var_os("XDG_CONFIG_HOME")),
            session_bus_address: std::env::var_os("DBUS_SESSION_BUS_ADDRESS"),
        }
    }

    /// The CI runner to register secrets with; `--no-ci-mask` turns it off.
    pub fn ci_runner(&self, disabled: bool) -> Runner {
        if disabled { Runner::None } else { self.runner }
    }

    /// The store `AUTH0_MFA_STORE` names (unset or empty: auto), in this
    /// machine's places.
    pub fn store(&self) -> Result<sessions::Store, Failure> {
        match &self.store {
            Ok(choice) => Ok(self.store_of(*choice)),
            Err(shown) => Err(Failure::usage_with_hint(
                format!("AUTH0_MFA_STORE={shown} is not a store"),
                "set AUTH0_MFA_STORE to auto, os or file",
            )),
        }
    }

    /// The store `choice` is, in this machine's places.
    pub fn store_of(&self, choice: sessions::Choice) -> sessions::Store {
        sessions::Store {
            choice,
            state_dir: self.state_dir.clone(),
            os_reachable: sessions::os_store_reachable(
                self.session_bus_address.as_deref(),
                self.xdg_runtime_dir.as_deref(),
            ),
        }
    }

    /// Where `exec`'s token files go: `$XDG_RUNTIME_DIR/auth0-mfa` ([`files::runtime_dir`]).
    pub fn runtime_dir(&self) -> Option<PathBuf> {
        files::runtime_dir(self.xdg_runtime_dir.as_deref())
    }

    /// Where the ledger of spent codes is kept.
    pub fn ledger(&self) -> Ledger {
        match &self.state_dir {
            Some(dir) => Ledger::at(dir.join("spent-codes.json")),
            None => Ledger::none(),
        }
    }
}

/// The variable an `exec` sets for its command, so that a nested one can tell.
pub const EXEC_GUARD: &str = "AUTH0_MFA_EXEC";

fn path(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .filter(|path| !path.is_empty())
        .map(PathBuf::from)
}

fn store_name(value: Option<&str>) -> Result<sessions::Choice, String> {
    match value {
        None | Some("") | Some("auto") => Ok(sessions::Choice::Auto),
        Some("os") => Ok(sessions::Choice::Os),
        Some("file") => Ok(sessions::Choice::File),
        Some(other) => Err(crate::sanitize::sanitize(other)),
    }
}
