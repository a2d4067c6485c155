#!/usr/bin/env bash
# Compares release builds' CPU at one job, alternating their runs, on the DOCX and PDF files
# of samples/, ../shared/forms/filled three times and corpus/dev (267 files), and runs the
# reading floor (../shared/bench/floor.sh) on the same files. Prints each build's best and
# every run (CPU-seconds, user + sys): the machine has no hardware counters, so the best of
# several alternated runs is the figure to compare.
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
done | awk '{ runs[$1] = runs[$1] " " $2; if (!($1 in best) || $2 < best[$1]) best[$1] = $2 }
            END { for (b in best) printf "%s: best %.2f CPU-s; runs%s\n", b, best[b], runs[b] }'
rm -f "$report"
bash ../shared/bench/floor.sh $(find "$corpus" -type f) 2>&1 > /dev/null | tail -n 1
