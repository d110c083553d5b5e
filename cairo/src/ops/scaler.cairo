//! `ai.onnx.ml.Scaler` — (x - offset) * scale per feature (the last axis);
//! offset and scale hold one value or one per feature. The difference is
//! range-checked, the product rounds once. Mirrors runtime/src/ops/scaler.rs.

use crate::arith::Arith;
use crate::fixed::Scale;

pub fn scaler(sc: Scale, x: Span<felt252>, features: u32, offset: Span<felt252>, scale: Span<felt252>) -> Span<felt252> {
    let ar = @sc;
    let mut out = array![];
    let mut i: u32 = 0;
    for v in x {
        let f = if features == 0 {
            0
        } else {
            i % features
        };
        let o = if offset.len() == 1 {
            *offset[0]
        } else {
            *offset[f]
        };
        let s = if scale.len() == 1 {
            *scale[0]
        } else {
            *scale[f]
        };
        out.append(ar.mul(ar.sub(*v, o), s));
        i += 1;
    }
    out.span()
}
