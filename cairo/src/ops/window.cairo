//! Index geometry shared by the data-movement and sliding-window operators.
//!
//! * Sliding windows (Conv, MaxPool, AveragePool), for any number of spatial
//!   axes: `resolve` gives the output sizes and the padding (explicit pads or
//!   `auto_pad`, strides, dilations, `ceil_mode`); `taps` gives, for every
//!   output position (row-major), the in-bounds input positions its window
//!   covers, in row-major kernel order, and how many window positions lie
//!   inside the padded input (`count_include_pad`). Mirrors
//!   runtime/src/ops/window.rs. A window is the product of one window per
//!   axis, so the taps are built axis by axis: per axis, per output
//!   coordinate, the valid kernel coordinates and their input coordinates;
//!   the N-D lists are their products in row-major order, exactly the order
//!   in which the Rust kernel filters the flat kernel indices.
//! * `take_product`: the gather of a tensor at every combination of per-axis
//!   offsets (Transpose and Slice are such strided views).
//! * Axis normalization (negative axes count from the end). Mirrors
//!   runtime/src/shape.rs.

/// `auto_pad`.
#[derive(Copy, Drop, PartialEq, Debug)]
pub enum AutoPad {
    /// Use the explicit pads.
    NotSet,
    SameUpper,
    SameLower,
    Valid,
}

/// Window attributes as given on the node. An empty span means the ONNX
/// default: strides and dilations 1, pads 0. `kernel` is `kernel_shape` (for
/// Conv without the attribute, the spatial dimensions of W).
#[derive(Copy, Drop, Debug)]
pub struct WindowAttrs {
    pub auto_pad: AutoPad,
    pub kernel: Span<u32>,
    pub strides: Span<u32>,
    pub dilations: Span<u32>,
    /// `[x1_begin, x2_begin, ..., x1_end, x2_end, ...]`, or empty.
    pub pads: Span<u32>,
    pub ceil_mode: bool,
}

/// A window resolved against the spatial input sizes.
#[derive(Copy, Drop, Debug)]
pub struct Window {
    pub input: Span<u32>,
    pub kernel: Span<u32>,
    pub strides: Span<u32>,
    pub dilations: Span<u32>,
    pub pads_begin: Span<u32>,
    pub pads_end: Span<u32>,
    pub output: Span<u32>,
}

/// The input positions one output position reads.
#[derive(Copy, Drop, Debug)]
pub struct Taps {
    /// Flat kernel index of each in-bounds window position (increasing).
    pub kernel: Span<u32>,
    /// Flat spatial input index of each.
    pub input: Span<u32>,
    /// Window positions inside the padded input (what `count_include_pad` counts).
    pub padded_count: u32,
}

/// Splits `[N, C, D1, ...]` into (N, C, spatial sizes); the rank must be >= 3.
pub fn split_nc(shape: Span<u32>) -> (u32, u32, Span<u32>) {
    assert(shape.len() >= 3, 'need [N, C, D1, ...]');
    (*shape[0], *shape[1], shape.slice(2, shape.len() - 2))
}

/// `v` (n values, each >= 1), or n ones when `v` is empty.
fn positive_or_ones(v: Span<u32>, n: u32) -> Span<u32> {
    if v.len() == 0 {
        let mut ones = array![];
        for _ in 0..n {
            ones.append(1_u32);
        }
        return ones.span();
    }
    assert(v.len() == n, 'window attr: wrong length');
    for x in v {
        assert(*x >= 1, 'window attr: must be positive');
    }
    v
}

/// Output sizes and padding of a window over the spatial input sizes `input`.
/// Mirrors `WindowAttrs::resolve`.
pub fn resolve(attrs: @WindowAttrs, input: Span<u32>) -> Window {
    let n = input.len();
    let kernel = *attrs.kernel;
    assert(kernel.len() == n, 'kernel_shape: wrong rank');
    for k in kernel {
        assert(*k >= 1, 'kernel_shape: must be positive');
    }
    let strides = positive_or_ones(*attrs.strides, n);
    let dilations = positive_or_ones(*attrs.dilations, n);
    let auto_pad = *attrs.auto_pad;
    let pads = *attrs.pads;
    let explicit = auto_pad == AutoPad::NotSet && pads.len() != 0;
    if explicit {
        assert(pads.len() == 2 * n, 'pads: wrong length');
    }
    let ceil_mode = *attrs.ceil_mode;
    let mut pads_begin = array![];
    let mut pads_end = array![];
    let mut output = array![];
    for ax in 0..n {
        let extent = (*kernel[ax] - 1) * *dilations[ax] + 1;
        let (i, s) = (*input[ax], *strides[ax]);
        if auto_pad == AutoPad::SameUpper || auto_pad == AutoPad::SameLower {
            let out = (i + s - 1) / s;
            let first_out = if out == 0 {
                0
            } else {
                out - 1
            };
            let covered = first_out * s + extent;
            let total = if covered > i {
                covered - i
            } else {
                0
            };
            let small = total / 2;
            let big = total - small;
            if auto_pad == AutoPad::SameUpper {
                pads_begin.append(small);
                pads_end.append(big);
            } else {
                pads_begin.append(big);
                pads_end.append(small);
            }
            output.append(out);
            continue;
        }
        let (pb, pe) = if explicit {
            (*pads[ax], *pads[ax + n])
        } else {
            (0, 0)
        };
        let padded = i + pb + pe;
        assert(padded >= extent, 'window does not fit the input');
        let span = padded - extent;
        let mut out = if ceil_mode {
            (span + s - 1) / s + 1
        } else {
            span / s + 1
        };
        // With ceil_mode the last window must start inside the input or its
        // left padding, never entirely in the right padding.
        if ceil_mode && (out - 1) * s >= i + pb {
            out -= 1;
        }
        pads_begin.append(pb);
        pads_end.append(pe);
        output.append(out);
    }
    Window {
        input,
        kernel,
        strides,
        dilations,
        pads_begin: pads_begin.span(),
        pads_end: pads_end.span(),
        output: output.span(),
    }
}

/// One axis of a window at one output coordinate.
#[derive(Copy, Drop)]
struct AxisTaps {
    kernel: Span<u32>,
    input: Span<u32>,
    padded: u32,
}

/// Per output coordinate along axis `ax`: the kernel coordinates that fall
/// inside the input, their input coordinates, and the count inside the padding.
fn axis_taps(w: @Window, ax: u32) -> Span<AxisTaps> {
    let (i, k, s, d) = (*(*w.input)[ax], *(*w.kernel)[ax], *(*w.strides)[ax], *(*w.dilations)[ax]);
    let pb = *(*w.pads_begin)[ax];
    let padded_size = i + pb + *(*w.pads_end)[ax];
    let mut all = array![];
    for o in 0..*(*w.output)[ax] {
        let mut ks = array![];
        let mut is = array![];
        let mut padded = 0;
        for kk in 0..k {
            // coordinate in the padded input
            let p = o * s + kk * d;
            if p < padded_size {
                padded += 1;
            }
            if p >= pb && p - pb < i {
                ks.append(kk);
                is.append(p - pb);
            }
        }
        all.append(AxisTaps { kernel: ks.span(), input: is.span(), padded });
    }
    all.span()
}

/// For each output position (row-major), the input positions its window covers.
/// Mirrors `Window::taps`.
pub fn taps(w: @Window) -> Span<Taps> {
    let n = (*w.input).len();
    let mut per_axis = array![];
    for ax in 0..n {
        per_axis.append(axis_taps(w, ax));
    }
    let mut out = array![];
    expand(per_axis.span(), *w.kernel, *w.input, 0, array![0].span(), array![0].span(), 1, ref out);
    out.span()
}

/// Extends the taps of the axes before `ax` (flat indices `ks`/`is` over those
/// axes) by every output coordinate of axis `ax`, recursively.
fn expand(
    per_axis: Span<Span<AxisTaps>>,
    kernel: Span<u32>,
    input: Span<u32>,
    ax: u32,
    ks: Span<u32>,
    is: Span<u32>,
    count: u32,
    ref out: Array<Taps>,
) {
    if ax == per_axis.len() {
        out.append(Taps { kernel: ks, input: is, padded_count: count });
        return;
    }
    let (kd, id) = (*kernel[ax], *input[ax]);
    for t in *per_axis[ax] {
        let (tk, ti) = (*t.kernel, *t.input);
        let mut ks2 = array![];
        let mut is2 = array![];
        for j in 0..ks.len() {
            let (kb, ib) = (*ks[j] * kd, *is[j] * id);
            for q in 0..tk.len() {
                ks2.append(kb + *tk[q]);
                is2.append(ib + *ti[q]);
            }
        }
        expand(per_axis, kernel, input, ax + 1, ks2.span(), is2.span(), count * *t.padded, ref out);
    }
}

/// `x` at every combination of per-axis offsets, row-major:
/// `out[j0, j1, ...] = x[offsets[0][j0] + offsets[1][j1] + ...]`.
pub fn take_product(x: Span<felt252>, offsets: Span<Span<u32>>) -> Span<felt252> {
    let mut out = array![];
    if offsets.len() == 0 {
        out.append(*x[0]);
    } else {
        take_rec(x, offsets, 0, ref out);
    }
    out.span()
}

fn take_rec(x: Span<felt252>, offsets: Span<Span<u32>>, base: u32, ref out: Array<felt252>) {
    let (first, rest) = (*offsets[0], offsets.slice(1, offsets.len() - 1));
    if rest.len() == 0 {
        for off in first {
            out.append(*x[base + *off]);
        }
    } else {
        for off in first {
            take_rec(x, rest, base + *off, ref out);
        }
    }
}

/// A possibly negative axis resolved against a rank. Mirrors `normalize_axis`.
pub fn normalize_axis(axis: i64, rank: u32) -> u32 {
    let r: i64 = rank.into();
    let a = if axis < 0 {
        axis + r
    } else {
        axis
    };
    assert(a >= 0 && a < r, 'axis out of range');
    let a: u32 = a.try_into().unwrap();
    a
}

/// A list of axes (int64 values) resolved against a rank; no axis may repeat.
/// Mirrors `normalize_axes`.
pub fn normalize_axes(axes: Span<felt252>, rank: u32) -> Span<u32> {
    let mut out: Array<u32> = array![];
    for a in axes {
        let v: i64 = (*a).try_into().expect('axis out of range');
        let n = normalize_axis(v, rank);
        for prev in out.span() {
            assert(*prev != n, 'axis repeated');
        }
        out.append(n);
    }
    out.span()
}
