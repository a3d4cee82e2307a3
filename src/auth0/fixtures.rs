//! The contract tests' loader, for both API clients: a fixture file's cases
//! (`tests/fixtures/*.json`, each a recorded or documented answer: status,
//! headers, and a JSON `body` or a `raw` one) as the transport's [`Answer`]s.

use reqwest::StatusCode;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use serde_json::Value;

use super::transport::Answer;

/// The `cases` of a fixture file's text.
pub fn cases(fixtures: &str) -> Vec<Value> {
    let fixtures: Value = serde_json::from_str(fixtures).unwrap();
    fixtures["cases"].as_array().unwrap().clone()
}

/// One case as the answer the transport would hand on, as if from `url`.
pub fn answer(case: &Value, url: &str) -> Answer {
    let mut headers = HeaderMap::new();
    if let Some(Value::Object(map)) = case.get("headers") {
        for (k, v) in map {
            headers.insert(
                HeaderName::from_bytes(k.as_bytes()).unwrap(),
                HeaderValue::from_str(v.as_str().unwrap()).unwrap(),
            );
        }
    }
    let body = match (case.get("raw"), case.get("body")) {
        (Some(Value::String(raw)), _) => raw.clone().into_bytes(),
        (_, Some(body)) => serde_json::to_vec(body).unwrap(),
        _ => Vec::new(),
    };
    Answer {
        status: StatusCode::from_u16(case["status"].as_u64().unwrap() as u16).unwrap(),
        headers,
        body,
        url: url.into(),
    }
}
