//! `Softmax` — not implemented yet (mirrors runtime/src/ops/softmax.rs).
