#!/usr/bin/env bash
# Mutation testing of the modules that guard secrets, codes, sessions and exit
# codes: cargo-mutants changes one thing at a time in a module (a `>=` to `==`,
# a function body to a default value) and runs the tests that concern it; a
# change no test notices is a behaviour nothing pins down.
#
#   cargo install --locked cargo-mutants
#   tests/mutants.sh                 # every module below, one file at a time
#   tests/mutants.sh src/spent.rs    # one module
#   tests/mutants.sh --list          # the modules and the tests each one runs
#
# Slow (each mutant is an incremental build and a test run): on 2 cores,
# minutes per module, about an hour for them all. Not part of .ci/run; run it
# before calling an issue that touches these modules resolved, and put the
# figures in the README (Development). Results: mutants.out/<module>/.
set -euo pipefail
cd "$(dirname "$0")/.."

# module | the test-name filters (lib and integration tests) that concern it
MODULES=(
    "src/spent.rs|spent round_trips::a_code_sent round_trips::no_otp_wait"
    "src/totp.rs|totp spent round_trips"
    "src/secret.rs|secret echo mask leak"
    "src/sanitize.rs|sanitize secrets faults::"
    "src/trace.rs|trace secret echo mask leak"
    "src/error.rs|error exit signals:: factors:: steps::an_expired steps::new_user transport::a_long_429"
    "src/settings/*.rs|settings"
    "src/prompt.rs|prompt terminal:: input::"
    "src/auth0/transport.rs|transport errors::"
)

if [ "${1:-}" = "--list" ]; then
    printf '%s\n' "${MODULES[@]}" | column -t -s '|'
    exit 0
fi
if ! command -v cargo-mutants >/dev/null 2>&1; then
    echo "error: cargo-mutants is not installed: cargo install --locked cargo-mutants" >&2
    exit 2
fi

only="${1:-}"
ran=0
for entry in "${MODULES[@]}"; do
    file="${entry%%|*}"
    filters="${entry#*|}"
    if [ -n "$only" ] && [ "$only" != "$file" ]; then
        continue
    fi
    ran=1
    out="mutants.out/$(basename "$file" .rs)"
    mkdir -p "$out"
    echo "== $file (tests: $filters)"
    # One job: the machine has 2 cores, and the build inside each job uses
    # both. --copy-target starts from this tree's build, so each mutant is an
    # incremental build. A timeout is a mutant that made a test hang: the
    # tests bound their own waits, so that is caught, not missed.
    # shellcheck disable=SC2086 # the filters are words
    cargo mutants --file "$file" --jobs 1 --copy-target=true \
        --timeout 300 --build-timeout 600 --output "$out" \
        -- --locked --lib --test cli -- $filters ||
        true # cargo-mutants exits non-zero when a mutant is missed
    for outcome in caught missed timeout unviable; do
        count=$(wc -l <"$out/mutants.out/$outcome.txt" 2>/dev/null || echo 0)
        printf '   %-9s %s\n' "$outcome" "$count"
    done
    if [ -s "$out/mutants.out/missed.txt" ]; then
        echo "   missed:"
        sed 's/^/     /' "$out/mutants.out/missed.txt"
    fi
done
if [ "$ran" = 0 ]; then
    echo "error: $only is not one of the modules (tests/mutants.sh --list)" >&2
    exit 2
fi
