//! `ai.onnx.ml.Normalizer` — each row of X [N, C] divided by its MAX (largest
//! magnitude), L1 (sum of magnitudes) or L2 (square root of the sum of
//! squares, rounded once as a dot product) norm; each output one division
//! (rounded half up); a zero norm leaves the row zero.
//! Mirrors runtime/src/ops/normalizer.rs.

use crate::arith::Arith;
use crate::fixed::{Scale, lt};
use crate::fixed::sqrt::sqrt;

pub const MAX: u8 = 0;
pub const L1: u8 = 1;
pub const L2: u8 = 2;

fn magnitude(sc: Scale, v: felt252) -> felt252 {
    if lt(v, 0) {
        (@sc).sub(0, v)
    } else {
        v
    }
}

pub fn normalizer(sc: Scale, x: Span<felt252>, n: u32, c: u32, norm: u8) -> Span<felt252> {
    let ar = @sc;
    let mut out = array![];
    for r in 0..n {
        let row = x.slice(r * c, c);
        let norm_value = if norm == MAX {
            let mut m = 0;
            for v in row {
                let a = magnitude(sc, *v);
                if lt(m, a) {
                    m = a;
                }
            }
            m
        } else if norm == L1 {
            let mut acc = 0;
            for v in row {
                acc += magnitude(sc, *v);
            }
            ar.finish_sum(acc)
        } else {
            let mut acc = 0;
            for v in row {
                acc += *v * *v;
            }
            sqrt(ar.finish_dot(acc), sc)
        };
        for v in row {
            out.append(if norm_value == 0 {
                0
            } else {
                ar.div(*v, norm_value)
            });
        }
    }
    out.span()
}
