//! `Cast` — converts between the float and integer types real exports use
//! (opsets 6, 9, 13, 19, 21, 23, 24, 25).
//!
//! * float → float: the fixed-point value is unchanged (a float16 or bfloat16
//!   target keeps cairn's precision rather than the narrower type's);
//! * float → int: truncation towards zero, as the ONNX reference does; a value
//!   outside the target type is an error (ONNX leaves it undefined);
//! * int → float: exact, an overflow error past ±2^63 ulps;
//! * int → int: exact, an error outside the target type (no silent wrap);
//! * → bool: non-zero becomes 1.
//!
//! Strings and 8/4/2-bit float or int types are not representable and are
//! refused when the model is imported.
//! Spec: <https://onnx.ai/onnx/operators/onnx__Cast.html>

use super::{required, Inputs, Kernel};
use crate::arith::{Arith, IntArith};
use crate::dtype::DType;
use crate::error::KernelError;
use crate::value::Value;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cast {
    pub to: DType,
}

impl Kernel for Cast {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let x = required(inputs, 0, "input")?;
        let to = self.to;
        let target = IntArith::new(to);
        Ok(vec![match (x, to.is_real()) {
            (Value::Real(t, _), true) => Value::Real(t.clone(), to),
            (Value::Real(t, _), false) if to == DType::Bool => {
                let zero = ar.zero();
                Value::Int(t.map(|&v| i64::from(v != zero)), to)
            }
            (Value::Real(t, _), false) => {
                Value::Int(t.try_map(|&v| ar.to_int_trunc(v).and_then(|i| target.from_int(i)))?, to)
            }
            (Value::Int(t, _), true) => Value::Real(t.try_map(|&v| ar.from_int(v))?, to),
            (Value::Int(t, _), false) if to == DType::Bool => Value::Int(t.map(|&v| i64::from(v != 0)), to),
            (Value::Int(t, _), false) => Value::Int(t.try_map(|&v| target.from_int(v))?, to),
        }])
    }
}
