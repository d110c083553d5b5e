//! Import of ONNX `ReduceSum` (`axes` an input from opset 13; the shared
//! attributes and code are in `reduce.rs`).

use cairn_runtime::ops::reduce_sum::ReduceSum;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    Ok(Box::new(ReduceSum { attrs: super::reduce::attrs(a, 13)? }))
}

/// `cairn::ops::reduce_sum::reduce_sum` over the resolved axes.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &ReduceSum = n.kernel()?;
    super::reduce::codegen(n, &k.attrs, "reduce_sum")
}
