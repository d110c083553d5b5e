//! Graph outputs in a form users read: real values, and for fixed point the raw
//! integers they come from.

use cairn_runtime::{DType, Scale, Value};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutputTensor {
    pub name: String,
    pub dtype: String,
    pub shape: Vec<usize>,
    /// Real values (integers for int outputs).
    pub values: Vec<f64>,
    /// The raw fixed-point integers `q` of a real output (`value = q / 2^scale`);
    /// the integers themselves for an int output.
    pub raw: Vec<i64>,
}

fn dtype_name(d: DType) -> String {
    d.name().to_string()
}

fn int_output(name: &str, t: &cairn_runtime::Tensor<i64>, dt: DType) -> OutputTensor {
    OutputTensor {
        name: name.to_string(),
        dtype: dtype_name(dt),
        shape: t.shape().to_vec(),
        values: t.data().iter().map(|&x| x as f64).collect(),
        raw: t.data().to_vec(),
    }
}

/// Outputs of a fixed-point evaluation.
pub fn fixed_outputs(names: &[String], values: &[Value<i64>], scale: Scale) -> Vec<OutputTensor> {
    names
        .iter()
        .zip(values)
        .map(|(name, v)| match v {
            Value::Real(t, dt) => OutputTensor {
                name: name.clone(),
                dtype: dtype_name(*dt),
                shape: t.shape().to_vec(),
                values: t.data().iter().map(|&q| cairn_runtime::fixed::dequantize(q, scale)).collect(),
                raw: t.data().to_vec(),
            },
            Value::Int(t, dt) => int_output(name, t, *dt),
        })
        .collect()
}

/// Outputs of an f32 evaluation (`raw` is empty for real outputs).
pub fn float_outputs(names: &[String], values: &[Value<f32>]) -> Vec<OutputTensor> {
    names
        .iter()
        .zip(values)
        .map(|(name, v)| match v {
            Value::Real(t, dt) => OutputTensor {
                name: name.clone(),
                dtype: dtype_name(*dt),
                shape: t.shape().to_vec(),
                values: t.data().iter().map(|&x| x as f64).collect(),
                raw: Vec::new(),
            },
            Value::Int(t, dt) => int_output(name, t, *dt),
        })
        .collect()
}

/// Index of the largest value of each row (last axis) of an output.
pub fn row_argmax(o: &OutputTensor) -> Vec<usize> {
    let row = o.shape.last().copied().unwrap_or(1).max(1);
    o.values
        .chunks(row)
        .map(|r| {
            let mut best = 0;
            for (i, &v) in r.iter().enumerate() {
                if v > r[best] {
                    best = i;
                }
            }
            best
        })
        .collect()
}
