#!/usr/bin/env bash
# Long fuzzing runs (docs/fuzzing.md): scripts/fuzz.sh <seconds per target> [target...]
# Installs cargo-fuzz if missing, seeds each corpus from the bundled examples,
# and runs libFuzzer on the stable toolchain (RUSTC_BOOTSTRAP=1 enables the
# nightly flags cargo-fuzz passes). Builds go to $CAIRN_CACHE/fuzz-target.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

seconds="${1:-60}"
shift || true
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
    targets=(verify_proof import_onnx parse_input)
fi

command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

# Seeds: an honest proof of the MLP, the bundled models, the input files.
mkdir -p fuzz/corpus/verify_proof fuzz/corpus/import_onnx fuzz/corpus/parse_input
if [[ ! -s fuzz/corpus/verify_proof/mlp.proof ]]; then
    cargo build --locked --bin cairn   # the tests' build, in $CARGO_TARGET_DIR
    "$CARGO_TARGET_DIR/debug/cairn" prove examples/mlp/model.onnx --input examples/mlp/input.json \
        -o fuzz/corpus/verify_proof/mlp.proof
fi

export RUSTC_BOOTSTRAP=1
export CARGO_TARGET_DIR="$CAIRN_CACHE/fuzz-target"

for d in examples/*/; do
    name=$(basename "$d")
    cp "$d/model.onnx" "fuzz/corpus/import_onnx/$name.onnx"
    cp "$d/input.json" "fuzz/corpus/parse_input/$name-input.json"
done

for t in "${targets[@]}"; do
    echo "== fuzzing $t for ${seconds}s"
    # -s none: no sanitizer (stable rustc has none to offer); libFuzzer still
    # finds panics, aborts, timeouts and out-of-memory (rss limit 4 GB).
    cargo fuzz run -s none "$t" -- -max_total_time="$seconds" -rss_limit_mb=4096 -print_final_stats=1
done
