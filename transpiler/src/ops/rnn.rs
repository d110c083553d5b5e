//! Import of ONNX `RNN`: `hidden_size`, `direction`, `layout`, the default
//! activation (Tanh) only, no `clip`.

use cairn_runtime::ops::rnn::Rnn;

use super::attrs::{Attrs, ImportResult};
use super::recurrent::{geometry, length_check, optional};
use super::CodegenResult;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    Ok(Box::new(Rnn { rec: super::recurrent::import(a, &["Tanh"])? }))
}

/// Emits `cairn::ops::rnn::rnn` and keeps the outputs the model uses.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &Rnn = n.kernel()?;
    let call = format!(
        "cairn::ops::rnn::rnn(sc, {}, {}, {}, {}, {}, {})",
        geometry(n, &k.rec, 1)?,
        n.input(0)?.expr,
        n.input(1)?.expr,
        n.input(2)?.expr,
        optional(n, 3),
        optional(n, 5)
    );
    Ok(NodeCode::expr(format!("{}{}", length_check(n, &k.rec)?, super::gen::select_outputs(n, &["y", "y_h"], &call))))
}
