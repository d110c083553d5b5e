//! Shared machinery of the comparison and logical operators (Equal, Less,
//! LessOrEqual, Greater, GreaterOrEqual, And, Or, Xor, Not): numpy
//! broadcasting of two inputs into a `bool` tensor.
//!
//! A bool tensor is an integer tensor of dtype [`DType::Bool`] holding 0 or 1,
//! as `Cast(to = BOOL)` produces. Comparisons of reals compare the stored
//! fixed-point values exactly, so they differ from a float runtime only for
//! inputs within quantization error of each other; comparisons of integers
//! are exact.

use std::cmp::Ordering;

use super::elementwise::zip_broadcast;
use super::{required, Inputs};
use crate::arith::Arith;
use crate::dtype::DType;
use crate::error::KernelError;
use crate::tensor::Tensor;
use crate::value::Value;

/// Which orderings of `(a, b)` make a comparison true.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Comparison {
    Equal,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

impl Comparison {
    /// `None` (unordered: a float NaN) is false for every comparison.
    pub fn holds(self, ord: Option<Ordering>) -> bool {
        let Some(o) = ord else { return false };
        match self {
            Comparison::Equal => o == Ordering::Equal,
            Comparison::Less => o == Ordering::Less,
            Comparison::LessOrEqual => o != Ordering::Greater,
            Comparison::Greater => o == Ordering::Greater,
            Comparison::GreaterOrEqual => o != Ordering::Less,
        }
    }
}

/// A bool tensor.
pub fn bool_value<E>(t: Tensor<i64>) -> Value<E> {
    Value::Int(t, DType::Bool)
}

/// `A <cmp> B` element-wise with broadcasting: two reals or two integer
/// tensors (of any integer type, bool included).
pub fn compare<A: Arith>(cmp: Comparison, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
    let (a, b) = (required(inputs, 0, "A")?, required(inputs, 1, "B")?);
    let t = match (a, b) {
        (Value::Real(x, _), Value::Real(y, _)) => {
            zip_broadcast(x, y, |p, q| Ok(i64::from(cmp.holds(p.partial_cmp(&q)))))?
        }
        (Value::Int(x, _), Value::Int(y, _)) => {
            zip_broadcast(x, y, |p, q| Ok(i64::from(cmp.holds(p.partial_cmp(&q)))))?
        }
        _ => {
            return Err(KernelError::InputType {
                index: 1,
                name: "B",
                expected: "the same element type as input A",
                actual: format!("{} with A {}", b.describe(), a.describe()),
            })
        }
    };
    Ok(vec![bool_value(t)])
}

/// Input `index` as a bool tensor, or an error naming it.
pub fn bool_input<'a, E: Copy>(
    inputs: &Inputs<'a, E>,
    index: usize,
    name: &'static str,
) -> Result<&'a Tensor<i64>, KernelError> {
    match required(inputs, index, name)? {
        Value::Int(t, DType::Bool) => Ok(t),
        v => Err(KernelError::InputType { index, name, expected: "a bool tensor", actual: v.describe() }),
    }
}

/// `f(A, B)` on two bool tensors with broadcasting (And, Or, Xor).
pub fn logical<E: Copy>(inputs: &Inputs<'_, E>, f: fn(bool, bool) -> bool) -> Result<Vec<Value<E>>, KernelError> {
    let (a, b) = (bool_input(inputs, 0, "A")?, bool_input(inputs, 1, "B")?);
    Ok(vec![bool_value(zip_broadcast(a, b, |p, q| Ok(i64::from(f(p != 0, q != 0))))?)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arith::FixedArith;

    fn real(shape: Vec<usize>, data: Vec<i64>) -> Value<i64> {
        Value::Real(Tensor::new(shape, data).unwrap(), DType::F32)
    }

    fn bools(shape: Vec<usize>, data: Vec<i64>) -> Value<i64> {
        Value::Int(Tensor::new(shape, data).unwrap(), DType::Bool)
    }

    #[test]
    fn comparisons_of_stored_values_broadcast() {
        let a = real(vec![2, 2], vec![-3, 0, 5, 7]);
        let b = real(vec![2], vec![0, 5]);
        let want = |c, v: Vec<i64>| {
            let got = compare::<FixedArith>(c, &[Some(&a), Some(&b)]).unwrap();
            assert_eq!(got, vec![bools(vec![2, 2], v)], "{c:?}");
        };
        want(Comparison::Equal, vec![0, 0, 0, 0]);
        want(Comparison::Less, vec![1, 1, 0, 0]);
        want(Comparison::LessOrEqual, vec![1, 1, 0, 0]);
        want(Comparison::Greater, vec![0, 0, 1, 1]);
        want(Comparison::GreaterOrEqual, vec![0, 0, 1, 1]);
        let same = compare::<FixedArith>(Comparison::GreaterOrEqual, &[Some(&a), Some(&a)]).unwrap();
        assert_eq!(same, vec![bools(vec![2, 2], vec![1; 4])]);
    }

    #[test]
    fn mixed_kinds_and_non_bool_logic_are_errors() {
        let r = real(vec![1], vec![1]);
        let i: Value<i64> = Value::Int(Tensor::new(vec![1], vec![1]).unwrap(), DType::I64);
        assert!(compare::<FixedArith>(Comparison::Equal, &[Some(&r), Some(&i)]).is_err());
        assert!(logical(&[Some(&i), Some(&i)], |p, q| p && q).is_err());
    }

    #[test]
    fn logic_broadcasts_bools() {
        let a = bools(vec![2, 2], vec![0, 1, 0, 1]);
        let b = bools(vec![2, 1], vec![0, 1]);
        let and = logical(&[Some(&a), Some(&b)], |p, q| p && q).unwrap();
        assert_eq!(and, vec![bools(vec![2, 2], vec![0, 0, 0, 1])]);
    }
}
