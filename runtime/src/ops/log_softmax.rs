//! `LogSoftmax` — `x - max - ln Σ exp(x - max)` along `axis`, with Softmax's
//! attributes (2-D coercion before opset 13; opsets 1, 11, 13).
//!
//! Fixed point: `fixed::ln::log_softmax` — the exponentials at scale 2^-62
//! (`exp_neg_q62`), their sum's logarithm by the integer `ln` at scale 2^-62,
//! one rounding half up per output: error ≤ 2^-(s+1) + 2e-13 + n·2^-62·… ≤
//! 2^-(s+1) + 3.5e-10 for a slice of n ≤ 2^20 elements (each exponential's
//! relative error 1.7e-10 moves the logarithm by as much).
//! Spec: <https://onnx.ai/onnx/operators/onnx__LogSoftmax.html>

use super::softmax::Softmax;
use super::{Inputs, Kernel};
use crate::arith::Arith;
use crate::error::KernelError;
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct LogSoftmax(pub Softmax);

impl Kernel for LogSoftmax {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        self.0.along_axis(ar, inputs, |xs, out| ar.log_softmax(xs, out))
    }
}
