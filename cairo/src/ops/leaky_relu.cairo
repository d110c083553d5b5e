//! `LeakyRelu` — not implemented yet (mirrors runtime/src/ops/leaky_relu.rs).
