//! `Squeeze` — not implemented yet (mirrors runtime/src/ops/squeeze.rs).
