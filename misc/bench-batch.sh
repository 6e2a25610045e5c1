#!/usr/bin/env bash
# Batch benchmark of the cookie-charter CLI (issue #5).
#
# Generates N (default 10,000) corpus-like documents by repeating and varying
# corpus/*.txt into a temporary directory (not committed): as N files, and as one
# JSON Lines stream of {"id", "url", "text"} records. Then times the release binary
# over both with --jobs 1 and --jobs 2, best of RUNS (default 3) wall-clock runs,
# and prints documents/s and MB/s (MB = 10^6 bytes of document text).
#
#   misc/bench-batch.sh                 # N=10000 RUNS=3
#   N=2000 RUNS=1 misc/bench-batch.sh   # quicker
#   KEEP=1 misc/bench-batch.sh          # keep the generated data
set -euo pipefail

N=${N:-10000}
RUNS=${RUNS:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$ROOT/target/release/cookie-charter
WORK=$(mktemp -d "${TMPDIR:-/tmp}/cookie-charter-bench.XXXXXX")
if [ -z "${KEEP:-}" ]; then trap 'rm -rf "$WORK"' EXIT; fi

(cd "$ROOT" && cargo build --release --quiet 2>"$WORK/build.log") || { cat "$WORK/build.log"; exit 1; }

python3 - "$ROOT/corpus" "$WORK" "$N" <<'PY'
import json, os, sys, glob
corpus, work, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(os.path.join(corpus, "*.txt")))]
os.makedirs(os.path.join(work, "docs"), exist_ok=True)
total = 0
with open(os.path.join(work, "docs.jsonl"), "w", encoding="utf-8") as jl:
    for k in range(n):
        base = texts[k % len(texts)]
        # Vary: a site heading, a footer, every third document followed by another
        # policy, every fifth with its lines' trailing spaces stripped.
        text = f"Cookie policy of site-{k}.example\n\n{base}"
        if k % 3 == 0:
            text += "\n" + texts[(k * 7 + 3) % len(texts)]
        if k % 5 == 0:
            text = "\n".join(line.rstrip() for line in text.split("\n"))
        text += f"\nLast updated: 2026-{1 + k % 12:02d}-{1 + k % 28:02d}\n"
        sub = os.path.join(work, "docs", f"{k // 1000:02d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"{k:05d}.txt"), "w", encoding="utf-8") as f:
            f.write(text)
        jl.write(json.dumps({"id": k, "url": f"https://site-{k}.example/cookies", "text": text}) + "\n")
        total += len(text.encode("utf-8"))
with open(os.path.join(work, "bytes"), "w") as f:
    f.write(str(total))
PY

BYTES=$(cat "$WORK/bytes")
echo "documents: $N, document text: $BYTES bytes, JSONL file: $(stat -c %s "$WORK/docs.jsonl") bytes"
echo "binary: $BIN ($("$BIN" --version)), cores: $(nproc), best of $RUNS runs"

# One timed run: prints "wall cpu rss" (seconds; cpu = user + system; peak RSS in MB).
timed() {
    /usr/bin/time -f '%e %U %S %M' -o "$WORK/time" "$@" > /dev/null
    awk '{ printf "%s %.2f %.1f\n", $1, $2 + $3, $4 / 1024 }' "$WORK/time"
}

# Best (lowest wall) of RUNS runs.
best() {
    local best="" line
    for _ in $(seq "$RUNS"); do
        line=$(timed "$@")
        if [ -z "$best" ] || [ "$(echo "${line%% *} < ${best%% *}" | bc -l)" = 1 ]; then best=$line; fi
    done
    echo "$best"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-6s %-5s %8s %8s %9s %7s %7s\n' input jobs wall_s cpu_s "docs/s" "MB/s" rss_MB
for input in files jsonl; do
    for jobs in 1 2; do
        if [ "$input" = files ]; then
            r=$(best "$BIN" parse --quiet --format jsonl --jobs "$jobs" "$WORK/docs")
        else
            r=$(best "$BIN" parse --quiet --input jsonl --format jsonl --jobs "$jobs" "$WORK/docs.jsonl")
        fi
        read -r wall cpu rss <<< "$r"
        printf '%-6s %-5s %8.2f %8.2f %9.0f %7.2f %7.1f\n' "$input" "$jobs" "$wall" "$cpu" \
            "$(echo "$N / $wall" | bc -l)" "$(echo "$BYTES / $wall / 1000000" | bc -l)" "$rss"
    done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
