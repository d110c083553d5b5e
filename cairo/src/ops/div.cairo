//! `Div` — not implemented yet (mirrors runtime/src/ops/div.rs).
