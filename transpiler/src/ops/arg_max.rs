//! Import of ONNX `ArgMax`: `axis` (default 0), `keepdims` (default 1),
//! `select_last_index` (default 0, opset ≥ 12).

use cairn_runtime::ops::arg_max::ArgMax;

use super::attrs::{Attrs, ImportResult};
use super::{not_yet, CodegenResult};
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    Ok(Box::new(ArgMax {
        axis: a.int("axis", 0)?,
        keepdims: a.flag("keepdims", true)?,
        select_last_index: a.flag("select_last_index", false)?,
    }))
}

pub fn codegen(n: &NodeGen) -> CodegenResult {
    not_yet(n)
}
