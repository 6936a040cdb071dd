#!/usr/bin/env bash
# The Python package's tests, against the wheel pip users get: builds the release abi3
# wheel once (maturin, in the workspace's target dir), installs it into a fresh venv with
# the test tools and every optional package (pyarrow, pandas, polars, tqdm, dask), and
# runs there pytest, `python -m mypy.stubtest` and the check that the generated part of
# the stubs is up to date. No test is skipped for want of a package: one that cannot be
# installed fails the run.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"
target="${CARGO_TARGET_DIR:-$root/target}"

export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-2}"
python="${PYTHON:-python3}"

# The build tools live in a venv kept between runs: maturin, and uv, which makes the
# fresh test venv from its cache in a second or two where pip takes half a minute.
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check "maturin>=1.9.4,<2" "uv>=0.5,<1"

# The command line in debug, as `cargo test` builds it before this script runs: for the
# tests that the package writes what it writes, byte for byte.
cargo build --locked --quiet -p corroborate-cli --manifest-path "$root/Cargo.toml"
export CORROBORATE_CLI="$target/debug/corroborate"

wheels="$target/wheels"
rm -f "$wheels"/corroborate-*.whl
.venv/bin/maturin build --release --locked --quiet --out "$wheels"
wheel="$(ls "$wheels"/corroborate-*.whl)"

venv="$here/.venv-wheel"
export UV_PYTHON_DOWNLOADS=never
.venv/bin/uv venv --quiet --clear --python "$python" "$venv"
.venv/bin/uv pip install --quiet --python "$venv/bin/python" "$wheel" \
  pytest mypy "dask[distributed]" pyarrow pandas polars tqdm

# From the tests' directory, so that `import corroborate` can only be the installed wheel.
cd "$here/tests"
"$venv/bin/python" -c 'import corroborate, sys; print("testing", corroborate.__file__, file=sys.stderr)'
"$venv/bin/python" -m pytest -q -p no:cacheprovider .
"$venv/bin/python" -m mypy.stubtest corroborate
"$venv/bin/python" "$here/stubgen.py" --check
