//! `Unsqueeze` — not implemented yet (mirrors runtime/src/ops/unsqueeze.rs).
