//! `completions SHELL`: the completion script, generated from the clap definitions.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;
use crate::error::Failure;
use crate::output::Output;

pub fn run(shell: Shell, out: &Output) -> Result<(), Failure> {
    // Generated in memory: clap_complete panics when it cannot write, and a
    // write to a closed pipe or a full disk must be an ordinary failure.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "auth0-mfa", &mut script);
    out.raw(&script)
}
