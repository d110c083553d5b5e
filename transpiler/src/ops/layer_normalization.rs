//! Import of ONNX `LayerNormalization` (opset 17): `axis` (default -1),
//! `epsilon` (default 1e-5), `stash_type` (the float precision of the
//! statistics in a float runtime; no effect in fixed point, accepted).

use cairn_runtime::ops::layer_normalization::LayerNormalization;
use cairn_runtime::{Arith, FixedArith};

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    a.ignore("stash_type");
    Ok(Box::new(LayerNormalization { axis: a.int("axis", -1)?, epsilon: a.float("epsilon", 1e-5f32 as f64)? }))
}

/// Emits `cairn::ops::layer_normalization::layer_normalization` over rows of
/// the normalized axes, keeping the outputs the model uses.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &LayerNormalization = n.kernel()?;
    let x = n.input(0)?;
    if !x.dtype.is_real() {
        return Err("LayerNormalization needs a real X".into());
    }
    let axis = k.first_axis(x.shape.len()).map_err(|e| e.to_string())?;
    let width: usize = x.shape[axis..].iter().product();
    let rows = x.shape.iter().product::<usize>() / width.max(1);
    let eps = match FixedArith::new(n.scale).from_f64(k.epsilon) {
        Ok(q) => format!("Option::Some({q})"),
        Err(_) => "Option::None".into(),
    };
    let scale = n.input(1)?.expr.clone();
    let bias = n.optional_input(2).map_or_else(|| "array![].span()".to_string(), |b| b.expr.clone());
    let call = format!(
        "cairn::ops::layer_normalization::layer_normalization(sc, {}, {rows}, {width}, {scale}, {bias}, {eps})",
        x.expr
    );
    let body = super::gen::select_outputs(n, &["y", "mean", "inv_std"], &call);
    Ok(NodeCode::expr(body))
}
