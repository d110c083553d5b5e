//! Import of ONNX `Transpose`: `perm` (default: reversed axes).

use cairn_runtime::ops::transpose::Transpose;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::emit::shape_lit;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    Ok(Box::new(Transpose { perm: a.ints_opt("perm")? }))
}

/// Emits `cairn::ops::transpose::transpose(x, shape, perm)`; an absent `perm`
/// is passed as an empty span (the Cairo function reverses the axes).
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let t: &Transpose = n.kernel()?;
    let x = n.input(0)?;
    let perm = match &t.perm {
        None => "array![].span()".to_string(),
        // The Cairo function reads an empty span as "reversed"; an empty perm
        // on a tensor of rank > 0 is not a permutation.
        Some(p) if p.len() != x.shape.len() => return Err(format!("perm {p:?} is not a permutation of the axes")),
        Some(p) => {
            let p: Vec<usize> = p
                .iter()
                .map(|&a| usize::try_from(a).map_err(|_| format!("perm {p:?} is not a permutation")))
                .collect::<Result<_, _>>()?;
            shape_lit(&p)
        }
    };
    Ok(NodeCode::expr(format!("cairn::ops::transpose::transpose({}, {}, {perm})", x.expr, shape_lit(&x.shape))))
}
