//! What `-v`, `-vv` and `--curl` show on stderr, level by level, as the
//! README describes them: nothing without a flag, a line per request with
//! `-v`, headers and bodies both ways with `-vv`.

use crate::harness::*;
use auth0_mfa::emulator::Fault;

/// A login that Auth0 first rate-limits for a second, then answers with
/// `mfa_required` (the recovery user has MFA): two requests, one wait.
fn traced_login(extra: &[&str]) -> String {
    let tenant = TestTenant::fast("");
    tenant.emulator.inject_fault(Fault::RateLimited {
        retry_after_secs: 1,
    });
    let output = tenant
        .cmd()
        .args(["login", "--mfa-token-only", "-u", "recovery@test.example"])
        .args(extra)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(tenant.requests_to("/oauth/token").len(), 2);
    stderr(&output)
}

#[test]
fn without_a_flag_nothing_is_traced() {
    let err = traced_login(&[]);
    for trace in ["* POST", "> POST", "< ", "rate limited", "curl "] {
        assert!(!err.contains(trace), "{trace:?} without -v: {err}");
    }
}

#[test]
fn one_v_is_a_line_per_request_and_the_wait() {
    let err = traced_login(&["-v"]);
    let lines: Vec<&str> = err.lines().collect();
    let requests: Vec<&&str> = lines
        .iter()
        .filter(|l| l.starts_with("* POST ") && l.contains("/oauth/token -> "))
        .collect();
    assert_eq!(requests.len(), 2, "{err}");
    assert!(requests[0].contains("-> 429 ("), "{err}");
    assert!(requests[1].contains("-> 403 ("), "{err}");
    assert!(
        lines
            .iter()
            .any(|l| l
                .starts_with("* rate limited: waiting 1000 ms as Auth0 asks, then sending again")),
        "{err}"
    );
    assert!(
        !lines
            .iter()
            .any(|l| l.starts_with("> ") || l.starts_with("< ")),
        "no headers or bodies at -v: {err}"
    );
    assert!(!err.contains("curl "), "{err}");
}

#[test]
fn two_vs_add_headers_and_bodies_both_ways() {
    let err = traced_login(&["-vv"]);
    let lines: Vec<&str> = err.lines().collect();
    let has = |prefix: &str| lines.iter().filter(|l| l.starts_with(prefix)).count();
    assert_eq!(has("* POST "), 2, "{err}");
    assert_eq!(has("> POST "), 2, "{err}");
    assert_eq!(has("> accept: application/json"), 2, "{err}");
    assert_eq!(
        has("> content-type: application/x-www-form-urlencoded"),
        2,
        "{err}"
    );
    assert_eq!(
        has("> username=recovery@test.example&password=********&grant_type=password&"),
        2,
        "the form body, its secrets masked by name: {err}"
    );
    assert!(has("< content-type: application/json") >= 2, "{err}");
    // The answers' bodies: the rate limit's error, then mfa_required with
    // its token masked.
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("< {") && l.contains("too_many_requests")),
        "{err}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with("< {")
            && l.contains("\"mfa_required\"")
            && l.contains("\"mfa_token\":\"********\"")),
        "{err}"
    );
    assert!(!err.contains("curl "), "{err}");
}

#[test]
fn curl_alone_prints_the_commands_and_no_trace() {
    let err = traced_login(&["--curl"]);
    let commands = err
        .lines()
        .filter(|l| l.starts_with("curl -sS -X POST '"))
        .count();
    assert_eq!(commands, 2, "one per request sent: {err}");
    // One argument a line, for a reader to edit and paste.
    assert!(
        err.lines().any(|l| l.trim_end_matches(" \\")
            == "  --data-urlencode \"client_secret=$AUTH0_CLIENT_SECRET\""),
        "{err}"
    );
    assert!(!err.contains(CLIENT_SECRET), "{err}");
    for trace in ["* POST", "> POST", "< ", "rate limited"] {
        assert!(!err.contains(trace), "{trace:?} with --curl only: {err}");
    }
}
