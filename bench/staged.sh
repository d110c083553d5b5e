#!/usr/bin/env bash
# Staged proving of a model too big for one trace (docs/staged.md), measured:
# the whole model's steps, the stages --max-rows makes, each stage's steps and
# rows, prove wall and CPU time and peak memory with 1 and 2 workers, the
# bundle's size, verify time. Prints a markdown table.
#
#   bench/staged.sh                                   # the ResNet of examples/large, 2^20 rows
#   bench/staged.sh MODEL_DIR [ROWS]                  # a dir with model.onnx + test.json
#
# Release build (the prover's speed is what is measured). Needs ~9.5 GB free
# at 2^20 rows per worker (two workers: ~19 GB); --jobs 2 is skipped above
# 2^20 rows. Takes about a quarter of an hour on the 2-core reference machine
# for the ResNet.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/fetch-corelib.sh >/dev/null
cargo build -q --locked --release --bin cairn
cairn="$CARGO_TARGET_DIR/release/cairn"
dir="${1:-examples/large/resnet_shapes_torchscript}"
rows="${2:-2^20}"
work="$CAIRN_CACHE/bench-work/staged-$(basename "$dir")"
mkdir -p "$work"
# one sample: the first of the test split
python3 -c "import json,sys; json.dump(json.load(open(sys.argv[1]))[:1], open(sys.argv[2], 'w'))" \
    "$dir/test.json" "$work/sample.json"

measure() {  # label, command...: appends "label wall cpu peak_kb" to $work/times
    local label="$1"; shift
    /usr/bin/time -f "$label %e %U %S %M" -a -o "$work/times" "$@"
}
rm -f "$work/times"
echo "whole model: $dir" >&2
"$cairn" -q run "$dir/model.onnx" -i "$work/sample.json" --json > "$work/whole.json"
measure transpile "$cairn" transpile "$dir/model.onnx" -o "$work/staged" --max-rows "$rows" \
    -i "$work/sample.json" --force 2> "$work/transpile.log" >/dev/null
measure prove1 "$cairn" prove "$work/staged" -i "$work/sample.json" -o "$work/jobs1.bundle" --jobs 1 \
    > "$work/prove1.txt" 2>/dev/null
if [[ "$rows" == 2^2[1-9] || ( "$rows" =~ ^[0-9]+$ && "$rows" -gt 1048576 ) ]]; then
    echo "(--jobs 2 skipped: two stages above 2^20 rows at once need more than ~19 GB)" >&2
else
    measure prove2 "$cairn" prove "$work/staged" -i "$work/sample.json" -o "$work/jobs2.bundle" --jobs 2 \
        > /dev/null 2>&1
    cmp -s "$work/jobs1.bundle" "$work/jobs2.bundle" || { echo "the bundles differ" >&2; exit 1; }
fi
measure verify "$cairn" verify "$work/jobs1.bundle" --model "$work/staged" > "$work/verify.txt"

python3 - "$work" "$dir" "$rows" <<'EOF'
import json, re, sys
work, model, rows = sys.argv[1:]
whole = json.load(open(f"{work}/whole.json"))
steps = whole["cairo"]["steps"][0]
times = {}
for line in open(f"{work}/times"):
    parts = line.split()
    if len(parts) == 5 and parts[0] in ("transpile", "prove1", "prove2", "verify"):
        label, wall, user, sys_, kb = parts
        times[label] = (float(wall), float(user) + float(sys_), int(kb) / 1e6)
stages = re.findall(r"^stage (\d+)\s+(\d+) steps → (\d+) rows", open(f"{work}/prove1.txt").read(), re.M)
bundle = re.search(r"\((\d+) bytes, (\d+) stage proofs\)", open(f"{work}/prove1.txt").read())
print(f"model `{model}`: {steps:,} Cairo steps whole, {1 << (steps - 1).bit_length():,} rows as one trace; "
      f"`--max-rows {rows}`: {len(stages)} stages\n")
print("| stage | steps | trace rows |\n|---:|---:|---:|")
for i, s, r in stages:
    print(f"| {i} | {int(s):,} | {int(r):,} |")
print("\n| | wall s | CPU s | peak GB |\n|---|---:|---:|---:|")
names = {"transpile": "transpile --max-rows (measure, cut, compile)", "prove1": "prove, 1 worker",
         "prove2": "prove, 2 workers", "verify": "verify the bundle"}
for k in ("transpile", "prove1", "prove2", "verify"):
    if k in times:
        w, c, m = times[k]
        print(f"| {names[k]} | {w:.1f} | {c:.1f} | {m:.2f} |")
if bundle:
    print(f"\nbundle: {int(bundle.group(1)):,} bytes ({bundle.group(2)} stage proofs)")
EOF
