//! Contract tests: the client parses Auth0's answers in the exact shapes of
//! the live recordings and of every documented variant
//! (`tests/fixtures/auth0-responses.json`, the project's own values).

use serde_json::Value;

use super::fixtures;
use super::{Association, Authenticator, Challenge, Error, TokenSet, mfa_required};
use crate::error::Failure;

const FIXTURES: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/auth0-responses.json"
));

fn answer(case: &Value) -> super::transport::Answer {
    fixtures::answer(case, "https://contract.example/")
}

#[test]
fn every_recorded_and_documented_shape_parses() {
    let cases = fixtures::cases(FIXTURES);
    assert!(cases.len() >= 30);
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let expect = &case["expect"];
        let answer = answer(case);
        match expect["kind"].as_str().unwrap() {
            "tokens" => {
                let tokens: TokenSet = answer
                    .into_result()
                    .unwrap_or_else(|e| panic!("{name}: {e}"));
                assert!(!tokens.access_token.expose().is_empty(), "{name}");
                if let Some(code) = expect.get("recovery_code") {
                    assert_eq!(
                        tokens.recovery_code.as_ref().map(|c| c.expose()),
                        code.as_str(),
                        "{name}"
                    );
                }
            }
            "mfa_required" => {
                let Error::Api(api) = answer.into_error() else {
                    panic!("{name}")
                };
                assert_eq!(api.error, "mfa_required", "{name}");
                let required = mfa_required(&api).unwrap_or_else(|| panic!("{name}: no mfa_token"));
                assert!(required.mfa_token.expose().starts_with("Fe26.2*"), "{name}");
                assert!(
                    required.mfa_token.expose().len() > 1500,
                    "{name}: never capped"
                );
                assert_eq!(
                    required.mfa_requirements.is_some(),
                    case["body"].get("mfa_requirements").is_some()
                );
            }
            "challenge" => {
                let challenge: Challenge = answer
                    .into_result()
                    .unwrap_or_else(|e| panic!("{name}: {e}"));
                assert_eq!(
                    challenge.challenge_type,
                    expect["challenge_type"].as_str().unwrap(),
                    "{name}"
                );
                assert_eq!(
                    challenge.oob_code.is_some(),
                    challenge.challenge_type == "oob",
                    "{name}"
                );
                assert_eq!(
                    challenge.binding_method.as_deref(),
                    expect["binding_method"].as_str(),
                    "{name}"
                );
                assert_eq!(challenge.interval, expect["interval"].as_u64(), "{name}");
            }
            "association" => {
                let association: Association = answer
                    .into_result()
                    .unwrap_or_else(|e| panic!("{name}: {e}"));
                if let Some(kind) = expect["authenticator_type"].as_str() {
                    assert_eq!(association.authenticator_type, kind, "{name}");
                    assert!(
                        association.secret.is_some() && association.barcode_uri.is_some(),
                        "{name}"
                    );
                }
                if let Some(channel) = expect["oob_channel"].as_str() {
                    assert_eq!(association.oob_channel.as_deref(), Some(channel), "{name}");
                    assert!(association.oob_code.is_some(), "{name}");
                }
                let codes = expect["recovery_codes"].as_u64().unwrap_or(0) as usize;
                assert_eq!(association.recovery_codes.len(), codes, "{name}");
            }
            "authenticators" => {
                let list: Vec<Authenticator> = answer
                    .into_result()
                    .unwrap_or_else(|e| panic!("{name}: {e}"));
                assert_eq!(
                    list.len() as u64,
                    expect["count"].as_u64().unwrap(),
                    "{name}"
                );
                assert_eq!(
                    list.iter().filter(|a| a.active).count() as u64,
                    expect["active"].as_u64().unwrap()
                );
                let factors: Vec<&str> = list.iter().map(|a| a.factor().unwrap().name()).collect();
                let expected: Vec<&str> = expect["factors"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|f| f.as_str().unwrap())
                    .collect();
                assert_eq!(factors, expected, "{name}");
                assert!(
                    list[5].extra.contains_key("type"),
                    "customizable MFA's `type` is kept"
                );
            }
            "empty" => answer
                .into_empty()
                .unwrap_or_else(|e| panic!("{name}: {e}")),
            "error" => {
                let error = answer.into_error();
                let Error::Api(api) = &error else {
                    panic!("{name}: {error:?}")
                };
                assert_eq!(api.error, expect["error"].as_str().unwrap(), "{name}");
                if let Some(wait) = expect["retry_after"].as_u64() {
                    assert_eq!(api.retry_after.map(|d| d.as_secs()), Some(wait), "{name}");
                }
                if let Some(field) = expect["extra"].as_str() {
                    assert!(
                        api.extra.contains_key(field),
                        "{name}: unknown fields are kept"
                    );
                }
                let failure = Failure::from(error);
                assert_eq!(
                    failure.exit_code() as u64,
                    expect["exit"].as_u64().unwrap(),
                    "{name}"
                );
                assert!(
                    failure.hint().is_some(),
                    "{name}: every documented error has a fix"
                );
            }
            "protocol" => {
                let error = answer.into_result::<TokenSet>().unwrap_err();
                assert!(matches!(error, Error::Protocol { .. }), "{name}: {error:?}");
                assert_eq!(
                    Failure::from(error).exit_code() as u64,
                    expect["exit"].as_u64().unwrap(),
                    "{name}"
                );
            }
            other => panic!("{name}: unknown kind {other}"),
        }
    }
}
