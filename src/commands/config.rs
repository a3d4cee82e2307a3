//! `config show` and `config path`.

use clap::ArgMatches;

use crate::cli::ConfigAction;
use crate::error::Failure;
use crate::output::{Output, Report};
use crate::settings;

pub fn run(action: &ConfigAction, matches: &ArgMatches, out: &Output) -> Result<(), Failure> {
    match action {
        ConfigAction::Show => {
            let settings = super::settings(matches, out)?;
            out.result(Report::Settings(&settings));
        }
        ConfigAction::Path => {
            let Some(path) = settings::config_location(matches).0 else {
                return Err(Failure::usage_with_hint(
                    "this system has no config directory",
                    "pass --config FILE or set AUTH0_MFA_CONFIG",
                ));
            };
            out.result(Report::ConfigPath {
                exists: path.exists(),
                path: &path,
            });
        }
    }
    Ok(())
}
