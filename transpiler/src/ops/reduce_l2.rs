//! Import of ONNX `ReduceL2` (`axes` an input from opset 18; the shared
//! attributes and code are in `reduce.rs`).

use cairn_runtime::ops::reduce_l2::ReduceL2;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    Ok(Box::new(ReduceL2 { attrs: super::reduce::attrs(a, 18)? }))
}

/// `cairn::ops::reduce_l2::reduce_l2` over the resolved axes (the square root of the exact sum of squares, rounded once), in
/// the tensor's domain.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &ReduceL2 = n.kernel()?;
    super::reduce::codegen(n, &k.attrs, "reduce_l2")
}
