//! `AveragePool` — not implemented yet (mirrors runtime/src/ops/average_pool.rs).
