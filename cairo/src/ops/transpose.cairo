//! `Transpose` — not implemented yet (mirrors runtime/src/ops/transpose.rs).
