//! `Tanh` — not implemented yet (mirrors runtime/src/ops/tanh.rs).
