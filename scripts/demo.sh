#!/usr/bin/env bash
# The main job on the bundled examples, end to end: the digits MLP and CNN
# through cairn's exact fixed-point runtime, transpiled to Cairo, run on the
# Cairo VM, proved with a STARK and verified against their packages.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

scripts/fetch-corelib.sh
cargo build --locked --bin cairn
cairn="$CARGO_TARGET_DIR/debug/cairn"  # the profile the tests build (see Cargo.toml)
out="$CAIRN_CACHE/demo"
mkdir -p "$out"

for model in mlp cnn; do
    echo "== examples/$model: inspect"
    "$cairn" inspect "examples/$model/model.onnx"
    echo
    echo "== examples/$model: reference runtime (scale chosen by calibration)"
    "$cairn" run "examples/$model/model.onnx" --input "examples/$model/input.json" \
        --backend reference --calibrate "examples/$model/samples.json"
    echo
    echo "== examples/$model: transpile to Cairo"
    "$cairn" transpile "examples/$model/model.onnx" -o "$out/$model" --force
    echo
    echo "== examples/$model: run the Cairo program on the Cairo VM (proof mode)"
    "$cairn" run "$out/$model" --input "examples/$model/input.json"
    echo
    echo "== examples/$model: prove the inference (STARK, at least 96 bits of conjectured security)"
    "$cairn" prove "$out/$model" --input "examples/$model/input.json" -o "$out/$model.proof"
    echo
    echo "== examples/$model: verify the proof against the package"
    "$cairn" verify "$out/$model.proof" --model "$out/$model"
    echo
done
