//! `Pad` — pads (or, with negative pads, crops) each axis. `pads` are int64
//! values `[x1_begin, x2_begin, ..., x1_end, x2_end, ...]` for the listed
//! `axes` (all axes when absent). Modes: constant (`fill`), reflect (mirror
//! without repeating the edge), edge (repeat the edge), wrap (periodic).
//! Exact (data movement): per axis, each output coordinate reads one input
//! coordinate or, in constant mode outside the input, the fill; the output is
//! the product of these per-axis maps. Mirrors runtime/src/ops/pad.rs.

use crate::tensor::strides;
use super::window::normalize_axes;

#[derive(Copy, Drop, PartialEq, Debug)]
pub enum PadMode {
    Constant,
    Reflect,
    Edge,
    Wrap,
}

fn rem_euclid(a: i64, d: i64) -> i64 {
    let r = a % d;
    if r < 0 {
        r + d
    } else {
        r
    }
}

/// The input coordinate an output coordinate reads (`i` = output - pad_begin),
/// or none for the constant. Mirrors `Pad::source`.
fn source(mode: PadMode, i: i64, dim: i64) -> Option<i64> {
    if i >= 0 && i < dim {
        return Option::Some(i);
    }
    match mode {
        PadMode::Constant => Option::None,
        PadMode::Edge => Option::Some(if i < 0 {
            0
        } else {
            dim - 1
        }),
        PadMode::Wrap => Option::Some(rem_euclid(i, dim)),
        PadMode::Reflect => {
            if dim == 1 {
                return Option::Some(0);
            }
            let period = 2 * (dim - 1);
            let r = rem_euclid(i, period);
            Option::Some(if r < dim {
                r
            } else {
                period - r
            })
        },
    }
}

pub fn pad(
    x: Span<felt252>,
    shape: Span<u32>,
    pads: Span<felt252>,
    axes: Option<Span<felt252>>,
    mode: PadMode,
    fill: felt252,
) -> Span<felt252> {
    let rank = shape.len();
    let axes = match axes {
        Option::Some(a) => normalize_axes(a, rank),
        Option::None => {
            let mut a = array![];
            for i in 0..rank {
                a.append(i);
            }
            a.span()
        },
    };
    let k = axes.len();
    assert(pads.len() == 2 * k, 'pad: pads length');
    let in_strides = strides(shape);
    // Per axis, per output coordinate: the flat input offset, or none (fill).
    let mut maps: Array<Span<Option<u32>>> = array![];
    let mut out_shape: Array<u32> = array![];
    for ax in 0..rank {
        let mut begin: i64 = 0;
        let mut end: i64 = 0;
        for i in 0..k {
            if *axes[i] == ax {
                begin = (*pads[i]).try_into().expect('pad: not an int64');
                end = (*pads[i + k]).try_into().expect('pad: not an int64');
            }
        }
        let dim: i64 = (*shape[ax]).into();
        let d = dim + begin + end;
        assert(d >= 0, 'pad: cropping past the axis');
        assert(mode == PadMode::Constant || dim > 0 || d == 0, 'pad: padding an empty axis');
        let st: i64 = (*in_strides[ax]).into();
        let mut map = array![];
        let mut o: i64 = 0;
        while o < d {
            let offset: Option<u32> = match source(mode, o - begin, dim) {
                Option::Some(s) => Option::Some((s * st).try_into().unwrap()),
                Option::None => Option::None,
            };
            map.append(offset);
            o += 1;
        }
        maps.append(map.span());
        out_shape.append(d.try_into().unwrap());
    }
    let mut out = array![];
    if rank == 0 {
        out.append(*x[0]);
    } else {
        walk(x, maps.span(), out_shape.span(), 0, fill, ref out);
    }
    out.span()
}

/// Appends the output block of the axes from `maps[0]` on, at input offset `base`.
fn walk(
    x: Span<felt252>,
    maps: Span<Span<Option<u32>>>,
    out_shape: Span<u32>,
    base: u32,
    fill: felt252,
    ref out: Array<felt252>,
) {
    let (map, rest_maps) = (*maps[0], maps.slice(1, maps.len() - 1));
    let rest_shape = out_shape.slice(1, out_shape.len() - 1);
    let mut block: u32 = 1;
    for d in rest_shape {
        block *= *d;
    }
    for m in map {
        match *m {
            Option::Some(off) => {
                if rest_maps.len() == 0 {
                    out.append(*x[base + off]);
                } else {
                    walk(x, rest_maps, rest_shape, base + off, fill, ref out);
                }
            },
            // outside the input in constant mode: the whole block is the fill
            Option::None => {
                for _ in 0..block {
                    out.append(fill);
                }
            },
        }
    }
}
