//! The `auth0-mfa` binary: run the command and exit with its code.

fn main() {
    std::process::exit(auth0_mfa::run());
}
