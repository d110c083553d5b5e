//! `Expand` — numpy broadcasting of the input to `out_shape` (the broadcast of
//! its shape and the constant `shape`, from the code generator). Exact: data
//! movement. Mirrors runtime/src/ops/expand.rs.

use crate::tensor::{broadcast_map, take};

pub fn expand(x: Span<felt252>, x_shape: Span<u32>, out_shape: Span<u32>) -> Span<felt252> {
    take(x, broadcast_map(x_shape, out_shape).span()).span()
}
