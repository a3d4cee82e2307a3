//! `/api/v2/guardian/`: the MFA factors (always the eight, in Auth0's order), the
//! policy, the phone factor's message types and provider (Twilio settings, `null` where
//! unset), the push factor's provider (SNS, APNs). A factor disabled here is no longer
//! offered, challenged or answered by the Authentication API.

use serde_json::{Map, Value, json};

use super::super::http::{ApiRequest, Reply};
use super::super::state::{Shared, State};
use super::super::tenant::management::{FACTORS, check_policies};
use super::users::object_body;
use super::{Caller, bad_body, not_found};

const READ: &[&str] = &["read:guardian_factors"];
const UPDATE: &[&str] = &["update:guardian_factors"];

/// Pending challenges and enrollments of factors no longer enabled cannot be finished.
fn drop_disabled_transactions(st: &mut State) {
    let mgmt = &st.mgmt;
    st.oob_txs
        .retain(|_, tx| mgmt.kind_enabled(tx.channel, false));
}

pub fn factors(shared: &Shared, caller: &Caller) -> Result<Reply, Reply> {
    caller.require(READ)?;
    let st = shared.lock();
    let list: Vec<Value> = st
        .mgmt
        .factors
        .iter()
        .map(|(name, on)| json!({"name": name, "enabled": on, "trial_expired": false}))
        .collect();
    Ok(Reply::ok(Value::Array(list)))
}

/// `PUT /guardian/factors/{name}` `{"enabled": bool}` -> `{"enabled": bool}`.
pub fn set_factor(
    shared: &Shared,
    req: &ApiRequest,
    caller: &Caller,
    name: &str,
) -> Result<Reply, Reply> {
    caller.require(UPDATE)?;
    if !FACTORS.contains(&name) {
        return Err(not_found("Not Found", None));
    }
    let enabled = object_body(req)?
        .get("enabled")
        .and_then(Value::as_bool)
        .ok_or_else(|| {
            bad_body("Payload validation error: 'Missing required property: enabled'.")
        })?;
    let mut st = shared.lock();
    for (factor, on) in st.mgmt.factors.iter_mut() {
        if *factor == name {
            *on = enabled;
        }
    }
    drop_disabled_transactions(&mut st);
    Ok(Reply::ok(json!({ "enabled": enabled })))
}

/// `GET`/`PUT /guardian/policies`: a bare array both ways.
pub fn policies(
    shared: &Shared,
    req: &ApiRequest,
    caller: &Caller,
    put: bool,
) -> Result<Reply, Reply> {
    if !put {
        caller.require(&["read:mfa_policies"])?;
        return Ok(Reply::ok(json!(shared.lock().mgmt.policies)));
    }
    caller.require(&["update:mfa_policies"])?;
    let policies = strings(&req.body, "the body")?;
    check_policies(&policies).map_err(|e| bad_body(format!("Payload validation error: {e}.")))?;
    shared.lock().mgmt.policies = policies.clone();
    Ok(Reply::ok(json!(policies)))
}

/// A JSON array of strings.
fn strings(value: &Value, what: &str) -> Result<Vec<String>, Reply> {
    value
        .as_array()
        .and_then(|a| {
            a.iter()
                .map(|v| v.as_str().map(String::from))
                .collect::<Option<Vec<_>>>()
        })
        .filter(|a| a.len() <= 8)
        .ok_or_else(|| {
            bad_body(format!(
                "Payload validation error: 'Expected type array of strings' on {what}."
            ))
        })
}

/// `.../phone/message-types` `{"message_types": ["sms", "voice"]}`.
pub fn message_types(
    shared: &Shared,
    req: &ApiRequest,
    caller: &Caller,
    put: bool,
) -> Result<Reply, Reply> {
    if put {
        caller.require(UPDATE)?;
        let types = strings(
            object_body(req)?
                .get("message_types")
                .unwrap_or(&Value::Null),
            "property message_types",
        )?;
        if let Some(bad) = types.iter().find(|t| *t != "sms" && *t != "voice") {
            return Err(bad_body(format!(
                "Payload validation error: 'No enum match for: \"{bad}\"' on property message_types."
            )));
        }
        let mut st = shared.lock();
        st.mgmt.phone_message_types = types;
        drop_disabled_transactions(&mut st);
    } else {
        caller.require(READ)?;
    }
    Ok(Reply::ok(
        json!({"message_types": shared.lock().mgmt.phone_message_types}),
    ))
}

/// A `selected-provider`: `{"provider": ...}`, one of `known`.
pub fn selected_provider(
    shared: &Shared,
    req: &ApiRequest,
    caller: &Caller,
    push: bool,
    put: bool,
) -> Result<Reply, Reply> {
    let known: &[&str] = if push {
        &["guardian", "sns", "direct"]
    } else {
        &["auth0", "twilio", "phone-message-hook"]
    };
    if put {
        caller.require(UPDATE)?;
        let provider = object_body(req)?
            .get("provider")
            .and_then(Value::as_str)
            .unwrap_or("");
        if !known.contains(&provider) {
            return Err(bad_body(format!(
                "Payload validation error: 'No enum match for: \"{provider}\"' on property provider."
            )));
        }
        let mut st = shared.lock();
        let slot = if push {
            &mut st.mgmt.push_provider
        } else {
            &mut st.mgmt.phone_provider
        };
        *slot = provider.to_string();
    } else {
        caller.require(READ)?;
    }
    let st = shared.lock();
    let provider = if push {
        &st.mgmt.push_provider
    } else {
        &st.mgmt.phone_provider
    };
    Ok(Reply::ok(json!({ "provider": provider })))
}

/// A provider's settings, read and replaced field by field: the names it has, those it
/// returns (a secret is taken, never shown), and the settings as JSON.
fn settings_object(body: &Map<String, Value>, known: &[&str]) -> Result<(), Reply> {
    match body.iter().find(|(k, v)| {
        !known.contains(&k.as_str()) || !(v.is_string() || v.is_boolean() || v.is_null())
    }) {
        Some((k, _)) => Err(bad_body(format!(
            "Payload validation error: 'Additional properties not allowed: {k}'."
        ))),
        None => Ok(()),
    }
}

fn text(body: &Map<String, Value>, name: &str, old: &Option<String>) -> Option<String> {
    match body.get(name) {
        Some(Value::String(s)) => Some(s.chars().take(512).collect()),
        Some(Value::Null) => None,
        _ => old.clone(),
    }
}

/// `.../phone/providers/twilio`: `{"auth_token","sid","from","messaging_service_sid"}`.
pub fn twilio(
    shared: &Shared,
    req: &ApiRequest,
    caller: &Caller,
    put: bool,
) -> Result<Reply, Reply> {
    if put {
        caller.require(UPDATE)?;
        let body = object_body(req)?;
        settings_object(
            body,
            &["auth_token", "sid", "from", "messaging_service_sid"],
        )?;
        let mut st = shared.lock();
        let t = &mut st.mgmt.twilio;
        t.auth_token = text(body, "auth_token", &t.auth_token);
        t.sid = text(body, "sid", &t.sid);
        t.from = text(body, "from", &t.from);
        t.messaging_service_sid = text(body, "messaging_service_sid", &t.messaging_service_sid);
    } else {
        caller.require(READ)?;
    }
    let st = shared.lock();
    let t = &st.mgmt.twilio;
    Ok(Reply::ok(json!({
        "auth_token": t.auth_token, "sid": t.sid, "from": t.from,
        "messaging_service_sid": t.messaging_service_sid,
    })))
}

/// `.../push-notification/providers/sns`; the secret key is taken, never returned.
pub fn sns(shared: &Shared, req: &ApiRequest, caller: &Caller, put: bool) -> Result<Reply, Reply> {
    if put {
        caller.require(UPDATE)?;
        let body = object_body(req)?;
        let names = [
            "aws_access_key_id",
            "aws_secret_access_key",
            "aws_region",
            "sns_apns_platform_application_arn",
            "sns_gcm_platform_application_arn",
        ];
        settings_object(body, &names)?;
        let mut st = shared.lock();
        let s = &mut st.mgmt.sns;
        s.aws_access_key_id = text(body, names[0], &s.aws_access_key_id);
        s.aws_secret_access_key = text(body, names[1], &s.aws_secret_access_key);
        s.aws_region = text(body, names[2], &s.aws_region);
        s.sns_apns_platform_application_arn =
            text(body, names[3], &s.sns_apns_platform_application_arn);
        s.sns_gcm_platform_application_arn =
            text(body, names[4], &s.sns_gcm_platform_application_arn);
    } else {
        caller.require(READ)?;
    }
    let st = shared.lock();
    let s = &st.mgmt.sns;
    Ok(Reply::ok(json!({
        "aws_access_key_id": s.aws_access_key_id, "aws_region": s.aws_region,
        "sns_apns_platform_application_arn": s.sns_apns_platform_application_arn,
        "sns_gcm_platform_application_arn": s.sns_gcm_platform_application_arn,
    })))
}

/// `.../push-notification/providers/apns`: `{"bundle_id","sandbox","enabled"}`.
pub fn apns(shared: &Shared, req: &ApiRequest, caller: &Caller, put: bool) -> Result<Reply, Reply> {
    if put {
        caller.require(UPDATE)?;
        let body = object_body(req)?;
        settings_object(body, &["bundle_id", "sandbox", "p12"])?;
        let mut st = shared.lock();
        let a = &mut st.mgmt.apns;
        a.bundle_id = text(body, "bundle_id", &a.bundle_id);
        a.sandbox = body
            .get("sandbox")
            .and_then(Value::as_bool)
            .unwrap_or(a.sandbox);
        a.enabled = a.bundle_id.is_some();
    } else {
        caller.require(READ)?;
    }
    let st = shared.lock();
    let a = &st.mgmt.apns;
    Ok(Reply::ok(
        json!({"bundle_id": a.bundle_id, "sandbox": a.sandbox, "enabled": a.enabled}),
    ))
}
