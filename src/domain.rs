//! `Domain`: the tenant's address, normalised from what users type, with the
//! rule that plain HTTP is only for loopback (the local emulator).

use std::fmt;
use std::net::IpAddr;

use reqwest::Url;

/// The base URL of a tenant: scheme, host and port, no path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Domain {
    base: Url,
}

impl Domain {
    /// Accepts `tenant.us.auth0.com`, `login.example.com`, `https://host[:port][/]`
    /// and, for loopback hosts only, `http://...`.
    pub fn parse(input: &str) -> Result<Domain, String> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err("the domain is empty".into());
        }
        let with_scheme = if trimmed.contains("://") {
            trimmed.to_owned()
        } else {
            format!("https://{trimmed}")
        };
        let url = Url::parse(&with_scheme)
            .map_err(|e| format!("'{trimmed}' is not a valid domain or URL ({e})"))?;
        let host = url
            .host_str()
            .ok_or_else(|| format!("'{trimmed}' has no host name"))?
            .to_owned();
        match url.scheme() {
            "https" => {}
            "http" if is_loopback(&host) => {}
            "http" => {
                return Err(format!(
                    "refusing plain http:// for '{host}': Auth0 tenants are served over https; \
                     http:// is allowed only for loopback addresses such as the local emulator"
                ));
            }
            other => return Err(format!("unsupported scheme '{other}://' in '{trimmed}'")),
        }
        if url.path() != "/" || url.query().is_some() || url.fragment().is_some() {
            return Err(format!(
                "'{trimmed}' has a path; give only the tenant's domain, e.g. tenant.us.auth0.com"
            ));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err("the domain must not contain credentials".into());
        }
        Ok(Domain { base: url })
    }

    /// `https://tenant.us.auth0.com` (no trailing slash).
    pub fn base_url(&self) -> String {
        self.base.as_str().trim_end_matches('/').to_owned()
    }

    /// The URL of an endpoint path such as `/oauth/token`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_url(), path)
    }

    pub fn host(&self) -> &str {
        self.base.host_str().unwrap_or_default()
    }

    /// The host with its port when one is given: what `https://DOMAIN/` means in Auth0's docs.
    pub fn authority(&self) -> String {
        match self.base.port() {
            Some(port) => format!("{}:{port}", self.host()),
            None => self.host().to_owned(),
        }
    }

    /// A tenant on this machine (the local emulator): reached directly, never
    /// through a proxy, since plain `http://` is allowed only because the
    /// traffic never leaves the machine.
    pub fn is_loopback(&self) -> bool {
        is_loopback(self.host())
    }

    /// The audience of the MFA API, needed to enroll and manage authenticators.
    pub fn mfa_audience(&self) -> String {
        format!("https://{}/mfa/", self.authority())
    }
}

impl fmt::Display for Domain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.base_url())
    }
}

/// `localhost` or a loopback address, bracketed or not.
pub fn is_loopback(host: &str) -> bool {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    bare.eq_ignore_ascii_case("localhost")
        || bare.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_host_becomes_https() {
        let d = Domain::parse("tenant.us.auth0.com").unwrap();
        assert_eq!(d.base_url(), "https://tenant.us.auth0.com");
        assert_eq!(
            d.url("/oauth/token"),
            "https://tenant.us.auth0.com/oauth/token"
        );
        assert_eq!(d.mfa_audience(), "https://tenant.us.auth0.com/mfa/");
    }

    #[test]
    fn https_url_with_trailing_slash_and_port() {
        let d = Domain::parse("https://login.example.com:8443/").unwrap();
        assert_eq!(d.base_url(), "https://login.example.com:8443");
        assert_eq!(d.authority(), "login.example.com:8443");
    }

    #[test]
    fn http_only_for_loopback() {
        assert!(Domain::parse("http://127.0.0.1:3000").is_ok());
        assert!(Domain::parse("http://[::1]:3000").is_ok());
        assert!(
            Domain::parse("http://localhost:3000")
                .unwrap()
                .is_loopback()
        );
        assert!(Domain::parse("https://[::1]:3000").unwrap().is_loopback());
        assert!(
            !Domain::parse("https://tenant.auth0.com")
                .unwrap()
                .is_loopback()
        );
        let err = Domain::parse("http://tenant.auth0.com").unwrap_err();
        assert!(err.contains("http://"), "{err}");
    }

    #[test]
    fn paths_and_garbage_are_refused() {
        assert!(Domain::parse("https://tenant.auth0.com/oauth/token").is_err());
        assert!(Domain::parse("").is_err());
        assert!(Domain::parse("ftp://x").is_err());
        assert!(Domain::parse("https://user:pw@tenant.auth0.com").is_err());
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn any_domain_text_is_a_domain_or_an_error(input in "(https?://)?[ -~]{0,40}|\\PC{0,40}") {
                if let Ok(domain) = Domain::parse(&input) {
                    prop_assert!(domain.base_url().starts_with("http"));
                    let _ = domain.mfa_audience();
                }
            }
        }
    }
}
