#!/usr/bin/env bash
# Builds the package and its tests under a sanitizer, each in a build folder of its own
# (.build/asan, .build/tsan, so the ordinary debug build is left alone), and runs suites there
# against a private PostgreSQL as scripts/test.sh does. Usage:
#   scripts/test-sanitizers.sh                          # both runs below, one after the other
#   scripts/test-sanitizers.sh address                  # ASan: IntakeReadersTests and IntakeStoreTests
#   scripts/test-sanitizers.sh thread                   # TSan: the store and watcher suites
#   scripts/test-sanitizers.sh address --filter XMLStream   # other `swift test` arguments instead
#   scripts/test-sanitizers.sh --filter XMLStream           # the same (address)
# The store suite's command-line tests run .build/debug/intake, so that is built first.
# ASan aborts the run at the first error it finds (heap or stack use after free, overflow; leaks
# of C libraries' buffers are not reported: detect_leaks stays off, GLib keeps caches for life).
# TSan stops at the first data race (halt_on_error); scripts/tsan.supp holds the reports that
# are not ours to fix, each with its reason.
# Each run builds the whole package afresh the first time (10-25 minutes on 2 cores), which is
# why CI (.ci/run) does not run them (README says when to run them).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
eval "$(scripts/test-postgres.sh)"

run() {
    local sanitizer=$1 folder=$2
    shift 2
    local flags=(--sanitize="$sanitizer" --build-path "$folder")
    local started=$SECONDS
    swift build "${flags[@]}" --build-tests >&2
    swift test "${flags[@]}" --skip-build "$@"
    echo "sanitizer $sanitizer: $((SECONDS - started)) s (build and tests)" >&2
}

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1:detect_stack_use_after_return=1}"
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1:suppressions=$PWD/scripts/tsan.supp}"
which=both
if [ $# -gt 0 ] && [[ $1 != -* ]]; then which=$1; shift; elif [ $# -gt 0 ]; then which=address; fi
case "$which" in
    address) if [ $# -eq 0 ]; then set -- --filter 'IntakeReadersTests|IntakeStoreTests'; fi
             run address .build/asan "$@" ;;
    thread)  if [ $# -eq 0 ]; then set -- --filter 'IntakeStoreTests|Watch'; fi
             run thread .build/tsan "$@" ;;
    both)    run address .build/asan --filter 'IntakeReadersTests|IntakeStoreTests'
             run thread .build/tsan --filter 'IntakeStoreTests|Watch' ;;
    *)       echo "usage: scripts/test-sanitizers.sh [address|thread] [swift test arguments]" >&2; exit 64 ;;
esac
