#!/usr/bin/env bash
# tests/startup-order.sh: records src/startup.order, the functions the real commands run,
# in the order they first ran, which src/build.rs hands to the linker so that they sit
# side by side in the release binary (README.md, "Development": why).
#
# Usage: tests/startup-order.sh [--check [BIN]]
#
#   (no option)  build the release binary, run the commands below under valgrind's
#                callgrind against the demo tenant (HTTPS), and write src/startup.order
#   --check      only say how much of src/startup.order the current release build
#                still has (exit 1 under 90 %); of BIN, built already, when given
#
# The file names functions by their mangled symbols, and a symbol's hash changes with
# the toolchain, the release profile and Cargo.lock: after any of them changes, the
# names no longer match and the binary is laid out in the compiler's order again (it
# still builds and runs the same; only start-up is slower and bigger). `tests/bench.sh`
# reports how much of the file matches. Run this script again then, and commit the file.
#
# Needs valgrind and nm (binutils). CARGO_TARGET_DIR is honoured.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
ORDER="$ROOT/src/startup.order"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
BIN="$TARGET_DIR/release/auth0-mfa"
fail() { echo "startup-order.sh: $*" >&2; exit 2; }

CHECK=0
BUILD=1
case "${1:-}" in
    --check)
        CHECK=1
        if [[ -n "${2:-}" ]]; then BIN="$2"; BUILD=0; fi ;;
    "") ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) fail "unknown option $1 (see --help)" ;;
esac

command -v nm >/dev/null || fail "needs nm (binutils)"
[[ $BUILD == 0 ]] || cargo build --release --locked --quiet
TMP="$(mktemp -d)"
EMU_PID=""
cleanup() {
    [[ -z "$EMU_PID" ]] || kill "$EMU_PID" 2>/dev/null || true
    rm -rf "$TMP"
}
trap cleanup EXIT

# The binary's functions: its symbol table (the release profile keeps it).
nm "$BIN" | awk '$2 ~ /^[tTwW]$/ { print $3 }' | sort -u > "$TMP/symbols"
[[ -s "$TMP/symbols" ]] || fail "$BIN has no symbol table (Cargo.toml's release profile must keep it: strip = \"debuginfo\")"

if [[ $CHECK == 1 ]]; then
    [[ -f "$ORDER" ]] || fail "no $ORDER"
    total=$(grep -c . "$ORDER")
    found=$(sort -u "$ORDER" | comm -12 - "$TMP/symbols" | wc -l)
    percent=$((100 * found / (total > 0 ? total : 1)))
    echo "src/startup.order: $found of its $total functions are in this release build ($percent %)"
    ((percent >= 90)) || { echo "stale: run tests/startup-order.sh and commit src/startup.order" >&2; exit 1; }
    exit 0
fi

command -v valgrind >/dev/null || fail "needs valgrind (apt-get install valgrind)"

# The demo tenant over HTTPS, as the benchmark and a real tenant are reached.
"$BIN" emulator --listen 127.0.0.1:0 --json --tls --ca-file "$TMP/ca.pem" > "$TMP/emulator.out" 2> "$TMP/emulator.err" &
EMU_PID=$!
for ((i = 0; ; i++)); do
    grep -qx '}' "$TMP/emulator.out" 2>/dev/null && break
    if ! kill -0 "$EMU_PID" 2>/dev/null || ((i > 300)); then
        cat "$TMP/emulator.out" "$TMP/emulator.err" >&2
        fail "the emulator did not start"
    fi
    sleep 0.05
done
field() { sed -n "s/^  \"$1\": *\"\\([^\"]*\\)\".*/\\1/p" "$TMP/emulator.out" | head -n 1; }
export AUTH0_DOMAIN="$(field base_url)"
export AUTH0_CLIENT_ID=EmuDemoCliClient0000000000000001
export AUTH0_CLIENT_SECRET=demo-client-secret-only-for-the-local-emulator
export AUTH0_PASSWORD=demo-Passw0rd
export AUTH0_CACERT="$TMP/ca.pem"
export XDG_STATE_HOME="$TMP/state" XDG_CONFIG_HOME="$TMP/config" AUTH0_MFA_STORE=file
SECRET="$(field otp_secret)"
SECRET2=$(grep -A1 '"export": "SECRET2"' "$TMP/emulator.out" | sed -n 's/.*"secret": "\([A-Z2-7]*\)".*/\1/p')
[[ -n "$SECRET" && -n "$SECRET2" ]] || fail "no TOTP secrets in the emulator's banner"

# What users run most, each once: start-up alone, a code, a login that stores a
# session, a challenge and its verification, the stored token (`exec` runs what
# `token` does, then becomes its command, which callgrind cannot follow).
N=0
record() {
    N=$((N + 1))
    echo "$*" >> "$TMP/commands"
    valgrind --tool=callgrind --demangle=no --callgrind-out-file="$TMP/run.$N" "$BIN" "$@" \
        > "$TMP/out.$N" 2> "$TMP/err.$N" || { cat "$TMP/err.$N" >&2; fail "auth0-mfa $* failed"; }
}
record --version
record totp "$SECRET"
record login -u otp@example.com --otp-secret "$SECRET" --scope "openid offline_access" --json
"$BIN" login -u otp2@example.com --mfa-token-only > "$TMP/mfa_token"
record challenge --mfa-token-file "$TMP/mfa_token" --type otp --verify --otp-secret "$SECRET2" --no-otp-wait --json
record token

# Every function named, in the order the runs first met it, kept when it is one of
# the binary's own (not the C library's).
for ((i = 1; i <= N; i++)); do
    [[ -s "$TMP/run.$i" ]] || fail "no profile of auth0-mfa $(sed -n "${i}p" "$TMP/commands")"
    sed -n -E 's/^c?fn=\([0-9]+\) //p' "$TMP/run.$i"
done | awk 'NR == FNR { own[$0] = 1; next } own[$0] && !seen[$0]++' "$TMP/symbols" - > "$TMP/order"
[[ -s "$TMP/order" ]] || fail "callgrind named none of the binary's functions"
mv "$TMP/order" "$ORDER"
echo "wrote src/startup.order: $(wc -l < "$ORDER") functions from $N runs; rebuild (cargo build --release) to use it"
