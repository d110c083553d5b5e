//! Import of ONNX `Concat`: `axis` (required from opset 4).

use cairn_runtime::ops::concat::Concat;

use super::attrs::{Attrs, ImportResult};
use super::{not_yet, CodegenResult};
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    let axis = a.int_opt("axis")?.ok_or("attribute 'axis' is required")?;
    Ok(Box::new(Concat { axis }))
}

pub fn codegen(n: &NodeGen) -> CodegenResult {
    not_yet(n)
}
