//! `doctor --fix`: the failures the Management API can set right, as a plan
//! of changes (what, where, before -> after), and applying it. Only what the
//! checks found is planned; the tenant-wide policy only when asked by name.

use super::tenant::{Reading, missing_grants, short_grant, user_factors_disabled};
use crate::check::{Applied, Change, Outcome};
use crate::management::{self, UPDATE_CLIENTS, UPDATE_FACTORS, UPDATE_POLICIES};

/// The factors that are enabled when none this tool can answer is.
const FIRST_FACTOR: &str = "otp";

/// One change of the plan, and the call that makes it.
#[derive(Debug, Clone)]
pub struct Step {
    pub change: Change,
    action: Action,
}

#[derive(Debug, Clone)]
enum Action {
    /// The application's whole grant_types array (PATCH replaces it).
    Grants {
        client_id: String,
        grants: Vec<String>,
    },
    EnableFactor(String),
    Unblock(String),
    DeleteMethod {
        user_id: String,
        method_id: String,
    },
    Policies(Vec<String>),
}

/// The changes that set right what `reading` shows broken; `policy` is the
/// policy asked for by name (`--fix-policy`), if any.
pub fn plan(reading: &Reading, policy: Option<&str>) -> Vec<Step> {
    let mut plan = Vec::new();
    grants_change(reading, &mut plan);
    factor_changes(reading, &mut plan);
    user_changes(reading, &mut plan);
    if let (Some(wanted), Ok(current)) = (policy, &reading.policies)
        && current.as_slice() != [wanted]
    {
        plan.push(Step {
            change: Change {
                change: "set the tenant's MFA policy".into(),
                place: "PUT /api/v2/guardian/policies".into(),
                before: list(current),
                after: list(&[wanted.to_owned()]),
                scope: UPDATE_POLICIES,
            },
            action: Action::Policies(vec![wanted.to_owned()]),
        });
    }
    plan
}

fn list(items: &[String]) -> String {
    format!("[{}]", items.join(", "))
}

/// The grant types missing, added to the ones the application has.
fn grants_change(reading: &Reading, plan: &mut Vec<Step>) {
    let Ok(application) = &reading.application else {
        return;
    };
    let before = application.grant_types.clone().unwrap_or_default();
    let (needed, sessions) = missing_grants(&before);
    if needed.is_empty() && sessions.is_empty() {
        return;
    }
    let mut after = before.clone();
    after.extend(needed.iter().chain(&sessions).map(|g| (*g).to_owned()));
    let short = |v: &[String]| {
        let names: Vec<String> = v.iter().map(|g| short_grant(g).to_owned()).collect();
        list(&names)
    };
    let added: Vec<&str> = needed
        .iter()
        .chain(&sessions)
        .map(|g| short_grant(g))
        .collect();
    plan.push(Step {
        change: Change {
            change: format!(
                "add the grant types {} to the application {}",
                added.join(", "),
                application.client_id
            ),
            place: format!(
                "PATCH /api/v2/clients/{} grant_types",
                application.client_id
            ),
            before: short(&before),
            after: short(&after),
            scope: UPDATE_CLIENTS,
        },
        action: Action::Grants {
            client_id: application.client_id.clone(),
            grants: after,
        },
    });
}

/// Enables the disabled factors the user has, or a first one when none
/// this tool can answer is enabled.
fn factor_changes(reading: &Reading, plan: &mut Vec<Step>) {
    let Ok(factors) = &reading.factors else {
        return;
    };
    let mut wanted: Vec<&str> = user_factors_disabled(reading);
    let usable = ["otp", "sms", "push-notification", "email", "recovery-code"];
    if !factors
        .iter()
        .any(|f| f.enabled && usable.contains(&f.name.as_str()))
        && wanted.is_empty()
    {
        wanted.push(FIRST_FACTOR);
    }
    for factor in wanted {
        plan.push(Step {
            change: Change {
                change: format!("enable the {factor} factor"),
                place: format!("PUT /api/v2/guardian/factors/{factor}"),
                before: "disabled".into(),
                after: "enabled".into(),
                scope: UPDATE_FACTORS,
            },
            action: Action::EnableFactor(factor.to_owned()),
        });
    }
}

/// Unblocks the user, and deletes its pending enrollments.
fn user_changes(reading: &Reading, plan: &mut Vec<Step>) {
    let Some(user) = &reading.user else { return };
    let Ok(found) = &user.user else { return };
    let id = &found.user_id;
    if let Ok(blocks) = &user.blocks
        && !blocks.is_empty()
    {
        plan.push(Step {
            change: Change {
                change: format!("unblock {id} (brute-force protection)"),
                place: format!("DELETE /api/v2/user-blocks/{id}"),
                before: format!("blocked ({})", blocks.len()),
                after: "not blocked".into(),
                scope: management::UPDATE_USERS,
            },
            action: Action::Unblock(id.clone()),
        });
    }
    let Ok(methods) = &user.methods else { return };
    for method in methods.iter().filter(|m| m.is_pending()) {
        plan.push(Step {
            change: Change {
                change: format!("delete {id}'s pending {} enrollment", method.kind),
                place: format!(
                    "DELETE /api/v2/users/{id}/authentication-methods/{}",
                    method.id
                ),
                before: "pending (never confirmed)".into(),
                after: "deleted".into(),
                scope: management::DELETE_METHODS,
            },
            action: Action::DeleteMethod {
                user_id: id.clone(),
                method_id: method.id.clone(),
            },
        });
    }
}

/// The changes the token cannot make (it lacks their scope), to be said
/// before anything is changed.
pub fn not_allowed(mgmt: &management::Client, plan: &[Step]) -> Vec<Change> {
    plan.iter()
        .filter(|s| !allowed(mgmt, s))
        .map(|s| s.change.clone())
        .collect()
}

/// Whether the token has the scope `step` needs.
fn allowed(mgmt: &management::Client, step: &Step) -> bool {
    mgmt.lacks(&[step.change.scope]).is_empty()
}

/// Makes the changes the token may, one after another (a grant change is
/// read-modify-write of one array: never two at once), and says what came
/// of each; one the token may not make is not sent.
pub async fn apply(mgmt: &management::Client, plan: &[Step]) -> Vec<Applied> {
    let mut done = Vec::new();
    for step in plan {
        let (outcome, error) = if !allowed(mgmt, step) {
            let why = format!(
                "the Management API token lacks {}: grant it in {}",
                step.change.scope,
                management::GRANT_PLACE
            );
            (Outcome::NotAllowed, Some(why))
        } else {
            match run(mgmt, &step.action).await {
                Ok(()) => (Outcome::Applied, None),
                Err(error) => (Outcome::Failed, Some(error.to_string())),
            }
        };
        done.push(Applied {
            change: step.change.clone(),
            outcome,
            error,
        });
    }
    done
}

async fn run(mgmt: &management::Client, action: &Action) -> Result<(), management::Error> {
    match action {
        Action::Grants { client_id, grants } => {
            mgmt.set_grant_types(client_id, grants).await.map(|_| ())
        }
        Action::EnableFactor(name) => mgmt.enable_factor(name).await,
        Action::Unblock(id) => mgmt.unblock(&management::UserRef::Id(id.clone())).await,
        Action::DeleteMethod { user_id, method_id } => {
            mgmt.delete_authentication_method(user_id, method_id).await
        }
        Action::Policies(policies) => mgmt.set_policies(policies).await,
    }
}
