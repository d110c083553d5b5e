//! Import of ONNX `DepthToSpace`: `blocksize` (required), `mode` (`DCR`, the
//! default, or `CRD`; opset 11+).

use cairn_runtime::ops::depth_to_space::DepthToSpace;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::emit::shape_lit;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    let blocksize = a.int_opt("blocksize")?.ok_or("DepthToSpace needs the attribute 'blocksize'")?;
    let crd = match a.string("mode", "DCR")?.as_str() {
        "DCR" => false,
        "CRD" => true,
        other => return Err(format!("DepthToSpace mode '{other}' is not DCR or CRD")),
    };
    Ok(Box::new(DepthToSpace { blocksize, crd }))
}

/// Emits `cairn::ops::depth_to_space::depth_to_space(x, shape, blocksize, crd)`;
/// the shape is static, so the Cairo function checks it the way the kernel does.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &DepthToSpace = n.kernel()?;
    let x = n.input(0)?;
    let b =
        u32::try_from(k.blocksize).map_err(|_| format!("blocksize {} is not a positive block size", k.blocksize))?;
    Ok(NodeCode::expr(format!(
        "cairn::ops::depth_to_space::depth_to_space({}, {}, {b}, {})",
        x.expr,
        shape_lit(&x.shape),
        k.crd
    )))
}
