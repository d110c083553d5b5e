//! Import of ONNX `Shape`: `start` (default 0) and `end` (default the rank),
//! both from opset 15.

use cairn_runtime::ops::shape::Shape;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::emit::shape_lit;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    Ok(Box::new(Shape { start: a.int("start", 0)?, end: a.int_opt("end")? }))
}

/// Emits the kept dimensions through `cairn::ops::shape::shape`. (The
/// framework folds Shape nodes at transpile time, every shape being known, so
/// this only runs if it stops doing so.)
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &Shape = n.kernel()?;
    let x = n.input(0)?;
    let (s, e) = k.range(x.shape.len());
    Ok(NodeCode::expr(format!("cairn::ops::shape::shape({})", shape_lit(&x.shape[s..e]))))
}
