//! `completions SHELL`: the completion script, generated from the clap definitions.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;
use crate::error::Failure;

pub fn run(shell: Shell) -> Result<(), Failure> {
    clap_complete::generate(
        shell,
        &mut Cli::command(),
        "auth0-mfa",
        &mut std::io::stdout(),
    );
    Ok(())
}
