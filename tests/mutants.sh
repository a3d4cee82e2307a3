#!/usr/bin/env bash
# Mutation testing of the modules that guard secrets, codes, sessions and exit
# codes: cargo-mutants changes one thing at a time in a module (a `>=` to `==`,
# a function body to a default value) and runs the tests that concern it; a
# change no test notices is a behaviour nothing pins down.
#
#   cargo install --locked cargo-mutants
#   tests/mutants.sh                 # every module below, one file at a time
#   nice -n 19 tests/mutants.sh ...  # on a machine others build on too
#   tests/mutants.sh src/spent.rs    # one module
#   tests/mutants.sh --list          # the modules and the tests each one runs
#   tests/mutants.sh --all --iterate          # (the module or --all first)
#   tests/mutants.sh src/totp.rs --iterate    # again, skipping the caught ones
#   tests/mutants.sh src/totp.rs --re 'period' # only the mutants matching
#   MUTANTS_SCRATCH=/tmp/m2 tests/mutants.sh src/totp.rs  # alongside another run
#
# Arguments after the module go to cargo-mutants as they are.
#
# Slow (each mutant is an incremental build and a test run): on 2 cores,
# minutes per module, about an hour for them all. Not part of .ci/run; run it
# before calling an issue that touches these modules resolved, and put the
# figures in the README (Development). Results: mutants.out/<module>/; the
# scratch copy of the tree: $MUTANTS_SCRATCH (/tmp/auth0-mfa-mutants).
set -euo pipefail
cd "$(dirname "$0")/.."

# module | the passes (unit: the library's tests alone first; cli: then the
# integration tests too) | the test-name filters (lib and integration tests)
# that concern it. A module with no unit tests of its own skips the first pass.
MODULES=(
    "src/spent.rs|unit,cli|spent round_trips::a_code_sent round_trips::no_otp_wait"
    "src/totp.rs|unit,cli|totp spent:: round_trips::a_code_sent round_trips::no_otp_wait"
    "src/secret.rs|unit,cli|secret echo mask leak"
    "src/sanitize.rs|unit,cli|sanitize output:: console:: emulator_exposed::the_console emulator_exposed::check_prints traces:: errors::a_hostile"
    "src/trace.rs|unit,cli|trace secrets::"
    "src/error.rs|unit,cli|error:: errors:: signals::a_signal_during users::management_refusals transport::a_long_429"
    "src/settings/mod.rs|cli|settings input:: config_init:: client_security::a_config_file"
    "src/settings/typed.rs|cli|settings input:: config_init:: login:: enroll:: sessions:: otp_command:: factors::the_profile factors::push_gives_up users::the_cached_token users::a_token_without users::management_settings users::a_cached_token_the_api_refuses doctor_config::without_management_access"
    "src/settings/read.rs|unit,cli|settings input:: config_init::"
    "src/prompt.rs|cli|prompt commands::config::tests config_init:: terminal:: input:: users::destructive"
    "src/auth0/transport.rs|unit,cli|transport errors:: traces:: secrets::no_command_leaks doctor::a_skewed doctor::low_rate_limit doctor_config::both_apis"
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
shift || true
root="$PWD"
# cargo-mutants' own copy (--copy-target) does not keep file times, so cargo
# takes every dependency with a build script for stale and rebuilds them all
# (minutes) in each run. Instead: one scratch copy of the tree, made with the
# times kept (cp -a), where the mutants are applied in place (--in-place:
# cargo-mutants puts each file back). Its target/ is made once from this
# tree's, times kept, and then kept by its own builds; everything else is
# copied afresh each run. Only this crate is rebuilt there, by the baseline.
scratch="${MUTANTS_SCRATCH:-${TMPDIR:-/tmp}/auth0-mfa-mutants}"
if [ -n "$only" ] && [ "$only" != --all ]; then
    matched=0
    for entry in "${MODULES[@]}"; do
        if [ "${entry%%|*}" = "$only" ]; then matched=1; fi
    done
    if [ "$matched" = 0 ]; then
        echo "error: $only is not one of the modules (tests/mutants.sh --list)" >&2
        exit 2
    fi
fi
case "$(realpath -m "$scratch")" in
"$root" | "$root"/* | / | "$HOME")
    echo "error: MUTANTS_SCRATCH must be a directory of its own, outside this tree" >&2
    exit 2
    ;;
esac
echo "== scratch copy: $scratch"
mkdir -p "$scratch"
if [ ! -d "$scratch/target" ] && [ -d target ]; then
    cp -a target "$scratch/target"
fi
find "$scratch" -mindepth 1 -maxdepth 1 ! -name target -exec rm -rf {} +
# The sources with the time of the copy, not their own: the last mutant
# built there is newer than a source not edited since, and cargo would take
# that build for current.
find . -mindepth 1 -maxdepth 1 ! -name target ! -name mutants.out ! -name .git \
    -exec cp -R --preserve=mode {} "$scratch/" \;

# Without debug information for this crate (its dependencies have none
# already): a mutant's build and link take a third of the time.
export CARGO_PROFILE_DEV_DEBUG=0 CARGO_PROFILE_TEST_DEBUG=0
# --iterate is the script's to give in the second pass; given by the caller,
# both passes skip what an earlier run caught.
iterate=()
passed=()
for arg in "$@"; do
    if [ "$arg" = --iterate ]; then iterate=(--iterate); else passed+=("$arg"); fi
done

lines() { if [ -f "$1" ]; then wc -l <"$1"; else echo 0; fi; }

for entry in "${MODULES[@]}"; do
    file="${entry%%|*}"
    passes="${entry#*|}"
    passes="${passes%%|*}"
    filters="${entry##*|}"
    if [ -n "$only" ] && [ "$only" != --all ] && [ "$only" != "$file" ]; then
        continue
    fi
    out="$root/mutants.out/$(basename "$file" .rs)"
    results="$out/mutants.out"
    if [ ${#iterate[@]} = 0 ]; then rm -rf "$results" "$results.old"; fi
    mkdir -p "$out"
    echo "== $file (tests: $filters)"
    started=$(date +%s)
    # The baseline: the filtered tests must pass on the unmutated tree, or
    # every mutant would count as caught. Run here, so that cargo-mutants can
    # skip its own (--baseline=skip).
    # shellcheck disable=SC2086 # the filters are words
    if ! (cd "$scratch" && cargo test --locked --lib --test cli -- $filters) >"$out/baseline.log" 2>&1; then
        echo "error: the tests for $file fail without any mutant: $out/baseline.log" >&2
        exit 1
    fi
    # Two passes, one job each (in place; the machine has 2 cores, and the
    # build inside a job uses both). First the unit tests alone: a mutant then costs one
    # build of the library's tests, a few seconds. Then only the mutants they
    # missed, against the integration tests (the real binary; the library,
    # the binary and the tests to build per mutant). The filters pick the
    # module's unit tests and the few integration tests that drive what it
    # does: the whole suite per mutant would take hours. A timeout is a
    # mutant that made a test hang (the tests bound their own waits): caught.
    mutate() {
        local status=0
        (cd "$scratch" && cargo mutants --file "$file" --in-place --baseline=skip \
            --timeout 120 --build-timeout 600 --output "$out" "$@") || status=$?
        # 2: some mutants were missed, 3: some timed out; anything else broke.
        case "$status" in
        0 | 2 | 3) ;;
        *)
            echo "error: cargo mutants failed (exit $status)" >&2
            exit 1
            ;;
        esac
    }
    caught=0 unviable=0 second=("${iterate[@]}") targets=(-C --lib -C --test -C cli)
    if [ "${passes%%,*}" = unit ]; then
        # shellcheck disable=SC2086 # the filters are words
        mutate "${iterate[@]}" "${passed[@]}" -C --locked -C --lib -- -- $filters
        caught=$(lines "$results/caught.txt")
        unviable=$(lines "$results/unviable.txt")
        # What the unit tests missed, they miss again: the second pass
        # builds and runs only the integration tests.
        second=(--iterate) targets=(-C --test -C cli)
        echo "   unit tests: $caught caught; the rest go to the integration tests"
    fi
    if [ "${passes%%,*}" != unit ] || [ -s "$results/missed.txt" ] || [ -s "$results/timeout.txt" ]; then
        # shellcheck disable=SC2086 # the filters are words
        mutate "${second[@]}" "${passed[@]}" -C --locked "${targets[@]}" -- -- $filters
        caught=$((caught + $(lines "$results/caught.txt")))
        unviable=$((unviable + $(lines "$results/unviable.txt")))
    fi
    {
        echo "$file: $(date -u +%F) cargo-mutants $(cargo mutants --version | cut -d' ' -f2)"
        printf '   %-9s %s\n' caught "$caught" missed "$(lines "$results/missed.txt")" \
            timeout "$(lines "$results/timeout.txt")" unviable "$unviable" \
            minutes "$((($(date +%s) - started + 30) / 60))"
        if [ -s "$results/missed.txt" ]; then
            echo "   missed:"
            sed 's/^/     /' "$results/missed.txt"
        fi
    } | tee "$out/summary.txt"
done
