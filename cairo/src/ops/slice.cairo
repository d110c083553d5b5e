//! `Slice` — not implemented yet (mirrors runtime/src/ops/slice.rs).
