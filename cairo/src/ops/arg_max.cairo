//! `ArgMax` — not implemented yet (mirrors runtime/src/ops/arg_max.rs).
