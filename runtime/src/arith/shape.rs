//! The shape-only domain: elements are `()`, so evaluating a graph in it
//! computes every tensor's shape and dtype (and the values of integer tensors,
//! which shapes depend on) without allocating real data. This is cairn's
//! shape inference, and it cannot disagree with the kernels because it *is*
//! the kernels.

use super::{Arith, Func};
use crate::error::ArithError;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ShapeArith;

impl Arith for ShapeArith {
    type Elem = ();
    type Acc = ();

    const SHAPE_ONLY: bool = true;

    fn name(&self) -> String {
        "shape inference".into()
    }

    fn zero(&self) {}

    fn from_f64(&self, _: f64) -> Result<(), ArithError> {
        Ok(())
    }

    fn bracket(&self, _: f64) -> ((), ()) {
        ((), ())
    }

    fn from_int(&self, _: i64) -> Result<(), ArithError> {
        Ok(())
    }

    fn to_int_trunc(&self, _: ()) -> Result<i64, ArithError> {
        Ok(0)
    }

    fn add(&self, _: (), _: ()) -> Result<(), ArithError> {
        Ok(())
    }

    fn sub(&self, _: (), _: ()) -> Result<(), ArithError> {
        Ok(())
    }

    fn mul(&self, _: (), _: ()) -> Result<(), ArithError> {
        Ok(())
    }

    fn div(&self, _: (), _: ()) -> Result<(), ArithError> {
        Ok(())
    }

    fn acc_zero(&self) {}

    fn acc_mac(&self, _: &mut (), _: (), _: ()) {}

    fn acc_add_bias(&self, _: &mut (), _: ()) {}

    fn acc_finish_dot(&self, _: ()) -> Result<(), ArithError> {
        Ok(())
    }

    fn acc_add(&self, _: &mut (), _: ()) {}

    fn acc_finish_sum(&self, _: ()) -> Result<(), ArithError> {
        Ok(())
    }

    fn acc_finish_mean(&self, _: (), _: usize) -> Result<(), ArithError> {
        Ok(())
    }

    fn acc_finish_norm(&self, _: ()) -> Result<(), ArithError> {
        Ok(())
    }

    fn exp(&self, _: ()) -> Result<(), ArithError> {
        Ok(())
    }

    fn sigmoid(&self, _: ()) -> Result<(), ArithError> {
        Ok(())
    }

    fn tanh(&self, _: ()) -> Result<(), ArithError> {
        Ok(())
    }

    fn sqrt(&self, _: ()) -> Result<(), ArithError> {
        Ok(())
    }

    fn softmax(&self, xs: &[()], out: &mut Vec<()>) -> Result<(), ArithError> {
        out.extend(xs.iter().copied());
        Ok(())
    }

    fn func(&self, _: Func<()>, _: ()) -> Result<(), ArithError> {
        Ok(())
    }

    fn pow(&self, _: (), _: ()) -> Result<(), ArithError> {
        Ok(())
    }

    fn pow_int(&self, _: (), _: i64) -> Result<(), ArithError> {
        Ok(())
    }

    fn modulo(&self, _: (), _: (), _: bool) -> Result<(), ArithError> {
        Ok(())
    }

    fn log_softmax(&self, xs: &[()], out: &mut Vec<()>) -> Result<(), ArithError> {
        out.extend(xs.iter().copied());
        Ok(())
    }

    /// The logarithm of an empty sum (-inf) is refused here already, so such
    /// a model never reaches code generation.
    fn log_sum_exp(&self, xs: &[()]) -> Result<(), ArithError> {
        if xs.is_empty() {
            return Err(ArithError::Domain { operation: "ReduceLogSumExp", value: 0.0 });
        }
        Ok(())
    }
}
