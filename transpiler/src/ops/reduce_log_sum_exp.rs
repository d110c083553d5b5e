//! Import of ONNX `ReduceLogSumExp` (`axes` an input from opset 18; the shared
//! attributes and code are in `reduce.rs`).

use cairn_runtime::ops::reduce_log_sum_exp::ReduceLogSumExp;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    Ok(Box::new(ReduceLogSumExp { attrs: super::reduce::attrs(a, 18)? }))
}

/// `cairn::ops::reduce_log_sum_exp::reduce_log_sum_exp` over the resolved
/// axes (fixed point only: integer tensors and empty groups are refused by
/// the reference, so they cannot reach code generation).
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &ReduceLogSumExp = n.kernel()?;
    if !n.input(0)?.dtype.is_real() {
        return Err("ReduceLogSumExp of an integer tensor".into());
    }
    super::reduce::codegen(n, &k.attrs, "reduce_log_sum_exp")
}
