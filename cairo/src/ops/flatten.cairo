//! `Flatten` — reshapes to 2-D at `axis` ([prod(d[:axis]), prod(d[axis:])]).
//! Only the shape changes, and shapes are static: no function, the generated
//! code passes the row-major data through unchanged.
//! Mirrors runtime/src/ops/flatten.rs.
