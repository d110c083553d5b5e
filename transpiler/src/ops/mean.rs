//! Import of ONNX `Mean`, which has no attributes (the `consumed_inputs`
//! attribute of opset 1 is reported as unsupported).

use cairn_runtime::ops::mean::Mean;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(_a: &Attrs) -> ImportResult {
    Ok(Box::new(Mean))
}

/// Emits `cairn::ops::mean::mean(ar, inputs, shapes, out_shape)` over all inputs.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    super::gen::variadic_call(n, "mean")
}
