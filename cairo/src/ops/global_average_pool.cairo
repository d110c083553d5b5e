//! `GlobalAveragePool` — not implemented yet (mirrors runtime/src/ops/global_average_pool.rs).
