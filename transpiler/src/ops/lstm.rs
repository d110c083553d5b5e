//! Import of ONNX `LSTM`: `hidden_size`, `direction`, `layout`,
//! `input_forget` (0 only), the default activations only, no `clip`.

use cairn_runtime::ops::lstm::Lstm;

use super::attrs::{Attrs, ImportResult};
use super::recurrent::{geometry, length_check, optional};
use super::CodegenResult;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    let rec = super::recurrent::import(a, &["Sigmoid", "Tanh", "Tanh"])?;
    if a.flag("input_forget", false)? {
        return Err("input_forget = 1 (coupled input and forget gates) is not supported".into());
    }
    Ok(Box::new(Lstm { rec }))
}

/// Emits `cairn::ops::lstm::lstm` and keeps the outputs the model uses.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &Lstm = n.kernel()?;
    let call = format!(
        "cairn::ops::lstm::lstm(sc, {}, {}, {}, {}, {}, {}, {}, {})",
        geometry(n, &k.rec, 4)?,
        n.input(0)?.expr,
        n.input(1)?.expr,
        n.input(2)?.expr,
        optional(n, 3),
        optional(n, 5),
        optional(n, 6),
        optional(n, 7)
    );
    Ok(NodeCode::expr(format!(
        "{}{}",
        length_check(n, &k.rec)?,
        super::gen::select_outputs(n, &["y", "y_h", "y_c"], &call)
    )))
}
