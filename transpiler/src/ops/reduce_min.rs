//! Import of ONNX `ReduceMin` (`axes` an input from opset 18; the shared
//! attributes and code are in `reduce.rs`).

use cairn_runtime::ops::reduce_min::ReduceMin;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    Ok(Box::new(ReduceMin { attrs: super::reduce::attrs(a, 18)? }))
}

/// `cairn::ops::reduce_min::reduce_min` over the resolved axes.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &ReduceMin = n.kernel()?;
    super::reduce::extremum_codegen(n, &k.attrs, "reduce_min", false)
}
