#!/usr/bin/env bash
# The Python package's tests: builds the extension into bindings/python/.venv with
# maturin, then runs pytest and checks the type stubs against the module with stubtest.
# Works from a clean checkout; pyarrow, pandas and polars are installed when the package
# index has them, and their tests are skipped otherwise.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"

export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-2}"
python="${PYTHON:-python3}"

if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
# maturin installs into $VIRTUAL_ENV; activating sets it.
# shellcheck disable=SC1091
source .venv/bin/activate
pip_install() { python -m pip install --quiet --disable-pip-version-check "$@"; }
# dask.distributed for the test that runs the package on a local Dask cluster.
pip_install "maturin>=1.9.4,<2" pytest mypy "dask[distributed]"
for optional in pyarrow pandas polars; do
  pip_install "$optional" || echo "note: $optional not installable here; its tests will be skipped"
done

# Debug builds: they share what `cargo test` built before this script, which keeps CI
# within its budget; `pip install` builds the release wheel users get.
# The command line, for the test that the JSON is the same byte for byte.
cargo build --locked -p corroborate-cli --manifest-path "$root/Cargo.toml"
export CORROBORATE_CLI="$root/target/debug/corroborate"

maturin develop --locked --quiet

python -m pytest -q tests
python -m mypy.stubtest corroborate
