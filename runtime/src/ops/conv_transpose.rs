//! `ConvTranspose` — the transposed (fractionally strided) N-D convolution
//! (1-D, 2-D, 3-D, ...; opsets 1, 11, 22) with strides, pads, dilations,
//! `output_padding`, `group`, `output_shape` and `auto_pad`. Inputs
//! `X [N, C, D...]`, `W [C, M/group, K...]`, optional bias `B [M]`.
//!
//! Geometry, as ONNX's reference implementation (which the node tests were
//! generated with): per spatial axis, input `i` and kernel tap `k` reach output
//! `o = i·stride + k·dilation − pad_begin`; the output size is
//! `stride·(in − 1) + output_padding + (K − 1)·dilation + 1 − pad_begin − pad_end`.
//! With `output_shape` that size is given and the padding derived from
//! `total = stride·(in − 1) + output_padding + (K − 1)·dilation + 1 − out`:
//! SAME_UPPER puts `⌊total/2⌋` before, SAME_LOWER `total − ⌊total/2⌋`, and
//! otherwise nothing before (explicit `pads` keep their begin values). Without
//! `output_shape`, SAME_* ask for `out = in·stride`.
//!
//! Lowering (so the semantics are exactly Conv's, and the Cairo code is the
//! same composition): the input is spread onto a zero grid — input `i` at
//! `i·stride + (K − 1)·dilation − pad_begin`, over `out + (K − 1)·dilation`
//! positions — and convolved (stride 1, no padding, same dilation and group)
//! with the kernel flipped on every spatial axis and its two channel axes
//! swapped within each group. The zeros add nothing to the sums.
//!
//! Fixed point, as Conv: every output is one exact sum — the products (scale
//! 2s) and the bias shifted to scale 2s — rounded once half up and
//! range-checked once: error ≤ 2^-(s+1) against the real transposed
//! convolution of the stored operands. An output outside ±2^63 ulps is an
//! overflow error.
//! Spec: <https://onnx.ai/onnx/operators/onnx__ConvTranspose.html>

use super::conv::Conv;
use super::window::{AutoPad, WindowAttrs};
use super::{optional, required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::KernelError;
use crate::shape::{checked_numel, strides, unravel};
use crate::tensor::Tensor;
use crate::value::Value;

#[derive(Clone, Debug, PartialEq)]
pub struct ConvTranspose {
    pub auto_pad: AutoPad,
    pub kernel_shape: Option<Vec<i64>>,
    pub strides: Option<Vec<i64>>,
    pub dilations: Option<Vec<i64>>,
    /// `[x1_begin, x2_begin, ..., x1_end, x2_end, ...]`.
    pub pads: Option<Vec<i64>>,
    pub output_padding: Option<Vec<i64>>,
    pub output_shape: Option<Vec<i64>>,
    pub group: usize,
}

impl Default for ConvTranspose {
    fn default() -> Self {
        ConvTranspose {
            auto_pad: AutoPad::NotSet,
            kernel_shape: None,
            strides: None,
            dilations: None,
            pads: None,
            output_padding: None,
            output_shape: None,
            group: 1,
        }
    }
}

/// One spatial axis of the lowering.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SpreadAxis {
    /// Input size.
    pub input: usize,
    pub stride: usize,
    /// Grid position of input 0 (negative: the first inputs fall off the grid).
    pub lead: i64,
    /// Grid size: `out + (K − 1)·dilation`.
    pub grid: usize,
    /// Output size.
    pub output: usize,
}

/// The geometry of a ConvTranspose: per spatial axis, the spread grid, and
/// the dilations of the convolution that follows.
#[derive(Clone, Debug, PartialEq)]
pub struct Geometry {
    pub axes: Vec<SpreadAxis>,
    pub dilations: Vec<usize>,
}

impl ConvTranspose {
    /// Resolves the attributes against the spatial input sizes and kernel.
    pub fn geometry(&self, input: &[usize], kernel: &[usize]) -> Result<Geometry, KernelError> {
        let r = input.len();
        let list = |v: &Option<Vec<i64>>, what: &'static str, n: usize, default: i64, min: i64| {
            let v = v.clone().unwrap_or_else(|| vec![default; n]);
            if v.len() != n || v.iter().any(|&x| x < min) {
                return Err(KernelError::invalid(what, format!("{v:?} for {r} spatial axes")));
            }
            Ok(v)
        };
        let st = list(&self.strides, "strides", r, 1, 1)?;
        let dil = list(&self.dilations, "dilations", r, 1, 1)?;
        let op = list(&self.output_padding, "output_padding", r, 0, 0)?;
        if let Some(ks) = &self.kernel_shape {
            if ks.len() != r || ks.iter().zip(kernel).any(|(&a, &b)| a != b as i64) {
                return Err(KernelError::invalid("kernel_shape", format!("{ks:?} is not the kernel of W {kernel:?}")));
            }
        }
        // i128: products of attribute values cannot overflow, and the results
        // are range-checked when they become sizes.
        let wide = |v: &[i64], a: usize| i128::from(v[a]);
        let mut axes = Vec::with_capacity(r);
        for a in 0..r {
            let (i, k) = (input[a] as i128, kernel[a] as i128);
            if i == 0 || k == 0 {
                return Err(KernelError::shape(format!(
                    "ConvTranspose over an empty axis (input {input:?}, kernel {kernel:?})"
                )));
            }
            let span = (k - 1) * wide(&dil, a);
            let natural = wide(&st, a) * (i - 1) + wide(&op, a) + span + 1;
            let same = matches!(self.auto_pad, AutoPad::SameUpper | AutoPad::SameLower);
            let (begin, out) = match (&self.output_shape, same) {
                (Some(os), _) if os.len() != r => {
                    return Err(KernelError::invalid("output_shape", format!("{os:?} for {r} spatial axes")))
                }
                (_, true) => {
                    let out = match &self.output_shape {
                        Some(os) => wide(os, a),
                        None => i * wide(&st, a),
                    };
                    let total = natural - out;
                    let begin = match self.auto_pad {
                        AutoPad::SameUpper => total.div_euclid(2),
                        _ => total - total.div_euclid(2),
                    };
                    (begin, out)
                }
                (Some(os), _) => {
                    let begin = match (&self.pads, self.auto_pad) {
                        (Some(p), AutoPad::NotSet) if p.len() == 2 * r => wide(p, a),
                        _ => 0,
                    };
                    (begin, wide(os, a))
                }
                (None, _) => {
                    let (b, e) = match (&self.pads, self.auto_pad) {
                        (_, AutoPad::Valid) | (None, _) => (0, 0),
                        (Some(p), _) if p.len() == 2 * r && p.iter().all(|&x| x >= 0) => (wide(p, a), wide(p, a + r)),
                        (Some(p), _) => {
                            return Err(KernelError::invalid("pads", format!("{p:?} for {r} spatial axes")))
                        }
                    };
                    (b, natural - b - e)
                }
            };
            if out < 1 {
                return Err(KernelError::shape(format!(
                    "ConvTranspose output size {out} on spatial axis {a} is empty"
                )));
            }
            let grid = out + span;
            let size = |v: i128| usize::try_from(v).map_err(|_| KernelError::shape("size out of range"));
            let lead = i64::try_from(span - begin).map_err(|_| KernelError::shape("padding out of range"))?;
            axes.push(SpreadAxis {
                input: input[a],
                stride: size(wide(&st, a))?,
                lead,
                grid: size(grid)?,
                output: size(out)?,
            });
        }
        Ok(Geometry { axes, dilations: dil.iter().map(|&d| d as usize).collect() })
    }
}

impl Kernel for ConvTranspose {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let xv = required(inputs, 0, "X")?;
        let x = xv.as_real(0, "X")?;
        let wv = required(inputs, 1, "W")?;
        let w = wv.as_real(1, "W")?;
        let b = optional(inputs, 2);
        if x.rank() < 3 || w.rank() != x.rank() {
            return Err(KernelError::shape(format!(
                "ConvTranspose needs X [N, C, D...] and W [C, M/group, K...] of the same rank, got {:?} and {:?}",
                x.shape(),
                w.shape()
            )));
        }
        let (c, g) = (x.shape()[1], self.group);
        if g == 0 || c % g != 0 || w.shape()[0] != c {
            return Err(KernelError::shape(format!(
                "ConvTranspose weight {:?} does not fit {c} input channels in {g} groups",
                w.shape()
            )));
        }
        let geo = self.geometry(&x.shape()[2..], &w.shape()[2..])?;
        let grid = spread(ar.zero(), x, &geo.axes)?;
        let flipped = w.take(flipped_shape(w.shape(), g), &flip_map(w.shape(), g)?)?;
        let conv = Conv {
            window: WindowAttrs {
                dilations: Some(geo.dilations.iter().map(|&d| d as i64).collect()),
                ..WindowAttrs::default()
            },
            group: g,
        };
        let grid = Value::Real(grid, xv.dtype());
        let flipped = Value::Real(flipped, wv.dtype());
        conv.run(ar, &[Some(&grid), Some(&flipped), b])
    }
}

/// `[M, C/group, K...]`: the convolution kernel of a `[C, M/group, K...]`
/// ConvTranspose weight.
pub fn flipped_shape(w: &[usize], group: usize) -> Vec<usize> {
    let mut s = w.to_vec();
    s[0] = w[1] * group;
    s[1] = w[0] / group;
    s
}

/// Flat weight index of every element of the flipped kernel: output channel
/// `m = g·(M/group) + j` and input channel `i` read `W[g·(C/group) + i, j,
/// K − 1 − k...]`.
pub fn flip_map(w: &[usize], group: usize) -> Result<Vec<usize>, KernelError> {
    let shape = flipped_shape(w, group);
    let st = strides(w);
    let (cg, mg) = (w[0] / group, w[1]);
    let n = checked_numel(&shape)?;
    let mut idx = vec![0; shape.len()];
    Ok((0..n)
        .map(|o| {
            unravel(o, &shape, &mut idx);
            let (g, j) = (idx[0] / mg, idx[0] % mg);
            let mut at = (g * cg + idx[1]) * st[0] + j * st[1];
            for a in 2..shape.len() {
                at += (w[a] - 1 - idx[a]) * st[a];
            }
            at
        })
        .collect())
}

/// `x [N, C, D...]` spread onto the zero grid `[N, C, grid...]`.
fn spread<E: Copy>(zero: E, x: &Tensor<E>, axes: &[SpreadAxis]) -> Result<Tensor<E>, KernelError> {
    let mut shape = x.shape()[..2].to_vec();
    shape.extend(axes.iter().map(|a| a.grid));
    let st = strides(x.shape());
    let n = checked_numel(&shape)?;
    let mut idx = vec![0; shape.len()];
    let mut data = Vec::with_capacity(n);
    for o in 0..n {
        unravel(o, &shape, &mut idx);
        let mut at = Some(idx[0] * st[0] + idx[1] * st[1]);
        for (a, ax) in axes.iter().enumerate() {
            at = at.and_then(|base| source(ax, idx[a + 2]).map(|i| base + i * st[a + 2]));
        }
        data.push(at.map_or(zero, |i| x.data()[i]));
    }
    Tensor::new(shape, data)
}

/// The input coordinate at grid position `q`, if one lands there.
pub fn source(ax: &SpreadAxis, q: usize) -> Option<usize> {
    let t = q as i64 - ax.lead;
    let s = ax.stride as i64;
    (t >= 0 && t % s == 0 && t / s < ax.input as i64).then_some((t / s) as usize)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arith::FloatArith;
    use crate::DType;

    fn real(shape: &[usize], v: &[f32]) -> Value<f32> {
        Value::Real(Tensor::new(shape.to_vec(), v.to_vec()).unwrap(), DType::F32)
    }

    /// Each input scatters the kernel at `i · stride − pad_begin`.
    #[test]
    fn scatters_the_kernel() {
        let x = real(&[1, 1, 2], &[1.0, 10.0]);
        let w = real(&[1, 1, 3], &[1.0, 2.0, 3.0]);
        let ct = ConvTranspose { strides: Some(vec![2]), ..ConvTranspose::default() };
        let y = ct.run(&FloatArith, &[Some(&x), Some(&w)]).unwrap().remove(0);
        let Value::Real(t, _) = y else { panic!("real") };
        assert_eq!(t.data(), &[1.0, 2.0, 13.0, 20.0, 30.0]);
        let ct = ConvTranspose { strides: Some(vec![2]), pads: Some(vec![1, 2]), ..ConvTranspose::default() };
        let Value::Real(t, _) = ct.run(&FloatArith, &[Some(&x), Some(&w)]).unwrap().remove(0) else { panic!() };
        assert_eq!(t.data(), &[2.0, 13.0]);
    }

    #[test]
    fn groups_swap_channel_axes() {
        // two groups of one input channel and one output channel each
        let x = real(&[1, 2, 1], &[2.0, 3.0]);
        let w = real(&[2, 1, 1], &[5.0, 7.0]);
        let ct = ConvTranspose { group: 2, ..ConvTranspose::default() };
        let Value::Real(t, _) = ct.run(&FloatArith, &[Some(&x), Some(&w)]).unwrap().remove(0) else { panic!() };
        assert_eq!((t.shape(), t.data()), (&[1, 2, 1][..], &[10.0, 21.0][..]));
    }

    #[test]
    fn huge_attributes_are_errors_not_overflows() {
        let ct = ConvTranspose { strides: Some(vec![i64::MAX]), ..ConvTranspose::default() };
        assert!(ct.geometry(&[3], &[3]).is_err());
        let ct = ConvTranspose {
            dilations: Some(vec![i64::MAX]),
            pads: Some(vec![i64::MAX, 0]),
            ..ConvTranspose::default()
        };
        assert!(ct.geometry(&[3], &[3]).is_err());
    }

    #[test]
    fn same_upper_output_is_input_times_stride() {
        let ct = ConvTranspose { auto_pad: AutoPad::SameUpper, strides: Some(vec![2]), ..ConvTranspose::default() };
        let g = ct.geometry(&[3], &[3]).unwrap();
        // natural size 2·2 + 3 = 7, wanted 6: total 1, none before
        assert_eq!(g.axes[0], SpreadAxis { input: 3, stride: 2, lead: 2, grid: 8, output: 6 });
        let ct = ConvTranspose { auto_pad: AutoPad::SameLower, ..ct };
        assert_eq!(ct.geometry(&[3], &[3]).unwrap().axes[0].lead, 1);
    }
}
