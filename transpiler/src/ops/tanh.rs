//! Import of ONNX `Tanh`, which has no attributes (the `broadcast`/`axis` or
//! `consumed_inputs` attributes of pre-7 opsets are reported as unsupported).

use cairn_runtime::ops::tanh::Tanh;

use super::attrs::{Attrs, ImportResult};
use super::{not_yet, CodegenResult};
use crate::codegen::NodeGen;

pub fn import(_a: &Attrs) -> ImportResult {
    Ok(Box::new(Tanh))
}

pub fn codegen(n: &NodeGen) -> CodegenResult {
    not_yet(n)
}
