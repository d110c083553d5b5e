#!/usr/bin/env bash
# The main job on the bundled examples: run the digits MLP and CNN through
# cairn's exact fixed-point runtime and show the class scores.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

cargo build --locked --release --bin cairn
cairn="$CARGO_TARGET_DIR/release/cairn"

for model in mlp cnn; do
    echo "== examples/$model: inspect"
    "$cairn" inspect "examples/$model/model.onnx"
    echo
    echo "== examples/$model: run (reference runtime, scale chosen by calibration)"
    "$cairn" run "examples/$model/model.onnx" --input "examples/$model/input.json" \
        --calibrate "examples/$model/samples.json"
    echo
done
