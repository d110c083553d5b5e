//! `LSTM` — a long short-term memory layer (opsets 7, 14, 22) with the
//! default activations (f = Sigmoid, g = h = Tanh), gates in ONNX order
//! i, o, f, c, optional peepholes `P` (i, o, f), `initial_h`, `initial_c`,
//! forward, reverse or bidirectional, `layout` 0 or 1. Per step:
//! `i = f(x·Wiᵀ + h·Riᵀ + Wbi + Rbi + Pi⊙C)`, `f` likewise with `Pf`,
//! `c = g(x·Wcᵀ + h·Rcᵀ + Wbc + Rbc)`, `C' = f⊙C + i⊙c`,
//! `o = f(x·Woᵀ + h·Roᵀ + Wbo + Rbo + Po⊙C')`, `h' = o⊙h(C')`.
//! `sequence_lens` must be absent or equal the input's length everywhere;
//! `clip`, `input_forget = 1` and other activations are refused at import.
//!
//! Fixed point: each gate's pre-activation (peephole products included) is
//! one exact sum rounded once (`recurrent.rs`); sigmoid and tanh are the
//! fixed-point functions; each ⊙ is one Mul (one rounding) and the sums of
//! products `f⊙C + i⊙c` add two rounded products exactly.
//! Spec: <https://onnx.ai/onnx/operators/onnx__LSTM.html>

use super::recurrent::{Biases, Cells, Recurrent};
use super::{optional, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::{at, ArithError, KernelError};
use crate::value::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lstm {
    pub rec: Recurrent,
}

/// Gate rows in `W`, `R` and `B`.
const I: usize = 0;
const O: usize = 1;
const F: usize = 2;
const C: usize = 3;

impl Kernel for Lstm {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let cells = Cells::read::<A>(self.rec, 4, inputs)?;
        let (hidden, dirs) = (cells.hidden, cells.dirs);
        let state_shape = cells.state_shape();
        let initial_c = match optional(inputs, 6) {
            Some(v) => {
                let t = v.as_real(6, "initial_c")?;
                if t.shape() != state_shape {
                    return Err(KernelError::shape(format!(
                        "initial_c must have shape {state_shape:?}, got {:?}",
                        t.shape()
                    )));
                }
                Some(t.data())
            }
            None => None,
        };
        let peepholes = match optional(inputs, 7) {
            Some(v) => {
                let t = v.as_real(7, "P")?;
                if t.shape() != [dirs, 3 * hidden] {
                    return Err(KernelError::shape(format!(
                        "P must have shape [{dirs}, {}], got {:?}",
                        3 * hidden,
                        t.shape()
                    )));
                }
                Some(t.data())
            }
            None => None,
        };
        let zero = ar.zero();
        let mut y = vec![zero; cells.seq * dirs * cells.batch * hidden];
        let mut y_h = vec![zero; dirs * cells.batch * hidden];
        let mut y_c = y_h.clone();
        for d in 0..dirs {
            for b in 0..cells.batch {
                let state = cells.state_index(d, b);
                let mut h = cells.initial_h(d, b, zero);
                let mut c: Vec<A::Elem> =
                    initial_c.map_or_else(|| vec![zero; hidden], |v| v[state..state + hidden].to_vec());
                for step in 0..cells.seq {
                    let t = cells.time(d, step);
                    let x = cells.x(t, b);
                    let out = cells.y_index(t, d, b);
                    let peep = |k: usize, u: usize| peepholes.map(|p| p[d * 3 * hidden + k * hidden + u]);
                    let unit = |u: usize| -> Result<(A::Elem, A::Elem), ArithError> {
                        let gate = |g: usize, peep: Option<(A::Elem, A::Elem)>| {
                            let mut acc = cells.gate_acc(ar, (d, g, u), x, Some(&h), Biases::Both);
                            if let Some((p, state)) = peep {
                                ar.acc_mac(&mut acc, p, state);
                            }
                            ar.acc_finish_dot(acc)
                        };
                        let i = ar.sigmoid(gate(I, peep(0, u).map(|p| (p, c[u])))?)?;
                        let f = ar.sigmoid(gate(F, peep(2, u).map(|p| (p, c[u])))?)?;
                        let cand = ar.tanh(gate(C, None)?)?;
                        let cu = ar.add(ar.mul(f, c[u])?, ar.mul(i, cand)?)?;
                        let o = ar.sigmoid(gate(O, peep(1, u).map(|p| (p, cu)))?)?;
                        Ok((ar.mul(o, ar.tanh(cu)?)?, cu))
                    };
                    let mut new_c = Vec::with_capacity(hidden);
                    let mut new_h = Vec::with_capacity(hidden);
                    for u in 0..hidden {
                        let (hu, cu) = unit(u).map_err(at(out + u))?;
                        new_h.push(hu);
                        new_c.push(cu);
                    }
                    y[out..out + hidden].copy_from_slice(&new_h);
                    h = new_h;
                    c = new_c;
                }
                y_h[state..state + hidden].copy_from_slice(&h);
                y_c[state..state + hidden].copy_from_slice(&c);
            }
        }
        let dtype = super::required(inputs, 0, "X")?.dtype();
        cells.outputs(dtype, y, vec![y_h, y_c])
    }
}
