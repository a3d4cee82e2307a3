//! CA certificate files the client is told to trust (`--cacert`, `emulator --check
//! --ca-file`): trusted only when they are the user's own and nobody else can change
//! them, then read as PEM. A CA file is a key to every connection the client makes: one
//! that another local user could write would let them read and forge the tenant's
//! answers.

use std::io::Read;
use std::path::Path;

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, TrustAnchor};

use crate::error::Failure;
use crate::files::{self, Privacy};

/// More than any bundle of CA certificates; a bound on what a mistaken path costs.
const MAX_CA_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// The certificates in `path` as trust anchors, after checking who may write it. `what`
/// names where the path came from in errors (`--cacert (AUTH0_CACERT)`), `fix` is the
/// hint for a file that is not a PEM bundle. Each certificate is parsed once, here.
pub fn load(path: &Path, what: &str, fix: &str) -> Result<Vec<TrustAnchor<'static>>, Failure> {
    let shown = path.display();
    let unusable = |why: String| {
        Failure::usage_with_hint(
            format!("cannot use the CA file {shown} ({what}): {why}"),
            fix,
        )
    };
    let file = open(path).map_err(|e| unusable(e.to_string()))?;
    let meta = file.metadata().map_err(|e| unusable(e.to_string()))?;
    if !meta.is_file() {
        return Err(unusable("it is not a regular file".into()));
    }
    // Checked on the open file, so that nothing can swap the file between check and read.
    if let Some(why) = untrusted_owner_or_mode(path, &meta).or_else(|| untrusted_directory(path)) {
        return Err(Failure::usage_with_hint(
            format!("refusing to trust the CA file {shown} ({what}): {why}"),
            format!(
                "use a CA file that is yours and that only you can write (chmod go-w {shown}, or copy it to a directory of your own)"
            ),
        ));
    }
    let mut pem = Vec::new();
    file.take(MAX_CA_FILE_BYTES + 1)
        .read_to_end(&mut pem)
        .map_err(|e| unusable(e.to_string()))?;
    if pem.len() as u64 > MAX_CA_FILE_BYTES {
        return Err(unusable(format!(
            "it is larger than {} MiB",
            MAX_CA_FILE_BYTES / 1024 / 1024
        )));
    }
    let certs = CertificateDer::pem_slice_iter(&pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| unusable(e.to_string()))?;
    if certs.is_empty() {
        return Err(unusable("it holds no certificate".into()));
    }
    let mut store = rustls::RootCertStore::empty();
    for cert in certs {
        store
            .add(cert)
            .map_err(|e| unusable(format!("a certificate in it is unusable: {e}")))?;
    }
    Ok(store.roots)
}

/// Opens without blocking on a FIFO (reading one would wait for a writer forever).
fn open(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// Why a file's owner or mode makes it untrustworthy: owned by another user (root's
/// files are the system's, trusted as the system's own CA bundles are), or writable by
/// group or others: the one rule of `files::check_owned`.
fn untrusted_owner_or_mode(path: &Path, meta: &std::fs::Metadata) -> Option<String> {
    files::check_owned(path, meta, Privacy::NoOneElseWrites)
        .err()
        .map(|untrusted| format!("it {}", untrusted.why))
}

/// A directory others can write (without the sticky bit that stops them renaming what
/// is not theirs) lets them replace the file by another of their own.
#[cfg(unix)]
fn untrusted_directory(path: &Path) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mode = std::fs::metadata(dir).ok()?.mode() & 0o7777;
    (mode & 0o022 != 0 && mode & 0o1000 == 0).then(|| {
        format!(
            "its directory {} can be written by others (mode {mode:o}), who could replace it",
            dir.display()
        )
    })
}

#[cfg(not(unix))]
fn untrusted_directory(_path: &Path) -> Option<String> {
    None
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    const NOT_PEM: &str = "not a certificate\n";

    fn chmod(path: &Path, mode: u32) {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    }

    #[test]
    fn a_file_others_can_write_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ca.pem");
        std::fs::write(&path, NOT_PEM).unwrap();
        chmod(&path, 0o666);
        let err = load(&path, "--cacert", "fix").unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(err.to_string().contains("refusing to trust"), "{err}");
        chmod(&path, 0o644);
        // Past the owner check: now refused for what it holds.
        let err = load(&path, "--cacert", "fix").unwrap_err();
        assert!(!err.to_string().contains("refusing to trust"), "{err}");
    }

    #[test]
    fn a_directory_others_can_write_is_refused_unless_sticky() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ca.pem");
        std::fs::write(&path, NOT_PEM).unwrap();
        chmod(&path, 0o600);
        chmod(dir.path(), 0o777);
        let err = load(&path, "--ca-file", "fix").unwrap_err();
        assert!(err.to_string().contains("its directory"), "{err}");
        chmod(dir.path(), 0o1777);
        let err = load(&path, "--ca-file", "fix").unwrap_err();
        assert!(!err.to_string().contains("refusing to trust"), "{err}");
        chmod(dir.path(), 0o700);
    }

    #[test]
    fn a_fifo_or_a_device_is_not_waited_on() {
        let err = load(Path::new("/dev/null"), "--cacert", "fix").unwrap_err();
        assert_eq!(err.exit_code(), 2);
    }
}
