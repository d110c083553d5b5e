#!/usr/bin/env bash
# Regenerates the corpus of exported models in examples/corpus/ (see
# scripts/gen_corpus.py): trains small models with fixed seeds and exports them
# with skl2onnx, onnxmltools and both torch.onnx exporters. Needs PyTorch
# (several GB from PyPI), so it is not part of CI: the files are committed.
#   scripts/gen-corpus.sh [sklearn] [boosted] [torch]
#   scripts/gen-corpus.sh large     # examples/large/ (scripts/gen_large.py)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${CAIRN_CACHE:-$HOME/.cache/cairn}"
venv="$cache/venv-corpus"
pins=(numpy==2.4.6 scikit-learn==1.7.2 skl2onnx==1.19.1 onnxmltools==1.16.0 xgboost==2.1.4 lightgbm==4.7.0
      onnx==1.22.0 onnxruntime==1.32.0 onnxscript==0.7.2 torch==2.15.0)

python="${PYTHON:-python3}"
if [[ ! -x "$venv/bin/python" ]]; then
    mkdir -p "$cache"
    "$python" -m venv "$venv"
fi
stamp="$venv/.cairn-pins"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "${pins[*]}" ]]; then
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${pins[@]}"
    printf '%s' "${pins[*]}" > "$stamp"
fi

cd "$root"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 PYTHONHASHSEED=0
if [[ "${1:-}" == large ]]; then
    exec "$venv/bin/python" scripts/gen_large.py
fi
exec "$venv/bin/python" scripts/gen_corpus.py "$@"
