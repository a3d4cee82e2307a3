//! Every setting users can give as a flag, an environment variable or a
//! profile key, and what each is called in each place.

/// Every setting users can give as a flag, an environment variable or a
/// profile key. Code names a key by its variant, so a misspelt key is a
/// compile error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Domain,
    ClientId,
    ClientSecret,
    Username,
    Password,
    Realm,
    Audience,
    Scope,
    MfaToken,
    OtpSecret,
    OtpCommand,
    Factor,
    ClientAssertionKey,
    ClientAssertionAlg,
    ClientAssertionKid,
    Cacert,
    MgmtDomain,
    MgmtClientId,
    MgmtClientSecret,
    MgmtClientAssertionKey,
    MgmtToken,
}

/// What users call a key in each place they can give it.
#[derive(Debug, Clone, Copy)]
pub struct KeyInfo {
    /// The profile key.
    pub name: &'static str,
    pub flag: &'static str,
    pub env: &'static str,
    pub secret: bool,
    pub default: Option<&'static str>,
    /// What a missing value is called in error messages.
    pub what: &'static str,
}

const fn plain(
    name: &'static str,
    flag: &'static str,
    env: &'static str,
    what: &'static str,
) -> KeyInfo {
    KeyInfo {
        name,
        flag,
        env,
        secret: false,
        default: None,
        what,
    }
}

const fn secret(
    name: &'static str,
    flag: &'static str,
    env: &'static str,
    what: &'static str,
) -> KeyInfo {
    KeyInfo {
        secret: true,
        ..plain(name, flag, env, what)
    }
}

/// Each key's names, in the order of the variants (see `Key::info`).
const INFO: [KeyInfo; 21] = [
    plain("domain", "--domain", "AUTH0_DOMAIN", "Auth0 domain"),
    plain(
        "client_id",
        "--client-id",
        "AUTH0_CLIENT_ID",
        "application client id",
    ),
    secret(
        "client_secret",
        "--client-secret",
        "AUTH0_CLIENT_SECRET",
        "client secret",
    ),
    plain("username", "--username", "AUTH0_USERNAME", "username"),
    secret("password", "--password", "AUTH0_PASSWORD", "password"),
    plain("realm", "--realm", "AUTH0_REALM", "realm (connection)"),
    plain("audience", "--audience", "AUTH0_AUDIENCE", "audience"),
    KeyInfo {
        default: Some("openid profile email"),
        ..plain("scope", "--scope", "AUTH0_SCOPE", "scope")
    },
    secret("mfa_token", "--mfa-token", "AUTH0_MFA_TOKEN", "mfa_token"),
    secret(
        "otp_secret",
        "--otp-secret",
        "AUTH0_OTP_SECRET",
        "OTP secret",
    ),
    plain(
        "otp_command",
        "--otp-command",
        "AUTH0_MFA_OTP_COMMAND",
        "OTP command",
    ),
    plain("factor", "--factor", "AUTH0_MFA_FACTOR", "factor"),
    plain(
        "client_assertion_key",
        "--client-assertion-key",
        "AUTH0_CLIENT_ASSERTION_KEY",
        "client assertion key",
    ),
    plain(
        "client_assertion_alg",
        "--client-assertion-alg",
        "AUTH0_CLIENT_ASSERTION_ALG",
        "client assertion algorithm",
    ),
    plain(
        "client_assertion_kid",
        "--client-assertion-kid",
        "AUTH0_CLIENT_ASSERTION_KID",
        "client assertion key id",
    ),
    plain("cacert", "--cacert", "AUTH0_CACERT", "CA certificate file"),
    plain(
        "mgmt_domain",
        "--mgmt-domain",
        "AUTH0_MGMT_DOMAIN",
        "Management API domain",
    ),
    plain(
        "mgmt_client_id",
        "--mgmt-client-id",
        "AUTH0_MGMT_CLIENT_ID",
        "Management API client id (a machine-to-machine application)",
    ),
    secret(
        "mgmt_client_secret",
        "--mgmt-client-secret",
        "AUTH0_MGMT_CLIENT_SECRET",
        "Management API client secret",
    ),
    plain(
        "mgmt_client_assertion_key",
        "--mgmt-client-assertion-key",
        "AUTH0_MGMT_CLIENT_ASSERTION_KEY",
        "Management API client assertion key",
    ),
    secret(
        "mgmt_token",
        "--mgmt-token",
        "AUTH0_MGMT_TOKEN",
        "Management API token",
    ),
];

impl Key {
    /// In the order `config show` lists them.
    pub const ALL: [Key; 21] = [
        Key::Domain,
        Key::ClientId,
        Key::ClientSecret,
        Key::Username,
        Key::Password,
        Key::Realm,
        Key::Audience,
        Key::Scope,
        Key::MfaToken,
        Key::OtpSecret,
        Key::OtpCommand,
        Key::Factor,
        Key::ClientAssertionKey,
        Key::ClientAssertionAlg,
        Key::ClientAssertionKid,
        Key::Cacert,
        Key::MgmtDomain,
        Key::MgmtClientId,
        Key::MgmtClientSecret,
        Key::MgmtClientAssertionKey,
        Key::MgmtToken,
    ];

    pub const fn info(self) -> KeyInfo {
        INFO[self as usize]
    }

    pub const fn name(self) -> &'static str {
        self.info().name
    }

    pub const fn is_secret(self) -> bool {
        self.info().secret
    }
}

/// The environment variables that hold secrets: kept from the commands the
/// tool runs for the user (`--otp-command`), which need none of them.
pub fn secret_variables() -> Vec<&'static str> {
    Key::ALL
        .iter()
        .filter(|key| key.is_secret())
        .map(|key| key.info().env)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_follows_the_variants() {
        for (i, key) in Key::ALL.iter().enumerate() {
            assert_eq!(*key as usize, i, "{key:?}");
        }
    }

    #[test]
    fn every_key_has_its_own_names() {
        for (i, a) in Key::ALL.iter().enumerate() {
            for b in &Key::ALL[i + 1..] {
                assert_ne!(a.name(), b.name());
                assert_ne!(a.info().env, b.info().env);
                assert_ne!(a.info().flag, b.info().flag);
            }
            assert!(a.info().env.starts_with("AUTH0_"), "{a:?}");
            assert!(a.info().flag.starts_with("--"), "{a:?}");
        }
    }
}
