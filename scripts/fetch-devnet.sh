#!/usr/bin/env bash
# Installs the pinned starknet-devnet (a local Starknet node for the registry's
# end-to-end test) into $CAIRN_CACHE/devnet, only when that version is missing.
#
# The version must embed the project's Cairo compiler (cairo-lang 2.17.0):
# devnet recompiles every declared Sierra class and rejects a compiled-class
# hash that differs (docs/cairo-toolchain.md). 0.8.0 does.
# A cold install compiles ~600 crates: ~16 minutes on 2 cores (measured). Its
# build directory stays in the cache until the install succeeds, so an
# interrupted install resumes; then it is removed (~2 GB).
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

echo "installing starknet-devnet $version into $root (first time: ~16 minutes on 2 cores)"
CARGO_TARGET_DIR="$root/build" cargo install starknet-devnet --version "$version" --locked --root "$root"
rm -rf "$root/build"
"$bin" --version
