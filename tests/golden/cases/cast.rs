use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

// ONNX element type codes
const FLOAT: i64 = 1;
const UINT8: i64 = 2;
const INT8: i64 = 3;
const INT16: i64 = 5;
const INT32: i64 = 6;
const INT64: i64 = 7;
const BOOL: i64 = 9;
const FLOAT16: i64 = 10;
const DOUBLE: i64 = 11;
const UINT32: i64 = 12;
const UINT64: i64 = 13;

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize], range: f64| Input::Real { shape: shape.to_vec(), range };
    let vals = |v: &[f64]| Input::RealValues { shape: vec![v.len()], values: v.to_vec() };
    let int = |dtype: DType, v: &[i64]| Input::Int { shape: vec![v.len()], dtype, values: v.to_vec() };
    let ulp = 1.0 / 65536.0;
    vec![
        // real -> real keeps the stored value
        Case::new("cast_float_to_float16", "Cast", vec![r(&[2, 3], 8.0)]).int("to", FLOAT16),
        Case::new("cast_float_to_double", "Cast", vec![r(&[4], 8.0)]).int("to", DOUBLE),
        // real -> int truncates towards zero
        Case::new(
            "cast_float_to_int32",
            "Cast",
            vec![vals(&[2.75, -2.75, 0.5, -0.5, ulp, -ulp, 3.0, -3.0, 1.0e9, -2147483648.0])],
        )
        .int("to", INT32),
        Case::new("cast_float_to_int64_random", "Cast", vec![r(&[3, 4], 100.0)]).int("to", INT64),
        Case::new("cast_float_to_int64_extremes", "Cast", vec![vals(&[-140737488355328.0, 140737488355327.5])])
            .int("to", INT64),
        Case::new("cast_float_to_int8_overflow", "Cast", vec![vals(&[1.0, 128.5])]).int("to", INT8),
        Case::new("cast_float_to_int8_edges", "Cast", vec![vals(&[127.9, -128.9, -0.9])]).int("to", INT8),
        Case::new("cast_float_to_uint8_negative", "Cast", vec![vals(&[-1.5])]).int("to", UINT8),
        Case::new("cast_float_to_uint8", "Cast", vec![vals(&[-0.75, 255.5, 17.2])]).int("to", UINT8),
        Case::new("cast_float_to_int32_scale_32", "Cast", vec![r(&[6], 1000.0)]).int("to", INT32).scale(32),
        // -> bool
        Case::new("cast_float_to_bool", "Cast", vec![vals(&[0.0, ulp, -ulp, 2.5, -0.0])]).int("to", BOOL),
        Case::new("cast_int_to_bool", "Cast", vec![int(DType::I32, &[0, 1, -1, 7])]).int("to", BOOL),
        // int -> real: x * 2^s
        Case::new("cast_int32_to_float", "Cast", vec![int(DType::I32, &[0, 1, -1, 12345, -2147483648])])
            .int("to", FLOAT),
        Case::new("cast_int64_to_float_overflow", "Cast", vec![int(DType::I64, &[1, 1 << 47])]).int("to", FLOAT),
        Case::new("cast_int64_to_float_min", "Cast", vec![int(DType::I64, &[-(1 << 47), (1 << 47) - 1])])
            .int("to", FLOAT),
        Case::new("cast_bool_to_float", "Cast", vec![int(DType::Bool, &[0, 1, 1])]).int("to", FLOAT),
        Case::new("cast_uint8_to_double_scale_8", "Cast", vec![int(DType::U8, &[0, 255, 128])])
            .int("to", DOUBLE)
            .scale(8),
        // int -> int: range-checked, no wrap
        Case::new("cast_int64_to_int16", "Cast", vec![int(DType::I64, &[-32768, 32767, 0, -5])]).int("to", INT16),
        Case::new("cast_int64_to_int16_overflow", "Cast", vec![int(DType::I64, &[32768])]).int("to", INT16),
        Case::new("cast_int32_to_uint32_negative", "Cast", vec![int(DType::I32, &[5, -1])]).int("to", UINT32),
        Case::new("cast_int8_to_int64", "Cast", vec![int(DType::I8, &[-128, 127, 0])]).int("to", INT64),
        Case::new("cast_int64_to_uint64", "Cast", vec![int(DType::I64, &[0, 9223372036854775807])]).int("to", UINT64),
        Case::new("cast_int64_to_uint64_negative", "Cast", vec![int(DType::I64, &[-1])]).int("to", UINT64),
        Case::new("cast_opset_6", "Cast", vec![vals(&[1.5, -1.5])]).int("to", INT32).opset(6),
    ]
}
