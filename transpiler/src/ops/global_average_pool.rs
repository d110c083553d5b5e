//! Import of ONNX `GlobalAveragePool`, which has no attributes (the `broadcast`/`axis` or
//! `consumed_inputs` attributes of pre-7 opsets are reported as unsupported).

use cairn_runtime::ops::global_average_pool::GlobalAveragePool;

use super::attrs::{Attrs, ImportResult};
use super::{not_yet, CodegenResult};
use crate::codegen::NodeGen;

pub fn import(_a: &Attrs) -> ImportResult {
    Ok(Box::new(GlobalAveragePool))
}

pub fn codegen(n: &NodeGen) -> CodegenResult {
    not_yet(n)
}
