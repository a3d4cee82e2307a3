//! `POST /mfa/associate`: enrollment of otp, sms, voice, email and push authenticators,
//! left inactive until confirmed by the matching MFA grant.

use axum::http::StatusCode;
use serde_json::json;

use super::super::http::{ApiRequest, Reply};
use super::super::state::{
    Authenticator, MAX_PENDING_ENROLLMENTS, OOB_TTL_MS, OobTx, PushStatus, Shared, State,
    linked_entry,
};
use super::super::tenant::{AuthenticatorKind, PushRule};
use super::super::tokens;
use super::{Bearer, authenticate_client, bearer, body_ok, invalid_request, missing};

pub fn associate(shared: &Shared, req: &ApiRequest) -> Reply {
    match associate_inner(shared, req) {
        Ok(reply) | Err(reply) => reply,
    }
}

fn associate_inner(shared: &Shared, req: &ApiRequest) -> Result<Reply, Reply> {
    body_ok(req)?;
    // The docs list client authentication in the body too; check it when it is sent.
    if req.param("client_id").is_some() {
        authenticate_client(shared, req, false)?;
    }
    let mut guard = shared.lock();
    let st: &mut State = &mut guard;
    let who = bearer(shared, st, req)?;
    let user_ix = who.user();
    match &who {
        Bearer::MfaToken { .. } if st.users[user_ix].has_active_factor() => {
            return Err(Reply::error(
                StatusCode::FORBIDDEN,
                "access_denied",
                "User is already enrolled.",
            ));
        }
        Bearer::MfaToken { .. } => {}
        Bearer::Access { .. } => who.require_scope("enroll")?,
    }
    let types = req
        .list_param("authenticator_types")
        .ok_or_else(|| missing("authenticator_types"))?;
    let kind = match types.first().map(String::as_str) {
        Some("otp") => AuthenticatorKind::Otp,
        Some("oob") => {
            let channels = req
                .list_param("oob_channels")
                .ok_or_else(|| missing("oob_channels"))?;
            match channels.first().map(String::as_str) {
                Some("sms") => AuthenticatorKind::Sms,
                Some("voice") => AuthenticatorKind::Voice,
                Some("email") => AuthenticatorKind::Email,
                Some("auth0") => AuthenticatorKind::Push,
                other => {
                    return Err(invalid_request(format!(
                        "Invalid oob_channels: {}. Expected sms, voice, email or auth0.",
                        other.unwrap_or("")
                    )));
                }
            }
        }
        other => {
            return Err(invalid_request(format!(
                "Invalid authenticator_types: {}. Expected otp or oob.",
                other.unwrap_or("")
            )));
        }
    };
    let user = &st.users[user_ix];
    let pending = user
        .authenticators
        .iter()
        .filter(|a| !a.active && !a.secondary && a.enrolled_by.is_some())
        .filter(|a| a.kind != AuthenticatorKind::RecoveryCode)
        .count();
    if pending >= MAX_PENDING_ENROLLMENTS {
        return Err(Reply::error(
            StatusCode::FORBIDDEN,
            "access_denied",
            "Too many pending enrollments. Confirm or delete one before enrolling another.",
        ));
    }
    let phone = match kind {
        AuthenticatorKind::Sms | AuthenticatorKind::Voice => {
            let phone = req
                .param("phone_number")
                .ok_or_else(|| missing("phone_number"))?;
            let digits = phone.strip_prefix('+').unwrap_or("");
            if digits.len() < 6 || digits.len() > 15 || !digits.chars().all(|c| c.is_ascii_digit())
            {
                return Err(invalid_request(
                    "phone_number must be in E.164 format, e.g. +15555550123.",
                ));
            }
            Some(phone)
        }
        _ => None,
    };
    let email = match kind {
        AuthenticatorKind::Email => {
            let email = req.param("email").unwrap_or_else(|| user.email.clone());
            if !email.contains('@') {
                return Err(invalid_request("email is not a valid email address."));
            }
            Some(email)
        }
        _ => None,
    };
    let token = who.token().to_string();
    // Until a factor is confirmed, every first enrollment gets a recovery code:
    // one from an abandoned attempt is replaced below.
    let first_factor = !user.has_active_factor()
        && !user
            .authenticators
            .iter()
            .any(|a| a.kind == AuthenticatorKind::RecoveryCode && a.active);
    let account = user.email.clone();
    let authenticator = Authenticator {
        kind,
        suffix: format!("dev_{}", tokens::random_alphanumeric(16)),
        secret: (kind == AuthenticatorKind::Otp).then(tokens::totp_secret),
        phone,
        email,
        recovery_code: None,
        active: false,
        push_rule: PushRule::Manual,
        name: None,
        secondary: false,
        enrolled_by: Some(token.clone()),
        last_otp_step: None,
        verified_email: false,
    };
    let tenant = encode(&shared.settings.name);
    let label = format!("{tenant}:{}", encode(&account));
    let mut body = match kind {
        AuthenticatorKind::Otp => {
            let secret = authenticator.secret.clone().unwrap_or_default();
            json!({
                "authenticator_type": "otp",
                "secret": secret,
                "barcode_uri": format!(
                    "otpauth://totp/{label}?secret={secret}&issuer={tenant}&algorithm=SHA1&digits=6&period=30"
                ),
            })
        }
        _ => {
            let now = shared.now_ms();
            let oob_code = tokens::oob_code(now, now + OOB_TTL_MS);
            let (client_id, audience, scope) = match &who {
                Bearer::MfaToken { tx, .. } => {
                    (tx.client_id.clone(), tx.audience.clone(), tx.scope.clone())
                }
                Bearer::Access { client_id, .. } => {
                    (client_id.clone(), None, "openid profile email".to_string())
                }
            };
            let binding_code = match kind {
                AuthenticatorKind::Push => None,
                _ => {
                    let to = authenticator
                        .phone
                        .clone()
                        .or(authenticator.email.clone())
                        .unwrap_or_default();
                    Some(shared.send_code(st, kind, &to, user_ix))
                }
            };
            let channel = match kind {
                AuthenticatorKind::Push => "auth0",
                AuthenticatorKind::Sms => "sms",
                AuthenticatorKind::Voice => "voice",
                _ => "email",
            };
            let mut body = json!({
                "authenticator_type": "oob",
                "oob_channel": channel,
                "oob_code": oob_code,
            });
            if binding_code.is_some() {
                body["binding_method"] = json!("prompt");
            } else {
                body["barcode_uri"] = json!(format!(
                    "otpauth://totp/{label}?enrollment_tx_id={}&base_url={}",
                    tokens::random_alphanumeric(32),
                    encode(&shared.base_url)
                ));
            }
            st.oob_txs.insert(
                oob_code,
                OobTx {
                    mfa_token: token.clone(),
                    user: user_ix,
                    client_id,
                    audience,
                    scope,
                    suffix: authenticator.suffix.clone(),
                    channel: kind,
                    binding_code,
                    created_ms: now,
                    status: PushStatus::Pending,
                    polls: 0,
                    last_poll_ms: None,
                    push_rule: PushRule::Manual,
                },
            );
            body
        }
    };
    let user = &mut st.users[user_ix];
    let linked = linked_entry(&authenticator);
    user.authenticators.push(authenticator);
    user.authenticators.extend(linked);
    if first_factor {
        user.authenticators
            .retain(|a| a.kind != AuthenticatorKind::RecoveryCode || a.active);
        let code = tokens::recovery_code();
        user.authenticators.push(Authenticator {
            kind: AuthenticatorKind::RecoveryCode,
            suffix: format!("dev_{}", tokens::random_alphanumeric(16)),
            secret: None,
            phone: None,
            email: None,
            recovery_code: Some(code.clone()),
            active: false,
            push_rule: PushRule::Manual,
            name: None,
            secondary: false,
            enrolled_by: Some(token),
            last_otp_step: None,
            verified_email: false,
        });
        body["recovery_codes"] = json!([code]);
    }
    Ok(Reply::ok(body))
}

/// Percent-encoding for `otpauth://` URI parts (unreserved characters kept).
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
