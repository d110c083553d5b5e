use cairn_runtime::{DType, Literal, LiteralData};
use cairn_transpiler::ir::{AttrValue, TensorContent, TensorData};

use crate::golden::case::{Case, Input};

fn value(dtype: DType, data: LiteralData) -> AttrValue {
    AttrValue::Tensor(TensorData {
        name: "value".into(),
        elem_type: dtype.onnx_code(),
        dims: vec![1],
        content: TensorContent::Literal(Literal { dtype, shape: vec![1], data }),
    })
}

pub fn cases() -> Vec<Case> {
    let shape = |v: &[i64]| Input::ConstInt { shape: vec![v.len()], values: v.to_vec() };
    vec![
        Case::new("constant_of_shape_default_zeros", "ConstantOfShape", vec![shape(&[2, 3])]),
        Case::new("constant_of_shape_float", "ConstantOfShape", vec![shape(&[4, 3, 2])])
            .attr("value", value(DType::F32, LiteralData::Real(vec![1.5]))),
        // quantized half away from zero like every constant
        Case::new("constant_of_shape_float_rounding", "ConstantOfShape", vec![shape(&[3])])
            .attr("value", value(DType::F32, LiteralData::Real(vec![-1.0 / 131072.0]))),
        Case::new("constant_of_shape_int32", "ConstantOfShape", vec![shape(&[2, 2])])
            .attr("value", value(DType::I32, LiteralData::Int(vec![-7]))),
        Case::new("constant_of_shape_zero_size", "ConstantOfShape", vec![shape(&[0])])
            .attr("value", value(DType::I64, LiteralData::Int(vec![1]))),
        Case::new("constant_of_shape_scalar", "ConstantOfShape", vec![shape(&[])])
            .attr("value", value(DType::F32, LiteralData::Real(vec![2.0]))),
        Case::new("constant_of_shape_opset_9", "ConstantOfShape", vec![shape(&[2])]).opset(9),
    ]
}
