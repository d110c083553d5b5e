//! Import of ONNX `Add`, which has no attributes (the `broadcast`/`axis` or
//! `consumed_inputs` attributes of pre-7 opsets are reported as unsupported).

use cairn_runtime::ops::add::Add;

use super::attrs::{Attrs, ImportResult};

pub fn import(_a: &Attrs) -> ImportResult {
    Ok(Box::new(Add))
}
