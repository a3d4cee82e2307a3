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
