//! Import of ONNX `AveragePool`: `auto_pad`, `ceil_mode`, `count_include_pad`,
//! `dilations`, `kernel_shape` (required), `pads`, `strides`.

use cairn_runtime::ops::average_pool::AveragePool;

use super::attrs::{Attrs, ImportResult};
use super::window::window_attrs;
use super::{not_yet, CodegenResult};
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    let window = window_attrs(a, true)?;
    if window.kernel_shape.is_none() {
        return Err("attribute 'kernel_shape' is required".into());
    }
    Ok(Box::new(AveragePool { window, count_include_pad: a.flag("count_include_pad", false)? }))
}

pub fn codegen(n: &NodeGen) -> CodegenResult {
    not_yet(n)
}
