//! `Conv` — not implemented yet (mirrors runtime/src/ops/conv.rs).
