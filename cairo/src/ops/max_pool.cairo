//! `MaxPool` — not implemented yet (mirrors runtime/src/ops/max_pool.rs).
