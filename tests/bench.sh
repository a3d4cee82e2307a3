#!/usr/bin/env bash
# tests/bench.sh: the whole-process performance budget of `auth0-mfa` (design.md,
# "Performance budget"), measured side by side with curl against the local emulator.
#
# Usage: tests/bench.sh [--runs N] [--warmup N] [--no-build] [--no-hyperfine]
#
#   --runs N        timed runs per command (default 50)
#   --warmup N      untimed runs before them (default 3)
#   --no-build      use the existing target/release/auth0-mfa instead of
#                   `cargo build --release --locked`
#   --no-hyperfine  time with a bash loop even when hyperfine is installed
#
# Needs curl. Uses hyperfine and /usr/bin/time when present (it never installs anything).
#
# What is measured (every number is the mean wall time of a whole process, start to exit):
#
#   --version       `auth0-mfa --version` vs `curl --version`: process start-up alone.
#   1 request       POST /mfa/challenge {"challenge_type":"otp"}: `auth0-mfa challenge
#                   --type otp --json` vs one curl POST with the same JSON body. An otp
#                   challenge changes nothing on the server, so one mfa_token serves every run.
#   2 requests      the real challenge+verify, ending in tokens: POST /mfa/challenge, then
#                   the mfa-otp grant (POST /oauth/token, form body) on the same connection.
#                   auth0-mfa: `challenge --mfa-token - --type otp --verify --otp-secret S
#                   --json`, which computes the TOTP code itself; curl: one process doing the
#                   same two requests (`--next`), with the code computed beforehand.
#
# Why the 2-request case is built this way: the emulator, like Auth0, accepts each TOTP
# step once per user, so repeating a verify within 30 s would time the "code reused"
# error path instead (and every refused code drains the user's failed-code bucket of 10,
# after which it answers a fast 429). Timing error paths is not honest, so instead the
# script runs a throwaway tenant with a pool of OTP users sharing one secret, and an
# untimed prepare step before every run logs the next unused user in (password grant,
# mfa_token written to a file, plus the current code for curl). Every timed run then
# makes exactly two successful requests: same method, path, content type and fields on
# both sides (checked once against the emulator's request log). The token goes in
# through stdin (`--mfa-token -`) for auth0-mfa and through `-d @file` for curl, so this
# case runs under a shell (`sh -c`; hyperfine subtracts the shell's own start-up).
#
#   peak memory     "Maximum resident set size" of the 2-request case (/usr/bin/time -v).
#   push wait       `auth0-mfa login -u multi@example.com --factor push --interval 1
#                   --timeout 5` on a push nobody approves: wall, user and sys time. It
#                   should take ~5 s of wall time and almost no CPU (sleeping, not
#                   spinning), then exit 9 (push timeout).
#
# The throwaway tenant also lifts the per-client rate limit (100 requests a minute by
# default; a run makes hundreds) and polls' minimum interval (so --interval 1 is not
# answered slow_down). It is written to a temporary directory, removed on exit.
#
# Caveat: the design's budget is for two HTTPS requests to a local server; the emulator
# speaks plain HTTP on loopback, so the budgets here are checked without the TLS
# handshake (on both sides). They are upper bounds the HTTP numbers must meet easily.

set -euo pipefail

RUNS=50
WARMUP=3
BUILD=1
USE_HYPERFINE=1

usage() {
    sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

while [[ $# -gt 0 ]]; do
    case "$1" in
        --runs) RUNS="${2:?--runs needs a number}"; shift 2 ;;
        --runs=*) RUNS="${1#--runs=}"; shift ;;
        --warmup) WARMUP="${2:?--warmup needs a number}"; shift 2 ;;
        --warmup=*) WARMUP="${1#--warmup=}"; shift ;;
        --no-build) BUILD=0; shift ;;
        --no-hyperfine) USE_HYPERFINE=0; shift ;;
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

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/auth0-mfa"
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac

command -v curl >/dev/null || { echo "bench.sh: curl is required" >&2; exit 1; }
if [[ $USE_HYPERFINE == 1 ]] && ! command -v hyperfine >/dev/null; then
    USE_HYPERFINE=0
fi
TIME_BIN=""
if [[ -x /usr/bin/time ]] && /usr/bin/time -f '%M' true >/dev/null 2>&1; then
    TIME_BIN=/usr/bin/time
fi

if [[ $BUILD == 1 ]]; then
    echo "building: cargo build --release --locked" >&2
    cargo build --release --locked >&2
fi
[[ -x "$BIN" ]] || { echo "bench.sh: $BIN is missing; build it or drop --no-build" >&2; exit 1; }

# The demo tenant's values (src/emulator/demo.rs), reused by the benchmark tenant.
CLIENT_ID="EmuDemoCliClient0000000000000001"
CLIENT_SECRET="demo-client-secret-only-for-the-local-emulator"
PASSWORD="demo-Passw0rd"
OTP_USER="otp@example.com"
OTP_SECRET="JB6JGOFX3HV2SX7JTWRZ5BQOPI7J7SUP"
MULTI_USER="multi@example.com"
GRANT_MFA_OTP="http://auth0.com/oauth/grant-type/mfa-otp"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/auth0-mfa-bench.XXXXXX")"
EMU_PID=""
cleanup() {
    if [[ -n "$EMU_PID" ]] && kill -0 "$EMU_PID" 2>/dev/null; then
        kill "$EMU_PID" 2>/dev/null || true
        wait "$EMU_PID" 2>/dev/null || true
    fi
    [[ -n "${BENCH_KEEP_TMP:-}" ]] && echo "bench.sh: kept $TMP" >&2 || rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Nothing from the caller's environment or config files may change what is measured.
while IFS= read -r var; do unset "$var"; done < <(compgen -e | grep '^AUTH0_' || true)
export XDG_CONFIG_HOME="$TMP/config"
mkdir -p "$XDG_CONFIG_HOME"
export NO_COLOR=1

# ---------------------------------------------------------------------------------------
# The benchmark tenant: the demo's client, otp and multi users, plus a pool of OTP users.

POOL=$((2 * (RUNS + WARMUP) + 16))
{
    cat <<EOF
# Generated by tests/bench.sh. Schema: src/emulator/example-tenant.toml.
[settings]
name = "auth0-mfa benchmark"
min_poll_interval_ms = 0
rate_limit = 100000000
rate_limit_window_seconds = 60
mfa_required = true

[[clients]]
client_id = "$CLIENT_ID"
client_secret = "$CLIENT_SECRET"
name = "Benchmark CLI"

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
    for ((i = 1; i <= POOL; i++)); do
        printf '\n[[users]]\nusername = "bench-otp-%d@example.com"\npassword = "%s"\n' "$i" "$PASSWORD"
        printf '[[users.authenticators]]\ntype = "otp"\nsecret = "%s"\n' "$OTP_SECRET"
    done
} > "$TMP/tenant.toml"

# ---------------------------------------------------------------------------------------
# The emulator, in the background; its JSON banner (pretty-printed) ends with a line "}".

"$BIN" emulator --listen 127.0.0.1:0 --json --tenant "$TMP/tenant.toml" \
    > "$TMP/emulator.out" 2> "$TMP/emulator.err" &
EMU_PID=$!
for ((i = 0; ; i++)); do
    if grep -qx '}' "$TMP/emulator.out" 2>/dev/null; then break; fi
    if ! kill -0 "$EMU_PID" 2>/dev/null || ((i > 300)); then
        echo "bench.sh: the emulator did not start:" >&2
        cat "$TMP/emulator.out" "$TMP/emulator.err" >&2
        exit 1
    fi
    sleep 0.05
done
banner_field() {
    sed -n "s/^ *\"$1\": *\"\\([^\"]*\\)\".*/\\1/p" "$TMP/emulator.out" | head -n 1
}
BASE="$(banner_field base_url)"
[[ -n "$BASE" ]] || { echo "bench.sh: no base_url in the emulator's banner" >&2; cat "$TMP/emulator.out" >&2; exit 1; }
# A tenant file's banner leaves these null; the demo tenant's banner prints them.
CLIENT_ID="$(banner_field client_id)"; CLIENT_ID="${CLIENT_ID:-EmuDemoCliClient0000000000000001}"
CLIENT_SECRET="$(banner_field client_secret)"; CLIENT_SECRET="${CLIENT_SECRET:-demo-client-secret-only-for-the-local-emulator}"
PASSWORD="$(banner_field password)"; PASSWORD="${PASSWORD:-demo-Passw0rd}"

export AUTH0_DOMAIN="$BASE" AUTH0_CLIENT_ID="$CLIENT_ID" AUTH0_CLIENT_SECRET="$CLIENT_SECRET"

mfa_token_for() {
    "$BIN" login --mfa-token-only -u "$1" --password "$PASSWORD" </dev/null
}
json_challenge_body() { # mfa_token
    printf '{"client_id":"%s","client_secret":"%s","mfa_token":"%s","challenge_type":"otp"}' \
        "$CLIENT_ID" "$CLIENT_SECRET" "$1"
}
requests_log() { curl -q -sS "$BASE/_emulator/requests"; }

# ---------------------------------------------------------------------------------------
# Commands. Every command is a string run the same way by hyperfine and the bash loop.

# 1 request. One mfa_token for every run (an otp challenge does not use it up); it lives
# 10 minutes, which is far longer than the runs take.
TOKEN1="$(mfa_token_for "$OTP_USER")"
json_challenge_body "$TOKEN1" > "$TMP/challenge1.json"
CURL_HEADERS="-H 'accept: application/json'"
A_VERSION="'$BIN' --version"
C_VERSION="curl -q --version"
A_ONE="'$BIN' challenge --mfa-token '$TOKEN1' --type otp --json"
C_ONE="curl -q -sS $CURL_HEADERS -H 'content-type: application/json' --data-binary @$TMP/challenge1.json $BASE/mfa/challenge"

# 2 requests. prepare.sh SIDE logs the next pool user in and leaves $TMP/SIDE/token (no
# newline), challenge.json and code for the run that follows.
mkdir -p "$TMP/auth0-mfa" "$TMP/curl"
echo 0 > "$TMP/next-user"
cat > "$TMP/prepare.sh" <<EOF
#!/usr/bin/env bash
set -euo pipefail
dir="$TMP/\$1"
n=\$(( \$(cat "$TMP/next-user") + 1 ))
if (( n > $POOL )); then echo "bench.sh: the OTP user pool ($POOL) is used up" >&2; exit 1; fi
echo "\$n" > "$TMP/next-user"
token=\$('$BIN' login --mfa-token-only -u "bench-otp-\$n@example.com" --password '$PASSWORD' </dev/null)
printf '%s' "\$token" > "\$dir/token"
printf '{"client_id":"%s","client_secret":"%s","mfa_token":"%s","challenge_type":"otp"}' \\
    '$CLIENT_ID' '$CLIENT_SECRET' "\$token" > "\$dir/challenge.json"
printf '%s' "\$('$BIN' totp '$OTP_SECRET')" > "\$dir/code"
EOF
chmod +x "$TMP/prepare.sh"
P_A_TWO="$TMP/prepare.sh auth0-mfa"
P_C_TWO="$TMP/prepare.sh curl"
A_TWO="'$BIN' challenge --mfa-token - --type otp --verify --otp-secret '$OTP_SECRET' --json < $TMP/auth0-mfa/token"
C_TWO="curl -q -sS $CURL_HEADERS -H 'content-type: application/json' --data-binary @$TMP/curl/challenge.json $BASE/mfa/challenge \
--next -sS $CURL_HEADERS --data-urlencode grant_type=$GRANT_MFA_OTP --data-urlencode mfa_token@$TMP/curl/token \
--data-urlencode otp@$TMP/curl/code --data-urlencode client_id=$CLIENT_ID --data-urlencode client_secret=$CLIENT_SECRET \
$BASE/oauth/token"

# ---------------------------------------------------------------------------------------
# Sanity: every command works, and both sides send the same requests.

fail() { echo "bench.sh: $*" >&2; exit 1; }
check_output() { # name command pattern...
    local name="$1" cmd="$2" out status=0
    shift 2
    out="$(eval "$cmd" 2>&1)" || status=$?
    [[ $status == 0 ]] || fail "$name exited $status: $out"
    for pattern in "$@"; do
        grep -q -- "$pattern" <<<"$out" || fail "$name printed no '$pattern': $out"
    done
}
# method, path, content type and body field names of the requests made since line $1
request_shapes() {
    local since="$1"
    if command -v jq >/dev/null; then
        requests_log | jq -c --argjson since "$since" \
            '.[$since:][] | [.method, .path, (.content_type // "" | split(";")[0]), (.body | keys? // [])]'
    else
        requests_log | tr '{' '\n' | sed -n 's/.*"method":"\([A-Z]*\)".*"path":"\([^"]*\)".*/\1 \2/p' | tail -n "+$((since + 1))"
    fi
}
request_count() {
    if command -v jq >/dev/null; then requests_log | jq length; else requests_log | grep -o '"method"' | wc -l; fi
}

echo "emulator at $BASE; checking the commands" >&2
check_output "auth0-mfa --version" "$A_VERSION" "auth0-mfa"
check_output "curl --version" "$C_VERSION" "curl"
check_output "auth0-mfa challenge" "$A_ONE" '"challenge_type"'
check_output "curl challenge" "$C_ONE" '"challenge_type":"otp"'
before="$(request_count)"
eval "$P_A_TWO"
check_output "auth0-mfa challenge --verify" "$A_TWO" '"access_token"'
middle="$(request_count)"
eval "$P_C_TWO"
check_output "curl challenge + mfa-otp" "$C_TWO" '"challenge_type":"otp"' '"access_token"'
after="$(request_count)"
# The prepare step's login is one request before each side's pair.
shapes_a="$(request_shapes "$((before + 1))" | head -n $((middle - before - 1)))"
shapes_c="$(request_shapes "$((middle + 1))" | head -n $((after - middle - 1)))"
[[ $((middle - before)) == 3 && $((after - middle)) == 3 ]] \
    || fail "expected 2 requests per side, saw $((middle - before - 1)) (auth0-mfa) and $((after - middle - 1)) (curl)"
[[ "$shapes_a" == "$shapes_c" ]] \
    || fail "auth0-mfa and curl sent different requests:"$'\n'"$shapes_a"$'\n'"vs"$'\n'"$shapes_c"
echo "both sides send, per 2-request run:" >&2
sed 's/^/  /' <<<"$shapes_a" >&2

# ---------------------------------------------------------------------------------------
# Timing. measure KEY SHELL PREPARE_A CMD_A PREPARE_C CMD_C sets MEAN_A[KEY], MEAN_C[KEY]
# (ms) and CPU_A[KEY], CPU_C[KEY] (user+sys ms). SHELL=0 runs the commands without a shell.

declare -A MEAN_A MEAN_C SD_A SD_C CPU_A CPU_C

ms() { awk -v s="$1" 'BEGIN { printf "%.3f", s * 1000 }'; }

measure_hyperfine() {
    local key="$1" shell="$2" pa="$3" a="$4" pc="$5" c="$6"
    local csv="$TMP/$key.csv"
    local args=(--runs "$RUNS" --warmup "$WARMUP" --style none --export-csv "$csv")
    [[ $shell == 1 ]] || args+=(-N)
    if [[ -n "$pa" ]]; then args+=(--prepare "$pa" --prepare "$pc"); fi
    hyperfine "${args[@]}" -n auth0-mfa "$a" -n curl "$c" > "$TMP/$key.hyperfine.log" 2>&1 \
        || { cat "$TMP/$key.hyperfine.log" >&2; fail "hyperfine failed on the '$key' case"; }
    # command,mean,stddev,median,user,system,min,max (seconds)
    local name mean sd _median user system _rest
    while IFS=, read -r name mean sd _median user system _rest; do
        case "$name" in
            auth0-mfa) MEAN_A[$key]="$(ms "$mean")"; SD_A[$key]="$(ms "$sd")"
                       CPU_A[$key]="$(ms "$(awk -v u="$user" -v s="$system" 'BEGIN { print u + s }')")" ;;
            curl) MEAN_C[$key]="$(ms "$mean")"; SD_C[$key]="$(ms "$sd")"
                  CPU_C[$key]="$(ms "$(awk -v u="$user" -v s="$system" 'BEGIN { print u + s }')")" ;;
        esac
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

# Prints "mean_ms stddev_ms" of RUNS runs of CMD (after WARMUP), each after PREPARE.
loop_one() {
    local prepare="$1" cmd="$2" i t0 t1
    local -a samples=()
    for ((i = 0; i < WARMUP + RUNS; i++)); do
        if [[ -n "$prepare" ]]; then eval "$prepare" >/dev/null; fi
        t0="$(now_ns)"
        eval "$cmd" >/dev/null 2>&1 || true
        t1="$(now_ns)"
        ((i < WARMUP)) || samples+=("$((t1 - t0))")
    done
    printf '%s\n' "${samples[@]}" | awk '{ s += $1; q += $1 * $1; n++ }
        END { m = s / n; v = q / n - m * m; if (v < 0) v = 0; printf "%.3f %.3f", m / 1e6, sqrt(v) / 1e6 }'
}

measure_loop() {
    local key="$1" _shell="$2" pa="$3" a="$4" pc="$5" c="$6" r
    r="$(loop_one "$pa" "$a")"; MEAN_A[$key]="${r% *}"; SD_A[$key]="${r#* }"; CPU_A[$key]="-"
    r="$(loop_one "$pc" "$c")"; MEAN_C[$key]="${r% *}"; SD_C[$key]="${r#* }"; CPU_C[$key]="-"
}

measure() {
    echo "measuring: $1" >&2
    if [[ $USE_HYPERFINE == 1 ]]; then measure_hyperfine "$@"; else measure_loop "$@"; fi
}

measure version 0 "" "$A_VERSION" "" "$C_VERSION"
measure one 0 "" "$A_ONE" "" "$C_ONE"
measure two 1 "$P_A_TWO" "$A_TWO" "$P_C_TWO" "$C_TWO"

# Peak memory of the 2-request case: the largest of 5 runs per side.
peak_kib() { # prepare command
    local best=0 i kib
    for ((i = 0; i < 5; i++)); do
        eval "$1" >/dev/null
        eval "$TIME_BIN -f '%M' -o '$TMP/rss' $2" >/dev/null 2>&1 || true
        kib="$(tail -n 1 "$TMP/rss")"
        if ((kib > best)); then best=$kib; fi
    done
    echo "$best"
}
RSS_A="" RSS_C=""
if [[ -n "$TIME_BIN" ]]; then
    echo "measuring: peak memory" >&2
    # `/usr/bin/time -f %M` is the "Maximum resident set size" line of `time -v`, in KiB.
    RSS_A="$(peak_kib "$P_A_TWO" "$A_TWO")"
    RSS_C="$(peak_kib "$P_C_TWO" "$C_TWO")"
fi

# Waiting for a push nobody approves: sleep, do not spin.
echo "measuring: a push wait of 5 s (takes 5 s)" >&2
oob_polls() { requests_log | { grep -o 'grant-type/mfa-oob' || true; } | wc -l; }
polls_before="$(oob_polls)"
PUSH_STATUS=0
PUSH_TIME=""
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
PUSH_POLLS=$(( $(oob_polls) - polls_before ))

# ---------------------------------------------------------------------------------------
# Report.

lt() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 < b + 0) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }'; }
verdict() { if "$@"; then echo "ok"; else echo "OVER BUDGET"; fi; }

two_ok() { lt "${MEAN_A[two]}" 5.25 && lt "${MEAN_A[two]}" "${MEAN_C[two]}"; }

echo
echo "auth0-mfa $("$BIN" --version | awk '{print $2}') ($BIN) vs $(curl --version | head -n 1 | cut -d' ' -f1-2)"
echo "$(nproc) CPUs; emulator at $BASE (plain HTTP, loopback); mean of $RUNS runs after $WARMUP warm-up runs, $(
    [[ $USE_HYPERFINE == 1 ]] && hyperfine --version || echo "bash loop (includes bash's fork+exec)")"
echo
fmt="%-22s %12s %12s %8s   %-36s %s\n"
# shellcheck disable=SC2059
printf "$fmt" "case" "auth0-mfa" "curl" "ratio" "budget" "verdict"
# shellcheck disable=SC2059
printf "$fmt" "----" "---------" "----" "-----" "------" "-------"
row() { # key label budget verdict
    # shellcheck disable=SC2059
    printf "$fmt" "$2" "${MEAN_A[$1]} ms" "${MEAN_C[$1]} ms" "$(ratio "${MEAN_A[$1]}" "${MEAN_C[$1]}")" "$3" "$4"
}
row version "--version" "about 1 ms (ok under 1.5 ms)" "$(verdict lt "${MEAN_A[version]}" 1.5)"
row one "1 request" "faster than curl" "$(verdict lt "${MEAN_A[one]}" "${MEAN_C[one]}")"
row two "2 requests (verify)" "<= 5.25 ms (1.5 x 3.5), < curl" "$(verdict two_ok)"
if [[ -n "$RSS_A" ]]; then
    # shellcheck disable=SC2059
    printf "$fmt" "peak RSS, 2 requests" "$(awk -v k="$RSS_A" 'BEGIN { printf "%.1f MiB", k / 1024 }')" \
        "$(awk -v k="$RSS_C" 'BEGIN { printf "%.1f MiB", k / 1024 }')" "$(ratio "$RSS_A" "$RSS_C")" \
        "under 10 MiB" "$(verdict lt "$RSS_A" 10240)"
else
    echo "peak RSS: /usr/bin/time is not installed; skipped"
fi
push_ok() {
    [[ $PUSH_STATUS == 9 ]] && [[ $PUSH_USER != "?" ]] && lt "$(awk -v u="$PUSH_USER" -v s="$PUSH_SYS" 'BEGIN { print u + s }')" 0.1
}
echo
echo "push wait (--interval 1 --timeout 5, never approved): ${PUSH_WALL} s wall, ${PUSH_USER} s user, ${PUSH_SYS} s sys;" \
    "$PUSH_POLLS polls; exit $PUSH_STATUS (9 expected)"
echo "  budget: sleeps, never spins (~5 s wall, CPU under 0.1 s): $(verdict push_ok)"
echo
echo "spread and CPU (user+sys) per run, ms:"
for key in version one two; do
    printf "  %-8s auth0-mfa %s +- %s (cpu %s)   curl %s +- %s (cpu %s)\n" "$key" \
        "${MEAN_A[$key]}" "${SD_A[$key]}" "${CPU_A[$key]}" "${MEAN_C[$key]}" "${SD_C[$key]}" "${CPU_C[$key]}"
done
echo
echo "The design's budget is for HTTPS; these requests are plain HTTP on loopback (no TLS"
echo "handshake on either side), so the 2-request budget is an upper bound here."
