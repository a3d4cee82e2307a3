//! `emulator`: run the local Auth0 tenant until Ctrl-C, and say how to use it.

use serde_json::json;

use crate::cli::EmulatorArgs;
use crate::emulator::{Emulator, Tenant, demo};
use crate::error::Failure;
use crate::output::{Output, Report};

pub async fn run(args: &EmulatorArgs, out: &Output) -> Result<(), Failure> {
    let tenant = match &args.tenant {
        Some(path) => Tenant::load(path).map_err(|e| {
            Failure::usage_with_hint(
                format!("cannot load the tenant file {}: {e:#}", path.display()),
                "see the README's \"The emulator\" section and src/emulator/example-tenant.toml",
            )
        })?,
        None => Tenant::demo(),
    };
    if !args.listen.ip().is_loopback() {
        out.warn(&format!(
            "listening on {}: the emulator's demo credentials are public, so anyone who can reach this address can use them",
            args.listen
        ));
    }
    let ca_file = args
        .ca_file
        .clone()
        .unwrap_or_else(|| std::env::temp_dir().join("auth0-mfa-emulator-ca.pem"));
    let started = if args.tls {
        Emulator::start_tls(tenant, args.listen, &ca_file).await
    } else {
        Emulator::start(tenant, args.listen).await
    };
    let emulator = started.map_err(|e| {
        Failure::usage_with_hint(
            format!("cannot start the emulator on {}: {e:#}", args.listen),
            "pick another address with --listen, e.g. --listen 127.0.0.1:0",
        )
    })?;
    let base = emulator.base_url();
    let demo_tenant = args.tenant.is_none();
    let ca_file = emulator.tls().map(|tls| tls.ca_file.display().to_string());
    out.result(Report::Prepared {
        text: banner(&base, demo_tenant, ca_file.as_deref()),
        json: json!({
            "base_url": base,
            "domain": base,
            "client_id": demo_tenant.then_some(demo::CLIENT_ID),
            "client_secret": demo_tenant.then_some(demo::CLIENT_SECRET),
            "password": demo_tenant.then_some(demo::PASSWORD),
            "control_api": format!("{base}/_emulator/"),
            "ca_file": ca_file,
        }),
    })?;
    out.progress("press Ctrl-C to stop");
    // Serves until a signal ends the process (see `interrupt`).
    let _serving = emulator;
    std::future::pending().await
}

fn banner(base: &str, demo_tenant: bool, ca_file: Option<&str>) -> String {
    let mut text = format!("Auth0 MFA emulator listening on {base}\n\n");
    let cacert = ca_file
        .map(|f| format!("  export AUTH0_CACERT={f}\n"))
        .unwrap_or_default();
    if demo_tenant {
        text.push_str(&format!(
            "Use it:\n  export AUTH0_DOMAIN={base}\n  export AUTH0_CLIENT_ID={}\n  export AUTH0_CLIENT_SECRET={}\n{cacert}\n",
            demo::CLIENT_ID,
            demo::CLIENT_SECRET
        ));
        text.push_str(&format!("Demo users (password {}):\n", demo::PASSWORD));
        let users = [
            (demo::OTP_USER, format!("OTP; secret {}", demo::OTP_SECRET)),
            (demo::PUSH_USER, "push, approved after 2 polls".to_owned()),
            (demo::PUSH_REJECT_USER, "push, always rejected".to_owned()),
            (
                demo::SMS_USER,
                format!("SMS and voice to {}", demo::SMS_PHONE),
            ),
            (demo::EMAIL_USER, "email".to_owned()),
            (
                demo::MULTI_USER,
                "OTP, push, SMS, email and a recovery code".to_owned(),
            ),
            (
                demo::RECOVERY_USER,
                format!("recovery code {}", demo::RECOVERY_CODE),
            ),
            (demo::NEW_USER, "no factor enrolled yet".to_owned()),
        ];
        for (user, what) in users {
            text.push_str(&format!("  {user:<26} {what}\n"));
        }
        text.push('\n');
    } else {
        text.push_str(&format!("  export AUTH0_DOMAIN={base}\n{cacert}\n"));
    }
    text.push_str(&format!(
        "Control API: {base}/_emulator/ (outbox, requests, push/approve, push/reject, clock, faults)\n"
    ));
    text
}
