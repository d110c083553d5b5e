//! Import of ONNX `SpaceToDepth`: `blocksize` (required).

use cairn_runtime::ops::space_to_depth::SpaceToDepth;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::emit::shape_lit;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    let blocksize = a.int_opt("blocksize")?.ok_or("SpaceToDepth needs the attribute 'blocksize'")?;
    Ok(Box::new(SpaceToDepth { blocksize }))
}

/// Emits `cairn::ops::space_to_depth::space_to_depth(x, shape, blocksize)`.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &SpaceToDepth = n.kernel()?;
    let x = n.input(0)?;
    let b =
        u32::try_from(k.blocksize).map_err(|_| format!("blocksize {} is not a positive block size", k.blocksize))?;
    Ok(NodeCode::expr(format!("cairn::ops::space_to_depth::space_to_depth({}, {}, {b})", x.expr, shape_lit(&x.shape))))
}
