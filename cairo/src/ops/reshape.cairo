//! `Reshape` — not implemented yet (mirrors runtime/src/ops/reshape.rs).
