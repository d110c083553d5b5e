//! Import of ONNX `Split`: `axis` (default 0); `split` (an attribute before
//! opset 13, an input from 13); `num_outputs` (opset 18).

use cairn_runtime::ops::split::Split;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::emit::shape_lit;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    let split_attr = if a.opset < 13 { a.ints_opt("split")? } else { None };
    let num_outputs = if a.opset >= 18 { a.int_opt("num_outputs")? } else { None };
    Ok(Box::new(Split { axis: a.int("axis", 0)?, split_attr, num_outputs, outputs: a.node().outputs.len() }))
}

/// One `cairn::ops::split::split` call per used output (its offset and length
/// along the axis); `split`, when given as an input, must be a constant.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &Split = n.kernel()?;
    let x = n.input(0)?;
    let split = match (&k.split_attr, n.optional_input(1)) {
        (None, Some(_)) => Some(n.constant_ints(1, "split")?),
        _ => None,
    };
    let (axis, sizes) = k.parts(&x.shape, split).map_err(|e| e.to_string())?;
    let mut calls = Vec::new();
    let mut start = 0;
    for (i, &len) in sizes.iter().enumerate() {
        if n.outputs.get(i).is_some_and(|o| o.is_some()) {
            calls.push(format!(
                "cairn::ops::split::split({}, {}, {axis}, {start}, {len})",
                x.expr,
                shape_lit(&x.shape)
            ));
        }
        start += len;
    }
    Ok(NodeCode::expr(if calls.len() == 1 { calls.remove(0) } else { format!("({})", calls.join(", ")) }))
}
