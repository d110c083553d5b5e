//! `Upsample` — Resize with asymmetric coordinates and nearest rounding
//! down: the generated code calls `resize::gather` or `resize::weighted_sums`.
//! Mirrors runtime/src/ops/upsample.rs.
