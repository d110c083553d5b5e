//! Element types of ONNX tensors that cairn can represent.
//!
//! Every floating-point ONNX type becomes a fixed-point number at run time (the
//! dtype is kept so outputs report what the model declared). Every integer type
//! and `bool` is carried exactly as an `i64`; values outside the declared type's
//! range are an error, never a silent wrap.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DType {
    F32,
    F64,
    F16,
    BF16,
    I8,
    I16,
    I32,
    I64,
    U8,
    U16,
    U32,
    U64,
    Bool,
}

impl DType {
    /// Maps an ONNX `TensorProto.DataType` code; `None` for types cairn cannot
    /// represent (strings, complex numbers, 8-bit and 4-bit floats, 2/4-bit ints).
    pub fn from_onnx(code: i32) -> Option<DType> {
        Some(match code {
            1 => DType::F32,
            2 => DType::U8,
            3 => DType::I8,
            4 => DType::U16,
            5 => DType::I16,
            6 => DType::I32,
            7 => DType::I64,
            9 => DType::Bool,
            10 => DType::F16,
            11 => DType::F64,
            12 => DType::U32,
            13 => DType::U64,
            16 => DType::BF16,
            _ => return None,
        })
    }

    pub fn onnx_code(self) -> i32 {
        match self {
            DType::F32 => 1,
            DType::U8 => 2,
            DType::I8 => 3,
            DType::U16 => 4,
            DType::I16 => 5,
            DType::I32 => 6,
            DType::I64 => 7,
            DType::Bool => 9,
            DType::F16 => 10,
            DType::F64 => 11,
            DType::U32 => 12,
            DType::U64 => 13,
            DType::BF16 => 16,
        }
    }

    /// The name ONNX gives the type code, for messages about unsupported types.
    pub fn onnx_code_name(code: i32) -> &'static str {
        match code {
            0 => "UNDEFINED",
            1 => "FLOAT",
            2 => "UINT8",
            3 => "INT8",
            4 => "UINT16",
            5 => "INT16",
            6 => "INT32",
            7 => "INT64",
            8 => "STRING",
            9 => "BOOL",
            10 => "FLOAT16",
            11 => "DOUBLE",
            12 => "UINT32",
            13 => "UINT64",
            14 => "COMPLEX64",
            15 => "COMPLEX128",
            16 => "BFLOAT16",
            17 => "FLOAT8E4M3FN",
            18 => "FLOAT8E4M3FNUZ",
            19 => "FLOAT8E5M2",
            20 => "FLOAT8E5M2FNUZ",
            21 => "UINT4",
            22 => "INT4",
            23 => "FLOAT4E2M1",
            24 => "FLOAT8E8M0",
            25 => "UINT2",
            26 => "INT2",
            _ => "unknown",
        }
    }

    /// True for the floating-point types, which cairn evaluates in fixed point.
    pub fn is_real(self) -> bool {
        matches!(self, DType::F32 | DType::F64 | DType::F16 | DType::BF16)
    }

    /// Inclusive range of an integer type (as i128 so u64 fits). cairn stores
    /// integers as i64, so `U64` is limited to `i64::MAX`.
    pub fn int_range(self) -> (i128, i128) {
        match self {
            DType::I8 => (i8::MIN as i128, i8::MAX as i128),
            DType::I16 => (i16::MIN as i128, i16::MAX as i128),
            DType::I32 => (i32::MIN as i128, i32::MAX as i128),
            DType::U8 => (0, u8::MAX as i128),
            DType::U16 => (0, u16::MAX as i128),
            DType::U32 => (0, u32::MAX as i128),
            DType::U64 => (0, i64::MAX as i128),
            DType::Bool => (0, 1),
            DType::I64 | DType::F32 | DType::F64 | DType::F16 | DType::BF16 => (i64::MIN as i128, i64::MAX as i128),
        }
    }

    /// ONNX-style lower-case name (`float32`, `int64`, ...), as printed to users.
    pub fn name(self) -> &'static str {
        match self {
            DType::F32 => "float32",
            DType::F64 => "float64",
            DType::F16 => "float16",
            DType::BF16 => "bfloat16",
            DType::I8 => "int8",
            DType::I16 => "int16",
            DType::I32 => "int32",
            DType::I64 => "int64",
            DType::U8 => "uint8",
            DType::U16 => "uint16",
            DType::U32 => "uint32",
            DType::U64 => "uint64",
            DType::Bool => "bool",
        }
    }
}

impl fmt::Display for DType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn onnx_codes_round_trip() {
        for code in 0..30 {
            if let Some(dt) = DType::from_onnx(code) {
                assert_eq!(dt.onnx_code(), code);
                assert_ne!(DType::onnx_code_name(code), "unknown");
            }
        }
        assert_eq!(DType::from_onnx(8), None, "strings are not representable");
        assert_eq!(DType::from_onnx(17), None, "float8 is not representable");
    }

    #[test]
    fn ranges() {
        assert_eq!(DType::U8.int_range(), (0, 255));
        assert_eq!(DType::I8.int_range(), (-128, 127));
        assert!(DType::F16.is_real() && !DType::I64.is_real());
    }
}
