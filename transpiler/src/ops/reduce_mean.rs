//! Import of ONNX `ReduceMean` (`axes` an input from opset 18; the shared
//! attributes and code are in `reduce.rs`).

use cairn_runtime::ops::reduce_mean::ReduceMean;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    Ok(Box::new(ReduceMean { attrs: super::reduce::attrs(a, 18)? }))
}

/// `cairn::ops::reduce_mean::reduce_mean` over the resolved axes; for reals
/// reduced over their trailing axes (a global average pool, as the dynamo
/// exporter writes one: axes [2, 3] of [N, C, H, W]), each mean is over one
/// contiguous block, which `global_average_pool_fixed` takes with one small
/// division (the same rounding, half up).
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &ReduceMean = n.kernel()?;
    let x = n.input(0)?;
    if x.dtype.is_real() {
        if let Some(mut axes) = super::reduce::resolved_axes(n, &k.attrs)? {
            axes.sort_unstable();
            axes.dedup();
            let rank = x.shape.len();
            let lead = rank - axes.len().min(rank);
            let trailing = !axes.is_empty() && axes.iter().copied().eq(lead..rank);
            let planes: usize = x.shape[..lead].iter().product();
            let size: usize = x.shape[lead..].iter().product();
            if trailing && size > 0 && u32::try_from(planes * size).is_ok() {
                return Ok(NodeCode::expr(format!(
                    "cairn::ops::global_average_pool::global_average_pool_fixed({}, {planes}, {size})",
                    x.expr
                )));
            }
        }
    }
    super::reduce::codegen(n, &k.attrs, "reduce_mean")
}
