//! `BatchNormalization` — not implemented yet (mirrors runtime/src/ops/batch_normalization.rs).
