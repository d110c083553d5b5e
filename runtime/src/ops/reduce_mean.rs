//! `ReduceMean` — the mean over `axes` (all axes when absent, the identity when
//! absent and `noop_with_empty_axes = 1`), keeping reduced axes as size 1 when
//! `keepdims = 1` (the default). `axes` is an attribute before opset 18, an
//! int64 input from 18.
//!
//! Fixed point: the exact sum divided by the group size with one rounding half up (≤ 2^-(s+1)); a mean over zero elements is an error.
//! Spec: <https://onnx.ai/onnx/operators/onnx__ReduceMean.html>

use super::reduce::{reduce_axes, reduction};
use super::{int_list, required, Inputs, Kernel};
use crate::arith::{Arith, IntArith};
use crate::error::{at, KernelError};
use crate::tensor::Tensor;
use crate::value::Value;

#[derive(Clone, Debug, PartialEq)]
pub struct ReduceMean {
    /// The `axes` attribute of opsets < 18; from 18 on, the second input.
    pub axes_attr: Option<Vec<i64>>,
    pub keepdims: bool,
    pub noop_with_empty_axes: bool,
}

impl Default for ReduceMean {
    fn default() -> Self {
        ReduceMean { axes_attr: None, keepdims: true, noop_with_empty_axes: false }
    }
}

impl Kernel for ReduceMean {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let x = required(inputs, 0, "data")?;
        let axes = match &self.axes_attr {
            Some(a) => Some(a.clone()),
            None => int_list(inputs, 1, "axes")?,
        };
        let Some(axes) = reduce_axes(axes, x.shape().len(), self.noop_with_empty_axes)? else {
            return Ok(vec![x.clone()]);
        };
        Ok(vec![match x {
            Value::Real(t, dt) => Value::Real(self.reduce(ar, t, &axes)?, *dt),
            Value::Int(t, dt) => Value::Int(self.reduce(&IntArith::new(*dt), t, &axes)?, *dt),
        }])
    }
}

impl ReduceMean {
    fn reduce<B: Arith>(&self, ar: &B, t: &Tensor<B::Elem>, axes: &[usize]) -> Result<Tensor<B::Elem>, KernelError> {
        let r = reduction(t.shape(), axes, self.keepdims);
        let mut accs = vec![ar.acc_zero(); r.out_len];
        for (&v, &o) in t.data().iter().zip(&r.map) {
            ar.acc_add(&mut accs[o], v);
        }
        let data = accs
            .into_iter()
            .enumerate()
            .map(|(i, acc)| ar.acc_finish_mean(acc, r.group_size).map_err(at(i)))
            .collect::<Result<Vec<_>, _>>()?;
        Tensor::new(r.out_shape, data)
    }
}
