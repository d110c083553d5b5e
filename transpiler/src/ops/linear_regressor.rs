//! Import of `ai.onnx.ml.LinearRegressor`: `coefficients`, `intercepts`,
//! `targets`, `post_transform`.

use cairn_runtime::ops::linear_regressor::LinearRegressor;

use super::attrs::{Attrs, ImportResult};
use super::ml::{features, post_expr, post_transform, reals, Consts};
use super::CodegenResult;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    let coefficients = reals(a, "coefficients")?;
    let intercepts = a.reals_opt("intercepts")?.unwrap_or_default();
    let targets = a.int("targets", 1)?;
    let targets =
        usize::try_from(targets).ok().filter(|&t| t > 0).ok_or(format!("targets must be positive, got {targets}"))?;
    if coefficients.is_empty() || coefficients.len() % targets != 0 {
        return Err(format!("{} coefficients do not split into {targets} target(s)", coefficients.len()));
    }
    if !intercepts.is_empty() && intercepts.len() != targets {
        return Err(format!("{} intercepts for {targets} target(s)", intercepts.len()));
    }
    Ok(Box::new(LinearRegressor { coefficients, intercepts, targets, post_transform: post_transform(a)? }))
}

/// Emits `cairn::ops::linear_regressor::linear_regressor` with the quantized
/// coefficients and intercepts (zeros when none are given).
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &LinearRegressor = n.kernel()?;
    let (xs, rows, cols) = features(n.input(0)?)?;
    let mut c = Consts::new(n);
    let w = c.quantized("coefficients", &k.coefficients, n.scale)?;
    let intercepts = if k.intercepts.is_empty() { vec![0.0; k.targets] } else { k.intercepts.clone() };
    let b = c.quantized("intercepts", &intercepts, n.scale)?;
    Ok(NodeCode {
        items: c.items,
        body: format!(
            "cairn::ops::linear_regressor::linear_regressor(sc, {xs}, {rows}, {cols}, {w}, {b}, {}, {})",
            k.targets,
            post_expr(k.post_transform, n.scale)
        ),
    })
}
