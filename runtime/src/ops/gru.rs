//! `GRU` — a gated recurrent unit layer (opsets 7, 14, 22) with the default
//! activations (f = Sigmoid, g = Tanh), gates in ONNX order z, r, h,
//! `initial_h`, forward, reverse or bidirectional, `layout` 0 or 1, and both
//! `linear_before_reset` forms. Per step:
//! `z = f(x·Wzᵀ + h·Rzᵀ + Wbz + Rbz)`, `r` likewise,
//! `ĥ = g(x·Whᵀ + (r⊙h)·Rhᵀ + Rbh + Wbh)` (linear_before_reset = 0) or
//! `ĥ = g(x·Whᵀ + Wbh + r⊙(h·Rhᵀ + Rbh))` (= 1, what torch exports),
//! `h' = (1 − z)⊙ĥ + z⊙h`.
//! `sequence_lens` must be absent or equal the input's length everywhere;
//! `clip` and other activations are refused at import.
//!
//! Fixed point: each pre-activation sum is exact and rounded once
//! (`recurrent.rs`; with linear_before_reset = 1, `x·Whᵀ + Wbh` and
//! `h·Rhᵀ + Rbh` are rounded separately, then `r⊙(..)` is one Mul); `r⊙h`
//! is one Mul per element; `h'` adds two Muls exactly.
//! Spec: <https://onnx.ai/onnx/operators/onnx__GRU.html>

use super::recurrent::{Biases, Cells, Recurrent};
use super::{Inputs, Kernel};
use crate::arith::Arith;
use crate::error::{at, ArithError, KernelError};
use crate::value::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Gru {
    pub rec: Recurrent,
    pub linear_before_reset: bool,
}

const Z: usize = 0;
const R: usize = 1;
const H: usize = 2;

impl Kernel for Gru {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let cells = Cells::read::<A>(self.rec, 3, inputs)?;
        let (hidden, dirs) = (cells.hidden, cells.dirs);
        let zero = ar.zero();
        let one = ar.from_f64(1.0)?;
        let mut y = vec![zero; cells.seq * dirs * cells.batch * hidden];
        let mut y_h = vec![zero; dirs * cells.batch * hidden];
        for d in 0..dirs {
            for b in 0..cells.batch {
                let mut h = cells.initial_h(d, b, zero);
                for step in 0..cells.seq {
                    let t = cells.time(d, step);
                    let x = cells.x(t, b);
                    let out = cells.y_index(t, d, b);
                    let gates = |u: usize| -> Result<(A::Elem, A::Elem), ArithError> {
                        let z =
                            ar.sigmoid(ar.acc_finish_dot(cells.gate_acc(ar, (d, Z, u), x, Some(&h), Biases::Both))?)?;
                        let r =
                            ar.sigmoid(ar.acc_finish_dot(cells.gate_acc(ar, (d, R, u), x, Some(&h), Biases::Both))?)?;
                        Ok((z, r))
                    };
                    let mut zs = Vec::with_capacity(hidden);
                    let mut rs = Vec::with_capacity(hidden);
                    for u in 0..hidden {
                        let (z, r) = gates(u).map_err(at(out + u))?;
                        zs.push(z);
                        rs.push(r);
                    }
                    // r⊙h for the linear_before_reset = 0 form (every unit's r is needed).
                    let reset_h: Vec<A::Elem> = if self.linear_before_reset {
                        Vec::new()
                    } else {
                        rs.iter().zip(&h).map(|(&r, &hv)| ar.mul(r, hv)).collect::<Result<_, _>>().map_err(at(out))?
                    };
                    let unit = |u: usize| -> Result<A::Elem, ArithError> {
                        let pre = if self.linear_before_reset {
                            let input = ar.acc_finish_dot(cells.gate_acc(ar, (d, H, u), x, None, Biases::Input))?;
                            let recurrent = ar.acc_finish_dot(cells.recurrent_acc(ar, d, H, u, &h))?;
                            ar.add(input, ar.mul(rs[u], recurrent)?)?
                        } else {
                            ar.acc_finish_dot(cells.gate_acc(ar, (d, H, u), x, Some(&reset_h), Biases::Both))?
                        };
                        let candidate = ar.tanh(pre)?;
                        ar.add(ar.mul(ar.sub(one, zs[u])?, candidate)?, ar.mul(zs[u], h[u])?)
                    };
                    let new_h: Vec<A::Elem> =
                        (0..hidden).map(|u| unit(u).map_err(at(out + u))).collect::<Result<_, _>>()?;
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
