//! `Identity` — not implemented yet (mirrors runtime/src/ops/identity.rs).
