//! Import of ONNX `Clip`: `min`/`max` attributes before opset 11, optional
//! inputs from 11.

use cairn_runtime::ops::clip::Clip;

use super::attrs::{Attrs, ImportResult};
use super::{not_yet, CodegenResult};
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    if a.opset >= 11 {
        return Ok(Box::new(Clip::default()));
    }
    Ok(Box::new(Clip { min_attr: a.float_opt("min")?, max_attr: a.float_opt("max")?, legacy: true }))
}

pub fn codegen(n: &NodeGen) -> CodegenResult {
    not_yet(n)
}
