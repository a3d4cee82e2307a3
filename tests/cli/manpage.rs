//! The man page, `completions/auth0-mfa.1`, generated here from the clap
//! definitions (clap_mangen for the page's head and the options, the rest
//! with its roff), with every command and its options, the exit codes (the
//! README's table, itself checked against the code), the environment and the
//! files. Generating it in the tests keeps clap_mangen out of the binary.
//! `completions::man_page_is_in_sync` compares it with the committed page.

use std::path::Path;

use auth0_mfa::cli::Cli;
use clap::{Arg, CommandFactory};
use clap_mangen::roff::{Inline, Roff, bold, italic, roman};

/// Variables the code reads that no flag names: (name, what it does, read by
/// this crate's own code rather than by a library).
const MORE_ENVIRONMENT: &[(&str, &str, bool)] = &[
    (
        "AUTH0_MFA_NO_CLIENT_INFO",
        "Set to 1 to leave out the Auth0-Client header (the tool's name and version, as Auth0's SDKs send it).",
        true,
    ),
    (
        "NO_COLOR",
        "Any value turns colour off, unless --color says otherwise.",
        true,
    ),
    (
        "CLICOLOR_FORCE",
        "Any value but 0 turns colour on, even when the output is not a terminal.",
        true,
    ),
    ("CLICOLOR", "0 turns colour off.", true),
    (
        "XDG_CONFIG_HOME",
        "Where the config file is looked for (see FILES).",
        true,
    ),
    (
        "AUTH0_MFA_STORE",
        "Where login keeps sessions: auto (the OS credential store where one answers, else a private file; the default), os, or file.",
        true,
    ),
    (
        "XDG_STATE_HOME",
        "Where sessions and the record of spent one-time codes are kept (see FILES).",
        true,
    ),
    (
        "HTTPS_PROXY, HTTP_PROXY, ALL_PROXY, NO_PROXY",
        "The proxy to send requests through, and the hosts to reach directly.",
        false,
    ),
];

pub fn render() -> Vec<u8> {
    let man = clap_mangen::Man::new(Cli::command());
    let mut page = Vec::new();
    man.render_title(&mut page).unwrap();
    man.render_name_section(&mut page).unwrap();
    man.render_synopsis_section(&mut page).unwrap();
    man.render_description_section(&mut page).unwrap();
    man.render_options_section(&mut page).unwrap();
    let mut roff = Roff::new();
    commands(&mut roff);
    exit_status(&mut roff);
    environment(&mut roff);
    files(&mut roff);
    roff.to_writer(&mut page).unwrap();
    man.render_version_section(&mut page).unwrap();
    page
}

/// Every command down to the leaves: usage, what it does, its own options
/// (the global ones are listed once, above), and its examples.
fn commands(roff: &mut Roff) {
    roff.control("SH", ["COMMANDS"]);
    roff.text([roman(
        "Every command also takes the GLOBAL OPTIONS above, before or after its name.",
    )]);
    fn walk(roff: &mut Roff, cmd: &clap::Command, path: &str) {
        let shown = cmd
            .get_subcommands()
            .filter(|s| !s.is_hide_set() && s.get_name() != "help");
        for sub in shown {
            let path = format!("{path} {}", sub.get_name());
            if sub.has_subcommands() {
                walk(roff, sub, &path);
                continue;
            }
            roff.control("SS", [path.as_str()]);
            let mut usage = vec![bold(path.clone())];
            let own: Vec<&Arg> = sub
                .get_arguments()
                .filter(|a| !a.is_hide_set() && !a.is_global_set())
                .filter(|a| !matches!(a.get_id().as_str(), "help" | "version"))
                .collect();
            if own.iter().any(|a| !a.is_positional()) {
                usage.push(roman(" ["));
                usage.push(italic("OPTIONS"));
                usage.push(roman("]"));
            }
            for arg in sub.get_positionals() {
                let (open, close) = if arg.is_required_set() {
                    (" <", ">")
                } else {
                    (" [", "]")
                };
                usage.extend([roman(open), italic(value_name(arg)), roman(close)]);
            }
            roff.text(usage);
            if let Some(about) = sub.get_long_about().or_else(|| sub.get_about()) {
                roff.control("PP", []);
                roff.text([roman(about.to_string())]);
            }
            for arg in own {
                option(roff, arg);
            }
            if let Some(after) = sub.get_after_help() {
                roff.control("PP", []);
                roff.control("nf", []);
                for line in after.to_string().lines() {
                    roff.text([roman(line)]);
                }
                roff.control("fi", []);
            }
        }
    }
    // Built, so that every argument is complete; the global ones then show
    // in every command, and are left out.
    let mut root = Cli::command();
    root.build();
    walk(roff, &root, "auth0-mfa");
}

fn value_name(arg: &Arg) -> String {
    arg.get_value_names()
        .map(|names| names.join(" "))
        .unwrap_or_else(|| arg.get_id().as_str().to_uppercase())
}

/// One option as `.TP`: its names and value, then its help, defaults,
/// possible values and variable, as `--help` gives them.
fn option(roff: &mut Roff, arg: &Arg) {
    let mut names: Vec<Inline> = Vec::new();
    if arg.is_positional() {
        names.push(italic(value_name(arg)));
    } else {
        let mut spelled = Vec::new();
        if let Some(short) = arg.get_short() {
            spelled.push(format!("-{short}"));
        }
        for long in arg.get_long_and_visible_aliases().unwrap_or_default() {
            spelled.push(format!("--{long}"));
        }
        for (i, name) in spelled.into_iter().enumerate() {
            if i > 0 {
                names.push(roman(", "));
            }
            names.push(bold(name));
        }
        if arg.get_num_args().is_some_and(|n| n.takes_values()) {
            names.push(roman(" "));
            names.push(italic(value_name(arg)));
        }
    }
    roff.control("TP", []);
    roff.text(names);
    let mut help = arg
        .get_long_help()
        .or_else(|| arg.get_help())
        .map(|h| h.to_string())
        .unwrap_or_default();
    let takes_values = arg.get_action().takes_values();
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_owned())
        .collect();
    if takes_values && !values.is_empty() {
        help.push_str(&format!(" [possible values: {}]", values.join(", ")));
    }
    if let Some(env) = arg.get_env() {
        help.push_str(&format!(" [env: {}]", env.to_string_lossy()));
    }
    roff.text([roman(help)]);
}

/// The README's exit-code table, which a test checks against the code.
fn exit_status(roff: &mut Roff) {
    roff.control("SH", ["EXIT STATUS"]);
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let section = &readme[readme.find("## Exit codes").unwrap()..];
    let section = &section[..section[3..].find("\n## ").unwrap()];
    for row in section.lines().filter_map(|l| l.strip_prefix("| ")) {
        let Some((code, meaning)) = row.trim_end_matches(" |").split_once(" | ") else {
            continue;
        };
        if code.parse::<i32>().is_err() {
            continue;
        }
        roff.control("TP", []);
        roff.text([bold(code)]);
        roff.text(code_spans(meaning));
    }
}

/// Markdown's `code` as bold, the rest as it is.
fn code_spans(text: &str) -> Vec<Inline> {
    text.split('`')
        .enumerate()
        .filter(|(_, part)| !part.is_empty())
        .map(|(i, part)| if i % 2 == 1 { bold(part) } else { roman(part) })
        .collect()
}

/// The variables each setting reads (named as `[env: NAME]` in its help),
/// then the ones no flag names.
fn environment(roff: &mut Roff) {
    roff.control("SH", ["ENVIRONMENT"]);
    roff.text([roman(
        "A flag beats its variable, and a variable beats the config file's profile.",
    )]);
    for (name, help) in variables() {
        roff.control("TP", []);
        roff.text([bold(name)]);
        roff.text([roman(help)]);
    }
    for (name, help, _) in MORE_ENVIRONMENT {
        roff.control("TP", []);
        roff.text([bold(*name)]);
        roff.text([roman(*help)]);
    }
}

/// (variable, the help of the first option it stands for, without the
/// `[env: ...]` note), in the order of `--help`.
pub fn variables() -> Vec<(String, String)> {
    fn walk(cmd: &clap::Command, found: &mut Vec<(String, String)>) {
        for arg in cmd.get_arguments() {
            let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
            let (help, named) = match help.split_once(" [env: ") {
                Some((text, rest)) => (text.to_owned(), rest.split(']').next().map(str::to_owned)),
                None => (help.clone(), None),
            };
            let env = arg
                .get_env()
                .map(|e| e.to_string_lossy().into_owned())
                .or(named);
            if let Some(env) = env
                && !found.iter().any(|(name, _)| *name == env)
            {
                found.push((env, help));
            }
        }
        for sub in cmd.get_subcommands() {
            walk(sub, found);
        }
    }
    let mut found = Vec::new();
    walk(&Cli::command(), &mut found);
    found
}

fn files(roff: &mut Roff) {
    roff.control("SH", ["FILES"]);
    roff.control("TP", []);
    roff.text([bold("$XDG_CONFIG_HOME/auth0-mfa/config.toml")]);
    roff.text([roman(
        "The config file (TOML: default_profile, and [profiles.NAME] tables of settings), \
         else ~/.config/auth0-mfa/config.toml, on Linux and macOS alike; macOS still reads \
         ~/Library/Application Support/auth0-mfa/config.toml while the new place has no \
         file. %APPDATA%\\auth0-mfa\\config.toml on Windows. --config or AUTH0_MFA_CONFIG \
         names another; `auth0-mfa config path` prints the one in use. It may hold secrets: \
         config init writes it with mode 0600, and a file others can read earns a warning.",
    )]);
    roff.control("TP", []);
    roff.text([bold("$XDG_STATE_HOME/auth0-mfa/sessions.json")]);
    roff.text([roman(
        "The stored sessions (else ~/.local/state/auth0-mfa/): which sessions exist, and their \
         tokens when no OS credential store holds them. Mode 0600, replaced whole, locked \
         while a command refreshes a session.",
    )]);
    roff.control("TP", []);
    roff.text([bold("$XDG_STATE_HOME/auth0-mfa/spent-codes.json")]);
    roff.text([roman(
        "The last TOTP step spent per tenant and secret (hashed, never the secret), so a code \
         is never sent twice: a login waits for the next step instead.",
    )]);
}

#[test]
fn every_variable_named_is_read_by_the_code() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    /// The tool's source files, without the emulator (which reads none of
    /// the tool's variables).
    fn collect(dir: &Path, files: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if path.is_dir() && name != "emulator" {
                collect(&path, files);
            } else if let Some(stem) = name.strip_suffix(".rs") {
                files.push((stem.to_owned(), std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    collect(&src, &mut files);
    // Not the unit tests, which may name a variable the code no longer
    // reads: modules declared under #[cfg(test)], and each file's closing
    // `mod tests`.
    const TEST_ONLY: &str = "#[cfg(test)]\nmod ";
    let test_modules: Vec<String> = files
        .iter()
        .flat_map(|(_, code)| code.split(TEST_ONLY).skip(1))
        .filter_map(|rest| Some(rest.split_once(';')?.0.to_owned()))
        .filter(|name| !name.contains(char::is_whitespace))
        .collect();
    let text: String = files
        .iter()
        .filter(|(stem, _)| !test_modules.contains(stem))
        .map(|(_, code)| {
            code.split("#[cfg(test)]\nmod tests")
                .next()
                .unwrap_or_default()
        })
        .collect();
    let ours = MORE_ENVIRONMENT
        .iter()
        .filter(|(_, _, ours)| *ours)
        .map(|(name, _, _)| name.to_string());
    let named = variables().into_iter().map(|(name, _)| name);
    for name in ours.chain(named) {
        assert!(
            text.contains(&format!("\"{name}\"")),
            "{name} is read nowhere"
        );
    }
    // Every setting's variable is in the page.
    let names: Vec<String> = variables().into_iter().map(|(name, _)| name).collect();
    for key in auth0_mfa::settings::Key::ALL {
        assert!(names.contains(&key.info().env.to_owned()), "{key:?}");
    }
}

/// `man` shows the page with every section and without complaints (skipped
/// where groff is not installed, except in CI).
#[test]
fn the_page_reads_in_man() {
    let groff = ["/usr/bin/groff", "/usr/local/bin/groff"]
        .into_iter()
        .find(|p| Path::new(p).is_file());
    let Some(groff) = groff else {
        crate::harness::missing("groff", "the man page was not typeset");
        return;
    };
    let dir = tempfile::TempDir::new().unwrap();
    let file = dir.path().join("auth0-mfa.1");
    std::fs::write(&file, render()).unwrap();
    let output = std::process::Command::new(groff)
        .args(["-man", "-Tutf8", "-ww", "-rLL=80n"])
        .arg(&file)
        .env_clear()
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success() && stderr.is_empty(), "{stderr}");
    let text = strip_overstrike(&String::from_utf8_lossy(&output.stdout));
    for section in [
        "NAME",
        "SYNOPSIS",
        "GLOBAL OPTIONS",
        "COMMANDS",
        "EXIT STATUS",
        "ENVIRONMENT",
        "FILES",
    ] {
        assert!(text.contains(&format!("\n{section}\n")), "no {section}");
    }
    for shown in [
        "auth0-mfa login [OPTIONS]",
        "--factor FACTOR",
        "auth0-mfa authenticators delete [OPTIONS] <ID>",
        "AUTH0_CLIENT_SECRET",
        "AUTH0_MFA_NO_CLIENT_INFO",
        "Examples:",
    ] {
        assert!(text.contains(shown), "no {shown}:\n{text}");
    }
    assert!(text.lines().any(|l| l.trim_start().starts_with("130")));
}

/// groff's terminal output draws bold as `c\bc` and underline as `_\bc`.
fn strip_overstrike(text: &str) -> String {
    let mut out: Vec<char> = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if chars.peek() == Some(&'\u{8}') {
            chars.next();
            if let Some(next) = chars.next() {
                out.push(next);
            }
        } else {
            out.push(c);
        }
    }
    out.into_iter().collect()
}
