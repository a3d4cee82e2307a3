//! `totp`: codes as an authenticator app computes them.

use tempfile::TempDir;

use crate::harness::*;

const RFC_SHA1_KEY: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

#[test]
fn prints_only_the_code_for_scripts() {
    let home = TempDir::new().unwrap();
    let output = bare_cmd(&home)
        .args(["totp", RFC_SHA1_KEY, "--time", "59", "--digits", "8"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), "94287082\n");
}

#[test]
fn json_gives_code_and_parameters_from_a_uri() {
    let home = TempDir::new().unwrap();
    let uri = format!(
        "otpauth://totp/T:u%40example.com?secret={RFC_SHA1_KEY}&issuer=T&algorithm=SHA1&digits=8&period=30"
    );
    let output = bare_cmd(&home)
        .args(["totp", &uri, "--time", "1111111109", "--json"])
        .output()
        .unwrap();
    let body = stdout_json(&output);
    assert_eq!(body["code"], "07081804");
    assert_eq!(body["digits"], 8);
    assert_eq!(body["remaining_seconds"], 1);
    assert_eq!(body["algorithm"], "SHA1");
}

#[test]
fn secret_from_the_environment() {
    let home = TempDir::new().unwrap();
    let output = bare_cmd(&home)
        .env("AUTH0_OTP_SECRET", RFC_SHA1_KEY)
        .args(["totp", "--time", "59"])
        .output()
        .unwrap();
    assert_eq!(stdout(&output), "287082\n");
}

#[test]
fn a_bad_secret_is_a_usage_error_that_does_not_echo_it() {
    let home = TempDir::new().unwrap();
    let output = bare_cmd(&home)
        .args(["totp", "not!base32SECRETX"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(!stderr(&output).contains("SECRETX"));
    assert!(stderr(&output).contains("base32"));
}

#[test]
fn no_secret_names_the_ways_to_give_one() {
    let home = TempDir::new().unwrap();
    let output = bare_cmd(&home).args(["totp"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("AUTH0_OTP_SECRET"));
}

#[test]
fn impossible_uri_parameters_are_usage_errors_not_crashes() {
    let home = TempDir::new().unwrap();
    for uri in [
        format!("otpauth://totp/x?secret={RFC_SHA1_KEY}&period=0"),
        format!("otpauth://totp/x?secret={RFC_SHA1_KEY}&digits=12"),
    ] {
        let output = bare_cmd(&home)
            .args(["totp", &uri, "--json"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{uri}");
        assert_eq!(stdout_json(&output)["error"], "usage");
    }
}

/// RFC 6238's SHA256 and SHA512 keys ("1234567890" repeated to 32 and 64 bytes).
const RFC_SHA256_KEY: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA";
const RFC_SHA512_KEY: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNA";

/// A URI's algorithm and period are the ones used: with a 60 s period, time
/// 119 is step 1, where RFC 6238's 30 s vectors have time 59.
#[test]
fn a_uri_s_algorithm_and_period_are_the_ones_used() {
    let home = TempDir::new().unwrap();
    for (key, algorithm, code) in [
        (RFC_SHA256_KEY, "SHA256", "46119246"),
        (RFC_SHA512_KEY, "sha512", "90693936"),
    ] {
        let uri =
            format!("otpauth://totp/T:u?secret={key}&algorithm={algorithm}&digits=8&period=60");
        let output = bare_cmd(&home)
            .args(["totp", &uri, "--time", "119", "--json"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let body = stdout_json(&output);
        assert_eq!(body["code"], code, "{algorithm}");
        assert_eq!(body["algorithm"], algorithm.to_ascii_uppercase());
        assert_eq!(body["period"], 60);
        assert_eq!(body["remaining_seconds"], 1);
    }
}

/// A counter-based URI, or one of no known kind, is refused for what it is.
#[test]
fn an_hotp_uri_and_a_uri_of_no_known_kind_are_refused_for_what_they_are() {
    let home = TempDir::new().unwrap();
    for (kind, says) in [
        ("hotp", "hotp:// (counter-based)"),
        ("steam", "the URI names no totp type"),
    ] {
        let uri = format!("otpauth://{kind}/x?secret={RFC_SHA1_KEY}&counter=1");
        let output = bare_cmd(&home).args(["totp", &uri]).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{kind}");
        assert!(
            stderr(&output).contains(says),
            "{kind}: {}",
            stderr(&output)
        );
    }
}

/// Without `--time`, the code is the one an app shows now.
#[test]
fn without_a_time_the_code_is_the_current_one() {
    let home = TempDir::new().unwrap();
    let before = otp_now(RFC_SHA1_KEY);
    let output = bare_cmd(&home)
        .args(["totp", RFC_SHA1_KEY, "--json"])
        .output()
        .unwrap();
    let after = otp_now(RFC_SHA1_KEY);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let body = stdout_json(&output);
    assert!(
        body["code"] == before.as_str() || body["code"] == after.as_str(),
        "{body} is not {before} or {after}"
    );
    let remaining = body["remaining_seconds"].as_u64().unwrap();
    assert!((1..=30).contains(&remaining), "{body}");
}
