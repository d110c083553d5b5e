//! `Sub` — not implemented yet (mirrors runtime/src/ops/sub.rs).
