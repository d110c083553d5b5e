//! Import of ONNX `ReduceL1` (`axes` an input from opset 18; the shared
//! attributes and code are in `reduce.rs`).

use cairn_runtime::ops::reduce_l1::ReduceL1;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    Ok(Box::new(ReduceL1 { attrs: super::reduce::attrs(a, 18)? }))
}

/// `cairn::ops::reduce_l1::reduce_l1` over the resolved axes.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &ReduceL1 = n.kernel()?;
    super::reduce::codegen(n, &k.attrs, "reduce_l1")
}
