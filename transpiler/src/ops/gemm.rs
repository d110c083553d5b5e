//! Import of ONNX `Gemm`: `alpha`, `beta` (default 1), `transA`, `transB` (default 0).

use cairn_runtime::ops::gemm::Gemm;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    if a.opset < 7 {
        a.ignore("broadcast"); // pre-7 Gemm required it to broadcast C, which 7+ always does
    }
    Ok(Box::new(Gemm {
        alpha: a.float("alpha", 1.0)?,
        beta: a.float("beta", 1.0)?,
        trans_a: a.flag("transA", false)?,
        trans_b: a.flag("transB", false)?,
    }))
}

/// Emits `cairn::ops::gemm::gemm`; alpha and beta other than 1 are passed as
/// fixed-point constants (quantized like the kernel does), C is dropped when beta = 0.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    use crate::codegen::emit::{arith, shape_lit};
    use cairn_runtime::{Arith, FixedArith};
    let g: &Gemm = n.kernel()?;
    let (a, b) = (n.input(0)?, n.input(1)?);
    let fx = FixedArith::new(n.scale);
    let factor = |v: f64| -> Result<String, String> {
        if v == 1.0 {
            Ok("Option::None".into())
        } else if a.dtype.is_real() {
            Ok(format!("Option::Some({})", fx.from_f64(v).map_err(|e| e.to_string())?))
        } else {
            Err("integer Gemm with alpha or beta other than 1".into())
        }
    };
    let c = match n.optional_input(2) {
        Some(c) if g.beta != 0.0 => format!("Option::Some(({}, {}))", c.expr, shape_lit(&c.shape)),
        _ => "Option::None".into(),
    };
    Ok(crate::codegen::NodeCode::expr(format!(
        "cairn::ops::gemm::gemm({}, {}, {}, {}, {}, {c}, {}, {}, {}, {})",
        arith(a.dtype),
        a.expr,
        shape_lit(&a.shape),
        b.expr,
        shape_lit(&b.shape),
        factor(g.alpha)?,
        factor(g.beta)?,
        g.trans_a,
        g.trans_b
    )))
}
