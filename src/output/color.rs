//! The colour decision: `--color`, then the environment, then whether the
//! stream is a terminal; made once per stream when the output starts.

use clap::ValueEnum;

/// `--color WHEN`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// The one colour decision, per stream. `--color` wins; then, as gh documents
/// them: `NO_COLOR` (any value) turns colour off, `CLICOLOR_FORCE` (not `0`)
/// turns it on even off a terminal, `CLICOLOR=0` turns it off; else colour on
/// a terminal whose `TERM` is not `dumb`.
pub fn wanted(choice: ColorChoice, terminal: bool, vars: &ColorVars) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if vars.no_color => false,
        ColorChoice::Auto if vars.force => true,
        ColorChoice::Auto if vars.clicolor_off => false,
        ColorChoice::Auto => terminal && !vars.dumb_term,
    }
}

/// What the environment says of colour, read with settings' environment.
#[derive(Debug, Clone, Copy, Default)]
pub struct ColorVars {
    no_color: bool,
    force: bool,
    clicolor_off: bool,
    dumb_term: bool,
}

impl ColorVars {
    pub fn from_lookup(env: impl Fn(&str) -> Option<std::ffi::OsString>) -> ColorVars {
        let set = |name: &str| env(name).is_some_and(|v| !v.is_empty());
        let is = |name: &str, value: &str| env(name).is_some_and(|v| v == value);
        ColorVars {
            no_color: set("NO_COLOR"),
            force: set("CLICOLOR_FORCE") && !is("CLICOLOR_FORCE", "0"),
            clicolor_off: is("CLICOLOR", "0"),
            dumb_term: is("TERM", "dumb"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wanted_with(choice: ColorChoice, terminal: bool, vars: &[(&str, &str)]) -> bool {
        let vars = ColorVars::from_lookup(|name| {
            vars.iter().find(|(n, _)| *n == name).map(|(_, v)| v.into())
        });
        wanted(choice, terminal, &vars)
    }

    #[test]
    fn a_terminal_gets_colour_unless_the_environment_says_no() {
        use ColorChoice::*;
        assert!(wanted_with(Auto, true, &[]));
        assert!(wanted_with(Auto, true, &[("TERM", "xterm-256color")]));
        assert!(!wanted_with(Auto, true, &[("TERM", "dumb")]));
        assert!(!wanted_with(Auto, true, &[("NO_COLOR", "1")]));
        assert!(wanted_with(Auto, true, &[("NO_COLOR", "")]));
        assert!(!wanted_with(Auto, true, &[("CLICOLOR", "0")]));
        assert!(wanted_with(Auto, true, &[("CLICOLOR", "1")]));
        assert!(!wanted_with(Auto, false, &[]));
        assert!(!wanted_with(Auto, false, &[("CLICOLOR", "1")]));
    }

    #[test]
    fn force_beats_clicolor_and_no_color_beats_force() {
        use ColorChoice::*;
        assert!(wanted_with(Auto, false, &[("CLICOLOR_FORCE", "1")]));
        assert!(!wanted_with(Auto, false, &[("CLICOLOR_FORCE", "0")]));
        assert!(wanted_with(
            Auto,
            true,
            &[("CLICOLOR_FORCE", "1"), ("CLICOLOR", "0")]
        ));
        assert!(!wanted_with(
            Auto,
            true,
            &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]
        ));
        assert!(wanted_with(
            Always,
            false,
            &[("NO_COLOR", "1"), ("CLICOLOR", "0")]
        ));
        assert!(!wanted_with(Never, true, &[("CLICOLOR_FORCE", "1")]));
    }
}
