//! `RNN` — a simple recurrent layer (opsets 7, 14, 22) with the default
//! activation Tanh: `h' = tanh(x·Wᵀ + h·Rᵀ + Wb + Rb)`, `initial_h`,
//! forward, reverse or bidirectional, `layout` 0 or 1. `sequence_lens` must
//! be absent or equal the input's length everywhere; `clip` and other
//! activations are refused at import.
//!
//! Fixed point: the pre-activation is one exact sum rounded once
//! (`recurrent.rs`), then the fixed-point tanh.
//! Spec: <https://onnx.ai/onnx/operators/onnx__RNN.html>

use super::recurrent::{Biases, Cells, Recurrent};
use super::{Inputs, Kernel};
use crate::arith::Arith;
use crate::error::{at, KernelError};
use crate::value::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rnn {
    pub rec: Recurrent,
}

impl Kernel for Rnn {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let cells = Cells::read::<A>(self.rec, 1, inputs)?;
        let (hidden, dirs) = (cells.hidden, cells.dirs);
        let zero = ar.zero();
        let mut y = vec![zero; cells.seq * dirs * cells.batch * hidden];
        let mut y_h = vec![zero; dirs * cells.batch * hidden];
        for d in 0..dirs {
            for b in 0..cells.batch {
                let mut h = cells.initial_h(d, b, zero);
                for step in 0..cells.seq {
                    let t = cells.time(d, step);
                    let x = cells.x(t, b);
                    let out = cells.y_index(t, d, b);
                    let new_h: Vec<A::Elem> = (0..hidden)
                        .map(|u| {
                            let pre = ar.acc_finish_dot(cells.gate_acc(ar, (d, 0, u), x, Some(&h), Biases::Both));
                            pre.and_then(|p| ar.tanh(p)).map_err(at(out + u))
                        })
                        .collect::<Result<_, _>>()?;
                    y[out..out + hidden].copy_from_slice(&new_h);
                    h = new_h;
                }
                let state = cells.state_index(d, b);
                y_h[state..state + hidden].copy_from_slice(&h);
            }
        }
        let dtype = super::required(inputs, 0, "X")?.dtype();
        cells.outputs(dtype, y, vec![y_h])
    }
}
