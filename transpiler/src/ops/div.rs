//! Import of ONNX `Div`, which has no attributes (the `broadcast`/`axis` or
//! `consumed_inputs` attributes of pre-7 opsets are reported as unsupported).

use cairn_runtime::ops::div::Div;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(_a: &Attrs) -> ImportResult {
    Ok(Box::new(Div))
}

/// Emits `cairn::ops::div::div` with broadcasting to the output shape.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    super::gen::binary_call(n, "div")
}
