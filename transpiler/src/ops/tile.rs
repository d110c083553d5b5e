//! Import of ONNX `Tile`, which has no attributes.

use cairn_runtime::ops::tile::Tile;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::emit::shape_lit;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(_a: &Attrs) -> ImportResult {
    Ok(Box::new(Tile))
}

/// Emits `cairn::ops::tile::tile` to the output shape; `repeats` must be a
/// constant (it fixes the output's size).
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let (x, y) = (n.input(0)?, n.output(0)?);
    n.constant_ints(1, "repeats")?;
    Ok(NodeCode::expr(format!("cairn::ops::tile::tile({}, {}, {})", x.expr, shape_lit(&x.shape), shape_lit(&y.shape))))
}
