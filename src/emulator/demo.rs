//! Credentials of the built-in demo tenant (`Tenant::demo()`), printed by the `demo` and
//! `emulator` commands and the README. They only ever work against the emulator.

/// The tenant's friendly name (the issuer in `otpauth://` URIs).
pub const TENANT_NAME: &str = "Auth0 MFA Emulator";

/// A confidential client with every grant enabled (client_secret_post or Basic) and
/// refresh-token rotation.
pub const CLIENT_ID: &str = "EmuDemoCliClient0000000000000001";
pub const CLIENT_SECRET: &str = "demo-client-secret-only-for-the-local-emulator";
/// A public client (native app): `client_id` alone, every grant enabled, refresh tokens
/// without rotation.
pub const PUBLIC_CLIENT_ID: &str = "EmuDemoPublicClient0000000000002";
/// A confidential client without the MFA grant types: MFA grants answer `unauthorized_client`.
pub const NO_MFA_CLIENT_ID: &str = "EmuDemoNoMfaGrantClient000000003";
pub const NO_MFA_CLIENT_SECRET: &str = "demo-no-mfa-client-secret";

/// A machine-to-machine application of the Management API (client-credentials grant for
/// `BASE_URL/api/v2/`), granted [`MGMT_SCOPES`].
pub const MGMT_CLIENT_ID: &str = "EmuDemoManagementM2MClient000005";
pub const MGMT_CLIENT_SECRET: &str = "demo-management-secret-only-for-the-local-emulator";
/// Every Management API scope `auth0-mfa` uses, and the emulator serves.
pub const MGMT_SCOPES: [&str; 18] = [
    "read:users",
    "create:users",
    "update:users",
    "delete:users",
    "read:authentication_methods",
    "create:authentication_methods",
    "delete:authentication_methods",
    "update:authentication_methods",
    "read:guardian_factors",
    "update:guardian_factors",
    "read:mfa_policies",
    "update:mfa_policies",
    "read:clients",
    "update:clients",
    "read:connections",
    "read:tenant_settings",
    "read:actions",
    "read:email_provider",
];

/// The database connection, the `realm` of the password-realm grant.
pub const REALM: &str = "Username-Password-Authentication";
/// Every demo user's password.
pub const PASSWORD: &str = "demo-Passw0rd";

/// TOTP (SHA1, 6 digits, 30 s) with [`OTP_SECRET`].
pub const OTP_USER: &str = "otp@example.com";
/// Base32 (20 bytes) TOTP secret of [`OTP_USER`] and of [`MULTI_USER`]'s otp authenticator.
pub const OTP_SECRET: &str = "JB6JGOFX3HV2SX7JTWRZ5BQOPI7J7SUP";
/// A user with TOTP and a secret of its own, and the variable the `emulator` banner
/// exports it as.
#[derive(Debug, Clone, Copy)]
pub struct OtpUser {
    pub username: &'static str,
    pub secret: &'static str,
    pub variable: &'static str,
}

/// More users with TOTP, each with a secret of its own. Auth0 accepts the code of a
/// 30 s step once, and the tool never sends one twice (it waits for the next step),
/// so each of the README's examples that sends a code has a user of its own and
/// none waits for another's step.
pub const MORE_OTP_USERS: [OtpUser; 3] = [
    OtpUser {
        username: "otp2@example.com",
        secret: "SJOL3XNPCSXIZB2GV4LMB67KICHBCQ45",
        variable: "SECRET2",
    },
    OtpUser {
        username: "otp3@example.com",
        secret: "WBMX4J4ZONA2UTPFOD74C6N4PKKP6RMO",
        variable: "SECRET3",
    },
    OtpUser {
        username: "otp4@example.com",
        secret: "B7KG2WKST7SZTPEOGJ6ZMANTLKHVNT3U",
        variable: "SECRET4",
    },
];
/// Guardian push, approved automatically on the second mfa-oob poll.
pub const PUSH_USER: &str = "push@example.com";
/// Guardian push, rejected on the first poll.
pub const PUSH_REJECT_USER: &str = "push-reject@example.com";
/// SMS (with the linked voice entry); codes land in the emulator's outbox.
pub const SMS_USER: &str = "sms@example.com";
pub const SMS_PHONE: &str = "+15555550100";
/// Email codes, sent to the user's own (verified) address, which cannot be deleted.
pub const EMAIL_USER: &str = "email@example.com";
/// otp ([`OTP_SECRET`]), push (manual: approve or reject via the control API), sms
/// ([`MULTI_PHONE`]), email and a recovery code ([`MULTI_RECOVERY_CODE`]).
pub const MULTI_USER: &str = "multi@example.com";
pub const MULTI_PHONE: &str = "+15555550101";
pub const MULTI_RECOVERY_CODE: &str = "LD8WL7SJD6XBQD1NN9HYVTSK";
/// An otp authenticator whose secret is "lost", plus [`RECOVERY_CODE`].
pub const RECOVERY_USER: &str = "recovery@example.com";
/// Recovery code of [`RECOVERY_USER`]; rotated on use (each emulator starts afresh).
pub const RECOVERY_CODE: &str = "2HUACVF7A56GG4ESUR9V8XHI";
/// The "lost phone" secret of [`RECOVERY_USER`]'s otp authenticator (for tests only).
pub const RECOVERY_USER_LOST_OTP_SECRET: &str = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";
/// No factor enrolled: login answers `mfa_required` with `enroll` requirements.
pub const NEW_USER: &str = "new@example.com";
/// More users with no factor, so that each of the README's first enrollments
/// (`enroll` with an mfa_token, a test user set up in two commands, a CI
/// job's first login) has its own and none undoes another.
pub const MORE_NEW_USERS: [&str; 3] = ["enroll@example.com", "setup@example.com", "ci@example.com"];

/// A confidential client that authenticates with private_key_jwt: sign assertions (RS256,
/// RS384 or PS256; `aud` = the emulator's base URL with a trailing slash) with
/// [`JWT_CLIENT_PRIVATE_KEY_PEM`].
pub const JWT_CLIENT_ID: &str = "EmuDemoPrivateKeyJwtClient000004";
/// A TEST KEY, public in this repository (PKCS#8 PEM, RSA 2048), for [`JWT_CLIENT_ID`].
pub const JWT_CLIENT_PRIVATE_KEY_PEM: &str = "\
-----BEGIN PRIVATE KEY-----\n\
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCg5Zb73xsxgyMK\n\
P1Z6nJmhfefPT+lKvy2MGZz+EUdqLp9oQ6Imeabi8QwEdCV92as/zsQlGdPdNh/e\n\
3xwm2t4ClhO8sEQ/4s8ZkB2DTEIzo61Yru2UaL65+FS4wI7tpow0sSI6n7VQPQno\n\
ajIj39TmSFpJ+rGkPc78EcHY5ckuNL0m5s9I6Qr0Ym/TfyZrCGJpzMbRDn5VqUv7\n\
da/PFxY3vugtNLn4N5To/XnkxhXMqE2zZqqzCqVCbTGz8eyUmtznmtYxR3RHvY4W\n\
UdFadszk43UEK7omPpjARSvM/n13Ktud/Hau2HZVk8FS9b/D/gV1UedtgM/UNZNf\n\
wcbdFg01AgMBAAECggEANQ4P/+T9WBHIe6gQEaVS6ZQVXOCaannpAIIvqP20oVhX\n\
Wy+2J97Ef6ABmPRdqoacuBErz5oZKSAgWUMTyuIwBAVN49Hx52kYZnMFsFZ0nAeU\n\
cSJZmC8D+VngQf3JA6eAIx3nzhH83UULX9aoyviTgQ4Jq8xdSG3TM359f9KhyLi4\n\
WeS3WEPqTVVXtYhUbnx+XkEkqRUrkKhyLcOyhZYJ8SkngJVtCcGDCmlNI8blwReY\n\
02Pr89BZ17t0C6+w7Y398Z6DPEKgzwlskfkV0qGx+7PaAQbcfhNbumvatx6dJHiz\n\
iSazK/KGDjrPqSziho0i6K17x0Y2WIOUncFme3PBfwKBgQDSW7qofHZrOawJR8Hr\n\
hAtYMwEIwC+8025fRnXhDrrH6JIgqNOmaJYX2goP3CmS6xnRaZG3I1pIDBvR4vUy\n\
tbAXWbzIetIldHAflYuW1s4vK42FjiVG8xpfaLyUwxjRSKTb/MkIxIEPKQe/4C0Z\n\
ftEZNrRbSvDyZ6t2sncgq9xWNwKBgQDDzoq41mU4I2OH3U4UIFSRBQfBeZLnUs9k\n\
xssl+gziKHLrC/DZ20kJQHy1tiNwGWaczltpkDfpQvpTbfsN7YAlIIvWZOfJqVjF\n\
5JNpR7SSyQolxt1R9FdZHyauL60m2lpVcc1IWAEarMPBMgC9BXokXh8StyXLKRm+\n\
jkQ4STYB8wKBgEkzrpLvLO5HVXytQehJPQFmTlfTOUmGcgQpqt+0ln72idNfrLdd\n\
8c0/DP1T6gu8UHG1QQXwAXzM6elyB02sOCkIC0/gnbx29oWnLrpA6eM0Tr1JJ+O2\n\
uVi2Q9mowrwhgW0kXHj2mMrDxnSY+FjE7tLNXJngTFSuitZ1aEswQy6lAoGBAJTP\n\
ULA/CDgM9SSZdTBojbyVFRreGV5Cmimdx2B6U/ZBBW1K6uW2+R/V6bFz1iTouQps\n\
7h4hI8zcQUDMseMY363XuU7b6yhg0n27RKjbfQmdTl/9bdBOIWAzA4OX6kE/6y1K\n\
ytezQkuSh0c5iEQfeH9RJM5lcIyhFNa0anZYdXovAoGADAYUFy3CmS+8h4vN4uNS\n\
WLSC+jOuz++9+pM7e1F1M44EiMjXH1DBITr4P+3+beDHSXKUlrdeOS+U/+ON+2IS\n\
4+HHYrZu83wFSdZ8MjENwwb4wCirywClLg+7BaERi2ZBJENSSRGhM5u/VZIzzGTe\n\
uDt9DiWtIY+m4jCsGiDt0Gk=\n\
-----END PRIVATE KEY-----\n\
";
