//! `Softmax` — `exp(x - max) / Σ exp(x - max)` along `axis` (opset ≥ 13,
//! default -1); before opset 13 the input is coerced to 2-D at `axis` (default
//! 1) and the softmax runs over the flattened trailing part (opsets 1, 11, 13).
//!
//! Fixed point: `fixed::exp::softmax` — each exponential at scale 2^-62, one
//! division with rounding half up per output: error ≤ 2^-(s+1) + 3.4e-10.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Softmax.html>

use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::{at, ArithError, KernelError};
use crate::shape::normalize_axis;
use crate::tensor::Tensor;
use crate::value::Value;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Softmax {
    pub axis: i64,
    /// Opsets 1 and 11: flatten `[..axis]` and `[axis..]` into a 2-D matrix.
    pub coerce_2d: bool,
}

impl Default for Softmax {
    fn default() -> Self {
        Softmax { axis: -1, coerce_2d: false }
    }
}

impl Softmax {
    /// Applies `f` (one slice in, one slice out) to every slice along the axis
    /// (or to the flattened trailing part when coercing to 2-D). Shared with
    /// LogSoftmax, which has the same attributes.
    pub fn along_axis<A: Arith>(
        &self,
        ar: &A,
        inputs: &Inputs<'_, A::Elem>,
        f: impl Fn(&[A::Elem], &mut Vec<A::Elem>) -> Result<(), ArithError>,
    ) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let xv = required(inputs, 0, "input")?;
        let x = xv.as_real(0, "input")?;
        let shape = x.shape();
        let axis = normalize_axis(self.axis, shape.len())?;
        let (outer, n, inner) = if self.coerce_2d {
            (shape[..axis].iter().product::<usize>(), shape[axis..].iter().product::<usize>(), 1)
        } else {
            (shape[..axis].iter().product(), shape[axis], shape[axis + 1..].iter().product::<usize>())
        };
        let mut out = vec![ar.zero(); x.len()];
        let mut slice = Vec::with_capacity(n);
        let mut res = Vec::with_capacity(n);
        for o in 0..outer {
            for i in 0..inner {
                let base = o * n * inner + i;
                slice.clear();
                slice.extend((0..n).map(|j| x.data()[base + j * inner]));
                res.clear();
                f(&slice, &mut res).map_err(at(base))?;
                for (j, &v) in res.iter().enumerate() {
                    out[base + j * inner] = v;
                }
            }
        }
        Ok(vec![Value::Real(Tensor::new(shape.to_vec(), out)?, xv.dtype())])
    }
}

impl Kernel for Softmax {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        self.along_axis(ar, inputs, |xs, out| ar.softmax(xs, out))
    }
}
