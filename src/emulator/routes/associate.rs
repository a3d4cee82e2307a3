//! `POST /mfa/associate`: enrollment of otp, sms, voice, email and push authenticators,
//! left inactive until confirmed by the matching MFA grant.

use axum::http::StatusCode;
use serde_json::{Value, json};

use super::super::http::{ApiRequest, Reply};
use super::super::state::{
    Authenticator, MAX_PENDING_ENROLLMENTS, OOB_TTL_MS, OobTx, PushStatus, Shared, State, User,
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
    let who = enroller(shared, st, req)?;
    let user_ix = who.user();
    let kind = requested_kind(req)?;
    if !st.mgmt.kind_enabled(kind, false) {
        // No recording shows Auth0's words for this; the factor is simply not offered.
        return Err(Reply::error(
            StatusCode::FORBIDDEN,
            "access_denied",
            format!("The {kind} factor is not enabled for this tenant."),
        ));
    }
    check_pending(&st.users[user_ix])?;
    let (phone, email) = contact(req, kind, &st.users[user_ix])?;
    let token = who.token().to_string();
    let user = &st.users[user_ix];
    // Only the user's first associate ever answers with a recovery code (recorded: SMS,
    // then push, then OTP, and only the SMS answer had one); that code becomes active
    // with whichever enrollment is confirmed first.
    let first_factor = user.never_enrolled();
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
        backup_only: false,
        created_ms: shared.now_ms(),
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
        _ => start_oob_enrollment(shared, st, &req.base_url, &who, &authenticator, &label),
    };
    let user = &mut st.users[user_ix];
    let linked = linked_entry(&authenticator, shared.settings.voice);
    user.authenticators.push(authenticator);
    user.authenticators.extend(linked);
    if first_factor {
        body["recovery_codes"] = json!([issue_recovery_code(user, token, shared.now_ms())]);
    }
    Ok(Reply::ok(body))
}

/// Who enrolls: an mfa_token while the user has no active factor, else an MFA API
/// access token with `enroll`.
fn enroller(shared: &Shared, st: &State, req: &ApiRequest) -> Result<Bearer, Reply> {
    let who = bearer(shared, st, req)?;
    match &who {
        Bearer::MfaToken { .. } if st.users[who.user()].has_active_factor() => Err(Reply::error(
            StatusCode::FORBIDDEN,
            "access_denied",
            "User is already enrolled.",
        )),
        Bearer::MfaToken { .. } => Ok(who),
        Bearer::Access { .. } => who.require_scope("enroll").map(|()| who),
    }
}

/// The factor `authenticator_types` and `oob_channels` ask for.
fn requested_kind(req: &ApiRequest) -> Result<AuthenticatorKind, Reply> {
    let types = req
        .list_param("authenticator_types")
        .ok_or_else(|| missing("authenticator_types"))?;
    match types.first().map(String::as_str) {
        Some("otp") => Ok(AuthenticatorKind::Otp),
        Some("oob") => {
            let channels = req
                .list_param("oob_channels")
                .ok_or_else(|| missing("oob_channels"))?;
            match channels.first().map(String::as_str) {
                Some("sms") => Ok(AuthenticatorKind::Sms),
                Some("voice") => Ok(AuthenticatorKind::Voice),
                Some("email") => Ok(AuthenticatorKind::Email),
                Some("auth0") => Ok(AuthenticatorKind::Push),
                other => Err(invalid_request(format!(
                    "Invalid oob_channels: {}. Expected sms, voice, email or auth0.",
                    other.unwrap_or("")
                ))),
            }
        }
        other => Err(invalid_request(format!(
            "Invalid authenticator_types: {}. Expected otp or oob.",
            other.unwrap_or("")
        ))),
    }
}

/// About 50 unconfirmed enrollments block further ones, as at Auth0.
fn check_pending(user: &User) -> Result<(), Reply> {
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
    Ok(())
}

/// The phone number (sms, voice) or email address (email; the user's own by default)
/// the factor sends its codes to.
fn contact(
    req: &ApiRequest,
    kind: AuthenticatorKind,
    user: &User,
) -> Result<(Option<String>, Option<String>), Reply> {
    match kind {
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
            Ok((Some(phone), None))
        }
        AuthenticatorKind::Email => {
            let email = req.param("email").unwrap_or_else(|| user.email.clone());
            if !email.contains('@') {
                return Err(invalid_request("email is not a valid email address."));
            }
            Ok((None, Some(email)))
        }
        _ => Ok((None, None)),
    }
}

/// An OOB enrollment: the transaction its confirmation (mfa-oob) answers, the code sent
/// for sms, voice and email, and the answer's body.
fn start_oob_enrollment(
    shared: &Shared,
    st: &mut State,
    base: &str,
    who: &Bearer,
    authenticator: &Authenticator,
    label: &str,
) -> Value {
    let kind = authenticator.kind;
    let user_ix = who.user();
    let now = shared.now_ms();
    let oob_code = tokens::oob_code(now, now + OOB_TTL_MS);
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
            encode(base)
        ));
    }
    st.oob_txs.insert(
        oob_code,
        OobTx {
            mfa_token: who.token().to_string(),
            user: user_ix,
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

/// The user's recovery code, unconfirmed until one of their enrollments is.
fn issue_recovery_code(user: &mut User, enrolled_by: String, created_ms: u64) -> String {
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
        enrolled_by: Some(enrolled_by),
        last_otp_step: None,
        verified_email: false,
        backup_only: false,
        created_ms,
    });
    code
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
