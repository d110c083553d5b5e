# Shared settings for cairn's scripts (sourced, not run).
# Heavy, re-creatable things live outside the clone so a fresh checkout reuses
# them and CI can cache them: cargo's target dir, downloads, venvs.
export CAIRN_CACHE="${CAIRN_CACHE:-$HOME/.cache/cairn}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$CAIRN_CACHE/target}"
mkdir -p "$CAIRN_CACHE"
