//! `Sigmoid` — not implemented yet (mirrors runtime/src/ops/sigmoid.rs).
