//! `MatMul` — not implemented yet (mirrors runtime/src/ops/mat_mul.rs).
