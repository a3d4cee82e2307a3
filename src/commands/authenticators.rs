//! `authenticators list` and `authenticators delete`.

use super::Context;
use crate::auth0::{Client, Error};
use crate::cli::AuthenticatorsAction;
use crate::error::Failure;
use crate::output::Report;
use crate::prompt::Prompter;
use crate::secret::Secret;

use super::MfaApi;

pub async fn run(action: &AuthenticatorsAction, ctx: &Context<'_>) -> Result<(), Failure> {
    let (settings, out, _no_input) = (&ctx.settings, ctx.out, ctx.no_input);
    let domain = settings.domain()?;
    match action {
        AuthenticatorsAction::List { all, .. } => {
            let token = super::mfa_api_token(settings, &domain, MfaApi::Read)?;
            let client = ctx.connect()?;
            let list = client.list_authenticators(&token).await?;
            out.result(Report::Authenticators {
                list: &list,
                all: *all,
            })?;
            Ok(())
        }
        AuthenticatorsAction::Delete { id, yes, .. } => {
            let token = super::mfa_api_token(settings, &domain, MfaApi::Remove)?;
            let client = ctx.connect()?;
            let (doomed, unlisted) = with_linked(&client, &token, id).await?;
            let mut what = doomed.join(" and its linked ");
            if let Some(partner) = &unlisted {
                what.push_str(&format!(" and its linked {partner}, if the user has one"));
            }
            if !yes {
                let mut prompter = ctx.prompter();
                if !prompter.can_prompt() {
                    return Err(Failure::usage_with_hint(
                        format!(
                            "deleting {what} needs confirmation, and there is no terminal to ask on"
                        ),
                        "pass --yes to delete without asking",
                    ));
                }
                if !prompter.confirm(&format!("Delete {what}?"))? {
                    return Err(Failure::usage_with_hint(
                        "nothing deleted",
                        "pass --yes to delete without asking",
                    ));
                }
            }
            client.delete_authenticator(&token, id).await?;
            if let Some(partner) = &unlisted {
                out.note(&format!(
                    "Auth0 deletes linked pairs together: {partner} went too, if the user had it (the token lacks read:authenticators, so the list could not say)"
                ));
            }
            out.result(Report::Deleted(&doomed))?;
            Ok(())
        }
    }
}

/// The id, and the linked one Auth0 deletes with it (push+totp, sms+voice share
/// the part after `|`), as listed. Listing needs read:authenticators; for a
/// token without it (401, 403) the documented partner comes back apart, as
/// one that goes too if it exists. A tenant that does not answer stops the
/// command before anything is deleted.
async fn with_linked(
    client: &Client,
    token: &Secret,
    id: &str,
) -> Result<(Vec<String>, Option<String>), Failure> {
    let mut ids = vec![id.to_owned()];
    let Some((prefix, suffix)) = id.split_once('|') else {
        return Ok((ids, None));
    };
    match client.list_authenticators(token).await {
        Ok(list) => ids.extend(list.into_iter().map(|a| a.id).filter(|other| {
            other != id && other.split_once('|').is_some_and(|(_, s)| s == suffix)
        })),
        Err(Error::Api(api)) if matches!(api.status, 401 | 403) => {
            return Ok((
                ids,
                linked_kind(prefix).map(|kind| format!("{kind}|{suffix}")),
            ));
        }
        Err(other) => return Err(other.into()),
    }
    Ok((ids, None))
}

/// The kind Auth0 pairs with an authenticator kind: enrolling SMS also makes
/// voice, enrolling push also makes totp, and a deletion takes both.
fn linked_kind(prefix: &str) -> Option<&'static str> {
    match prefix {
        "sms" => Some("voice"),
        "voice" => Some("sms"),
        "push" => Some("totp"),
        "totp" => Some("push"),
        _ => None,
    }
}
