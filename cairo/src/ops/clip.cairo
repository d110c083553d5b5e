//! `Clip` — not implemented yet (mirrors runtime/src/ops/clip.rs).
