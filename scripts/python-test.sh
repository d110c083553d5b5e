#!/usr/bin/env bash
# The Python package's test: builds the wheel (scripts/python-wheel.sh),
# installs it into a fresh venv as a user would (`pip install` of the wheel,
# plus numpy, scikit-learn and skl2onnx), then runs the notebook-style example
# (examples/python/train_prove_verify.py: train, export, transpile, run,
# prove, verify), the API tests (python/tests/test_api.py) and the registry's
# (python/tests/test_registry.py, on a local starknet-devnet) and the staged
# models' (python/tests/test_staged.py, on a local Ray cluster). Works from an
# empty cache; pip's downloads are cached in $CAIRN_CACHE/pip.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

# Pinned like scripts/gen-corpus.sh's (the versions the corpus was exported with).
# skl2onnx imports `packaging` without declaring it.
# ray: the staged test proves on a local Ray cluster (cairn.ray; not a dependency of the wheel).
pins=(numpy==2.4.6 scikit-learn==1.7.2 skl2onnx==1.19.1 onnx==1.22.0 packaging==26.4 ray==2.60.0)
export PIP_CACHE_DIR="$CAIRN_CACHE/pip"
python="${PYTHON:-python3}"   # 3.9 or later

scripts/fetch-corelib.sh   # the package compiles Cairo with the pinned corelib
scripts/fetch-devnet.sh    # the registry test runs a real local Starknet node
export CAIRN_DEVNET="${CAIRN_DEVNET:-$CAIRN_CACHE/devnet/bin/starknet-devnet}"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cairn-python-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

start=$SECONDS
wheel=$(scripts/python-wheel.sh "$tmp/wheels")
echo "== wheel $(basename "$wheel") ($((SECONDS - start)) s)"

start=$SECONDS
"$python" -m venv "$tmp/venv"
py="$tmp/venv/bin/python"
# --no-compile: byte-compiling scipy and scikit-learn on install costs more than the tests.
"$py" -m pip install --quiet --no-compile --disable-pip-version-check "$wheel" "${pins[@]}"
echo "== fresh venv with the wheel, ${pins[*]} ($((SECONDS - start)) s)"

# Run from outside the repository so that `import cairn` can only be the
# installed wheel, never python/cairn/ of the checkout.
repo=$PWD
cd "$tmp"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 PYTHONHASHSEED=0

start=$SECONDS
echo "== examples/python/train_prove_verify.py"
"$py" "$repo/examples/python/train_prove_verify.py" "$tmp/example"
echo "== ($((SECONDS - start)) s)"

start=$SECONDS
echo "== python/tests/test_api.py"
"$py" "$repo/python/tests/test_api.py" "$tmp/tests"
echo "== ($((SECONDS - start)) s)"

start=$SECONDS
echo "== python/tests/test_registry.py (a local starknet-devnet)"
"$py" "$repo/python/tests/test_registry.py" "$tmp/registry"
echo "== ($((SECONDS - start)) s)"

start=$SECONDS
echo "== python/tests/test_staged.py (a local Ray cluster: a head and two workers)"
"$py" "$repo/python/tests/test_staged.py" "$tmp/staged"
echo "== ($((SECONDS - start)) s)"
