//! `ai.onnx.ml.SVMRegressor` — y = sum_v coef[v] K(x, v) + rho (or
//! coef . x + rho without support vectors): one exact sum of products,
//! rounded once; one_class reports 1 when y > 0, else -1; then the
//! post-transform. Mirrors runtime/src/ops/svm_regressor.rs.

use crate::arith::Arith;
use crate::fixed::{Scale, lt};
use super::ml::PostTransform;
use super::svm_classifier::{SvmKernel, kernel};

pub fn svm_regressor<P, +PostTransform<P>, +Drop<P>>(
    sc: Scale, x: Span<felt252>, n: u32, c: u32, k: SvmKernel, supports: u32, sv: Span<felt252>,
    coef: Span<felt252>, rho: felt252, one_class: bool, post: P,
) -> Span<felt252> {
    let ar = @sc;
    let mut out = array![];
    for r in 0..n {
        let row = x.slice(r * c, c);
        let mut acc = 0;
        if supports == 0 {
            acc = crate::tensor::dot(row, coef.slice(0, c));
        } else {
            for m in 0..supports {
                acc += *coef[m] * kernel(sc, k, row, sv.slice(m * c, c));
            }
        }
        acc += ar.bias_term(rho);
        let y = ar.finish_dot(acc);
        let y = if one_class {
            if lt(0, y) {
                sc.one
            } else {
                -sc.one
            }
        } else {
            y
        };
        post.apply(sc, array![y].span(), ref out);
    }
    out.span()
}
