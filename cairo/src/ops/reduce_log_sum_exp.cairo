//! `ReduceLogSumExp` — ln(sum e^x) over `axes` (axes rules of ReduceSum), as
//! m + ln(sum e^(x - m)) with one rounding (`fixed::ln::log_sum_exp`); an empty
//! group panics (ln 0). Reals only. Mirrors runtime/src/ops/reduce_log_sum_exp.rs.

use crate::fixed::Scale;
use super::reduce::offsets;

/// `axes`: the reduced axes, normalized and distinct (all of them for "all").
pub fn reduce_log_sum_exp(sc: @Scale, x: Span<felt252>, shape: Span<u32>, axes: Span<u32>) -> Span<felt252> {
    let kept = offsets(shape, axes, false);
    let group = offsets(shape, axes, true);
    let mut out = array![];
    for k in kept {
        let mut xs = array![];
        for g in group {
            xs.append(*x[*k + *g]);
        }
        out.append(crate::fixed::ln::log_sum_exp(xs.span(), *sc));
    }
    out.span()
}
