//! Import of ONNX `Add`, which has no attributes (the `broadcast`/`axis` or
//! `consumed_inputs` attributes of pre-7 opsets are reported as unsupported).

use cairn_runtime::ops::add::Add;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(_a: &Attrs) -> ImportResult {
    Ok(Box::new(Add))
}

/// Emits `cairn::ops::add::add` with broadcasting to the output shape.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    super::gen::binary_call(n, "add")
}
