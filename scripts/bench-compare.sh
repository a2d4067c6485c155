#!/usr/bin/env bash
# Compares release builds' CPU at one job, alternating their runs, on the DOCX and PDF files
# of samples/, ../shared/forms/filled three times and corpus/dev (267 files), and runs the
# reading floor (../shared/bench/floor.sh) on the same files in the same rounds. Prints each
# build's and the floor's median, best and every run (CPU-seconds, user + sys), and the median
# against the floor's: the machine has no hardware counters and is noisy, so medians of several
# alternated runs are the figures to compare.
#   scripts/bench-compare.sh RUNS BINARY...    e.g. scripts/bench-compare.sh 5 /tmp/old/intake .build/release/intake
set -euo pipefail
cd "$(dirname "$0")/.."
runs="$1"; shift
command -v /usr/bin/time >/dev/null || { apt-get install -y -qq time >&2; }
corpus="$(mktemp -d /tmp/intake-compare.XXXXXX)"
trap 'rm -rf "$corpus"' EXIT
for i in 1 2 3; do
    mkdir -p "$corpus/filled$i"
    cp samples/*.docx samples/*.pdf "$corpus/filled$i/"
    # Six filled forms are also in samples/ under the same name: one copy of each.
    cp -n ../shared/forms/filled/*.docx ../shared/forms/filled/*.pdf "$corpus/filled$i/"
done
mkdir -p "$corpus/dev" && find corpus/dev \( -name '*.docx' -o -name '*.pdf' \) -exec cp {} "$corpus/dev/" \;
echo "corpus: $(find "$corpus" -type f | wc -l) DOCX and PDF files, $runs alternated runs"
report="$(mktemp)"
for _ in $(seq 1 "$runs"); do
    for binary in "$@"; do
        /usr/bin/time -f "%U %S" -o "$report" "$binary" extract "$corpus" --as-of 2026-11-20 --quiet --jobs 1 > /dev/null 2>&1 || true
        echo "$binary $(tail -n 1 "$report" | awk '{ print $1 + $2 }')"
    done
    # The floor in the same rounds, so that it meets the same moments of a noisy machine.
    echo "floor $(bash ../shared/bench/floor.sh $(find "$corpus" -type f) 2>&1 > /dev/null | tail -n 1 | awk '{ print $5 + $8 }')"
done | python3 -c '
import collections, statistics, sys
runs = collections.defaultdict(list)
for line in sys.stdin:
    name, seconds = line.split()
    runs[name].append(float(seconds))
floor = statistics.median(runs["floor"])
for name, values in runs.items():
    median = statistics.median(values)
    print(f"{name}: median {median:.2f} CPU-s ({median / floor:.1f}x the floor), best {min(values):.2f}; runs", *values)
'
rm -f "$report"
