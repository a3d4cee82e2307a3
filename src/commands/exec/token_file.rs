//! `exec --token-file`: the access token in a file only the user can read,
//! in a directory of its own, replaced whole when the token is refreshed,
//! so a command that outlives one token reads the next one from the file.

use std::path::{Path, PathBuf};

use crate::files::{self, Existing};

pub struct TokenFile {
    dir: PathBuf,
    path: PathBuf,
}

impl TokenFile {
    /// A new private directory under `base` (the runtime directory, which is
    /// memory and the user's own, else the state directory), holding `access-token`.
    pub fn create(token: &str, base: Option<&Path>) -> std::io::Result<TokenFile> {
        let base = base.ok_or_else(|| std::io::Error::other("no runtime or state directory"))?;
        files::ensure_private_dir(base)?;
        let dir = base.join(format!(
            "exec-{}-{:08x}",
            std::process::id(),
            rand::random::<u32>()
        ));
        files::create_private_dir(&dir)?;
        let file = TokenFile {
            path: dir.join("access-token"),
            dir,
        };
        file.write(token)?;
        Ok(file)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Replaces the token: a reader sees the old file or the new one.
    pub fn write(&self, token: &str) -> std::io::Result<()> {
        files::write_private(&self.path, token.as_bytes(), Existing::Replace)
    }

    /// Removes the file and its directory (the process then exits at once,
    /// so this is not left to a destructor).
    pub fn remove(&self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
