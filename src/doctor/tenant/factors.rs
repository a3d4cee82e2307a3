//! The MFA factors and what they need to work (the phone factor's message
//! types and Twilio credentials, the push factor's SNS or APNs settings, an
//! email provider for email codes), the tenant's MFA policy, and the
//! post-login Actions that change MFA beside it.

use super::{Read, Reading};
use crate::check::Check;
use crate::doctor::failing::failed;
use crate::exit_code::ExitCode;

const FACTORS_PLACE: &str = "Dashboard > Security > Multi-factor Auth";

/// The factors this tool can answer (the rest need a browser).
const USABLE: [&str; 5] = ["otp", "sms", "push-notification", "email", "recovery-code"];

/// The enabled factors; a user's factor that is disabled is a failure (its
/// challenges are refused), as is none enabled at all.
pub fn factors_check(reading: &Reading) -> Check {
    let factors = match &reading.factors {
        Ok(factors) => factors,
        Err(error) => return failed("factors", "GET /api/v2/guardian/factors", error.clone()),
    };
    let enabled: Vec<&str> = factors
        .iter()
        .filter(|f| f.enabled)
        .map(|f| f.name.as_str())
        .collect();
    let read = format!(
        "enabled: {}",
        if enabled.is_empty() {
            "none".to_owned()
        } else {
            enabled.join(", ")
        }
    );
    let disabled_in_use = user_factors_disabled(reading);
    if !disabled_in_use.is_empty() {
        return Check::fail(
            "factors",
            format!(
                "{read}; the user has {} but the tenant has it disabled: its challenges are refused",
                disabled_in_use.join(", ")
            ),
            format!(
                "enable {} in {FACTORS_PLACE} (PUT /api/v2/guardian/factors/{{name}}), or run `auth0-mfa doctor --fix`",
                disabled_in_use.join(", ")
            ),
            ExitCode::EnrollmentNeeded,
        );
    }
    if !enabled.iter().any(|f| USABLE.contains(f)) {
        return Check::fail(
            "factors",
            format!(
                "{read}: no factor this tool can answer (otp, sms, push, email, recovery codes)"
            ),
            format!("enable One-time Password (otp) in {FACTORS_PLACE}"),
            ExitCode::EnrollmentNeeded,
        );
    }
    Check::pass("factors", read)
}

/// The factors of the user's confirmed methods that the tenant has disabled.
pub fn user_factors_disabled(reading: &Reading) -> Vec<&'static str> {
    let Some(Ok(methods)) = reading.user.as_ref().map(|u| &u.methods) else {
        return Vec::new();
    };
    let mut out: Vec<&'static str> = Vec::new();
    for method in methods.iter().filter(|m| !m.is_pending()) {
        if let Some(factor) = super::method_factor(&method.kind)
            && reading.factor_enabled(factor) == Some(false)
            && !out.contains(&factor)
        {
            out.push(factor);
        }
    }
    out
}

/// A read this check cannot do without, or the failure that says so.
fn need<'a, T>(read: &'a Read<T>, check: &'static str, what: &str) -> Result<&'a T, Check> {
    read.as_ref()
        .map_err(|error| failed(check, what.to_owned(), error.clone()))
}

/// SMS and voice: a message type, and a provider that can send.
pub fn phone_check(reading: &Reading) -> Check {
    if reading.factor_enabled("sms") != Some(true) {
        return Check::skip("phone", "the sms factor (SMS and voice) is disabled", None);
    }
    let inner = || -> Result<Check, Check> {
        let types = need(
            &reading.message_types,
            "phone",
            "GET /api/v2/guardian/factors/phone/message-types",
        )?;
        let provider = need(
            &reading.phone_provider,
            "phone",
            "GET /api/v2/guardian/factors/phone/selected-provider",
        )?;
        let read = format!("message_types [{}], provider {provider}", types.join(", "));
        if types.is_empty() {
            return Ok(Check::fail(
                "phone",
                format!(
                    "{read}: the sms factor is enabled with no message type, so no code can be sent"
                ),
                format!("pick SMS and/or Voice in {FACTORS_PLACE} > Phone Message (message_types)"),
                ExitCode::EnrollmentNeeded,
            ));
        }
        if provider == "twilio" {
            let twilio = need(
                &reading.twilio,
                "phone",
                "GET /api/v2/guardian/factors/phone/providers/twilio",
            )?;
            let mut unset = Vec::new();
            if twilio.sid.as_deref().is_none_or(str::is_empty) {
                unset.push("sid");
            }
            if !twilio.auth_token {
                unset.push("auth_token");
            }
            if twilio.from.as_deref().is_none_or(str::is_empty)
                && twilio
                    .messaging_service_sid
                    .as_deref()
                    .is_none_or(str::is_empty)
            {
                unset.push("from (or messaging_service_sid)");
            }
            if !unset.is_empty() {
                return Ok(Check::fail(
                    "phone",
                    format!(
                        "{read}: Twilio is selected but {} is not set, so no SMS or call goes out",
                        unset.join(", ")
                    ),
                    format!(
                        "fill in the Twilio SID, Auth Token and From in {FACTORS_PLACE} > Phone Message > Twilio"
                    ),
                    ExitCode::EnrollmentNeeded,
                ));
            }
        }
        Ok(Check::pass("phone", read))
    };
    inner().unwrap_or_else(|check| check)
}

/// Push: Auth0's Guardian sends itself; SNS and direct need settings.
pub fn push_check(reading: &Reading) -> Check {
    if reading.factor_enabled("push-notification") != Some(true) {
        return Check::skip("push", "the push-notification factor is disabled", None);
    }
    let provider = match &reading.push_provider {
        Ok(provider) => provider.as_str(),
        Err(error) => {
            return failed(
                "push",
                "GET /api/v2/guardian/factors/push-notification/selected-provider",
                error.clone(),
            );
        }
    };
    let place = format!("{FACTORS_PLACE} > Push Notification");
    match provider {
        "sns" => match &reading.sns {
            Err(error) => failed(
                "push",
                "GET /api/v2/guardian/factors/push-notification/providers/sns",
                error.clone(),
            ),
            Ok(sns)
                if sns.aws_access_key_id.as_deref().is_none_or(str::is_empty)
                    || (sns
                        .sns_apns_platform_application_arn
                        .as_deref()
                        .is_none_or(str::is_empty)
                        && sns
                            .sns_gcm_platform_application_arn
                            .as_deref()
                            .is_none_or(str::is_empty)) =>
            {
                Check::fail(
                    "push",
                    "provider sns, but its access key or platform application ARNs are not set: no push is delivered",
                    format!("fill in the Amazon SNS settings in {place}, or select Auth0 Guardian"),
                    ExitCode::EnrollmentNeeded,
                )
            }
            Ok(_) => Check::pass("push", "provider sns, access key and platform ARN set"),
        },
        "direct" => Check::warn(
            "push",
            "provider direct (APNs/FCM from your own app): delivery depends on credentials the API does not show",
            format!("check the APNs and FCM credentials in {place}"),
        ),
        other => Check::pass("push", format!("provider {other}")),
    }
}

/// Email codes need an email provider.
pub fn email_check(reading: &Reading) -> Check {
    if reading.factor_enabled("email") != Some(true) {
        return Check::skip("email", "the email factor is disabled", None);
    }
    let place = "Dashboard > Branding > Email Provider";
    match &reading.email_provider {
        Err(error) => failed("email", "GET /api/v2/emails/provider", error.clone()),
        Ok(None) => Check::fail(
            "email",
            "the email factor is enabled but the tenant has no email provider: no code is sent",
            format!("configure one in {place}"),
            ExitCode::EnrollmentNeeded,
        ),
        Ok(Some(provider)) if provider.enabled == Some(false) => Check::fail(
            "email",
            format!(
                "the email provider {} is disabled: no code is sent",
                provider.name.as_deref().unwrap_or("(unnamed)")
            ),
            format!("enable it in {place}"),
            ExitCode::EnrollmentNeeded,
        ),
        Ok(Some(provider)) => Check::pass(
            "email",
            format!(
                "email provider {}",
                provider.name.as_deref().unwrap_or("(unnamed)")
            ),
        ),
    }
}

/// What the policy means for a test login.
pub fn policy_check(reading: &Reading) -> Check {
    let policies = match &reading.policies {
        Ok(policies) => policies,
        Err(error) => return failed("policy", "GET /api/v2/guardian/policies", error.clone()),
    };
    let place =
        format!("{FACTORS_PLACE} > Require Multi-factor Auth (PUT /api/v2/guardian/policies)");
    let asking = mfa_actions(reading);
    if policies.iter().any(|p| p == "all-applications") {
        return Check::pass("policy", "[\"all-applications\"]: every login asks for MFA");
    }
    if policies.iter().any(|p| p == "confidence-score") {
        return Check::warn(
            "policy",
            "[\"confidence-score\"] (adaptive): only logins Auth0 finds risky ask for MFA, so a test login may get tokens without mfa_required",
            format!(
                "for tests, set Always in {place}, or `auth0-mfa doctor --fix --fix-policy all-applications`"
            ),
        );
    }
    if asking.is_empty() {
        return Check::warn(
            "policy",
            "[]: MFA only where a post-login Action asks for it, and none does: logins get tokens without MFA",
            format!(
                "set Always in {place}, or `auth0-mfa doctor --fix --fix-policy all-applications`"
            ),
        );
    }
    Check::pass(
        "policy",
        format!(
            "[]: MFA where a post-login Action asks ({})",
            asking.join(", ")
        ),
    )
}

/// The calls in a post-login Action's code that change MFA.
const MFA_CALLS: [&str; 5] = [
    "api.multifactor.enable",
    "api.authentication.challengeWithAny",
    "api.authentication.challengeWith",
    "api.authentication.enrollWithAny",
    "api.authentication.enrollWith",
];

/// The post-login Actions that change MFA, each with the first such call.
fn mfa_actions(reading: &Reading) -> Vec<String> {
    let Ok(bindings) = &reading.actions else {
        return Vec::new();
    };
    bindings
        .iter()
        .filter_map(|b| {
            let code = b.code();
            let call = MFA_CALLS.iter().find(|call| code.contains(*call))?;
            Some(format!("{} ({call})", b.name()))
        })
        .collect()
}

/// Names the post-login Actions that change MFA: the policy is not the
/// whole story then.
pub fn actions_check(reading: &Reading) -> Check {
    let bindings = match &reading.actions {
        Ok(bindings) => bindings,
        Err(error) => {
            return failed(
                "actions",
                "GET /api/v2/actions/triggers/post-login/bindings",
                error.clone(),
            );
        }
    };
    let asking = mfa_actions(reading);
    if asking.is_empty() {
        return Check::pass(
            "actions",
            format!("{} post-login Action(s), none changes MFA", bindings.len()),
        );
    }
    Check::pass(
        "actions",
        format!(
            "post-login Actions that change MFA beside the policy: {}",
            asking.join(", ")
        ),
    )
}
