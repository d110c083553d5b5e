//! `Tile` — repeats the input `repeats[i]` times along each axis i (`repeats`
//! an int64 input with one non-negative entry per axis) (opsets 6, 13).
//!
//! Exact (data movement). The code generator needs `repeats` as a constant.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Tile.html>

use super::{int_list, required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::KernelError;
use crate::shape::{checked_numel, strides, to_dims, unravel};
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Tile;

impl Kernel for Tile {
    fn run<A: Arith>(&self, _ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let x = required(inputs, 0, "input")?;
        let repeats = int_list(inputs, 1, "repeats")?.ok_or(KernelError::MissingInput { index: 1, name: "repeats" })?;
        let repeats = to_dims(&repeats, "Tile repeats")?;
        let dims = x.shape();
        if repeats.len() != dims.len() {
            return Err(KernelError::invalid(
                "repeats",
                format!("needs one entry per axis of the input {dims:?}, got {repeats:?}"),
            ));
        }
        let out: Vec<usize> = dims
            .iter()
            .zip(&repeats)
            .map(|(&d, &r)| d.checked_mul(r).ok_or_else(|| KernelError::shape("Tile output too large")))
            .collect::<Result<_, _>>()?;
        let n = checked_numel(&out)?;
        let st = strides(dims);
        let mut idx = vec![0; out.len()];
        let map: Vec<usize> = (0..n)
            .map(|o| {
                unravel(o, &out, &mut idx);
                idx.iter().zip(dims).zip(&st).map(|((&i, &d), &s)| (i % d) * s).sum()
            })
            .collect();
        Ok(vec![x.take(out, &map)?])
    }
}
