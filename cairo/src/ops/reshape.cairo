//! `Reshape` — a new shape from the int64 `shape` input (`0` copies, `-1`
//! infers, `allowzero`). Only the shape changes, and shapes are static (resolved
//! at transpile time): no function, the generated code passes the row-major
//! data through unchanged. Mirrors runtime/src/ops/reshape.rs.
