#!/usr/bin/env bash
# Trace rows of every model in examples/corpus (the exporters' models users
# bring), as `cairn run --profile` measures them on the first test sample:
# steps, trace rows, which need sets them, and each need.
#
#     bash bench/corpus-rows.sh            # markdown table on stdout
#     CAIRN=path/to/cairn bash bench/corpus-rows.sh   # another build (a before/after)
#
# Each model is transpiled and compiled into the package cache on first use
# (minutes for the large ones); later runs reuse it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
if [ -z "${CAIRN:-}" ]; then
    cargo build -q --bin cairn
fi
cairn="${CAIRN:-$CARGO_TARGET_DIR/debug/cairn}"
# one table row from `cairn run --profile --json`
ROW_PY='
import json, sys
c = json.load(sys.stdin)["cost"]
n = c["row_needs"]
cells = [sys.argv[1], c["steps"], c["trace_rows"], c["rows_set_by"], n["memory"], n["range_check_gaps"], n["range_check_window"]]
print("| " + " | ".join(f"{v:,}" if isinstance(v, int) else v for v in cells) + " |")
'
echo "| model | steps | rows | set by | memory | range-check gaps | range-check window |"
echo "|---|---:|---:|---|---:|---:|---:|"
for dir in examples/corpus/*/; do
    name=$(basename "$dir")
    if ! json=$("$cairn" -q run "$dir/model.onnx" --input "$dir/test.json" --profile --json 2>/dev/null); then
        echo "| $name | — | — | (does not run: see \`cairn run\`) | | | |"
        continue
    fi
    python3 -c "$ROW_PY" "$name" <<<"$json"
done
