//! Import of ONNX `ReduceMean` (`axes` an input from opset 18; the shared
//! attributes and code are in `reduce.rs`).

use cairn_runtime::ops::reduce_mean::ReduceMean;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    Ok(Box::new(ReduceMean { attrs: super::reduce::attrs(a, 18)? }))
}

/// `cairn::ops::reduce_mean::reduce_mean` over the resolved axes.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &ReduceMean = n.kernel()?;
    super::reduce::codegen(n, &k.attrs, "reduce_mean")
}
