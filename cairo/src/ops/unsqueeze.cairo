//! `Unsqueeze` — inserts size-1 axes. Only the shape changes, and shapes are
//! static: no function, the generated code passes the row-major data through
//! unchanged. Mirrors runtime/src/ops/unsqueeze.rs.
