//! Import of ONNX `Concat`: `axis` (required from opset 4).

use cairn_runtime::ops::concat::Concat;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::emit::shape_lit;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    let axis = a.int_opt("axis")?.ok_or("attribute 'axis' is required")?;
    Ok(Box::new(Concat { axis }))
}

/// Emits `cairn::ops::concat::concat` over the present inputs (omitted ones
/// are skipped, as the kernel does), with their shapes and the raw `axis`.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let c: &Concat = n.kernel()?;
    let present: Vec<_> = n.inputs.iter().flatten().collect();
    if present.is_empty() {
        return Err("Concat has no inputs".into());
    }
    let data: Vec<String> = present.iter().map(|v| v.expr.clone()).collect();
    let shapes: Vec<String> = present.iter().map(|v| shape_lit(&v.shape)).collect();
    Ok(NodeCode::expr(format!(
        "let inputs = array![{}].span();\nlet shapes = array![{}].span();\ncairn::ops::concat::concat(inputs, shapes, {})",
        data.join(", "),
        shapes.join(", "),
        c.axis
    )))
}
