//! Import of ONNX `MaxPool`: `auto_pad`, `ceil_mode`, `dilations`,
//! `kernel_shape` (required), `pads`, `storage_order`, `strides`.

use cairn_runtime::ops::max_pool::MaxPool;

use super::attrs::{Attrs, ImportResult};
use super::window::window_attrs;
use super::{not_yet, CodegenResult};
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    let window = window_attrs(a, true)?;
    if window.kernel_shape.is_none() {
        return Err("attribute 'kernel_shape' is required".into());
    }
    let storage_order = a.int("storage_order", 0)?;
    if !(0..=1).contains(&storage_order) {
        return Err(format!("storage_order must be 0 or 1, got {storage_order}"));
    }
    Ok(Box::new(MaxPool { window, storage_order }))
}

pub fn codegen(n: &NodeGen) -> CodegenResult {
    not_yet(n)
}
