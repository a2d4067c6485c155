#!/usr/bin/env bash
# Builds the package and its tests under AddressSanitizer in a build folder of its own
# (.build/asan, so the ordinary debug build is left alone) and runs the reader and store suites
# there, against a private PostgreSQL as scripts/test.sh does. Usage:
#   scripts/test-sanitizers.sh                     # IntakeReadersTests and IntakeStoreTests
#   scripts/test-sanitizers.sh --filter XMLStream  # other `swift test` arguments instead
# The store suite's command-line tests run .build/debug/intake, so that is built first.
# ASan aborts the run at the first error it finds (heap or stack use after free, overflow, leak
# of a C library's buffer is not reported: detect_leaks stays off, GLib keeps caches for life).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
eval "$(scripts/test-postgres.sh)"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1:detect_stack_use_after_return=1}"
asan=(--sanitize=address --build-path .build/asan)
swift build "${asan[@]}" --build-tests >&2
if [ $# -eq 0 ]; then set -- --filter 'IntakeReadersTests|IntakeStoreTests'; fi
swift test "${asan[@]}" --skip-build "$@"
