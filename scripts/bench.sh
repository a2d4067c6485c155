#!/usr/bin/env bash
# Measures intake extract: documents per second, CPU-seconds (user + sys) against the reading
# floor (../shared/bench/floor.sh: the same C libraries reading the same files and nothing
# else), and peak memory (release build); and pdftotext on the same PDFs for comparison.
# Not a test: it reports, it does not judge. Builds with --static-swift-stdlib (see below).
#   scripts/bench.sh [COPIES]     # the corpus is samples/ + ../shared/forms/filled, COPIES times
#                                 # (default 20), plus corpus/dev once (forms worded as the mappings never were)
#   INTAKE_BIN=path/to/intake scripts/bench.sh …   # measure that build instead of building .build/release
# Latency per file (median, p90, p99, max) is the batch summary's "per file" line.
set -euo pipefail
cd "$(dirname "$0")/.."
copies="${1:-20}"
command -v /usr/bin/time >/dev/null || { apt-get install -y -qq time >&2; }
if [ -n "${INTAKE_BIN:-}" ]; then intake="$INTAKE_BIN"; else
    # The Swift runtime and Foundation linked in, as a deployed binary would be: no shared
    # libraries to bind at start, and direct calls into the runtime (4 % less CPU).
    INTAKE_BUILD_FLAGS="-c release --static-swift-stdlib" scripts/setup.sh
    intake=".build/release/intake"
fi

corpus="$(mktemp -d /tmp/intake-bench.XXXXXX)"
trap 'rm -rf "$corpus"' EXIT
for i in $(seq 1 "$copies"); do
    mkdir -p "$corpus/$i"
    mkdir -p "$corpus/$i/samples" "$corpus/$i/filled"
    # The pipeline does not deduplicate, so every copy is really read.
    cp samples/*.docx samples/*.pdf samples/*.eml "$corpus/$i/samples/"
    cp ../shared/forms/filled/*.docx ../shared/forms/filled/*.pdf ../shared/forms/filled/*.eml "$corpus/$i/filled/"
done
mkdir -p "$corpus/dev" && find corpus/dev -name '*.docx' -o -name '*.pdf' | xargs -I{} cp {} "$corpus/dev/"
docs=$(find "$corpus" -type f | wc -l)
pdfs=$(find "$corpus" -type f -name '*.pdf' | wc -l)

measure() {  # label, command…  → prints seconds, peak RSS and CPU-seconds; stderr to $corpus.err
    local label="$1"; shift
    local report; report="$(mktemp)"
    /usr/bin/time -f "%e %M %U %S" -o "$report" "$@" > /dev/null 2> "$corpus.err" || true
    # GNU time writes "Command exited with non-zero status N" first when it does; the numbers are last.
    read -r secs kb user sys < <(tail -n 1 "$report"); rm -f "$report"
    echo "$label $secs $kb $(echo "$user + $sys" | bc -l)"
}

echo "corpus: $docs files ($pdfs PDFs), $(du -sh "$corpus" | cut -f1), $(nproc) cores"
latency() { sed -n 's/^  per file: /  latency per file: /p' "$corpus.err"; }
read -r _ s kb cpu < <(measure intake "$intake" extract "$corpus" --as-of 2026-11-20 --progress-interval 3600)
printf 'intake extract (all files, %d jobs): %6.2f s  %7.1f docs/s  %6.2f CPU-s  peak %6.1f MiB\n' "$(nproc)" "$s" "$(echo "$docs / $s" | bc -l)" "$cpu" "$(echo "$kb / 1024" | bc -l)"
latency
read -r _ s kb cpu1 < <(measure intake1 "$intake" extract "$corpus" --as-of 2026-11-20 --progress-interval 3600 --jobs 1)
printf 'intake extract (all files, 1 job):  %6.2f s  %7.1f docs/s  %6.2f CPU-s  peak %6.1f MiB\n' "$s" "$(echo "$docs / $s" | bc -l)" "$cpu1" "$(echo "$kb / 1024" | bc -l)"
latency; rm -f "$corpus.err"
# The floor reads DOCX and PDF only, so intake is set against it on exactly those files.
same="$(mktemp -d /tmp/intake-bench-same.XXXXXX)"
find "$corpus" -type f \( -name '*.docx' -o -name '*.pdf' \) -exec sh -c 'cp "$1" "$2/$(echo "$1" | tr / _)"' _ {} "$same" \;
bash ../shared/bench/floor.sh "$same"/* > /dev/null 2> "$corpus.floor" || true
read -r fwall fuser fsys < <(sed -n 's/floor: \([0-9.]*\) s wall, \([0-9.]*\) s user, \([0-9.]*\) s sys.*/\1 \2 \3/p' "$corpus.floor" | tail -n 1)
floorcpu=$(echo "$fuser + $fsys" | bc -l); rm -f "$corpus.floor"
read -r _ s1 _ samecpu1 < <(measure same1 "$intake" extract "$same" --as-of 2026-11-20 --quiet --jobs 1)
read -r _ sall _ _ < <(measure sameall "$intake" extract "$same" --as-of 2026-11-20 --quiet)
printf 'reading floor (the %d DOCX and PDF files, 1 core): %6.2f s, %6.2f CPU-s; intake on the same files: 1 job %6.2f CPU-s (%.1fx the floor), %d jobs %6.2f s (%.1fx the floor'"'"'s time)\n' \
    "$(ls "$same" | wc -l)" "$fwall" "$floorcpu" "$samecpu1" "$(echo "$samecpu1 / $floorcpu" | bc -l)" "$(nproc)" "$sall" "$(echo "$sall / $fwall" | bc -l)"
rm -rf "$same"
pdfdir="$(mktemp -d /tmp/intake-bench-pdf.XXXXXX)"
find "$corpus" -type f -name '*.pdf' -exec sh -c 'cp "$1" "$2/$(echo "$1" | tr / _)"' _ {} "$pdfdir" \;
read -r _ s kb _ < <(measure intakepdf "$intake" extract "$pdfdir" --as-of 2026-11-20 --quiet)
printf 'intake extract (PDFs only):         %6.2f s  %7.1f docs/s  peak %6.1f MiB\n' "$s" "$(echo "$pdfs / $s" | bc -l)" "$(echo "$kb / 1024" | bc -l)"
read -r _ s kb _ < <(measure pdftotext sh -c "for f in '$pdfdir'/*.pdf; do pdftotext -layout \"\$f\" - ; done")
printf 'pdftotext -layout (PDFs only, 1 at a time): %6.2f s  %7.1f docs/s  peak %6.1f MiB\n' "$s" "$(echo "$pdfs / $s" | bc -l)" "$(echo "$kb / 1024" | bc -l)"
rm -rf "$pdfdir"
