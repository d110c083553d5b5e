//! `Exp` — not implemented yet (mirrors runtime/src/ops/exp.rs).
