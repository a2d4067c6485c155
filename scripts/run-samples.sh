#!/usr/bin/env bash
# The main job on samples/: set up, extract every sample into the embedded SQLite store,
# then list what was stored. Records (JSON Lines) are written to out/samples.jsonl.
#   scripts/run-samples.sh                 # the store is $XDG_DATA_HOME/intake/intake.sqlite
#   INTAKE_STORE=/tmp/x.sqlite scripts/run-samples.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
intake=".build/debug/intake"
store="${INTAKE_STORE:-default}"
mkdir -p out
status=0
"$intake" extract samples --as-of "${INTAKE_AS_OF:-2026-11-20}" --store "$store" > out/samples.jsonl || status=$?
# Exit 1 only says some samples need attention (many are made to); 2 or more is a failure.
if [ "$status" -ge 2 ]; then echo "run-samples: intake extract failed ($status)" >&2; exit "$status"; fi
echo "run-samples: $(wc -l < out/samples.jsonl) records written to out/samples.jsonl" >&2
if [ "$store" = default ]; then "$intake" records list; else "$intake" records list --store "$store"; fi
