//! A package's I/O as felt252 cells — the Rust side of `cairo/src/io.cairo`.
//! `main` takes every input flattened (inputs in manifest order, reals
//! quantized at the package's scale) and writes `[len, outputs..., inputs...]`
//! to the output segment: the outputs, then its input echoed so that a proof
//! of the run binds the input as well as the output.

use cairn_runtime::{fixed, Arith, ArithError, FixedArith, Scale, ScaleError};
pub use starknet_types_core::felt::Felt;
use thiserror::Error;

use crate::codegen::manifest::IoSpec;
use crate::codegen::Manifest;
use crate::inputs::{BoundSample, InputData};
use crate::outputs::OutputTensor;

#[derive(Debug, Error)]
pub enum IoError {
    #[error("the package's scale is invalid")]
    Scale(#[from] ScaleError),
    #[error("{got} input tensors for the package's {want} inputs")]
    TensorCount { got: usize, want: usize },
    #[error(
        "input '{name}' has shape {got:?}, but the package was generated for {want:?}; transpile again for this shape, \
         or give the .onnx model, which gets a program per input shape (generated on demand and cached)"
    )]
    Shape { name: String, got: Vec<usize>, want: Vec<usize> },
    #[error("input '{name}' element {index}: {error}")]
    Quantize { name: String, index: usize, error: ArithError },
    #[error("the program's output segment holds {got} values, the manifest describes {want}")]
    OutputShape { got: usize, want: usize },
    #[error("output cell {index} is not a 64-bit value")]
    NotAValue { index: usize },
}

/// The flat felt252 input of `main` for a sample: reals quantized at the
/// package's scale, in manifest order.
pub fn encode_inputs(manifest: &Manifest, sample: &BoundSample) -> Result<Vec<Felt>, IoError> {
    let fx = FixedArith::new(Scale::new(manifest.scale)?);
    if sample.tensors.len() != manifest.inputs.len() {
        return Err(IoError::TensorCount { got: sample.tensors.len(), want: manifest.inputs.len() });
    }
    let mut out = Vec::new();
    for (spec, (shape, data)) in manifest.inputs.iter().zip(&sample.tensors) {
        if shape != &spec.shape {
            return Err(IoError::Shape { name: spec.name.clone(), got: shape.clone(), want: spec.shape.clone() });
        }
        match data {
            InputData::Real(v) => {
                for (index, &x) in v.iter().enumerate() {
                    let q =
                        fx.from_f64(x).map_err(|error| IoError::Quantize { name: spec.name.clone(), index, error })?;
                    out.push(felt_of(q));
                }
            }
            InputData::Int(v) => out.extend(v.iter().map(|&x| felt_of(x))),
        }
    }
    Ok(out)
}

/// A stored value as a felt: negative values are p − |v|.
pub fn felt_of(v: i64) -> Felt {
    if v < 0 {
        -Felt::from(v.unsigned_abs())
    } else {
        Felt::from(v as u64)
    }
}

/// A felt holding a stored value back to i64 (values above p/2 are negative).
pub fn i64_of(f: &Felt) -> Option<i64> {
    let half = Felt::MAX.floor_div(&Felt::TWO.try_into().ok()?);
    if *f > half {
        i64::try_from(-(-*f).to_bigint()).ok()
    } else {
        i64::try_from(f.to_bigint()).ok()
    }
}

/// A run's output segment, decoded per the manifest.
#[derive(Clone, Debug, PartialEq)]
pub struct DecodedIo {
    pub outputs: Vec<OutputTensor>,
    /// The inputs the program echoes after its outputs.
    pub inputs: Vec<OutputTensor>,
}

/// Decodes an output segment `[len, outputs..., inputs...]` (each flattened in
/// manifest order) into tensors.
pub fn decode_io(manifest: &Manifest, segment: &[Felt]) -> Result<DecodedIo, IoError> {
    let n_out: usize = manifest.outputs.iter().map(|o| o.len()).sum();
    let n_in: usize = manifest.inputs.iter().map(|i| i.len()).sum();
    let want = n_out + n_in;
    let Some((len, values)) = segment.split_first() else {
        return Err(IoError::OutputShape { got: 0, want });
    };
    if *len != Felt::from(values.len()) || values.len() != want {
        return Err(IoError::OutputShape { got: values.len(), want });
    }
    let scale = Scale::new(manifest.scale)?;
    let (outs, ins) = values.split_at(n_out);
    let tensors = |specs: &[IoSpec], mut rest: &[Felt], first: usize| -> Result<Vec<OutputTensor>, IoError> {
        let mut out = Vec::with_capacity(specs.len());
        let mut index = first;
        for spec in specs {
            let (mine, tail) = rest.split_at(spec.len());
            rest = tail;
            let raw: Vec<i64> = mine
                .iter()
                .map(|f| {
                    index += 1;
                    i64_of(f).ok_or(IoError::NotAValue { index })
                })
                .collect::<Result<_, _>>()?;
            let values = if spec.is_real() {
                raw.iter().map(|&q| fixed::dequantize(q, scale)).collect()
            } else {
                raw.iter().map(|&q| q as f64).collect()
            };
            out.push(OutputTensor {
                name: spec.name.clone(),
                dtype: spec.dtype.clone(),
                shape: spec.shape.clone(),
                values,
                raw,
            });
        }
        Ok(out)
    };
    Ok(DecodedIo { outputs: tensors(&manifest.outputs, outs, 0)?, inputs: tensors(&manifest.inputs, ins, n_out)? })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn felt_i64_round_trip() {
        for v in [0, 1, -1, i64::MAX, i64::MIN, 123456789, -987654321] {
            assert_eq!(i64_of(&felt_of(v)), Some(v));
        }
        assert_eq!(i64_of(&Felt::from(u128::MAX)), None);
    }
}
