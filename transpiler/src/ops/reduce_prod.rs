//! Import of ONNX `ReduceProd` (`axes` an input from opset 18; the shared
//! attributes and code are in `reduce.rs`).

use cairn_runtime::ops::reduce_prod::ReduceProd;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    Ok(Box::new(ReduceProd { attrs: super::reduce::attrs(a, 18)? }))
}

/// `cairn::ops::reduce_prod::reduce_prod` over the resolved axes (a running product rounded at each step as Mul), in
/// the tensor's domain.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &ReduceProd = n.kernel()?;
    super::reduce::codegen(n, &k.attrs, "reduce_prod")
}
