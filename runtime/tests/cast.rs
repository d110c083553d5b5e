//! Cast has no representable ONNX node test (all of them include NaN/Inf), so
//! its rules (docs/fixed-point.md, Cast) are checked here directly.

use cairn_runtime::ops::cast::Cast;
use cairn_runtime::{DType, FixedArith, FloatArith, Kernel, KernelError, Scale, Tensor, Value};

fn fx() -> FixedArith {
    FixedArith::new(Scale::new(16).unwrap())
}

fn real(values: &[f64]) -> Value<i64> {
    let q = values.iter().map(|v| (v * 65536.0).round() as i64).collect();
    Value::Real(Tensor::new(vec![values.len()], q).unwrap(), DType::F32)
}

fn int(values: &[i64], dtype: DType) -> Value<i64> {
    Value::Int(Tensor::new(vec![values.len()], values.to_vec()).unwrap(), dtype)
}

fn cast(to: DType, x: &Value<i64>) -> Result<Value<i64>, KernelError> {
    Cast { to }.run(&fx(), &[Some(x)]).map(|mut v| v.remove(0))
}

#[test]
fn float_to_int_truncates_towards_zero() {
    let out = cast(DType::I32, &real(&[2.75, -2.75, 0.5, -0.5, 7.0])).unwrap();
    assert_eq!(out, int(&[2, -2, 0, 0, 7], DType::I32));
    // same rule in the f32 domain
    let x = Value::Real(Tensor::new(vec![2], vec![2.75f32, -2.75]).unwrap(), DType::F32);
    let y = Cast { to: DType::I64 }.run(&FloatArith, &[Some(&x)]).unwrap();
    assert_eq!(y[0], Value::Int(Tensor::new(vec![2], vec![2, -2]).unwrap(), DType::I64));
}

#[test]
fn float_to_int_out_of_range_is_an_error() {
    assert!(cast(DType::U8, &real(&[256.0])).is_err());
    assert!(cast(DType::U8, &real(&[-1.0])).is_err());
    assert!(cast(DType::I8, &real(&[127.9])).is_ok());
}

#[test]
fn int_to_float_is_exact_and_checked() {
    assert_eq!(cast(DType::F32, &int(&[3, -4], DType::I64)).unwrap(), real(&[3.0, -4.0]));
    assert!(cast(DType::F32, &int(&[1 << 48], DType::I64)).is_err(), "2^48 exceeds ±2^47 at scale 16");
}

#[test]
fn int_to_int_never_wraps() {
    assert_eq!(cast(DType::I8, &int(&[-128, 127], DType::I64)).unwrap(), int(&[-128, 127], DType::I8));
    assert!(cast(DType::I8, &int(&[128], DType::I64)).is_err());
    assert!(cast(DType::U16, &int(&[-1], DType::I32)).is_err());
}

#[test]
fn to_bool_maps_nonzero_to_one() {
    assert_eq!(cast(DType::Bool, &real(&[0.0, -0.25, 3.0])).unwrap(), int(&[0, 1, 1], DType::Bool));
    assert_eq!(cast(DType::Bool, &int(&[0, -5, 2], DType::I64)).unwrap(), int(&[0, 1, 1], DType::Bool));
}

#[test]
fn float_to_float_keeps_the_value_and_changes_the_type() {
    let out = cast(DType::F16, &real(&[0.1, -3.5])).unwrap();
    match (&out, &real(&[0.1, -3.5])) {
        (Value::Real(a, dt), Value::Real(b, _)) => {
            assert_eq!(a, b);
            assert_eq!(*dt, DType::F16);
        }
        _ => panic!("expected a real tensor, got {out:?}"),
    }
}
