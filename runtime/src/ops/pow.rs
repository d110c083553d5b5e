//! `Pow` — `x^y` with numpy broadcasting (opsets 7, 12, 13, 15; from 12 the
//! exponent may have another type than the base; the output has the base's type).
//!
//! Fixed point, per element (`FixedArith::pow`): an integral exponent `n` (an
//! integer tensor, or a real one that is a whole number) multiplies by squaring
//! with one rounding per product (`n = 0` gives 1, `n < 0` is `1 / x^|n|` with
//! Div's rounding); `y = 1/2` is Sqrt (to nearest); any other `y` is
//! `e^(y ln x)` for `x > 0` from the integer logarithm and exponential, relative
//! error ≤ 4.1e-10 + |y|·1.1e-12 before the final rounding. A negative base with
//! a non-integral exponent is a domain error (NaN in ONNX), `0^y` with `y < 0` a
//! division by zero. Integer bases: exact powers within the type; a real
//! exponent must then be integral.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Pow.html>

use super::elementwise::zip_broadcast;
use super::{required, Inputs, Kernel};
use crate::arith::{Arith, IntArith};
use crate::error::{ArithError, KernelError};
use crate::value::Value;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Pow;

impl Kernel for Pow {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let (x, y) = (required(inputs, 0, "X")?, required(inputs, 1, "Y")?);
        let shape_only = A::SHAPE_ONLY;
        Ok(vec![match (x, y) {
            (Value::Real(a, dt), Value::Real(b, _)) => Value::Real(zip_broadcast(a, b, |p, q| ar.pow(p, q))?, *dt),
            (Value::Real(a, dt), Value::Int(b, _)) => {
                // zip_broadcast pairs elements of one type: carry both in a tuple.
                let (aa, bb) = (a.map(|&v| (v, 0i64)), b.map(|&n| (ar.zero(), n)));
                Value::Real(zip_broadcast(&aa, &bb, |(v, _), (_, n)| ar.pow_int(v, n))?, *dt)
            }
            (Value::Int(a, dt), Value::Int(b, _)) => {
                let ia = IntArith::new(*dt);
                Value::Int(zip_broadcast(a, b, |p, q| if shape_only { Ok(0) } else { ia.pow_int(p, q) })?, *dt)
            }
            (Value::Int(a, dt), Value::Real(b, _)) => {
                let ia = IntArith::new(*dt);
                let exps = b.try_map(|&q| integral(ar, q))?;
                Value::Int(zip_broadcast(a, &exps, |p, n| if shape_only { Ok(0) } else { ia.pow_int(p, n) })?, *dt)
            }
        }])
    }
}

/// A real exponent of an integer base must be a whole number.
fn integral<A: Arith>(ar: &A, q: A::Elem) -> Result<i64, ArithError> {
    let n = ar.to_int_trunc(q)?;
    if A::SHAPE_ONLY || ar.from_int(n)? == q {
        Ok(n)
    } else {
        Err(ArithError::Domain { operation: "Pow (an integer base to a non-integral power)", value: n as f64 })
    }
}
