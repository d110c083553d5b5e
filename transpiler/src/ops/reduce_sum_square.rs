//! Import of ONNX `ReduceSumSquare` (`axes` an input from opset 18; the shared
//! attributes and code are in `reduce.rs`).

use cairn_runtime::ops::reduce_sum_square::ReduceSumSquare;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    Ok(Box::new(ReduceSumSquare { attrs: super::reduce::attrs(a, 18)? }))
}

/// `cairn::ops::reduce_sum_square::reduce_sum_square` over the resolved axes.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &ReduceSumSquare = n.kernel()?;
    super::reduce::codegen(n, &k.attrs, "reduce_sum_square")
}
