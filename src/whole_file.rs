//! Writing a file whole, with its mode from the first byte and never through
//! a symlink: created new, or replacing the old one by a rename. A neutral
//! room at the bottom: the client's files (`files`) and the emulator's CA
//! certificate are written through it.

use std::io::Write;
use std::path::{Path, PathBuf};

/// What to do when the file is already there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Refuse: the file may hold something the user needs.
    Keep,
    /// Replace it whole (a link is replaced, never followed).
    Replace,
}

/// Writes `content` to `path` with `mode` from the first byte: to a new file
/// (`Keep`), or (with `Replace`) to a new temporary file beside `path` that
/// is then renamed over it: readers see the old file or the new one, never
/// half of one, and a symlink at `path` is replaced rather than followed.
pub fn write_with_mode(
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

pub fn parent_dir(path: &Path) -> PathBuf {
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
