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
///
/// Built axis by axis from the innermost outwards — the map of axes k.. is
/// the map of axes k+1.. repeated `to[k]` times, shifted by the source stride
/// of axis k — so each element costs an addition, not a division per axis.
/// When `from` has as many elements as `to`, broadcasting only adds size-1
/// axes and the map is the identity.
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
    let n = numel(to);
    let mut map: Array<u32> = array![];
    if numel(from) == n {
        for i in 0..n {
            map.append(i);
        }
        return map;
    }
    map.append(0);
    let mut ax = to.len();
    while ax > 0 {
        ax -= 1;
        let inner = map.span();
        let stride = *eff[ax];
        let mut wider: Array<u32> = array![];
        for i in 0..*to[ax] {
            let base = i * stride;
            for m in inner {
                wider.append(base + *m);
            }
        }
        map = wider;
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

/// The exact sum of `x` (stored values, fewer than 2^60 of them: far below
/// p). Eight values per loop iteration (one `multi_pop_front`), ~2 steps per
/// value instead of ~8 for an indexed loop.
pub fn exact_sum(x: Span<felt252>) -> felt252 {
    let mut acc = 0;
    let mut rest = x;
    while let Option::Some(chunk) = rest.multi_pop_front::<8>() {
        let [v0, v1, v2, v3, v4, v5, v6, v7] = (*chunk).unbox();
        acc += v0 + v1 + v2 + v3 + v4 + v5 + v6 + v7;
    }
    for v in rest {
        acc += *v;
    }
    acc
}

/// The exact sum of x[j] * w[j] (stored values: each product below 2^126,
/// far fewer than 2^120 terms), eight products per loop iteration: both
/// spans are popped, no index is bounds-checked. The kernels' dot products
/// with run-time weights (recurrent gates, linear ML models, SVM kernels)
/// use it instead of an indexed loop. Panics unless the lengths agree.
pub fn dot(x: Span<felt252>, w: Span<felt252>) -> felt252 {
    assert(x.len() == w.len(), 'dot: lengths differ');
    let mut acc = 0;
    let mut xs = x;
    let mut ws = w;
    while let (Option::Some(a), Option::Some(b)) = (xs.multi_pop_front::<8>(), ws.multi_pop_front::<8>()) {
        let [a0, a1, a2, a3, a4, a5, a6, a7] = (*a).unbox();
        let [b0, b1, b2, b3, b4, b5, b6, b7] = (*b).unbox();
        acc += a0 * b0 + a1 * b1 + a2 * b2 + a3 * b3 + a4 * b4 + a5 * b5 + a6 * b6 + a7 * b7;
    }
    while let (Option::Some(a), Option::Some(b)) = (xs.pop_front(), ws.pop_front()) {
        acc += *a * *b;
    }
    acc
}
