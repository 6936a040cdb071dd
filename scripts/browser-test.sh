#!/usr/bin/env bash
# The HTML page (`corroborate ledger --format html`) in a real browser: Debian's Chromium,
# driven headless by Playwright from a venv in the cargo target directory (Playwright's own browser download
# is never used). Installs what is missing, builds the CLI, runs tests/browser with pytest.
#
#   bash scripts/browser-test.sh
#   CORROBORATE_SCREENSHOT=docs/html-report.png bash scripts/browser-test.sh   # and the screenshot
set -euo pipefail
cd "$(dirname "$0")/.."

export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  echo "== installing chromium (apt)"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y chromium
fi

target_dir="${CARGO_TARGET_DIR:-$PWD/target}"
venv=$target_dir/browser-venv
if [ ! -x "$venv/bin/python" ]; then
  echo "== creating $venv"
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import playwright, pytest" 2>/dev/null; then
  echo "== installing playwright and pytest into $venv"
  "$venv/bin/pip" install --quiet playwright pytest
fi

echo "== cargo build -p corroborate-cli"
cargo build --locked -p corroborate-cli
export CORROBORATE_BIN="$target_dir/debug/corroborate"

echo "== browser tests"
"$venv/bin/python" -m pytest tests/browser -v -p no:cacheprovider
