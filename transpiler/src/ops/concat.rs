//! Import of ONNX `Concat`: `axis` (required from opset 4).

use cairn_runtime::ops::concat::Concat;

use super::attrs::{Attrs, ImportResult};

pub fn import(a: &Attrs) -> ImportResult {
    let axis = a.int_opt("axis")?.ok_or("attribute 'axis' is required")?;
    Ok(Box::new(Concat { axis }))
}
