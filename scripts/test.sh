#!/usr/bin/env bash
# The test command (README, .ci/run): fetches what the tests need, then runs
# every test of the workspace. Works from an empty cache.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

scripts/fetch-onnx-tests.sh
scripts/fetch-corelib.sh
scripts/fetch-devnet.sh   # the registry's end-to-end test runs a real local Starknet node

# A new or changed insta snapshot fails the run instead of being written.
export CI=true INSTA_UPDATE=no

echo "== cargo test (workspace)"
cargo test --workspace --locked -- --skip onnx_node_tests
echo "== ONNX conformance (per-op table)"
cargo test --locked --test conformance -- --nocapture
