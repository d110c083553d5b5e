//! `Concat` — not implemented yet (mirrors runtime/src/ops/concat.rs).
