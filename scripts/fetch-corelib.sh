#!/usr/bin/env bash
# Makes the Cairo corelib available to cairn's embedded compiler.
#
# No cairo-lang crate ships the corelib; the crates.io package cairo-native
# 0.9.0-rc.5 does (a complete copy; see docs/cairo-toolchain.md). We let cargo
# download that package's .crate (a throw-away manifest + `cargo fetch`, so the
# registry client, mirror and credentials are cargo's own), then extract only
# its corelib/ directory. Nothing is built and no third-party source enters the
# repository.
#
# Destination: $CAIRN_CORELIB if set, else $CAIRN_CACHE/corelib/cairo-native-0.9.0-rc.5
# (a directory holding src/lib.cairo). Idempotent; extraction is atomic.
set -euo pipefail

version=0.9.0-rc.5
cache="${CAIRN_CACHE:-$HOME/.cache/cairn}"
dest="${CAIRN_CORELIB:-$cache/corelib/cairo-native-$version}"
marker="$dest/.cairn-corelib-complete"

if [[ -f "$marker" && -f "$dest/src/lib.cairo" ]]; then
    echo "Cairo corelib already present at $dest"
    exit 0
fi

work="$cache/corelib/fetch"
mkdir -p "$work"
cat > "$work/Cargo.toml" <<TOML
[package]
name = "cairn-corelib-fetch"
version = "0.0.0"
edition = "2021"
publish = false
[lib]
path = "lib.rs"
[dependencies]
cairo-native = { version = "=$version", default-features = false }
TOML
: > "$work/lib.rs"
echo "fetching cairo-native $version with cargo (download only, nothing is built)"
(cd "$work" && cargo fetch --quiet)

cargo_home="${CARGO_HOME:-$HOME/.cargo}"
crate="$(ls "$cargo_home"/registry/cache/*/cairo-native-"$version".crate 2>/dev/null | head -n 1 || true)"
if [[ -z "$crate" ]]; then
    echo "error: cargo fetch did not leave cairo-native-$version.crate in $cargo_home/registry/cache" >&2
    exit 1
fi

parent="$(dirname "$dest")"
mkdir -p "$parent"
tmp="$(mktemp -d "$parent/.corelib-tmp.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
tar -xzf "$crate" -C "$tmp" "cairo-native-$version/corelib"
if [[ ! -f "$tmp/cairo-native-$version/corelib/src/lib.cairo" ]]; then
    echo "error: $crate has no corelib/src/lib.cairo" >&2
    exit 1
fi
rm -rf "$dest"
mv "$tmp/cairo-native-$version/corelib" "$dest"
touch "$marker"
echo "Cairo corelib ready at $dest ($(find "$dest/src" -name '*.cairo' | wc -l) files)"
