//! `completions SHELL`: the completion script, generated from the clap definitions.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;
use crate::error::Failure;
use crate::output::Output;

const BIN: &str = "auth0-mfa";

pub fn run(shell: Shell, out: &Output) -> Result<(), Failure> {
    // Generated in memory: clap_complete panics when it cannot write, and a
    // write to a closed pipe or a full disk must be an ordinary failure.
    out.raw(script(shell).as_bytes())
}

/// The script for `shell`, repaired where clap_complete gets our name wrong.
pub fn script(shell: Shell) -> String {
    let mut buffer = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), BIN, &mut buffer);
    let script = String::from_utf8_lossy(&buffer).into_owned();
    match shell {
        Shell::Bash => repair_bash(&script, BIN),
        Shell::Fish => script + &fish_positional_values(&Cli::command(), &[]),
        _ => script,
    }
}

/// clap_complete's bash script (4.6, clap-rs/clap#6421) names the state of
/// `auth0-mfa login` `auth0__mfa__subcmd__login` where it walks the words,
/// but `auth0__subcmd__mfa__subcmd__login` where it lists the options: the
/// hyphen in the binary name is escaped twice over, so nothing below the top
/// level ever completes. Spell the labels the way the walk does. A no-op once
/// clap_complete agrees with itself; the shell tests prove either way.
fn repair_bash(script: &str, bin: &str) -> String {
    let wrong = bin.replace('-', "__subcmd__");
    let right = bin.replace('-', "__");
    if wrong == right {
        return script.to_owned();
    }
    script.replace(&format!("{wrong}__subcmd__"), &format!("{right}__subcmd__"))
}

/// clap_complete's fish script completes options only ("currently only
/// supports named options"), so `enroll <TAB>` and `completions <TAB>` offered
/// files. Add the values of each subcommand's positional arguments, under the
/// same conditions fish's other lines for that subcommand use.
fn fish_positional_values(cmd: &clap::Command, parents: &[&str]) -> String {
    let mut out = String::new();
    if let [first, rest @ ..] = parents {
        let mut condition = format!("__fish_auth0_mfa_using_subcommand {first}");
        for name in rest {
            condition.push_str(&format!("; and __fish_seen_subcommand_from {name}"));
        }
        for arg in cmd.get_positionals() {
            let values: Vec<String> = arg
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| match v.get_help() {
                    Some(help) => format!("{}\t'{}'", v.get_name(), fish_quote(&help.to_string())),
                    None => v.get_name().to_owned(),
                })
                .collect();
            if !values.is_empty() {
                out.push_str(&format!(
                    "complete -c {BIN} -n \"{condition}\" -f -a \"{}\"\n",
                    values.join("\n")
                ));
            }
        }
    }
    for sub in cmd.get_subcommands() {
        let mut path = parents.to_vec();
        path.push(sub.get_name());
        out.push_str(&fish_positional_values(sub, &path));
    }
    out
}

/// Text inside fish's single quotes, inside the double-quoted `-a` list.
fn fish_quote(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('\'', "\\'")
        .replace('"', "\\\"")
        .replace('$', "\\$")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bash_state_the_walk_reaches_has_its_options() {
        let script = script(Shell::Bash);
        // `cmd="..."` is what the walk sets; `        NAME)` is an arm of the options.
        let set: Vec<&str> = script
            .lines()
            .filter_map(|l| l.trim().strip_prefix("cmd=\""))
            .filter_map(|l| l.strip_suffix('"'))
            .filter(|state| !state.is_empty())
            .collect();
        let arms: Vec<&str> = script
            .lines()
            .filter(|l| l.starts_with("        ") && !l.starts_with("         "))
            .filter_map(|l| l.trim().strip_suffix(')'))
            .collect();
        assert!(set.contains(&"auth0__mfa__subcmd__login"), "{set:?}");
        for state in set {
            assert!(arms.contains(&state), "no options for {state}");
        }
    }

    #[test]
    fn names_without_hyphens_are_left_alone() {
        assert_eq!(repair_bash("x__subcmd__y", "tool"), "x__subcmd__y");
    }
}
