//! The tenant's configuration as the Management API shows it, read and (for
//! `doctor --fix`) changed: the MFA factors and their providers, the policy,
//! an application's grant types and authentication, the connections, the
//! tenant settings, the post-login Actions, the email provider.

use reqwest::Method;
use serde_json::{Value, json};

use super::types::{
    Application, Binding, Bindings, Connection, ConnectionsPage, EmailProvider, FactorState,
    MessageTypes, Provider, Sns, TenantSettings, Twilio,
};
use super::{Client, Error};
use crate::auth0::encode_path_segment;

pub const READ_FACTORS: &str = "read:guardian_factors";
pub const UPDATE_FACTORS: &str = "update:guardian_factors";
pub const READ_POLICIES: &str = "read:mfa_policies";
pub const UPDATE_POLICIES: &str = "update:mfa_policies";
pub const READ_CLIENTS: &str = "read:clients";
pub const UPDATE_CLIENTS: &str = "update:clients";
pub const READ_CONNECTIONS: &str = "read:connections";
pub const READ_TENANT_SETTINGS: &str = "read:tenant_settings";
pub const READ_ACTIONS: &str = "read:actions";
pub const READ_EMAIL_PROVIDER: &str = "read:email_provider";

impl Client {
    /// `GET /guardian/factors`: the eight factors and whether each is enabled.
    pub async fn factors(&self) -> Result<Vec<FactorState>, Error> {
        self.get("/guardian/factors").await
    }

    /// `PUT /guardian/factors/{name}` `{"enabled": true}`.
    pub async fn enable_factor(&self, name: &str) -> Result<(), Error> {
        let path = format!("/guardian/factors/{}", encode_path_segment(name));
        let _: Value = self
            .call(Method::PUT, &path, Some(json!({"enabled": true})))
            .await?;
        Ok(())
    }

    /// `GET /guardian/policies`: a bare array (`[]`, `["all-applications"]`,
    /// `["confidence-score"]`).
    pub async fn policies(&self) -> Result<Vec<String>, Error> {
        self.get("/guardian/policies").await
    }

    /// `PUT /guardian/policies`: the whole array.
    pub async fn set_policies(&self, policies: &[String]) -> Result<(), Error> {
        let _: Value = self
            .call(Method::PUT, "/guardian/policies", Some(json!(policies)))
            .await?;
        Ok(())
    }

    /// `GET /guardian/factors/phone/message-types`.
    pub async fn phone_message_types(&self) -> Result<Vec<String>, Error> {
        let types: MessageTypes = self.get("/guardian/factors/phone/message-types").await?;
        Ok(types.message_types.unwrap_or_default())
    }

    /// `GET /guardian/factors/phone/selected-provider`: `auth0`, `twilio`,
    /// `phone-message-hook`.
    pub async fn phone_provider(&self) -> Result<String, Error> {
        let provider: Provider = self
            .get("/guardian/factors/phone/selected-provider")
            .await?;
        Ok(provider.provider.unwrap_or_default())
    }

    /// `GET /guardian/factors/phone/providers/twilio`: unset fields are null.
    pub async fn twilio(&self) -> Result<Twilio, Error> {
        self.get("/guardian/factors/phone/providers/twilio").await
    }

    /// `GET /guardian/factors/push-notification/selected-provider`:
    /// `guardian`, `sns`, `direct`.
    pub async fn push_provider(&self) -> Result<String, Error> {
        let provider: Provider = self
            .get("/guardian/factors/push-notification/selected-provider")
            .await?;
        Ok(provider.provider.unwrap_or_default())
    }

    /// `GET /guardian/factors/push-notification/providers/sns`.
    pub async fn sns(&self) -> Result<Sns, Error> {
        self.get("/guardian/factors/push-notification/providers/sns")
            .await
    }

    /// `GET /emails/provider`; a 404 is a tenant with none configured.
    pub async fn email_provider(&self) -> Result<Option<EmailProvider>, Error> {
        match self.get("/emails/provider?fields=name,enabled").await {
            Ok(provider) => Ok(Some(provider)),
            Err(Error::Api(api)) if api.status == 404 => Ok(None),
            Err(other) => Err(other),
        }
    }

    /// `GET /clients/{id}` with the fields the checks read.
    pub async fn application(&self, client_id: &str) -> Result<Application, Error> {
        let path = format!(
            "/clients/{}?fields=client_id,name,app_type,grant_types,token_endpoint_auth_method,client_authentication_methods&include_fields=true",
            encode_path_segment(client_id)
        );
        self.get(&path).await
    }

    /// `PATCH /clients/{id}` `{"grant_types": [...]}`: the array replaces the
    /// application's whole, so `grants` is every grant type it is to have.
    pub async fn set_grant_types(
        &self,
        client_id: &str,
        grants: &[String],
    ) -> Result<Application, Error> {
        let path = format!("/clients/{}", encode_path_segment(client_id));
        self.call(Method::PATCH, &path, Some(json!({"grant_types": grants})))
            .await
    }

    /// `GET /tenants/settings` with `default_directory`.
    pub async fn tenant_settings(&self) -> Result<TenantSettings, Error> {
        self.get("/tenants/settings?fields=default_directory,customize_mfa_in_postlogin_action&include_fields=true")
            .await
    }

    /// `GET /clients/{id}/connections`: the connections enabled for an
    /// application, every checkpoint page.
    pub async fn application_connections(&self, client_id: &str) -> Result<Vec<Connection>, Error> {
        let base = format!(
            "/clients/{}/connections?take=100",
            encode_path_segment(client_id)
        );
        self.checkpoint_pages(&base).await
    }

    /// `GET /connections?name=`: the connection of that name, if any.
    pub async fn connection_named(&self, name: &str) -> Result<Option<Connection>, Error> {
        let path = format!(
            "/connections?name={}&fields=id,name,strategy&include_fields=true",
            encode_path_segment(name)
        );
        let page: ConnectionsPage = self.get(&path).await?;
        Ok(page.into_parts().0.into_iter().find(|c| c.name == name))
    }

    /// `GET /actions/triggers/post-login/bindings`: the Actions a login runs,
    /// in order, with their deployed code.
    pub async fn post_login_actions(&self) -> Result<Vec<Binding>, Error> {
        let bindings: Bindings = self
            .get("/actions/triggers/post-login/bindings?per_page=50")
            .await?;
        Ok(bindings.bindings)
    }

    /// `DELETE /users/{id}/authentication-methods/{method}`: 204.
    pub async fn delete_authentication_method(
        &self,
        user_id: &str,
        method_id: &str,
    ) -> Result<(), Error> {
        let path = format!(
            "/users/{}/authentication-methods/{}",
            encode_path_segment(user_id),
            encode_path_segment(method_id)
        );
        self.call_empty(Method::DELETE, &path).await
    }

    /// Every page of a checkpoint-paged list (`next` names the following
    /// one), at most [`super::MAX_SEARCH_PAGES`].
    async fn checkpoint_pages(&self, base: &str) -> Result<Vec<Connection>, Error> {
        let mut all = Vec::new();
        let mut from: Option<String> = None;
        for _ in 0..super::MAX_SEARCH_PAGES {
            let path = match &from {
                None => base.to_owned(),
                Some(cursor) => format!("{base}&from={}", encode_path_segment(cursor)),
            };
            let (page, next) = self.get::<ConnectionsPage>(&path).await?.into_parts();
            all.extend(page);
            match next {
                Some(cursor) if !cursor.is_empty() => from = Some(cursor),
                _ => break,
            }
        }
        Ok(all)
    }
}
