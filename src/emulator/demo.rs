//! Credentials of the built-in demo tenant (`Tenant::demo()`), printed by the `demo` and
//! `emulator` commands and the README. They only ever work against the emulator.

/// The tenant's friendly name (the issuer in `otpauth://` URIs).
pub const TENANT_NAME: &str = "Auth0 MFA Emulator";

/// A confidential client with every grant enabled (client_secret_post or Basic).
pub const CLIENT_ID: &str = "EmuDemoCliClient0000000000000001";
pub const CLIENT_SECRET: &str = "demo-client-secret-only-for-the-local-emulator";
/// A public client (native app): `client_id` alone, every grant enabled.
pub const PUBLIC_CLIENT_ID: &str = "EmuDemoPublicClient0000000000002";
/// A confidential client without the MFA grant types: MFA grants answer `unauthorized_client`.
pub const NO_MFA_CLIENT_ID: &str = "EmuDemoNoMfaGrantClient000000003";
pub const NO_MFA_CLIENT_SECRET: &str = "demo-no-mfa-client-secret";

/// The database connection, the `realm` of the password-realm grant.
pub const REALM: &str = "Username-Password-Authentication";
/// Every demo user's password.
pub const PASSWORD: &str = "demo-Passw0rd";

/// TOTP (SHA1, 6 digits, 30 s) with [`OTP_SECRET`].
pub const OTP_USER: &str = "otp@example.com";
/// Base32 (20 bytes) TOTP secret of [`OTP_USER`] and of [`MULTI_USER`]'s otp authenticator.
pub const OTP_SECRET: &str = "JB6JGOFX3HV2SX7JTWRZ5BQOPI7J7SUP";
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
