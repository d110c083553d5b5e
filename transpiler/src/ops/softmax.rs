//! Import of ONNX `Softmax`: `axis` (default -1 from opset 13; default 1 with
//! 2-D coercion before).

use cairn_runtime::ops::softmax::Softmax;

use super::attrs::{Attrs, ImportResult};
use super::{not_yet, CodegenResult};
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    let legacy = a.opset < 13;
    let axis = a.int("axis", if legacy { 1 } else { -1 })?;
    Ok(Box::new(Softmax { axis, coerce_2d: legacy }))
}

pub fn codegen(n: &NodeGen) -> CodegenResult {
    not_yet(n)
}
