//! Import of ONNX `Min`, which has no attributes (the `consumed_inputs`
//! attribute of opset 1 is reported as unsupported).

use cairn_runtime::ops::min::Min;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(_a: &Attrs) -> ImportResult {
    Ok(Box::new(Min))
}

/// Emits `cairn::ops::min::min(ar, inputs, shapes, out_shape)` over all inputs.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    super::gen::variadic_call(n, "min")
}
