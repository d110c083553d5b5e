//! Import of ONNX `Squeeze`: `axes` is an attribute before opset 13 and the
//! second input from 13 on.

use cairn_runtime::ops::squeeze::Squeeze;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    let axes_attr = if a.opset < 13 { a.ints_opt("axes")? } else { None };
    Ok(Box::new(Squeeze { axes_attr }))
}

/// The data is unchanged (only the shape, known statically, changes).
pub fn codegen(n: &NodeGen) -> CodegenResult {
    super::gen::passthrough(n)
}
