#!/usr/bin/env bash
# Measures intake extract: documents per second and peak memory (release build, all cores),
# and pdftotext on the same PDFs for comparison. Not a test: it reports, it does not judge.
#   scripts/bench.sh [COPIES]     # the corpus is samples/ + ../shared/forms/filled, COPIES times (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
copies="${1:-20}"
command -v /usr/bin/time >/dev/null || { apt-get install -y -qq time >&2; }
INTAKE_BUILD_FLAGS="-c release" scripts/setup.sh
intake=".build/release/intake"

corpus="$(mktemp -d /tmp/intake-bench.XXXXXX)"
trap 'rm -rf "$corpus"' EXIT
for i in $(seq 1 "$copies"); do
    mkdir -p "$corpus/$i"
    for f in samples/*.docx samples/*.pdf samples/*.eml ../shared/forms/filled/*.docx ../shared/forms/filled/*.pdf ../shared/forms/filled/*.eml; do
        [ -f "$f" ] || continue
        # Each copy gets its own bytes (a trailing comment for PDFs is not possible for all; the
        # pipeline does not deduplicate anyway), so every file is really read.
        cp "$f" "$corpus/$i/"
    done
done
docs=$(find "$corpus" -type f | wc -l)
pdfs=$(find "$corpus" -type f -name '*.pdf' | wc -l)

measure() {  # label, command…  → prints seconds and peak RSS
    local label="$1"; shift
    local report; report="$(mktemp)"
    /usr/bin/time -f "%e %M" -o "$report" "$@" > /dev/null 2>&1 || true
    # GNU time writes "Command exited with non-zero status N" first when it does; the numbers are last.
    read -r secs kb < <(tail -n 1 "$report"); rm -f "$report"
    echo "$label $secs $kb"
}

echo "corpus: $docs files ($pdfs PDFs), $(du -sh "$corpus" | cut -f1), $(nproc) cores"
read -r _ s kb < <(measure intake "$intake" extract "$corpus" --as-of 2026-11-20 --quiet)
printf 'intake extract (all files, %d jobs): %6.2f s  %7.1f docs/s  peak %6.1f MiB\n' "$(nproc)" "$s" "$(echo "$docs / $s" | bc -l)" "$(echo "$kb / 1024" | bc -l)"
read -r _ s kb < <(measure intake1 "$intake" extract "$corpus" --as-of 2026-11-20 --quiet --jobs 1)
printf 'intake extract (all files, 1 job):  %6.2f s  %7.1f docs/s  peak %6.1f MiB\n' "$s" "$(echo "$docs / $s" | bc -l)" "$(echo "$kb / 1024" | bc -l)"
pdfdir="$(mktemp -d /tmp/intake-bench-pdf.XXXXXX)"
find "$corpus" -type f -name '*.pdf' -exec sh -c 'cp "$1" "$2/$(echo "$1" | tr / _)"' _ {} "$pdfdir" \;
read -r _ s kb < <(measure intakepdf "$intake" extract "$pdfdir" --as-of 2026-11-20 --quiet)
printf 'intake extract (PDFs only):         %6.2f s  %7.1f docs/s  peak %6.1f MiB\n' "$s" "$(echo "$pdfs / $s" | bc -l)" "$(echo "$kb / 1024" | bc -l)"
read -r _ s kb < <(measure pdftotext sh -c "for f in '$pdfdir'/*.pdf; do pdftotext -layout \"\$f\" - ; done")
printf 'pdftotext -layout (PDFs only, 1 at a time): %6.2f s  %7.1f docs/s  peak %6.1f MiB\n' "$s" "$(echo "$pdfs / $s" | bc -l)" "$(echo "$kb / 1024" | bc -l)"
rm -rf "$pdfdir"
