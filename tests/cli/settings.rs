//! Settings: one test per precedence pair, profiles, config show and path.

use std::path::PathBuf;

use serde_json::Value;
use tempfile::TempDir;

use crate::harness::*;

fn write_config(home: &TempDir, text: &str) -> PathBuf {
    let dir = home.path().join(".config").join("auth0-mfa");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("config.toml");
    std::fs::write(&path, text).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    path
}

const PROFILE: &str = r#"
default_profile = "dev"
[profiles.dev]
domain = "profile.us.auth0.com"
client_id = "profile-client"
client_secret = "profile-secret"
scope = "openid"
[profiles.ci]
domain = "ci.eu.auth0.com"
client_id = "ci-client"
"#;

fn show(cmd: &mut assert_cmd::Command) -> Value {
    let output = cmd.args(["config", "show", "--json"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    stdout_json(&output)
}

fn setting(shown: &Value, key: &str) -> (String, String) {
    let s = &shown["settings"][key];
    (
        s["value"].as_str().unwrap().to_owned(),
        s["source"].as_str().unwrap().to_owned(),
    )
}

#[test]
fn flag_beats_environment() {
    let home = TempDir::new().unwrap();
    let shown = show(
        bare_cmd(&home)
            .env("AUTH0_DOMAIN", "env.auth0.com")
            .args(["--domain", "flag.auth0.com"]),
    );
    assert_eq!(
        setting(&shown, "domain"),
        ("flag.auth0.com".into(), "flag --domain".into())
    );
}

#[test]
fn environment_beats_profile() {
    let home = TempDir::new().unwrap();
    write_config(&home, PROFILE);
    let shown = show(bare_cmd(&home).env("AUTH0_CLIENT_ID", "env-client"));
    assert_eq!(
        setting(&shown, "client_id"),
        ("env-client".into(), "env AUTH0_CLIENT_ID".into())
    );
    assert_eq!(
        setting(&shown, "domain"),
        ("profile.us.auth0.com".into(), "profile dev".into())
    );
}

#[test]
fn flag_beats_profile() {
    let home = TempDir::new().unwrap();
    write_config(&home, PROFILE);
    let shown = show(bare_cmd(&home).args(["--client-id", "flag-client"]));
    assert_eq!(
        setting(&shown, "client_id"),
        ("flag-client".into(), "flag --client-id".into())
    );
}

#[test]
fn profile_beats_default() {
    let home = TempDir::new().unwrap();
    write_config(&home, PROFILE);
    let shown = show(&mut bare_cmd(&home));
    assert_eq!(
        setting(&shown, "scope"),
        ("openid".into(), "profile dev".into())
    );
    let shown = show(bare_cmd(&home).args(["--profile", "ci"]));
    assert_eq!(
        setting(&shown, "scope"),
        ("openid profile email".into(), "default".into())
    );
    assert_eq!(shown["profile"]["name"], "ci");
    assert_eq!(shown["profile"]["source"], "flag --profile");
}

#[test]
fn profile_from_the_environment_and_secrets_masked() {
    let home = TempDir::new().unwrap();
    write_config(&home, PROFILE);
    let output = bare_cmd(&home)
        .env("AUTH0_MFA_PROFILE", "dev")
        .args(["config", "show"])
        .output()
        .unwrap();
    let text = stdout(&output);
    assert!(text.contains("dev (env AUTH0_MFA_PROFILE)"), "{text}");
    assert!(text.contains("client_secret"), "{text}");
    assert!(!text.contains("profile-secret"), "{text}");
}

/// The file's content is the secret: a real login authenticates with it
/// (its trailing newline dropped), and with another content it does not.
#[test]
fn secret_from_a_file_named_in_the_profile() {
    use auth0_mfa::emulator::demo;
    let tenant = TestTenant::demo();
    let secret_path = tenant.home.path().join("secret.txt");
    write_config(
        &tenant.home,
        &format!(
            "[profiles.default]\ndomain = {:?}\nclient_id = {:?}\nclient_secret_file = {:?}\n",
            tenant.base_url(),
            demo::CLIENT_ID,
            secret_path.display().to_string()
        ),
    );
    let login = |content: &str| {
        std::fs::write(&secret_path, content).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&secret_path, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        bare_cmd(&tenant.home)
            .args(["login", "--mfa-token-only", "-u", demo::OTP_USER])
            .args(["--password", demo::PASSWORD])
            .output()
            .unwrap()
    };
    let output = login(&format!("{}\n", demo::CLIENT_SECRET));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let shown = show(&mut bare_cmd(&tenant.home));
    assert_eq!(
        setting(&shown, "client_secret"),
        ("********".into(), "profile default (file)".into())
    );
    assert!(
        stdout(&output).starts_with("Fe26.2*"),
        "{}",
        stdout(&output)
    );
    let output = login("not-the-client-secret\n");
    assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));
    let sent = tenant.requests_to("/oauth/token");
    assert_eq!(sent[0]["client_secret"], demo::CLIENT_SECRET);
    assert_eq!(sent[1]["client_secret"], "not-the-client-secret");
}

#[test]
fn an_unknown_profile_lists_the_known_ones() {
    let home = TempDir::new().unwrap();
    write_config(&home, PROFILE);
    let output = bare_cmd(&home)
        .args(["config", "show", "--profile", "prod"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("prod") && err.contains("ci, dev"), "{err}");
}

#[test]
fn a_misspelt_profile_key_is_named() {
    let home = TempDir::new().unwrap();
    write_config(&home, "[profiles.default]\ndomian = 'x'\n");
    let output = bare_cmd(&home).args(["config", "show"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("domian"), "{}", stderr(&output));
}

#[test]
fn a_broken_config_does_not_stop_help_or_version() {
    let home = TempDir::new().unwrap();
    write_config(&home, "this is [not toml");
    for args in [&["--version"][..], &["--help"], &["login", "--help"]] {
        let output = bare_cmd(&home).args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{args:?}");
    }
    let output = bare_cmd(&home).args(["config", "show"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("config.toml"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn config_path_follows_xdg_and_the_override() {
    let home = TempDir::new().unwrap();
    let output = bare_cmd(&home).args(["config", "path"]).output().unwrap();
    let expected = home.path().join(".config/auth0-mfa/config.toml");
    assert_eq!(stdout(&output).trim(), expected.display().to_string());
    let output = bare_cmd(&home)
        .env("AUTH0_MFA_CONFIG", "/tmp/elsewhere.toml")
        .args(["config", "path", "--json"])
        .output()
        .unwrap();
    assert_eq!(stdout_json(&output)["path"], "/tmp/elsewhere.toml");
}

#[test]
fn config_path_is_xdg_style_without_xdg_config_home_too() {
    let home = TempDir::new().unwrap();
    let output = bare_cmd(&home)
        .env_remove("XDG_CONFIG_HOME")
        .args(["config", "path"])
        .output()
        .unwrap();
    let expected = home.path().join(".config/auth0-mfa/config.toml");
    assert_eq!(stdout(&output).trim(), expected.display().to_string());
    let elsewhere = home.path().join("xdg");
    let output = bare_cmd(&home)
        .env("XDG_CONFIG_HOME", &elsewhere)
        .args(["config", "path"])
        .output()
        .unwrap();
    let expected = elsewhere.join("auth0-mfa/config.toml");
    assert_eq!(stdout(&output).trim(), expected.display().to_string());
}

#[test]
fn a_named_config_file_must_exist() {
    let home = TempDir::new().unwrap();
    let output = bare_cmd(&home)
        .args(["config", "show", "--config", "/nonexistent/auth0-mfa.toml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("does not exist"));
}

#[cfg(unix)]
#[test]
fn a_readable_config_with_a_secret_earns_a_chmod_warning() {
    use std::os::unix::fs::PermissionsExt;
    let home = TempDir::new().unwrap();
    let path = write_config(&home, PROFILE);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let output = bare_cmd(&home).args(["config", "show"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(stderr(&output).contains("chmod 600"), "{}", stderr(&output));
}

#[test]
fn the_profile_drives_a_real_login() {
    let tenant = TestTenant::demo();
    write_config(
        &tenant.home,
        &format!(
            "[profiles.default]\ndomain = {:?}\nclient_id = {:?}\nclient_secret = {:?}\nusername = {:?}\n",
            tenant.base_url(),
            auth0_mfa::emulator::demo::CLIENT_ID,
            auth0_mfa::emulator::demo::CLIENT_SECRET,
            auth0_mfa::emulator::demo::OTP_USER,
        ),
    );
    let output = bare_cmd(&tenant.home)
        .args([
            "login",
            "--mfa-token-only",
            "--password",
            auth0_mfa::emulator::demo::PASSWORD,
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).starts_with("Fe26.2*"));
}

#[test]
fn environment_beats_profile_for_keys_the_subcommand_has_no_flag_for() {
    let home = TempDir::new().unwrap();
    write_config(
        &home,
        "[profiles.default]\nusername = \"profile-user\"\naudience = \"profile-aud\"\n",
    );
    let shown = show(
        bare_cmd(&home)
            .env("AUTH0_USERNAME", "env-user")
            .env("AUTH0_MFA_FACTOR", "push"),
    );
    assert_eq!(
        setting(&shown, "username"),
        ("env-user".into(), "env AUTH0_USERNAME".into())
    );
    assert_eq!(
        setting(&shown, "audience"),
        ("profile-aud".into(), "profile default".into())
    );
    assert_eq!(
        setting(&shown, "factor"),
        ("push".into(), "env AUTH0_MFA_FACTOR".into())
    );
}

#[test]
fn config_init_reads_a_dash_secret_from_stdin() {
    let home = TempDir::new().unwrap();
    let output = bare_cmd(&home)
        .args([
            "config",
            "init",
            "--domain",
            "t.us.auth0.com",
            "--client-id",
            "abc",
            "--client-secret",
            "-",
        ])
        .write_stdin("from-stdin\n")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = std::fs::read_to_string(home.path().join(".config/auth0-mfa/config.toml")).unwrap();
    assert!(text.contains("client_secret = \"from-stdin\""), "{text}");
}

#[cfg(unix)]
#[test]
fn a_readable_secret_file_earns_a_warning() {
    use std::os::unix::fs::PermissionsExt;
    let home = TempDir::new().unwrap();
    let secret = home.path().join("secret.txt");
    std::fs::write(&secret, "s").unwrap();
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o644)).unwrap();
    let output = bare_cmd(&home)
        .args(["config", "show", "--client-secret-file"])
        .arg(&secret)
        .output()
        .unwrap();
    assert!(stderr(&output).contains("chmod 600"), "{}", stderr(&output));
}

#[test]
fn config_init_names_a_secret_file_rather_than_copying_it() {
    let home = TempDir::new().unwrap();
    let secret = home.path().join("client.secret");
    std::fs::write(&secret, "the-secret-itself\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let output = bare_cmd(&home)
        .args([
            "config",
            "init",
            "--domain",
            "t.us.auth0.com",
            "--client-id",
            "abc",
            "--client-secret-file",
        ])
        .arg(&secret)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = std::fs::read_to_string(home.path().join(".config/auth0-mfa/config.toml")).unwrap();
    assert!(!text.contains("the-secret-itself"), "{text}");
    assert!(
        text.contains(&format!(
            "client_secret_file = {:?}",
            secret.display().to_string()
        )),
        "{text}"
    );
    let shown = show(&mut bare_cmd(&home));
    assert_eq!(
        setting(&shown, "client_secret"),
        ("********".into(), "profile default (file)".into())
    );
}

/// A value nothing gave is named with every way to give it, the profile in
/// use by its name.
#[test]
fn a_missing_value_names_the_profile_in_use() {
    let hint = |home: &TempDir| {
        let output = bare_cmd(home)
            .args(["login", "--json", "-u", "x@example.com", "--password", "p"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
        stdout_json(&output)["hint"].as_str().unwrap().to_owned()
    };
    let home = TempDir::new().unwrap();
    write_config(
        &home,
        "default_profile = \"dev\"\n[profiles.dev]\nclient_id = \"c\"\n",
    );
    assert_eq!(
        hint(&home),
        "pass --domain or set AUTH0_DOMAIN, or `domain` in profile dev"
    );
    let home = TempDir::new().unwrap();
    assert_eq!(
        hint(&home),
        "pass --domain and --client-id, or set AUTH0_DOMAIN and AUTH0_CLIENT_ID, or `domain` and `client_id` in a config profile"
    );
}

/// `config show` describes the session store the environment chose.
#[test]
fn config_show_names_the_store_the_environment_chose() {
    let home = TempDir::new().unwrap();
    let shown = show(bare_cmd(&home).env("AUTH0_MFA_STORE", "file"));
    let store = shown["session_store"].as_str().unwrap();
    assert!(store.ends_with("(AUTH0_MFA_STORE=file)"), "{store}");
}
