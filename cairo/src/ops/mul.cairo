//! `Mul` — not implemented yet (mirrors runtime/src/ops/mul.rs).
