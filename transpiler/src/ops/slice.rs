//! Import of ONNX `Slice`: attributes `starts`, `ends`, `axes` before opset 10,
//! inputs from 10 on.

use cairn_runtime::ops::slice::{LegacySlice, Slice};

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::emit::{int_span, shape_lit};
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    if a.opset >= 10 {
        return Ok(Box::new(Slice { legacy: None }));
    }
    let starts = a.ints_opt("starts")?.ok_or("attribute 'starts' is required")?;
    let ends = a.ints_opt("ends")?.ok_or("attribute 'ends' is required")?;
    Ok(Box::new(Slice { legacy: Some(LegacySlice { starts, ends, axes: a.ints_opt("axes")? }) }))
}

/// Emits `cairn::ops::slice::slice(x, shape, starts, ends, axes, steps)`; the
/// lists are int64 values (the constant inputs themselves from opset 10, the
/// attributes before); they must be known at transpile time since they
/// determine the output shape. The Cairo function normalizes and clamps them.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let s: &Slice = n.kernel()?;
    let x = n.input(0)?;
    let opt = |v: Option<String>| v.map_or("Option::None".to_string(), |e| format!("Option::Some({e})"));
    let (starts, ends, axes, steps) = match &s.legacy {
        Some(l) => (int_span(&l.starts), int_span(&l.ends), opt(l.axes.as_deref().map(int_span)), opt(None)),
        None => {
            let list = |i: usize, what: &str| -> Result<Option<String>, String> {
                match n.optional_input(i) {
                    Some(v) => {
                        n.constant_ints(i, what)?;
                        Ok(Some(v.expr.clone()))
                    }
                    None => Ok(None),
                }
            };
            let required = |i: usize, what: &str| list(i, what)?.ok_or_else(|| format!("the {what} input is required"));
            (required(1, "starts")?, required(2, "ends")?, opt(list(3, "axes")?), opt(list(4, "steps")?))
        }
    };
    Ok(NodeCode::expr(format!(
        "cairn::ops::slice::slice({}, {}, {starts}, {ends}, {axes}, {steps})",
        x.expr,
        shape_lit(&x.shape)
    )))
}
