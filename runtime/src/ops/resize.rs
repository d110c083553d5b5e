//! `Resize` — nearest and (N-)linear resizing (opsets 10, 11, 13, 18, 19;
//! `cubic`, `tf_crop_and_resize` and `antialias` are refused at import).
//!
//! Source coordinates and interpolation weights depend only on the shapes,
//! the attributes and the constant `scales` (read as f64 at import: a real
//! input cannot be known exactly once quantized) or `sizes`; they are
//! computed in f64 following ONNX's reference implementation (IEEE
//! operations, deterministic; the code generator calls the same functions).
//! Sources outside the input read its edge.
//!
//! * Nearest is a gather: exact, ints too. An integral source is that
//!   element; otherwise `nearest_mode` rounds (a tie is a fraction of 0.5).
//! * Linear: each output is `Σ_corners w · x` over the 2^r corners of its
//!   cell, a corner's weight the f64 product of its per-axis weights
//!   quantized once at the model scale (half up), corners of weight 0
//!   skipped, the exact sum of products rounded once (`acc_finish_dot`):
//!   error ≤ 2^-(s+1) · (1 + Σ_corners |x|) against the real interpolation
//!   of the stored inputs. Reals only.
//!
//! Opset 10 has only `mode` and takes (X, scales): its coordinates are
//! `asymmetric` and nearest rounds down, as Upsample's.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Resize.html>

use super::{int_list, required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::KernelError;
use crate::shape::{checked_numel, strides, unravel};
use crate::tensor::Tensor;
use crate::value::Value;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Mode {
    Nearest,
    Linear,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CoordMode {
    HalfPixel,
    PytorchHalfPixel,
    AlignCorners,
    Asymmetric,
    TfHalfPixelForNn,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NearestMode {
    RoundPreferFloor,
    RoundPreferCeil,
    Floor,
    Ceil,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Resize {
    pub mode: Mode,
    pub coord: CoordMode,
    pub nearest: NearestMode,
    /// Constant `scales` read at import (one per axis of X, or per `axes`).
    pub scales: Option<Vec<f64>>,
    pub axes: Option<Vec<i64>>,
    /// Index of the `sizes` input (3 from opset 11; opset 10 has none).
    pub sizes_input: Option<usize>,
}

/// One output coordinate of one axis: nearest source, or two sources with
/// their real weights.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Tap {
    Nearest(usize),
    /// Neighbours and their real weights (`f0 + f1 = 1`).
    Linear {
        i0: usize,
        i1: usize,
        f0: f64,
        f1: f64,
    },
}

impl Resize {
    /// The source coordinate of output `o`, as ONNX's reference computes it
    /// (`width` is the real `scale · input`, not the integer output size).
    fn source(&self, o: usize, input: usize, scale: f64) -> f64 {
        let (o, i, width) = (o as f64, input as f64, scale * input as f64);
        match self.coord {
            CoordMode::HalfPixel => (o + 0.5) / scale - 0.5,
            CoordMode::PytorchHalfPixel if width == 1.0 => -0.5,
            CoordMode::PytorchHalfPixel => (o + 0.5) / scale - 0.5,
            CoordMode::AlignCorners if width == 1.0 => 0.0,
            CoordMode::AlignCorners => o * (i - 1.0) / (width - 1.0),
            CoordMode::Asymmetric => o / scale,
            CoordMode::TfHalfPixelForNn => (o + 0.5) / scale,
        }
    }

    /// The taps of every output coordinate of one axis. Sources outside the
    /// input read its edge (the reference pads in `edge` mode). An integral
    /// source is that element; otherwise nearest rounds by `nearest_mode`
    /// (a tie is a fraction of exactly 0.5) and linear weighs the two
    /// neighbours by the fraction, quantized half up.
    pub fn taps(&self, input: usize, output: usize, scale: f64) -> Vec<Tap> {
        let clamp = |i: f64| i.clamp(0.0, input.saturating_sub(1) as f64) as usize;
        (0..output)
            .map(|o| {
                let x = self.source(o, input, scale);
                let (lo, frac) = (x.floor(), x - x.floor());
                if frac == 0.0 {
                    return match self.mode {
                        Mode::Nearest => Tap::Nearest(clamp(x)),
                        Mode::Linear => Tap::Linear { i0: clamp(x), i1: clamp(x), f0: 0.0, f1: 1.0 },
                    };
                }
                match self.mode {
                    Mode::Nearest => {
                        let up = match self.nearest {
                            NearestMode::RoundPreferFloor => frac > 0.5,
                            NearestMode::RoundPreferCeil => frac >= 0.5,
                            NearestMode::Floor => false,
                            NearestMode::Ceil => true,
                        };
                        Tap::Nearest(clamp(if up { lo + 1.0 } else { lo }))
                    }
                    Mode::Linear => Tap::Linear { i0: clamp(lo), i1: clamp(lo + 1.0), f0: 1.0 - frac, f1: frac },
                }
            })
            .collect()
    }

    /// Output shape and the scale of every axis.
    pub fn geometry(&self, shape: &[usize], sizes: Option<&[i64]>) -> Result<(Vec<usize>, Vec<f64>), KernelError> {
        let r = shape.len();
        let axes: Vec<usize> = match &self.axes {
            None => (0..r).collect(),
            Some(a) => a.iter().map(|&x| crate::shape::normalize_axis(x, r)).collect::<Result<_, _>>()?,
        };
        let mut out = shape.to_vec();
        let mut scales = vec![1.0; r];
        match (sizes, &self.scales) {
            (Some(sz), _) if !sz.is_empty() => {
                if sz.len() != axes.len() {
                    return Err(KernelError::invalid("sizes", format!("{sz:?} for axes {axes:?}")));
                }
                for (&a, &s) in axes.iter().zip(sz) {
                    let s = usize::try_from(s).map_err(|_| KernelError::invalid("sizes", format!("{sz:?}")))?;
                    out[a] = s;
                    scales[a] = s as f64 / shape[a] as f64;
                }
            }
            (_, Some(sc)) => {
                if sc.len() != axes.len() || sc.iter().any(|&s| s.is_nan() || s <= 0.0) {
                    return Err(KernelError::invalid("scales", format!("{sc:?} for axes {axes:?}")));
                }
                for (&a, &s) in axes.iter().zip(sc) {
                    out[a] = (shape[a] as f64 * s).floor() as usize;
                    scales[a] = s;
                }
            }
            _ => return Err(KernelError::shape("Resize needs constant scales or sizes")),
        }
        Ok((out, scales))
    }
}

impl Resize {
    /// Output shape and the taps of every axis, for an input of `shape`.
    pub fn plan(&self, shape: &[usize], sizes: Option<&[i64]>) -> Result<(Vec<usize>, Vec<Vec<Tap>>), KernelError> {
        let (out, scales) = self.geometry(shape, sizes)?;
        checked_numel(&out)?;
        let taps = (0..out.len()).map(|a| self.taps(shape[a], out[a], scales[a])).collect();
        Ok((out, taps))
    }

    /// Nearest: the flat source index of every output element.
    pub fn gather_map(shape: &[usize], out: &[usize], taps: &[Vec<Tap>]) -> Vec<usize> {
        let st = strides(shape);
        let n: usize = out.iter().product();
        let mut idx = vec![0; out.len()];
        (0..n)
            .map(|o| {
                unravel(o, out, &mut idx);
                idx.iter()
                    .enumerate()
                    .map(|(a, &i)| match taps[a][i] {
                        // nearest mode makes only nearest taps
                        Tap::Nearest(s) | Tap::Linear { i0: s, .. } => s * st[a],
                    })
                    .sum()
            })
            .collect()
    }

    /// Linear: every output element's terms (flat source index, real
    /// weight), the corners of weight 0 left out, in corner order.
    pub fn linear_terms(shape: &[usize], out: &[usize], taps: &[Vec<Tap>]) -> Vec<Vec<(usize, f64)>> {
        let st = strides(shape);
        let n: usize = out.iter().product();
        let r = out.len();
        let mut idx = vec![0; r];
        (0..n)
            .map(|o| {
                unravel(o, out, &mut idx);
                (0..(1usize << r))
                    .filter_map(|corner| {
                        let (mut at, mut w) = (0usize, 1.0f64);
                        for a in 0..r {
                            let (i, f) = match taps[a][idx[a]] {
                                Tap::Linear { i0, f0, .. } if corner >> a & 1 == 0 => (i0, f0),
                                Tap::Linear { i1, f1, .. } => (i1, f1),
                                Tap::Nearest(i) if corner >> a & 1 == 0 => (i, 1.0),
                                Tap::Nearest(_) => (0, 0.0),
                            };
                            at += i * st[a];
                            w *= f;
                        }
                        (w != 0.0).then_some((at, w))
                    })
                    .collect()
            })
            .collect()
    }
}

impl Kernel for Resize {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let xv = required(inputs, 0, "X")?;
        let sizes = match self.sizes_input {
            Some(i) => int_list(inputs, i, "sizes")?,
            None => None,
        };
        let (out, taps) = self.plan(xv.shape(), sizes.as_deref())?;
        match self.mode {
            Mode::Nearest => Ok(vec![xv.take(out.clone(), &Self::gather_map(xv.shape(), &out, &taps))?]),
            Mode::Linear => {
                let x = xv.as_real(0, "X")?;
                let mut data = Vec::with_capacity(out.iter().product());
                for (o, terms) in Self::linear_terms(x.shape(), &out, &taps).into_iter().enumerate() {
                    let mut acc = ar.acc_zero();
                    for (at, w) in terms {
                        let q = ar.from_f64(w).map_err(crate::error::at(o))?;
                        ar.acc_mac(&mut acc, x.data()[at], q);
                    }
                    data.push(ar.acc_finish_dot(acc).map_err(crate::error::at(o))?);
                }
                Ok(vec![Value::Real(Tensor::new(out, data)?, xv.dtype())])
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resize(mode: Mode, coord: CoordMode) -> Resize {
        Resize { mode, coord, nearest: NearestMode::RoundPreferFloor, scales: None, axes: None, sizes_input: Some(3) }
    }

    #[test]
    fn nearest_half_pixel_doubles() {
        let taps = resize(Mode::Nearest, CoordMode::HalfPixel).taps(2, 4, 2.0);
        assert_eq!(taps, vec![Tap::Nearest(0), Tap::Nearest(0), Tap::Nearest(1), Tap::Nearest(1)]);
    }

    #[test]
    fn linear_align_corners_thirds() {
        let taps = resize(Mode::Linear, CoordMode::AlignCorners).taps(2, 4, 2.0);
        assert_eq!(taps[0], Tap::Linear { i0: 0, i1: 0, f0: 0.0, f1: 1.0 });
        let Tap::Linear { i0, i1, f1, .. } = taps[1] else { panic!("linear") };
        assert_eq!((i0, i1), (0, 1));
        assert!((f1 - 1.0 / 3.0).abs() < 1e-15);
        assert_eq!(taps[3], Tap::Linear { i0: 1, i1: 1, f0: 0.0, f1: 1.0 });
    }
}
