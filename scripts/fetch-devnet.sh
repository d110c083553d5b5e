#!/usr/bin/env bash
# Installs the pinned starknet-devnet (a local Starknet node for the registry's
# end-to-end test) into $CAIRN_CACHE/devnet, only when that version is missing.
#
# The version must embed the project's Cairo compiler (cairo-lang 2.17.0):
# devnet recompiles every declared Sierra class and rejects a compiled-class
# hash that differs (docs: ../shared/design/architecture.md §4). 0.8.0 does.
# A cold install compiles ~600 crates: ~20-25 minutes on 2 cores. Its build
# directory is kept in the cache so an interrupted install resumes.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

version=0.8.0
root="$CAIRN_CACHE/devnet"
bin="$root/bin/starknet-devnet"

if [[ -x "$bin" ]] && "$bin" --version 2>/dev/null | grep -q "$version"; then
    echo "starknet-devnet $version already present at $bin"
    exit 0
fi

echo "installing starknet-devnet $version into $root (first time: ~20-25 minutes)"
CARGO_TARGET_DIR="$root/build" cargo install starknet-devnet --version "$version" --locked --root "$root"
"$bin" --version
