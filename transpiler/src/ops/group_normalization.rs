//! Import of ONNX `GroupNormalization`: `num_groups` (required), `epsilon`
//! (default 1e-5), `stash_type` (opset 21: the statistics' float precision;
//! no effect in fixed point). Opset 18's per-group scale and bias, opset 21's
//! per-channel ones.

use cairn_runtime::ops::group_normalization::GroupNormalization;

use super::attrs::{Attrs, ImportResult};
use super::instance_normalization::epsilon_expr;
use super::CodegenResult;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    a.ignore("stash_type");
    let groups = a.int_opt("num_groups")?.ok_or("attribute 'num_groups' is required")?;
    let groups =
        usize::try_from(groups).ok().filter(|&g| g > 0).ok_or(format!("num_groups must be positive, got {groups}"))?;
    Ok(Box::new(GroupNormalization {
        epsilon: a.float("epsilon", 1e-5f32 as f64)?,
        groups,
        per_channel: a.opset >= 21,
    }))
}

/// Emits `cairn::ops::group_normalization::group_normalization`.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &GroupNormalization = n.kernel()?;
    let x = n.input(0)?;
    if !x.dtype.is_real() || x.shape.len() < 2 {
        return Err("GroupNormalization needs a real X of rank >= 2".into());
    }
    let spatial: usize = x.shape[2..].iter().product();
    let row = x.shape[1] / k.groups.max(1) * spatial;
    let block = if k.per_channel { spatial } else { row };
    Ok(NodeCode::expr(format!(
        "cairn::ops::group_normalization::group_normalization(sc, {}, {}, {row}, {block}, {}, {}, {})",
        x.expr,
        k.groups,
        n.input(1)?.expr,
        n.input(2)?.expr,
        epsilon_expr(n, k.epsilon)
    )))
}
