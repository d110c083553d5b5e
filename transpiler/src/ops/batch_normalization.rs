//! Import of ONNX `BatchNormalization` for inference: `epsilon` (default 1e-5);
//! `momentum` only matters for training and is accepted; `training_mode = 1`
//! and the training outputs are refused; opset 6's `is_test`/`spatial` must
//! describe inference with per-channel statistics.

use cairn_runtime::ops::batch_normalization::BatchNormalization;

use super::attrs::{Attrs, ImportResult};
use super::{not_yet, CodegenResult};
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

pub fn codegen(n: &NodeGen) -> CodegenResult {
    not_yet(n)
}
