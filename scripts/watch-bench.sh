#!/usr/bin/env bash
# From a file closed in the inbox to its record committed, for the inbox watcher.
#
#   scripts/watch-bench.sh [FILES] [debug|release] [-- extra watch options]
#
# Starts `intake watch` (worker isolation, as in production) on a fresh inbox and SQLite store,
# drops FILES forms (default 60) one at a time, each moved in whole (IN_MOVED_TO) after the
# last was filed, and times each from the move to its appearance in processed/ (the watcher
# files a file only after its records are committed). Prints median, p90, p99 and max.
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-60}
config=${2:-release}
shift $(( $# > 2 ? 2 : $# )) || true
[ "${1:-}" = "--" ] && shift
swift build -c "$config" --product intake >&2
binary=".build/$config/intake"
work=$(mktemp -d /tmp/intake-watch-bench.XXXXXX)
trap 'kill "$watcher" 2>/dev/null || true; wait "$watcher" 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/inbox" "$work/stage"
"$binary" watch "$work/inbox" --store "$work/store.sqlite" --as-of 2026-11-20 --mappings mappings "$@" \
    >"$work/out.jsonl" 2>"$work/err.log" &
watcher=$!
python3 - "$work" "$files" <<'PY'
import os, shutil, statistics, sys, time, datetime, glob, zoneinfo
work, count = sys.argv[1], int(sys.argv[2])
sources = sorted(glob.glob("../shared/forms/filled/*.docx") + glob.glob("../shared/forms/filled/*.pdf"))
time.sleep(1.0)  # the watcher starting
day = datetime.datetime.now(zoneinfo.ZoneInfo("Europe/London")).strftime("%Y-%m-%d")
processed = os.path.join(work, "inbox", "processed", day)
latencies = []
for n in range(count):
    source = sources[n % len(sources)]
    name = f"bench-{n:04d}{os.path.splitext(source)[1]}"
    staged = os.path.join(work, "stage", name)
    with open(source, "rb") as f: data = f.read()
    with open(staged, "wb") as f:
        f.write(data + (b"\n%% bench %d\n" % n if source.endswith(".pdf") else b""))  # distinct PDFs
    if source.endswith(".docx") and n >= len(sources):
        continue  # a DOCX copy would be a duplicate; only distinct files are timed
    start = time.monotonic()
    os.rename(staged, os.path.join(work, "inbox", name))
    target = os.path.join(processed, name)
    while not os.path.exists(target):
        if time.monotonic() - start > 60: sys.exit(f"{name} not filed within 60 s")
        time.sleep(0.001)
    latencies.append((time.monotonic() - start) * 1000)
latencies.sort()
q = lambda p: latencies[min(len(latencies) - 1, int(round(p * (len(latencies) - 1))))]
print(f"files {len(latencies)}  median {statistics.median(latencies):.0f} ms  p90 {q(0.9):.0f} ms  "
      f"p99 {q(0.99):.0f} ms  max {latencies[-1]:.0f} ms")
PY
