//! Failures a user meets: missing settings, an unreachable or wrong server,
//! bad flags. Each has its exit code and a message that names the fix.

use std::time::Duration;

use auth0_mfa::emulator::{Fault, demo};
use tempfile::TempDir;

use crate::harness::*;

/// A server on a loopback port that reads one request, then answers it with
/// whatever `answer` writes; its URL.
fn one_raw_answer(answer: impl FnOnce(&mut std::net::TcpStream) + Send + 'static) -> String {
    use std::io::Read;
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        if let Ok((mut stream, _)) = listener.accept() {
            let mut request = [0u8; 4096];
            let _ = stream.read(&mut request);
            answer(&mut stream);
        }
    });
    url
}

/// A password login against `url` (the demo application's credentials), with `args` before it.
fn login_at(home: &TempDir, url: &str, args: &[&str]) -> std::process::Output {
    bare_cmd(home)
        .env("AUTH0_DOMAIN", url)
        .env("AUTH0_CLIENT_ID", CLIENT_ID)
        .env("AUTH0_CLIENT_SECRET", CLIENT_SECRET)
        .args(args)
        .args(["login", "-u", "x@example.com", "--password", PASSWORD])
        .output()
        .unwrap()
}

#[test]
fn missing_domain_names_the_flag_and_the_variable() {
    let home = TempDir::new().unwrap();
    let output = bare_cmd(&home)
        .args(["login", "-u", "x", "--password", "y"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.contains("--domain") && err.contains("AUTH0_DOMAIN"),
        "{err}"
    );
    assert_eq!(
        err.lines().filter(|l| l.starts_with("error:")).count(),
        1,
        "{err}"
    );
}

#[test]
fn missing_domain_in_json_mode_is_one_json_document() {
    let home = TempDir::new().unwrap();
    let output = bare_cmd(&home)
        .args([
            "verify",
            "--json",
            "--mfa-token",
            "Fe26.x",
            "--otp",
            "123456",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let error = stdout_json(&output);
    assert_eq!(error["error"], "usage");
    assert!(error["hint"].as_str().unwrap().contains("AUTH0_DOMAIN"));
}

/// `AT=$(auth0-mfa login ... --json | jq -r .access_token)` without a
/// terminal: stdout is the one document jq reads, and the person reading the
/// job's log still sees what failed and what to do, as gh does.
#[test]
fn a_json_failure_also_says_its_error_and_hint_on_stderr() {
    let tenant = TestTenant::fast("");
    let output = tenant
        .cmd()
        .env("AUTH0_PASSWORD", "wrong-password")
        .args(["login", "--json", "-u", "push@test.example"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));
    let document = stdout_json(&output);
    assert_eq!(document["error"], "invalid_grant");
    let err = stderr(&output);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(lines[0].starts_with("error: "), "{err}");
    assert!(lines[1].trim_start().starts_with("hint: "), "{err}");
    assert!(
        lines[1].contains(document["hint"].as_str().unwrap()),
        "{err}"
    );
    assert!(!err.contains("wrong-password"), "{err}");
}

#[test]
fn connection_refused_exits_3() {
    let home = TempDir::new().unwrap();
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let output = bare_cmd(&home)
        .args([
            "login",
            "--json",
            "-u",
            "x",
            "--password",
            "y",
            "--client-id",
            "c",
        ])
        .args(["--domain", &format!("http://127.0.0.1:{port}")])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3), "{}", stdout(&output));
    let error = stdout_json(&output);
    assert_eq!(error["error"], "network_error");
    assert!(error["hint"].as_str().unwrap().contains("--domain"));
}

#[test]
fn plain_http_is_refused_for_a_real_host() {
    let home = TempDir::new().unwrap();
    let output = bare_cmd(&home)
        .args(["login", "-u", "x", "--password", "y", "--client-id", "c"])
        .args(["--domain", "http://tenant.us.auth0.com"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("http://"), "{}", stderr(&output));
}

#[test]
fn an_html_gateway_page_exits_8() {
    let tenant = TestTenant::demo();
    tenant.emulator.inject_fault(Fault::Html502);
    let output = tenant
        .cmd()
        .args([
            "login",
            "--json",
            "-u",
            demo::OTP_USER,
            "--password",
            demo::PASSWORD,
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(8));
    let error = stdout_json(&output);
    assert_eq!(error["error"], "unexpected_response");
    assert_eq!(error["status"], 502);
}

#[test]
fn truncated_json_exits_8() {
    let tenant = TestTenant::demo();
    tenant.emulator.inject_fault(Fault::TruncatedJson);
    let output = tenant
        .cmd()
        .args(["login", "-u", demo::OTP_USER, "--password", demo::PASSWORD])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(8), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("malformed JSON"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn an_oversized_body_is_capped_and_exits_8() {
    let tenant = TestTenant::demo();
    tenant.emulator.inject_fault(Fault::OversizedBody);
    let output = tenant
        .cmd()
        .args(["login", "-u", demo::OTP_USER, "--password", demo::PASSWORD])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(8), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("larger than"),
        "{}",
        stderr(&output)
    );
}

/// The cap is 1 MiB, not less: an answer of exactly that size (a token set
/// padded with whitespace, valid JSON) is read whole and used.
#[test]
fn an_answer_of_exactly_one_mebibyte_is_read_whole() {
    let tenant = TestTenant::demo();
    let mut body =
        br#"{"access_token":"at-under-the-cap","token_type":"Bearer","expires_in":86400}"#.to_vec();
    body.resize(1024 * 1024, b' ');
    tenant.emulator.inject_fault(Fault::Respond {
        status: 200,
        headers: vec![("content-type".into(), "application/json".into())],
        body,
    });
    let output = tenant
        .cmd()
        .args(["login", "--json", "-u", demo::OTP_USER])
        .args(["--password", demo::PASSWORD])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout_json(&output)["access_token"], "at-under-the-cap");
}

#[test]
fn a_reset_connection_exits_3() {
    let tenant = TestTenant::demo();
    tenant.emulator.inject_fault(Fault::ResetConnection);
    let output = tenant
        .cmd()
        .args(["login", "-u", demo::OTP_USER, "--password", demo::PASSWORD])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
}

#[test]
fn a_slow_server_hits_the_timeout_and_exits_3() {
    let tenant = TestTenant::demo();
    tenant
        .emulator
        .inject_fault(Fault::Delay(Duration::from_secs(5)));
    let output = tenant
        .cmd()
        .args([
            "login",
            "--timeout",
            "1",
            "-u",
            demo::OTP_USER,
            "--password",
            demo::PASSWORD,
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    assert!(stderr(&output).contains("timed out"), "{}", stderr(&output));
}

#[test]
fn a_grant_type_not_enabled_names_the_dashboard_setting() {
    let tenant = TestTenant::demo();
    let output = tenant
        .cmd()
        .env("AUTH0_CLIENT_ID", demo::NO_MFA_CLIENT_ID)
        .env("AUTH0_CLIENT_SECRET", demo::NO_MFA_CLIENT_SECRET)
        .args(["login", "-u", demo::OTP_USER, "--password", demo::PASSWORD])
        .args(["--otp-secret", demo::OTP_SECRET])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains("unauthorized_client"), "{err}");
    assert!(err.contains("Advanced Settings > Grant Types"), "{err}");
}

#[test]
fn a_wrong_client_secret_is_invalid_client() {
    let tenant = TestTenant::demo();
    let output = tenant
        .cmd()
        .env("AUTH0_CLIENT_SECRET", "wrong")
        .args([
            "login",
            "--json",
            "-u",
            demo::OTP_USER,
            "--password",
            demo::PASSWORD,
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4));
    let error = stdout_json(&output);
    assert_eq!(error["error"], "invalid_client");
    assert!(
        error["hint"]
            .as_str()
            .unwrap()
            .contains("AUTH0_CLIENT_SECRET")
    );
}

#[test]
fn bad_flags_in_json_mode_are_a_json_usage_error() {
    let home = TempDir::new().unwrap();
    let output = bare_cmd(&home)
        .args(["login", "--json", "--bogus"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout_json(&output)["error"], "usage");
}

/// Each refused for its own reason, named: a domain is set, so that a missing
/// one (also exit 2) cannot be what is reported.
#[test]
fn bad_flags_exit_2() {
    let home = TempDir::new().unwrap();
    let cases: [(&[&str], &[&str]); 4] = [
        (
            &["challenge", "--type", "sms"],
            &["invalid value 'sms' for '--type <TYPE>'", "otp, oob"],
        ),
        (
            &["login", "--no-such-flag"],
            &["unexpected argument '--no-such-flag'"],
        ),
        (
            &["totp", "--digits", "9", OTP_SECRET],
            &["invalid value '9' for '--digits <DIGITS>'"],
        ),
        (
            &["login", "--factor", "carrier-pigeon"],
            &["invalid value 'carrier-pigeon' for '--factor <FACTOR>'"],
        ),
    ];
    for (args, says) in cases {
        let output = bare_cmd(&home)
            .env("AUTH0_DOMAIN", "t.us.auth0.com")
            .args(args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let err = stderr(&output);
        for said in says {
            assert!(err.contains(said), "{args:?}: no {said:?} in {err}");
        }
    }
}

#[test]
fn no_subcommand_is_a_usage_error_and_json_says_so() {
    let home = TempDir::new().unwrap();
    let output = bare_cmd(&home).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let output = bare_cmd(&home).args(["--json", "config"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout_json(&output)["error"], "usage");
}

#[test]
fn a_bad_flag_value_is_named_in_json() {
    let home = TempDir::new().unwrap();
    let output = bare_cmd(&home)
        .args(["--json", "login", "--factor", "bogus"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let description = stdout_json(&output)["error_description"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        description.contains("bogus") && description.contains("--factor"),
        "{description}"
    );
}

#[test]
fn a_zero_timeout_is_refused() {
    let home = TempDir::new().unwrap();
    for args in [
        &["doctor", "--timeout", "0"][..],
        &["--timeout", "0", "login"],
    ] {
        let output = bare_cmd(&home)
            .env("AUTH0_DOMAIN", "t.us.auth0.com")
            .env("AUTH0_CLIENT_ID", "abc")
            .args(args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let err = stderr(&output);
        assert!(
            err.contains("invalid value '0' for '--timeout <SECONDS>'") && err.contains("1..="),
            "{args:?}: {err}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_non_utf8_argument_is_a_usage_error_not_a_crash() {
    use std::os::unix::ffi::OsStrExt;
    let home = TempDir::new().unwrap();
    let output = bare_cmd(&home)
        .arg("totp")
        .arg(std::ffi::OsStr::from_bytes(b"\xff"))
        .arg("--json")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout_json(&output)["error"], "usage");
}

#[test]
fn only_a_429_carries_retry_after() {
    let tenant = TestTenant::demo();
    let output = tenant
        .cmd()
        .args([
            "login",
            "--json",
            "-u",
            demo::OTP_USER,
            "--password",
            "wrong",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4));
    assert!(stdout_json(&output).get("retry_after").is_none());
}

#[test]
fn secrets_a_server_echoes_back_are_masked_everywhere() {
    // A server (or a proxy) that quotes the request in its error and headers.
    let echo =
        format!("Wrong email or password: password={PASSWORD}&client_secret={CLIENT_SECRET}");
    for mode in [None, Some("--json"), Some("-vv")] {
        let tenant = TestTenant::fast("");
        tenant.emulator.inject_fault(Fault::Respond {
            status: 403,
            headers: vec![
                ("content-type".into(), "application/json".into()),
                ("x-echo".into(), echo.clone()),
            ],
            body: serde_json::json!({"error": "invalid_grant", "error_description": echo})
                .to_string()
                .into_bytes(),
        });
        let output = tenant
            .cmd()
            .args(["login", "-u", "otp@test.example", "--password", PASSWORD])
            .args(["--otp-secret", OTP_SECRET])
            .args(mode)
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(4),
            "{mode:?}: {}",
            stderr(&output)
        );
        let (out, err) = (stdout(&output), stderr(&output));
        for secret in [PASSWORD, CLIENT_SECRET] {
            assert!(
                !out.contains(secret) && !err.contains(secret),
                "{mode:?} printed {secret}: {out}{err}"
            );
        }
        let shown = if mode == Some("--json") {
            stdout_json(&output)["error_description"]
                .as_str()
                .unwrap()
                .to_owned()
        } else {
            err
        };
        assert!(shown.contains("password=********"), "{mode:?}: {shown}");
    }
}

#[test]
fn an_mfa_required_without_an_mfa_token_is_not_auth0_s_answer() {
    for mfa_token in [None, Some(""), Some("  ")] {
        let tenant = TestTenant::fast("");
        let mut body = serde_json::json!({
            "error": "mfa_required",
            "error_description": "Multifactor authentication required",
        });
        if let Some(token) = mfa_token {
            body["mfa_token"] = token.into();
        }
        tenant.emulator.inject_fault(Fault::Respond {
            status: 403,
            headers: vec![("content-type".into(), "application/json".into())],
            body: body.to_string().into_bytes(),
        });
        let output = tenant
            .cmd()
            .args([
                "login",
                "--json",
                "-u",
                "otp@test.example",
                "--password",
                PASSWORD,
            ])
            .args(["--otp-secret", OTP_SECRET])
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(8),
            "{mfa_token:?}: {}",
            stdout(&output)
        );
        assert_eq!(stdout_json(&output)["error"], "unexpected_response");
        assert_eq!(
            tenant.grants().len(),
            1,
            "no code was sent with an empty token"
        );
    }
}

#[test]
fn a_domain_without_http_at_a_plain_http_server_names_the_http_url() {
    let tenant = TestTenant::fast("");
    let bare = tenant.base_url().trim_start_matches("http://").to_owned();
    let output = tenant
        .cmd()
        .env("AUTH0_DOMAIN", &bare)
        .args(["login", "-u", "otp@test.example", "--password", PASSWORD])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains(&format!("--domain http://{bare}")), "{err}");
}

#[test]
fn a_server_that_answers_something_other_than_http_is_exit_8_not_unreachable() {
    use std::io::Write;
    let answers: [&[u8]; 3] = [
        b"SSH-2.0-OpenSSH_9.6\r\n",
        b"HTTP/1.1 2000 What\r\n\r\n",
        b"HTTP/1.1 200 OK\r\ncontent-length: 5\r\ncontent-length: 7\r\n\r\n{}",
    ];
    for answer in answers {
        let url = one_raw_answer(move |stream| {
            let _ = stream.write_all(answer);
        });
        let home = TempDir::new().unwrap();
        let output = login_at(&home, &url, &["--timeout", "5", "--json"]);
        let shown = String::from_utf8_lossy(answer);
        assert_eq!(
            output.status.code(),
            Some(8),
            "{shown:?}: {}",
            stdout(&output)
        );
        assert_eq!(
            stdout_json(&output)["error"],
            "unexpected_response",
            "{shown:?}"
        );
    }
}

/// The cap is checked on what follows the first MiB too: an answer whose
/// first MiB is a complete token set, and that goes on after a pause, is
/// refused as too large, never taken for the token set.
#[test]
fn an_answer_that_goes_on_past_one_mebibyte_is_refused_whole() {
    use std::io::Write;
    let url = one_raw_answer(|stream| {
        let mut body =
            br#"{"access_token":"at","token_type":"Bearer","expires_in":86400}"#.to_vec();
        body.resize(1024 * 1024, b' ');
        let _ = stream.write_all(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\r\n");
        let _ = stream.write_all(&body);
        // The client has read exactly the first MiB by now.
        std::thread::sleep(Duration::from_millis(500));
        let _ = stream.write_all(&[b' '; 1024]);
    });
    let home = TempDir::new().unwrap();
    let output = login_at(&home, &url, &["--timeout", "20", "--json"]);
    assert_eq!(output.status.code(), Some(8), "{}", stdout(&output));
    assert!(
        stderr(&output).contains("larger than 1024 KiB"),
        "{}",
        stderr(&output)
    );
}

/// A server that never stops sending is cut off at the 1 MiB cap, at once:
/// exit 8 for an answer too large, not a read that lasts until `--timeout`.
#[test]
fn an_endless_answer_is_cut_off_at_the_cap_not_read_until_the_timeout() {
    use std::io::Write;
    let url = one_raw_answer(|stream| {
        let _ = stream.write_all(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\r\n");
        // No length: the body runs until the connection closes.
        let spaces = [b' '; 4096];
        while stream.write_all(&spaces).is_ok() {}
    });
    let home = TempDir::new().unwrap();
    let started = std::time::Instant::now();
    let output = login_at(&home, &url, &["--timeout", "20"]);
    assert_eq!(output.status.code(), Some(8), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("larger than 1024 KiB"),
        "{}",
        stderr(&output)
    );
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn a_factor_the_user_has_but_auth0_does_not_offer_says_so() {
    let tenant = TestTenant::fast("");
    let login = |extra: &[&str]| {
        tenant
            .cmd()
            .args([
                "login",
                "--json",
                "-u",
                "multi@test.example",
                "--password",
                PASSWORD,
            ])
            .args(extra)
            .output()
            .unwrap()
    };
    let required = stdout_json(&login(&["--mfa-token-only"]));
    // Auth0 (an Action, the tenant's policy) offers only OTP for this login.
    tenant.emulator.inject_fault(Fault::Respond {
        status: 403,
        headers: vec![("content-type".into(), "application/json".into())],
        body: serde_json::json!({
            "error": "mfa_required",
            "error_description": "Multifactor authentication required",
            "mfa_token": required["mfa_token"],
            "mfa_requirements": {"challenge": [{"type": "otp"}]},
        })
        .to_string()
        .into_bytes(),
    });
    let output = login(&["--factor", "sms", "--binding-code-command", "echo 123456"]);
    assert_eq!(output.status.code(), Some(5), "{}", stdout(&output));
    let error = stdout_json(&output);
    assert!(
        error["error_description"]
            .as_str()
            .unwrap()
            .contains("does not offer sms"),
        "{error}"
    );

    // When the list itself gets no answer, that is the failure (exit 3), not
    // a factor to enroll.
    tenant.emulator.inject_fault(Fault::Respond {
        status: 403,
        headers: vec![("content-type".into(), "application/json".into())],
        body: serde_json::json!({
            "error": "mfa_required",
            "mfa_token": required["mfa_token"],
            "mfa_requirements": {"challenge": [{"type": "otp"}]},
        })
        .to_string()
        .into_bytes(),
    });
    tenant.emulator.inject_fault(Fault::ResetConnection);
    let output = login(&["--factor", "sms", "--binding-code-command", "echo 123456"]);
    assert_eq!(output.status.code(), Some(3), "{}", stdout(&output));
}

#[test]
fn a_sent_secret_inside_a_token_does_not_corrupt_the_printed_token() {
    // A code the user sent may occur in what comes back; the result stays exact.
    let token = format!("ACC123456XYZ{PASSWORD}.a.b");
    for json in [false, true] {
        let tenant = TestTenant::fast("");
        tenant.emulator.inject_fault(Fault::Pass);
        tenant.emulator.inject_fault(Fault::Respond {
            status: 200,
            headers: vec![("content-type".into(), "application/json".into())],
            body:
                serde_json::json!({"access_token": token, "token_type": "Bearer", "expires_in": 60})
                    .to_string()
                    .into_bytes(),
        });
        let output = tenant
            .cmd()
            .args([
                "login",
                "--no-store",
                "-u",
                "recovery@test.example",
                "--password",
                PASSWORD,
            ])
            .args(["--otp", "123456"])
            .args(json.then_some("--json"))
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        if json {
            assert_eq!(stdout_json(&output)["access_token"], token.as_str());
        } else {
            assert!(stdout(&output).contains(&token), "{}", stdout(&output));
        }
    }
}

#[test]
fn an_echoed_password_is_masked_in_its_encoded_forms_too() {
    let password = "hunter2! correct@horse";
    let tenant = TestTenant::fast("");
    tenant.emulator.inject_fault(Fault::Respond {
        status: 403,
        headers: vec![("content-type".into(), "application/json".into())],
        body: serde_json::json!({
            "error": "invalid_grant",
            "error_description": "Bad request: password=hunter2%21+correct%40horse",
        })
        .to_string()
        .into_bytes(),
    });
    let output = tenant
        .cmd()
        .env("AUTH0_PASSWORD", password)
        .args([
            "login",
            "--no-store",
            "-u",
            "recovery@test.example",
            "--otp",
            "123456",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(!err.contains("hunter2"), "{err}");
    assert!(err.contains("password=********"), "{err}");
}

/// Item by item, the small things a newcomer meets: each said once, in the
/// words the user typed, and all at once.
#[test]
fn small_errors_say_it_once_with_the_flag_typed_and_everything_missing() {
    let home = TempDir::new().unwrap();
    // A missing domain and client id: both in one run, not one per run.
    let output = bare_cmd(&home)
        .args(["login", "-u", "x", "--password", "y"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    for name in ["--domain", "--client-id", "AUTH0_DOMAIN", "AUTH0_CLIENT_ID"] {
        assert!(err.contains(name), "{name}: {err}");
    }

    let tenant = TestTenant::fast("");
    // "the OTP secret" once, not "the OTP secret from ...: the OTP secret ...".
    let output = tenant
        .cmd()
        .args([
            "verify",
            "--mfa-token",
            "Fe26.2*x",
            "--otp-secret",
            "not base32!",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert_eq!(err.matches("OTP secret").count(), 1, "{err}");
    assert!(err.contains("--otp-secret"), "{err}");

    // `enroll --token ""` names --token, the flag typed.
    let output = tenant
        .cmd()
        .args(["enroll", "otp", "--token", ""])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.contains("--token") && !err.contains("--mfa-token"),
        "{err}"
    );
    assert!(tenant.emulator.received().is_empty());
}

/// `--save-recovery-code` says the file was written, without `-v` too.
#[test]
fn a_saved_recovery_code_is_said_to_be_saved() {
    let tenant = TestTenant::demo();
    let file = tenant.home.path().join("code.txt");
    let output = tenant
        .cmd()
        .args([
            "login",
            "-u",
            demo::RECOVERY_USER,
            "--password",
            demo::PASSWORD,
        ])
        .args([
            "--recovery-code",
            demo::RECOVERY_CODE,
            "--save-recovery-code",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stderr(&output).contains(&format!("saved to {}", file.display())),
        "{}",
        stderr(&output)
    );
    assert!(file.exists());
}

/// The README's table: `invalid_grant` "...expired..." is exit 6, as
/// `expired_token` is, whatever the status.
#[test]
fn an_invalid_grant_that_says_expired_exits_6() {
    for description in [
        "The mfa_token has expired.",
        "Authorization transaction expired",
    ] {
        let tenant = TestTenant::fast("");
        let token = tenant.mfa_token("recovery@test.example");
        tenant.emulator.inject_fault(Fault::Respond {
            status: 403,
            headers: vec![("content-type".into(), "application/json".into())],
            body: serde_json::json!({"error": "invalid_grant", "error_description": description})
                .to_string()
                .into_bytes(),
        });
        let output = tenant
            .cmd()
            .args(["verify", "--json", "--mfa-token", &token])
            .args(["--otp-secret", OTP_SECRET])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(6), "{}", stdout(&output));
        let error = stdout_json(&output);
        assert_eq!(error["error"], "invalid_grant");
        assert_eq!(error["exit_code"], 6);
    }
}

/// A refused redirect says where it pointed, as the README promises: the
/// exit code alone (8) is also what an empty or unreadable answer gives.
#[test]
fn a_refused_redirect_names_its_location() {
    for status in [302, 307, 308] {
        let tenant = TestTenant::fast("");
        let elsewhere = "http://127.0.0.1:9/elsewhere/oauth/token";
        tenant.emulator.inject_fault(Fault::Respond {
            status,
            headers: vec![("location".into(), elsewhere.into())],
            body: Vec::new(),
        });
        let output = tenant
            .cmd()
            .args(["login", "--mfa-token-only", "-u", "recovery@test.example"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(8), "{}", stderr(&output));
        let err = stderr(&output);
        assert!(
            err.contains(&format!("a redirect to {elsewhere}")) && err.contains("not followed"),
            "{status}: {err}"
        );
        assert_eq!(tenant.count_grants(GRANT_PASSWORD), 1, "nothing was resent");
    }
}

/// The shortest secret the tool sends, a 6-digit code, is masked where a
/// server echoes it, in every output mode.
#[test]
fn a_six_digit_code_a_server_echoes_back_is_masked() {
    let code = "246813";
    for mode in [None, Some("--json"), Some("-vv")] {
        let tenant = TestTenant::fast("");
        let token = tenant.mfa_token("recovery@test.example");
        tenant.emulator.inject_fault(Fault::Respond {
            status: 403,
            headers: vec![("content-type".into(), "application/json".into())],
            body: serde_json::json!({
                "error": "invalid_grant",
                "error_description": format!("Invalid otp_code {code}."),
            })
            .to_string()
            .into_bytes(),
        });
        let output = tenant
            .cmd()
            .args(["verify", "--mfa-token", &token, "--otp", code])
            .args(mode)
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(4),
            "{mode:?}: {}",
            stderr(&output)
        );
        assert_eq!(
            tenant.requests_to("/oauth/token").last().unwrap()["otp"],
            code,
            "the code was sent"
        );
        let all = format!("{}{}", stdout(&output), stderr(&output));
        assert!(all.contains("Invalid otp_code"), "{mode:?}: {all}");
        assert!(!all.contains(code), "{mode:?}: the code is shown: {all}");
    }
}

/// What a server writes in its error is shown, never obeyed: escape
/// sequences, bidi overrides and zero-width characters become `�`, its
/// newline cannot start a line of the tool's own, and the JSON document
/// escapes them so that its value reads back exactly as the server sent it.
#[test]
fn a_hostile_error_description_is_shown_and_never_obeyed() {
    let hostile = "\u{1b}[31mred\u{202e}evil\u{200b}x\u{9b}31m\nforged: logged in";
    let raw = ['\u{1b}', '\u{202e}', '\u{200b}', '\u{9b}'];
    for mode in [None, Some("--json"), Some("-vv")] {
        let tenant = TestTenant::fast("");
        tenant.emulator.inject_fault(Fault::Respond {
            status: 400,
            headers: vec![("content-type".into(), "application/json".into())],
            body: serde_json::json!({"error": "invalid_request", "error_description": hostile})
                .to_string()
                .into_bytes(),
        });
        let output = tenant
            .cmd()
            .args(["login", "--mfa-token-only", "-u", "recovery@test.example"])
            .args(mode)
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(4),
            "{mode:?}: {}",
            stderr(&output)
        );
        let (out, err) = (stdout(&output), stderr(&output));
        assert!(
            !out.contains(raw) && !err.contains(raw),
            "{mode:?}: a control character got through: {out:?} {err:?}"
        );
        assert!(
            !err.lines().any(|line| line.starts_with("forged:")),
            "{mode:?}: the server's newline made a line: {err}"
        );
        assert!(
            err.contains("\u{fffd}[31mred\u{fffd}evil\u{fffd}x\u{fffd}31m forged: logged in"),
            "{mode:?}: the description is shown, neutralised, on one line: {err:?}"
        );
        if mode == Some("--json") {
            assert_eq!(stdout_json(&output)["error_description"], hostile);
        }
    }
}
