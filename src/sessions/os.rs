//! The OS credential store (Secret Service on Linux, the Keychain on macOS,
//! Credential Manager on Windows), through the keyring crate.

/// How users know it.
#[cfg(target_os = "macos")]
pub const NAME: &str = "macOS Keychain";
#[cfg(windows)]
pub const NAME: &str = "Windows Credential Manager";
#[cfg(not(any(target_os = "macos", windows)))]
pub const NAME: &str = "Secret Service (the desktop keyring)";

/// The service every entry is filed under.
const SERVICE: &str = "auth0-mfa";

/// Whether a store can be expected to answer, given `DBUS_SESSION_BUS_ADDRESS`
/// and `XDG_RUNTIME_DIR` (read by `settings::Environment`). On Linux the
/// Secret Service lives on the session bus: a CI runner or an ssh session has
/// none, and then the file is the store, without a warning each time.
pub fn reachable(
    session_bus_address: Option<&std::ffi::OsStr>,
    xdg_runtime_dir: Option<&std::ffi::OsStr>,
) -> bool {
    if cfg!(any(target_os = "macos", windows)) {
        return true;
    }
    session_bus_address.is_some_and(|a| !a.is_empty())
        || xdg_runtime_dir.is_some_and(|dir| std::path::Path::new(&dir).join("bus").exists())
}

fn entry(name: &str) -> keyring::Result<keyring::Entry> {
    keyring::Entry::new(SERVICE, name)
}

pub fn set(name: &str, secret: &str) -> keyring::Result<()> {
    entry(name)?.set_password(secret)
}

pub fn get(name: &str) -> keyring::Result<String> {
    entry(name)?.get_password()
}

pub fn delete(name: &str) -> keyring::Result<()> {
    entry(name)?.delete_credential()
}
