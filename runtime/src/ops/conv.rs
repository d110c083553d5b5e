//! `Conv` — N-D convolution (1-D, 2-D, 3-D, ...) with pads, `auto_pad`, strides,
//! dilations and groups (opsets 1, 11, 22). Inputs `X [N, C, D...]`,
//! `W [M, C/group, K...]`, optional bias `B [M]`.
//!
//! Fixed point: every output is one exact sum — the products (scale 2s) and
//! the bias shifted to scale 2s — rounded once half up and range-checked once:
//! error ≤ 2^-(s+1) against the real convolution of the stored operands. An
//! output outside ±2^63 ulps is an overflow error.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Conv.html>

use super::window::{split_nc, WindowAttrs};
use super::{optional, required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::{at, KernelError};
use crate::shape::checked_numel;
use crate::tensor::Tensor;
use crate::value::Value;

#[derive(Clone, Debug, PartialEq)]
pub struct Conv {
    pub window: WindowAttrs,
    pub group: usize,
}

impl Default for Conv {
    fn default() -> Self {
        Conv { window: WindowAttrs::default(), group: 1 }
    }
}

impl Kernel for Conv {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let xv = required(inputs, 0, "X")?;
        let x = xv.as_real(0, "X")?;
        let w = required(inputs, 1, "W")?.as_real(1, "W")?;
        let b = optional(inputs, 2).map(|b| b.as_real(2, "B")).transpose()?;
        Ok(vec![Value::Real(self.conv(ar, x, w, b)?, xv.dtype())])
    }
}

impl Conv {
    fn conv<A: Arith>(
        &self,
        ar: &A,
        x: &Tensor<A::Elem>,
        w: &Tensor<A::Elem>,
        b: Option<&Tensor<A::Elem>>,
    ) -> Result<Tensor<A::Elem>, KernelError> {
        let (n, c, spatial) = split_nc(x.shape(), "Conv")?;
        if w.rank() != x.rank() {
            return Err(KernelError::shape(format!(
                "Conv weight {:?} must have the rank of X {:?}",
                w.shape(),
                x.shape()
            )));
        }
        let (m, cg) = (w.shape()[0], w.shape()[1]);
        let g = self.group;
        if g == 0 || c % g != 0 || m % g != 0 || cg * g != c {
            return Err(KernelError::shape(format!(
                "Conv with group {g}: X has {c} channels and W {:?} expects {cg} per group",
                w.shape()
            )));
        }
        if let Some(b) = b {
            if b.shape() != [m] {
                return Err(KernelError::shape(format!("Conv bias must have shape [{m}], got {:?}", b.shape())));
            }
        }
        let win = self.window.resolve(&spatial, Some(&w.shape()[2..]))?;
        let taps = win.taps()?;
        let (in_sz, out_sz) = (win.input_size(), win.output_size());
        let k_sz: usize = win.kernel.iter().product();
        let mut shape = vec![n, m];
        shape.extend(&win.output);
        let mut data = Vec::with_capacity(checked_numel(&shape)?);
        let (xd, wd) = (x.data(), w.data());
        let m_per_group = m / g;
        for ni in 0..n {
            for mi in 0..m {
                let gi = mi / m_per_group;
                for (o, tap) in taps.iter().enumerate() {
                    let mut acc = ar.acc_zero();
                    for ci in 0..cg {
                        let x_base = (ni * c + gi * cg + ci) * in_sz;
                        let w_base = (mi * cg + ci) * k_sz;
                        for &(k, i) in &tap.valid {
                            ar.acc_mac(&mut acc, xd[x_base + i], wd[w_base + k]);
                        }
                    }
                    if let Some(b) = b {
                        ar.acc_add_bias(&mut acc, b.data()[mi]);
                    }
                    let idx = (ni * m + mi) * out_sz + o;
                    data.push(ar.acc_finish_dot(acc).map_err(at(idx))?);
                }
            }
        }
        Tensor::new(shape, data)
    }
}
