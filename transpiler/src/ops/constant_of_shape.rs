//! Import of ONNX `ConstantOfShape`: `value`, a one-element tensor (default
//! float32 0).

use cairn_runtime::ops::constant_of_shape::ConstantOfShape;
use cairn_runtime::{DType, Literal, LiteralData};

use super::attrs::{literal, Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    let value = match a.tensor_opt("value")? {
        Some(t) => literal(t, "attribute 'value'")?,
        None => Literal { dtype: DType::F32, shape: vec![1], data: LiteralData::Real(vec![0.0]) },
    };
    if value.shape.iter().product::<usize>() != 1 {
        return Err(format!("attribute 'value' must hold one element, got shape {:?}", value.shape));
    }
    Ok(Box::new(ConstantOfShape { value }))
}

/// Emits `cairn::ops::constant_of_shape::constant_of_shape` with the value
/// quantized by the reference's own conversion. The shape must be a constant;
/// the framework then folds the node, so this only runs if it stops doing so.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    use cairn_runtime::FixedArith;
    let k: &ConstantOfShape = n.kernel()?;
    n.constant_ints(0, "shape")?;
    let v = k.value.to_value(&FixedArith::new(n.scale)).map_err(|e| e.to_string())?;
    let q = crate::codegen::emit::value_data(&v)[0];
    Ok(NodeCode::expr(format!("cairn::ops::constant_of_shape::constant_of_shape({q}, {})", n.output(0)?.len())))
}
