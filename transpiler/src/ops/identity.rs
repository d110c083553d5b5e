//! Import of ONNX `Identity`, which has no attributes (the `broadcast`/`axis` or
//! `consumed_inputs` attributes of pre-7 opsets are reported as unsupported).

use cairn_runtime::ops::identity::Identity;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(_a: &Attrs) -> ImportResult {
    Ok(Box::new(Identity))
}

/// The data is unchanged (only the shape, known statically, changes).
pub fn codegen(n: &NodeGen) -> CodegenResult {
    super::gen::passthrough(n)
}
