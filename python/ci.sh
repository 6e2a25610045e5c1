#!/usr/bin/env bash
# The Python package's CI step (issue 12), run by .ci/run after `cargo test`:
#   1. the CLI in release mode (the tests compare the package with it);
#   2. the binding crate: rustfmt, clippy, its Rust unit tests;
#   3. a fresh virtual environment with maturin, pytest, pyarrow, pandas, pyspark, mypy;
#   4. the README's install command (`pip install ./python`), then an import from /;
#   5. the pytest suite (Spark included, local[2]); exit status 5 (no test ran) fails.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
start=$(date +%s)

echo "-- cargo build --release (the CLI to compare with)"
cargo build --release --quiet

echo "-- binding crate: fmt, clippy, unit tests"
cargo fmt --manifest-path python/Cargo.toml --check
cargo clippy --release --quiet --manifest-path python/Cargo.toml -- -D warnings
cargo test --release --quiet --manifest-path python/Cargo.toml

echo "-- fresh venv"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m venv "$tmp/venv"
py="$tmp/venv/bin/python"
"$py" -m pip install --quiet --upgrade pip
"$py" -m pip install --quiet maturin pytest pyarrow pandas pyspark mypy

echo "-- pip install ./python (the README's command)"
"$py" -m pip install --quiet ./python
(cd / && "$py" -c "import cookie_charter, sys; print('cookie_charter', cookie_charter.__version__, 'on Python', sys.version.split()[0])")

echo "-- pytest"
status=0
(cd python && COOKIE_CHARTER_BIN="$PWD/../target/release/cookie-charter" \
    "$py" -m pytest -q -rs -p no:cacheprovider) || status=$?
if [ "$status" -eq 5 ]; then
    echo "pytest collected no test: that is a failure here"
    status=1
fi
echo "-- python step: $(( $(date +%s) - start )) s"
exit "$status"
