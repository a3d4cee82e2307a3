//! The replay contract: every interaction of the project's fixtures that was seen against
//! Auth0 itself (the cases with a `request` in `tests/fixtures/auth0-responses.json`) is
//! sent to the emulator, request for request, and its answer must have the recorded
//! status, fields, field types, error texts and enumerated values. A drift in the
//! emulator fails here the way a drift in the client fails `src/auth0/contract.rs`.

use std::collections::HashMap;

use super::*;

const FIXTURES: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/auth0-responses.json"
));

const CLIENT_ID: &str = "replay-client";
const CLIENT_SECRET: &str = "replay-client-secret";
const PUBLIC_CLIENT_ID: &str = "replay-public-client";
const PASSWORD: &str = "replay-Passw0rd";
const SECRET: &str = "GM4DSNJZHA3TAMBQGU2TQNZSGY2DQNBR";
const RECOVERY_CODE: &str = "H3JW8KQ2ZL5RXN7TVB4MC6PD";

/// A tenant set up as the recorded one was: SMS without voice, a user who enrolls from
/// scratch with a verified email, and users whose authenticator ids the requests name.
fn replay_tenant() -> Tenant {
    Tenant::from_toml(&format!(
        r#"
[settings]
name = "Replay Tenant"
voice = false
rate_limit = 10000

[[clients]]
client_id = "{CLIENT_ID}"
client_secret = "{CLIENT_SECRET}"
rotate_refresh_tokens = true

[[clients]]
client_id = "{PUBLIC_CLIENT_ID}"
rotate_refresh_tokens = true

[[users]]
username = "enrolling@example.com"
password = "{PASSWORD}"
email_verified = true

[[users]]
username = "unenrolled@example.com"
password = "{PASSWORD}"

[[users]]
username = "challenged@example.com"
password = "{PASSWORD}"
[[users.authenticators]]
type = "otp"
id = "dev_Mn3oP5qR7sT9uV1w"
secret = "{SECRET}"
[[users.authenticators]]
type = "push"
id = "dev_Bc4dE6fG8hI0jK2l"

[[users]]
username = "recovering@example.com"
password = "{PASSWORD}"
[[users.authenticators]]
type = "otp"
secret = "{SECRET}"
[[users.authenticators]]
type = "recovery-code"
recovery_code = "{RECOVERY_CODE}"

[[users]]
username = "deleting@example.com"
password = "{PASSWORD}"
[[users.authenticators]]
type = "push"
id = "dev_Kp8wQ2zR4tY6uI0o"
secret = "{SECRET}"
"#
    ))
    .expect("the replay tenant parses")
}

/// An emulated tenant and what the cases before have set up in it.
struct Replay {
    emu: Emulator,
    /// The enrolling user's mfa_token, kept across the recorded enrollment sequence.
    enrolling: Option<String>,
}

type Vars = HashMap<&'static str, String>;

impl Replay {
    fn login(&self, user: &str, client: &[(&str, &str)], extra: &[(&str, &str)]) -> Resp {
        let mut fields = vec![
            ("grant_type", "password"),
            ("username", user),
            ("password", PASSWORD),
        ];
        fields.extend(client);
        fields.extend(extra);
        form(&self.emu, "/oauth/token", &fields)
    }

    fn mfa_token(&self, user: &str, client: &[(&str, &str)], extra: &[(&str, &str)]) -> String {
        let body = self.login(user, client, extra).error(403, "mfa_required");
        body["mfa_token"].as_str().unwrap().to_string()
    }

    /// A TOTP code of the shared secret; the clock then moves a step on, since each step
    /// is accepted once per user.
    fn otp(&self) -> String {
        let code = totp(&self.emu, SECRET, 0);
        self.emu.advance_clock(30);
        code
    }

    /// Logs in with OTP and returns the token set.
    fn tokens(&self, user: &str, client: &[(&str, &str)], extra: &[(&str, &str)]) -> Value {
        let token = self.mfa_token(user, client, extra);
        let otp = self.otp();
        let mut fields = vec![
            ("grant_type", OTP_GRANT),
            ("mfa_token", token.as_str()),
            ("otp", otp.as_str()),
        ];
        fields.extend(client);
        form(&self.emu, "/oauth/token", &fields).ok()
    }

    /// A push challenge of the challenged user, left pending, approved or rejected.
    fn push(&self, settle: Option<bool>) -> Vars {
        let user = "challenged@example.com";
        let token = self.mfa_token(user, &replay_client(), &[("scope", "openid profile")]);
        let oob = challenge_as_replay(&self.emu, &token);
        match settle {
            Some(true) => assert!(self.emu.approve_push(user)),
            Some(false) => assert!(self.emu.reject_push(user)),
            None => {}
        }
        Vars::from([("mfa_token", token), ("oob_code", oob)])
    }

    /// The placeholders' values for a case, after setting up what `given` names.
    fn given(&mut self, given: &str) -> Vars {
        let client = replay_client();
        let scope = [("scope", "openid profile")];
        match given {
            "enrolling" => {
                let token = match &self.enrolling {
                    Some(token) => token.clone(),
                    None => self.mfa_token("enrolling@example.com", &client, &scope),
                };
                self.enrolling = Some(token.clone());
                Vars::from([("mfa_token", token)])
            }
            "unenrolled" => Vars::from([(
                "mfa_token",
                self.mfa_token("unenrolled@example.com", &client, &scope),
            )]),
            "challenge" => Vars::from([(
                "mfa_token",
                self.mfa_token("challenged@example.com", &client, &scope),
            )]),
            "otp" => Vars::from([
                (
                    "mfa_token",
                    self.mfa_token("challenged@example.com", &client, &scope),
                ),
                ("otp", self.otp()),
            ]),
            "recovery code" => Vars::from([
                (
                    "mfa_token",
                    self.mfa_token("recovering@example.com", &client, &scope),
                ),
                ("recovery_code", RECOVERY_CODE.to_string()),
            ]),
            "push pending" => self.push(None),
            "push approved" => self.push(Some(true)),
            "push rejected" => self.push(Some(false)),
            "mfa api token" => {
                let audience = format!("{}/mfa/", self.emu.base_url());
                let set = self.tokens(
                    "deleting@example.com",
                    &client,
                    &[("audience", &audience), ("scope", "remove:authenticators")],
                );
                Vars::from([("access_token", string(&set, "access_token"))])
            }
            "session" | "confidential session" => {
                let public = [("client_id", PUBLIC_CLIENT_ID)];
                let who: &[(&str, &str)] = if given == "session" { &public } else { &client };
                let scope = [("scope", "openid profile email offline_access")];
                let set = self.tokens("challenged@example.com", who, &scope);
                Vars::from([("refresh_token", string(&set, "refresh_token"))])
            }
            other => panic!("the replay does not know how to set up {other:?}"),
        }
    }
}

fn replay_client() -> [(&'static str, &'static str); 2] {
    [("client_id", CLIENT_ID), ("client_secret", CLIENT_SECRET)]
}

fn string(v: &Value, key: &str) -> String {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("no {key} in {v}"))
        .to_string()
}

fn challenge_as_replay(emu: &Emulator, token: &str) -> String {
    let body = json!({
        "mfa_token": token, "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET,
        "challenge_type": "oob", "authenticator_id": "push|dev_Bc4dE6fG8hI0jK2l",
    });
    string(
        &post_json(emu, "/mfa/challenge", None, body).ok(),
        "oob_code",
    )
}

/// Fills `{name}` placeholders in every string of `template`.
fn fill(template: &Value, vars: &Vars) -> Value {
    match template {
        Value::String(s) => {
            let mut s = s.clone();
            for (name, value) in vars {
                s = s.replace(&format!("{{{name}}}"), value);
            }
            for (name, value) in [
                ("client_id", CLIENT_ID),
                ("client_secret", CLIENT_SECRET),
                ("public_client_id", PUBLIC_CLIENT_ID),
            ] {
                s = s.replace(&format!("{{{name}}}"), value);
            }
            assert!(
                !(s.starts_with('{') && s.ends_with('}')),
                "unfilled placeholder {s}"
            );
            Value::String(s)
        }
        Value::Array(items) => Value::Array(items.iter().map(|v| fill(v, vars)).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), fill(v, vars)))
                .collect(),
        ),
        other => other.clone(),
    }
}

fn send_request(emu: &Emulator, request: &Value) -> Resp {
    let method = request["method"].as_str().unwrap();
    let path = request["path"].as_str().unwrap();
    let auth = request["bearer"].as_str().map(|b| format!("Bearer {b}"));
    let headers: Vec<(&str, &str)> = auth.iter().map(|a| ("Authorization", a.as_str())).collect();
    let body = if let Some(Value::Object(fields)) = request.get("form") {
        let encoded = fields
            .iter()
            .map(|(k, v)| format!("{}={}", encode(k), encode(v.as_str().unwrap())))
            .collect::<Vec<_>>()
            .join("&");
        Some(("application/x-www-form-urlencoded", encoded))
    } else {
        request
            .get("json")
            .map(|json| ("application/json", json.to_string()))
    };
    send(emu, method, path, &headers, body)
}

/// Values compared as they are, not only by type: what Auth0's clients branch on.
const SAME_VALUE: [&str; 7] = [
    "error",
    "error_description",
    "challenge_type",
    "authenticator_type",
    "oob_channel",
    "binding_method",
    "token_type",
];

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_u64() || n.is_i64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Every difference in shape between the recorded answer and the emulator's.
fn differences(recorded: &Value, got: &Value, optional: &[&str], at: &str, out: &mut Vec<String>) {
    if kind(recorded) != kind(got) {
        out.push(format!(
            "{at}: recorded a {}, the emulator sent a {}",
            kind(recorded),
            kind(got)
        ));
        return;
    }
    match (recorded, got) {
        (Value::Object(r), Value::Object(g)) => {
            for (key, value) in r {
                match g.get(key) {
                    Some(other) => {
                        if SAME_VALUE.contains(&key.as_str()) && value != other {
                            out.push(format!("{at}.{key}: recorded {value}, got {other}"));
                        }
                        differences(value, other, optional, &format!("{at}.{key}"), out);
                    }
                    None if optional.contains(&key.as_str()) => {}
                    None => out.push(format!("{at}.{key}: missing")),
                }
            }
            for key in g.keys() {
                if !r.contains_key(key) && !optional.contains(&key.as_str()) {
                    out.push(format!("{at}.{key}: not in the recorded answer"));
                }
            }
        }
        (Value::Array(r), Value::Array(g)) => {
            if r.len() != g.len() {
                out.push(format!(
                    "{at}: recorded {} elements, got {}",
                    r.len(),
                    g.len()
                ));
            }
            for (i, (r, g)) in r.iter().zip(g).enumerate() {
                differences(r, g, optional, &format!("{at}[{i}]"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_recorded_interaction_replays_with_the_recorded_answer() {
    let fixtures: Value = serde_json::from_str(FIXTURES).unwrap();
    let cases: Vec<&Value> = fixtures["cases"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c.get("request").is_some())
        .collect();
    // go-auth0's 12 MFA recordings, the OOB approval, refresh and revoke (4), the real
    // report and the SDK fixtures' unenrolled user.
    assert!(cases.len() >= 18, "{} replayable cases", cases.len());
    let mut replay = Replay {
        emu: Emulator::start_in_background(replay_tenant()).unwrap(),
        enrolling: None,
    };
    let mut failures = Vec::new();
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let template = &case["request"];
        let vars = replay.given(template["given"].as_str().unwrap());
        let request = fill(template, &vars);
        let r = send_request(&replay.emu, &request);
        let mut found = Vec::new();
        let status = case["status"].as_u64().unwrap();
        if u64::from(r.status) != status {
            found.push(format!("status: recorded {status}, got {}", r.status));
        }
        if let Some(Value::Object(headers)) = case.get("headers") {
            for (header, value) in headers {
                if r.header(header) != value.as_str() {
                    found.push(format!(
                        "header {header}: recorded {value}, got {:?}",
                        r.header(header)
                    ));
                }
            }
        }
        match (case.get("body"), case.get("raw")) {
            (_, Some(Value::String(raw))) if raw.is_empty() => {
                if !r.body.is_empty() {
                    found.push(format!(
                        "recorded an empty body, got {}",
                        String::from_utf8_lossy(&r.body)
                    ));
                }
            }
            (Some(body), _) => match serde_json::from_slice::<Value>(&r.body) {
                Ok(got) => {
                    let optional: Vec<&str> = template["optional"]
                        .as_array()
                        .map(|o| o.iter().filter_map(Value::as_str).collect())
                        .unwrap_or_default();
                    differences(body, &got, &optional, "body", &mut found);
                }
                Err(e) => found.push(format!("the body is not JSON: {e}")),
            },
            _ => panic!("{name}: the case has neither body nor raw"),
        }
        if !found.is_empty() {
            failures.push(format!("{name}:\n  {}", found.join("\n  ")));
        }
    }
    assert!(
        failures.is_empty(),
        "the emulator drifted from Auth0's recorded answers:\n{}",
        failures.join("\n")
    );
}

#[test]
fn the_comparison_catches_renamed_fields_other_types_and_other_values() {
    let recorded = json!({"challenge_type": "oob", "oob_code": "x", "list": [{"active": false}]});
    let mut found = Vec::new();
    differences(&recorded, &recorded.clone(), &[], "body", &mut found);
    assert!(found.is_empty(), "{found:?}");
    let drifted = json!({"challenge_type": "otp", "oob_codes": "x", "list": [{"active": "no"}]});
    differences(&recorded, &drifted, &[], "body", &mut found);
    assert_eq!(
        found,
        [
            "body.challenge_type: recorded \"oob\", got \"otp\"",
            "body.list[0].active: recorded a boolean, the emulator sent a string",
            "body.oob_code: missing",
            "body.oob_codes: not in the recorded answer",
        ]
    );
    let mut found = Vec::new();
    differences(
        &json!({"a": 1}),
        &json!({"a": 1, "id_token": "t"}),
        &["id_token"],
        "body",
        &mut found,
    );
    assert!(found.is_empty(), "{found:?}");
}
