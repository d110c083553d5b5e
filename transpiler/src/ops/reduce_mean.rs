//! Import of ONNX `ReduceMean`: `keepdims` (default 1), `noop_with_empty_axes`
//! (default 0); `axes` is an attribute before opset 18 and an input from 18.

use cairn_runtime::ops::reduce::ReduceAttrs;
use cairn_runtime::ops::reduce_mean::ReduceMean;

use super::attrs::{Attrs, ImportResult};
use super::{not_yet, CodegenResult};
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    let axes_attr = if a.opset < 18 { a.ints_opt("axes")? } else { None };
    Ok(Box::new(ReduceMean {
        attrs: ReduceAttrs {
            axes_attr,
            keepdims: a.flag("keepdims", true)?,
            noop_with_empty_axes: a.flag("noop_with_empty_axes", false)?,
        },
    }))
}

pub fn codegen(n: &NodeGen) -> CodegenResult {
    not_yet(n)
}
