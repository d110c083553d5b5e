//! Import of ONNX `Trilu`: `upper` (default 1); `k` is the optional second
//! input, which must be a constant for code generation.

use cairn_runtime::ops::trilu::Trilu;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::emit::shape_lit;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    Ok(Box::new(Trilu { upper: a.flag("upper", true)? }))
}

/// Emits `cairn::ops::trilu::trilu(x, shape, upper, k)`. `k` is clamped to
/// `±(rows + columns)`, which keeps or drops exactly the same elements
/// (`j − i` lies within `(−rows, columns)`) and keeps the literal small.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let t: &Trilu = n.kernel()?;
    let x = n.input(0)?;
    let k = match n.optional_input(1) {
        None => 0,
        Some(_) => match n.constant_ints(1, "k")?.as_slice() {
            [k] => *k,
            _ => return Err("k must be a scalar".into()),
        },
    };
    let rank = x.shape.len();
    if rank < 2 {
        return Err("Trilu needs rank ≥ 2".into());
    }
    let reach = (x.shape[rank - 2] + x.shape[rank - 1]) as i64;
    Ok(NodeCode::expr(format!(
        "cairn::ops::trilu::trilu({}, {}, {}, {})",
        x.expr,
        shape_lit(&x.shape),
        t.upper,
        k.clamp(-reach, reach)
    )))
}
