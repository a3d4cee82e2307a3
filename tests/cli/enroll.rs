//! `enroll` and `authenticators`: enrollment confirmed and left pending, the
//! QR code, listing, deleting, and every token-kind mistake with its guidance.

use std::time::Duration;

use auth0_mfa::emulator::demo;
use serde_json::Value;

use crate::harness::*;

const ALL_SCOPES: &str = "enroll read:authenticators remove:authenticators";

/// An access token for the tenant's MFA API, logged in as `multi` with OTP.
fn mfa_access_token(tenant: &TestTenant, scope: &str) -> String {
    let audience = format!(
        "https://{}/mfa/",
        tenant.base_url().trim_start_matches("http://")
    );
    let output = tenant
        .cmd()
        .args([
            "login",
            "--json",
            "-u",
            demo::MULTI_USER,
            "--password",
            demo::PASSWORD,
        ])
        .args(["--factor", "otp", "--otp-secret", demo::OTP_SECRET])
        .args(["--audience", &audience, "--scope", scope])
        // The demo tenant gives MULTI_USER the secret of OTP_USER, which
        // real tenants never do: keep its spent steps apart, as on another machine.
        .env(
            "XDG_STATE_HOME",
            tenant.home.path().join("multi-user-state"),
        )
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    stdout_json(&output)["access_token"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// The id of the first active authenticator whose id starts with `prefix`.
fn first_id(tenant: &TestTenant, token: &str, prefix: &str) -> String {
    list(tenant, token, false)
        .into_iter()
        .map(|a| a["id"].as_str().unwrap().to_owned())
        .find(|id| id.starts_with(prefix))
        .unwrap()
}

fn list(tenant: &TestTenant, token: &str, all: bool) -> Vec<Value> {
    let mut cmd = tenant.cmd();
    cmd.args(["authenticators", "list", "--json", "--token", token]);
    if all {
        cmd.arg("--all");
    }
    let output = cmd.output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    stdout_json(&output).as_array().unwrap().clone()
}

#[test]
fn a_new_user_is_enrolled_in_otp_and_logs_in_with_it_unattended() {
    // The first command logs the user in for the mfa_token, enrolls and confirms.
    let tenant = TestTenant::demo();
    let output = tenant
        .cmd()
        .args([
            "enroll",
            "otp",
            "--json",
            "-u",
            demo::NEW_USER,
            "--password",
            demo::PASSWORD,
        ])
        .args(["--otp-secret", "auto"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let enrolled = stdout_json(&output);
    assert_eq!(enrolled["authenticator_type"], "otp");
    assert_eq!(enrolled["confirmed"], true);
    assert!(enrolled["confirmation"]["access_token"].is_string());
    assert_eq!(
        enrolled["recovery_codes"].as_array().unwrap().len(),
        1,
        "first factor: a recovery code"
    );
    let secret = enrolled["secret"].as_str().unwrap();
    assert!(
        enrolled["barcode_uri"]
            .as_str()
            .unwrap()
            .starts_with("otpauth://totp/")
    );

    let associate = &tenant
        .emulator
        .received()
        .into_iter()
        .find(|r| r.path == "/mfa/associate")
        .unwrap();
    assert!(
        associate
            .authorization
            .as_deref()
            .unwrap()
            .starts_with("Bearer Fe26.2*")
    );
    assert_eq!(
        associate.body["authenticator_types"],
        serde_json::json!(["otp"])
    );
    assert_eq!(associate.body["client_id"], demo::CLIENT_ID);

    // The second command: a normal login with the new secret. The confirming
    // code is spent (reuse is refused), so move the tenant's clock to the next
    // 30-second window and answer with that window's code.
    tenant.emulator.advance_clock(30);
    let next = auth0_mfa::totp::Totp::parse(secret, Default::default())
        .unwrap()
        .code_at(auth0_mfa::totp::now_unix() + 30);
    let output = tenant
        .cmd()
        .args([
            "login",
            "--json",
            "-u",
            demo::NEW_USER,
            "--password",
            demo::PASSWORD,
        ])
        .args(["--otp", &next])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout_json(&output)["access_token"].is_string());
}

/// A username in the environment or the profile (as a developer's usually
/// is) does not turn `--token` into a login: the given token enrolls, and no
/// password is asked for or sent.
#[test]
fn a_given_token_enrolls_even_when_a_username_is_configured() {
    let tenant = TestTenant::demo();
    let token = tenant.mfa_token(demo::NEW_USER);
    let logins_before = tenant.count_grants(GRANT_PASSWORD);
    let output = tenant
        .cmd()
        .env("AUTH0_USERNAME", demo::OTP_USER)
        .args(["enroll", "otp", "--json", "--no-confirm", "--token", &token])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout_json(&output)["confirmed"], false);
    assert_eq!(tenant.count_grants(GRANT_PASSWORD), logins_before);
    let pending = list(&tenant, &token, true);
    assert!(
        (pending.iter()).any(|a| a["id"].as_str().unwrap().starts_with("totp|")),
        "{pending:?}"
    );
}

#[test]
fn otp_left_pending_is_hidden_until_confirmed_with_verify() {
    let tenant = TestTenant::demo();
    let token = tenant.mfa_token(demo::NEW_USER);
    let output = tenant
        .cmd()
        .args(["enroll", "otp", "--json", "--no-confirm", "--token", &token])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let enrolled = stdout_json(&output);
    assert_eq!(enrolled["confirmed"], false);
    assert!(
        stderr(&output).contains("auth0-mfa verify"),
        "{}",
        stderr(&output)
    );
    assert!(
        list(&tenant, &token, false)
            .iter()
            .all(|a| !a["id"].as_str().unwrap().starts_with("totp|"))
    );
    let pending = list(&tenant, &token, true);
    let totp = pending
        .iter()
        .find(|a| a["id"].as_str().unwrap().starts_with("totp|"))
        .unwrap();
    assert_eq!(totp["active"], false);

    let secret = enrolled["secret"].as_str().unwrap();
    let output = tenant
        .cmd()
        .args(["verify", "--mfa-token", &token, "--otp", &otp_now(secret)])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        list(&tenant, &token, false)
            .iter()
            .any(|a| a["id"].as_str().unwrap().starts_with("totp|"))
    );
}

#[test]
fn sms_enrollment_confirmed_with_the_code_it_sent() {
    let tenant = TestTenant::demo();
    let token = tenant.mfa_token(demo::NEW_USER);
    let output = tenant
        .cmd()
        .args([
            "enroll",
            "sms",
            "--json",
            "--no-confirm",
            "--phone",
            "+15555550142",
            "--token",
            &token,
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let enrolled = stdout_json(&output);
    assert_eq!(enrolled["oob_channel"], "sms");
    assert_eq!(enrolled["binding_method"], "prompt");
    let sent = tenant.requests_to("/mfa/associate").pop().unwrap();
    assert_eq!(sent["oob_channels"], serde_json::json!(["sms"]));
    assert_eq!(sent["phone_number"], "+15555550142");
    let message = tenant.emulator.outbox().pop().unwrap();
    assert_eq!(message.to, "+15555550142");
    let output = tenant
        .cmd()
        .args(["verify", "--json", "--mfa-token", &token])
        .args([
            "--oob-code",
            enrolled["oob_code"].as_str().unwrap(),
            "--binding-code",
            &message.code,
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let active = list(&tenant, &token, false);
    assert!(
        active
            .iter()
            .any(|a| a["id"].as_str().unwrap().starts_with("sms|")),
        "{active:?}"
    );
}

#[test]
fn voice_and_email_enrollments_are_left_pending() {
    for (kind, extra) in [
        ("voice", ["--phone", "+15555550143"]),
        ("email", ["--email", "me@test.example"]),
    ] {
        let tenant = TestTenant::demo();
        let token = tenant.mfa_token(demo::NEW_USER);
        let output = tenant
            .cmd()
            .args(["enroll", kind, "--json", "--no-confirm", "--token", &token])
            .args(extra)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{kind}: {}", stderr(&output));
        assert_eq!(stdout_json(&output)["oob_channel"], kind);
        assert_eq!(tenant.emulator.outbox().pop().unwrap().channel, kind);
        let pending = list(&tenant, &token, true);
        assert!(pending.iter().any(|a| a["active"] == false), "{pending:?}");
    }
}

#[test]
fn sms_without_a_phone_or_with_a_bad_one_is_a_usage_error() {
    let tenant = TestTenant::demo();
    let token = tenant.mfa_token(demo::NEW_USER);
    for extra in [&[][..], &["--phone", "555-0100"]] {
        let output = tenant
            .cmd()
            .args(["enroll", "sms", "--no-confirm", "--token", &token])
            .args(extra)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2));
        assert!(stderr(&output).contains("E.164"), "{}", stderr(&output));
    }
    assert!(tenant.requests_to("/mfa/associate").is_empty());
}

#[test]
fn otp_enrollment_without_a_terminal_or_a_way_to_confirm_is_refused_before_enrolling() {
    let tenant = TestTenant::demo();
    let token = tenant.mfa_token(demo::NEW_USER);
    let output = tenant
        .cmd()
        .args(["enroll", "otp", "--token", &token])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("--otp-secret auto"),
        "{}",
        stderr(&output)
    );
    assert!(tenant.requests_to("/mfa/associate").is_empty());
}

#[test]
fn push_enrollment_waits_until_the_app_approves() {
    let tenant = TestTenant::demo();
    let token = tenant.mfa_token(demo::NEW_USER);
    let approver = {
        let base = tenant.base_url();
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(1500));
            http(
                &base,
                "POST",
                "/_emulator/push/approve",
                None,
                Some(r#"{"username":"new@example.com"}"#),
            )
            .0
        })
    };
    let output = tenant
        .cmd()
        .args([
            "enroll",
            "push",
            "--json",
            "--interval",
            "1",
            "--token",
            &token,
        ])
        .output()
        .unwrap();
    assert_eq!(approver.join().unwrap(), 200);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let enrolled = stdout_json(&output);
    assert_eq!(enrolled["oob_channel"], "auth0");
    assert!(
        enrolled["barcode_uri"]
            .as_str()
            .unwrap()
            .contains("enrollment_tx_id=")
    );
    assert_eq!(enrolled["confirmed"], true);
    let active = list(&tenant, &token, false);
    assert!(
        active
            .iter()
            .any(|a| a["id"].as_str().unwrap().starts_with("push|"))
    );
    assert!(
        active
            .iter()
            .any(|a| a["id"].as_str().unwrap().starts_with("totp|")),
        "the linked totp"
    );
}

#[test]
fn the_qr_code_decodes_to_the_otpauth_uri() {
    let tenant = TestTenant::demo();
    let token = tenant.mfa_token(demo::NEW_USER);
    let output = tenant
        .cmd()
        .args(["enroll", "otp", "--no-confirm", "--token", &token])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let uri = barcode_uri(&text);
    let (decoded, version) = decode_qr(&plain_modules(&text));
    assert_eq!(decoded, uri);
    // The smallest version that holds the URI.
    assert!(
        qrcode::QrCode::with_version(
            &uri,
            qrcode::Version::Normal(version as i16 - 1),
            qrcode::EcLevel::L
        )
        .is_err(),
        "version {version} is not the smallest for {uri}"
    );
}

/// In colour each module is painted black or white, so the code scans on a
/// dark terminal as on a light one; it still decodes to the URI.
#[test]
fn the_coloured_qr_code_decodes_too() {
    let tenant = TestTenant::demo();
    let token = tenant.mfa_token(demo::NEW_USER);
    let output = tenant
        .cmd()
        .args(["enroll", "otp", "--no-confirm", "--color", "always"])
        .args(["--token", &token])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let uri = barcode_uri(&strip_ansi(&text));
    assert_eq!(decode_qr(&coloured_modules(&text)).0, uri);
}

/// On a terminal too narrow for the code (a pseudo-terminal from
/// util-linux's `script`, set to 40 columns), it says so instead of drawing a
/// code that wraps into noise; at 200 columns it draws it.
#[test]
fn a_terminal_too_narrow_gets_a_note_instead_of_the_code() {
    let Some(script) = ["/usr/bin/script", "/bin/script"]
        .into_iter()
        .find(|p| std::path::Path::new(p).is_file())
    else {
        missing("util-linux's script", "no pseudo-terminal to try");
        return;
    };
    let tenant = TestTenant::demo();
    let on_terminal = |cols: u32| {
        let token = tenant.mfa_token(demo::NEW_USER);
        let command =
            format!("stty rows 50 cols {cols}; {BIN} enroll otp --no-confirm --token {token}");
        let output = std::process::Command::new(script)
            .env_clear()
            .env("HOME", tenant.home.path())
            .env("TERM", "xterm")
            .env("AUTH0_DOMAIN", tenant.base_url())
            .env("AUTH0_CLIENT_ID", demo::CLIENT_ID)
            .env("AUTH0_CLIENT_SECRET", demo::CLIENT_SECRET)
            .args(["-qec", &command, "/dev/null"])
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        strip_ansi(&String::from_utf8_lossy(&output.stdout))
    };
    let narrow = on_terminal(40);
    assert!(
        narrow.contains("The QR code needs") && narrow.contains("this terminal has 40"),
        "{narrow}"
    );
    assert!(!narrow.contains('▀'), "{narrow}");
    assert!(
        narrow.contains("otpauth://"),
        "the URI is still there: {narrow}"
    );
    let wide = on_terminal(200);
    assert!(
        wide.contains('▀') && !wide.contains("The QR code needs"),
        "{wide}"
    );
}

fn barcode_uri(text: &str) -> String {
    text.lines()
        .find_map(|l| l.strip_prefix("barcode_uri"))
        .unwrap()
        .trim()
        .to_owned()
}

fn strip_ansi(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else if c != '\r' {
            out.push(c);
        }
    }
    out
}

/// The modules of the plain drawing (dark modules are the blocks, light ones
/// spaces; two rows a line): `true` is dark.
fn plain_modules(text: &str) -> Vec<Vec<bool>> {
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty() && l.chars().all(|c| matches!(c, '█' | '▀' | '▄' | ' ')))
        .collect();
    let mut modules = Vec::new();
    for row in rows {
        let (top, bottom) = row
            .chars()
            .map(|c| (matches!(c, '█' | '▀'), matches!(c, '█' | '▄')))
            .unzip();
        modules.push(top);
        modules.push(bottom);
    }
    modules
}

/// The modules of the coloured drawing: each `▀` has the upper module's
/// colour as foreground (30 black, 97 white) and the lower's as background
/// (40 black, 107 white).
fn coloured_modules(text: &str) -> Vec<Vec<bool>> {
    let mut modules = Vec::new();
    for line in text.lines().filter(|l| l.contains("m▀")) {
        let (mut top, mut bottom) = (Vec::new(), Vec::new());
        for cell in line.split("\u{1b}[").filter(|c| c.ends_with('▀')) {
            let codes = cell.trim_end_matches('▀').trim_end_matches('m');
            let (fg, bg) = codes.split_once(';').unwrap();
            top.push(fg == "30");
            bottom.push(bg == "40");
        }
        modules.push(top);
        modules.push(bottom);
    }
    modules
}

/// Decodes the modules with rqrr, as a camera would see them (dark modules
/// black, each 4x4 pixels); returns the text and the QR version.
fn decode_qr(modules: &[Vec<bool>]) -> (String, usize) {
    let width = modules.iter().map(Vec::len).max().unwrap();
    let scale = 4;
    let (w, h) = (width * scale, modules.len() * scale);
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| {
        let dark = modules[y / scale].get(x / scale).copied().unwrap_or(false);
        if dark { 0 } else { 255 }
    });
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code on the screen");
    let (meta, content) = grids[0].decode().unwrap();
    (content, meta.version.0)
}

#[test]
fn list_hides_pending_unless_all_and_keeps_pairs_together() {
    let tenant = TestTenant::demo();
    let token = mfa_access_token(&tenant, ALL_SCOPES);
    let output = tenant
        .cmd()
        .args(["authenticators", "list", "--token", &token])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    let sms = lines.iter().position(|l| l.starts_with("sms|")).unwrap();
    assert!(lines[sms + 1].starts_with("└ voice|"), "{text}");
    let push = lines.iter().position(|l| l.starts_with("push|")).unwrap();
    assert!(lines[push + 1].starts_with("└ totp|"), "{text}");

    // A pending enrollment appears with --all only.
    let output = tenant
        .cmd()
        .args([
            "enroll",
            "email",
            "--no-confirm",
            "--email",
            "second@test.example",
            "--token",
            &token,
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let active = list(&tenant, &token, false);
    let all = list(&tenant, &token, true);
    assert_eq!(all.len(), active.len() + 1);
    assert!(active.iter().all(|a| a["active"] == true));
}

#[test]
fn delete_with_yes_removes_the_linked_pair() {
    let tenant = TestTenant::demo();
    let token = mfa_access_token(&tenant, ALL_SCOPES);
    let sms = first_id(&tenant, &token, "sms|");
    let output = tenant
        .cmd()
        .args([
            "authenticators",
            "delete",
            &sms,
            "--yes",
            "--json",
            "--token",
            &token,
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let deleted = stdout_json(&output)["deleted"].clone();
    assert_eq!(deleted.as_array().unwrap().len(), 2, "{deleted}");
    let request = tenant
        .emulator
        .received()
        .into_iter()
        .find(|r| r.method == "DELETE")
        .unwrap();
    assert_eq!(
        request.path,
        format!("/mfa/authenticators/{}", sms.replace('|', "%7C"))
    );
    let left = list(&tenant, &token, true);
    assert!(left.iter().all(|a| {
        !a["id"]
            .as_str()
            .unwrap()
            .ends_with(sms.split('|').nth(1).unwrap())
    }));
}

/// Auth0 lists a verified email as an authenticator but refuses to delete
/// it: the hint says why and what to do, not the generic "check the flags".
#[test]
fn deleting_a_verified_email_gets_its_own_hint() {
    let tenant = TestTenant::demo();
    let token = mfa_access_token(&tenant, ALL_SCOPES);
    let email = first_id(&tenant, &token, "email|");
    let output = tenant
        .cmd()
        .args([
            "authenticators",
            "delete",
            &email,
            "--yes",
            "--token",
            &token,
        ])
        .output()
        .unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(4), "{err}");
    assert!(err.contains("verified email"), "{err}");
    assert!(err.contains("the user's email address"), "{err}");
    assert!(!err.contains("check the flags you passed"), "{err}");
    assert!(
        list(&tenant, &token, false)
            .iter()
            .any(|a| a["id"] == email.as_str())
    );
}

#[test]
fn delete_without_yes_and_without_a_terminal_deletes_nothing() {
    let tenant = TestTenant::demo();
    let token = mfa_access_token(&tenant, ALL_SCOPES);
    let output = tenant
        .cmd()
        .args(["authenticators", "delete", "push|dev_x", "--token", &token])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--yes"));
    assert!(
        tenant
            .emulator
            .received()
            .iter()
            .all(|r| r.method != "DELETE")
    );
}

#[test]
fn deleting_an_unknown_id_is_a_clear_error() {
    let tenant = TestTenant::demo();
    let token = mfa_access_token(&tenant, ALL_SCOPES);
    let output = tenant
        .cmd()
        .args([
            "authenticators",
            "delete",
            "push|dev_0000000000000000",
            "-y",
            "--json",
            "--token",
            &token,
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4));
    let error = stdout_json(&output);
    assert_eq!(error["status"], 404);
    assert!(
        error["hint"]
            .as_str()
            .unwrap()
            .contains("authenticators list")
    );
}

#[test]
fn deleting_with_an_mfa_token_is_refused_with_the_way_to_the_right_token() {
    let tenant = TestTenant::demo();
    let token = tenant.mfa_token(demo::MULTI_USER);
    let output = tenant
        .cmd()
        .args([
            "authenticators",
            "delete",
            "push|dev_x",
            "-y",
            "--token",
            &token,
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("mfa_token cannot delete"), "{err}");
    assert!(err.contains("--audience https://127.0.0.1:"), "{err}");
    assert!(err.contains("remove:authenticators"), "{err}");
    assert!(
        tenant
            .emulator
            .received()
            .iter()
            .all(|r| r.method != "DELETE")
    );
}

#[test]
fn enrolling_a_second_factor_with_an_mfa_token_explains_the_access_token() {
    let tenant = TestTenant::demo();
    let token = tenant.mfa_token(demo::OTP_USER);
    let output = tenant
        .cmd()
        .args(["enroll", "otp", "--no-confirm", "--json", "--token", &token])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4));
    let error = stdout_json(&output);
    assert_eq!(error["error_description"], "User is already enrolled.");
    assert!(
        error["hint"]
            .as_str()
            .unwrap()
            .contains("--audience https://DOMAIN/mfa/")
    );
}

#[test]
fn an_access_token_for_another_audience_or_without_the_scope_is_refused() {
    let tenant = TestTenant::demo();
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
        .args(["--otp-secret", demo::OTP_SECRET])
        .output()
        .unwrap();
    let plain = stdout_json(&output)["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let output = tenant
        .cmd()
        .args(["authenticators", "list", "--token", &plain])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("not for the MFA API"),
        "{}",
        stderr(&output)
    );

    let read_only = mfa_access_token(&tenant, "read:authenticators");
    let output = tenant
        .cmd()
        .args(["enroll", "otp", "--no-confirm", "--token", &read_only])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("lacks the enroll scope"),
        "{}",
        stderr(&output)
    );
    assert!(tenant.requests_to("/mfa/associate").is_empty());
}

#[test]
fn recovery_codes_are_saved_and_survive_a_failed_confirmation() {
    let tenant = TestTenant::demo();
    let token = tenant.mfa_token(demo::NEW_USER);
    let file = tenant.home.path().join("recovery.txt");
    let output = tenant
        .cmd()
        .args([
            "enroll", "otp", "--json", "--otp", "000000", "--token", &token,
        ])
        .arg("--save-recovery-code")
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4), "{}", stdout(&output));
    let error = stdout_json(&output);
    assert_eq!(error["error"], "invalid_grant");
    let code = error["enrollment"]["recovery_codes"][0].as_str().unwrap();
    assert_eq!(std::fs::read_to_string(&file).unwrap().trim(), code);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&file).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
}

/// The command `enroll --no-confirm` prints, run as printed (with the
/// placeholders it names filled in), confirms the enrollment, also when the
/// enrollment was made with an MFA API access token rather than an mfa_token.
#[test]
fn the_confirmation_command_printed_after_no_confirm_works_as_printed() {
    let tenant = TestTenant::demo();
    let access_token = mfa_access_token(&tenant, ALL_SCOPES);
    let output = tenant
        .cmd()
        .args(["enroll", "voice", "--json", "--no-confirm"])
        .args(["--phone", "+15555550177", "--token", &access_token])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let oob_code = stdout_json(&output)["oob_code"]
        .as_str()
        .unwrap()
        .to_owned();
    let err = stderr(&output);
    let printed = err
        .lines()
        .find_map(|l| l.split_once("auth0-mfa ").map(|(_, command)| command))
        .unwrap_or_else(|| panic!("no command printed: {err}"));
    let code = tenant.emulator.outbox().pop().unwrap().code;
    let words: Vec<String> = printed
        .split_whitespace()
        .map(|word| match word {
            "TOKEN" => access_token.clone(),
            "OOB_CODE" => oob_code.clone(),
            "CODE" => code.clone(),
            other => other.to_owned(),
        })
        .collect();
    let output = tenant.cmd().args(&words).arg("--json").output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{printed}: {}",
        stderr(&output)
    );
    assert!(stdout_json(&output)["access_token"].is_string());
    let active = list(&tenant, &access_token, false);
    assert!(
        active
            .iter()
            .any(|a| a["name"].as_str().is_some_and(|n| n.ends_with("0177"))),
        "{active:?}"
    );
}

/// `enroll -u USER --no-confirm` would leave an enrollment only the
/// mfa_token of this very process could confirm: refused before the login.
#[test]
fn no_confirm_without_a_token_is_refused_before_anything_is_sent() {
    let tenant = TestTenant::demo();
    let output = tenant
        .cmd()
        .args(["enroll", "otp", "--no-confirm", "-u", demo::NEW_USER])
        .args(["--password", demo::PASSWORD])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("--mfa-token-only"),
        "{}",
        stderr(&output)
    );
    assert!(tenant.emulator.received().is_empty());
}

/// A token that may remove but not read authenticators cannot list the
/// linked one: the deletion still says what Auth0 removes with it.
#[test]
fn delete_says_what_goes_with_it_even_when_the_list_cannot_be_read() {
    let tenant = TestTenant::demo();
    let mfa_token = tenant.mfa_token(demo::MULTI_USER);
    let sms = list(&tenant, &mfa_token, false)
        .into_iter()
        .map(|a| a["id"].as_str().unwrap().to_owned())
        .find(|id| id.starts_with("sms|"))
        .unwrap();
    let voice = sms.replace("sms|", "voice|");
    let token = mfa_access_token(&tenant, "remove:authenticators");
    let output = tenant
        .cmd()
        .args(["authenticators", "delete", &sms, "--yes", "--token", &token])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains(&voice), "{}", stderr(&output));
    let left = list(&tenant, &tenant.mfa_token(demo::MULTI_USER), true);
    assert!(
        left.iter()
            .all(|a| a["id"] != sms.as_str() && a["id"] != voice.as_str()),
        "{left:?}"
    );
}
