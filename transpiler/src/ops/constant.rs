//! Import of ONNX `Constant`: exactly one of `value` (a tensor), `value_float`,
//! `value_floats`, `value_int`, `value_ints`; string and sparse forms are refused.

use cairn_runtime::ops::constant::Constant;
use cairn_runtime::{DType, Literal, LiteralData};

use super::attrs::{literal, Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    let mut found = Vec::new();
    if let Some(t) = a.tensor_opt("value")? {
        found.push(literal(t, "attribute 'value'")?);
    }
    if let Some(v) = a.float_opt("value_float")? {
        found.push(Literal { dtype: DType::F32, shape: vec![], data: LiteralData::Real(vec![v]) });
    }
    if let Some(v) = a.floats_opt("value_floats")? {
        found.push(Literal {
            dtype: DType::F32,
            shape: vec![v.len()],
            data: LiteralData::Real(v.iter().map(|&x| x as f64).collect()),
        });
    }
    if let Some(v) = a.int_opt("value_int")? {
        found.push(Literal { dtype: DType::I64, shape: vec![], data: LiteralData::Int(vec![v]) });
    }
    if let Some(v) = a.ints_opt("value_ints")? {
        found.push(Literal { dtype: DType::I64, shape: vec![v.len()], data: LiteralData::Int(v) });
    }
    for unsupported in ["value_string", "value_strings", "sparse_value"] {
        if a.node().attributes.iter().any(|x| x.name == unsupported) {
            a.ignore(unsupported);
            return Err(format!("attribute '{unsupported}' is not supported (no string or sparse constants)"));
        }
    }
    match found.len() {
        1 => Ok(Box::new(Constant { value: found.remove(0) })),
        0 => Err("no value attribute".into()),
        _ => Err("more than one value attribute".into()),
    }
}

/// Emits the value, quantized by the reference's own conversion, as a module
/// constant returned through `cairn::ops::constant::constant`. (The framework
/// folds Constant nodes at transpile time, so this only runs if it stops doing so.)
pub fn codegen(n: &NodeGen) -> CodegenResult {
    use crate::codegen::emit::{const_array, ident, value_data};
    use cairn_runtime::FixedArith;
    let k: &Constant = n.kernel()?;
    let v = k.value.to_value(&FixedArith::new(n.scale)).map_err(|e| e.to_string())?;
    let name = format!("CONSTANT_{}", ident(n.name).to_uppercase());
    Ok(crate::codegen::NodeCode {
        items: vec![const_array(&name, value_data(&v))],
        body: format!("cairn::ops::constant::constant({name}.span())"),
    })
}
