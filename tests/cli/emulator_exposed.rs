//! `auth0-mfa emulator` listening where others can reach it: the control API behind a
//! token, memory that a flood cannot grow, slow connections closed, a CA file only the
//! user can write, and what clients send kept off the operator's terminal.

use tempfile::TempDir;

use crate::emulator::Served;
use crate::harness::*;

const REQUESTS: &str = "/_emulator/requests";

#[test]
fn beyond_loopback_the_control_api_answers_only_to_the_printed_token() {
    let home = TempDir::new().unwrap();
    let served = Served::start(&home, &["--listen", "0.0.0.0:0"]);
    let base = served.base();
    let token = served.banner["control_token"]
        .as_str()
        .expect("the banner names the control token")
        .to_owned();
    assert!(token.len() >= 32, "{token}");
    // Something to steal: a login whose password and secret the log holds.
    let (status, _) = http(
        &base,
        "GET",
        "/.well-known/openid-configuration",
        None,
        None,
    );
    assert_eq!(status, 200);
    for (method, path, body) in [
        ("GET", REQUESTS, None),
        ("GET", "/_emulator/outbox", None),
        (
            "POST",
            "/_emulator/clock",
            Some(r#"{"advance_seconds":600}"#),
        ),
        ("POST", "/_emulator/faults", Some(r#"{"kind":"html_502"}"#)),
        (
            "POST",
            "/_emulator/push/approve",
            Some(r#"{"username":"x"}"#),
        ),
    ] {
        let (status, answer) = http(&base, method, path, None, body);
        assert_eq!(status, 401, "{method} {path} without the token: {answer}");
        assert!(
            answer["error_description"]
                .as_str()
                .unwrap()
                .contains("Authorization: Bearer"),
            "{answer}"
        );
        let (status, _) = http(&base, method, path, Some("not-the-token"), body);
        assert_eq!(status, 401, "{method} {path} with a wrong token");
    }
    // The refused fault was never queued: discovery still answers.
    let (status, _) = http(
        &base,
        "GET",
        "/.well-known/openid-configuration",
        None,
        None,
    );
    assert_eq!(status, 200);
    let (status, log) = http(&base, "GET", REQUESTS, Some(&token), None);
    assert_eq!(status, 200);
    assert_eq!(log.as_array().unwrap().len(), 2, "{log}");
    // The health check may come without a token, for a container's probe.
    assert_eq!(http(&base, "GET", "/_emulator/health", None, None).0, 200);
    let console = served.console();
    assert!(console.contains("control API"), "{console}");
    assert!(console.contains("approves pushes"), "{console}");
}

#[test]
fn a_token_given_by_variable_is_enforced_and_check_sends_it() {
    let home = TempDir::new().unwrap();
    let mut command = Served::command(&home, &["--listen", "127.0.0.1:0"]);
    command.env(
        "AUTH0_MFA_EMULATOR_CONTROL_TOKEN",
        "shared-with-the-compose-file",
    );
    let served = Served::spawn(command);
    let base = served.base();
    assert_eq!(
        served.banner["control_token"],
        "shared-with-the-compose-file"
    );
    // Given explicitly, it is enforced on loopback too.
    assert_eq!(http(&base, "GET", REQUESTS, None, None).0, 401);
    assert_eq!(
        http(
            &base,
            "GET",
            REQUESTS,
            Some("shared-with-the-compose-file"),
            None
        )
        .0,
        200
    );
    let check = |token: Option<&str>| {
        let mut cmd = bare_cmd(&home);
        cmd.args(["emulator", "--check", &base]);
        if let Some(token) = token {
            cmd.env("AUTH0_MFA_EMULATOR_CONTROL_TOKEN", token);
        }
        cmd.output().unwrap()
    };
    assert_eq!(check(None).status.code(), Some(0));
    assert_eq!(
        check(Some("shared-with-the-compose-file")).status.code(),
        Some(0)
    );
    let wrong = check(Some("a-stale-token"));
    assert_eq!(wrong.status.code(), Some(8), "{}", stdout(&wrong));
    assert!(
        stdout(&wrong).contains("control token"),
        "{}",
        stdout(&wrong)
    );
    // A token no header can carry is refused before anything listens.
    let bad = bare_cmd(&home)
        .args([
            "emulator",
            "--listen",
            "127.0.0.1:0",
            "--control-token",
            "two words",
        ])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2), "{}", stderr(&bad));
}

#[test]
fn on_loopback_without_a_token_the_control_api_stays_open() {
    let home = TempDir::new().unwrap();
    let served = Served::start(&home, &["--listen", "127.0.0.1:0"]);
    assert!(
        served.banner["control_token"].is_null(),
        "{}",
        served.banner
    );
    assert_eq!(http(&served.base(), "GET", REQUESTS, None, None).0, 200);
}

#[cfg(unix)]
fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

#[cfg(unix)]
#[test]
fn the_ca_file_lives_where_only_the_user_can_write_and_is_never_written_through_a_link() {
    let home = TempDir::new().unwrap();
    let served = Served::start(&home, &["--listen", "0.0.0.0:0", "--tls"]);
    let ca = std::path::PathBuf::from(served.banner["ca_file"].as_str().unwrap());
    let state = home.path().join(".local/state/auth0-mfa");
    assert_eq!(ca, state.join("emulator-ca.pem"), "in the user's state dir");
    assert_eq!(mode(&state), 0o700);
    assert_eq!(mode(&ca) & 0o022, 0, "only its owner can write it");
    assert!(
        std::fs::read_to_string(&ca)
            .unwrap()
            .contains("BEGIN CERTIFICATE")
    );
    let leftovers: Vec<_> = std::fs::read_dir(&state).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
    // `--check` trusts that default file, and the client trusts it as --cacert.
    let port = served.banner["listen"]
        .as_str()
        .unwrap()
        .rsplit(':')
        .next()
        .unwrap()
        .to_owned();
    let check = bare_cmd(&home)
        .args(["emulator", "--check"])
        .arg(format!("https://localhost:{port}"))
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    drop(served);

    // A link planted where --ca-file points is replaced, not written through.
    let victim = home.path().join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    let planted = home.path().join("ca.pem");
    std::os::unix::fs::symlink(&victim, &planted).unwrap();
    let served = Served::start(
        &home,
        &[
            "--listen",
            "127.0.0.1:0",
            "--tls",
            "--ca-file",
            planted.to_str().unwrap(),
        ],
    );
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert!(!std::fs::symlink_metadata(&planted).unwrap().is_symlink());
    drop(served);
}

#[cfg(unix)]
#[test]
fn a_ca_file_others_can_write_is_never_trusted() {
    use std::os::unix::fs::PermissionsExt;
    let tenant = TestTenant::demo();
    let home = TempDir::new().unwrap();
    let served = Served::start(&home, &["--listen", "127.0.0.1:0", "--tls"]);
    let ca = std::path::PathBuf::from(served.banner["ca_file"].as_str().unwrap());
    let copy = home.path().join("shared-ca.pem");
    std::fs::copy(&ca, &copy).unwrap();
    std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o666)).unwrap();
    let base = served.base();
    let login = tenant
        .cmd()
        .env("AUTH0_DOMAIN", &base)
        .env("AUTH0_CACERT", &copy)
        .args([
            "login",
            "--mfa-token-only",
            "-u",
            "otp@example.com",
            "--password",
            "x",
        ])
        .output()
        .unwrap();
    assert_eq!(login.status.code(), Some(2), "{}", stderr(&login));
    let text = stderr(&login);
    assert!(text.contains("refusing to trust the CA file"), "{text}");
    assert!(text.contains("chmod go-w"), "{text}");
    let check = bare_cmd(&home)
        .args(["emulator", "--check", &base, "--ca-file"])
        .arg(&copy)
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(2), "{}", stderr(&check));
    assert!(
        stderr(&check).contains("writable by others"),
        "{}",
        stderr(&check)
    );
    // Made the user's alone again, it is trusted.
    std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o644)).unwrap();
    let check = bare_cmd(&home)
        .args(["emulator", "--check", &base, "--ca-file"])
        .arg(&copy)
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
}

/// One HTTP/1.1 POST of `body` on a connection of its own: the status.
fn post(base: &str, path: &str, body: &[u8]) -> u16 {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(base.trim_start_matches("http://")).unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(30)))
        .unwrap();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: emulator\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(body).unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer[9..12]).parse().unwrap()
}

/// The resident memory of a process, from Linux's /proc.
#[cfg(target_os = "linux")]
fn resident_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status.lines().find(|l| l.starts_with("VmRSS:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

#[cfg(target_os = "linux")]
#[test]
fn a_flood_of_large_requests_leaves_memory_and_the_request_log_small() {
    let home = TempDir::new().unwrap();
    let served = Served::start(&home, &["--listen", "0.0.0.0:0"]);
    let base = served.base();
    let token = served.banner["control_token"].as_str().unwrap().to_owned();
    let mut body = format!(
        "grant_type=password&client_id={}&username=",
        auth0_mfa::emulator::demo::CLIENT_ID
    )
    .into_bytes();
    body.resize(1_000_000, b'a');
    let body = std::sync::Arc::new(body);
    let senders: Vec<_> = (0..4)
        .map(|_| {
            let (base, body) = (base.clone(), body.clone());
            std::thread::spawn(move || {
                (0..75)
                    .map(|_| post(&base, "/oauth/token", &body))
                    .collect::<Vec<u16>>()
            })
        })
        .collect();
    let statuses: Vec<u16> = senders
        .into_iter()
        .flat_map(|t| t.join().unwrap())
        .collect();
    assert_eq!(statuses.len(), 300);
    let limited = statuses.iter().filter(|&&s| s == 429).count();
    assert!(
        limited >= 150,
        "the demo tenant allows 100 a minute: {limited} refused"
    );
    let kib = resident_kib(served.running.0.id());
    assert!(
        kib < 64 * 1024,
        "the emulator holds {kib} KiB after 300 MB of requests"
    );
    let (status, log) = http(&base, "GET", REQUESTS, Some(&token), None);
    assert_eq!(status, 200);
    let log = log.as_array().unwrap();
    assert!(
        log.len() <= 100,
        "{} kept: rate-limited requests are not",
        log.len()
    );
    assert!(!log.is_empty());
    for entry in log {
        assert_eq!(entry["truncated"], true);
        assert!(entry["body"].as_str().unwrap().len() <= 4096);
    }
    let size = serde_json::to_string(&log).unwrap().len();
    assert!(size < 1024 * 1024, "the request log is {size} bytes");
}

/// A token request whose grant type reorders and escapes the console's line.
fn send_hostile_grant(base: &str) {
    let body = format!(
        "grant_type=%E2%80%AEevil%C2%9B%1B%5B2J&client_id={}",
        auth0_mfa::emulator::demo::CLIENT_ID
    );
    assert_eq!(post(base, "/oauth/token", body.as_bytes()), 400);
}

const HOSTILE: [char; 3] = ['\u{202e}', '\u{9b}', '\u{1b}'];

#[test]
fn the_console_shows_what_clients_send_without_obeying_it() {
    // JSON lines: escaped, the value intact for a log collector.
    let home = TempDir::new().unwrap();
    let served = Served::start(&home, &["--listen", "127.0.0.1:0"]);
    send_hostile_grant(&served.base());
    let console = served.console();
    assert!(!console.contains(HOSTILE), "{console:?}");
    let line = console.lines().find(|l| l.contains("\"request\"")).unwrap();
    let event: serde_json::Value = serde_json::from_str(line).unwrap();
    assert_eq!(event["grant_type"], "\u{202e}evil\u{9b}\u{1b}[2J");

    // Text: shown as the replacement character.
    let mut child = std::process::Command::new(BIN)
        .env_clear()
        .env("HOME", home.path())
        .args(["emulator", "--listen", "127.0.0.1:0"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Held open to the end: a closed pipe would end the emulator mid-banner.
    let mut banner = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    std::io::BufRead::read_line(&mut banner, &mut first).unwrap();
    let base = first.trim().rsplit(' ').next().unwrap().to_owned();
    let running = crate::emulator::Running(child);
    send_hostile_grant(&base);
    let served = Served {
        running,
        banner: serde_json::Value::Null,
    };
    let console = served.console();
    drop(banner);
    assert!(!console.contains(HOSTILE), "{console:?}");
    assert!(console.contains("\u{fffd}evil\u{fffd}"), "{console:?}");
}

#[test]
fn check_prints_the_tenant_name_sanitised_and_parse_errors_never_quote_the_file() {
    let home = TempDir::new().unwrap();
    let tenant = home.path().join("tenant.toml");
    std::fs::write(
        &tenant,
        "[settings]\nname = \"evil\\u001b]52;c;aGk=\\u0007\\u202e\"\n[[clients]]\nclient_id = \"a\"\nclient_secret = \"b\"\n",
    )
    .unwrap();
    let served = Served::start(
        &home,
        &[
            "--listen",
            "127.0.0.1:0",
            "--tenant",
            tenant.to_str().unwrap(),
        ],
    );
    let check = bare_cmd(&home)
        .args(["emulator", "--check", &served.base()])
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    let text = stdout(&check);
    assert!(text.contains("evil"), "{text}");
    assert!(!text.contains(['\u{1b}', '\u{7}', '\u{202e}']), "{text:?}");
    drop(served);

    std::fs::write(
        &tenant,
        "[[clients]]\nclient_id = \"a\"\nclient_secret = \"s3cr3t-value\" oops\n",
    )
    .unwrap();
    let refused = bare_cmd(&home)
        .args(["emulator", "--listen", "127.0.0.1:0", "--tenant"])
        .arg(&tenant)
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    let text = stderr(&refused);
    assert!(text.contains("line 3, column"), "{text}");
    assert!(!text.contains("s3cr3t"), "{text}");
}

/// A connection to an emulator's address, with reads that give up after `limit`.
fn connect(base: &str, limit: std::time::Duration) -> std::net::TcpStream {
    let stream = std::net::TcpStream::connect(base.trim_start_matches("http://")).unwrap();
    stream.set_read_timeout(Some(limit)).unwrap();
    stream
}

/// One HTTP/1.1 answer read off a kept-alive connection: its status.
fn read_answer(stream: &mut std::net::TcpStream) -> Option<u16> {
    use std::io::Read;
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        if stream.read(&mut byte).ok()? == 0 {
            return None;
        }
        head.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&head).to_ascii_lowercase();
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .map_or(0, |v| v.trim().parse().unwrap());
    let mut body = vec![0u8; length];
    stream.read_exact(&mut body).ok()?;
    head[9..12].parse().ok()
}

/// Whether the server closed the connection: a read that ends (or is reset) rather
/// than times out.
fn closed_by_server(stream: &mut std::net::TcpStream) -> bool {
    use std::io::Read;
    let mut rest = Vec::new();
    match stream.read_to_end(&mut rest) {
        Ok(_) => true,
        Err(e) => e.kind() == std::io::ErrorKind::ConnectionReset,
    }
}

#[test]
fn slow_requests_are_closed_and_idle_kept_alive_connections_are_not() {
    use std::io::Write;
    use std::time::{Duration, Instant};
    let home = TempDir::new().unwrap();
    let served = Served::start(&home, &["--listen", "0.0.0.0:0"]);
    let base = served.base();
    let started = Instant::now();
    // Headers trickling in, a byte a second: closed once the header time is up.
    let trickle = {
        let base = base.clone();
        std::thread::spawn(move || {
            let mut stream = connect(&base, Duration::from_millis(1000));
            let request = b"GET /.well-known/openid-configuration HTTP/1.1\r\nHost: emulator\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
            for byte in request {
                if stream.write_all(&[*byte]).is_err() {
                    return started.elapsed();
                }
                let mut probe = [0u8; 1];
                match std::io::Read::read(&mut stream, &mut probe) {
                    Ok(0) => return started.elapsed(),
                    Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => {
                        return started.elapsed();
                    }
                    _ => {}
                }
            }
            Duration::MAX
        })
    };
    // A body that stops halfway: answered 408, closed.
    let stalled_body = {
        let base = base.clone();
        std::thread::spawn(move || {
            let mut stream = connect(&base, Duration::from_secs(40));
            stream
                .write_all(b"POST /oauth/token HTTP/1.1\r\nHost: emulator\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\ngrant_type=")
                .unwrap();
            let status = read_answer(&mut stream);
            (status, closed_by_server(&mut stream), started.elapsed())
        })
    };
    // A well-behaved client's kept-alive connection, idle past the header time, works.
    let mut kept = connect(&base, Duration::from_secs(10));
    let request = b"GET /.well-known/openid-configuration HTTP/1.1\r\nHost: emulator\r\n\r\n";
    kept.write_all(request).unwrap();
    assert_eq!(read_answer(&mut kept), Some(200));
    std::thread::sleep(Duration::from_secs(13));
    kept.write_all(request).unwrap();
    assert_eq!(
        read_answer(&mut kept),
        Some(200),
        "the idle connection was closed"
    );

    let closed_after = trickle.join().unwrap();
    assert!(
        closed_after < Duration::from_secs(30),
        "a trickling request held its connection for {closed_after:?}"
    );
    let (status, closed, after) = stalled_body.join().unwrap();
    assert_eq!(status, Some(408));
    assert!(closed && after < Duration::from_secs(30), "{after:?}");
}

/// The file-descriptor limit of the issue: 300 idle connections under 256 descriptors
/// made the emulator unreachable.
#[cfg(target_os = "linux")]
#[test]
fn idle_connections_cannot_lock_others_out() {
    use std::time::{Duration, Instant};
    let home = TempDir::new().unwrap();
    let mut command = Served::command(&home, &["--listen", "0.0.0.0:0"]);
    // SAFETY: setrlimit is async-signal-safe; it limits the child alone.
    unsafe {
        std::os::unix::process::CommandExt::pre_exec(&mut command, || {
            let limit = libc::rlimit {
                rlim_cur: 256,
                rlim_max: 256,
            };
            if libc::setrlimit(libc::RLIMIT_NOFILE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let served = Served::spawn(command);
    let base = served.base();
    let idle: Vec<_> = (0..300)
        .map(|_| connect(&base, Duration::from_secs(1)))
        .collect();
    let started = Instant::now();
    let mut health = connect(&base, Duration::from_secs(20));
    std::io::Write::write_all(
        &mut health,
        b"GET /_emulator/health HTTP/1.1\r\nHost: emulator\r\nConnection: close\r\n\r\n",
    )
    .unwrap();
    assert_eq!(read_answer(&mut health), Some(200));
    assert!(started.elapsed() < Duration::from_secs(20));
    drop(idle);
}
