//! Import of ONNX `Reshape` (opset ≥ 5, shape as input): `allowzero` (opset ≥ 14).

use cairn_runtime::ops::reshape::Reshape;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    if a.opset < 5 {
        return Err("Reshape before opset 5 (shape as an attribute) is not supported".into());
    }
    Ok(Box::new(Reshape { allowzero: a.flag("allowzero", false)? }))
}

/// The data is unchanged (only the shape, known statically, changes).
pub fn codegen(n: &NodeGen) -> CodegenResult {
    super::gen::passthrough(n)
}
