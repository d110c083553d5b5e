//! Import of ONNX `ReduceMax` (`axes` an input from opset 18; the shared
//! attributes and code are in `reduce.rs`).

use cairn_runtime::ops::reduce_max::ReduceMax;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    Ok(Box::new(ReduceMax { attrs: super::reduce::attrs(a, 18)? }))
}

/// `cairn::ops::reduce_max::reduce_max` over the resolved axes.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &ReduceMax = n.kernel()?;
    super::reduce::extremum_codegen(n, &k.attrs, "reduce_max", true)
}
