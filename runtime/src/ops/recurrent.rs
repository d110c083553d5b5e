//! Shared by LSTM, GRU and RNN: the direction and layout attributes, the
//! geometry of the inputs (`X`, `W`, `R`, `B`, `sequence_lens`, `initial_h`),
//! and one gate's pre-activation.
//!
//! A gate's pre-activation for hidden unit `u` is one exact sum — `x · W_row`
//! plus `h · R_row` (products at scale 2s) plus the two biases shifted to
//! scale 2s (and, for LSTM's peepholes, `P ⊙ C`) — rounded once: error
//! ≤ 2^-(s+1) against the stored operands. Activations are the default ones
//! only (Sigmoid, Tanh), with the fixed-point functions of section 4.

use super::{optional, required, Inputs};
use crate::arith::Arith;
use crate::error::KernelError;
use crate::value::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Forward,
    Reverse,
    Bidirectional,
}

impl Direction {
    pub fn count(self) -> usize {
        if self == Direction::Bidirectional {
            2
        } else {
            1
        }
    }

    /// Whether direction index `d` runs from the last time step to the first.
    pub fn reversed(self, d: usize) -> bool {
        self == Direction::Reverse || (self == Direction::Bidirectional && d == 1)
    }
}

/// The attributes every recurrent operator shares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Recurrent {
    pub hidden: usize,
    pub direction: Direction,
    /// 0: `X [seq, batch, input]`, `Y [seq, dirs, batch, hidden]`, states
    /// `[dirs, batch, hidden]`; 1: batch first (`[batch, seq, ..]`,
    /// `[batch, dirs, hidden]`).
    pub batch_first: bool,
}

/// The inputs of one run, checked against each other.
pub(crate) struct Cells<'a, E> {
    pub seq: usize,
    pub batch: usize,
    pub input: usize,
    pub dirs: usize,
    pub hidden: usize,
    pub gates: usize,
    pub spec: Recurrent,
    x: &'a [E],
    w: &'a [E],
    r: &'a [E],
    b: Option<&'a [E]>,
    initial_h: Option<&'a [E]>,
}

fn real<'a, E: Copy>(
    v: &'a Value<E>,
    index: usize,
    name: &'static str,
    shape: &[usize],
) -> Result<&'a [E], KernelError> {
    let t = v.as_real(index, name)?;
    if t.shape() != shape {
        return Err(KernelError::shape(format!("{name} must have shape {shape:?}, got {:?}", t.shape())));
    }
    Ok(t.data())
}

impl<'a, E: Copy> Cells<'a, E> {
    /// Reads `X` (0), `W` (1), `R` (2), `B` (3), `sequence_lens` (4) and
    /// `initial_h` (5) for an operator with `gates` gates.
    pub fn read<A: Arith<Elem = E>>(
        spec: Recurrent,
        gates: usize,
        inputs: &Inputs<'a, E>,
    ) -> Result<Self, KernelError> {
        let xv = required(inputs, 0, "X")?;
        let xs = xv.shape();
        let [a, b, input] = xs else {
            return Err(KernelError::shape(format!("X must have rank 3, got shape {xs:?}")));
        };
        let (seq, batch) = if spec.batch_first { (*b, *a) } else { (*a, *b) };
        let (dirs, hidden) = (spec.direction.count(), spec.hidden);
        let x = real(xv, 0, "X", xs)?;
        let w = real(required(inputs, 1, "W")?, 1, "W", &[dirs, gates * hidden, *input])?;
        let r = real(required(inputs, 2, "R")?, 2, "R", &[dirs, gates * hidden, hidden])?;
        let b = optional(inputs, 3).map(|v| real(v, 3, "B", &[dirs, 2 * gates * hidden])).transpose()?;
        if let Some(lens) = optional(inputs, 4) {
            let Value::Int(t, _) = lens else {
                return Err(KernelError::shape("sequence_lens must be an int32 tensor"));
            };
            if t.shape() != [batch] {
                return Err(KernelError::shape(format!(
                    "sequence_lens must have shape [{batch}], got {:?}",
                    t.shape()
                )));
            }
            // Shape inference holds placeholders; a real run checks the values.
            if !A::SHAPE_ONLY && t.data().iter().any(|&l| l != seq as i64) {
                return Err(KernelError::invalid(
                    "sequence_lens",
                    format!("sequences shorter than the input's {seq} steps are not supported"),
                ));
            }
        }
        let state = if spec.batch_first { [batch, dirs, hidden] } else { [dirs, batch, hidden] };
        let initial_h = optional(inputs, 5).map(|v| real(v, 5, "initial_h", &state)).transpose()?;
        Ok(Cells { seq, batch, input: *input, dirs, hidden, gates, spec, x, w, r, b, initial_h })
    }

    /// The input vector of batch entry `b` at time `t`.
    pub fn x(&self, t: usize, b: usize) -> &'a [E] {
        let row = if self.spec.batch_first { b * self.seq + t } else { t * self.batch + b };
        &self.x[row * self.input..(row + 1) * self.input]
    }

    /// The time step of the `step`-th iteration of direction `d`.
    pub fn time(&self, d: usize, step: usize) -> usize {
        if self.spec.direction.reversed(d) {
            self.seq - 1 - step
        } else {
            step
        }
    }

    /// Index of `Y[t, d, b, 0]` (or its batch-first equivalent).
    pub fn y_index(&self, t: usize, d: usize, b: usize) -> usize {
        let row = if self.spec.batch_first {
            (b * self.seq + t) * self.dirs + d
        } else {
            (t * self.dirs + d) * self.batch + b
        };
        row * self.hidden
    }

    /// Index of a state's `[d, b, 0]` (or `[b, d, 0]` batch first).
    pub fn state_index(&self, d: usize, b: usize) -> usize {
        let row = if self.spec.batch_first { b * self.dirs + d } else { d * self.batch + b };
        row * self.hidden
    }

    pub fn y_shape(&self) -> Vec<usize> {
        if self.spec.batch_first {
            vec![self.batch, self.seq, self.dirs, self.hidden]
        } else {
            vec![self.seq, self.dirs, self.batch, self.hidden]
        }
    }

    pub fn state_shape(&self) -> Vec<usize> {
        if self.spec.batch_first {
            vec![self.batch, self.dirs, self.hidden]
        } else {
            vec![self.dirs, self.batch, self.hidden]
        }
    }

    /// The operator's outputs: `Y`, then each final state (`Y_h`, and LSTM's
    /// `Y_c`), in X's float type.
    pub fn outputs(
        &self,
        dtype: crate::dtype::DType,
        y: Vec<E>,
        states: Vec<Vec<E>>,
    ) -> Result<Vec<Value<E>>, KernelError> {
        let mut out = vec![Value::Real(crate::tensor::Tensor::new(self.y_shape(), y)?, dtype)];
        for state in states {
            out.push(Value::Real(crate::tensor::Tensor::new(self.state_shape(), state)?, dtype));
        }
        Ok(out)
    }

    /// `initial_h` of direction `d`, batch entry `b` (zeros when absent).
    pub fn initial_h(&self, d: usize, b: usize, zero: E) -> Vec<E> {
        let at = self.state_index(d, b);
        self.initial_h.map_or_else(|| vec![zero; self.hidden], |h| h[at..at + self.hidden].to_vec())
    }

    /// The exact sum of gate `g`'s pre-activation for unit `u` of direction
    /// `d` (`(d, g, u)`): `x · W_row + h · R_row + Wb + Rb`, unrounded (`h` may be `None` to
    /// leave out the recurrent part, `biases` selects which biases to add).
    pub fn gate_acc<A: Arith<Elem = E>>(
        &self,
        ar: &A,
        (d, g, u): (usize, usize, usize),
        x: &[E],
        h: Option<&[E]>,
        biases: Biases,
    ) -> A::Acc {
        let row = d * self.gates * self.hidden + g * self.hidden + u;
        let mut acc = ar.acc_zero();
        let w = &self.w[row * self.input..(row + 1) * self.input];
        for (&a, &b) in x.iter().zip(w) {
            ar.acc_mac(&mut acc, a, b);
        }
        if let Some(h) = h {
            let r = &self.r[row * self.hidden..(row + 1) * self.hidden];
            for (&a, &b) in h.iter().zip(r) {
                ar.acc_mac(&mut acc, a, b);
            }
        }
        if let Some(b) = self.b {
            let wb = b[d * 2 * self.gates * self.hidden + g * self.hidden + u];
            let rb = b[d * 2 * self.gates * self.hidden + (self.gates + g) * self.hidden + u];
            ar.acc_add_bias(&mut acc, wb);
            if biases == Biases::Both {
                ar.acc_add_bias(&mut acc, rb);
            }
        }
        acc
    }

    /// The exact sum `h · R_row + Rb` of gate `g` (GRU's linear-before-reset part).
    pub fn recurrent_acc<A: Arith<Elem = E>>(&self, ar: &A, d: usize, g: usize, u: usize, h: &[E]) -> A::Acc {
        let row = d * self.gates * self.hidden + g * self.hidden + u;
        let mut acc = ar.acc_zero();
        let r = &self.r[row * self.hidden..(row + 1) * self.hidden];
        for (&a, &b) in h.iter().zip(r) {
            ar.acc_mac(&mut acc, a, b);
        }
        if let Some(b) = self.b {
            ar.acc_add_bias(&mut acc, b[d * 2 * self.gates * self.hidden + (self.gates + g) * self.hidden + u]);
        }
        acc
    }
}

/// Which of a gate's two biases (`Wb`, `Rb`) a sum includes: both, or the
/// input one only (GRU's linear-before-reset gate adds `Rb` to its recurrent part).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Biases {
    Both,
    Input,
}
