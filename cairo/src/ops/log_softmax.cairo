//! `LogSoftmax` — x - max - ln(sum exp(x - max)) over the slices of a [outer, n,
//! inner] view of the input (the code generator computes the view from `axis`,
//! with the 2-D coercion of opsets < 13: inner = 1, n = the trailing product).
//! Fixed point: `fixed::ln::log_softmax` per slice (exponentials and the
//! logarithm at scale 2^-62, one rounding per output, range-checked). Mirrors runtime/src/ops/log_softmax.rs.

use crate::fixed::Scale;
use crate::fixed::ln::log_softmax as log_softmax_slice;

pub fn log_softmax(sc: Scale, x: Span<felt252>, outer: u32, n: u32, inner: u32) -> Span<felt252> {
    if inner == 1 {
        // contiguous slices: the results come out in order
        let mut out = array![];
        for o in 0..outer {
            for v in log_softmax_slice(x.slice(o * n, n), sc) {
                out.append(v);
            }
        }
        return out.span();
    }
    // every slice (o, i) in order, then read back in output order
    let mut res: Array<felt252> = array![];
    for o in 0..outer {
        for i in 0..inner {
            let base = o * n * inner + i;
            let mut slice = array![];
            for j in 0..n {
                slice.append(*x[base + j * inner]);
            }
            for v in log_softmax_slice(slice.span(), sc) {
                res.append(v);
            }
        }
    }
    let res = res.span();
    let mut out = array![];
    for o in 0..outer {
        for j in 0..n {
            for i in 0..inner {
                out.append(*res[(o * inner + i) * n + j]);
            }
        }
    }
    out.span()
}
