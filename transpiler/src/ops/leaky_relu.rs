//! Import of ONNX `LeakyRelu`: `alpha` (default 0.01).

use cairn_runtime::ops::leaky_relu::LeakyRelu;

use super::attrs::{Attrs, ImportResult};
use super::{not_yet, CodegenResult};
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    Ok(Box::new(LeakyRelu { alpha: a.float("alpha", 0.01f32 as f64)? }))
}

pub fn codegen(n: &NodeGen) -> CodegenResult {
    not_yet(n)
}
