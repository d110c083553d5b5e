//! Import of ONNX `BatchNormalization` for inference: `epsilon` (default 1e-5);
//! `momentum` only matters for training and is accepted; `training_mode = 1`
//! and the training outputs are refused; opset 6's `is_test`/`spatial` must
//! describe inference with per-channel statistics.

use cairn_runtime::ops::batch_normalization::BatchNormalization;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    a.ignore("momentum");
    let epsilon = a.float("epsilon", 1e-5f32 as f64)?;
    if a.flag("training_mode", false)? {
        return Err("training_mode = 1 is not supported (cairn runs inference only)".into());
    }
    if a.opset < 9 && !a.flag("spatial", true)? {
        return Err("spatial = 0 (per-element statistics) is not supported".into());
    }
    if a.opset < 7 && !a.flag("is_test", false)? {
        return Err("is_test = 0 (training) is not supported".into());
    }
    if a.node().outputs.iter().skip(1).any(|o| !o.is_empty()) {
        return Err("the running-statistics outputs exist only in training mode and are not supported".into());
    }
    Ok(Box::new(BatchNormalization { epsilon }))
}

/// Emits `cairn::ops::batch_normalization::batch_normalization` with the channel
/// geometry and epsilon quantized at the model scale as the kernel does
/// (`Option::None` when it cannot be: the reference then always fails).
pub fn codegen(n: &NodeGen) -> CodegenResult {
    use cairn_runtime::{Arith, FixedArith};
    let k: &BatchNormalization = n.kernel()?;
    let x = n.input(0)?;
    if !x.dtype.is_real() || x.shape.len() < 2 {
        return Err("BatchNormalization needs a real X of rank >= 2".into());
    }
    let channels = x.shape[1];
    let inner: usize = x.shape[2..].iter().product::<usize>().max(1);
    let eps = match FixedArith::new(n.scale).from_f64(k.epsilon) {
        Ok(q) => format!("Option::Some({q})"),
        Err(_) => "Option::None".into(),
    };
    let p = |i: usize| n.input(i).map(|v| v.expr.clone());
    Ok(crate::codegen::NodeCode::expr(format!(
        "cairn::ops::batch_normalization::batch_normalization(\n    sc, {}, {channels}, {inner}, {}, {}, {}, {}, {eps},\n)",
        x.expr,
        p(1)?,
        p(2)?,
        p(3)?,
        p(4)?
    )))
}
