//! `Transpose` — permutes the axes of a tensor: output axis `ax` is input axis
//! `perm[ax]`; an empty `perm` means the ONNX default, the axes reversed. The
//! permutation is checked (every axis exactly once). Exact (data movement): the
//! output is the strided view of the input with the permuted strides.
//! Mirrors runtime/src/ops/transpose.rs.

use crate::tensor::strides;
use super::window::take_product;

pub fn transpose(x: Span<felt252>, shape: Span<u32>, perm: Span<u32>) -> Span<felt252> {
    let rank = shape.len();
    let perm = if perm.len() == 0 {
        let mut rev = array![];
        let mut ax = rank;
        while ax > 0 {
            ax -= 1;
            rev.append(ax);
        }
        rev.span()
    } else {
        perm
    };
    assert(perm.len() == rank, 'perm is not a permutation');
    let in_strides = strides(shape);
    // Output axis ax walks input axis perm[ax]: offsets j * stride(perm[ax]).
    let mut offsets = array![];
    for ax in 0..rank {
        let a = *perm[ax];
        assert(a < rank, 'perm is not a permutation');
        for prev in 0..ax {
            assert(*perm[prev] != a, 'perm is not a permutation');
        }
        let st = *in_strides[a];
        let mut offs = array![];
        for j in 0..*shape[a] {
            offs.append(j * st);
        }
        offsets.append(offs.span());
    }
    take_product(x, offsets.span())
}
