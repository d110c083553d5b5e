//! `Slice` — `data[starts:ends:steps]` along `axes`. `starts`, `ends`, `axes`,
//! `steps` are int64 values (felt252, negative as p - |v|); `axes` defaults to
//! 0, 1, ... and `steps` to 1. Negative starts/ends count from the end; both
//! are clamped as the spec says ([0, dim] for positive steps, [-1, dim - 1]
//! for negative ones); a step of 0 panics. Exact (data movement): the output
//! is a strided view, axis by axis `start + j * step` for j < count.
//! Mirrors runtime/src/ops/slice.rs.

use crate::tensor::strides;
use super::window::{normalize_axes, take_product};

fn int(v: felt252) -> i128 {
    let x: i64 = v.try_into().expect('slice: not an int64');
    x.into()
}

fn clamp(v: i128, lo: i128, hi: i128) -> i128 {
    if v < lo {
        lo
    } else if v > hi {
        hi
    } else {
        v
    }
}

pub fn slice(
    x: Span<felt252>,
    shape: Span<u32>,
    starts: Span<felt252>,
    ends: Span<felt252>,
    axes: Option<Span<felt252>>,
    steps: Option<Span<felt252>>,
) -> Span<felt252> {
    let rank = shape.len();
    let k = starts.len();
    let axes = match axes {
        Option::Some(a) => normalize_axes(a, rank),
        Option::None => {
            let mut a = array![];
            for i in 0..k {
                a.append(i);
            }
            a.span()
        },
    };
    let steps = match steps {
        Option::Some(s) => s,
        Option::None => {
            let mut s = array![];
            for _ in 0..k {
                s.append(1);
            }
            s.span()
        },
    };
    assert(ends.len() == k && axes.len() == k && steps.len() == k, 'slice: lengths differ');
    // The axes a slice is given for must exist (default axes 0..k).
    for a in axes {
        assert(*a < rank, 'slice: axis out of range');
    }
    let in_strides = strides(shape);
    let mut offsets = array![];
    for ax in 0..rank {
        let dim: i128 = (*shape[ax]).into();
        // per axis: first index, step, count (the whole axis when not sliced)
        let mut plan: (i128, i128, i128) = (0, 1, dim);
        for i in 0..k {
            if *axes[i] == ax {
                let step = int(*steps[i]);
                assert(step != 0, 'slice: a step of 0');
                let mut start = int(*starts[i]);
                let mut end = int(*ends[i]);
                if start < 0 {
                    start += dim;
                }
                if end < 0 {
                    end += dim;
                }
                let count = if step > 0 {
                    start = clamp(start, 0, dim);
                    end = clamp(end, 0, dim);
                    (end - start + step - 1) / step
                } else {
                    let last = if dim > 0 {
                        dim - 1
                    } else {
                        0
                    };
                    start = clamp(start, 0, last);
                    end = clamp(end, -1, dim - 1);
                    (start - end - step - 1) / (-step)
                };
                let count = if count > 0 {
                    count
                } else {
                    0
                };
                plan = (start, step, count);
            }
        }
        let (start, step, count) = plan;
        let st: i128 = (*in_strides[ax]).into();
        let mut offs = array![];
        let mut j: i128 = 0;
        while j < count {
            let off: u32 = ((start + j * step) * st).try_into().unwrap();
            offs.append(off);
            j += 1;
        }
        offsets.append(offs.span());
    }
    take_product(x, offsets.span())
}
