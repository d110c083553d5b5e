//! `Cast` — not implemented yet (mirrors runtime/src/ops/cast.rs).
