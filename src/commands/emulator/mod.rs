//! `emulator`: run the local Auth0 tenant until stopped and say how to use it, print a
//! tenant as a tenant file (`--print-tenant`), or check that a running one is ready
//! (`--check URL`, for container health checks, in `check`), or print the codes a
//! running one sent (`emulator outbox`, for `--binding-code-command` and scripts).

mod check;
mod outbox;

use std::path::PathBuf;

use rustls::pki_types::TrustAnchor;

use serde_json::{Value, json};

use crate::cli::{EmulatorAction, EmulatorArgs};
use crate::emulator::{Console, Emulator, Options, Tenant, TlsOptions, demo};
use crate::error::Failure;
use crate::files;
use crate::output::{Output, Report};
use crate::settings::{Environment, Flags, Settings};

pub async fn run(
    args: &EmulatorArgs,
    flags: &Flags,
    environment: &Environment,
    out: &Output,
) -> Result<(), Failure> {
    let token = control_token(args)?;
    let default_ca = (environment.state_dir.as_ref()).map(|dir| dir.join("emulator-ca.pem"));
    if let Some(EmulatorAction::Outbox(outbox_args)) = &args.action {
        let settings = Settings::resolve(flags, environment)?;
        let roots = trusted_roots(outbox_args.ca_file.as_ref(), default_ca)?;
        return outbox::outbox(outbox_args, &settings, &roots, token.as_deref(), out).await;
    }
    if let Some(url) = &args.check {
        let roots = trusted_roots(args.ca_file.as_ref(), default_ca)?;
        return check::check(url, &roots, token.as_deref(), out).await;
    }
    let tenant = match &args.tenant {
        Some(path) => Tenant::load(path).map_err(|e| {
            Failure::usage_with_hint(
                format!("cannot load the tenant file {}: {e:#}", path.display()),
                "see the README's \"The emulator\" section and src/emulator/example-tenant.toml",
            )
        })?,
        None => Tenant::demo(),
    };
    if args.print_tenant {
        return print_tenant(&tenant, out);
    }
    serve(args, tenant, default_ca, out).await
}

/// The CA a client of the emulator trusts beside the built-in roots: `--ca-file`,
/// else the default file `--tls` writes (in the user's own state directory, where
/// no other user can put a CA of theirs) when it exists; trusted only when it is
/// the user's own (see `ca_file`).
fn trusted_roots(
    given: Option<&PathBuf>,
    default: Option<PathBuf>,
) -> Result<Vec<TrustAnchor<'static>>, Failure> {
    match given.cloned().or(default.filter(|path| path.exists())) {
        Some(path) => crate::ca_file::load(
            &path,
            "--ca-file",
            "give --ca-file the file the emulator's --tls wrote (--ca-file there too)",
        ),
        None => Ok(Vec::new()),
    }
}

/// `--control-token` (or its variable) when given and not blank. Sent in a header, so
/// printable ASCII without spaces only.
fn control_token(args: &EmulatorArgs) -> Result<Option<String>, Failure> {
    let Some(token) = args.control_token.as_deref().map(str::trim) else {
        return Ok(None);
    };
    if token.is_empty() {
        return Ok(None);
    }
    if !token.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(Failure::usage_with_hint(
            "the control token holds spaces or characters a header cannot carry",
            "give --control-token / AUTH0_MFA_EMULATOR_CONTROL_TOKEN letters, digits and punctuation only (say, `openssl rand -hex 32`)",
        ));
    }
    Ok(Some(token.to_owned()))
}

/// Where `--tls` writes its CA: `--ca-file`, else the default, whose directory is
/// created private.
fn ca_file_for_tls(args: &EmulatorArgs, default: Option<PathBuf>) -> Result<PathBuf, Failure> {
    if let Some(path) = &args.ca_file {
        return Ok(path.clone());
    }
    let path = default.ok_or_else(|| {
        Failure::usage_with_hint(
            "no state directory to write the CA certificate to (HOME is not set)",
            "name the file with --ca-file",
        )
    })?;
    if let Some(dir) = path.parent() {
        files::create_private_dir(dir).map_err(|e| {
            Failure::usage_with_hint(
                format!("cannot create {}: {e}", dir.display()),
                "name the CA file with --ca-file",
            )
        })?;
    }
    Ok(path)
}

/// How the emulator serves: where, with TLS or not, its console, its control token.
fn options(
    args: &EmulatorArgs,
    default_ca: Option<PathBuf>,
    control_token: Option<String>,
    json: bool,
) -> Result<Options, Failure> {
    Ok(Options {
        listen: args.listen,
        tls: match args.tls {
            true => Some(TlsOptions {
                ca_file: ca_file_for_tls(args, default_ca)?,
                names: args.tls_name.clone(),
            }),
            false => None,
        },
        public_url: args.public_url.clone(),
        console: if json { Console::Json } else { Console::Text },
        // Every core: the RSA signing of each token set is what bounds its logins a second.
        threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
        control_token,
    })
}

async fn serve(
    args: &EmulatorArgs,
    tenant: Tenant,
    default_ca: Option<PathBuf>,
    out: &Output,
) -> Result<(), Failure> {
    let loopback = args.listen.ip().is_loopback();
    // Beyond loopback the control API would hand anyone the requests clients send:
    // it gets a token, generated when none is given. On loopback one given is enforced
    // too, since whoever gave it expects it to be.
    let token = match control_token(args)? {
        Some(token) => Some(token),
        None if !loopback => Some(crate::emulator::generate_control_token()),
        None => None,
    };
    if !loopback {
        out.warn(&format!(
            "listening on {}: the tenant's test data (users, passwords, client secrets, the codes it sends) is reachable from other hosts, and so is the control API, which hands out every request clients send (passwords, secrets, codes, tokens) and the outbox, approves pushes, moves the clock and injects faults; it answers only to the control token the banner shows; use this on a trusted network only",
            args.listen
        ));
    }
    let options = options(args, default_ca, token.clone(), out.json)?;
    let management = management_client(&tenant);
    let emulator = Emulator::start_in_background_with(tenant, options).map_err(|e| {
        Failure::usage_with_hint(
            format!("cannot start the emulator on {}: {e:#}", args.listen),
            "pick another address with --listen (e.g. 127.0.0.1:0), and check --tls-name and --public-url",
        )
    })?;
    let base = emulator.base_url();
    let demo_tenant = args.tenant.is_none();
    let ca_file = emulator.tls().map(|tls| tls.ca_file.display().to_string());
    out.result(Report::Prepared {
        text: banner(
            &base,
            demo_tenant,
            management.as_ref(),
            ca_file.as_deref(),
            token.as_deref(),
        ),
        json: json!({
            "base_url": base,
            "domain": base,
            "listen": emulator.local_addr().to_string(),
            "client_id": demo_tenant.then_some(demo::CLIENT_ID),
            "client_secret": demo_tenant.then_some(demo::CLIENT_SECRET),
            "password": demo_tenant.then_some(demo::PASSWORD),
            "otp_secret": demo_tenant.then_some(demo::OTP_SECRET),
            "more_otp_secrets": demo_tenant.then(|| {
                demo::MORE_OTP_USERS
                    .iter()
                    .map(|u| json!({"username": u.username, "secret": u.secret, "export": u.variable}))
                    .collect::<Vec<_>>()
            }),
            "recovery_code": demo_tenant.then_some(demo::RECOVERY_CODE),
            "users": demo_tenant.then(|| {
                demo_users()
                    .iter()
                    .map(|(user, has)| json!({"username": user, "has": has}))
                    .collect::<Vec<_>>()
            }),
            "management": management.as_ref().map(|(id, secret)| json!({
                "client_id": id,
                "client_secret": secret,
                "audience": format!("{base}/api/v2/"),
            })),
            "control_api": format!("{base}/_emulator/"),
            "control_token": token,
            "health": format!("{base}/_emulator/health"),
            "ca_file": ca_file,
        }),
    })?;
    out.progress("press Ctrl-C to stop");
    crate::interrupt::serving();
    // Serves until a signal ends the process (see `interrupt`).
    let _serving = emulator;
    std::future::pending().await
}

/// The tenant's Management API application, for the banner: the first client granted
/// `management_scopes` (one with a secret first), as its id and secret (None: it
/// authenticates with private_key_jwt).
fn management_client(tenant: &Tenant) -> Option<(String, Option<String>)> {
    let m2m = tenant
        .clients
        .iter()
        .filter(|c| !c.management_scopes.is_empty());
    let chosen = m2m
        .clone()
        .find(|c| c.client_secret.is_some())
        .or_else(|| m2m.clone().next())?;
    Some((chosen.client_id.clone(), chosen.client_secret.clone()))
}

/// The tenant as a file `--tenant` takes back; under `--json`, the same as JSON.
fn print_tenant(tenant: &Tenant, out: &Output) -> Result<(), Failure> {
    let text = tenant
        .to_toml()
        .map_err(|e| Failure::Unexpected(anyhow::anyhow!("{e:#}")))?;
    out.result(Report::Prepared {
        text,
        json: serde_json::to_value(tenant).unwrap_or(Value::Null),
    })
}

/// The demo tenant's users and what each has, for the banner and its JSON.
fn demo_users() -> Vec<(&'static str, String)> {
    let fresh = demo::MORE_NEW_USERS.map(|user| (user, "no factor enrolled yet".to_owned()));
    let more_otp = demo::MORE_OTP_USERS.map(|u| {
        (
            u.username,
            format!("OTP; secret {} (${})", u.secret, u.variable),
        )
    });
    let otp = (
        demo::OTP_USER,
        format!("OTP; secret {} ($SECRET)", demo::OTP_SECRET),
    );
    std::iter::once(otp)
        .chain(more_otp)
        .chain([
            (demo::PUSH_USER, "push, approved after 2 polls".to_owned()),
            (demo::PUSH_REJECT_USER, "push, always rejected".to_owned()),
            (
                demo::SMS_USER,
                format!("SMS and voice to {}", demo::SMS_PHONE),
            ),
            (demo::EMAIL_USER, "email".to_owned()),
            (
                demo::MULTI_USER,
                "OTP ($SECRET, as otp@), push, SMS, email and a recovery code".to_owned(),
            ),
            (
                demo::RECOVERY_USER,
                format!("recovery code {}", demo::RECOVERY_CODE),
            ),
            (demo::NEW_USER, "no factor enrolled yet".to_owned()),
        ])
        .chain(fresh)
        .collect()
}

/// An `export` line for each of the demo users' own TOTP secrets beyond `$SECRET`:
/// a code is accepted once a step, so the README's examples that send codes in
/// the same half-minute each log in a user of their own.
fn more_otp_exports() -> String {
    demo::MORE_OTP_USERS
        .iter()
        .map(|u| {
            format!(
                "  export {}={}   # {}'s TOTP secret\n",
                u.variable, u.secret, u.username
            )
        })
        .collect()
}

fn banner(
    base: &str,
    demo_tenant: bool,
    management: Option<&(String, Option<String>)>,
    ca_file: Option<&str>,
    token: Option<&str>,
) -> String {
    let mut text = format!("Auth0 MFA emulator listening on {base}\n\n");
    let cacert = ca_file
        .map(|f| format!("  export AUTH0_CACERT={f}\n"))
        .unwrap_or_default();
    if demo_tenant {
        // Every value the README's examples use, as lines to paste.
        text.push_str(&format!(
            "Use it:\n  export AUTH0_DOMAIN={base}\n  export AUTH0_CLIENT_ID={}\n  export AUTH0_CLIENT_SECRET={}\n  export AUTH0_PASSWORD={}\n  export SECRET={}   # {}'s TOTP secret\n{}  export CODE={}   # {}'s recovery code\n{cacert}\n",
            demo::CLIENT_ID,
            demo::CLIENT_SECRET,
            demo::PASSWORD,
            demo::OTP_SECRET,
            demo::OTP_USER,
            more_otp_exports(),
            demo::RECOVERY_CODE,
            demo::RECOVERY_USER,
        ));
        text.push_str(&format!(
            "Management API ({base}/api/v2/, an M2M application with every scope auth0-mfa uses):\n  export AUTH0_MGMT_CLIENT_ID={}\n  export AUTH0_MGMT_CLIENT_SECRET={}\n\n",
            demo::MGMT_CLIENT_ID,
            demo::MGMT_CLIENT_SECRET
        ));
        text.push_str(&format!("Demo users (password {}):\n", demo::PASSWORD));
        for (user, what) in demo_users() {
            text.push_str(&format!("  {user:<26} {what}\n"));
        }
        text.push('\n');
    } else {
        text.push_str(&format!("  export AUTH0_DOMAIN={base}\n{cacert}\n"));
        if let Some((id, secret)) = management {
            let secret = secret.as_deref().unwrap_or("(private_key_jwt: no secret)");
            text.push_str(&format!(
                "Management API ({base}/api/v2/, the tenant file's M2M application):\n  export AUTH0_MGMT_CLIENT_ID={id}\n  export AUTH0_MGMT_CLIENT_SECRET={secret}\n\n"
            ));
        }
    }
    text.push_str(&format!(
        "Control API: {base}/_emulator/ (outbox, requests, push/approve, push/reject, clock, faults)\n"
    ));
    if let Some(token) = token {
        text.push_str(&format!(
            "  control token: {token}\n  send it as: Authorization: Bearer {token}\n"
        ));
    }
    text
}
