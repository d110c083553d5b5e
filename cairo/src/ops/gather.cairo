//! `Gather` — not implemented yet (mirrors runtime/src/ops/gather.rs).
