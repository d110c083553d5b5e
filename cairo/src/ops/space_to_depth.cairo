//! `SpaceToDepth` — `[N, C, H, W]` to `[N, C·b², H/b, W/b]`: a reshape to
//! `[N, C, H/b, b, W/b, b]`, a transpose by `[0, 3, 5, 1, 2, 4]` and a reshape
//! back. Exact (data movement). Mirrors runtime/src/ops/space_to_depth.rs.

use super::transpose::transpose;

pub fn space_to_depth(x: Span<felt252>, shape: Span<u32>, blocksize: u32) -> Span<felt252> {
    assert(shape.len() == 4, 'need [N, C, H, W]');
    assert(blocksize >= 1, 'blocksize must be positive');
    let (n, c, h, w) = (*shape[0], *shape[1], *shape[2], *shape[3]);
    let b = blocksize;
    assert(h % b == 0 && w % b == 0, 'H, W not divisible by blocksize');
    transpose(x, array![n, c, h / b, b, w / b, b].span(), array![0, 3, 5, 1, 2, 4].span())
}
