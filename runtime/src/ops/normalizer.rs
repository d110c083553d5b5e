//! `ai.onnx.ml.Normalizer` — each row of `X [N, C]` divided by its norm:
//! `MAX` (largest magnitude), `L1` (sum of magnitudes) or `L2` (Euclidean).
//!
//! Fixed point: magnitudes and sums are exact; L2 is the fixed-point square
//! root of the sum of squares (rounded once as a dot product); each output is
//! one fixed-point division (rounded half up). A row whose norm is zero stays
//! zero (onnxruntime divides by max(norm, 1e-30), which gives the same zeros).
//! Spec: <https://onnx.ai/onnx/operators/onnx_aionnxml_Normalizer.html>

use super::ml::{features, real_matrix};
use super::{Inputs, Kernel};
use crate::arith::Arith;
use crate::error::{at, KernelError};
use crate::value::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Norm {
    Max,
    L1,
    L2,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Normalizer {
    pub norm: Norm,
}

impl Kernel for Normalizer {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let (n, c, x) = features(ar, inputs, 0, "X")?;
        let zero = ar.zero();
        let mut out = Vec::with_capacity(x.len());
        for r in 0..n {
            let row = &x[r * c..(r + 1) * c];
            let abs = |v: A::Elem| if v < zero { ar.sub(zero, v) } else { Ok(v) };
            let norm = match self.norm {
                Norm::Max => {
                    let mut m = zero;
                    for &v in row {
                        let a = abs(v).map_err(at(r * c))?;
                        if a > m {
                            m = a;
                        }
                    }
                    m
                }
                Norm::L1 => {
                    let mut acc = ar.acc_zero();
                    for &v in row {
                        ar.acc_add(&mut acc, abs(v).map_err(at(r * c))?);
                    }
                    ar.acc_finish_sum(acc).map_err(at(r * c))?
                }
                Norm::L2 => {
                    let mut acc = ar.acc_zero();
                    for &v in row {
                        ar.acc_mac(&mut acc, v, v);
                    }
                    ar.sqrt(ar.acc_finish_dot(acc).map_err(at(r * c))?).map_err(at(r * c))?
                }
            };
            for (j, &v) in row.iter().enumerate() {
                out.push(if norm == zero { zero } else { ar.div(v, norm).map_err(at(r * c + j))? });
            }
        }
        Ok(vec![real_matrix(n, c, out)?])
    }
}
