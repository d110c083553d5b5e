//! Shared machinery of element-wise operators: broadcasting, and dispatching a
//! scalar function to the real domain or to exact integers by the tensor's kind.

use super::{required, Inputs};
use crate::arith::{Arith, Func, IntArith};
use crate::dtype::DType;
use crate::error::{at, ArithError, KernelError};
use crate::shape::{broadcast_map, broadcast_shapes};
use crate::tensor::Tensor;
use crate::value::Value;

/// A scalar function of two elements, generic over the domain.
pub trait BinaryFn {
    const NAME: &'static str;
    fn apply<B: Arith>(&self, ar: &B, a: B::Elem, b: B::Elem) -> Result<B::Elem, ArithError>;
}

/// A scalar function of one element, generic over the domain.
pub trait UnaryFn {
    const NAME: &'static str;
    fn apply<B: Arith>(&self, ar: &B, x: B::Elem) -> Result<B::Elem, ArithError>;
}

/// `f(a, b)` with numpy broadcasting.
pub fn zip_broadcast<T: Copy, U>(
    a: &Tensor<T>,
    b: &Tensor<T>,
    mut f: impl FnMut(T, T) -> Result<U, ArithError>,
) -> Result<Tensor<U>, KernelError> {
    if a.shape() == b.shape() {
        let data = a
            .data()
            .iter()
            .zip(b.data())
            .enumerate()
            .map(|(i, (&x, &y))| f(x, y).map_err(at(i)))
            .collect::<Result<Vec<_>, _>>()?;
        return Tensor::new(a.shape().to_vec(), data);
    }
    let shape = broadcast_shapes(a.shape(), b.shape())?;
    let ma = broadcast_map(a.shape(), &shape)?;
    let mb = broadcast_map(b.shape(), &shape)?;
    let data = ma
        .iter()
        .zip(&mb)
        .enumerate()
        .map(|(i, (&ia, &ib))| f(a.data()[ia], b.data()[ib]).map_err(at(i)))
        .collect::<Result<Vec<_>, _>>()?;
    Tensor::new(shape, data)
}

/// Applies `op` element-wise to two values of the same kind.
pub fn binary<A: Arith, O: BinaryFn>(
    ar: &A,
    op: &O,
    a: &Value<A::Elem>,
    b: &Value<A::Elem>,
) -> Result<Value<A::Elem>, KernelError> {
    match (a, b) {
        (Value::Real(x, dt), Value::Real(y, _)) => {
            Ok(Value::Real(zip_broadcast(x, y, |p, q| op.apply(ar, p, q))?, *dt))
        }
        (Value::Int(x, dt), Value::Int(y, _)) => {
            let ia = IntArith::new(*dt);
            if A::SHAPE_ONLY {
                return Ok(Value::Int(zip_broadcast(x, y, |p, q| Ok(op.apply(&ia, p, q).unwrap_or(0)))?, *dt));
            }
            Ok(Value::Int(zip_broadcast(x, y, |p, q| op.apply(&ia, p, q))?, *dt))
        }
        _ => Err(KernelError::InputType {
            index: 1,
            name: "B",
            expected: "the same element type as input A",
            actual: format!("{} with A {}", b.describe(), a.describe()),
        }),
    }
}

/// Applies `op` element-wise.
pub fn unary<A: Arith, O: UnaryFn>(ar: &A, op: &O, x: &Value<A::Elem>) -> Result<Value<A::Elem>, KernelError> {
    match x {
        Value::Real(t, dt) => Ok(Value::Real(t.try_map(|&v| op.apply(ar, v))?, *dt)),
        Value::Int(t, dt) => {
            let ia = IntArith::new(*dt);
            if A::SHAPE_ONLY {
                return Ok(Value::Int(t.map(|&v| op.apply(&ia, v).unwrap_or(0)), *dt));
            }
            Ok(Value::Int(t.try_map(|&v| op.apply(&ia, v))?, *dt))
        }
    }
}

/// Applies `ar.func(f, ·)` element-wise to a real tensor; integer tensors take
/// `int_f` (the integer form of the same function) or are refused when it is `None`.
pub fn func<A: Arith>(
    ar: &A,
    f: Func<A::Elem>,
    int_f: Option<Func<i64>>,
    x: &Value<A::Elem>,
) -> Result<Value<A::Elem>, KernelError> {
    match x {
        Value::Real(t, dt) => Ok(Value::Real(t.try_map(|&v| ar.func(f, v))?, *dt)),
        Value::Int(t, dt) => {
            let Some(g) = int_f else {
                return Err(ArithError::UnsupportedType { operation: f.name(), dtype: dt.name() }.into());
            };
            let ia = IntArith::new(*dt);
            if A::SHAPE_ONLY {
                return Ok(Value::Int(t.map(|&v| ia.func(g, v).unwrap_or(0)), *dt));
            }
            Ok(Value::Int(t.try_map(|&v| ia.func(g, v))?, *dt))
        }
    }
}

/// `f` over the elements of several same-kind tensors broadcast together
/// (Sum, Max, Min, Mean): `f` gets one element of each input per output.
pub fn variadic_broadcast<T: Copy, U>(
    xs: &[&Tensor<T>],
    mut f: impl FnMut(&[T]) -> Result<U, ArithError>,
) -> Result<Tensor<U>, KernelError> {
    let mut shape: Vec<usize> = Vec::new();
    for x in xs {
        shape = broadcast_shapes(&shape, x.shape())?;
    }
    let maps = xs.iter().map(|x| broadcast_map(x.shape(), &shape)).collect::<Result<Vec<_>, _>>()?;
    let n: usize = shape.iter().product();
    let mut args = Vec::with_capacity(xs.len());
    let mut data = Vec::with_capacity(n);
    for i in 0..n {
        args.clear();
        args.extend(xs.iter().zip(&maps).map(|(x, m)| x.data()[m[i]]));
        data.push(f(&args).map_err(at(i))?);
    }
    Tensor::new(shape, data)
}

/// The inputs of a variadic operator, all real or all integer of one type.
pub enum Variadic<'a, E> {
    Real(Vec<&'a Tensor<E>>, DType),
    Int(Vec<&'a Tensor<i64>>, DType),
}

/// Collects every input (at least one, none omitted) of a variadic operator.
pub fn variadic_inputs<'a, E: Copy>(inputs: &Inputs<'a, E>) -> Result<Variadic<'a, E>, KernelError> {
    let first = required(inputs, 0, "data_0")?;
    let dt = first.dtype();
    let mut reals = Vec::new();
    let mut ints = Vec::new();
    for (index, v) in inputs.iter().enumerate() {
        let v = v.ok_or(KernelError::MissingInput { index, name: "data_i" })?;
        if v.dtype() != dt {
            return Err(KernelError::InputType {
                index,
                name: "data_i",
                expected: "the element type of the first input",
                actual: v.describe(),
            });
        }
        match v {
            Value::Real(t, _) => reals.push(t),
            Value::Int(t, _) => ints.push(t),
        }
    }
    Ok(if dt.is_real() { Variadic::Real(reals, dt) } else { Variadic::Int(ints, dt) })
}
