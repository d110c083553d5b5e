#!/usr/bin/env bash
# Builds the `cairn` Python package's wheel (python/, PyO3 + maturin) into the
# directory given as $1 (default: dist/python) and prints the wheel's path.
#
# maturin is pinned and lives in a venv in the cache, created on first use, so
# nothing is installed by hand. The build uses the dev profile and the
# workspace's target dir: the Cairo compiler, VM and prover the wheel links
# are the ones `cargo build` / `cargo test` already compiled. Set
# CAIRN_WHEEL_PROFILE=release for a wheel to distribute (a 20+ minute build).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

MATURIN_VERSION=1.16.0   # also pinned in python/pyproject.toml
out="${1:-dist/python}"
profile="${CAIRN_WHEEL_PROFILE:-dev}"
python="${PYTHON:-python3}"
export PIP_CACHE_DIR="$CAIRN_CACHE/pip"

venv="$CAIRN_CACHE/venv-maturin"
if [ "$("$venv/bin/maturin" --version 2>/dev/null || true)" != "maturin $MATURIN_VERSION" ]; then
  echo "== installing maturin $MATURIN_VERSION into $venv" >&2
  rm -rf "$venv"
  "$python" -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "maturin==$MATURIN_VERSION"
fi

mkdir -p "$out"
echo "== maturin build ($profile profile) into $out" >&2
# --strip: symbols and line tables are half the wheel, and a panic reaches
# Python as a RuntimeError with its message, not as a backtrace.
"$venv/bin/maturin" build --manifest-path python/Cargo.toml --profile "$profile" --locked --strip \
  --interpreter "$python" --out "$out" >&2
# The newest wheel there is this build's (maturin overwrites one of the same name).
ls -t "$out"/*.whl | head -n 1
