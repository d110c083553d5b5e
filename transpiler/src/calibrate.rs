//! Choosing the scale of a model from sample inputs, and measuring the error
//! to expect at that scale.
//!
//! The chosen scale is the largest `s ≤ MAX_SCALE` at which every sample runs
//! with every intermediate value inside `±2^(63 - headroom)`: the headroom
//! (default 4 bits, i.e. inputs up to 16× larger than the samples) keeps unseen
//! inputs from overflowing. The report then compares fixed-point outputs at
//! that scale with the f32 evaluation of the same graph.

use cairn_runtime::fixed::{MAX_SCALE, VALUE_BITS};
use cairn_runtime::{ArithError, FixedArith, FloatArith, KernelError, Scale};
use serde::Serialize;
use thiserror::Error;

use crate::eval::EvalError;
use crate::inputs::{BoundSample, InputError};
use crate::network::Network;
use crate::outputs::{fixed_outputs, float_outputs, row_argmax};

pub const DEFAULT_HEADROOM_BITS: u32 = 4;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CalibrationReport {
    pub scale: u32,
    pub headroom_bits: u32,
    pub samples: usize,
    /// Largest |fixed − float| over every real output element of every sample.
    pub max_abs_error: f64,
    pub mean_abs_error: f64,
    /// Rows (last axis of each real output) whose argmax agrees with float.
    pub argmax_agree: usize,
    pub argmax_rows: usize,
    /// Larger scales that were tried and overflowed, with the first error;
    /// serialized as `[{"scale", "error"}]`.
    #[serde(serialize_with = "scale_errors")]
    pub rejected: Vec<(u32, String)>,
}

fn scale_errors<S: serde::Serializer>(v: &[(u32, String)], s: S) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Rejected<'a> {
        scale: u32,
        error: &'a str,
    }
    s.collect_seq(v.iter().map(|(scale, error)| Rejected { scale: *scale, error }))
}

#[derive(Debug, Error)]
pub enum CalibrateError {
    #[error("calibration needs at least one sample input")]
    NoSamples,
    #[error("no scale between 1 and {MAX_SCALE} fraction bits runs the samples without overflow (with {headroom} bits of headroom); at scale 1: {last}")]
    NoScale { headroom: u32, last: String },
    #[error("sample {sample}: {error}")]
    Input { sample: usize, error: InputError },
    #[error("sample {sample}: {error}")]
    Eval { sample: usize, error: EvalError },
}

fn is_overflow(e: &KernelError) -> bool {
    matches!(
        e,
        KernelError::Arith(ArithError::Overflow { .. })
            | KernelError::ArithAt { arith: ArithError::Overflow { .. }, .. }
    )
}

enum Attempt {
    Fits,
    Overflows(String),
}

fn attempt(net: &Network, fx: &FixedArith, samples: &[BoundSample]) -> Result<Attempt, CalibrateError> {
    for (i, s) in samples.iter().enumerate() {
        let inputs = match net.input_values(fx, s) {
            Ok(v) => v,
            Err(InputError::Quantize { error: ArithError::Overflow { .. }, name, index }) => {
                return Ok(Attempt::Overflows(format!("sample {i}: input '{name}' element {index} overflows")))
            }
            Err(e) => return Err(CalibrateError::Input { sample: i, error: e }),
        };
        match net.evaluate(fx, inputs) {
            Ok(_) => {}
            Err(e @ (EvalError::Node { .. } | EvalError::Constant { .. })) => {
                let overflow = match &e {
                    EvalError::Node { error, .. } | EvalError::Constant { error, .. } => is_overflow(error),
                    _ => false,
                };
                if overflow {
                    return Ok(Attempt::Overflows(format!("sample {i}: {e}")));
                }
                return Err(CalibrateError::Eval { sample: i, error: e });
            }
            Err(e) => return Err(CalibrateError::Eval { sample: i, error: e }),
        }
    }
    Ok(Attempt::Fits)
}

/// Picks the scale (see the module docs) and reports the expected error.
pub fn calibrate(
    net: &Network,
    samples: &[BoundSample],
    headroom_bits: u32,
) -> Result<CalibrationReport, CalibrateError> {
    if samples.is_empty() {
        return Err(CalibrateError::NoSamples);
    }
    let bits = VALUE_BITS.saturating_sub(headroom_bits);
    let mut rejected = Vec::new();
    let mut chosen = None;
    for s in (1..=MAX_SCALE).rev() {
        let scale = Scale::new(s).expect("within range");
        match attempt(net, &FixedArith::with_value_bits(scale, bits), samples)? {
            Attempt::Fits => {
                chosen = Some(scale);
                break;
            }
            Attempt::Overflows(why) => rejected.push((s, why)),
        }
    }
    let Some(scale) = chosen else {
        let last = rejected.last().map(|r| r.1.clone()).unwrap_or_default();
        return Err(CalibrateError::NoScale { headroom: headroom_bits, last });
    };
    let report = measure_error(net, scale, samples)?;
    Ok(CalibrationReport { headroom_bits, rejected, ..report })
}

/// Compares fixed point at `scale` with f32 on the samples.
pub fn measure_error(
    net: &Network,
    scale: Scale,
    samples: &[BoundSample],
) -> Result<CalibrationReport, CalibrateError> {
    let fx = FixedArith::new(scale);
    let names: Vec<String> = net.outputs.iter().map(|o| o.name.clone()).collect();
    let (mut max_err, mut sum_err, mut count) = (0f64, 0f64, 0usize);
    let (mut agree, mut rows) = (0, 0);
    for (i, s) in samples.iter().enumerate() {
        let input_err = |error| CalibrateError::Input { sample: i, error };
        let eval_err = |error| CalibrateError::Eval { sample: i, error };
        let fixed = net.evaluate(&fx, net.input_values(&fx, s).map_err(input_err)?).map_err(eval_err)?;
        let float =
            net.evaluate(&FloatArith, net.input_values(&FloatArith, s).map_err(input_err)?).map_err(eval_err)?;
        let fixed = fixed_outputs(&names, &fixed, scale);
        let float = float_outputs(&names, &float);
        for (a, b) in fixed.iter().zip(&float) {
            if a.raw.len() == a.values.len() && !b.raw.is_empty() {
                continue; // integer output: compared exactly elsewhere
            }
            for (x, y) in a.values.iter().zip(&b.values) {
                let e = (x - y).abs();
                max_err = max_err.max(e);
                sum_err += e;
                count += 1;
            }
            let (ra, rb) = (row_argmax(a), row_argmax(b));
            rows += ra.len();
            agree += ra.iter().zip(&rb).filter(|(p, q)| p == q).count();
        }
    }
    Ok(CalibrationReport {
        scale: scale.bits(),
        headroom_bits: 0,
        samples: samples.len(),
        max_abs_error: max_err,
        mean_abs_error: if count > 0 { sum_err / count as f64 } else { 0.0 },
        argmax_agree: agree,
        argmax_rows: rows,
        rejected: Vec::new(),
    })
}
