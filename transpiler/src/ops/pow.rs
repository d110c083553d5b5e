//! Import of ONNX `Pow`, which has no attributes (the `broadcast`/`axis`
//! attributes of opset 1 are reported as unsupported).

use cairn_runtime::ops::pow::Pow;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::emit::{arith, shape_lit};
use crate::codegen::{NodeCode, NodeGen};

pub fn import(_a: &Attrs) -> ImportResult {
    Ok(Box::new(Pow))
}

/// Emits one of `cairn::ops::pow::{pow, pow_real_int, pow_int_int, pow_int_real}`
/// by the (base, exponent) kinds, with broadcasting to the output shape.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let (x, y, out) = (n.input(0)?, n.input(1)?, n.output(0)?);
    let (f, ar) = match (x.dtype.is_real(), y.dtype.is_real()) {
        (true, true) => ("pow", "sc".to_string()),
        (true, false) => ("pow_real_int", "sc".to_string()),
        (false, false) => ("pow_int_int", arith(x.dtype)),
        (false, true) => ("pow_int_real", format!("sc, {}", arith(x.dtype))),
    };
    Ok(NodeCode::expr(format!(
        "cairn::ops::pow::{f}({ar}, {}, {}, {}, {}, {})",
        x.expr,
        shape_lit(&x.shape),
        y.expr,
        shape_lit(&y.shape),
        shape_lit(&out.shape)
    )))
}
