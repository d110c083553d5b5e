//! Import of ONNX `Flatten`: `axis` (default 1).

use cairn_runtime::ops::flatten::Flatten;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    Ok(Box::new(Flatten { axis: a.int("axis", 1)? }))
}

/// The data is unchanged (only the shape, known statically, changes).
pub fn codegen(n: &NodeGen) -> CodegenResult {
    super::gen::passthrough(n)
}
