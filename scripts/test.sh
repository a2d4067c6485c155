#!/usr/bin/env bash
# Sets up, starts a private PostgreSQL on 127.0.0.1 for the store tests, and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
eval "$(scripts/test-postgres.sh)"
swift build --build-tests >&2
swift test --skip-build "$@"
