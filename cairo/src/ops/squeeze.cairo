//! `Squeeze` — removes size-1 axes (the listed ones, or all). Only the shape
//! changes, and shapes are static: no function, the generated code passes the
//! row-major data through unchanged. Mirrors runtime/src/ops/squeeze.rs.
