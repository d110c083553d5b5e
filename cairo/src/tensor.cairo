//! Shape arithmetic for kernels with runtime shapes. Mirrors runtime/src/shape.rs.

/// Number of elements of a shape.
pub fn numel(shape: Span<u32>) -> u32 {
    let mut n = 1;
    for d in shape {
        n *= *d;
    }
    n
}

/// Row-major strides.
pub fn strides(shape: Span<u32>) -> Array<u32> {
    let rank = shape.len();
    let mut rev: Array<u32> = array![];
    let mut acc = 1;
    let mut i = rank;
    while i > 0 {
        i -= 1;
        rev.append(acc);
        acc *= *shape[i];
    }
    let mut out = array![];
    let mut j = rank;
    while j > 0 {
        j -= 1;
        out.append(*rev[j]);
    }
    out
}

/// For each flat index of `to`, the flat index of `from` broadcasting onto it
/// (numpy rules; `from` is right-aligned, size-1 axes repeat).
pub fn broadcast_map(from: Span<u32>, to: Span<u32>) -> Array<u32> {
    let offset = to.len() - from.len();
    let from_strides = strides(from);
    // effective stride of each output axis in the source
    let mut eff: Array<u32> = array![];
    for ax in 0..to.len() {
        if ax < offset {
            eff.append(0);
        } else {
            let d = *from[ax - offset];
            if d == 1 {
                eff.append(0);
            } else {
                assert(d == *to[ax], 'shapes do not broadcast');
                eff.append(*from_strides[ax - offset]);
            }
        }
    }
    let to_strides = strides(to);
    let n = numel(to);
    let mut map = array![];
    for o in 0..n {
        let mut rem = o;
        let mut src = 0;
        for ax in 0..to.len() {
            let st = *to_strides[ax];
            let idx = rem / st;
            rem = rem % st;
            src += idx * *eff[ax];
        }
        map.append(src);
    }
    map
}

/// The elements of `x` at the given flat indices.
pub fn take(x: Span<felt252>, map: Span<u32>) -> Array<felt252> {
    let mut out = array![];
    for i in map {
        out.append(*x[*i]);
    }
    out
}
