//! Import of ONNX `GlobalAveragePool`, which has no attributes (the `broadcast`/`axis` or
//! `consumed_inputs` attributes of pre-7 opsets are reported as unsupported).

use cairn_runtime::ops::global_average_pool::GlobalAveragePool;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::emit::{arith, shape_lit};
use crate::codegen::{NodeCode, NodeGen};

pub fn import(_a: &Attrs) -> ImportResult {
    Ok(Box::new(GlobalAveragePool))
}

/// Emits `cairn::ops::global_average_pool::global_average_pool`, or for a
/// real input `global_average_pool_fixed` (the same rounding by one small
/// division per plane).
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let x = n.input(0)?;
    if x.dtype.is_real() && x.shape.len() >= 3 {
        let planes: usize = x.shape[..2].iter().product();
        let size: usize = x.shape[2..].iter().product();
        if size > 0 && u32::try_from(size).is_ok() && u32::try_from(planes * size).is_ok() {
            return Ok(NodeCode::expr(format!(
                "cairn::ops::global_average_pool::global_average_pool_fixed({}, {planes}, {size})",
                x.expr
            )));
        }
    }
    Ok(NodeCode::expr(format!(
        "cairn::ops::global_average_pool::global_average_pool({}, {}, {})",
        arith(x.dtype),
        x.expr,
        shape_lit(&x.shape)
    )))
}
