//! Import of ONNX `LeakyRelu`: `alpha` (default 0.01).

use cairn_runtime::ops::leaky_relu::LeakyRelu;

use super::attrs::{Attrs, ImportResult};

pub fn import(a: &Attrs) -> ImportResult {
    Ok(Box::new(LeakyRelu { alpha: a.float("alpha", 0.01f32 as f64)? }))
}
