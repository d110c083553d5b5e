//! Import of `ai.onnx.ml.SVMClassifier`: `kernel_type`, `kernel_params`
//! (γ, c₀, degree), `vectors_per_class`, `support_vectors`, `coefficients`,
//! `rho`, `classlabels_ints` or `classlabels_strings`, `post_transform`.
//! Platt-scaled probabilities (`prob_a`, `prob_b`) are refused.

use cairn_runtime::ops::svm_classifier::{SvmClassifier, SvmKernel};
use cairn_runtime::{Arith, FixedArith, Scale};

use super::attrs::{Attrs, ImportResult};
use super::ml::{class_labels, features, label_values, post_expr, post_transform, reals, select_pair, Consts};
use super::CodegenResult;
use crate::codegen::{NodeCode, NodeGen};

/// `kernel_type` and `kernel_params` (shared with SVMRegressor).
pub fn svm_kernel(a: &Attrs) -> Result<SvmKernel, String> {
    let params = a.reals_opt("kernel_params")?.unwrap_or_default();
    let param = |i: usize| params.get(i).copied().unwrap_or(0.0);
    let (gamma, coef0, degree) = (param(0), param(1), param(2));
    Ok(match a.string("kernel_type", "LINEAR")?.as_str() {
        "LINEAR" => SvmKernel::Linear,
        "POLY" => {
            if degree.fract() != 0.0 || !(0.0..=64.0).contains(&degree) {
                return Err(format!("POLY kernel degree {degree} is not an integer in 0..=64"));
            }
            SvmKernel::Poly { gamma, coef0, degree: degree as u32 }
        }
        "RBF" => SvmKernel::Rbf { gamma },
        "SIGMOID" => SvmKernel::Sigmoid { gamma, coef0 },
        other => return Err(format!("unknown kernel_type '{other}'")),
    })
}

/// `cairn::ops::svm_classifier::svm_kernel(kind, γ, c₀, degree)` at the model scale.
pub fn kernel_expr(k: SvmKernel, scale: Scale) -> Result<String, String> {
    let fx = FixedArith::new(scale);
    let q = |v: f64| fx.from_f64(v).map_err(|e| format!("kernel parameter {v}: {e}"));
    let (kind, gamma, coef0, degree) = match k {
        SvmKernel::Linear => ("LINEAR", 0.0, 0.0, 0),
        SvmKernel::Poly { gamma, coef0, degree } => ("POLY", gamma, coef0, degree),
        SvmKernel::Rbf { gamma } => ("RBF", gamma, 0.0, 0),
        SvmKernel::Sigmoid { gamma, coef0 } => ("SIGMOID", gamma, coef0, 0),
    };
    Ok(format!(
        "cairn::ops::svm_classifier::svm_kernel(cairn::ops::svm_classifier::{kind}, {}, {}, {degree})",
        q(gamma)?,
        q(coef0)?
    ))
}

pub fn import(a: &Attrs) -> ImportResult {
    for name in ["prob_a", "prob_b"] {
        if a.reals_opt(name)?.is_some_and(|v| !v.is_empty()) {
            return Err(format!(
                "Platt-scaled probabilities ('{name}') are not supported; export the model without probability=True"
            ));
        }
    }
    let vectors_per_class = a
        .ints_opt("vectors_per_class")?
        .unwrap_or_default()
        .into_iter()
        .map(|v| usize::try_from(v).map_err(|_| format!("vectors_per_class has a negative entry {v}")))
        .collect::<Result<Vec<_>, _>>()?;
    let (labels, label_names) = label_values(&class_labels(a, "classlabels_ints", "classlabels_strings")?);
    let k = SvmClassifier {
        kernel: svm_kernel(a)?,
        vectors_per_class,
        support_vectors: a.reals_opt("support_vectors")?.unwrap_or_default(),
        coefficients: reals(a, "coefficients")?,
        rho: reals(a, "rho")?,
        labels,
        label_names,
        post_transform: post_transform(a)?,
    };
    k.check(None)?;
    Ok(Box::new(k))
}

/// Emits `svm_classifier` (SVC mode) or `svm_linear_classifier`.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &SvmClassifier = n.kernel()?;
    let (xs, rows, cols) = features(n.input(0)?)?;
    let fx = FixedArith::new(n.scale);
    let mut c = Consts::new(n);
    let coef = c.quantized("coefficients", &k.coefficients, n.scale)?;
    let labels = c.felts("labels", &k.labels);
    let post = post_expr(k.post_transform, n.scale);
    let call = if k.vectors_per_class.is_empty() {
        let all_positive = k.coefficients.iter().all(|&w| w >= 0.0);
        let rho = fx.from_f64(k.rho[0]).map_err(|e| format!("rho: {e}"))?;
        format!(
            "cairn::ops::svm_classifier::svm_linear_classifier(sc, {xs}, {rows}, {cols}, {coef}, {rho}, {labels}, {all_positive}, {}, {post})",
            fx.bracket(0.5).1
        )
    } else {
        let per_class = c.typed("vectors_per_class", "u32", &k.vectors_per_class);
        let sv = c.quantized("support_vectors", &k.support_vectors, n.scale)?;
        let rho = c.quantized("rho", &k.rho, n.scale)?;
        format!(
            "cairn::ops::svm_classifier::svm_classifier(sc, {xs}, {rows}, {cols}, {}, {per_class}, {sv}, {coef}, {rho}, {labels}, {post})",
            kernel_expr(k.kernel, n.scale)?
        )
    };
    Ok(NodeCode { items: c.items, body: select_pair(n, call) })
}
