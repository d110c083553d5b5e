//! Sliding-window geometry shared by Conv, MaxPool and AveragePool, for any
//! number of spatial axes: output sizes, padding (explicit or `auto_pad`), and
//! for every output position the input positions its window covers.

use crate::error::KernelError;
use crate::shape::{checked_numel, numel, strides, unravel};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AutoPad {
    /// Use the explicit `pads` attribute.
    #[default]
    NotSet,
    SameUpper,
    SameLower,
    Valid,
}

/// Window attributes as given on the node; `None` means "the ONNX default".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WindowAttrs {
    pub auto_pad: AutoPad,
    pub kernel_shape: Option<Vec<i64>>,
    pub strides: Option<Vec<i64>>,
    pub dilations: Option<Vec<i64>>,
    /// `[x1_begin, x2_begin, ..., x1_end, x2_end, ...]`.
    pub pads: Option<Vec<i64>>,
    pub ceil_mode: bool,
}

/// A resolved window over given spatial input sizes.
#[derive(Clone, Debug, PartialEq)]
pub struct Window {
    pub input: Vec<usize>,
    pub kernel: Vec<usize>,
    pub strides: Vec<usize>,
    pub dilations: Vec<usize>,
    pub pads_begin: Vec<usize>,
    pub pads_end: Vec<usize>,
    pub output: Vec<usize>,
}

/// The input positions one output position reads.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Taps {
    /// `(flat kernel index, flat spatial input index)` for in-bounds positions.
    pub valid: Vec<(usize, usize)>,
    /// Window positions inside the padded input (what `count_include_pad` counts).
    pub padded_count: usize,
}

fn positive(v: &Option<Vec<i64>>, n: usize, what: &'static str) -> Result<Vec<usize>, KernelError> {
    match v {
        None => Ok(vec![1; n]),
        Some(v) if v.len() == n && v.iter().all(|&x| x >= 1) => Ok(v.iter().map(|&x| x as usize).collect()),
        Some(v) => Err(KernelError::invalid(what, format!("{v:?} must be {n} positive values"))),
    }
}

impl WindowAttrs {
    /// Resolves against the spatial input sizes; `kernel` comes from the weight
    /// shape for Conv when `kernel_shape` is absent.
    pub fn resolve(&self, input: &[usize], kernel: Option<&[usize]>) -> Result<Window, KernelError> {
        let n = input.len();
        let kernel: Vec<usize> = match (&self.kernel_shape, kernel) {
            (Some(k), Some(w)) => {
                let k = positive(&Some(k.clone()), n, "kernel_shape")?;
                if k != w {
                    return Err(KernelError::invalid(
                        "kernel_shape",
                        format!("{k:?} differs from the filter's spatial shape {w:?}"),
                    ));
                }
                k
            }
            (Some(k), None) => positive(&Some(k.clone()), n, "kernel_shape")?,
            (None, Some(k)) => k.to_vec(),
            (None, None) => return Err(KernelError::invalid("kernel_shape", "is required")),
        };
        if kernel.len() != n {
            return Err(KernelError::invalid(
                "kernel_shape",
                format!("{kernel:?} has {} axes but the input has {n} spatial axes", kernel.len()),
            ));
        }
        let strides = positive(&self.strides, n, "strides")?;
        let dilations = positive(&self.dilations, n, "dilations")?;
        let mut pads_begin = vec![0; n];
        let mut pads_end = vec![0; n];
        let mut output = vec![0; n];
        for ax in 0..n {
            let extent = (kernel[ax] - 1) * dilations[ax] + 1;
            let (i, s) = (input[ax], strides[ax]);
            match self.auto_pad {
                AutoPad::SameUpper | AutoPad::SameLower => {
                    let out = i.div_ceil(s);
                    let total = ((out.max(1) - 1) * s + extent).saturating_sub(i);
                    let small = total / 2;
                    let big = total - small;
                    (pads_begin[ax], pads_end[ax]) =
                        if self.auto_pad == AutoPad::SameUpper { (small, big) } else { (big, small) };
                    output[ax] = out;
                    continue;
                }
                AutoPad::Valid => {}
                AutoPad::NotSet => {
                    if let Some(p) = &self.pads {
                        if p.len() != 2 * n || p.iter().any(|&x| x < 0) {
                            return Err(KernelError::invalid(
                                "pads",
                                format!("{p:?} must be {} non-negative values", 2 * n),
                            ));
                        }
                        pads_begin[ax] = p[ax] as usize;
                        pads_end[ax] = p[ax + n] as usize;
                    }
                }
            }
            let padded = i + pads_begin[ax] + pads_end[ax];
            if padded < extent {
                return Err(KernelError::shape(format!(
                    "window of extent {extent} does not fit the padded input of size {padded} on spatial axis {ax}"
                )));
            }
            let span = padded - extent;
            let mut out = if self.ceil_mode { span.div_ceil(s) + 1 } else { span / s + 1 };
            // With ceil_mode the last window must start inside the input or its
            // left padding, never entirely in the right padding.
            if self.ceil_mode && (out - 1) * s >= i + pads_begin[ax] {
                out -= 1;
            }
            output[ax] = out;
        }
        Ok(Window { input: input.to_vec(), kernel, strides, dilations, pads_begin, pads_end, output })
    }
}

impl Window {
    /// For each output position (row-major), the input positions it covers.
    pub fn taps(&self) -> Result<Vec<Taps>, KernelError> {
        let n = self.input.len();
        let n_out = checked_numel(&self.output)?;
        let n_k = checked_numel(&self.kernel)?;
        let in_strides = strides(&self.input);
        let mut out_idx = vec![0; n];
        let mut k_idx = vec![0; n];
        let mut all = Vec::with_capacity(n_out);
        for o in 0..n_out {
            unravel(o, &self.output, &mut out_idx);
            let mut taps = Taps::default();
            for k in 0..n_k {
                unravel(k, &self.kernel, &mut k_idx);
                let mut flat = 0usize;
                let mut inside_input = true;
                let mut inside_padded = true;
                for ax in 0..n {
                    // coordinate in the padded input
                    let p = out_idx[ax] * self.strides[ax] + k_idx[ax] * self.dilations[ax];
                    if p >= self.input[ax] + self.pads_begin[ax] + self.pads_end[ax] {
                        inside_padded = false;
                    }
                    if p < self.pads_begin[ax] || p - self.pads_begin[ax] >= self.input[ax] {
                        inside_input = false;
                    } else {
                        flat += (p - self.pads_begin[ax]) * in_strides[ax];
                    }
                }
                if inside_padded {
                    taps.padded_count += 1;
                }
                if inside_input {
                    taps.valid.push((k, flat));
                }
            }
            all.push(taps);
        }
        Ok(all)
    }

    pub fn input_size(&self) -> usize {
        numel(&self.input)
    }

    pub fn output_size(&self) -> usize {
        numel(&self.output)
    }
}

/// Splits an `[N, C, spatial...]` shape, checking the rank.
pub fn split_nc(shape: &[usize], op: &str) -> Result<(usize, usize, Vec<usize>), KernelError> {
    if shape.len() < 3 {
        return Err(KernelError::shape(format!(
            "{op} needs an input of shape [N, C, D1, ...] (rank ≥ 3), got {shape:?}"
        )));
    }
    Ok((shape[0], shape[1], shape[2..].to_vec()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_sizes() {
        let w = WindowAttrs { kernel_shape: Some(vec![3, 3]), ..Default::default() }.resolve(&[5, 5], None).unwrap();
        assert_eq!(w.output, vec![3, 3]);
        let w = WindowAttrs {
            kernel_shape: Some(vec![3]),
            pads: Some(vec![1, 1]),
            strides: Some(vec![2]),
            ..Default::default()
        }
        .resolve(&[5], None)
        .unwrap();
        assert_eq!(w.output, vec![3]);
        let w = WindowAttrs {
            kernel_shape: Some(vec![2]),
            strides: Some(vec![2]),
            auto_pad: AutoPad::SameUpper,
            ..Default::default()
        }
        .resolve(&[5], None)
        .unwrap();
        assert_eq!((w.output.clone(), w.pads_begin.clone(), w.pads_end.clone()), (vec![3], vec![0], vec![1]));
        let w =
            WindowAttrs { kernel_shape: Some(vec![3]), strides: Some(vec![2]), ceil_mode: true, ..Default::default() }
                .resolve(&[4], None)
                .unwrap();
        assert_eq!(w.output, vec![2]);
    }

    #[test]
    fn taps_skip_padding() {
        let w = WindowAttrs { kernel_shape: Some(vec![3]), pads: Some(vec![1, 1]), ..Default::default() }
            .resolve(&[3], None)
            .unwrap();
        let taps = w.taps().unwrap();
        assert_eq!(taps[0].valid, vec![(1, 0), (2, 1)]);
        assert_eq!(taps[0].padded_count, 3);
        assert_eq!(taps[1].valid.len(), 3);
    }
}
