#!/usr/bin/env bash
# Makes the ONNX 1.22.0 backend node tests available for tests/conformance.rs.
#
# Destination: $CAIRN_ONNX_NODE_TESTS, else $CAIRN_CACHE/onnx-1.22.0/node, else
# ~/.cache/cairn/onnx-1.22.0/node: a directory of test_*/ folders, each with
# model.onnx and test_data_set_0/{input_N.pb,output_N.pb}.
#
# The data ships inside every onnx wheel, so this downloads one wheel with pip
# (no dependencies, any platform) and extracts onnx/backend/test/data/node/.
# Idempotent: a marker file written after a successful extraction makes later
# runs do nothing. The extraction goes to a temporary directory next to the
# destination and is renamed into place, so an interrupted run leaves no
# half-populated directory behind.
set -euo pipefail

version=1.22.0
cache="${CAIRN_CACHE:-$HOME/.cache/cairn}"
dest="${CAIRN_ONNX_NODE_TESTS:-$cache/onnx-$version/node}"
marker="$dest/.cairn-onnx-$version-complete"
python="${PYTHON:-python3}"

if [[ -f "$marker" ]]; then
    echo "ONNX $version node tests already present at $dest"
    exit 0
fi

dl="$cache/dl"
mkdir -p "$dl"
wheel="$(ls "$dl"/onnx-"$version"-*.whl 2>/dev/null | head -n 1 || true)"
if [[ -z "$wheel" ]]; then
    echo "downloading the onnx==$version wheel into $dl"
    "$python" -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: "onnx==$version" -d "$dl"
    wheel="$(ls "$dl"/onnx-"$version"-*.whl 2>/dev/null | head -n 1 || true)"
    if [[ -z "$wheel" ]]; then
        echo "error: pip did not leave an onnx-$version wheel in $dl" >&2
        exit 1
    fi
else
    echo "using the already downloaded wheel $wheel"
fi

parent="$(dirname "$dest")"
mkdir -p "$parent"
tmp="$(mktemp -d "$parent/.node-tmp.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

echo "extracting onnx/backend/test/data/node/ from $(basename "$wheel")"
"$python" - "$wheel" "$tmp" <<'EOF'
import os, sys, zipfile

wheel, out = sys.argv[1], sys.argv[2]
prefix = "onnx/backend/test/data/node/"
count, tests = 0, set()
with zipfile.ZipFile(wheel) as z:
    for info in z.infolist():
        name = info.filename
        if not name.startswith(prefix) or name.endswith("/"):
            continue
        rel = name[len(prefix):]
        parts = rel.split("/")
        if any(p in ("", ".", "..") for p in parts):
            sys.exit(f"refusing suspicious path in wheel: {name}")
        target = os.path.join(out, *parts)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with z.open(info) as src, open(target, "wb") as dst:
            dst.write(src.read())
        count += 1
        tests.add(parts[0])
if not tests:
    sys.exit(f"no files under {prefix} in {wheel}")
print(f"extracted {count} files of {len(tests)} tests")
EOF

# Replace a leftover incomplete directory (no marker), then rename into place.
if [[ -e "$dest" ]]; then
    echo "removing incomplete $dest"
    rm -rf "$dest"
fi
mv -T "$tmp" "$dest"
trap - EXIT
touch "$marker"
echo "ONNX $version node tests ready at $dest"
