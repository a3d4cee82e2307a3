//! Files the tool writes for the user (a saved recovery code, the config
//! file, session and state files) and where state lives: readable by the
//! owner only from the first byte, created new or replaced whole, and never
//! written through a symlink.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::Failure;
use crate::secret::Secret;

/// What to do when the file is already there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Refuse: the file may hold something the user needs.
    Keep,
    /// Replace it whole (a link is replaced, never followed).
    Replace,
}

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

/// Like [`write_private`] with `Replace`, but readable by all: for what is public yet
/// must be the owner's alone to change (the emulator's CA certificate, which a client
/// in another container or account may need to read).
pub fn write_public(path: &Path, content: &[u8]) -> std::io::Result<()> {
    write_with_mode(path, content, Existing::Replace, 0o644)
}

fn write_with_mode(
    path: &Path,
    content: &[u8],
    existing: Existing,
    mode: u32,
) -> std::io::Result<()> {
    match existing {
        Existing::Keep => write_new(path, content, mode),
        Existing::Replace => {
            let temporary = temporary_beside(path);
            let written = write_new(&temporary, content, mode)
                .and_then(|()| std::fs::rename(&temporary, path));
            if written.is_err() {
                let _ = std::fs::remove_file(&temporary);
            }
            written
        }
    }
}

/// Creates `path`, which must not exist (`O_EXCL`: a symlink there, even a
/// dangling one, counts as existing), with its mode (0600 for secrets) from the start.
fn write_new(path: &Path, content: &[u8], mode: u32) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(mode);
    }
    #[cfg(not(unix))]
    let _ = mode;
    let mut file = options.open(path)?;
    file.write_all(content)?;
    file.sync_all()
}

fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn temporary_beside(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let unique: u32 = rand::random();
    parent_dir(path).join(format!(".{name}.{}.{unique:08x}.tmp", std::process::id()))
}

/// Where the tool keeps state between runs (sessions, spent codes):
/// `$XDG_STATE_HOME/auth0-mfa`, else the platform's state directory
/// (`~/.local/state/auth0-mfa` on Linux), else its local data directory.
pub fn state_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_STATE_HOME")
        .filter(|dir| !dir.is_empty())
        .map(PathBuf::from)
        .filter(|dir| dir.is_absolute())
        .or_else(dirs::state_dir)
        .or_else(dirs::data_local_dir)?;
    Some(base.join("auth0-mfa"))
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
