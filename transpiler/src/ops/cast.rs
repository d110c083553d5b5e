//! Import of ONNX `Cast`: `to` (required); `saturate` only affects float8
//! targets, which cairn refuses, and `round_mode` only float8/4 ones.

use cairn_runtime::ops::cast::Cast;

use super::attrs::{dtype, Attrs, ImportResult};
use super::{not_yet, CodegenResult};
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    a.ignore("saturate");
    a.ignore("round_mode");
    let to = a.int_opt("to")?.ok_or("attribute 'to' is required")?;
    Ok(Box::new(Cast { to: dtype(to, "target type")? }))
}

pub fn codegen(n: &NodeGen) -> CodegenResult {
    not_yet(n)
}
