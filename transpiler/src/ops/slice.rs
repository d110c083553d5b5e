//! Import of ONNX `Slice`: attributes `starts`, `ends`, `axes` before opset 10,
//! inputs from 10 on.

use cairn_runtime::ops::slice::{LegacySlice, Slice};

use super::attrs::{Attrs, ImportResult};
use super::{not_yet, CodegenResult};
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    if a.opset >= 10 {
        return Ok(Box::new(Slice { legacy: None }));
    }
    let starts = a.ints_opt("starts")?.ok_or("attribute 'starts' is required")?;
    let ends = a.ints_opt("ends")?.ok_or("attribute 'ends' is required")?;
    Ok(Box::new(Slice { legacy: Some(LegacySlice { starts, ends, axes: a.ints_opt("axes")? }) }))
}

pub fn codegen(n: &NodeGen) -> CodegenResult {
    not_yet(n)
}
