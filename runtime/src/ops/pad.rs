//! `Pad` — pads (or, with negative pads, crops) each axis, in `constant`,
//! `reflect`, `edge` or `wrap` mode (opsets 2, 11, 13, 18, 19, 21, 23, 24, 25).
//! From opset 11 `pads`, `constant_value` and (18) `axes` are inputs; opset 2
//! has them as attributes.
//!
//! Exact in every domain (data movement); the constant is quantized once at
//! the model scale.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Pad.html>

use super::{int_list, optional, required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::KernelError;
use crate::shape::{checked_numel, normalize_axes, strides, unravel};
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PadMode {
    #[default]
    Constant,
    Reflect,
    Edge,
    Wrap,
}

/// The attribute form of opset 2.
#[derive(Clone, Debug, PartialEq)]
pub struct LegacyPad {
    pub pads: Vec<i64>,
    pub value: f64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pad {
    pub mode: PadMode,
    pub legacy: Option<LegacyPad>,
}

impl Kernel for Pad {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let x = required(inputs, 0, "data")?;
        let shape = x.shape().to_vec();
        let rank = shape.len();
        let (pads, axes) = match &self.legacy {
            Some(l) => (l.pads.clone(), None),
            None => (
                int_list(inputs, 1, "pads")?.ok_or(KernelError::MissingInput { index: 1, name: "pads" })?,
                int_list(inputs, 3, "axes")?,
            ),
        };
        let axes = match axes {
            Some(a) => normalize_axes(&a, rank)?,
            None => (0..rank).collect(),
        };
        if pads.len() != 2 * axes.len() {
            return Err(KernelError::invalid("pads", format!("{pads:?} must have 2 × {} values", axes.len())));
        }
        let mut begin = vec![0i64; rank];
        let mut end = vec![0i64; rank];
        for (i, &ax) in axes.iter().enumerate() {
            begin[ax] = pads[i];
            end[ax] = pads[i + axes.len()];
        }
        let mut out_shape = Vec::with_capacity(rank);
        for ax in 0..rank {
            let d = shape[ax] as i64 + begin[ax] + end[ax];
            if d < 0 {
                return Err(KernelError::invalid("pads", format!("cropping more than axis {ax} holds")));
            }
            if self.mode != PadMode::Constant && shape[ax] == 0 && d > 0 {
                return Err(KernelError::invalid("pads", format!("{:?} padding of the empty axis {ax}", self.mode)));
            }
            out_shape.push(d as usize);
        }
        let n = checked_numel(&out_shape)?;
        let in_strides = strides(&shape);
        let mut idx = vec![0; rank];
        let mut map = Vec::with_capacity(n);
        for o in 0..n {
            unravel(o, &out_shape, &mut idx);
            let mut flat = Some(0usize);
            for ax in 0..rank {
                let src = self.source(idx[ax] as i64 - begin[ax], shape[ax] as i64);
                flat = match (flat, src) {
                    (Some(f), Some(s)) => Some(f + s as usize * in_strides[ax]),
                    _ => None,
                };
            }
            map.push(flat);
        }
        Ok(vec![match x {
            Value::Real(t, dt) => {
                let fill = match (optional(inputs, 2), &self.legacy) {
                    (_, Some(l)) => ar.from_f64(l.value)?,
                    (Some(v), None) => first(v.as_real(2, "constant_value")?.data())?.unwrap_or(ar.zero()),
                    (None, None) => ar.zero(),
                };
                Value::Real(t.take_or(out_shape, &map, fill)?, *dt)
            }
            Value::Int(t, dt) => {
                let fill = match (optional(inputs, 2), &self.legacy) {
                    (_, Some(l)) => l.value as i64,
                    (Some(v), None) => first(v.as_int(2, "constant_value")?.data())?.unwrap_or(0),
                    (None, None) => 0,
                };
                Value::Int(t.take_or(out_shape, &map, fill)?, *dt)
            }
        }])
    }
}

fn first<T: Copy>(data: &[T]) -> Result<Option<T>, KernelError> {
    match data.len() {
        0 => Ok(None),
        1 => Ok(Some(data[0])),
        n => Err(KernelError::invalid("constant_value", format!("must be a scalar, has {n} elements"))),
    }
}

impl Pad {
    /// The input coordinate an output coordinate reads (`i` = output − pad_begin).
    fn source(&self, i: i64, dim: i64) -> Option<i64> {
        if (0..dim).contains(&i) {
            return Some(i);
        }
        match self.mode {
            PadMode::Constant => None,
            PadMode::Edge => Some(i.clamp(0, dim - 1)),
            PadMode::Wrap => Some(i.rem_euclid(dim)),
            PadMode::Reflect => {
                if dim == 1 {
                    return Some(0);
                }
                let period = 2 * (dim - 1);
                let r = i.rem_euclid(period);
                Some(if r < dim { r } else { period - r })
            }
        }
    }
}
