//! Import of ONNX `GRU`: `hidden_size`, `direction`, `layout`,
//! `linear_before_reset`, the default activations only, no `clip`.

use cairn_runtime::ops::gru::Gru;

use super::attrs::{Attrs, ImportResult};
use super::recurrent::{geometry, length_check, optional};
use super::CodegenResult;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    let rec = super::recurrent::import(a, &["Sigmoid", "Tanh"])?;
    Ok(Box::new(Gru { rec, linear_before_reset: a.flag("linear_before_reset", false)? }))
}

/// Emits `cairn::ops::gru::gru` and keeps the outputs the model uses.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &Gru = n.kernel()?;
    let call = format!(
        "cairn::ops::gru::gru(sc, {}, {}, {}, {}, {}, {}, {})",
        geometry(n, &k.rec, 3)?,
        n.input(0)?.expr,
        n.input(1)?.expr,
        n.input(2)?.expr,
        optional(n, 3),
        optional(n, 5),
        k.linear_before_reset
    );
    Ok(NodeCode::expr(format!("{}{}", length_check(n, &k.rec)?, super::gen::select_outputs(n, &["y", "y_h"], &call))))
}
