//! `Constant` — not implemented yet (mirrors runtime/src/ops/constant.rs).
