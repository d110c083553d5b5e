//! `ReduceSum` — not implemented yet (mirrors runtime/src/ops/reduce_sum.rs).
