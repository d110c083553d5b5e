//! Import of ONNX `ArgMax`: `axis` (default 0), `keepdims` (default 1),
//! `select_last_index` (default 0, opset ≥ 12).

use cairn_runtime::ops::arg_max::ArgMax;

use super::attrs::{Attrs, ImportResult};

pub fn import(a: &Attrs) -> ImportResult {
    Ok(Box::new(ArgMax {
        axis: a.int("axis", 0)?,
        keepdims: a.flag("keepdims", true)?,
        select_last_index: a.flag("select_last_index", false)?,
    }))
}
