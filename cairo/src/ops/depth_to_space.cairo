//! `DepthToSpace` — `[N, C, H, W]` to `[N, C/b², H·b, W·b]`: a reshape to six
//! axes, a transpose and a reshape back. DCR (`crd` false) reads the channel
//! as `(b_row, b_col, c)`, CRD as `(c, b_row, b_col)`. Exact (data movement).
//! Mirrors runtime/src/ops/depth_to_space.rs.

use super::transpose::transpose;

pub fn depth_to_space(x: Span<felt252>, shape: Span<u32>, blocksize: u32, crd: bool) -> Span<felt252> {
    assert(shape.len() == 4, 'need [N, C, H, W]');
    assert(blocksize >= 1, 'blocksize must be positive');
    let (n, c, h, w) = (*shape[0], *shape[1], *shape[2], *shape[3]);
    let bb = blocksize * blocksize;
    assert(c % bb == 0, 'C not divisible by blocksize^2');
    let cc = c / bb;
    let b = blocksize;
    if crd {
        transpose(x, array![n, cc, b, b, h, w].span(), array![0, 1, 4, 2, 5, 3].span())
    } else {
        transpose(x, array![n, b, b, cc, h, w].span(), array![0, 3, 4, 1, 5, 2].span())
    }
}
