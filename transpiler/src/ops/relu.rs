//! Import of ONNX `Relu`, which has no attributes (the `broadcast`/`axis` or
//! `consumed_inputs` attributes of pre-7 opsets are reported as unsupported).

use cairn_runtime::ops::relu::Relu;

use super::attrs::{Attrs, ImportResult};

pub fn import(_a: &Attrs) -> ImportResult {
    Ok(Box::new(Relu))
}
