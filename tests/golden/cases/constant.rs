//! Constant nodes have no inputs, so they are folded at transpile time: these
//! cases check that the generated program returns the reference's quantized
//! values (round half away from zero at the model scale).

use cairn_runtime::{DType, Literal, LiteralData};
use cairn_transpiler::ir::{AttrValue, TensorContent, TensorData};

use crate::golden::case::Case;

fn tensor(dtype: DType, shape: &[usize], data: LiteralData) -> AttrValue {
    AttrValue::Tensor(TensorData {
        name: "value".into(),
        elem_type: dtype.onnx_code(),
        dims: shape.iter().map(|&d| d as i64).collect(),
        content: TensorContent::Literal(Literal { dtype, shape: shape.to_vec(), data }),
    })
}

pub fn cases() -> Vec<Case> {
    let ulp = 1.0 / 65536.0;
    vec![
        Case::new("constant_tensor_float", "Constant", vec![]).attr(
            "value",
            tensor(DType::F32, &[2, 3], LiteralData::Real(vec![1.5, -2.25, 0.5 * ulp, -0.5 * ulp, 1.0e-9, -1.0e9])),
        ),
        Case::new("constant_tensor_int64", "Constant", vec![])
            .attr("value", tensor(DType::I64, &[4], LiteralData::Int(vec![0, -1, 1 << 40, i64::MIN]))),
        Case::new("constant_tensor_int8", "Constant", vec![])
            .attr("value", tensor(DType::I8, &[3], LiteralData::Int(vec![-128, 0, 127]))),
        Case::new("constant_value_float", "Constant", vec![]).float("value_float", -2.71875 - 1.0e-7),
        Case::new("constant_value_floats", "Constant", vec![])
            .attr("value_floats", AttrValue::Floats(vec![0.1, -0.2, 7.0])),
        Case::new("constant_value_int", "Constant", vec![]).int("value_int", -42),
        Case::new("constant_value_ints", "Constant", vec![]).ints("value_ints", &[3, 1, 4, 1, 5]),
        Case::new("constant_scale_32", "Constant", vec![])
            .attr("value_floats", AttrValue::Floats(vec![0.1, -0.2, 7.0]))
            .scale(32),
        Case::new("constant_opset_9", "Constant", vec![])
            .attr("value", tensor(DType::F32, &[2], LiteralData::Real(vec![0.75, -0.75])))
            .opset(9),
    ]
}
