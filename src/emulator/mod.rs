//! A faithful local stand-in for an Auth0 tenant's MFA endpoints: discovery and JWKS,
//! `/oauth/token` (password, password-realm, refresh_token, mfa-otp, mfa-oob,
//! mfa-recovery-code), `/oauth/revoke`, `/mfa/challenge`, `/mfa/associate`,
//! `/mfa/authenticators`, the Management API under `/api/v2/` (see `management`: the
//! client-credentials grant, users, authentication methods, blocks, guardian, clients,
//! connections, settings, Actions, over the same state as the MFA flow), plus the
//! `/_emulator/` control API. It shares no types with the
//! client: it writes JSON the way Auth0 does, so a wrong field name on either side fails
//! the tests.
//!
//! Start one with [`Emulator::start`] (on the current tokio runtime) or
//! [`Emulator::start_in_background`] (own thread, for synchronous tests), or their HTTPS
//! twins [`Emulator::start_tls`] and [`Emulator::start_tls_in_background`], which generate
//! a CA and a certificate for 127.0.0.1, ::1 and localhost and write the CA (PEM) to a
//! file for the client to trust; [`Emulator::start_with`] and
//! [`Emulator::start_in_background_with`] take [`Options`] (more certificate names, a
//! public URL, the console, threads). The tenant comes from [`Tenant::demo`] or a TOML
//! file ([`Tenant::load`], schema in [`Tenant`]'s module docs and `example-tenant.toml`).
//! The URLs it answers with follow the `Host` of each request, unless a public URL is set.
//!
//! Control API (JSON; with [`Options::control_token`] set, each request sends
//! `Authorization: Bearer TOKEN`): `GET /_emulator/health`, `GET /_emulator/outbox`,
//! `GET /_emulator/requests`,
//! `POST /_emulator/clock {"advance_seconds":N}`, `POST /_emulator/push/approve` and
//! `/reject {"username":"..."}` (404 when nothing is pending),
//! `POST /_emulator/faults {"kind":"html_502"|"truncated_json"|"delay"|"reset"|"oversized"|"rate_limited", "ms":N, "retry_after":N}`.

mod console;
mod control;
pub mod demo;
mod faults;
mod http;
mod keys;
mod limits;
mod management;
mod otp;
mod record;
mod routes;
mod server;
mod state;
mod table;
mod tenant;
#[cfg(test)]
mod tests;
mod tls;
#[cfg(test)]
mod tls_tests;
mod tokens;

use std::net::{Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use tokio::sync::oneshot;
use tokio_rustls::TlsAcceptor;

pub use faults::Fault;
pub use record::ReceivedRequest;
pub use state::OutboxMessage;
pub use tenant::{
    AuthenticatorConfig, AuthenticatorKind, ClientConfig, PushRule, Tenant, TenantSettings,
    UserConfig,
};
pub use tls::TlsFiles;

use state::{Origin, Shared};

/// A running emulator. Dropping it stops the server (and its thread, if it has one).
pub struct Emulator {
    shared: Arc<Shared>,
    addr: SocketAddr,
    shutdown: Option<oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
    tls: Option<TlsFiles>,
}

impl std::fmt::Debug for Emulator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Emulator")
            .field("addr", &self.addr)
            .field("tls", &self.tls.is_some())
            .finish()
    }
}

/// A fresh control token (256 random bits, hex) for an emulator that listens beyond
/// loopback and was not given one.
pub fn generate_control_token() -> String {
    tokens::random_hex(32)
}

/// `SCHEME://HOST:PORT` for a bound address; an unspecified address is reached via
/// loopback (which the TLS certificate names too).
fn base_url_of(scheme: &str, addr: SocketAddr) -> String {
    match addr {
        SocketAddr::V4(a) if a.ip().is_unspecified() => {
            format!("{scheme}://127.0.0.1:{}", a.port())
        }
        SocketAddr::V6(a) if a.ip().is_unspecified() => format!("{scheme}://[::1]:{}", a.port()),
        SocketAddr::V4(a) => format!("{scheme}://{a}"),
        SocketAddr::V6(a) => format!("{scheme}://[{}]:{}", a.ip(), a.port()),
    }
}

/// How to start an emulator, beyond its tenant.
#[derive(Debug, Clone)]
pub struct Options {
    /// The address to bind; port 0 picks a free one.
    pub listen: SocketAddr,
    /// HTTPS with a generated certificate, or plain HTTP.
    pub tls: Option<TlsOptions>,
    /// The URL clients reach the emulator by (`https://auth0.test`), used for the issuer
    /// and every URL it answers with. None: the `Host` each request was sent to.
    pub public_url: Option<String>,
    /// What it tells a person watching its standard error.
    pub console: Console,
    /// Threads serving requests when started in the background: 1 is a current-thread
    /// runtime (tests), more a multi-thread one, for a CI fleet sharing one emulator.
    pub threads: usize,
    /// When set, every control request must carry `Authorization: Bearer TOKEN` (the
    /// health check may leave it out). None: the control API is open, as it should be
    /// only on loopback.
    pub control_token: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            listen: SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
            tls: None,
            public_url: None,
            console: Console::Off,
            threads: 1,
            control_token: None,
        }
    }
}

/// HTTPS settings: where the generated CA goes, and the names the server certificate
/// holds besides 127.0.0.1, ::1 and localhost (DNS names, or IP addresses).
#[derive(Debug, Clone)]
pub struct TlsOptions {
    pub ca_file: PathBuf,
    pub names: Vec<String>,
}

/// The emulator's console on standard error: a line per request and per code it "sends"
/// by SMS, voice or email (those codes are test data; showing them is the point).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Console {
    Off,
    Text,
    /// One JSON object per line, for machines.
    Json,
}

/// The certificate and acceptor when TLS is asked for, and the base URL's scheme to match.
fn tls_for(
    addr: SocketAddr,
    tls: Option<&TlsOptions>,
) -> anyhow::Result<(Option<(TlsAcceptor, TlsFiles)>, &'static str)> {
    match tls {
        None => Ok((None, "http")),
        Some(tls) => Ok((
            Some(tls::setup(addr.ip(), &tls.ca_file, &tls.names)?),
            "https",
        )),
    }
}

/// `--public-url`: an http(s) URL with a host and nothing after it but one `/`.
fn public_base(url: &str) -> anyhow::Result<String> {
    let trimmed = url.trim().trim_end_matches('/');
    let host = trimmed
        .strip_prefix("https://")
        .or_else(|| trimmed.strip_prefix("http://"));
    match host {
        Some(host) if !host.is_empty() && http::is_host(host) => Ok(trimmed.to_string()),
        _ => anyhow::bail!(
            "the public URL {url:?} is not http(s)://HOST[:PORT] (no path, query or user)"
        ),
    }
}

impl Emulator {
    /// Binds `listen` and serves plain HTTP on the current tokio runtime (spawns a task).
    pub async fn start(tenant: Tenant, listen: SocketAddr) -> anyhow::Result<Emulator> {
        Self::start_with(
            tenant,
            Options {
                listen,
                ..Options::default()
            },
        )
        .await
    }

    /// Like [`Emulator::start`], but HTTPS: generates a CA and a server certificate for
    /// 127.0.0.1, ::1 and localhost (and `listen`'s address if it is a specific one),
    /// valid from an hour ago for a week, serves TLS (HTTP/1.1 only), and writes the CA
    /// certificate (PEM) to `ca_file`, replacing it, before returning.
    pub async fn start_tls(
        tenant: Tenant,
        listen: SocketAddr,
        ca_file: &Path,
    ) -> anyhow::Result<Emulator> {
        Self::start_with(
            tenant,
            Options {
                listen,
                tls: Some(TlsOptions {
                    ca_file: ca_file.to_path_buf(),
                    names: Vec::new(),
                }),
                ..Options::default()
            },
        )
        .await
    }

    /// Starts as `options` say, on the current tokio runtime (spawns a task).
    pub async fn start_with(tenant: Tenant, options: Options) -> anyhow::Result<Emulator> {
        tenant.validate()?;
        let public_url = options.public_url.as_deref().map(public_base).transpose()?;
        let listener = tokio::net::TcpListener::bind(options.listen)
            .await
            .with_context(|| format!("cannot listen on {}", options.listen))?;
        let addr = listener.local_addr()?;
        let (tls, scheme) = tls_for(addr, options.tls.as_ref())?;
        let (acceptor, files) = tls.unzip();
        let shared = Arc::new(Shared::new(
            tenant,
            Origin::new(scheme, base_url_of(scheme, addr), public_url),
            options.console,
            options.control_token.clone(),
        ));
        let (tx, rx) = oneshot::channel();
        let serving = shared.clone();
        tokio::spawn(async move {
            tokio::select! {
                _ = server::serve(listener, serving, acceptor) => {}
                _ = rx => {}
            }
        });
        Ok(Emulator {
            shared,
            addr,
            shutdown: Some(tx),
            thread: None,
            tls: files,
        })
    }

    /// Binds 127.0.0.1:0 and serves plain HTTP on a background thread with its own
    /// current-thread runtime; for synchronous tests.
    pub fn start_in_background(tenant: Tenant) -> anyhow::Result<Emulator> {
        Self::start_in_background_with(tenant, Options::default())
    }

    /// Like [`Emulator::start_in_background`], but HTTPS as [`Emulator::start_tls`] does,
    /// with the CA certificate written to `ca_file` before this returns.
    pub fn start_tls_in_background(tenant: Tenant, ca_file: &Path) -> anyhow::Result<Emulator> {
        Self::start_in_background_with(
            tenant,
            Options {
                tls: Some(TlsOptions {
                    ca_file: ca_file.to_path_buf(),
                    names: Vec::new(),
                }),
                ..Options::default()
            },
        )
    }

    /// Starts as `options` say on a background thread with its own current-thread
    /// runtime; for synchronous tests.
    pub fn start_in_background_with(tenant: Tenant, options: Options) -> anyhow::Result<Emulator> {
        tenant.validate()?;
        let public_url = options.public_url.as_deref().map(public_base).transpose()?;
        let std_listener = std::net::TcpListener::bind(options.listen)
            .with_context(|| format!("cannot listen on {}", options.listen))?;
        std_listener.set_nonblocking(true)?;
        let addr = std_listener.local_addr()?;
        // Generated here rather than on the thread, so that errors reach the caller.
        let (tls, scheme) = tls_for(addr, options.tls.as_ref())?;
        let (acceptor, files) = tls.unzip();
        let runtime = match options.threads {
            0 | 1 => tokio::runtime::Builder::new_current_thread(),
            n => {
                let mut builder = tokio::runtime::Builder::new_multi_thread();
                builder
                    .worker_threads(n)
                    .thread_name("auth0-emulator-worker");
                builder
            }
        }
        .enable_all()
        .build()
        .context("cannot start the emulator's runtime")?;
        let shared = Arc::new(Shared::new(
            tenant,
            Origin::new(scheme, base_url_of(scheme, addr), public_url),
            options.console,
            options.control_token.clone(),
        ));
        let (tx, rx) = oneshot::channel();
        let serving = shared.clone();
        let thread = std::thread::Builder::new()
            .name(format!("auth0-emulator-{}", addr.port()))
            .spawn(move || {
                runtime.block_on(async move {
                    let Ok(listener) = tokio::net::TcpListener::from_std(std_listener) else {
                        return;
                    };
                    tokio::select! {
                        _ = server::serve(listener, serving, acceptor) => {}
                        _ = rx => {}
                    }
                });
                // Dropping the runtime here cancels the open connections' tasks.
            })
            .context("cannot spawn the emulator's thread")?;
        Ok(Emulator {
            shared,
            addr,
            shutdown: Some(tx),
            thread: Some(thread),
            tls: files,
        })
    }

    /// `http://127.0.0.1:PORT`, or `https://127.0.0.1:PORT` when started with TLS, or
    /// the public URL when one was given; no trailing slash. Discovery, tokens and
    /// issuers use the base of the URL each request was sent to.
    pub fn base_url(&self) -> String {
        self.shared.origin.public_or_bound().to_string()
    }

    /// The CA to trust, when started with TLS.
    pub fn tls(&self) -> Option<&TlsFiles> {
        self.tls.as_ref()
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// The requests received, in order (control API requests and rate-limited ones
    /// excluded; the latest 1000, bodies cut to 4 KiB: see [`ReceivedRequest`]).
    pub fn received(&self) -> Vec<ReceivedRequest> {
        self.shared.lock().received.to_vec()
    }

    /// The SMS, voice and email codes sent, in order (the latest 1000).
    pub fn outbox(&self) -> Vec<OutboxMessage> {
        self.shared.lock().outbox.to_vec()
    }

    /// Moves the emulator's clock forward: expiries, TOTP steps, buckets, `Date`.
    pub fn advance_clock(&self, seconds: u64) {
        self.shared.advance_clock(seconds);
    }

    /// The emulator's "now", in Unix seconds.
    pub fn now(&self) -> u64 {
        self.shared.now_secs()
    }

    /// Approves the user's pending push transaction(s) (challenges and enrollments).
    /// False if there were none.
    pub fn approve_push(&self, username: &str) -> bool {
        self.shared.settle_push(username, true)
    }

    pub fn reject_push(&self, username: &str) -> bool {
        self.shared.settle_push(username, false)
    }

    /// Queues a fault for the next non-control request (one fault per request, in order).
    pub fn inject_fault(&self, fault: Fault) {
        self.shared.lock().faults.push_back(fault);
    }

    /// Answers every later request to `path` (no query) with `fault`, whatever the
    /// queue holds: one endpoint that keeps failing while the others answer.
    pub fn inject_fault_on(&self, path: &str, fault: Fault) {
        self.shared.lock().faults_on.push((path.to_owned(), fault));
    }

    /// Serves until Ctrl-C, then stops.
    pub async fn run_until_ctrl_c(self) -> anyhow::Result<()> {
        tokio::signal::ctrl_c()
            .await
            .context("cannot listen for Ctrl-C")?;
        drop(self);
        Ok(())
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
