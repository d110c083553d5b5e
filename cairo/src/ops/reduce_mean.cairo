//! `ReduceMean` — not implemented yet (mirrors runtime/src/ops/reduce_mean.rs).
