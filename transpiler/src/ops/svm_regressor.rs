//! Import of `ai.onnx.ml.SVMRegressor`: `kernel_type`, `kernel_params`,
//! `n_supports`, `support_vectors`, `coefficients`, `rho`, `one_class`,
//! `post_transform`.

use cairn_runtime::ops::svm_regressor::SvmRegressor;
use cairn_runtime::{Arith, FixedArith};

use super::attrs::{Attrs, ImportResult};
use super::ml::{features, post_expr, post_transform, reals, Consts};
use super::svm_classifier::{kernel_expr, svm_kernel};
use super::CodegenResult;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    let supports = a.int("n_supports", 0)?;
    let supports = usize::try_from(supports).map_err(|_| format!("n_supports is negative ({supports})"))?;
    let rho = reals(a, "rho")?;
    let [rho] = rho[..] else {
        return Err(format!("rho must have exactly one value, got {}", rho.len()));
    };
    let k = SvmRegressor {
        kernel: svm_kernel(a)?,
        supports,
        support_vectors: a.reals_opt("support_vectors")?.unwrap_or_default(),
        coefficients: reals(a, "coefficients")?,
        rho,
        one_class: a.flag("one_class", false)?,
        post_transform: post_transform(a)?,
    };
    k.check(None)?;
    Ok(Box::new(k))
}

/// Emits `cairn::ops::svm_regressor::svm_regressor`.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &SvmRegressor = n.kernel()?;
    let (xs, rows, cols) = features(n.input(0)?)?;
    let fx = FixedArith::new(n.scale);
    let mut c = Consts::new(n);
    let coef = c.quantized("coefficients", &k.coefficients, n.scale)?;
    let sv = c.quantized("support_vectors", &k.support_vectors, n.scale)?;
    let rho = fx.from_f64(k.rho).map_err(|e| format!("rho: {e}"))?;
    Ok(NodeCode {
        items: c.items,
        body: format!(
            "cairn::ops::svm_regressor::svm_regressor(sc, {xs}, {rows}, {cols}, {}, {}, {sv}, {coef}, {rho}, {}, {})",
            kernel_expr(k.kernel, n.scale)?,
            k.supports,
            k.one_class,
            post_expr(k.post_transform, n.scale)
        ),
    })
}
