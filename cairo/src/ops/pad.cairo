//! `Pad` — not implemented yet (mirrors runtime/src/ops/pad.rs).
