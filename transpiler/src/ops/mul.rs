//! Import of ONNX `Mul`, which has no attributes (the `broadcast`/`axis` or
//! `consumed_inputs` attributes of pre-7 opsets are reported as unsupported).

use cairn_runtime::ops::mul::Mul;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(_a: &Attrs) -> ImportResult {
    Ok(Box::new(Mul))
}

/// Emits `cairn::ops::mul::mul` with broadcasting to the output shape.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    super::gen::binary_call(n, "mul")
}
