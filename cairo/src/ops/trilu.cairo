//! `Trilu` — the upper (`upper`) or lower triangle of the last two axes, every
//! other element 0: (i, j) stays when j - i >= k (upper) or j - i <= k (lower).
//! Leading axes are a batch. Exact (data movement).
//! Mirrors runtime/src/ops/trilu.rs.

/// `k` is the diagonal offset (clamped by the code generator to ±(rows + columns)).
pub fn trilu(x: Span<felt252>, shape: Span<u32>, upper: bool, k: i64) -> Span<felt252> {
    let rank = shape.len();
    let (n, m) = (*shape[rank - 2], *shape[rank - 1]);
    let mut out = array![];
    let mut p: u32 = 0;
    for v in x {
        let i: i64 = ((p / m) % n).into();
        let j: i64 = (p % m).into();
        let keep = if upper {
            j - i >= k
        } else {
            j - i <= k
        };
        out.append(if keep {
            *v
        } else {
            0
        });
        p += 1;
    }
    out.span()
}
