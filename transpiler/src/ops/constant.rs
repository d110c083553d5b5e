//! Import of ONNX `Constant`: exactly one of `value` (a tensor), `value_float`,
//! `value_floats`, `value_int`, `value_ints`; string and sparse forms are refused.

use cairn_runtime::ops::constant::Constant;
use cairn_runtime::{DType, Literal, LiteralData};

use super::attrs::{literal, Attrs, ImportResult};
use super::{not_yet, CodegenResult};
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

pub fn codegen(n: &NodeGen) -> CodegenResult {
    not_yet(n)
}
