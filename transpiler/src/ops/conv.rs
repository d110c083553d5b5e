//! Import of ONNX `Conv`: `auto_pad`, `dilations`, `group`, `kernel_shape`,
//! `pads`, `strides`.

use cairn_runtime::ops::conv::Conv;

use super::attrs::{Attrs, ImportResult};
use super::window::window_attrs;
use super::{not_yet, CodegenResult};
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    let group = a.int("group", 1)?;
    if group < 1 {
        return Err(format!("group must be ≥ 1, got {group}"));
    }
    Ok(Box::new(Conv { window: window_attrs(a, false)?, group: group as usize }))
}

pub fn codegen(n: &NodeGen) -> CodegenResult {
    not_yet(n)
}
