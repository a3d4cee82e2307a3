//! The HTTP side: the accept loop (plain or TLS, one path for both, within the
//! connection limits of `limits`), connections that can be reset on demand, and the one
//! handler every request goes through (record, fault, rate limit, route, headers, log).

use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::Response;
use axum::{Extension, Router};
use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto;
use hyper_util::service::TowerToHyperService;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::OwnedSemaphorePermit;
use tokio::task::JoinSet;
use tokio_rustls::TlsAcceptor;

use super::console;
use super::control;
use super::faults::Fault;
use super::http::{ApiRequest, Reply, http_date};
use super::limits::{self, Activity, BODY_TIMEOUT, Limits};
use super::management;
use super::record::ReceivedRequest;
use super::routes;
use super::state::{RateStatus, Shared};
use super::tokens;

/// Requests larger than this are refused (Auth0's bodies are small).
const MAX_REQUEST_BYTES: usize = 1024 * 1024;

/// A client that connects and never completes a TLS handshake gives up its slot after this.
const TLS_HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

pub fn app(shared: Arc<Shared>) -> Router {
    Router::new().fallback(dispatch).with_state(shared)
}

/// Accepts until the future is dropped; used by every way of starting the emulator, with
/// `tls` set for HTTPS. The connections live in a `JoinSet` owned by this future, so
/// dropping it (the emulator's shutdown) also closes kept-alive connections instead of
/// leaving them serving a stopped emulator.
pub async fn serve(listener: TcpListener, shared: Arc<Shared>, tls: Option<TlsAcceptor>) {
    let app = app(shared);
    let limits = Limits::new();
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            accepted = accept(&listener, &limits) => if let Some((stream, slot)) = accepted {
                let serving = connection(stream, app.clone(), tls.clone(), limits.clone());
                connections.spawn(async move {
                    serving.await;
                    drop(slot);
                });
            },
            // Reaps finished connections so the set does not grow without bound.
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
}

/// The next connection, once a slot is free for it (until then it waits in the
/// listen backlog).
async fn accept(
    listener: &TcpListener,
    limits: &Limits,
) -> Option<(TcpStream, OwnedSemaphorePermit)> {
    let slot = limits.slot().await;
    match listener.accept().await {
        Ok((stream, _peer)) => Some((stream, slot)),
        Err(e) => {
            if limits::out_of_descriptors(&e) {
                limits.shed_idle();
            }
            // Wait rather than spin on an error that will not go away at once.
            tokio::time::sleep(Duration::from_millis(50)).await;
            None
        }
    }
}

/// One TCP connection: the reset switch and the activity watch go under TLS, so a reset
/// fault cuts the TCP connection whether or not TLS runs over it.
async fn connection(stream: TcpStream, app: Router, tls: Option<TlsAcceptor>, limits: Limits) {
    let _ = stream.set_nodelay(true);
    let kill = Arc::new(AtomicBool::new(false));
    let activity = Arc::new(Activity::new());
    let app = app.layer(Extension(ConnHandle {
        kill: kill.clone(),
        activity: activity.clone(),
        peer: stream.peer_addr().ok().map(|a| a.ip()),
    }));
    let io = ResettableStream {
        inner: stream,
        kill,
        activity: activity.clone(),
    };
    match tls {
        None => serve_http(io, app, &activity, &limits).await,
        Some(acceptor) => {
            // A failed handshake (say, a client that does not trust the CA) has already
            // been reported to the client by a TLS alert; nothing more to do here.
            if let Ok(Ok(io)) =
                tokio::time::timeout(TLS_HANDSHAKE_TIMEOUT, acceptor.accept(io)).await
            {
                activity.established(io.get_ref().1.alpn_protocol() == Some(b"h2"));
                serve_http(io, app, &activity, &limits).await;
            }
        }
    }
}

/// HTTP/2 (as Auth0 answers; chosen by ALPN over TLS, by its preface in the clear)
/// or HTTP/1.1, until the client closes, a request stalls (dropping the connection
/// closes it), or room is needed while it idles (closed between requests).
async fn serve_http<S>(io: S, app: Router, activity: &Activity, limits: &Limits)
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    // hyper's own header_read_timeout is not used: it also runs while a kept-alive
    // connection waits for its next request, and would close idle connections.
    let builder = auto::Builder::new(TokioExecutor::new());
    let connection = builder.serve_connection(TokioIo::new(io), TowerToHyperService::new(app));
    tokio::pin!(connection);
    let mut shed = limits.shed_signal();
    let mut watch = tokio::time::interval(Duration::from_millis(500));
    let mut closing = false;
    loop {
        tokio::select! {
            // Errors here are the client's doing (or a reset fault); the connection ends.
            _ = connection.as_mut() => return,
            _ = watch.tick() => if activity.stalled() {
                return;
            },
            changed = shed.changed(), if !closing => {
                closing = changed.is_err() || activity.idle();
                if closing {
                    connection.as_mut().graceful_shutdown();
                }
            }
        }
    }
}

/// A connection's reset switch and activity, handed to the handler.
#[derive(Debug, Clone)]
pub struct ConnHandle {
    kill: Arc<AtomicBool>,
    activity: Arc<Activity>,
    peer: Option<std::net::IpAddr>,
}

impl ConnHandle {
    /// Makes the connection's next I/O fail and its close a TCP reset.
    fn reset(&self) {
        self.kill.store(true, Ordering::SeqCst);
    }
}

/// A TCP stream that fails every operation once its switch is thrown, after setting
/// SO_LINGER to zero so that dropping it sends a reset instead of a clean close.
pub struct ResettableStream {
    inner: TcpStream,
    kill: Arc<AtomicBool>,
    activity: Arc<Activity>,
}

impl ResettableStream {
    fn killed(&self) -> Option<io::Error> {
        if !self.kill.load(Ordering::SeqCst) {
            return None;
        }
        let _ = self.inner.set_zero_linger();
        Some(io::Error::new(
            io::ErrorKind::ConnectionReset,
            "emulator fault: connection reset",
        ))
    }
}

impl AsyncRead for ResettableStream {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        if let Some(e) = self.killed() {
            return Poll::Ready(Err(e));
        }
        let this = self.get_mut();
        let before = buf.filled().len();
        let polled = Pin::new(&mut this.inner).poll_read(cx, buf);
        if buf.filled().len() > before {
            this.activity.read(&buf.filled()[before..]);
        }
        polled
    }
}

impl AsyncWrite for ResettableStream {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        if let Some(e) = self.killed() {
            return Poll::Ready(Err(e));
        }
        self.activity.wrote();
        Pin::new(&mut self.get_mut().inner).poll_write(cx, buf)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        if let Some(e) = self.killed() {
            return Poll::Ready(Err(e));
        }
        Pin::new(&mut self.get_mut().inner).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        if let Some(e) = self.killed() {
            return Poll::Ready(Err(e));
        }
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }
}

async fn dispatch(
    State(shared): State<Arc<Shared>>,
    Extension(conn): Extension<ConnHandle>,
    request: Request,
) -> Response {
    let started = Instant::now();
    let _in_flight = conn.activity.request_started();
    let (parts, body) = request.into_parts();
    let path = parts.uri.path().to_string();
    let query = parts.uri.query().map(String::from);
    let raw = match read_body(body).await {
        Ok(raw) => raw,
        Err(refused) => return finish(&shared, refused, None),
    };
    // HTTP/1.1 names the host in `Host`, HTTP/2 in the `:authority` of the URI.
    let host = parts
        .headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(str::to_owned)
        .or_else(|| parts.uri.authority().map(|a| a.to_string()));
    let base = shared.origin.base_for(host.as_deref());
    let parts_version = parts.version;
    let control = path == "/_emulator" || path.starts_with("/_emulator/");
    let mut headers = parts.headers;
    // The control API takes JSON however it is labelled: `curl -d '{...}'`
    // says form-urlencoded.
    if control && raw.trim_ascii_start().starts_with(b"{") {
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
    }
    let mut req = ApiRequest::new(parts.method, path, query, headers, &raw, base);
    req.peer = conn.peer;
    if control {
        return finish(&shared, control::handle(&shared, &req), None);
    }
    let faulted = match apply_fault(&shared, &conn, &req, &raw, parts_version, started).await {
        Ok(faulted) => faulted,
        Err(instead) => return instead,
    };
    let rate = shared.rate_limit(&routes::rate_limit_key(&req));
    if rate.allowed && !faulted {
        shared
            .lock()
            .received
            .record(ReceivedRequest::of(&req, &raw, parts_version));
    }
    let reply = if rate.allowed {
        routes::route(&shared, &req)
    } else {
        rate_limited(rate, management::is_management_path(&req.path))
    };
    log(
        &shared,
        &req,
        reply.status.as_u16(),
        reply.error_code(),
        started,
    );
    finish(&shared, reply, Some(rate))
}

/// The fault the control API injected for this request, if any: a delay
/// before the real answer, or an answer in its place (`Err`). True when one
/// was taken: the request is recorded already, and is not recorded twice.
async fn apply_fault(
    shared: &Shared,
    conn: &ConnHandle,
    req: &ApiRequest,
    raw: &[u8],
    version: axum::http::Version,
    started: Instant,
) -> Result<bool, Response> {
    let fault = take_fault(shared, req, raw, version);
    let faulted = fault.is_some();
    match fault {
        Some(Fault::Delay(d)) => tokio::time::sleep(d).await,
        Some(Fault::Pass) | None => {}
        Some(Fault::ResetConnection) => {
            log(shared, req, 0, Some("reset (fault)"), started);
            conn.reset();
            return Err(Response::new(Body::empty()));
        }
        Some(fault) => {
            let mut resp = fault.response(shared.now_secs());
            let outcome = format!("{} (fault)", fault.name());
            log(shared, req, resp.status().as_u16(), Some(&outcome), started);
            resp.headers_mut()
                .insert(header::DATE, header_value(&http_date(shared.now_secs())));
            return Err(resp);
        }
    }
    Ok(faulted)
}

/// Auth0's 429 (in the Management API's shape on its paths), with the seconds until
/// the window resets.
fn rate_limited(rate: RateStatus, management: bool) -> Reply {
    let reply = match management {
        true => management::rate_limited(),
        false => Reply::error(
            StatusCode::TOO_MANY_REQUESTS,
            "too_many_requests",
            "Global limit has been reached",
        ),
    };
    reply.with_header(
        "retry-after",
        rate.reset.saturating_sub(rate.now).max(1).to_string(),
    )
}

/// The body, within [`MAX_REQUEST_BYTES`] and [`BODY_TIMEOUT`]; else the answer
/// refusing it.
async fn read_body(body: Body) -> Result<axum::body::Bytes, Reply> {
    match tokio::time::timeout(BODY_TIMEOUT, axum::body::to_bytes(body, MAX_REQUEST_BYTES)).await {
        Ok(Ok(raw)) => Ok(raw),
        Ok(Err(_)) => Err(Reply::error(
            StatusCode::PAYLOAD_TOO_LARGE,
            "invalid_request",
            "Request body too large.",
        )),
        Err(_) => Err(Reply::error(
            StatusCode::REQUEST_TIMEOUT,
            "invalid_request",
            format!(
                "The request body did not arrive within {} seconds.",
                BODY_TIMEOUT.as_secs()
            ),
        )
        .with_header("connection", "close")),
    }
}

/// The next queued fault, if any. A request a fault answers is recorded here (a test
/// looks for what it faulted); others once the rate limit lets them through, since a
/// flood refused with 429s is not worth remembering.
fn take_fault(
    shared: &Shared,
    req: &ApiRequest,
    raw: &[u8],
    version: axum::http::Version,
) -> Option<Fault> {
    let mut st = shared.lock();
    let on_path = st
        .faults_on
        .iter()
        .find(|(path, _)| *path == req.path)
        .map(|(_, fault)| fault.clone());
    let fault = on_path.or_else(|| st.faults.pop_front());
    if fault.is_some() {
        st.received.record(ReceivedRequest::of(req, raw, version));
    }
    fault
}

/// The console's line for a request, never with bodies or credentials.
fn log(shared: &Shared, req: &ApiRequest, status: u16, outcome: Option<&str>, started: Instant) {
    let grant_type = req.body.get("grant_type").and_then(|g| g.as_str());
    console::request(
        shared.console,
        &console::RequestLine {
            method: req.method.as_str(),
            path: &req.path,
            grant_type: grant_type.filter(|_| req.path == "/oauth/token"),
            status,
            outcome,
            millis: started.elapsed().as_secs_f64() * 1000.0,
        },
    );
}

fn header_value(s: &str) -> HeaderValue {
    HeaderValue::from_str(s).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// Turns a reply into a response with the headers Auth0 always sends, signing its JWTs.
fn finish(shared: &Shared, mut reply: Reply, rate: Option<RateStatus>) -> Response {
    if let Some(body) = reply.body.as_mut() {
        for (field, claims) in reply.jwts.drain(..) {
            body[field] = tokens::keys().sign_jwt(&claims).into();
        }
    }
    let body = match &reply.body {
        Some(v) => Body::from(v.to_string()),
        None => Body::empty(),
    };
    let mut resp = Response::new(body);
    *resp.status_mut() = reply.status;
    let h = resp.headers_mut();
    // As recorded: the empty 204 of a DELETE says plain `application/json`.
    let content_type = if reply.body.is_some() {
        "application/json; charset=utf-8"
    } else {
        "application/json"
    };
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(header::DATE, header_value(&http_date(shared.now_secs())));
    if let Some(rate) = rate {
        h.insert("x-ratelimit-limit", HeaderValue::from(rate.limit));
        h.insert("x-ratelimit-remaining", HeaderValue::from(rate.remaining));
        h.insert("x-ratelimit-reset", HeaderValue::from(rate.reset));
    }
    for (name, value) in &reply.headers {
        h.insert(HeaderName::from_static(name), header_value(value));
    }
    resp
}
