//! Output that cannot be written: a full disk is exit 11, a closed pipe ends
//! quietly, and a secret issued once still reaches the user on stderr.

use std::io::Read;
use std::process::{Command, Stdio};

use auth0_mfa::emulator::Fault;

use crate::harness::*;

#[cfg(target_os = "linux")]
fn dev_full() -> std::fs::File {
    std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap()
}

#[cfg(target_os = "linux")]
#[test]
fn a_rotated_recovery_code_survives_a_full_disk() {
    let tenant = TestTenant::fast("");
    let output = tenant
        .std_cmd()
        .args(["login", "--json", "-u", "recovery@test.example"])
        .args(["--recovery-code", RECOVERY_CODE])
        .stdout(dev_full())
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(11), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains("cannot write the result to stdout"), "{err}");
    // The old code is spent: the new one must be on stderr.
    let new_code = err
        .lines()
        .find(|l| l.contains("recovery code"))
        .and_then(|l| l.rsplit(' ').next())
        .unwrap()
        .to_owned();
    assert_eq!(new_code.len(), 24, "{err}");
    let again = tenant
        .cmd()
        .args(["login", "--json", "-u", "recovery@test.example"])
        .args(["--recovery-code", &new_code])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(0), "the code on stderr works");
}

#[cfg(target_os = "linux")]
#[test]
fn a_failure_document_that_cannot_be_written_falls_back_to_stderr() {
    let tenant = TestTenant::fast("");
    let output = tenant
        .std_cmd()
        .stderr(Stdio::piped())
        .args([
            "verify",
            "--json",
            "--mfa-token",
            "Fe26.2*not-a-token",
            "--otp",
            "123456",
        ])
        .stdout(dev_full())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));
    assert!(stderr(&output).starts_with("error:"), "{}", stderr(&output));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let mut child = Command::new(BIN)
        .env_clear()
        .args(["completions", "bash"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read a little, then stop reading, as `| head -1` does.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    assert!(
        matches!(output.status.code(), Some(0) | Some(141)),
        "{:?}",
        output.status
    );
    assert!(stderr(&output).is_empty(), "{}", stderr(&output));
}

#[test]
fn an_enrollment_whose_recovery_code_cannot_be_saved_exits_11_with_the_code_shown() {
    let tenant = TestTenant::fast("");
    let token = tenant.mfa_token("new@test.example");
    let blocker = tenant.home.path().join("recovery.txt");
    std::fs::create_dir_all(blocker.join("inside")).unwrap();
    let output = tenant
        .cmd()
        .args([
            "enroll",
            "otp",
            "--json",
            "--otp-secret",
            "auto",
            "--token",
            &token,
        ])
        .arg("--save-recovery-code")
        .arg(&blocker)
        .arg("--overwrite")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(11), "{}", stderr(&output));
    let enrolled = stdout_json(&output);
    assert!(enrolled["recovery_codes"][0].is_string(), "{enrolled}");
    assert_eq!(
        enrolled["confirmed"], true,
        "the enrollment was still confirmed"
    );
}

#[test]
fn a_recovery_code_in_an_answer_that_cannot_be_read_is_still_shown() {
    // The old code is spent; the answer's new one must not die with the rest of it.
    let cases: [(&[&str], &[u8]); 3] = [
        (
            &["--recovery-code", RECOVERY_CODE],
            br#"{"recovery_code":"NEWRC0000000000000000001","expires_in":"3600"}"#,
        ),
        (
            &["--recovery-code", RECOVERY_CODE],
            br#"{"access_token":"x","recovery_code":"NEWRC0000000000000000002","tok"#,
        ),
        (
            &["--recovery-code", RECOVERY_CODE, "--json"],
            br#"{"recovery_code":"NEWRC0000000000000000003"}"#,
        ),
    ];
    for (args, body) in cases {
        let tenant = TestTenant::fast("");
        // The password grant passes; the recovery grant's answer is broken.
        tenant.emulator.inject_fault(Fault::Pass);
        tenant.emulator.inject_fault(Fault::Respond {
            status: 200,
            headers: vec![("content-type".into(), "application/json".into())],
            body: body.to_vec(),
        });
        let output = tenant
            .cmd()
            .args(["login", "-u", "recovery@test.example"])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(8), "{}", stderr(&output));
        let code = String::from_utf8_lossy(body)
            .split('"')
            .find(|part| part.starts_with("NEWRC"))
            .unwrap()
            .to_owned();
        let shown = if args.contains(&"--json") {
            stdout_json(&output)["recovery_code"]
                .as_str()
                .unwrap_or("")
                .to_owned()
        } else {
            stderr(&output)
        };
        assert!(shown.contains(&code), "{args:?}: {shown}");
    }
}
