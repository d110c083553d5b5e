//! `Einsum` — the lowering the code generator computes from the static shapes
//! (runtime/src/ops/einsum.rs builds the same plan and runs the same kernels):
//! * one operand: a strided view (a repeated label walks the diagonal) then
//!   ReduceSum over its trailing summed axes — the exact sum, no rounding;
//! * two operands: each transposed and seen as `[batch.., M, K]` and
//!   `[batch.., K, N]`, their MatMul (one exact sum of products per output,
//!   rounded once), seen as `product` and transposed to the output order.
//! Mirrors runtime/src/ops/einsum.rs.

use crate::arith::Arith;
use super::mat_mul::mat_mul;
use super::reduce_sum::reduce_sum;
use super::transpose::transpose;
use super::window::take_product;

/// `x` at `Σ index[ax] · strides[ax]` for every index of `shape`, then summed
/// over the axes `summed` (none: the view itself).
pub fn view<A, +Arith<A>>(
    ar: @A, x: Span<felt252>, shape: Span<u32>, strides: Span<u32>, summed: Span<u32>,
) -> Span<felt252> {
    assert(shape.len() == strides.len(), 'einsum: view rank');
    let mut offsets = array![];
    for ax in 0..shape.len() {
        let st = *strides[ax];
        let mut offs = array![];
        for j in 0..*shape[ax] {
            offs.append(j * st);
        }
        offsets.append(offs.span());
    }
    let v = take_product(x, offsets.span());
    if summed.len() == 0 {
        v
    } else {
        reduce_sum(ar, v, shape, summed)
    }
}

pub fn product<A, +Arith<A>>(
    ar: @A,
    a: Span<felt252>,
    a_shape: Span<u32>,
    a_perm: Span<u32>,
    a_mm: Span<u32>,
    b: Span<felt252>,
    b_shape: Span<u32>,
    b_perm: Span<u32>,
    b_mm: Span<u32>,
    product: Span<u32>,
    out_perm: Span<u32>,
) -> Span<felt252> {
    let a = transpose(a, a_shape, a_perm);
    let b = transpose(b, b_shape, b_perm);
    let c = mat_mul(ar, a, a_mm, b, b_mm);
    transpose(c, product, out_perm)
}
