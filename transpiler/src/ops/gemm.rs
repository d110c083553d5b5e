//! Import of ONNX `Gemm`: `alpha`, `beta` (default 1), `transA`, `transB` (default 0).

use cairn_runtime::ops::gemm::Gemm;

use super::attrs::{Attrs, ImportResult};

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
