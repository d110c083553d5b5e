//! The golden-vector cases, one file per operator (see
//! tests/pipeline/golden_vectors.rs).

pub mod case;
pub mod cases;
