#!/usr/bin/env bash
# Every test of the project: Rust (unit, doc, integration, header check), C, Python, and
# the HTML page in a browser.
# Run from anywhere; exits non-zero on the first failure. One dev build serves the Rust
# and C tests (and the Python tests' command-line comparisons); the Python package is
# tested as users install it, from a release wheel.
set -euo pipefail
cd "$(dirname "$0")/.."

# Tests that read ../shared are #[ignore]d, so a checkout without it counts them as
# ignored rather than passed; with it beside the checkout they run.
include_ignored=()
if [ -d ../shared/corpus ]; then
  include_ignored=(-- --include-ignored)
fi

echo "== cargo fmt --check"
cargo fmt --all -- --check

echo "== cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings

echo "== cargo test"
cargo test --workspace --locked "${include_ignored[@]}"

for suite in bindings/c/run-tests.sh bindings/python/run-tests.sh scripts/browser-test.sh; do
  echo "== $suite"
  bash "$suite"
done
