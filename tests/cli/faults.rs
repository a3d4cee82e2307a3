//! The fault matrix: every network command against every way a server (or
//! the network) can misbehave, in text and in JSON. A new fault or command is
//! one row. Each cell checks what a user or a script would notice: the exit
//! code, one clear error line, one JSON document, no secret printed, and
//! nothing sent to another origin.

use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use auth0_mfa::emulator::{Emulator, Fault};
use serde_json::Value;
use tempfile::TempDir;

use crate::harness::*;

/// A network command, ready to run once `prepare` has fetched what it needs
/// (an mfa_token, an oob_code, an access token) without faults.
struct Row {
    name: &'static str,
    prepare: fn(&Cell) -> Vec<String>,
    /// Expected exit codes where this command differs from the column's:
    /// (column, at which request (`None`: any), exit code).
    overrides: &'static [(&'static str, Option<At>, i32)],
    /// The exit code of every cell not overridden, when the command's own
    /// rule beats the column's (logout forgets the session whatever the
    /// revoke met, and says so).
    always: Option<i32>,
}

/// What goes wrong, and the exit code it means by default.
struct Column {
    name: &'static str,
    fault: Wrong,
    exit: i32,
}

enum Wrong {
    /// The emulator answers this instead of the request the flow is at.
    Answer(fn() -> Fault),
    /// A redirect to a listener of the test's, which must see nothing.
    Redirect(u16),
    /// Nothing listens at the domain.
    Refused,
    /// HTTPS with a certificate from a CA the client was not told to trust.
    UnknownCa,
}

fn respond(status: u16, headers: &[(&str, &str)], body: &[u8]) -> Fault {
    Fault::Respond {
        status,
        headers: headers
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        body: body.to_vec(),
    }
}

const JSON: (&str, &str) = ("content-type", "application/json; charset=utf-8");

fn columns() -> Vec<Column> {
    let answer = |name, fault, exit| Column {
        name,
        fault: Wrong::Answer(fault),
        exit,
    };
    vec![
        answer("html 502", || Fault::Html502, 8),
        answer(
            "500 json",
            || {
                respond(
                    500,
                    &[JSON],
                    br#"{"error":"server_error","error_description":"Internal error"}"#,
                )
            },
            8,
        ),
        answer(
            "503 retry-after",
            || {
                respond(
                    503,
                    &[("retry-after", "1"), ("content-type", "text/html")],
                    b"<html><title>Service Unavailable</title></html>",
                )
            },
            8,
        ),
        answer("truncated json", || Fault::TruncatedJson, 8),
        answer(
            "wrong shape",
            || respond(200, &[JSON], br#"{"unexpected":[1,2,3]}"#),
            8,
        ),
        answer("empty 200", || respond(200, &[JSON], b""), 8),
        answer(
            "unknown challenge type",
            || respond(200, &[JSON], br#"{"challenge_type":"telepathy"}"#),
            8,
        ),
        answer(
            "text/plain 200",
            || respond(200, &[("content-type", "text/plain")], b"OK"),
            8,
        ),
        answer(
            "10 MB body",
            || respond(200, &[JSON], &vec![b' '; 10 * 1024 * 1024]),
            8,
        ),
        answer(
            "slower than --timeout",
            || Fault::Delay(Duration::from_millis(2500)),
            3,
        ),
        answer("connection reset", || Fault::ResetConnection, 3),
        Column {
            name: "connection refused",
            fault: Wrong::Refused,
            exit: 3,
        },
        Column {
            name: "unknown CA",
            fault: Wrong::UnknownCa,
            exit: 3,
        },
        answer(
            "429 without retry-after",
            || {
                respond(
                    429,
                    &[JSON],
                    br#"{"error":"too_many_requests","error_description":"Global limit has been reached"}"#,
                )
            },
            7,
        ),
        // Waited out and resent: the refused request consumed nothing.
        answer(
            "429 retry-after 1",
            || Fault::RateLimited {
                retry_after_secs: 1,
            },
            0,
        ),
        answer(
            "429 huge retry-after",
            || {
                respond(
                    429,
                    &[JSON, ("retry-after", "18446744073709551615")],
                    br#"{"error":"too_many_requests","error_description":"Global limit has been reached"}"#,
                )
            },
            7,
        ),
        answer(
            "429 huge x-ratelimit-reset",
            || {
                respond(
                    429,
                    &[JSON, ("x-ratelimit-reset", "18446744073709551615")],
                    br#"{"error":"too_many_requests"}"#,
                )
            },
            7,
        ),
        Column {
            name: "302 elsewhere",
            fault: Wrong::Redirect(302),
            exit: 8,
        },
        Column {
            name: "307 elsewhere",
            fault: Wrong::Redirect(307),
            exit: 8,
        },
        Column {
            name: "308 elsewhere",
            fault: Wrong::Redirect(308),
            exit: 8,
        },
        answer(
            "control and bidi characters",
            || {
                respond(
                    400,
                    &[JSON],
                    "{\"error\":\"invalid_request\",\"error_description\":\"\\u001b[31mred\\u001b[0m \\u202eevil\\u200b\\u2066x\\u0007\\u009b31m\\nforged: logged in\"}".as_bytes(),
                )
            },
            4,
        ),
        answer(
            "1 MB description",
            || {
                let mut body = br#"{"error":"invalid_request","error_description":""#.to_vec();
                // A megabyte, under the 1 MiB cap on answers.
                body.extend(std::iter::repeat_n(b'x', 1_000_000));
                body.extend_from_slice(br#""}"#);
                respond(400, &[JSON], &body)
            },
            4,
        ),
        answer(
            "invalid utf-8",
            || respond(200, &[JSON], b"{\"access_token\":\"\xff\xfe\"}"),
            8,
        ),
        answer(
            "invalid utf-8 error",
            || respond(400, &[JSON], b"{\"error\":\"\xff\xfe\"}"),
            8,
        ),
        answer(
            "deep nesting",
            || respond(200, &[JSON], &vec![b'['; 200_000]),
            8,
        ),
    ]
}

fn rows() -> Vec<Row> {
    vec![
        Row {
            name: "login",
            prepare: |_| {
                args(&[
                    "login",
                    "-u",
                    "recovery@test.example",
                    "--otp-secret",
                    OTP_SECRET,
                ])
            },
            overrides: &[],
            always: None,
        },
        Row {
            name: "login --mfa-token-only",
            prepare: |_| args(&["login", "--mfa-token-only", "-u", "recovery@test.example"]),
            overrides: &[],
            always: None,
        },
        Row {
            name: "challenge",
            prepare: |cell| {
                let token = cell.mfa_token("recovery@test.example");
                args(&["challenge", "--type", "otp", "--mfa-token", &token])
            },
            // Printed as Auth0 sent it, for the script that asked.
            overrides: &[("unknown challenge type", None, 0)],
            always: None,
        },
        Row {
            name: "challenge --verify",
            prepare: |cell| {
                let token = cell.mfa_token("recovery@test.example");
                args(&[
                    "challenge",
                    "--verify",
                    "--type",
                    "otp",
                    "--mfa-token",
                    &token,
                    "--otp-secret",
                    OTP_SECRET,
                ])
            },
            overrides: &[],
            always: None,
        },
        Row {
            name: "verify otp",
            prepare: |cell| {
                let token = cell.mfa_token("recovery@test.example");
                args(&["verify", "--mfa-token", &token, "--otp-secret", OTP_SECRET])
            },
            overrides: &[],
            always: None,
        },
        Row {
            name: "verify push",
            prepare: |cell| {
                let token = cell.mfa_token("push@test.example");
                let oob = cell.oob_code(&token);
                args(&[
                    "verify",
                    "--mfa-token",
                    &token,
                    "--oob-code",
                    &oob,
                    "--interval",
                    "0.05",
                ])
            },
            // A 429 without a wait is a poll to repeat at the interval.
            overrides: &[("429 without retry-after", None, 0)],
            always: None,
        },
        Row {
            name: "verify recovery code",
            prepare: |cell| {
                let token = cell.mfa_token("recovery@test.example");
                args(&[
                    "verify",
                    "--mfa-token",
                    &token,
                    "--recovery-code",
                    RECOVERY_CODE,
                ])
            },
            overrides: &[],
            always: None,
        },
        Row {
            name: "enroll",
            prepare: |cell| {
                let token = cell.mfa_token("new@test.example");
                args(&["enroll", "otp", "--token", &token, "--otp-secret", "auto"])
            },
            overrides: &[],
            always: None,
        },
        Row {
            name: "authenticators list",
            prepare: |cell| {
                let token = cell.mfa_token("recovery@test.example");
                args(&["authenticators", "list", "--token", &token])
            },
            overrides: &[],
            always: None,
        },
        Row {
            name: "authenticators delete",
            prepare: |cell| {
                let token = cell.mfa_api_token("recovery@test.example");
                let list = cell.run_ok(&["authenticators", "list", "--token", &token]);
                let id = list[0]["id"].as_str().unwrap().to_owned();
                args(&["authenticators", "delete", "--yes", "--token", &token, &id])
            },
            // Auth0 answers 204 with nothing in it: an empty 200 says the same.
            overrides: &[("empty 200", Some(At::Last), 0)],
            always: None,
        },
        Row {
            name: "doctor",
            prepare: |_| args(&["doctor", "-u", "recovery@test.example"]),
            // Its last request is the challenge probe: an error answered
            // there is reported as that challenge type not working (5), as
            // the failed check's own code; elsewhere the column's code.
            overrides: &[
                ("500 json", Some(At::Last), 5),
                ("429 without retry-after", Some(At::Last), 5),
                ("429 huge retry-after", Some(At::Last), 5),
                ("429 huge x-ratelimit-reset", Some(At::Last), 5),
                ("control and bidi characters", Some(At::Last), 5),
                ("1 MB description", Some(At::Last), 5),
            ],
            always: None,
        },
        Row {
            name: "token (refreshing)",
            prepare: |cell| {
                cell.run_ok(&[
                    "login",
                    "-u",
                    "recovery@test.example",
                    "--otp-secret",
                    OTP_SECRET,
                    "--scope",
                    "openid offline_access",
                ]);
                args(&["token", "--min-ttl", "999999999"])
            },
            // Another domain holds no session: the login to run is the answer.
            overrides: &[("connection refused", None, 6)],
            always: None,
        },
        // The Management API: the client-credentials grant first, then its calls.
        Row {
            name: "users create",
            prepare: |_| {
                args(&[
                    "users",
                    "create",
                    "--connection",
                    "Username-Password-Authentication",
                ])
            },
            overrides: &[],
            always: None,
        },
        Row {
            name: "users show",
            prepare: |_| args(&["users", "show", "recovery@test.example"]),
            overrides: &[],
            always: None,
        },
        Row {
            name: "users delete",
            prepare: |_| args(&["users", "delete", "--yes", "recovery@test.example"]),
            // Auth0 answers 204 with nothing in it: an empty 200 says the same.
            overrides: &[("empty 200", Some(At::Last), 0)],
            always: None,
        },
        Row {
            name: "users reset-mfa",
            prepare: |_| args(&["users", "reset-mfa", "--yes", "recovery@test.example"]),
            overrides: &[("empty 200", Some(At::Last), 0)],
            always: None,
        },
        Row {
            name: "users unblock",
            prepare: |_| args(&["users", "unblock", "recovery@test.example"]),
            overrides: &[("empty 200", Some(At::Last), 0)],
            always: None,
        },
        Row {
            name: "logout",
            prepare: |cell| {
                cell.run_ok(&[
                    "login",
                    "-u",
                    "recovery@test.example",
                    "--otp-secret",
                    OTP_SECRET,
                    "--scope",
                    "openid offline_access",
                ]);
                args(&["logout"])
            },
            overrides: &[],
            always: Some(0),
        },
    ]
}

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|a| a.to_string()).collect()
}

/// One command against one fault: its own emulator, HOME and listener.
struct Cell {
    emulator: Emulator,
    home: TempDir,
    /// Set when the emulator serves HTTPS: trusted by `prepare`, not by the
    /// command under test when the fault is the unknown CA.
    ca_file: Option<std::path::PathBuf>,
}

impl Cell {
    fn new(tls: bool) -> Cell {
        let home = TempDir::new().unwrap();
        let (emulator, ca_file) = if tls {
            let ca = home.path().join("ca.pem");
            let emulator = Emulator::start_tls_in_background(fast_tenant(""), &ca).unwrap();
            (emulator, Some(ca))
        } else {
            (
                Emulator::start_in_background(fast_tenant("")).unwrap(),
                None,
            )
        };
        Cell {
            emulator,
            home,
            ca_file,
        }
    }

    fn cmd(&self, trust: bool) -> assert_cmd::Command {
        let mut cmd = bare_cmd(&self.home);
        cmd.env("AUTH0_DOMAIN", self.emulator.base_url())
            .env("AUTH0_CLIENT_ID", CLIENT_ID)
            .env("AUTH0_CLIENT_SECRET", CLIENT_SECRET)
            .env("AUTH0_PASSWORD", PASSWORD)
            .env("AUTH0_MGMT_CLIENT_ID", MGMT_CLIENT_ID)
            .env("AUTH0_MGMT_CLIENT_SECRET", MGMT_CLIENT_SECRET);
        if let (Some(ca), true) = (&self.ca_file, trust) {
            cmd.env("AUTH0_CACERT", ca);
        }
        cmd
    }

    fn run_ok(&self, list: &[&str]) -> Value {
        let output = self.cmd(true).arg("--json").args(list).output().unwrap();
        assert!(output.status.success(), "{list:?}: {}", stderr(&output));
        stdout_json(&output)
    }

    fn mfa_token(&self, user: &str) -> String {
        self.run_ok(&["login", "--mfa-token-only", "-u", user])["mfa_token"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    fn oob_code(&self, token: &str) -> String {
        self.run_ok(&["challenge", "--type", "oob", "--mfa-token", token])["oob_code"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    /// An access token for the MFA API that may read and remove authenticators.
    fn mfa_api_token(&self, user: &str) -> String {
        let audience = format!("{}/mfa/", self.emulator.base_url());
        let tokens = self.run_ok(&[
            "login",
            "-u",
            user,
            "--audience",
            &audience,
            "--scope",
            "read:authenticators remove:authenticators",
            "--otp-secret",
            OTP_SECRET,
        ]);
        tokens["access_token"].as_str().unwrap().to_owned()
    }
}

/// Where a redirect points: records every connection, answers none.
struct Elsewhere {
    url: String,
    connections: Arc<AtomicUsize>,
}

impl Elsewhere {
    fn start() -> Elsewhere {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}/oauth/token", listener.local_addr().unwrap());
        let connections = Arc::new(AtomicUsize::new(0));
        let counted = connections.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                counted.fetch_add(1, Ordering::SeqCst);
                drop(stream);
            }
        });
        Elsewhere { url, connections }
    }
}

/// A loopback port bound but not listening: a connection to it is refused,
/// and while it is held no other socket can take it. (A listener bound and
/// dropped frees its port for the next cell's emulator, which then answers.)
struct RefusingPort {
    fd: libc::c_int,
    port: u16,
}

impl RefusingPort {
    fn bind() -> RefusingPort {
        // SAFETY: plain socket calls on a descriptor this struct owns, with
        // a sockaddr_in that lives across each call.
        unsafe {
            let fd = libc::socket(libc::AF_INET, libc::SOCK_STREAM, 0);
            assert!(fd >= 0, "socket: {}", std::io::Error::last_os_error());
            let mut addr: libc::sockaddr_in = std::mem::zeroed();
            addr.sin_family = libc::AF_INET as libc::sa_family_t;
            addr.sin_addr.s_addr = u32::from_ne_bytes([127, 0, 0, 1]);
            let mut len = std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t;
            let at = &mut addr as *mut libc::sockaddr_in as *mut libc::sockaddr;
            assert_eq!(libc::bind(fd, at, len), 0, "bind");
            assert_eq!(libc::getsockname(fd, at, &mut len), 0, "getsockname");
            RefusingPort {
                fd,
                port: u16::from_be(addr.sin_port),
            }
        }
    }
}

impl Drop for RefusingPort {
    fn drop(&mut self) {
        // SAFETY: the descriptor is this struct's own, closed once.
        unsafe { libc::close(self.fd) };
    }
}

/// Which request of a command's flow the fault hits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum At {
    First,
    Last,
}

struct Outcome {
    failures: Vec<String>,
}

/// How the command reports: text, JSON, or text with a full request trace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Text,
    Json,
    Trace,
}

fn run_cell(row: &Row, column: &Column, at: At, mode: Mode, requests: usize) -> Outcome {
    let mut failures = Vec::new();
    let tls = matches!(column.fault, Wrong::UnknownCa);
    let cell = Cell::new(tls);
    let list = (row.prepare)(&cell);
    let token_args: Vec<&String> = list
        .iter()
        .filter(|a| a.starts_with("Fe26.") || (a.len() > 100 && a.matches('.').count() == 2))
        .collect();
    let elsewhere = Elsewhere::start();
    let skip = match at {
        At::First => 0,
        At::Last => requests.saturating_sub(1),
    };
    let mut cmd = cell.cmd(!tls);
    without_management(row, &mut cmd);
    // Held until the command has run (see `RefusingPort`).
    let mut _refusing = None;
    match &column.fault {
        Wrong::Answer(fault) => {
            for _ in 0..skip {
                cell.emulator.inject_fault(Fault::Pass);
            }
            cell.emulator.inject_fault(fault());
        }
        Wrong::Redirect(status) => {
            for _ in 0..skip {
                cell.emulator.inject_fault(Fault::Pass);
            }
            cell.emulator
                .inject_fault(respond(*status, &[("location", &elsewhere.url)], b""));
        }
        Wrong::Refused => {
            let port = RefusingPort::bind();
            cmd.env("AUTH0_DOMAIN", format!("http://127.0.0.1:{}", port.port));
            _refusing = Some(port);
        }
        Wrong::UnknownCa => {}
    }
    let timeout = if column.name == "slower than --timeout" {
        "1"
    } else {
        "10"
    };
    cmd.args(["--timeout", timeout]);
    match mode {
        Mode::Text => {}
        Mode::Json => {
            cmd.arg("--json");
        }
        Mode::Trace => {
            cmd.arg("-vv");
        }
    }
    let output = cmd.args(&list).output().unwrap();
    let expected = row
        .overrides
        .iter()
        .find(|(name, when, _)| *name == column.name && when.is_none_or(|w| w == at))
        .map(|(_, _, code)| *code)
        .or(row.always)
        .unwrap_or(column.exit);
    let code = output.status.code();
    let err = stderr(&output);
    let out = stdout(&output);
    if code != Some(expected) {
        failures.push(format!("exit {code:?}, expected {expected}"));
    }
    if err.contains("internal error") || err.contains("panicked") {
        failures.push(format!("crashed: {err}"));
    }
    if err.chars().any(|c| {
        c == '\u{1b}'
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
            || c == '\u{200b}'
            || c == '\u{7}'
    }) {
        failures.push("a control or bidi character reached stderr".into());
    }
    if err.lines().any(|l| l.starts_with("forged:")) {
        failures.push("a newline from the server forged a line on stderr".into());
    }
    // JSON escapes only what lies below U+0020; the rest must be escaped too,
    // or `cat` of the document drives the terminal.
    if out.chars().any(|c| {
        ('\u{80}'..='\u{9f}').contains(&c)
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
            || c == '\u{200b}'
    }) {
        failures.push("a C1, bidi or zero-width character reached stdout raw".into());
    }
    if err.lines().any(|l| l.chars().count() > 2000) {
        failures.push("an unreadably long stderr line".into());
    }
    for secret in [
        PASSWORD,
        CLIENT_SECRET,
        OTP_SECRET,
        RECOVERY_CODE,
        MGMT_CLIENT_SECRET,
    ] {
        if err.contains(secret) || (expected != 0 && out.contains(secret)) {
            failures.push(format!("the secret {secret} was printed"));
        }
    }
    for token in &token_args {
        if err.contains(token.as_str()) {
            failures.push("a token given on the command line was printed".into());
        }
    }
    if expected != 0 && row.name != "doctor" {
        if mode == Mode::Json {
            match serde_json::from_str::<Value>(&out) {
                Ok(doc) if doc["exit_code"] == expected && doc["error"].is_string() => {}
                Ok(doc) => failures.push(format!("JSON document without the failure: {doc}")),
                Err(e) => failures.push(format!("stdout is not one JSON document ({e}): {out}")),
            }
        }
        // Under --json too: the document is for the program, the line for
        // the person reading the log.
        let error_lines = err.lines().filter(|l| l.starts_with("error:")).count();
        if error_lines != 1 {
            failures.push(format!("{error_lines} error lines on stderr: {err}"));
        }
    }
    // The README promises the refusal names where the redirect pointed: an
    // exit 8 alone is also what an empty or unreadable answer gives.
    if matches!(column.fault, Wrong::Redirect(_)) && !format!("{out}{err}").contains(&elsewhere.url)
    {
        failures.push(format!(
            "the refused redirect does not name its Location: {err}"
        ));
    }
    // Let a connection attempt that raced the exit land before counting.
    std::thread::sleep(Duration::from_millis(20));
    if elsewhere.connections.load(Ordering::SeqCst) != 0 {
        failures.push("a request went to the other origin".into());
    }
    let failures = failures
        .into_iter()
        .map(|f| format!("{} x {} (at {at:?}, {mode:?}): {f}", row.name, column.name))
        .collect();
    Outcome { failures }
}

/// The doctor row checks the Authentication API's side, whose requests come
/// in a fixed order; its Management API side (reads at once, in no fixed
/// order) has its own faults, one endpoint at a time, in doctor_config.rs.
fn without_management(row: &Row, cmd: &mut assert_cmd::Command) {
    if row.name == "doctor" {
        cmd.env_remove("AUTH0_MGMT_CLIENT_ID")
            .env_remove("AUTH0_MGMT_CLIENT_SECRET");
    }
}

/// How many requests a command sends when nothing goes wrong.
fn requests_of(row: &Row) -> usize {
    let cell = Cell::new(false);
    let list = (row.prepare)(&cell);
    let before = cell.emulator.received().len();
    let mut cmd = cell.cmd(true);
    without_management(row, &mut cmd);
    let output = cmd.args(&list).output().unwrap();
    assert!(
        output.status.success(),
        "{} works without faults: {}",
        row.name,
        stderr(&output)
    );
    cell.emulator.received().len() - before
}

/// The columns whose cells wait a second or more whatever the command.
const WAITING: [&str; 4] = [
    "429 without retry-after",
    "429 retry-after 1",
    "503 retry-after",
    "slower than --timeout",
];

#[test]
fn every_network_command_survives_every_fault() {
    let rows = rows();
    let columns = columns();
    for waiting in WAITING {
        assert!(columns.iter().any(|c| c.name == waiting), "{waiting}");
    }
    let mut cells = Vec::new();
    for row in &rows {
        let requests = requests_of(row);
        for column in &columns {
            let ats: &[At] = match column.fault {
                Wrong::Refused | Wrong::UnknownCa => &[At::First],
                _ if requests > 1 => &[At::First, At::Last],
                _ => &[At::First],
            };
            for &at in ats {
                for mode in [Mode::Text, Mode::Json, Mode::Trace] {
                    cells.push((row, column, at, mode, requests));
                }
            }
        }
    }
    // Most cells wait (on a timeout, a Retry-After, the 429 back-off) rather
    // than compute: many at once, the waiting ones first, so that none of
    // them is left to run alone at the end.
    cells.sort_by_key(|(_, column, ..)| !WAITING.contains(&column.name));
    let next = AtomicUsize::new(0);
    let failures = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..12 {
            scope.spawn(|| {
                while let Some(&(row, column, at, mode, requests)) =
                    cells.get(next.fetch_add(1, Ordering::SeqCst))
                {
                    let outcome = run_cell(row, column, at, mode, requests);
                    failures.lock().unwrap().extend(outcome.failures);
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    assert!(
        failures.is_empty(),
        "{} of {} cells failed:\n{}",
        failures.len(),
        cells.len(),
        failures.join("\n")
    );
}
