//! `ai.onnx.ml.FeatureVectorizer` — concatenates its inputs' features: input
//! `i` (`[N, C_i]`, or `[N]` as one column) is cut or zero-padded to
//! `inputdimensions[i]` columns. Integers become reals exactly; the output is
//! float `[N, Σ inputdimensions]`. Exact.
//! Spec: <https://onnx.ai/onnx/operators/onnx_aionnxml_FeatureVectorizer.html>

use super::{Inputs, Kernel};
use crate::arith::Arith;
use crate::error::KernelError;
use crate::value::Value;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeatureVectorizer {
    pub input_dimensions: Vec<usize>,
}

impl Kernel for FeatureVectorizer {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        if inputs.len() != self.input_dimensions.len() {
            return Err(KernelError::invalid(
                "inputdimensions",
                format!("{} dimensions for {} inputs", self.input_dimensions.len(), inputs.len()),
            ));
        }
        let mut parts = Vec::with_capacity(inputs.len());
        let mut rows = None;
        for i in 0..inputs.len() {
            let v = super::required(inputs, i, "X")?;
            let (n, c) = match v.shape() {
                [n] => (*n, 1),
                [n, c] => (*n, *c),
                other => {
                    return Err(KernelError::shape(format!("input #{i} has shape {other:?}; needs [N] or [N, C]")))
                }
            };
            if *rows.get_or_insert(n) != n {
                return Err(KernelError::shape(format!("input #{i} has {n} rows, input #0 has {rows:?}")));
            }
            let data: Vec<A::Elem> = match v {
                Value::Real(t, _) => t.data().to_vec(),
                Value::Int(t, _) => t.data().iter().map(|&x| ar.from_int(x)).collect::<Result<_, _>>()?,
            };
            parts.push((c, data));
        }
        let n = rows.unwrap_or(0);
        let width: usize = self.input_dimensions.iter().sum();
        let mut out = Vec::with_capacity(n * width);
        for r in 0..n {
            for ((c, data), &d) in parts.iter().zip(&self.input_dimensions) {
                for j in 0..d {
                    out.push(if j < *c { data[r * c + j] } else { ar.zero() });
                }
            }
        }
        Ok(vec![super::ml::real_matrix(n, width, out)?])
    }
}
