//! `ai.onnx.ml.ArrayFeatureExtractor` — elements of the last axis of x picked
//! by the int64 indices (flattened), for every position of the other axes.
//! An index outside the axis panics. Exact.
//! Mirrors runtime/src/ops/array_feature_extractor.rs.

use crate::tensor::numel;

pub fn array_feature_extractor(x: Span<felt252>, shape: Span<u32>, indices: Span<felt252>) -> Span<felt252> {
    let last = *shape[shape.len() - 1];
    let outer = numel(shape.slice(0, shape.len() - 1));
    let mut cols: Array<u32> = array![];
    for i in indices {
        let col: u32 = (*i).try_into().expect('feature index out of range');
        assert(col < last, 'feature index out of range');
        cols.append(col);
    }
    let mut out = array![];
    for o in 0..outer {
        for col in cols.span() {
            out.append(*x[o * last + *col]);
        }
    }
    out.span()
}
