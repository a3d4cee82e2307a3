//! The HTTP side: a listener whose connections can be reset on demand, and the one
//! handler every request goes through (record, fault, rate limit, route, headers, log).

use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::connect_info::Connected;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::Response;
use axum::serve::{IncomingStream, Listener};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};

use super::control;
use super::faults::Fault;
use super::http::{ApiRequest, Reply, http_date};
use super::routes;
use super::state::{RateStatus, ReceivedRequest, Shared};

/// Requests larger than this are refused (Auth0's bodies are small).
const MAX_REQUEST_BYTES: usize = 1024 * 1024;

pub fn app(shared: Arc<Shared>) -> Router {
    Router::new().fallback(dispatch).with_state(shared)
}

/// Serves until the future completes; used by both ways of starting the emulator.
pub async fn serve(listener: TcpListener, shared: Arc<Shared>) {
    let service = app(shared).into_make_service_with_connect_info::<ConnHandle>();
    // serve only returns on a listener error, which ResettableListener never reports.
    let _ = axum::serve(ResettableListener(listener), service).await;
}

/// A connection's identity and its reset switch, handed to the handler.
#[derive(Debug, Clone)]
pub struct ConnHandle {
    kill: Arc<AtomicBool>,
}

impl ConnHandle {
    /// Makes the connection's next I/O fail and its close a TCP reset.
    fn reset(&self) {
        self.kill.store(true, Ordering::SeqCst);
    }
}

impl Connected<IncomingStream<'_, ResettableListener>> for ConnHandle {
    fn connect_info(stream: IncomingStream<'_, ResettableListener>) -> Self {
        stream.remote_addr().clone()
    }
}

pub struct ResettableListener(TcpListener);

impl Listener for ResettableListener {
    type Io = ResettableStream;
    type Addr = ConnHandle;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        loop {
            match self.0.accept().await {
                Ok((stream, _peer)) => {
                    let _ = stream.set_nodelay(true);
                    let kill = Arc::new(AtomicBool::new(false));
                    let io = ResettableStream {
                        inner: stream,
                        kill: kill.clone(),
                    };
                    return (io, ConnHandle { kill });
                }
                // Out of file descriptors and the like: wait rather than spin.
                Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
            }
        }
    }

    fn local_addr(&self) -> io::Result<ConnHandle> {
        self.0.local_addr()?;
        Ok(ConnHandle {
            kill: Arc::default(),
        })
    }
}

/// A TCP stream that fails every operation once its switch is thrown, after setting
/// SO_LINGER to zero so that dropping it sends a reset instead of a clean close.
pub struct ResettableStream {
    inner: TcpStream,
    kill: Arc<AtomicBool>,
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
        Pin::new(&mut self.get_mut().inner).poll_read(cx, buf)
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
    ConnectInfo(conn): ConnectInfo<ConnHandle>,
    request: Request,
) -> Response {
    let (parts, body) = request.into_parts();
    let path = parts.uri.path().to_string();
    let query = parts.uri.query().map(String::from);
    let raw = match axum::body::to_bytes(body, MAX_REQUEST_BYTES).await {
        Ok(raw) => raw,
        Err(_) => {
            let reply = Reply::error(
                StatusCode::PAYLOAD_TOO_LARGE,
                "invalid_request",
                "Request body too large.",
            );
            return finish(&shared, reply, None);
        }
    };
    let req = ApiRequest::new(parts.method, path, query, parts.headers, &raw);
    if req.path == "/_emulator" || req.path.starts_with("/_emulator/") {
        return finish(&shared, control::handle(&shared, &req), None);
    }
    let fault = {
        let mut st = shared.lock();
        st.received.push(received(&req));
        st.faults.pop_front()
    };
    match fault {
        Some(Fault::Delay(d)) => tokio::time::sleep(d).await,
        Some(Fault::ResetConnection) => {
            log(&shared, &req, "reset (fault)");
            conn.reset();
            return Response::new(Body::empty());
        }
        Some(fault) => {
            log(&shared, &req, &format!("{fault:?} (fault)"));
            let mut resp = fault.response(shared.now_secs());
            resp.headers_mut()
                .insert(header::DATE, header_value(&http_date(shared.now_secs())));
            return resp;
        }
        None => {}
    }
    let rate = shared.rate_limit(&routes::rate_limit_key(&req));
    let reply = if rate.allowed {
        routes::route(&shared, &req)
    } else {
        Reply::error(
            StatusCode::TOO_MANY_REQUESTS,
            "too_many_requests",
            "Global limit has been reached",
        )
        .with_header(
            "retry-after",
            rate.reset.saturating_sub(rate.now).max(1).to_string(),
        )
    };
    let outcome = format!(
        "{} {}",
        reply.status.as_u16(),
        reply.error_code().unwrap_or("")
    );
    log(&shared, &req, outcome.trim_end());
    finish(&shared, reply, Some(rate))
}

fn received(req: &ApiRequest) -> ReceivedRequest {
    ReceivedRequest {
        method: req.method.to_string(),
        path: req.path.clone(),
        query: req.query.clone(),
        content_type: req.header("content-type").map(String::from),
        authorization: req.header("authorization").map(String::from),
        body: req.body.clone(),
    }
}

/// One line per request, never with bodies or credentials.
fn log(shared: &Shared, req: &ApiRequest, outcome: &str) {
    if shared.settings.log_to_stderr {
        eprintln!("emulator: {} {} -> {outcome}", req.method, req.path);
    }
}

fn header_value(s: &str) -> HeaderValue {
    HeaderValue::from_str(s).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// Turns a reply into a response with the headers Auth0 always sends.
fn finish(shared: &Shared, reply: Reply, rate: Option<RateStatus>) -> Response {
    let body = match &reply.body {
        Some(v) => Body::from(v.to_string()),
        None => Body::empty(),
    };
    let mut resp = Response::new(body);
    *resp.status_mut() = reply.status;
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
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
