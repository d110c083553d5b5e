#!/usr/bin/env bash
# cairn vs EZKL on the same models, same inputs, same machine, in one run.
#
#   bench/vs-ezkl.sh                       # the bundled MLP and CNN, 3 rounds;
#                                          # rewrites BENCHMARKS.md's generated part
#   bench/vs-ezkl.sh --rounds 1            # quicker, noisier
#   bench/vs-ezkl.sh --models DIR          # also every DIR/*/ with model.onnx + input.json
#                                          # (BENCHMARKS.md is then left alone)
#   bench/vs-ezkl.sh --help                # every option (bench/vs_ezkl.py)
#
# Builds cairn (like scripts/demo.sh), makes a Python venv with pinned EZKL and
# onnxruntime in $CAIRN_CACHE/bench-venv (only when missing or re-pinned), then
# runs bench/vs_ezkl.py. Results: bench/results.json; scratch files under
# $CAIRN_CACHE/bench-work. Needs the PyPI and crates.io registries on first run.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
export CAIRN_BENCH_T0="$(date +%s.%N)"

scripts/fetch-corelib.sh
cargo build --locked --bin cairn
cairn="$CARGO_TARGET_DIR/debug/cairn"  # the profile the tests and scripts/demo.sh use
# The fixed-trace prover benchmark: the prover alone, in the dev profile the
# tests use and in release (cairn-prover links no Cairo toolchain, so its
# release build is quick).
cargo build --locked -p cairn-prover --example prove_execution
cargo build --locked --release -p cairn-prover --example prove_execution
provers=(--prover "dev=$CARGO_TARGET_DIR/debug/examples/prove_execution"
         --prover "release=$CARGO_TARGET_DIR/release/examples/prove_execution")

venv="$CAIRN_CACHE/bench-venv"
pins=(ezkl==23.0.5 onnxruntime==1.32.0 numpy==2.4.6)
if [[ ! -x "$venv/bin/python" ]]; then
    "${PYTHON:-python3}" -m venv "$venv"
fi
stamp="$venv/.cairn-pins"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "${pins[*]}" ]]; then
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${pins[@]}"
    printf '%s' "${pins[*]}" > "$stamp"
fi

exec "$venv/bin/python" bench/vs_ezkl.py --cairn "$cairn" "${provers[@]}" --command "bench/vs-ezkl.sh${*:+ $*}" "$@"
