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

/// Emits `cairn::ops::global_average_pool::global_average_pool`.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let x = n.input(0)?;
    Ok(NodeCode::expr(format!(
        "cairn::ops::global_average_pool::global_average_pool({}, {}, {})",
        arith(x.dtype),
        x.expr,
        shape_lit(&x.shape)
    )))
}
