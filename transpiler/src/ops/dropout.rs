//! Import of ONNX `Dropout` for inference: `ratio` (attribute before opset 12)
//! and `seed` (from 12) are read and ignored, as they only matter in
//! training; opset 6's `is_test` must be 1 (its default, 0, is training).

use cairn_runtime::ops::dropout::Dropout;

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    if a.opset < 12 {
        a.float("ratio", 0.5)?;
    } else {
        a.int_opt("seed")?;
    }
    if a.opset < 7 && !a.flag("is_test", false)? {
        return Err("Dropout with is_test = 0 runs in training mode, which cannot be proved".into());
    }
    Ok(Box::new(Dropout))
}

/// The output is the input; the mask, when used, is all true
/// (`cairn::ops::dropout::mask`). A `training_mode` input must be a constant
/// false (the reference refuses a true one).
pub fn codegen(n: &NodeGen) -> CodegenResult {
    if n.optional_input(2).is_some() {
        let mode = n.constant_ints(2, "training_mode")?;
        if mode.iter().any(|&v| v != 0) {
            return Err("Dropout in training mode cannot be proved".into());
        }
    }
    let x = n.input(0)?;
    let mut used = Vec::new();
    if n.outputs.first().is_some_and(|o| o.is_some()) {
        used.push(x.expr.clone());
    }
    if n.outputs.get(1).is_some_and(|o| o.is_some()) {
        used.push(format!("cairn::ops::dropout::mask({})", x.len()));
    }
    Ok(crate::codegen::NodeCode::expr(match used.as_slice() {
        [one] => one.clone(),
        _ => format!("({})", used.join(", ")),
    }))
}
