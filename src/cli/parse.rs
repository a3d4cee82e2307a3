//! Parsing the command line while building only the subcommand it names.
//!
//! clap builds a command's whole tree before it parses: every subcommand's
//! arguments, then a copy of each global option in every subcommand. That was
//! the largest part of every start-up (a third of `--version`'s page faults, a
//! quarter of a challenge's). So `parse` first builds a tree with only the
//! subcommand the command line names, which parses exactly as the whole tree
//! would when it succeeds: the subcommands left out could only have been
//! chosen by the token that chose this one. Anything else (help, an error and
//! its suggestions, no subcommand at all) is parsed again with the whole tree,
//! so what the user reads stays byte for byte what clap prints for it.

use std::cell::RefCell;
use std::ffi::OsString;

use clap::error::ErrorKind;
use clap::{ArgMatches, Args, CommandFactory, FromArgMatches, Subcommand};

use super::{Cli, Command};

/// Which tree `Cli::command()` builds on this thread.
#[derive(Clone, Default)]
enum Tree {
    /// Every subcommand with all its arguments: help, completions, the man page.
    #[default]
    Whole,
    /// Only the subcommand of this name, or none at all.
    Only(Option<String>),
}

thread_local! {
    static TREE: RefCell<Tree> = RefCell::default();
}

/// Parses the process's command line (see the module's documentation).
pub fn parse() -> Result<Cli, clap::Error> {
    parse_from(std::env::args_os().collect())
}

fn parse_from(args: Vec<OsString>) -> Result<Cli, clap::Error> {
    let named = args
        .iter()
        .skip(1)
        .filter_map(|arg| arg.to_str())
        .find(|arg| Command::has_subcommand(arg))
        .map(str::to_owned);
    let only = building(Tree::Only(named), Cli::command);
    match only.try_get_matches_from(&args) {
        Ok(matches) => return Cli::from_arg_matches(&matches),
        // The version line does not depend on the subcommands.
        Err(error) if error.kind() == ErrorKind::DisplayVersion => return Err(error),
        Err(_) => {}
    }
    let matches = Cli::command().try_get_matches_from(&args)?;
    Cli::from_arg_matches(&matches)
}

/// Runs `build` with `tree` as this thread's tree, then puts the whole one back.
fn building(tree: Tree, build: impl FnOnce() -> clap::Command) -> clap::Command {
    TREE.with(|current| *current.borrow_mut() = tree);
    let command = build();
    TREE.with(|current| *current.borrow_mut() = Tree::Whole);
    command
}

/// Whether the subcommand `name` gets its arguments in the tree being built.
fn builds(name: &str) -> bool {
    TREE.with(|current| match &*current.borrow() {
        Tree::Whole => true,
        Tree::Only(only) => only.as_deref() == Some(name),
    })
}

/// A subcommand's arguments (or its own subcommands), added only when the
/// tree being built has room for that subcommand: the others are left out
/// whole by `Chosen`. Every subcommand of `cli::Command` that has any wraps
/// them in it.
#[derive(Debug)]
pub struct Deferred<T>(pub T);

impl<T> std::ops::Deref for Deferred<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: FromArgMatches> FromArgMatches for Deferred<T> {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        T::from_arg_matches(matches).map(Deferred)
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches(matches)
    }
}

impl<T: Subcommand> Subcommand for Deferred<T> {
    fn augment_subcommands(command: clap::Command) -> clap::Command {
        if builds(command.get_name()) {
            T::augment_subcommands(command)
        } else {
            command
        }
    }

    fn augment_subcommands_for_update(command: clap::Command) -> clap::Command {
        if builds(command.get_name()) {
            T::augment_subcommands_for_update(command)
        } else {
            command
        }
    }

    fn has_subcommand(name: &str) -> bool {
        T::has_subcommand(name)
    }
}

impl<T: Args> Args for Deferred<T> {
    fn augment_args(command: clap::Command) -> clap::Command {
        if builds(command.get_name()) {
            T::augment_args(command)
        } else {
            command
        }
    }

    fn augment_args_for_update(command: clap::Command) -> clap::Command {
        if builds(command.get_name()) {
            T::augment_args_for_update(command)
        } else {
            command
        }
    }

    fn group_id() -> Option<clap::Id> {
        T::group_id()
    }
}

/// The subcommands, or in an `Only` tree the one named: the others are never
/// added, so clap copies no global option into them.
#[derive(Debug)]
pub struct Chosen<T>(pub T);

impl<T> std::ops::Deref for Chosen<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: FromArgMatches> FromArgMatches for Chosen<T> {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        T::from_arg_matches(matches).map(Chosen)
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches(matches)
    }
}

impl<T: Subcommand> Subcommand for Chosen<T> {
    fn augment_subcommands(command: clap::Command) -> clap::Command {
        let only = TREE.with(|current| match &*current.borrow() {
            Tree::Whole => None,
            Tree::Only(only) => Some(only.clone()),
        });
        let Some(only) = only else {
            return T::augment_subcommands(command);
        };
        // Every subcommand but the one named is an empty shell here (`Deferred`),
        // and none is built: taking one out of them costs next to nothing.
        let mut shells = T::augment_subcommands(clap::Command::new("shells"));
        match only.and_then(|name| shells.find_subcommand_mut(name).map(std::mem::take)) {
            Some(chosen) => command.subcommand(chosen),
            None => command,
        }
    }

    fn augment_subcommands_for_update(command: clap::Command) -> clap::Command {
        T::augment_subcommands_for_update(command)
    }

    fn has_subcommand(name: &str) -> bool {
        T::has_subcommand(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Vec<OsString> {
        line.split_whitespace().map(OsString::from).collect()
    }

    /// What the whole tree alone makes of `line`: the parse before this module.
    fn whole(line: &str) -> Result<String, (ErrorKind, String)> {
        Cli::command()
            .try_get_matches_from(words(line))
            .and_then(|matches| Cli::from_arg_matches(&matches))
            .map(|cli| format!("{cli:?}"))
            .map_err(|error| (error.kind(), error.render().to_string()))
    }

    fn quick(line: &str) -> Result<String, (ErrorKind, String)> {
        parse_from(words(line))
            .map(|cli| format!("{cli:?}"))
            .map_err(|error| (error.kind(), error.render().to_string()))
    }

    #[test]
    fn parses_as_the_whole_tree_does() {
        for line in [
            "auth0-mfa login -u otp@example.com --otp-secret S --json",
            "auth0-mfa --json --domain d.example.com challenge --mfa-token T --type otp --type oob",
            "auth0-mfa --profile token login -u u",
            "auth0-mfa --profile login token",
            "auth0-mfa totp login",
            "auth0-mfa -vv users create --connection C --mgmt-token M --json",
            "auth0-mfa --mgmt-token M users delete --created-by-this-tool --older-than 1d --yes",
            "auth0-mfa authenticators list --token T --all",
            "auth0-mfa config show --profile p",
            "auth0-mfa exec --env-name access_token=API -- ./deploy.sh --json login",
            "auth0-mfa completions fish",
            "auth0-mfa emulator outbox --to a@b --latest",
            "auth0-mfa demo",
            // Help and errors come from the whole tree, byte for byte.
            "auth0-mfa",
            "auth0-mfa --help",
            "auth0-mfa -V",
            "auth0-mfa help login",
            "auth0-mfa login --help",
            "auth0-mfa users",
            "auth0-mfa users create --help",
            "auth0-mfa logn -u u",
            "auth0-mfa login --factr otp",
            "auth0-mfa login --factor nope",
            "auth0-mfa --profile totp",
            "auth0-mfa totp",
        ] {
            assert_eq!(quick(line), whole(line), "{line}");
        }
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// Words a command line is made of: every top-level subcommand, some of
        /// their own, global options before and after them, values that are
        /// subcommand names too, help, version, the end of options.
        const WORDS: &[&str] = &[
            "login",
            "challenge",
            "verify",
            "enroll",
            "authenticators",
            "users",
            "token",
            "exec",
            "logout",
            "doctor",
            "totp",
            "config",
            "completions",
            "emulator",
            "demo",
            "help",
            "list",
            "create",
            "show",
            "outbox",
            "bash",
            "--json",
            "-v",
            "--profile",
            "--domain",
            "--color",
            "never",
            "-u",
            "x@example.com",
            "--mfa-token",
            "--type",
            "otp",
            "--all",
            "--yes",
            "--mgmt-token",
            "--format",
            "env",
            "--help",
            "-h",
            "-V",
            "--version",
            "--",
            "true",
            "JBSWY3DPEHPK3PXP",
            "--no-such-flag",
            "-",
        ];

        proptest! {
            /// Whatever the words, the quick parse and the whole tree's agree:
            /// the same command, or the same error, rendered the same.
            #[test]
            fn any_command_line_parses_as_the_whole_tree_does(
                picks in proptest::collection::vec(0..WORDS.len(), 0..7)
            ) {
                let line = std::iter::once("auth0-mfa")
                    .chain(picks.iter().map(|&i| WORDS[i]))
                    .collect::<Vec<_>>()
                    .join(" ");
                prop_assert_eq!(quick(&line), whole(&line), "{}", line);
            }
        }
    }

    /// The gain itself: a named subcommand's tree holds that subcommand only,
    /// with the very arguments, in the very order, that the whole tree gives it.
    #[test]
    fn builds_only_the_named_subcommand() {
        let mut complete = Cli::command();
        complete.build();
        for sub in complete
            .get_subcommands()
            .filter(|s| s.get_name() != "help")
        {
            let name = sub.get_name();
            let mut only = building(Tree::Only(Some(name.to_owned())), Cli::command);
            only.build();
            let names: Vec<&str> = only.get_subcommands().map(|s| s.get_name()).collect();
            assert_eq!(names, [name, "help"], "{name}");
            let ids = |c: &clap::Command| -> Vec<String> {
                c.get_arguments().map(|a| a.get_id().to_string()).collect()
            };
            let chosen = only.find_subcommand(name).unwrap();
            assert_eq!(ids(chosen), ids(sub), "{name}");
            let children = |c: &clap::Command| -> Vec<String> {
                c.get_subcommands()
                    .map(|s| s.get_name().to_owned())
                    .collect()
            };
            assert_eq!(children(chosen), children(sub), "{name}");
        }
        let none = building(Tree::Only(None), Cli::command);
        assert_eq!(none.get_subcommands().count(), 0);
        // And the whole tree is back for whatever builds next.
        assert_eq!(
            Cli::command().get_subcommands().count(),
            complete.get_subcommands().count() - 1
        );
    }
}
