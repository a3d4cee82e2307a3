//! HTTPS for the emulator: a throwaway CA and a loopback server certificate generated at
//! start, the rustls acceptor that serves it, and the CA file handed to clients.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use anyhow::Context;
use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair,
    KeyUsagePurpose, SanType, date_time_ymd,
};
use rustls::ServerConfig;
use rustls::pki_types::{PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio_rustls::TlsAcceptor;

/// What a client needs to trust a TLS emulator.
#[derive(Debug, Clone)]
pub struct TlsFiles {
    /// The CA certificate, PEM; the same text as the file written at start.
    pub ca_cert_pem: String,
    /// Where that PEM was written.
    pub ca_file: PathBuf,
}

/// Certificates are fresh per start, so a week outlives any run that matters; the hour
/// of backdating absorbs clock skew between the emulator and a client on another host.
const LIFETIME: Duration = Duration::from_secs(7 * 24 * 3600);
const BACKDATE: Duration = Duration::from_secs(3600);

/// Generates the CA and a server certificate for loopback (plus `bound`, when the
/// emulator listens on a specific non-loopback address, and every name in `names`),
/// writes the CA to `ca_file` and returns the acceptor. The CA's private key is dropped
/// here, never written: trusting the CA file lets nothing else be signed with it.
pub fn setup(
    bound: IpAddr,
    ca_file: &Path,
    names: &[String],
) -> anyhow::Result<(TlsAcceptor, TlsFiles)> {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .context("the system clock is before 1970")?;
    // rcgen takes `time` dates; building them from the epoch avoids depending on `time`.
    let not_before = date_time_ymd(1970, 1, 1) + now.saturating_sub(BACKDATE);
    let not_after = date_time_ymd(1970, 1, 1) + now + LIFETIME;

    // ECDSA P-256 (rcgen's default): generating an RSA key would slow every test start.
    let ca_key = KeyPair::generate().context("cannot generate the CA key")?;
    let mut ca_params = CertificateParams::default();
    // A name of its own per start: a client still trusting an earlier run's CA then sees
    // the clear "unknown issuer" rather than a bad signature from a same-named CA.
    ca_params.distinguished_name.push(
        DnType::CommonName,
        format!("auth0-mfa emulator CA {:016x}", rand::random::<u64>()),
    );
    ca_params
        .distinguished_name
        .push(DnType::OrganizationName, "auth0-mfa emulator");
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
    ca_params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    ca_params.not_before = not_before;
    ca_params.not_after = not_after;
    let ca_cert = ca_params
        .self_signed(&ca_key)
        .context("cannot sign the CA certificate")?;
    let ca = Issuer::new(ca_params, ca_key);

    // webpki refuses a CA certificate used as the server's own, hence a separate leaf.
    let leaf_key = KeyPair::generate().context("cannot generate the server key")?;
    let mut leaf_params = CertificateParams::default();
    leaf_params
        .distinguished_name
        .push(DnType::CommonName, "auth0-mfa emulator");
    leaf_params.subject_alt_names = subject_alt_names(bound, names)?;
    leaf_params.is_ca = IsCa::ExplicitNoCa;
    leaf_params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    leaf_params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    leaf_params.use_authority_key_identifier_extension = true;
    leaf_params.not_before = not_before;
    leaf_params.not_after = not_after;
    let leaf_cert = leaf_params
        .signed_by(&leaf_key, &ca)
        .context("cannot sign the server certificate")?;

    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .context("no TLS protocol version available")?
        .with_no_client_auth()
        .with_single_cert(
            vec![leaf_cert.der().clone()],
            PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(leaf_key.serialize_der())),
        )
        .context("cannot use the generated server certificate")?;
    // Auth0 answers over HTTP/2; HTTP/1.1 for clients that do not offer it.
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];

    let ca_cert_pem = ca_cert.pem();
    write_ca_file(ca_file, &ca_cert_pem)?;
    let files = TlsFiles {
        ca_cert_pem,
        ca_file: ca_file.to_path_buf(),
    };
    Ok((TlsAcceptor::from(Arc::new(config)), files))
}

/// The CA certificate for clients to trust. A random temporary name created new,
/// then renamed: no other user can plant a link that makes this write their file, or
/// slip in a CA of their own; and a process watching for the file never reads half of
/// it. Readable by all, changed by the owner alone: a client in another container or
/// account may need to read it.
fn write_ca_file(ca_file: &Path, pem: &str) -> anyhow::Result<()> {
    crate::whole_file::write_with_mode(
        ca_file,
        pem.as_bytes(),
        crate::whole_file::Existing::Replace,
        0o644,
    )
    .with_context(|| format!("cannot write the CA certificate to {}", ca_file.display()))
}

/// 127.0.0.1, ::1 and localhost, whatever the emulator is bound to (an unspecified bind
/// is reached through loopback), plus the bound address itself when it is specific, plus
/// the extra names: IP addresses as such, anything else as a DNS name (`*.` allowed).
fn subject_alt_names(bound: IpAddr, extra: &[String]) -> anyhow::Result<Vec<SanType>> {
    let mut ips = vec![
        IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(Ipv6Addr::LOCALHOST),
    ];
    if !bound.is_unspecified() && !ips.contains(&bound) {
        ips.push(bound);
    }
    let mut dns = vec!["localhost".to_string()];
    for name in extra {
        let name = name.trim().trim_end_matches('.');
        match name.parse::<IpAddr>() {
            Ok(ip) if !ips.contains(&ip) => ips.push(ip),
            Ok(_) => {}
            Err(_) => {
                let lower = name.to_ascii_lowercase();
                if !dns.contains(&lower) {
                    dns.push(lower);
                }
            }
        }
    }
    let mut names: Vec<SanType> = ips.into_iter().map(SanType::IpAddress).collect();
    for name in dns {
        let valid = !name.is_empty()
            && name
                .split('.')
                .enumerate()
                .all(|(i, label)| dns_label(label) || (i == 0 && label == "*"));
        if !valid {
            anyhow::bail!("{name:?} is not a DNS name or an IP address for the certificate");
        }
        names.push(SanType::DnsName(name.as_str().try_into().with_context(
            || format!("{name:?} is not a DNS name for the certificate"),
        )?));
    }
    Ok(names)
}

/// A DNS label: letters, digits and inner hyphens, at most 63 (`_` too, as in compose
/// service names).
fn dns_label(label: &str) -> bool {
    (1..=63).contains(&label.len())
        && label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        && !label.starts_with('-')
        && !label.ends_with('-')
}
