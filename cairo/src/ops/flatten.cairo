//! `Flatten` — not implemented yet (mirrors runtime/src/ops/flatten.rs).
