//! `totp`: print the current code for a secret, as an authenticator app would.

use crate::cli::TotpArgs;
use crate::error::Failure;
use crate::output::{Output, Report, TotpCode};
use crate::totp::{Overrides, Totp, now_unix};

pub fn run(args: &TotpArgs, out: &Output) -> Result<(), Failure> {
    let input = match args.secret.as_deref() {
        Some("-") => crate::settings::read_stdin_line("the OTP secret", "SECRET_OR_URI")?
            .expose()
            .to_owned(),
        Some(secret) => secret.to_owned(),
        None => {
            return Err(Failure::usage_with_hint(
                "no OTP secret given",
                "pass a base32 secret or otpauth:// URI as the argument, '-' to read stdin, or set AUTH0_OTP_SECRET",
            ));
        }
    };
    let overrides = Overrides {
        digits: args.digits,
        period: args.period,
        algorithm: args.algorithm.map(Into::into),
    };
    let generator = Totp::parse(&input, overrides).map_err(Failure::usage)?;
    let time = args.time.unwrap_or_else(now_unix);
    let code = TotpCode {
        code: generator.code_at(time),
        remaining: generator.remaining_at(time),
        period: generator.period(),
        digits: generator.digits(),
        algorithm: generator.algorithm_name(),
        time,
    };
    if !out.json && args.time.is_none() {
        out.progress(&format!("valid for {} more seconds", code.remaining));
    }
    out.result(Report::Totp(&code))?;
    Ok(())
}
