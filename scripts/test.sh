#!/usr/bin/env bash
# The test command (README, .ci/run): fetches what the tests need, checks
# formatting and lints, then runs every test of the workspace — the fast tier
# (`cargo test`) and the full tier (the tests marked #[ignore = "full tier …"]:
# the registry on a real starknet-devnet, the ONNX conformance run, the Cairo
# golden-vector run, the CNN's proofs). Works from an empty cache.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

scripts/fetch-onnx-tests.sh
scripts/fetch-corelib.sh
scripts/fetch-devnet.sh   # the registry's end-to-end test runs a real local Starknet node

# A new or changed insta snapshot fails the run instead of being written.
export CI=true INSTA_UPDATE=no

echo "== cargo fmt --check"
cargo fmt --all --check
echo "== cargo clippy (workspace, all targets; warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings
echo "== cargo test (workspace: fast and full tiers)"
cargo test --workspace --locked -- --include-ignored --skip onnx_node_tests
echo "== ONNX conformance (per-op table)"
cargo test --locked --test conformance -- --include-ignored --nocapture
scripts/python-test.sh   # the Python package: its wheel in a fresh venv runs the example and API tests
