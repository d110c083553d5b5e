//! Import of ONNX `MatMul`, which has no attributes (the `broadcast`/`axis` or
//! `consumed_inputs` attributes of pre-7 opsets are reported as unsupported).

use cairn_runtime::ops::mat_mul::MatMul;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::emit::{arith, shape_lit};
use crate::codegen::{NodeCode, NodeGen};

pub fn import(_a: &Attrs) -> ImportResult {
    Ok(Box::new(MatMul))
}

/// Emits the generic `cairn::ops::mat_mul::mat_mul` (runtime shapes, any
/// operands; 1-D promotion and batch broadcasting in Cairo).
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let (a, b) = (n.input(0)?, n.input(1)?);
    if a.dtype.is_real() != b.dtype.is_real() {
        return Err("MatMul operands must both be real or both integers".into());
    }
    Ok(NodeCode::expr(format!(
        "cairn::ops::mat_mul::mat_mul({}, {}, {}, {}, {})",
        arith(a.dtype),
        a.expr,
        shape_lit(&a.shape),
        b.expr,
        shape_lit(&b.shape)
    )))
}
