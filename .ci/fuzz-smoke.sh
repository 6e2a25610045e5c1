#!/usr/bin/env bash
# Bounded fuzz smoke (issue #4), called by .ci/run:
#   1. installs cargo-fuzz when missing, builds the five targets (no sanitizer: fast,
#      and works on stable; FUZZ_SANITIZER=address uses ASan through RUSTC_BOOTSTRAP=1);
#   2. replays every committed crash input under fuzz/regressions/<target>/ and the
#      seed corpus (fuzz/seed-corpus.sh, from corpus/) with -runs=0;
#   3. fuzzes new inputs for FUZZ_SMOKE_SECONDS in total (default 60), split evenly.
# Exits non-zero on the first crash or invariant violation (the input is left in
# fuzz/artifacts/<target>/). Measured on the 2-core machine: see docs/hardening.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

total="${FUZZ_SMOKE_SECONDS:-60}"
targets=(parse_policy parse_policy_bytes parse_duration split_cookie_names normalize_text)
start=$(date +%s)

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "-- installing cargo-fuzz"
    cargo install cargo-fuzz --locked
fi

if [ "${FUZZ_SANITIZER:-none}" = address ]; then
    export RUSTC_BOOTSTRAP=1
    san=()
else
    san=(--sanitizer none)
fi

echo "-- building fuzz targets"
cargo fuzz build "${san[@]}"

echo "-- seeding the corpus from corpus/"
bash fuzz/seed-corpus.sh

log="$(mktemp)"
trap 'rm -f "$log"' EXIT

# fuzz TARGET ARGS...: run cargo fuzz, show libFuzzer's summary lines, fail loudly on a crash
fuzz() {
    local t="$1" rc=0
    shift
    cargo fuzz run "${san[@]}" "$t" "$@" >"$log" 2>&1 || rc=$?
    grep -E '^#[0-9]+ +(INITED|DONE)|^Done|^Executed' "$log" | tail -n 2 || true
    if [ "$rc" -ne 0 ]; then
        echo "!! fuzz target $t failed (exit $rc):"
        tail -n 60 "$log"
        exit 1
    fi
}

per=$((total / ${#targets[@]}))
[ "$per" -lt 1 ] && per=1
for t in "${targets[@]}"; do
    dict=()
    case "$t" in parse_policy | parse_policy_bytes) dict=(-dict=fuzz/policy.dict) ;; esac

    mapfile -t regressions < <(find "fuzz/regressions/$t" -type f 2>/dev/null | sort)
    if [ "${#regressions[@]}" -gt 0 ]; then
        echo "-- $t: replaying ${#regressions[@]} regression input(s)"
        fuzz "$t" "${regressions[@]}" -- -runs=1
    fi

    echo "-- $t: replaying the seed corpus"
    fuzz "$t" "fuzz/corpus/$t" -- -runs=0

    echo "-- $t: ${per}s of new inputs"
    fuzz "$t" "fuzz/corpus/$t" -- -max_total_time="$per" "${dict[@]}"
done

echo "fuzz smoke: ${#targets[@]} targets clean in $(($(date +%s) - start)) s"
