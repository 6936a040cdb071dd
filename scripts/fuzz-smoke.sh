#!/usr/bin/env bash
# A short fuzz run of every target over its seed corpus (seconds per target, default 10).
# Needs a nightly toolchain and cargo-fuzz; installs cargo-fuzz when missing.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds="${1:-10}"
if ! rustup toolchain list | grep -q nightly; then
  echo "fuzz smoke: no nightly toolchain, skipped"
  exit 0
fi
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked --quiet
cargo +nightly fuzz build -O
for target in $(cargo +nightly fuzz list); do
  mkdir -p "corpus/$target"
  # Run on a scratch copy so the checked-in seed corpus stays small.
  work=$(mktemp -d)
  cp -r "corpus/$target/." "$work/"
  log="$work.log"
  if ! cargo +nightly fuzz run -O "$target" "$work" -- -max_total_time="$seconds" -rss_limit_mb=4096 >"$log" 2>&1; then
    tail -n 40 "$log"
    echo "fuzz target $target failed"
    exit 1
  fi
  echo "$target: $(grep -E '^Done' "$log" || echo 'ran')"
  rm -rf "$work" "$log"
done
echo "fuzz smoke: all targets passed"
