//! Tensors handed to Python: plain tuples that `cairn._types.Tensor` turns
//! into numpy arrays (the native module does not link numpy).

use cairn::OutputTensor;

/// `(name, dtype, shape, values, raw)`: real values (`raw / 2^scale` for a
/// real tensor), and the raw fixed-point integers they come from (the
/// integers themselves for an integer tensor), both flat in C order.
pub type PyTensor = (String, String, Vec<usize>, Vec<f64>, Vec<i64>);

pub fn tensor(t: OutputTensor) -> PyTensor {
    (t.name, t.dtype, t.shape, t.values, t.raw)
}

pub fn tensors(ts: Vec<OutputTensor>) -> Vec<PyTensor> {
    ts.into_iter().map(tensor).collect()
}
