#!/usr/bin/env bash
# Regenerates the bundled example models in examples/ (mlp, cnn): trains them
# with fixed seeds and writes model.onnx, sample inputs and expected outputs.
# Idempotent: running it again gives byte-identical files.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${CAIRN_CACHE:-$HOME/.cache/cairn}"
venv="$cache/venv-examples"
pins=(numpy==2.4.6 scikit-learn==1.9.1 onnx==1.22.0 onnxruntime==1.32.0)

python="${PYTHON:-python3}"
if [[ ! -x "$venv/bin/python" ]]; then
    mkdir -p "$cache"
    "$python" -m venv "$venv"
fi
# Install (or confirm) the pinned versions; a stamp skips pip when nothing changed.
stamp="$venv/.cairn-pins"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "${pins[*]}" ]]; then
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${pins[@]}"
    printf '%s' "${pins[*]}" > "$stamp"
fi

cd "$root"
# Single-threaded numeric libraries: the training must not depend on thread
# scheduling, so that regenerating gives the same bytes.
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 PYTHONHASHSEED=0
exec "$venv/bin/python" scripts/gen_examples.py "$@"
