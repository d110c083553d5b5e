//! Import of ONNX `Einsum`: `equation` (required), parsed and checked at
//! import so an equation cairn does not lower is refused by name.

use cairn_runtime::ops::einsum::{Einsum, Equation, Plan};

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::emit::{arith, shape_lit};
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    let equation = a.string_opt("equation")?.ok_or("Einsum needs the attribute 'equation'")?;
    Ok(Box::new(Einsum { equation: Equation::parse(&equation)? }))
}

/// Emits the lowering the kernel runs, from the static shapes:
/// `einsum::view` (a strided view, then a sum) for one operand,
/// `einsum::product` (transposes around a MatMul) for two.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &Einsum = n.kernel()?;
    let count = k.equation.operand_count();
    let xs: Vec<_> = (0..count).map(|i| n.input(i)).collect::<Result<_, _>>()?;
    if xs.iter().any(|x| x.dtype.is_real() != xs[0].dtype.is_real()) {
        return Err("Einsum operands must all be real or all integers".into());
    }
    let shapes: Vec<&[usize]> = xs.iter().map(|x| x.shape.as_slice()).collect();
    let ar = arith(xs[0].dtype);
    let expr = match k.equation.plan(&shapes).map_err(|e| e.to_string())? {
        Plan::Unary(p) => format!(
            "cairn::ops::einsum::view({ar}, {}, {}, {}, {})",
            xs[0].expr,
            shape_lit(&p.view_shape),
            shape_lit(&p.view_strides),
            shape_lit(&p.summed)
        ),
        Plan::Binary(p) => format!(
            "cairn::ops::einsum::product({ar}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {})",
            xs[0].expr,
            shape_lit(&xs[0].shape),
            shape_lit(&p.a_perm),
            shape_lit(&p.a_mm),
            xs[1].expr,
            shape_lit(&xs[1].shape),
            shape_lit(&p.b_perm),
            shape_lit(&p.b_mm),
            shape_lit(&p.product),
            shape_lit(&p.out_perm)
        ),
    };
    Ok(NodeCode::expr(expr))
}
