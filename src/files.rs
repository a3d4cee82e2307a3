//! Files the tool writes for the user (a saved recovery code, the config
//! file, session and state files) and where state lives: readable by the
//! owner only from the first byte, created new or replaced whole, and never
//! written through a symlink.

use std::path::{Path, PathBuf};

use crate::error::Failure;
use crate::secret::Secret;
pub use crate::whole_file::Existing;
use crate::whole_file::{parent_dir, write_with_mode};

/// Checks, before anything is sent, that `path` can be written as asked, so
/// that a spent recovery code is not followed by a save that was bound to
/// fail. `flag` names the option in the error.
pub fn check_writable(path: &Path, existing: Existing, flag: &str) -> Result<(), Failure> {
    if existing == Existing::Keep && std::fs::symlink_metadata(path).is_ok() {
        return Err(Failure::usage_with_hint(
            format!("{} already exists ({flag})", path.display()),
            "name a new file, or add --overwrite to replace it",
        ));
    }
    let dir = parent_dir(path);
    match std::fs::metadata(&dir) {
        Ok(meta) if meta.is_dir() => Ok(()),
        _ => Err(Failure::usage_with_hint(
            format!("{} is not a directory ({flag})", dir.display()),
            "create the directory first, or name a file in an existing one",
        )),
    }
}

/// Writes a secret and a line break to a file only its owner can read.
pub fn save_secret(path: &Path, secret: &Secret, existing: Existing) -> std::io::Result<()> {
    write_private(path, format!("{}\n", secret.expose()).as_bytes(), existing)
}

/// Writes `content` to a new file of mode 0600, or (with `Replace`) to a new
/// temporary file beside `path` that is then renamed over it: readers see
/// the old file or the new one, never half of one, and a symlink at `path`
/// is replaced rather than followed.
pub fn write_private(path: &Path, content: &[u8], existing: Existing) -> std::io::Result<()> {
    write_with_mode(path, content, existing, 0o600)
}

/// Where the tool keeps state between runs (sessions, spent codes), given
/// `XDG_STATE_HOME` (read by `settings::Environment`): `$XDG_STATE_HOME/auth0-mfa`,
/// else the platform's state directory (`~/.local/state/auth0-mfa` on Linux),
/// else its local data directory.
pub fn state_dir(xdg_state_home: Option<std::ffi::OsString>) -> Option<PathBuf> {
    let base = xdg_state_home
        .filter(|dir| !dir.is_empty())
        .map(PathBuf::from)
        .filter(|dir| dir.is_absolute())
        .or_else(dirs::state_dir)
        .or_else(dirs::data_local_dir)?;
    Some(base.join("auth0-mfa"))
}

/// Where files that should not outlive the login session go (`exec`'s token
/// files), given `XDG_RUNTIME_DIR`: `$XDG_RUNTIME_DIR/auth0-mfa` when that is an
/// absolute directory (memory, the user's own).
pub fn runtime_dir(xdg_runtime_dir: Option<&std::ffi::OsStr>) -> Option<PathBuf> {
    xdg_runtime_dir
        .map(PathBuf::from)
        .filter(|dir| dir.is_absolute() && dir.is_dir())
        .map(|dir| dir.join("auth0-mfa"))
}

/// A place the tool will not use because someone else could have put
/// something there: a state or config directory, or a file in one, that is
/// not the user's own or that others can write (or, for a file that holds
/// secrets, read).
#[derive(Debug)]
pub struct Untrusted {
    pub path: PathBuf,
    pub why: String,
    /// The command that makes it trustworthy again.
    pub fix: String,
}

impl std::fmt::Display for Untrusted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.path.display(), self.why)
    }
}

impl std::error::Error for Untrusted {}

impl Untrusted {
    /// The usage error (exit 2) that refuses it, naming the fix.
    pub fn failure(&self, what: &str) -> Failure {
        Failure::usage_with_hint(
            format!("refusing {what}: {self}"),
            format!(
                "{}, or set XDG_STATE_HOME (XDG_CONFIG_HOME, --config) to a place of your own",
                self.fix
            ),
        )
    }

    /// For callers that report I/O errors: the same words.
    pub fn into_io(self) -> std::io::Error {
        std::io::Error::new(std::io::ErrorKind::PermissionDenied, self)
    }
}

/// What others may do to a file or directory before the tool stops trusting
/// it: change it (a directory where links can be planted, a ledger or lock
/// that can be swapped), or also read it (a file that holds tokens).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Privacy {
    NoOneElseWrites,
    OwnerOnly,
}

/// Refuses a directory or file that is not the user's own (root's is
/// accepted, as ssh does) or that others may use beyond `privacy`.
#[cfg(unix)]
pub fn check_owned(
    path: &Path,
    meta: &std::fs::Metadata,
    privacy: Privacy,
) -> Result<(), Untrusted> {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: geteuid has no preconditions and cannot fail.
    let me = unsafe { libc::geteuid() };
    let kind = if meta.is_dir() { "directory" } else { "file" };
    let private_mode = if meta.is_dir() { "700" } else { "600" };
    if meta.uid() != me && meta.uid() != 0 {
        return Err(Untrusted {
            path: path.to_owned(),
            why: format!(
                "is a {kind} of another user (uid {}, you are {me}): it may have been planted",
                meta.uid()
            ),
            fix: format!("remove it, or make it yours: chown {me} {}", path.display()),
        });
    }
    let forbidden = match privacy {
        Privacy::NoOneElseWrites => 0o022,
        Privacy::OwnerOnly => 0o077,
    };
    let mode = meta.mode() & 0o777;
    if mode & forbidden != 0 {
        let what = if mode & 0o022 != 0 {
            "writable"
        } else {
            "readable"
        };
        return Err(Untrusted {
            path: path.to_owned(),
            why: format!("is a {kind} {what} by others (mode {mode:o})"),
            fix: format!("chmod {private_mode} {}", path.display()),
        });
    }
    Ok(())
}

#[cfg(not(unix))]
pub fn check_owned(_: &Path, _: &std::fs::Metadata, _: Privacy) -> Result<(), Untrusted> {
    Ok(())
}

/// The tool's own directory (state, config): created private when missing;
/// an existing one must pass [`check_private_dir`].
pub fn ensure_private_dir(dir: &Path) -> std::io::Result<()> {
    match std::fs::metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => create_private_dir(dir),
        _ => check_private_dir(dir),
    }
}

/// An existing directory of the tool's must be the user's and writable by no
/// one else, since whoever can write there can plant links the tool would
/// write through and files it would trust. A missing one passes.
pub fn check_private_dir(dir: &Path) -> std::io::Result<()> {
    match std::fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => {
            check_owned(dir, &meta, Privacy::NoOneElseWrites).map_err(Untrusted::into_io)
        }
        Ok(_) => Err(std::io::Error::other(format!(
            "{} is not a directory",
            dir.display()
        ))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// The refusal inside an I/O error, when that is what it is.
pub fn untrusted(error: &std::io::Error) -> Option<&Untrusted> {
    error.get_ref()?.downcast_ref::<Untrusted>()
}

/// Opens (creating, mode 0600) a file of the tool's own directory for
/// reading and writing, never through a symlink, and only when it is the
/// user's own and no one else can write it: the ledger of spent codes and
/// the session lock.
pub fn open_private(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    let file = options.open(path).map_err(|e| refused_link(path, e))?;
    check_owned(path, &file.metadata()?, Privacy::NoOneElseWrites).map_err(Untrusted::into_io)?;
    Ok(file)
}

/// Reads a file that holds secrets, never through a symlink, and only when
/// no one but the user can read or write it. `Ok(None)` when it is missing.
pub fn read_private(path: &Path) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW);
    }
    let mut file = match options.open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(refused_link(path, e)),
    };
    check_owned(path, &file.metadata()?, Privacy::OwnerOnly).map_err(Untrusted::into_io)?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    Ok(Some(bytes))
}

/// `O_NOFOLLOW` on a symlink fails with ELOOP: say what that means.
fn refused_link(path: &Path, error: std::io::Error) -> std::io::Error {
    #[cfg(unix)]
    if error.raw_os_error() == Some(libc::ELOOP) {
        return Untrusted {
            path: path.to_owned(),
            why: "is a symbolic link, which the tool never writes or reads through".into(),
            fix: format!("remove it (rm {})", path.display()),
        }
        .into_io();
    }
    let _ = path;
    error
}

/// Creates a directory (and its parents) that only the owner can enter.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    fn mode(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn a_new_file_is_private_and_an_existing_one_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("code.txt");
        save_secret(&path, &Secret::new("ABC"), Existing::Keep).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "ABC\n");
        #[cfg(unix)]
        assert_eq!(mode(&path), 0o600);
        let again = save_secret(&path, &Secret::new("DEF"), Existing::Keep).unwrap_err();
        assert_eq!(again.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "ABC\n");
        assert!(check_writable(&path, Existing::Keep, "--save-recovery-code").is_err());
        assert!(check_writable(&path, Existing::Replace, "--save-recovery-code").is_ok());
        save_secret(&path, &Secret::new("DEF"), Existing::Replace).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "DEF\n");
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
    }

    #[cfg(unix)]
    #[test]
    fn links_are_never_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target.txt");
        std::fs::write(&target, "precious").unwrap();
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert!(save_secret(&link, &Secret::new("X"), Existing::Keep).is_err());
        let dangling = dir.path().join("dangling.txt");
        std::os::unix::fs::symlink(dir.path().join("nowhere"), &dangling).unwrap();
        assert!(save_secret(&dangling, &Secret::new("X"), Existing::Keep).is_err());
        assert!(!dir.path().join("nowhere").exists());
        save_secret(&link, &Secret::new("X"), Existing::Replace).unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "precious");
        assert!(!std::fs::symlink_metadata(&link).unwrap().is_symlink());
        assert_eq!(mode(&link), 0o600);
    }

    #[test]
    fn a_missing_directory_is_found_before_anything_is_sent() {
        let err = check_writable(
            Path::new("/nonexistent-dir/code.txt"),
            Existing::Keep,
            "--save-recovery-code",
        )
        .unwrap_err();
        assert_eq!(err.exit_code(), 2);
    }
}
