#!/usr/bin/env bash
# tests/bench.sh: the whole-process performance budget of `auth0-mfa` (README.md,
# "Development": the budget and the last figures), measured side by side with curl
# against the local emulator.
#
# Usage: tests/bench.sh [--runs N] [--warmup N] [--no-build] [--tls|--no-tls]
#                       [--no-reference] [--no-hyperfine] [--logins N] [--login-clients N]
#                       [--latency-ms MS] [--latency-runs N] [--no-latency]
#
#   --runs N        timed runs per command (default 50)
#   --warmup N      untimed runs before them (default 3)
#   --no-build      use the existing target/release/auth0-mfa instead of running
#                   `cargo build --release --locked` (and the reference program only
#                   if an earlier run built it)
#   --tls           HTTPS: `emulator --tls`, its CA passed to every client (the default
#                   when the emulator has --tls); --no-tls: plain HTTP
#   --no-reference  skip the minimal reqwest program (see below)
#   --no-hyperfine  time with a bash loop even when hyperfine is installed
#   --logins N      full OTP logins for the throughput case (default 2000)
#   --login-clients N  concurrent clients in the throughput case (default 4)
#   --latency-ms MS one-way delay of the latency case's proxy (default 25: a 50 ms
#                   round trip)
#   --latency-runs N  timed runs per command in the latency case (default 10)
#   --no-latency    skip the latency case (it needs python3 for its proxy)
#
# Needs curl. Uses hyperfine, /usr/bin/time, jq and python3 when present; never installs
# anything. BENCH_KEEP_TMP=1 keeps the scratch directory (tenant, emulator log, proxy
# log, hyperfine output). BENCH_STATE_DIR=DIR puts the tool's state (the ledger of spent
# codes) in a fresh directory under DIR instead of under the state directory's place.
#
# What is measured (every number is the mean wall time of a whole process, start to exit):
#
#   start floor     `/bin/true`: what any process costs on this machine (fork+exec+exit).
#   --version       `auth0-mfa --version` vs `curl --version`: start-up alone.
#   1 request       POST /mfa/challenge {"challenge_type":"otp"}: `auth0-mfa challenge
#                   --type otp --json` vs one curl POST with the same JSON body. An otp
#                   challenge changes nothing on the server, so one mfa_token serves every run.
#   2 requests      the real challenge+verify, ending in tokens: POST /mfa/challenge, then
#                   the mfa-otp grant (POST /oauth/token, form body) on the same connection.
#                   auth0-mfa: `challenge --mfa-token - --type otp --verify --otp-secret S
#                   --json`, which computes the TOTP code itself; curl: one process doing the
#                   same two requests (`--next`), with the code computed beforehand. (The
#                   challenge is sent because `challenge` asks for it; a login with an OTP
#                   skips it, see the latency case.)
#   reqwest ref     the budget's yardstick, "a minimal reqwest program with ring and built-in
#                   roots": built from source written by this script (same reqwest, rustls
#                   and release profile as auth0-mfa, the crates come from Cargo.lock,
#                   offline) into target/bench-reference (under CARGO_TARGET_DIR), and run on
#                   every case (its --version prints a line). The 2-request budget is 1.5x
#                   its time; --version should stay within 0.5 ms of its --version.
#
# Why the 2-request case is built this way: the emulator, like Auth0, accepts each TOTP
# step once per user, so repeating a verify within 30 s would time the "code reused"
# error path instead (and every refused code drains the user's failed-code bucket of 10,
# after which it answers a fast 429). And auth0-mfa itself remembers the last step it
# spent per tenant and secret (its ledger of spent codes, under the state directory) and
# waits up to 30 s for the next step rather than send a spent code. Timing error paths
# or waits is not honest, so the script runs a throwaway tenant with pools of OTP users,
# each user with a TOTP secret of its own, and an untimed prepare step before every run
# takes the next unused user and logs it in (password grant; the mfa_token is written to
# a file, plus the user's secret for auth0-mfa and its current code for curl and the
# reference). Every timed auth0-mfa command has --no-otp-wait, so a wait would fail the
# run instead of being timed. Every timed run then makes exactly the requests claimed,
# with the same method, path, content type and fields on every side: the emulator's
# request log is checked after every timed batch, run by run. The token and the secret
# come from files, so this case runs under a shell (`sh -c`; hyperfine subtracts the
# shell's own start-up). The emulator's side of the work (it signs the tokens with
# RSA) is in every column alike; the report shows how much of the time it is.
#
# The ledger lives in a fresh directory on the filesystem users have it on (under
# $XDG_STATE_HOME, else ~/.local/state; BENCH_STATE_DIR to choose), removed on exit, one
# per case: a machine that has logged in before, with its own file. The tool syncs the
# file to disk for every code it computes, so that filesystem's fsync is in the figures.
#
#   peak memory     "Maximum resident set size" of the 2-request case (/usr/bin/time).
#   hand-off        `token` and `exec -- true` on one stored session (no request either
#                   way): what exec adds, budget 2 ms (it includes the execve of true).
#   push wait       `auth0-mfa login -u multi@example.com --factor push --interval 1
#                   --timeout 5` on a push nobody approves: wall, user and sys time. It
#                   should take 4 to 5 s of wall time (it stops before a poll that would
#                   land after the timeout) and almost no CPU (it sleeps between polls,
#                   never spins), then exit 9 (push timeout).
#   latency         what a real tenant costs, 20-150 ms away: a delay proxy (python3,
#                   written by this script) in front of the emulator holds every chunk of
#                   data --latency-ms in each direction (and a new connection's first bytes
#                   one round trip more, for the TCP handshake the local connect skips).
#                   Timed through it: `auth0-mfa login --otp-secret S` (the password grant,
#                   then the mfa-otp grant, on one connection) and `challenge --verify`,
#                   beside a curl script doing the same steps the way shell scripts around
#                   Auth0 do, one curl process per step (password grant, then mfa-otp; and
#                   challenge, then mfa-otp), with the code computed beforehand. Reported
#                   in ms and in round trips (the mean / the proxy's round trip), with the
#                   connections the proxy accepted and the requests the emulator received
#                   per run, against the protocol's floor: per connection a TCP handshake
#                   (1 round trip) and a TLS 1.3 one (1), then one per request; so an OTP
#                   login over HTTPS is 1 + 1 + 2 = 4.
#                   Also `doctor -u USER` with Management API access (an M2M application;
#                   its token cached, as on every run but a machine's first), and without
#                   it (with the user's password): requests and connections counted, every
#                   run checked. Its checks run at once, so its floor is the depth of its
#                   longest chain of dependent requests, on one connection: with Management
#                   access the discovery document (alone, while the connection comes up
#                   and agrees on HTTP/2), then the user's lookup by email, then its
#                   methods and blocks (the other reads go beside them): 1 + 1 + 3 = 5; the
#                   issue's target was about 6, under 0.35 s at 50 ms. Without it: the
#                   discovery, the login, its authenticators, a challenge: 1 + 1 + 4 = 6.
#   logins/s        what one emulator serves a CI fleet: full OTP logins (the password
#                   grant answering mfa_required, then the mfa-otp grant answering a token
#                   set with an ID token) by --login-clients concurrent clients, each a
#                   kept-alive connection of the reference program (`bench-reference
#                   logins`), --logins of them, each by a user of its own (a TOTP step is
#                   accepted once per user; these users share a secret, the reference
#                   program keeps no ledger). The same again through `auth0-mfa login`
#                   processes, as many in parallel (a new process and connection each), a
#                   tenth as many, each user with a secret of its own. Everything shares
#                   this machine's cores with the emulator.
#
# The throwaway tenant also lifts the per-client rate limit (100 requests a minute by
# default; a run makes hundreds), the Management API's (50 a second; the doctor runs
# follow each other closely, 15 reads each) and the minimum poll interval (so
# --interval 1 is not answered slow_down). It lives in a temporary directory, removed on exit.

set -euo pipefail

RUNS=50
WARMUP=3
BUILD=1
TLS=auto
REFERENCE=1
USE_HYPERFINE=1
LOGINS=2000
LOGIN_CLIENTS=4
LATENCY=1
LATENCY_MS=25
LATENCY_RUNS=10

usage() {
    sed -n '2,28p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

while [[ $# -gt 0 ]]; do
    case "$1" in
        --runs) RUNS="${2:?--runs needs a number}"; shift 2 ;;
        --runs=*) RUNS="${1#--runs=}"; shift ;;
        --warmup) WARMUP="${2:?--warmup needs a number}"; shift 2 ;;
        --warmup=*) WARMUP="${1#--warmup=}"; shift ;;
        --no-build) BUILD=0; shift ;;
        --tls) TLS=1; shift ;;
        --no-tls) TLS=0; shift ;;
        --no-reference) REFERENCE=0; shift ;;
        --no-hyperfine) USE_HYPERFINE=0; shift ;;
        --logins) LOGINS="${2:?--logins needs a number}"; shift 2 ;;
        --logins=*) LOGINS="${1#--logins=}"; shift ;;
        --login-clients) LOGIN_CLIENTS="${2:?--login-clients needs a number}"; shift 2 ;;
        --login-clients=*) LOGIN_CLIENTS="${1#--login-clients=}"; shift ;;
        --latency-ms) LATENCY_MS="${2:?--latency-ms needs a number}"; shift 2 ;;
        --latency-ms=*) LATENCY_MS="${1#--latency-ms=}"; shift ;;
        --latency-runs) LATENCY_RUNS="${2:?--latency-runs needs a number}"; shift 2 ;;
        --latency-runs=*) LATENCY_RUNS="${1#--latency-runs=}"; shift ;;
        --no-latency) LATENCY=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "bench.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
    esac
done
if ! [[ "$RUNS" =~ ^[1-9][0-9]*$ ]]; then
    echo "bench.sh: --runs wants a positive whole number, not '$RUNS'" >&2
    exit 2
fi
if ! [[ "$WARMUP" =~ ^[0-9]+$ ]]; then
    echo "bench.sh: --warmup wants a whole number, not '$WARMUP'" >&2
    exit 2
fi
for n in "$LOGINS" "$LOGIN_CLIENTS" "$LATENCY_MS" "$LATENCY_RUNS"; do
    if ! [[ "$n" =~ ^[1-9][0-9]*$ ]]; then
        echo "bench.sh: --logins, --login-clients, --latency-ms and --latency-runs want positive whole numbers, not '$n'" >&2
        exit 2
    fi
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$ROOT/$TARGET_DIR" ;; esac
BIN="$TARGET_DIR/release/auth0-mfa"

fail() { echo "bench.sh: $*" >&2; exit 1; }

command -v curl >/dev/null || fail "curl is required"
if [[ $USE_HYPERFINE == 1 ]] && ! command -v hyperfine >/dev/null; then
    USE_HYPERFINE=0
fi
PYTHON=""
if [[ $LATENCY == 1 ]]; then
    if command -v python3 >/dev/null && python3 -c 'import asyncio' 2>/dev/null; then
        PYTHON=python3
    else
        echo "bench.sh: python3 is not installed; the latency case (its delay proxy) is skipped" >&2
        LATENCY=0
    fi
fi
TIME_BIN=""
if [[ -x /usr/bin/time ]] && /usr/bin/time -f '%M' true >/dev/null 2>&1; then
    TIME_BIN=/usr/bin/time
fi

if [[ $BUILD == 1 ]]; then
    echo "building: cargo build --release --locked" >&2
    cargo build --release --locked >&2
fi
[[ -x "$BIN" ]] || fail "$BIN is missing; build it or drop --no-build"
if [[ $TLS == auto ]]; then
    if "$BIN" emulator --help 2>/dev/null | grep -q -- '--tls'; then TLS=1; else TLS=0; fi
fi

# The demo tenant's values (src/emulator/demo.rs), reused by the benchmark tenant.
CLIENT_ID="EmuDemoCliClient0000000000000001"
CLIENT_SECRET="demo-client-secret-only-for-the-local-emulator"
PASSWORD="demo-Passw0rd"
OTP_USER="otp@example.com"
OTP_SECRET="JB6JGOFX3HV2SX7JTWRZ5BQOPI7J7SUP"
MULTI_USER="multi@example.com"
GRANT_MFA_OTP="http://auth0.com/oauth/grant-type/mfa-otp"
# The demo tenant's M2M application for the Management API, with the doctor's read scopes.
MGMT_CLIENT_ID="EmuDemoManagementM2MClient000005"
MGMT_CLIENT_SECRET="demo-management-secret-only-for-the-local-emulator"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/auth0-mfa-bench.XXXXXX")"
EMU_PID=""
PROXY_PID=""
STATE_DIR=""
cleanup() {
    local pid
    for pid in "$PROXY_PID" "$EMU_PID"; do
        if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
            kill "$pid" 2>/dev/null || true
            wait "$pid" 2>/dev/null || true
        fi
    done
    [[ -z "$STATE_DIR" ]] || rm -rf "$STATE_DIR"
    if [[ -n "${BENCH_KEEP_TMP:-}" ]]; then
        echo "bench.sh: kept $TMP" >&2
    else
        rm -rf "$TMP"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Nothing from the caller's environment or config files may change what is measured.
while IFS= read -r var; do unset "$var"; done < <(compgen -e | grep '^AUTH0_' || true)
export XDG_CONFIG_HOME="$TMP/config"
mkdir -p "$XDG_CONFIG_HOME"
export NO_COLOR=1
# The tool's state (its ledger of spent codes): never the caller's own, but on the
# filesystem where the caller's is, since the tool syncs that file for every code.
STATE_BASE="${BENCH_STATE_DIR:-${XDG_STATE_HOME:-${HOME:-/nonexistent}/.local/state}}"
if [[ "$STATE_BASE" == /* ]] && mkdir -p "$STATE_BASE" 2>/dev/null \
    && STATE_DIR="$(mktemp -d "$STATE_BASE/auth0-mfa-bench.XXXXXX" 2>/dev/null)"; then
    :
else
    STATE_DIR="$TMP/state"
    mkdir -p "$STATE_DIR"
fi
STATE_FS="$(df -PT "$STATE_DIR" 2>/dev/null | awk 'NR == 2 { print $2 }')"
# One ledger per case, set before it runs: state_for CASE.
state_for() { export XDG_STATE_HOME="$STATE_DIR/$1"; }
state_for checks

# ---------------------------------------------------------------------------------------
# The reference program: a minimal reqwest client, built once and kept.

# Under the project's target directory, which `cargo clean` empties, not /tmp: a
# release build of it is about 200 MB.
REF_DIR="$TARGET_DIR/bench-reference"
REF_BIN=""
build_reference() {
    mkdir -p "$REF_DIR/src"
    # The same dependency lines and release profile as the project's Cargo.toml.
    cat > "$REF_DIR/Cargo.toml.new" <<'EOF'
[package]
name = "bench-reference"
version = "0.0.0"
edition = "2021"
publish = false

# A workspace of its own, though it sits under the project's directory.
[workspace]

[dependencies]
reqwest = { version = "0.13", default-features = false, features = ["rustls-no-provider", "http2", "json", "form"] }
rustls = { version = "0.23", default-features = false, features = ["ring", "std", "tls12"] }
serde_json = "1"
tokio = { version = "1", features = ["rt"] }
webpki-roots = "1"

[profile.release]
opt-level = "s"
lto = "fat"
codegen-units = 1
strip = "debuginfo"
EOF
    cat > "$REF_DIR/src/main.rs.new" <<'EOF'
//! The budget's yardstick: a minimal reqwest program (rustls with ring, built-in roots).
//! `bench-reference --version`: print a line, the start-up yardstick.
//! `bench-reference one|two BASE TOKEN_FILE [CODE_FILE] [CA_FILE]`: POST /mfa/challenge,
//! and for `two` the mfa-otp grant on the same connection; the client id and secret come
//! from AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET.
//! `bench-reference logins BASE COUNT CLIENTS CODE [CA_FILE]`: COUNT full OTP logins of
//! users bench-login-1@example.com.. (password AUTH0_PASSWORD), CLIENTS at a time, each
//! client a kept-alive connection; prints "N logins in S s".
//! Written by auth0-mfa's tests/bench.sh.
use std::sync::Arc;

use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--version") {
        println!("bench-reference {}", env!("CARGO_PKG_VERSION"));
        return;
    }
    if args.len() < 3 {
        eprintln!("usage: bench-reference --version | one|two BASE TOKEN_FILE [CODE_FILE] [CA_FILE] | logins BASE COUNT CLIENTS CODE [CA_FILE]");
        std::process::exit(2);
    }
    if args[0] == "logins" {
        logins(&args[1..]);
        return;
    }
    let two = args[0] == "two";
    let base = &args[1];
    let token = std::fs::read_to_string(&args[2]).expect("token file");
    let code = match two {
        true => std::fs::read_to_string(&args[3]).expect("code file"),
        false => String::new(),
    };
    let ca = args.get(if two { 4 } else { 3 });
    let id = std::env::var("AUTH0_CLIENT_ID").expect("AUTH0_CLIENT_ID");
    let secret = std::env::var("AUTH0_CLIENT_SECRET").expect("AUTH0_CLIENT_SECRET");
    let tls = tls_config(ca);

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let client = reqwest::Client::builder()
            .tls_backend_preconfigured(tls)
            .build()
            .expect("client");
        let challenge = client
            .post(format!("{base}/mfa/challenge"))
            .header("accept", "application/json")
            .json(&serde_json::json!({
                "client_id": id, "client_secret": secret,
                "mfa_token": token.trim(), "challenge_type": "otp",
            }))
            .send().await.expect("challenge")
            .error_for_status().expect("challenge status")
            .text().await.expect("challenge body");
        println!("{challenge}");
        if two {
            let tokens = client
                .post(format!("{base}/oauth/token"))
                .header("accept", "application/json")
                .form(&[
                    ("grant_type", "http://auth0.com/oauth/grant-type/mfa-otp"),
                    ("mfa_token", token.trim()),
                    ("otp", code.trim()),
                    ("client_id", &id),
                    ("client_secret", &secret),
                ])
                .send().await.expect("mfa-otp")
                .error_for_status().expect("mfa-otp status")
                .text().await.expect("mfa-otp body");
            println!("{tokens}");
        }
    });
}

fn tls_config(ca: Option<&String>) -> rustls::ClientConfig {
    let mut roots = rustls::RootCertStore { roots: webpki_roots::TLS_SERVER_ROOTS.to_vec() };
    if let Some(ca) = ca {
        for cert in CertificateDer::pem_file_iter(ca).expect("CA file") {
            roots.add(cert.expect("CA certificate")).expect("usable CA certificate");
        }
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut tls = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("TLS versions")
        .with_root_certificates(roots)
        .with_no_client_auth();
    tls.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    tls
}

/// CLIENTS tasks on one thread, each with its own connection, taking the next user
/// until COUNT logins are done; any answer but the expected one stops the run.
fn logins(args: &[String]) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let base = args[0].clone();
    let count: usize = args[1].parse().expect("COUNT");
    let clients: usize = args[2].parse().expect("CLIENTS");
    let code = args[3].clone();
    let tls = tls_config(args.get(4));
    let id = std::env::var("AUTH0_CLIENT_ID").expect("AUTH0_CLIENT_ID");
    let secret = std::env::var("AUTH0_CLIENT_SECRET").expect("AUTH0_CLIENT_SECRET");
    let password = std::env::var("AUTH0_PASSWORD").expect("AUTH0_PASSWORD");
    let next = Arc::new(AtomicUsize::new(1));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let started = std::time::Instant::now();
    runtime.block_on(async {
        let mut tasks = Vec::new();
        for _ in 0..clients {
            let client = reqwest::Client::builder()
                .tls_backend_preconfigured(tls.clone())
                .build()
                .expect("client");
            let (base, code, id, secret, password, next) =
                (base.clone(), code.clone(), id.clone(), secret.clone(), password.clone(), next.clone());
            tasks.push(tokio::spawn(async move {
                loop {
                    let n = next.fetch_add(1, Ordering::SeqCst);
                    if n > count {
                        break;
                    }
                    let user = format!("bench-login-{n}@example.com");
                    let answer: serde_json::Value = client
                        .post(format!("{base}/oauth/token"))
                        .form(&[
                            ("grant_type", "password"), ("username", &user), ("password", &password),
                            ("client_id", &id), ("client_secret", &secret),
                        ])
                        .send().await.expect("password grant")
                        .json().await.expect("password grant body");
                    let token = answer["mfa_token"].as_str().unwrap_or_else(|| panic!("{user}: {answer}")).to_owned();
                    let tokens: serde_json::Value = client
                        .post(format!("{base}/oauth/token"))
                        .form(&[
                            ("grant_type", "http://auth0.com/oauth/grant-type/mfa-otp"),
                            ("mfa_token", &token), ("otp", &code),
                            ("client_id", &id), ("client_secret", &secret),
                        ])
                        .send().await.expect("mfa-otp")
                        .json().await.expect("mfa-otp body");
                    assert!(tokens["id_token"].is_string(), "{user}: {tokens}");
                }
            }));
        }
        for task in tasks {
            task.await.expect("a login task failed");
        }
    });
    println!("{count} logins in {:.3} s", started.elapsed().as_secs_f64());
}
EOF
    # Rewrite the sources only when they changed, so cargo's cache holds between runs.
    local f
    for f in Cargo.toml src/main.rs; do
        if cmp -s "$REF_DIR/$f.new" "$REF_DIR/$f"; then rm "$REF_DIR/$f.new"; else mv "$REF_DIR/$f.new" "$REF_DIR/$f"; fi
    done
    # The project's lock file pins the same crate versions, all already downloaded.
    [[ -f "$REF_DIR/Cargo.lock" ]] || cp "$ROOT/Cargo.lock" "$REF_DIR/Cargo.lock"
    echo "building the reqwest reference program in $REF_DIR (offline)" >&2
    (cd "$REF_DIR" && CARGO_TARGET_DIR="$REF_DIR/target" cargo build --release --offline --quiet) >&2
}
if [[ $REFERENCE == 1 ]]; then
    if [[ $BUILD == 1 ]]; then
        build_reference || echo "bench.sh: the reference program did not build; going on without it" >&2
    fi
    if [[ -x "$REF_DIR/target/release/bench-reference" ]]; then
        REF_BIN="$REF_DIR/target/release/bench-reference"
    elif [[ $BUILD == 0 ]]; then
        echo "bench.sh: no reference program built yet (run once without --no-build); going on without it" >&2
    fi
fi

# ---------------------------------------------------------------------------------------
# The benchmark tenant: the demo's client, otp and multi users, plus pools of OTP users.
# A pool is a file of "username secret" lines, $TMP/pool/NAME, taken in order (pick.sh);
# every pool user has a TOTP secret of its own (a fixed prefix and the user's number in
# base32), since auth0-mfa spends one step per tenant and secret.

# The 2-request case: 3 sides x (warm-up + runs), peak memory (3 x 5), the emulator's
# share (5), the checks (3) and some to spare.
POOL_TWO=$((3 * (RUNS + WARMUP) + 30))
# The latency case, each of its two flows: 2 sides x (warm-up + runs), the checks.
POOL_LATENCY=$((2 * (LATENCY_RUNS + WARMUP) + 6))
CLI_LOGINS=$(( (LOGINS + 9) / 10 ))
mkdir -p "$TMP/pool"
SECRET_PREFIX="JB6JGOFX3HV2SX7JTWRZ5BQO"
B32=ABCDEFGHIJKLMNOPQRSTUVWXYZ234567
USER_NUMBER=0
# pool_users NAME COUNT: COUNT users of their own secrets, as tenant TOML on stdout and
# "username secret" lines in $TMP/pool/NAME.
pool_users() {
    local name="$1" count="$2" i n s user
    : > "$TMP/pool/$name"
    echo 0 > "$TMP/pool/$name.next"
    for ((i = 1; i <= count; i++)); do
        USER_NUMBER=$((USER_NUMBER + 1))
        n=$USER_NUMBER s=""
        while ((${#s} < 8)); do s="${B32:n % 32:1}$s"; n=$((n / 32)); done
        user="bench-$name-$i@example.com"
        printf '%s %s\n' "$user" "$SECRET_PREFIX$s" >> "$TMP/pool/$name"
        printf '\n[[users]]\nusername = "%s"\npassword = "%s"\n' "$user" "$PASSWORD"
        printf '[[users.authenticators]]\ntype = "otp"\nsecret = "%s"\n' "$SECRET_PREFIX$s"
    done
}
{
    cat <<EOF
# Generated by tests/bench.sh. Schema: src/emulator/example-tenant.toml.
[settings]
name = "auth0-mfa benchmark"
min_poll_interval_ms = 0
rate_limit = 100000000
rate_limit_window_seconds = 60
management_rate_limit = 100000
mfa_required = true

[[clients]]
client_id = "$CLIENT_ID"
client_secret = "$CLIENT_SECRET"
name = "Benchmark CLI"

[[clients]]
client_id = "$MGMT_CLIENT_ID"
client_secret = "$MGMT_CLIENT_SECRET"
name = "Benchmark Management API (M2M)"
grant_types = ["client_credentials"]
app_type = "non_interactive"
management_scopes = ["read:users", "read:authentication_methods", "read:guardian_factors", "read:mfa_policies", "read:clients", "read:connections", "read:tenant_settings", "read:actions", "read:email_provider"]

[[users]]
username = "$OTP_USER"
password = "$PASSWORD"
[[users.authenticators]]
type = "otp"
secret = "$OTP_SECRET"

[[users]]
username = "$MULTI_USER"
password = "$PASSWORD"
[[users.authenticators]]
type = "otp"
secret = "$OTP_SECRET"
[[users.authenticators]]
type = "push"
push_rule = "manual"
[[users.authenticators]]
type = "sms"
phone = "+15555550101"
[[users.authenticators]]
type = "email"
[[users.authenticators]]
type = "recovery-code"
recovery_code = "LD8WL7SJD6XBQD1NN9HYVTSK"
EOF
    pool_users two "$POOL_TWO"
    if [[ $LATENCY == 1 ]]; then
        pool_users lat-login "$POOL_LATENCY"
        pool_users lat-verify "$POOL_LATENCY"
    fi
    # The throughput case's users: the reference program's share one secret (it keeps
    # no ledger, and the emulator accepts a step once per user); the processes' do not.
    for ((i = 1; i <= LOGINS; i++)); do
        printf '\n[[users]]\nusername = "bench-login-%d@example.com"\npassword = "%s"\n' "$i" "$PASSWORD"
        printf '[[users.authenticators]]\ntype = "otp"\nsecret = "%s"\n' "$OTP_SECRET"
    done
    pool_users cli "$CLI_LOGINS"
} > "$TMP/tenant.toml"

# ---------------------------------------------------------------------------------------
# The emulator, in the background; its JSON banner (pretty-printed) ends with a line "}".

EMU_ARGS=(emulator --listen 127.0.0.1:0 --json --tenant "$TMP/tenant.toml")
[[ $TLS == 1 ]] && EMU_ARGS+=(--tls --ca-file "$TMP/ca.pem")
"$BIN" "${EMU_ARGS[@]}" > "$TMP/emulator.out" 2> "$TMP/emulator.err" &
EMU_PID=$!
for ((i = 0; ; i++)); do
    if grep -qx '}' "$TMP/emulator.out" 2>/dev/null; then break; fi
    if ! kill -0 "$EMU_PID" 2>/dev/null || ((i > 300)); then
        cat "$TMP/emulator.out" "$TMP/emulator.err" >&2
        fail "the emulator did not start"
    fi
    sleep 0.05
done
# A top-level field (two spaces in): the banner's "management" object has a client_id too.
banner_field() {
    sed -n "s/^  \"$1\": *\"\\([^\"]*\\)\".*/\\1/p" "$TMP/emulator.out" | head -n 1
}
BASE="$(banner_field base_url)"
[[ -n "$BASE" ]] || { cat "$TMP/emulator.out" >&2; fail "no base_url in the emulator's banner"; }
# A tenant file's banner leaves these null; the demo tenant's banner prints them.
CLIENT_ID="$(banner_field client_id)"; CLIENT_ID="${CLIENT_ID:-EmuDemoCliClient0000000000000001}"
CLIENT_SECRET="$(banner_field client_secret)"; CLIENT_SECRET="${CLIENT_SECRET:-demo-client-secret-only-for-the-local-emulator}"
PASSWORD="$(banner_field password)"; PASSWORD="${PASSWORD:-demo-Passw0rd}"

export AUTH0_DOMAIN="$BASE" AUTH0_CLIENT_ID="$CLIENT_ID" AUTH0_CLIENT_SECRET="$CLIENT_SECRET"
CURL="curl -q"
CURL_CA=""   # per transfer: repeated after --next
REF_CA=""
if [[ $TLS == 1 ]]; then
    CA_FILE="$(banner_field ca_file)"; CA_FILE="${CA_FILE:-$TMP/ca.pem}"
    [[ -f "$CA_FILE" ]] || fail "the emulator wrote no CA file ($CA_FILE)"
    [[ "$BASE" == https://* ]] || fail "emulator --tls answered with base_url $BASE"
    export AUTH0_CACERT="$CA_FILE"
    CURL_CA="--cacert $CA_FILE"
    CURL="curl -q $CURL_CA"
    REF_CA=" $CA_FILE"
fi

mfa_token_for() {
    "$BIN" login --mfa-token-only -u "$1" --password "$PASSWORD" </dev/null
}
requests_log() { $CURL -sS "$BASE/_emulator/requests"; }

# ---------------------------------------------------------------------------------------
# Commands. Every command is a string, run the same way by hyperfine and the bash loop.

# --fail-with-body: an HTTP error fails the run (hyperfine stops) instead of being timed.
C_HEADERS="--fail-with-body -H 'accept: application/json'"
A_FLOOR="/bin/true"
A_VERSION="'$BIN' --version"
C_VERSION="curl -q --version"

# 1 request. One mfa_token for every run (an otp challenge does not use it up); it lives
# 10 minutes, far longer than the runs take.
mkdir -p "$TMP/one"
TOKEN1="$(mfa_token_for "$OTP_USER")"
printf '%s' "$TOKEN1" > "$TMP/one/token"
printf '{"client_id":"%s","client_secret":"%s","mfa_token":"%s","challenge_type":"otp"}' \
    "$CLIENT_ID" "$CLIENT_SECRET" "$TOKEN1" > "$TMP/one/challenge.json"
A_ONE="'$BIN' challenge --mfa-token '$TOKEN1' --type otp --json"
C_ONE="$CURL -sS $C_HEADERS -H 'content-type: application/json' --data-binary @$TMP/one/challenge.json $BASE/mfa/challenge"
R_VERSION="${REF_BIN:+$REF_BIN --version}"
R_ONE="${REF_BIN:+$REF_BIN one $BASE $TMP/one/token$REF_CA}"

# prepare.sh POOL DIR [login] takes the next user of $TMP/pool/POOL and leaves in $TMP/DIR
# an env file for the run that follows (RUN_USER, RUN_SECRET: the user's own TOTP
# secret, RUN_CODE: its current code), the code alone in `code`, and with `login`, after
# the password grant straight to the emulator, the mfa_token in `token` (no newline) and
# the challenge's JSON body in challenge.json.
cat > "$TMP/prepare.sh" <<EOF
#!/usr/bin/env bash
set -euo pipefail
pool="$TMP/pool/\$1" dir="$TMP/\$2"
mkdir -p "\$dir"
n=\$(( \$(cat "\$pool.next") + 1 ))
line="\$(sed -n "\${n}p" "\$pool")"
[[ -n "\$line" ]] || { echo "bench.sh: the user pool \$1 is used up" >&2; exit 1; }
echo "\$n" > "\$pool.next"
user="\${line% *}" secret="\${line#* }"
if [[ "\${3:-}" == login ]]; then
    token=\$(AUTH0_DOMAIN='$BASE' '$BIN' login --mfa-token-only -u "\$user" --password '$PASSWORD' </dev/null)
    printf '%s' "\$token" > "\$dir/token"
    printf '{"client_id":"%s","client_secret":"%s","mfa_token":"%s","challenge_type":"otp"}' \\
        '$CLIENT_ID' '$CLIENT_SECRET' "\$token" > "\$dir/challenge.json"
fi
code="\$('$BIN' totp "\$secret")"
printf '%s' "\$code" > "\$dir/code"
printf "RUN_USER='%s' RUN_SECRET='%s' RUN_CODE='%s'\\n" "\$user" "\$secret" "\$code" > "\$dir/env"
EOF
chmod +x "$TMP/prepare.sh"

# 2 requests: each run a user of the pool "two", logged in by its prepare step.
P_A_TWO="$TMP/prepare.sh two auth0-mfa login"
P_C_TWO="$TMP/prepare.sh two curl login"
P_R_TWO="$TMP/prepare.sh two reference login"
A_TWO=". '$TMP/auth0-mfa/env'; '$BIN' challenge --mfa-token - --type otp --verify --otp-secret \"\$RUN_SECRET\" --no-otp-wait --json < $TMP/auth0-mfa/token"
curl_two() { # extra options for both transfers
    echo "$CURL -sS $1 $C_HEADERS -H 'content-type: application/json' --data-binary @$TMP/curl/challenge.json" \
        "$BASE/mfa/challenge --next $CURL_CA -sS $1 $C_HEADERS --data-urlencode grant_type=$GRANT_MFA_OTP" \
        "--data-urlencode mfa_token@$TMP/curl/token --data-urlencode otp@$TMP/curl/code" \
        "--data-urlencode client_id=$CLIENT_ID --data-urlencode client_secret=$CLIENT_SECRET $BASE/oauth/token"
}
C_TWO="$(curl_two "")"
R_TWO="${REF_BIN:+$REF_BIN two $BASE $TMP/reference/token $TMP/reference/code$REF_CA}"

# ---------------------------------------------------------------------------------------
# The latency case: the delay proxy in front of the emulator, and the commands through it.

PROXY_CONNECTIONS="$TMP/proxy-connections"
proxy_connections() { if [[ -f "$PROXY_CONNECTIONS" ]]; then wc -l < "$PROXY_CONNECTIONS"; else echo 0; fi; }
RTT_MS=$((2 * LATENCY_MS))
if [[ $LATENCY == 1 ]]; then
    cat > "$TMP/delay-proxy.py" <<'PROXY'
"""A delay proxy, written by auth0-mfa's tests/bench.sh: forwards TCP connections made
to 127.0.0.1:PORT to TARGET_HOST:TARGET_PORT, delivering every chunk of data DELAY_MS
after it arrived, in each direction, so a round trip costs 2 x DELAY_MS. The client's
TCP handshake with this proxy is local (its connect returns at once), so a connection's
first bytes from the client are held one round trip more, where a real handshake would
have delayed them. Prints the port it listens on, then appends a line to LOG_FILE for
every connection it accepts.

usage: python3 delay-proxy.py TARGET_HOST TARGET_PORT DELAY_MS LOG_FILE
"""
import asyncio
import socket
import sys


def nodelay(writer):
    sock = writer.get_extra_info("socket")
    if sock is not None:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


async def pump(reader, writer, delay, not_before):
    """Copies reader to writer, each chunk `delay` seconds after it arrived (and not
    before not_before + delay), in order; the end of the stream is passed on alike."""
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue()

    async def deliver():
        while True:
            due, data = await queue.get()
            # The loop wakes up to 1 ms late (epoll's timeout is in whole milliseconds,
            # rounded up), so aim half a millisecond early: right on average.
            wait = due - loop.time() - 0.0005
            if wait > 0:
                await asyncio.sleep(wait)
            try:
                if not data:
                    if writer.can_write_eof():
                        writer.write_eof()
                    return
                writer.write(data)
                await writer.drain()
            except OSError:
                return

    delivering = asyncio.ensure_future(deliver())
    while True:
        try:
            data = await reader.read(1 << 16)
        except OSError:
            data = b""
        queue.put_nowait((max(loop.time(), not_before) + delay, data))
        if not data:
            break
    await delivering


async def main():
    host, port, delay_ms, log_path = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
    delay = delay_ms / 1000
    log = open(log_path, "a", buffering=1)
    count = 0

    async def connection(client_reader, client_writer):
        nonlocal count
        accepted = asyncio.get_running_loop().time()
        count += 1
        log.write(f"connection {count}\n")
        try:
            server_reader, server_writer = await asyncio.open_connection(host, port)
        except OSError:
            client_writer.close()
            return
        nodelay(client_writer)
        nodelay(server_writer)
        try:
            await asyncio.gather(
                # Client to server: the first bytes also wait out the TCP handshake.
                pump(client_reader, server_writer, delay, accepted + 2 * delay),
                pump(server_reader, client_writer, delay, 0),
            )
        finally:
            for writer in (client_writer, server_writer):
                try:
                    writer.close()
                except OSError:
                    pass

    server = await asyncio.start_server(connection, "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
PROXY
    EMU_HOSTPORT="${BASE#*://}"
    EMU_HOSTPORT="${EMU_HOSTPORT%%/*}"
    "$PYTHON" "$TMP/delay-proxy.py" "${EMU_HOSTPORT%:*}" "${EMU_HOSTPORT##*:}" "$LATENCY_MS" \
        "$PROXY_CONNECTIONS" > "$TMP/proxy.out" 2> "$TMP/proxy.err" &
    PROXY_PID=$!
    for ((i = 0; ; i++)); do
        PROXY_PORT="$(head -n 1 "$TMP/proxy.out" 2>/dev/null || true)"
        [[ -z "$PROXY_PORT" ]] || break
        if ! kill -0 "$PROXY_PID" 2>/dev/null || ((i > 200)); then
            cat "$TMP/proxy.err" >&2
            fail "the delay proxy did not start"
        fi
        sleep 0.05
    done
    PBASE="${BASE%%://*}://127.0.0.1:$PROXY_PORT"

    # auth0-mfa: a login with an OTP (pool lat-login), and challenge --verify (pool
    # lat-verify, logged in beforehand straight to the emulator), through the proxy.
    P_A_LOGIN="$TMP/prepare.sh lat-login lat-auth0-mfa-login"
    A_LOGIN=". '$TMP/lat-auth0-mfa-login/env'; '$BIN' --domain '$PBASE' login -u \"\$RUN_USER\" --password '$PASSWORD' --otp-secret \"\$RUN_SECRET\" --no-otp-wait --json"
    P_A_VERIFY="$TMP/prepare.sh lat-verify lat-auth0-mfa-verify login"
    A_VERIFY=". '$TMP/lat-auth0-mfa-verify/env'; '$BIN' --domain '$PBASE' challenge --mfa-token - --type otp --verify --otp-secret \"\$RUN_SECRET\" --no-otp-wait --json < '$TMP/lat-auth0-mfa-verify/token'"

    # curl, the way shell scripts around Auth0 do it: one curl process per step, the
    # code computed beforehand (by the prepare step; a script would run oathtool or the
    # like, one more process). Sourced by the timing shell, so no shell of its own.
    cat > "$TMP/lat-curl-login.sh" <<EOF
# An OTP login with curl: the password grant, answered 403 mfa_required...
. '$TMP/lat-curl-login/env'
bench_answer="\$($CURL -sS -H 'accept: application/json' --data-urlencode grant_type=password \\
    --data-urlencode "username=\$RUN_USER" --data-urlencode 'password=$PASSWORD' \\
    --data-urlencode 'scope=openid profile email' --data-urlencode client_id=$CLIENT_ID \\
    --data-urlencode client_secret=$CLIENT_SECRET $PBASE/oauth/token)" || return 1
# ...its mfa_token, cut out by the shell itself (no jq process)...
case "\$bench_answer" in
    *'"mfa_token":"'*) ;;
    *) echo "no mfa_token in: \$bench_answer" >&2; return 1 ;;
esac
bench_token="\${bench_answer#*\\"mfa_token\\":\\"}"
bench_token="\${bench_token%%\\"*}"
# ...then the mfa-otp grant.
$CURL -sS $C_HEADERS --data-urlencode grant_type=$GRANT_MFA_OTP \\
    --data-urlencode "mfa_token=\$bench_token" --data-urlencode "otp=\$RUN_CODE" \\
    --data-urlencode client_id=$CLIENT_ID --data-urlencode client_secret=$CLIENT_SECRET $PBASE/oauth/token
EOF
    cat > "$TMP/lat-curl-verify.sh" <<EOF
# A challenge and its verify with curl, the mfa_token from a login beforehand: the
# challenge...
. '$TMP/lat-curl-verify/env'
bench_answer="\$($CURL -sS $C_HEADERS -H 'content-type: application/json' \\
    --data-binary @$TMP/lat-curl-verify/challenge.json $PBASE/mfa/challenge)" || return 1
case "\$bench_answer" in
    *'"challenge_type":"otp"'*) ;;
    *) echo "not an otp challenge: \$bench_answer" >&2; return 1 ;;
esac
# ...then the mfa-otp grant.
$CURL -sS $C_HEADERS --data-urlencode grant_type=$GRANT_MFA_OTP \\
    --data-urlencode mfa_token@$TMP/lat-curl-verify/token --data-urlencode "otp=\$RUN_CODE" \\
    --data-urlencode client_id=$CLIENT_ID --data-urlencode client_secret=$CLIENT_SECRET $PBASE/oauth/token
EOF
    P_C_LOGIN="$TMP/prepare.sh lat-login lat-curl-login"
    C_LOGIN=". '$TMP/lat-curl-login.sh'"
    P_C_VERIFY="$TMP/prepare.sh lat-verify lat-curl-verify login"
    C_VERIFY=". '$TMP/lat-curl-verify.sh'"

    # doctor -u USER: with Management access (no password needed; the token in the
    # file store, cached by the checks below), and without it (the user's password).
    A_DOCTOR="AUTH0_MGMT_CLIENT_ID='$MGMT_CLIENT_ID' AUTH0_MGMT_CLIENT_SECRET='$MGMT_CLIENT_SECRET' AUTH0_MFA_STORE=file '$BIN' --domain '$PBASE' doctor -u '$OTP_USER' --json"
    A_DOCTOR_AUTH="'$BIN' --domain '$PBASE' doctor -u '$OTP_USER' --password '$PASSWORD' --json"
fi

# ---------------------------------------------------------------------------------------
# Sanity: every command works, and every side sends the same requests.

check_output() { # name command pattern...
    local name="$1" cmd="$2" out status=0
    shift 2
    out="$(eval "$cmd" 2>&1)" || status=$?
    [[ $status == 0 ]] || fail "$name exited $status: $out"
    for pattern in "$@"; do
        grep -q -- "$pattern" <<<"$out" || fail "$name printed no '$pattern': $out"
    done
}
# The emulator numbers the requests it keeps (1, 2, ...) and keeps the latest 1000, so a
# batch is what came after the number of the last request before it, however many it was.
request_count() {
    if command -v jq >/dev/null; then
        requests_log | jq 'if length == 0 then 0 else last.number end'
    else
        requests_log | { grep -o '"number":[0-9]*' || echo '"number":0'; } | tail -n 1 | cut -d: -f2
    fi
}
# One line per request made since request number $1: method, path, content type and
# the body's field names (without jq: method and path only).
request_shapes() {
    if command -v jq >/dev/null; then
        requests_log | jq -c --argjson since "$1" \
            '.[] | select(.number > $since) | [.method, .path, (.content_type // "" | split(";")[0]), (.body | keys? // [])]'
    else
        request_lines \
            | sed -n 's/.*"method":"\([A-Z]*\)","number":\([0-9]*\),"path":"\([^"]*\)".*/\2 \1 \3/p' \
            | awk -v since="$1" '$1 > since { print $2, $3 }'
    fi
}
# The log, a request a line (its fields come in alphabetical order, `authorization` first).
request_lines() { requests_log | sed 's/{"authorization":/\n&/g'; }
# probe NAME PREPARE COMMAND PATTERN...: runs PREPARE, then COMMAND (checked as
# check_output does), and sets PROBE_PREPARE and PROBE_RUN (the shapes of the requests
# each made) and PROBE_CONNECTIONS (the connections the proxy accepted during COMMAND).
probe() {
    local name="$1" prepare="$2" cmd="$3" before middle connections
    shift 3
    before="$(request_count)"
    if [[ -n "$prepare" ]]; then eval "$prepare"; fi
    middle="$(request_count)"
    connections="$(proxy_connections)"
    check_output "$name" "$cmd" "$@"
    PROBE_CONNECTIONS=$(( $(proxy_connections) - connections ))
    PROBE_PREPARE="$(request_shapes "$before" | awk -v n="$((middle - before))" 'NR <= n')"
    PROBE_RUN="$(request_shapes "$middle")"
}
lines() { if [[ -z "$1" ]]; then echo 0; else wc -l <<<"$1"; fi; }
same_requests() { # label shapes_a shapes_b
    [[ "$2" == "$3" ]] || fail "$1 sent different requests:"$'\n'"$2"$'\n'"vs"$'\n'"$3"
}

echo "emulator at $BASE; checking the commands" >&2
check_output "auth0-mfa --version" "$A_VERSION" "auth0-mfa"
check_output "curl --version" "$C_VERSION" "curl"
[[ -z "$REF_BIN" ]] || check_output "reference --version" "$R_VERSION" "bench-reference"

probe "auth0-mfa challenge" "" "$A_ONE" '"challenge_type"'
BLOCK_ONE="$PROBE_RUN"
[[ $(lines "$BLOCK_ONE") == 1 ]] || fail "auth0-mfa challenge made other than 1 request:"$'\n'"$BLOCK_ONE"
probe "curl challenge" "" "$C_ONE" '"challenge_type":"otp"'
same_requests "auth0-mfa and curl" "$BLOCK_ONE" "$PROBE_RUN"
if [[ -n "$REF_BIN" ]]; then
    probe "reference challenge" "" "$R_ONE" '"challenge_type":"otp"'
    same_requests "auth0-mfa and the reference" "$BLOCK_ONE" "$PROBE_RUN"
fi

# auth0-mfa prints its own JSON, so its check looks for the field only.
probe "auth0-mfa challenge --verify" "$P_A_TWO" "$A_TWO" '"access_token"'
[[ $(lines "$PROBE_PREPARE") == 1 ]] || fail "the prepare step made $(lines "$PROBE_PREPARE") requests, not 1"
[[ $(lines "$PROBE_RUN") == 2 ]] || fail "auth0-mfa made other than 2 requests:"$'\n'"$PROBE_RUN"
SHAPES_TWO="$PROBE_RUN"
# What one timed run of the 2-request case and its prepare step make, together.
BLOCK_TWO="$PROBE_PREPARE"$'\n'"$PROBE_RUN"
probe "curl challenge + mfa-otp" "$P_C_TWO" "$C_TWO" '"challenge_type":"otp"' '"access_token"'
same_requests "auth0-mfa and curl" "$BLOCK_TWO" "$PROBE_PREPARE"$'\n'"$PROBE_RUN"
if [[ -n "$REF_BIN" ]]; then
    probe "reference challenge + mfa-otp" "$P_R_TWO" "$R_TWO" '"challenge_type":"otp"' '"access_token"'
    same_requests "auth0-mfa and the reference" "$BLOCK_TWO" "$PROBE_PREPARE"$'\n'"$PROBE_RUN"
fi
echo "every side sends, per 2-request run:" >&2
sed 's/^/  /' <<<"$SHAPES_TWO" >&2

# A login with an OTP, straight to the emulator (the throughput case's): two requests.
probe "auth0-mfa login --otp-secret" "$TMP/prepare.sh two direct-login" \
    ". '$TMP/direct-login/env'; '$BIN' login -u \"\$RUN_USER\" --password '$PASSWORD' --otp-secret \"\$RUN_SECRET\" --no-otp-wait --json" \
    '"access_token"'
BLOCK_LOGIN_DIRECT="$PROBE_RUN"
[[ $(lines "$BLOCK_LOGIN_DIRECT") == 2 ]] \
    || fail "auth0-mfa login --otp-secret made other than 2 requests (the protocol's floor):"$'\n'"$BLOCK_LOGIN_DIRECT"

if [[ $LATENCY == 1 ]]; then
    state_for checks-latency
    # A login with an OTP: two requests (the password grant, the mfa-otp grant) on one
    # connection for auth0-mfa; the same two from curl, a connection each.
    probe "auth0-mfa login through the proxy" "$P_A_LOGIN" "$A_LOGIN" '"access_token"'
    [[ -z "$PROBE_PREPARE" ]] || fail "the latency login's prepare step made requests:"$'\n'"$PROBE_PREPARE"
    BLOCK_LOGIN="$PROBE_RUN"
    same_requests "a login through the proxy and without it" "$BLOCK_LOGIN_DIRECT" "$BLOCK_LOGIN"
    CONN_A_LOGIN="$PROBE_CONNECTIONS"
    [[ $(lines "$BLOCK_LOGIN") == 2 ]] \
        || fail "auth0-mfa login --otp-secret made other than 2 requests (the protocol's floor):"$'\n'"$BLOCK_LOGIN"
    [[ $CONN_A_LOGIN == 1 ]] || fail "auth0-mfa login --otp-secret opened $CONN_A_LOGIN connections, not 1"
    probe "curl login through the proxy" "$P_C_LOGIN" "$C_LOGIN" '"access_token"'
    same_requests "auth0-mfa login and the curl script" "$BLOCK_LOGIN" "$PROBE_RUN"
    CONN_C_LOGIN="$PROBE_CONNECTIONS"
    [[ $CONN_C_LOGIN == 2 ]] || fail "the curl login script opened $CONN_C_LOGIN connections, not 2"
    # challenge --verify: its prepare step's login (straight to the emulator), then the
    # challenge and the mfa-otp grant through the proxy.
    probe "auth0-mfa challenge --verify through the proxy" "$P_A_VERIFY" "$A_VERIFY" '"access_token"'
    [[ $(lines "$PROBE_PREPARE") == 1 ]] || fail "the prepare step made $(lines "$PROBE_PREPARE") requests, not 1"
    same_requests "challenge --verify through the proxy and without it" "$SHAPES_TWO" "$PROBE_RUN"
    BLOCK_VERIFY="$PROBE_PREPARE"$'\n'"$PROBE_RUN"
    CONN_A_VERIFY="$PROBE_CONNECTIONS"
    [[ $CONN_A_VERIFY == 1 ]] || fail "auth0-mfa challenge --verify opened $CONN_A_VERIFY connections, not 1"
    probe "curl challenge + verify through the proxy" "$P_C_VERIFY" "$C_VERIFY" '"access_token"'
    same_requests "auth0-mfa challenge --verify and the curl script" "$BLOCK_VERIFY" "$PROBE_PREPARE"$'\n'"$PROBE_RUN"
    CONN_C_VERIFY="$PROBE_CONNECTIONS"
    [[ $CONN_C_VERIFY == 2 ]] || fail "the curl challenge + verify script opened $CONN_C_VERIFY connections, not 2"
    echo "through the delay proxy, a login with an OTP sends (auth0-mfa on 1 connection, curl on 2):" >&2
    sed 's/^/  /' <<<"$BLOCK_LOGIN" >&2
    # doctor: the first run grants the Management token (and caches it); the next
    # ones, the timed ones among them, read with it. Every request on one connection.
    state_for latency-doctor
    probe "auth0-mfa doctor with Management access (first run)" "" "$A_DOCTOR" '"status"'
    probe "auth0-mfa doctor with Management access" "" "$A_DOCTOR" '"status"'
    BLOCK_DOCTOR="$PROBE_RUN" CONN_A_DOCTOR="$PROBE_CONNECTIONS"
    grep -q client_credentials <<<"$BLOCK_DOCTOR" && fail "doctor did not keep its Management token"
    [[ $CONN_A_DOCTOR == 1 ]] || fail "auth0-mfa doctor (Management) opened $CONN_A_DOCTOR connections, not 1"
    probe "auth0-mfa doctor without Management access" "" "$A_DOCTOR_AUTH" '"status"'
    BLOCK_DOCTOR_AUTH="$PROBE_RUN" CONN_A_DOCTOR_AUTH="$PROBE_CONNECTIONS"
    [[ $CONN_A_DOCTOR_AUTH == 1 ]] || fail "auth0-mfa doctor opened $CONN_A_DOCTOR_AUTH connections, not 1"
    echo "doctor -u USER with Management access sends $(lines "$BLOCK_DOCTOR") requests," \
        "without it $(lines "$BLOCK_DOCTOR_AUTH"):" >&2
    sed 's/^/  /' <<<"$BLOCK_DOCTOR" >&2
fi

# expect_batch LABEL SINCE_REQUESTS SINCE_CONNECTIONS RUNS BLOCK [CONNECTIONS_PER_RUN]:
# since those counts the emulator received exactly RUNS times the requests BLOCK, in
# order, and the proxy accepted RUNS x CONNECTIONS_PER_RUN connections (default 0).
expect_batch() {
    local label="$1" since="$2" since_conn="$3" runs="$4" block="$5" per_run="${6:-0}" got want="" i
    got="$(request_shapes "$since")"
    if [[ -n "$block" ]]; then
        for ((i = 0; i < runs; i++)); do want+="$block"$'\n'; done
    fi
    if [[ "$got" != "${want%$'\n'}" ]]; then
        diff <(printf '%s\n' "${want%$'\n'}") <(printf '%s\n' "$got") | head -n 20 >&2 || true
        fail "$label: the emulator received other requests than $runs runs of:"$'\n'"$block"
    fi
    local conns=$(( $(proxy_connections) - since_conn ))
    [[ $conns == $((runs * per_run)) ]] \
        || fail "$label: the proxy accepted $conns connections, not $((runs * per_run)) ($runs runs x $per_run)"
}
# expect_unordered LABEL SINCE COUNT BLOCK: COUNT times each request of BLOCK, in any
# order (concurrent clients, or a command's concurrent requests), and nothing else.
expect_unordered() {
    local label="$1" since="$2" count="$3" block="$4" got want="" line
    got="$(request_shapes "$since" | sort | uniq -c | sed 's/^ *//')"
    want="$(sort <<<"$block" | uniq -c | while read -r n line; do echo "$((n * count)) $line"; done)"
    [[ "$got" == "$want" ]] || fail "$label: the emulator received:"$'\n'"$got"$'\n'"not:"$'\n'"$want"
}

# ---------------------------------------------------------------------------------------
# Timing. measure KEY SHELL PREPARE_A CMD_A PREPARE_C CMD_C [PREPARE_R CMD_R] sets
# MEAN_x[KEY] and SD_x[KEY] (ms) and CPU_x[KEY] (user+sys ms) for x = A (auth0-mfa),
# C (curl), R (reference). SHELL=0 runs the commands without a shell. Each command runs
# WARMUP + MEASURE_RUNS times, each run after its PREPARE.

declare -A MEAN_A MEAN_C MEAN_R SD_A SD_C SD_R CPU_A CPU_C CPU_R

ms() { awk -v s="$1" 'BEGIN { printf "%.3f", s * 1000 }'; }
set_result() { # side key mean_ms sd_ms cpu_ms
    case "$1" in
        auth0-mfa) MEAN_A[$2]="$3"; SD_A[$2]="$4"; CPU_A[$2]="$5" ;;
        curl) MEAN_C[$2]="$3"; SD_C[$2]="$4"; CPU_C[$2]="$5" ;;
        reference) MEAN_R[$2]="$3"; SD_R[$2]="$4"; CPU_R[$2]="$5" ;;
    esac
}

measure_hyperfine() {
    local key="$1" shell="$2"
    shift 2
    local csv="$TMP/$key.csv"
    local args=(--runs "$MEASURE_RUNS" --warmup "$WARMUP" --style none --export-csv "$csv")
    local names=(auth0-mfa curl reference) prepares=() commands=() i=0
    [[ $shell == 1 ]] || args+=(-N)
    while [[ $# -ge 2 ]]; do
        if [[ -n "$2" ]]; then
            prepares+=("$1")
            commands+=(-n "${names[$i]}" "$2")
        fi
        i=$((i + 1))
        shift 2
    done
    if [[ -n "${prepares[0]}" ]]; then
        for p in "${prepares[@]}"; do args+=(--prepare "$p"); done
    fi
    hyperfine "${args[@]}" "${commands[@]}" > "$TMP/$key.hyperfine.log" 2>&1 \
        || { cat "$TMP/$key.hyperfine.log" >&2; fail "hyperfine failed on the '$key' case"; }
    # command,mean,stddev,median,user,system,min,max (seconds)
    local name mean sd _median user system _rest
    while IFS=, read -r name mean sd _median user system _rest; do
        set_result "$name" "$key" "$(ms "$mean")" "$(ms "$sd")" \
            "$(ms "$(awk -v u="$user" -v s="$system" 'BEGIN { print u + s }')")"
    done < <(tail -n +2 "$csv")
}

now_ns() {
    if [[ -n "${EPOCHREALTIME:-}" ]]; then
        local t="${EPOCHREALTIME/[.,]/}"
        echo "${t}000"
    else
        date +%s%N
    fi
}

# Prints "mean_ms stddev_ms" of MEASURE_RUNS runs of CMD (after WARMUP), each after PREPARE.
loop_one() {
    local prepare="$1" cmd="$2" i t0 t1
    local -a samples=()
    for ((i = 0; i < WARMUP + MEASURE_RUNS; i++)); do
        if [[ -n "$prepare" ]]; then eval "$prepare" >/dev/null; fi
        t0="$(now_ns)"
        eval "$cmd" >/dev/null 2>&1 || fail "a timed run failed (exit $?): $cmd"
        t1="$(now_ns)"
        ((i < WARMUP)) || samples+=("$((t1 - t0))")
    done
    printf '%s\n' "${samples[@]}" | awk '{ s += $1; q += $1 * $1; n++ }
        END { m = s / n; v = q / n - m * m; if (v < 0) v = 0; printf "%.3f %.3f", m / 1e6, sqrt(v) / 1e6 }'
}

measure_loop() {
    local key="$1" names=(auth0-mfa curl reference) i=0 r
    shift 2
    while [[ $# -ge 2 ]]; do
        if [[ -n "$2" ]]; then
            r="$(loop_one "$1" "$2")"
            set_result "${names[$i]}" "$key" "${r% *}" "${r#* }" "-"
        fi
        i=$((i + 1))
        shift 2
    done
}

measure() {
    echo "measuring: $1" >&2
    if [[ $USE_HYPERFINE == 1 ]]; then measure_hyperfine "$@"; else measure_loop "$@"; fi
}

# What the emulator and the proxy had received when a batch of timed runs began.
batch_start() { BATCH_REQUESTS="$(request_count)"; BATCH_CONNECTIONS="$(proxy_connections)"; }
SIDES=2
[[ -z "$REF_BIN" ]] || SIDES=3
MEASURE_RUNS=$RUNS
RUNS_PER_SIDE=$((WARMUP + RUNS))

state_for start
batch_start
measure floor 0 "" "$A_FLOOR"
measure version 0 "" "$A_VERSION" "" "$C_VERSION" "" "$R_VERSION"
expect_batch "--version" "$BATCH_REQUESTS" "$BATCH_CONNECTIONS" 0 ""
batch_start
measure one 0 "" "$A_ONE" "" "$C_ONE" "" "$R_ONE"
expect_batch "1 request" "$BATCH_REQUESTS" "$BATCH_CONNECTIONS" $((SIDES * RUNS_PER_SIDE)) "$BLOCK_ONE"
state_for two
batch_start
measure two 1 "$P_A_TWO" "$A_TWO" "$P_C_TWO" "$C_TWO" "$P_R_TWO" "$R_TWO"
expect_batch "2 requests" "$BATCH_REQUESTS" "$BATCH_CONNECTIONS" $((SIDES * RUNS_PER_SIDE)) "$BLOCK_TWO"

# The emulator's share of the work is its CPU per login, read from /proc in the
# throughput case: curl's time to first byte (an earlier estimate here) on a kept-alive
# TLS connection came out at a tenth of it, so it is not reported.

# Peak memory of the 2-request case: the largest of 5 runs per side. The command runs
# under `sh -c` (it reads its files there); the peak is that of the largest process
# (the shell's own is about 1.4 MiB), not a sum.
peak_kib() { # prepare command
    local best=0 i kib
    for ((i = 0; i < 5; i++)); do
        eval "$1" >/dev/null
        "$TIME_BIN" -f '%M' -o "$TMP/rss" sh -c "$2" >/dev/null 2>&1 || fail "a peak memory run failed: $2"
        kib="$(tail -n 1 "$TMP/rss")"
        if ((kib > best)); then best=$kib; fi
    done
    echo "$best"
}
RSS_A="" RSS_C="" RSS_R=""
if [[ -n "$TIME_BIN" ]]; then
    echo "measuring: peak memory" >&2
    state_for peak-memory
    batch_start
    # `/usr/bin/time -f %M` is the "Maximum resident set size" line of `time -v`, in KiB.
    RSS_A="$(peak_kib "$P_A_TWO" "$A_TWO")"
    RSS_C="$(peak_kib "$P_C_TWO" "$C_TWO")"
    [[ -z "$REF_BIN" ]] || RSS_R="$(peak_kib "$P_R_TWO" "$R_TWO")"
    expect_batch "peak memory" "$BATCH_REQUESTS" "$BATCH_CONNECTIONS" $((SIDES * 5)) "$BLOCK_TWO"
fi

# Waiting for a push nobody approves: sleep, do not spin.
echo "measuring: a push wait of up to 5 s" >&2
# The mfa-oob grants since request number $1.
oob_polls() {
    request_lines | sed -n 's/.*grant-type\/mfa-oob.*"number":\([0-9]*\),.*/\1/p' \
        | awk -v since="$1" '$1 > since' | wc -l
}
polls_before="$(request_count)"
PUSH_STATUS=0
push_cmd=("$BIN" login -u "$MULTI_USER" --factor push --password "$PASSWORD" --interval 1 --timeout 5)
if [[ -n "$TIME_BIN" ]]; then
    "$TIME_BIN" -f '%e %U %S' -o "$TMP/push-time" "${push_cmd[@]}" </dev/null >"$TMP/push.out" 2>"$TMP/push.err" \
        || PUSH_STATUS=$?
    read -r PUSH_WALL PUSH_USER PUSH_SYS < <(tail -n 1 "$TMP/push-time")
else
    t0="$(now_ns)"
    "${push_cmd[@]}" </dev/null >"$TMP/push.out" 2>"$TMP/push.err" || PUSH_STATUS=$?
    t1="$(now_ns)"
    PUSH_WALL="$(awk -v d="$((t1 - t0))" 'BEGIN { printf "%.2f", d / 1e9 }')"
    PUSH_USER="?" PUSH_SYS="?"
fi
PUSH_POLLS=$(oob_polls "$polls_before")

# The latency case: each side in a batch of its own, so the proxy's count of connections
# is per side; fewer runs (each costs a few round trips of real waiting).
if [[ $LATENCY == 1 ]]; then
    echo "measuring: the latency case, ${LATENCY_MS} ms each way, $LATENCY_RUNS runs per command" >&2
    # curl's own clock on a GET through the proxy (the control API, not recorded), the
    # median of 5, and the TLS version it negotiates.
    for ((i = 0; i < 5; i++)); do
        $CURL -sS -o /dev/null -w '%{time_appconnect} %{time_starttransfer}\n' "$PBASE/_emulator/health" \
            || fail "a GET through the delay proxy failed"
    done > "$TMP/calibration"
    CALIBRATION="$(sort -n -k 1,1 "$TMP/calibration" | awk 'NR == 3 { print $1 }') $(sort -n -k 2,2 "$TMP/calibration" | awk 'NR == 3 { print $2 }')"
    TLS_VERSION=""
    if [[ $TLS == 1 ]]; then
        TLS_VERSION="$($CURL -sS -v -o /dev/null "$PBASE/_emulator/health" 2>&1 \
            | sed -n 's/.*SSL connection using \(TLSv[0-9.]*\).*/\1/p' | head -n 1)"
    fi
    MEASURE_RUNS=$LATENCY_RUNS
    LATENCY_RUNS_PER_SIDE=$((WARMUP + LATENCY_RUNS))
    state_for latency-login
    batch_start
    measure lat_login 1 "$P_A_LOGIN" "$A_LOGIN"
    expect_batch "latency, auth0-mfa login" "$BATCH_REQUESTS" "$BATCH_CONNECTIONS" \
        "$LATENCY_RUNS_PER_SIDE" "$BLOCK_LOGIN" "$CONN_A_LOGIN"
    batch_start
    measure lat_login 1 "" "" "$P_C_LOGIN" "$C_LOGIN"
    expect_batch "latency, curl login" "$BATCH_REQUESTS" "$BATCH_CONNECTIONS" \
        "$LATENCY_RUNS_PER_SIDE" "$BLOCK_LOGIN" "$CONN_C_LOGIN"
    state_for latency-verify
    batch_start
    measure lat_verify 1 "$P_A_VERIFY" "$A_VERIFY"
    expect_batch "latency, auth0-mfa challenge --verify" "$BATCH_REQUESTS" "$BATCH_CONNECTIONS" \
        "$LATENCY_RUNS_PER_SIDE" "$BLOCK_VERIFY" "$CONN_A_VERIFY"
    batch_start
    measure lat_verify 1 "" "" "$P_C_VERIFY" "$C_VERIFY"
    expect_batch "latency, curl challenge + verify" "$BATCH_REQUESTS" "$BATCH_CONNECTIONS" \
        "$LATENCY_RUNS_PER_SIDE" "$BLOCK_VERIFY" "$CONN_C_VERIFY"
    # doctor's requests go out at once, so they arrive in any order: counted, not ordered.
    state_for latency-doctor
    for doctor_case in lat_doctor:A_DOCTOR:BLOCK_DOCTOR:CONN_A_DOCTOR \
        lat_doctor_auth:A_DOCTOR_AUTH:BLOCK_DOCTOR_AUTH:CONN_A_DOCTOR_AUTH; do
        IFS=: read -r key cmd_var block_var conn_var <<<"$doctor_case"
        batch_start
        measure "$key" 1 "" "${!cmd_var}"
        expect_unordered "latency, auth0-mfa $key" "$BATCH_REQUESTS" "$LATENCY_RUNS_PER_SIDE" "${!block_var}"
        conns=$(( $(proxy_connections) - BATCH_CONNECTIONS ))
        [[ $conns == $((LATENCY_RUNS_PER_SIDE * ${!conn_var})) ]] \
            || fail "latency, auth0-mfa $key: the proxy accepted $conns connections in $LATENCY_RUNS_PER_SIDE runs"
    done
    MEASURE_RUNS=$RUNS
fi

# Throughput: full OTP logins per second against this one emulator. Each login uses a
# user of its own. The reference program's users share a secret and one code serves all
# (the previous 30 s step is still accepted, so a run may take up to 30 s); the
# auth0-mfa processes' users (pool "cli") have secrets of their own, since the tool
# spends one step per secret (its ledger is shared by the processes, under a lock).
LOGINS_PER_S="" CLI_LOGINS_PER_S="" EMU_CPU_PER_LOGIN=""
login_rate() { awk -v n="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.0f", n / s }'; }
# The emulator's CPU time so far (user + system, in clock ticks), where /proc has it:
# per login, what bounds the rate whatever else shares the machine.
emu_ticks() { awk '{ print $14 + $15 }' "/proc/$EMU_PID/stat" 2>/dev/null || true; }
if [[ -n "$REF_BIN" ]]; then
    echo "measuring: $LOGINS OTP logins by $LOGIN_CLIENTS concurrent clients" >&2
    batch_start
    ticks0="$(emu_ticks)"
    out="$(AUTH0_PASSWORD="$PASSWORD" "$REF_BIN" logins "$BASE" "$LOGINS" "$LOGIN_CLIENTS" \
        "$("$BIN" totp "$OTP_SECRET")" ${REF_CA})" || fail "the logins run failed: $out"
    ticks1="$(emu_ticks)"
    # Every login: the password grant and the mfa-otp grant, both POST /oauth/token (two
    # shapes, LOGINS of each; without jq, one shape twice as often).
    got="$(request_shapes "$BATCH_REQUESTS" | sort | uniq -c | sed 's/^ *//')"
    awk -v n="$LOGINS" '{ s += $1; if ($1 % n != 0 || $0 !~ /POST.*\/oauth\/token/) bad = 1 }
        END { exit !(s == 2 * n && !bad) }' <<<"$got" \
        || fail "the logins run sent other requests than $LOGINS x 2 to /oauth/token:"$'\n'"$got"
    LOGINS_PER_S="$(login_rate "$LOGINS" "$(awk '{ print $4 }' <<<"$out")")"
    if [[ -n "$ticks0" && -n "$ticks1" ]]; then
        EMU_CPU_PER_LOGIN="$(awk -v a="$ticks0" -v b="$ticks1" -v hz="$(getconf CLK_TCK)" -v n="$LOGINS" \
            'BEGIN { printf "%.2f", (b - a) / hz * 1000 / n }')"
    fi
fi
echo "measuring: $CLI_LOGINS OTP logins by auth0-mfa processes, $LOGIN_CLIENTS at a time" >&2
# One line of arguments a login: -u USER --otp-secret SECRET.
sed 's/^\([^ ]*\) \(.*\)$/-u \1 --otp-secret \2/' "$TMP/pool/cli" > "$TMP/cli-logins"
state_for throughput
batch_start
t0="$(now_ns)"
xargs -P "$LOGIN_CLIENTS" -L 1 "$BIN" login --password "$PASSWORD" --no-otp-wait --json \
    < "$TMP/cli-logins" > "$TMP/cli-logins.out" 2>&1 \
    || fail "an auth0-mfa login of the throughput case failed: $(tail -n 5 "$TMP/cli-logins.out")"
t1="$(now_ns)"
expect_unordered "the auth0-mfa logins" "$BATCH_REQUESTS" "$CLI_LOGINS" "$BLOCK_LOGIN_DIRECT"
CLI_LOGINS_PER_S="$(login_rate "$CLI_LOGINS" "$(awk -v d="$((t1 - t0))" 'BEGIN { print d / 1e9 }')")"

# ---------------------------------------------------------------------------------------
# The hand-off case: `exec -- true` beside `token` on one stored session whose token has
# hours left, so neither sends a request: what `exec` adds is its own work and the
# execve of `true`. The login waits for a fresh TOTP step if the 2-request case spent it.

echo "measuring: token and exec -- true on a stored session" >&2
state_for two
AUTH0_MFA_STORE=file "$BIN" login -u "$OTP_USER" --password "$PASSWORD" \
    --otp-secret "$OTP_SECRET" >/dev/null 2>&1 || fail "the hand-off case's login failed"
MEASURE_RUNS=$RUNS
HANDOFF_TOKEN="$(AUTH0_MFA_STORE=file loop_one "" "'$BIN' token")"
HANDOFF_EXEC="$(AUTH0_MFA_STORE=file loop_one "" "'$BIN' exec -- true")"
HANDOFF_TOKEN="${HANDOFF_TOKEN% *}" HANDOFF_EXEC="${HANDOFF_EXEC% *}"

# ---------------------------------------------------------------------------------------
# Report.

lt() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 < b + 0) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a != "" && b > 0) printf "%.2fx", a / b; else print "-" }'; }
with_ms() { if [[ -n "$1" ]]; then echo "$1 ms"; else echo "-"; fi; }
verdict() { if "$@"; then echo "ok"; else echo "OVER BUDGET"; fi; }

FLOOR="${MEAN_A[floor]}"
# "About 1 ms" where a bare exec costs about that much already: ok under 1.5 ms, or
# within 0.5 ms of the reference's own --version (of /bin/true without the reference).
version_ok() {
    local base="${MEAN_R[version]:-$FLOOR}"
    lt "${MEAN_A[version]}" 1.5 || lt "$(awk -v a="${MEAN_A[version]}" -v b="$base" 'BEGIN { print a - b }')" 0.5
}
two_ok() {
    lt "${MEAN_A[two]}" "${MEAN_C[two]}" || return 1
    if [[ -n "${MEAN_R[two]:-}" ]]; then
        lt "${MEAN_A[two]}" "$(awk -v r="${MEAN_R[two]}" 'BEGIN { print 1.5 * r }')"
    else
        lt "${MEAN_A[two]}" 5.25
    fi
}
if [[ $TLS == 1 ]]; then PROTO="HTTPS (emulator --tls; every client trusts its CA)"; else PROTO="plain HTTP"; fi

echo
echo "auth0-mfa $("$BIN" --version | awk '{print $2}') ($BIN) vs $(curl --version | head -n 1 | cut -d' ' -f1-2)"
echo "$(nproc) CPUs; emulator at $BASE, $PROTO, loopback"
echo "mean of $RUNS runs after $WARMUP warm-up runs, timed by $(
    [[ $USE_HYPERFINE == 1 ]] && hyperfine --version || echo "a bash loop (includes bash's fork+exec)")"
echo "start floor: /bin/true takes $FLOOR ms here (any process pays this)"
echo "auth0-mfa's ledger of spent codes: fresh files under ${STATE_DIR%/*}/ (${STATE_FS:-filesystem unknown})"
echo
fmt="%-20s %11s %11s %8s %12s %7s   %-30s %s\n"
# shellcheck disable=SC2059
printf "$fmt" "case" "auth0-mfa" "curl" "vs curl" "reqwest ref" "vs ref" "budget" "verdict"
# shellcheck disable=SC2059
printf "$fmt" "----" "---------" "----" "-------" "-----------" "------" "------" "-------"
row() { # key label budget verdict
    # shellcheck disable=SC2059
    printf "$fmt" "$2" "$(with_ms "${MEAN_A[$1]}")" "$(with_ms "${MEAN_C[$1]}")" \
        "$(ratio "${MEAN_A[$1]}" "${MEAN_C[$1]}")" "$(with_ms "${MEAN_R[$1]:-}")" \
        "$(ratio "${MEAN_A[$1]}" "${MEAN_R[$1]:-}")" "$3" "$4"
}
if [[ -n "${MEAN_R[version]:-}" ]]; then
    row version "--version" "about 1 ms (<= ref + 0.5 ms)" "$(verdict version_ok)"
else
    row version "--version" "about 1 ms (<= floor + 0.5 ms)" "$(verdict version_ok)"
fi
row one "1 request" "faster than curl" "$(verdict lt "${MEAN_A[one]}" "${MEAN_C[one]}")"
if [[ -n "${MEAN_R[two]:-}" ]]; then
    row two "2 requests (verify)" "<= 1.5x ref, < curl" "$(verdict two_ok)"
else
    row two "2 requests (verify)" "<= 5.25 ms (1.5 x 3.5), < curl" "$(verdict two_ok)"
fi
if [[ -n "$RSS_A" ]]; then
    mib() { if [[ -n "$1" ]]; then awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }'; else echo "-"; fi; }
    # shellcheck disable=SC2059
    printf "$fmt" "peak RSS, 2 requests" "$(mib "$RSS_A")" "$(mib "$RSS_C")" "$(ratio "$RSS_A" "$RSS_C")" \
        "$(mib "$RSS_R")" "$(ratio "$RSS_A" "$RSS_R")" "under 10 MiB" "$(verdict lt "$RSS_A" 10240)"
else
    echo "peak RSS: /usr/bin/time is not installed; skipped"
fi
push_ok() {
    [[ $PUSH_STATUS == 9 && $PUSH_USER != "?" ]] \
        && lt "$(awk -v u="$PUSH_USER" -v s="$PUSH_SYS" 'BEGIN { print u + s }')" 0.1
}
echo
echo "push wait (--interval 1 --timeout 5, never approved): ${PUSH_WALL} s wall, ${PUSH_USER} s user," \
    "${PUSH_SYS} s sys; $PUSH_POLLS polls; exit $PUSH_STATUS (9 expected)"
echo "  budget: sleeps, never spins (CPU under 0.1 s, exit 9): $(verdict push_ok)"

if [[ $LATENCY == 1 ]]; then
    # Round trips: the mean over the proxy's round trip. The floor: per connection a TCP
    # handshake (1) and, over HTTPS, a TLS 1.3 one (1), then one per request.
    HANDSHAKE_RTTS=$((1 + TLS))
    rtts() { awk -v m="$1" -v r="$RTT_MS" 'BEGIN { printf "%.2f", m / r }'; }
    floor_rtts() { echo $(($1 * HANDSHAKE_RTTS + $2)); } # connections requests
    beyond() { awk -v m="$1" -v f="$2" -v r="$RTT_MS" 'BEGIN { printf "%.1f", m - f * r }'; }
    # At the floor: one connection and the flow's requests (both checked on every run),
    # and no more than half a round trip (at least 20 ms) of work on this machine on top.
    LOCAL_ALLOWANCE_MS="$(awk -v r="$RTT_MS" 'BEGIN { a = r / 2; if (a < 20) a = 20; print a }')"
    latency_ok() { # mean_ms floor_rtts connections
        [[ $3 == 1 ]] && lt "$(beyond "$1" "$2")" "$LOCAL_ALLOWANCE_MS"
    }
    read -r CAL_TLS CAL_FIRST <<<"$CALIBRATION"
    cal() { # seconds round_trips
        awk -v s="$1" -v n="$2" -v r="$RTT_MS" 'BEGIN { printf "%.1f ms (%d round trips + %.1f ms)", s * 1000, n, s * 1000 - n * r }'
    }
    if [[ $TLS == 1 ]]; then
        LAT_PROTO="HTTPS (${TLS_VERSION:-TLS version unknown})"
        BUDGET_TEXT="TCP + TLS + 2 requests"
        CAL_TEXT="TCP + TLS $(cal "$CAL_TLS" 2), first byte $(cal "$CAL_FIRST" 3)"
    else
        LAT_PROTO="plain HTTP"
        BUDGET_TEXT="TCP + 2 requests"
        CAL_TEXT="first byte $(cal "$CAL_FIRST" 2)"
    fi
    echo
    echo "latency: a delay proxy holds each direction's data ${LATENCY_MS} ms (a round trip: $RTT_MS ms), $LAT_PROTO,"
    echo "mean of $LATENCY_RUNS runs after $WARMUP warm-up runs"
    echo "a curl GET through it, by curl's own clock (median of 5): $CAL_TEXT"
    lfmt="%-19s %10s %5s %7s   %10s %5s %7s  %7s   %-28s %s\n"
    # shellcheck disable=SC2059
    printf "$lfmt" "case" "auth0-mfa" "RTTs" "conn/req" "curl steps" "RTTs" "conn/req" "vs curl" "budget (floor)" "verdict"
    # shellcheck disable=SC2059
    printf "$lfmt" "----" "---------" "----" "--------" "----------" "----" "--------" "-------" "--------------" "-------"
    lrow() { # key label connections_a connections_c
        local fa fc
        fa="$(floor_rtts "$3" 2)" fc="$(floor_rtts "$4" 2)"
        # shellcheck disable=SC2059
        printf "$lfmt" "$2" "$(with_ms "${MEAN_A[$1]}")" "$(rtts "${MEAN_A[$1]}")" "$3/2" \
            "$(with_ms "${MEAN_C[$1]}")" "$(rtts "${MEAN_C[$1]}")" "$4/2" "$(ratio "${MEAN_A[$1]}" "${MEAN_C[$1]}")" \
            "$fa: $BUDGET_TEXT" "$(verdict latency_ok "${MEAN_A[$1]}" "$fa" "$3")"
        LAT_NOTE+="  $2: auth0-mfa $(beyond "${MEAN_A[$1]}" "$fa") ms on top of its $fa round trips,"
        LAT_NOTE+=" curl $(beyond "${MEAN_C[$1]}" "$fc") ms on top of its $fc"$'\n'
    }
    LAT_NOTE=""
    lrow lat_login "OTP login" "$CONN_A_LOGIN" "$CONN_C_LOGIN"
    lrow lat_verify "challenge --verify" "$CONN_A_VERIFY" "$CONN_C_VERIFY"
    drow() { # key label connections requests depth budget_text
        local fa=$(( $3 * HANDSHAKE_RTTS + $5 ))
        # shellcheck disable=SC2059
        printf "$lfmt" "$2" "$(with_ms "${MEAN_A[$1]}")" "$(rtts "${MEAN_A[$1]}")" "$3/$4" \
            "-" "-" "-" "-" "$fa: $6" "$(verdict latency_ok "${MEAN_A[$1]}" "$fa" "$3")"
        LAT_NOTE+="  $2: auth0-mfa $(beyond "${MEAN_A[$1]}" "$fa") ms on top of its $fa round trips"$'\n'
    }
    drow lat_doctor "doctor -u (Mgmt)" "$CONN_A_DOCTOR" "$(lines "$BLOCK_DOCTOR")" 3 \
        "$([[ $TLS == 1 ]] && echo "TCP + TLS" || echo TCP) + 3 deep"
    drow lat_doctor_auth "doctor -u, no Mgmt" "$CONN_A_DOCTOR_AUTH" "$(lines "$BLOCK_DOCTOR_AUTH")" 4 \
        "$([[ $TLS == 1 ]] && echo "TCP + TLS" || echo TCP) + 4 deep"
    echo "conn/req: connections the proxy accepted and requests the emulator received, per run"
    echo "(every run checked); curl runs a process, so a connection, per step; doctor's floor is its"
    echo "longest chain of dependent requests (N deep), the rest sent beside it. ok: 1 connection, and"
    echo "under $LOCAL_ALLOWANCE_MS ms on top of the floor's round trips. What is not round trips is work on"
    echo "this machine (the processes, TLS, the emulator signing tokens, the proxy):"
    printf '%s' "$LAT_NOTE"
fi
echo
echo "spread and CPU (user+sys) per run, ms:"
spread_keys=(version one two)
[[ $LATENCY == 0 ]] || spread_keys+=(lat_login lat_verify lat_doctor lat_doctor_auth)
for key in "${spread_keys[@]}"; do
    line="$(printf "  %-10s auth0-mfa %s +- %s (cpu %s)   curl %s +- %s (cpu %s)" "$key" \
        "${MEAN_A[$key]}" "${SD_A[$key]}" "${CPU_A[$key]}" "${MEAN_C[$key]:--}" "${SD_C[$key]:--}" "${CPU_C[$key]:--}")"
    if [[ -n "${MEAN_R[$key]:-}" ]]; then
        line+="$(printf "   ref %s +- %s (cpu %s)" "${MEAN_R[$key]}" "${SD_R[$key]}" "${CPU_R[$key]}")"
    fi
    echo "$line"
done
echo
HANDOFF_ADDS="$(awk -v a="$HANDOFF_EXEC" -v b="$HANDOFF_TOKEN" 'BEGIN { printf "%.2f", a - b }')"
echo "hand-off on a stored session: token $HANDOFF_TOKEN ms, exec -- true $HANDOFF_EXEC ms:" \
    "exec adds $HANDOFF_ADDS ms (with the execve of true; budget 2 ms): $(verdict lt "$HANDOFF_ADDS" 2)"

echo
# The layout src/build.rs asks the linker for: how much of src/startup.order this
# binary still has (its names change with the toolchain, the profile, Cargo.lock).
if command -v nm >/dev/null && [[ -s "$ROOT/src/startup.order" ]]; then
    if ORDER_MATCH="$("$ROOT/tests/startup-order.sh" --check "$BIN" 2>/dev/null)"; then
        echo "start-up order: $ORDER_MATCH: ok"
    else
        echo "start-up order: ${ORDER_MATCH:-unreadable}: STALE: run tests/startup-order.sh"
    fi
    echo
fi
echo "throughput of one emulator, full OTP logins (password grant, then mfa-otp with an ID token):"
if [[ -n "$LOGINS_PER_S" ]]; then
    echo "  $LOGIN_CLIENTS concurrent clients on kept-alive connections: $LOGINS_PER_S logins/s ($LOGINS logins)"
    [[ -z "$EMU_CPU_PER_LOGIN" ]] || echo "  the emulator's CPU per login: $EMU_CPU_PER_LOGIN ms (user + system; 2 RSA signatures of it)"
else
    echo "  kept-alive clients: skipped (no reference program; run without --no-reference)"
fi
echo "  $LOGIN_CLIENTS auth0-mfa login processes at a time: $CLI_LOGINS_PER_S logins/s ($CLI_LOGINS logins)"
echo
if [[ $TLS == 1 ]]; then
    echo "The budget's reference numbers (curl 8 ms, reqwest 3.5 ms) are for HTTPS to a local"
    echo "server on this machine class; the reqwest ref column re-measures that program here."
else
    echo "The budget is for HTTPS; these requests are plain HTTP on loopback (no TLS"
    echo "handshake on any side): the reqwest ref column is the fair yardstick."
fi
