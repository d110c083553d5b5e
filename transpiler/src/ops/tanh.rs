//! Import of ONNX `Tanh`, which has no attributes (the `broadcast`/`axis` or
//! `consumed_inputs` attributes of pre-7 opsets are reported as unsupported).

use cairn_runtime::ops::tanh::Tanh;

use super::attrs::{Attrs, ImportResult};

pub fn import(_a: &Attrs) -> ImportResult {
    Ok(Box::new(Tanh))
}
