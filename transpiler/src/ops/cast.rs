//! Import of ONNX `Cast`: `to` (required); `saturate` only affects float8
//! targets, which cairn refuses, and `round_mode` only float8/4 ones.

use cairn_runtime::ops::cast::Cast;

use super::attrs::{dtype, Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    a.ignore("saturate");
    a.ignore("round_mode");
    let to = a.int_opt("to")?.ok_or("attribute 'to' is required")?;
    Ok(Box::new(Cast { to: dtype(to, "target type")? }))
}

/// Emits the conversion of `cairn::ops::cast` for the source and target kinds:
/// real -> real passes the stored values through; -> bool, real -> int,
/// int -> real and int -> int call `to_bool`, `real_to_int`, `int_to_real`,
/// `int_to_int` with the target type's range.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    use cairn_runtime::DType;
    let k: &Cast = n.kernel()?;
    let x = n.input(0)?;
    let range = || {
        let (lo, hi) = k.to.int_range();
        format!("cairn::arith::int_range({lo}, {hi})")
    };
    let body = match (x.dtype.is_real(), k.to.is_real()) {
        (true, true) => x.expr.clone(),
        (_, false) if k.to == DType::Bool => format!("cairn::ops::cast::to_bool({})", x.expr),
        (true, false) => format!("cairn::ops::cast::real_to_int(sc, {}, {})", x.expr, range()),
        (false, true) => format!("cairn::ops::cast::int_to_real(sc, {})", x.expr),
        (false, false) => format!("cairn::ops::cast::int_to_int({}, {})", x.expr, range()),
    };
    Ok(crate::codegen::NodeCode::expr(body))
}
