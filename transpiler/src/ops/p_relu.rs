//! Import of ONNX `PRelu`, which has no attributes (the `consumed_inputs`
//! attribute of opset 1 is reported as unsupported).

use cairn_runtime::ops::p_relu::PRelu;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(_a: &Attrs) -> ImportResult {
    Ok(Box::new(PRelu))
}

/// Emits `cairn::ops::p_relu::p_relu(ar, x, x_shape, slope, slope_shape, out_shape)`:
/// the slope broadcasts to X's shape.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    super::gen::binary_call(n, "p_relu")
}
