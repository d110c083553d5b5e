//! Helpers shared by the operators' code generators.

use super::CodegenResult;
use crate::codegen::emit::{arith, shape_lit};
use crate::codegen::{NodeCode, NodeGen};

/// `cairn::ops::<stem>::<stem>(ar, a, a_shape, b, b_shape, out_shape)` for the
/// broadcasting element-wise binaries.
pub fn binary_call(n: &NodeGen, stem: &str) -> CodegenResult {
    let (a, b, y) = (n.input(0)?, n.input(1)?, n.output(0)?);
    Ok(NodeCode::expr(format!(
        "cairn::ops::{stem}::{stem}({}, {}, {}, {}, {}, {})",
        arith(a.dtype),
        a.expr,
        shape_lit(&a.shape),
        b.expr,
        shape_lit(&b.shape),
        shape_lit(&y.shape)
    )))
}

/// Operators that only change the shape: the data passes through unchanged.
pub fn passthrough(n: &NodeGen) -> CodegenResult {
    Ok(NodeCode::expr(n.input(0)?.expr.clone()))
}

/// Real attributes quantized at the model scale exactly as the kernels do
/// (`Arith::from_f64`), as Cairo literals; `None` when one cannot be: the
/// reference then fails on every input, and the generated body panics.
pub fn quantized_attrs(n: &NodeGen, values: &[f64]) -> Option<Vec<String>> {
    use cairn_runtime::{Arith, FixedArith};
    let fx = FixedArith::new(n.scale);
    values.iter().map(|&v| fx.from_f64(v).ok().map(|q| q.to_string())).collect()
}

/// `cairn::ops::<stem>::<stem>(sc, x, <quantized attributes>)` for a real
/// element-wise operator with real attributes.
pub fn real_unary_with_attrs(n: &NodeGen, stem: &str, attrs: &[f64]) -> CodegenResult {
    let x = n.input(0)?;
    if !x.dtype.is_real() {
        return Err(format!("{} of an integer tensor", n.op_type));
    }
    Ok(NodeCode::expr(match quantized_attrs(n, attrs) {
        Some(q) => format!("cairn::ops::{stem}::{stem}(sc, {}, {})", x.expr, q.join(", ")),
        // a short string holds at most 31 characters: the node's function names the op
        None => "core::panic_with_felt252('attribute out of range')".to_string(),
    }))
}

/// `cairn::ops::<stem>::<stem>(ar, array![x0, x1, ..].span(), array![shape0, ..].span(), out_shape)`
/// for the variadic element-wise operators (Sum, Max, Min, Mean).
pub fn variadic_call(n: &NodeGen, stem: &str) -> CodegenResult {
    let y = n.output(0)?;
    let mut xs = Vec::new();
    let mut shapes = Vec::new();
    for i in 0..n.inputs.len() {
        let x = n.input(i)?;
        xs.push(x.expr.clone());
        shapes.push(shape_lit(&x.shape));
    }
    let x0 = n.input(0)?;
    Ok(NodeCode::expr(format!(
        "cairn::ops::{stem}::{stem}({}, array![{}].span(), array![{}].span(), {})",
        arith(x0.dtype),
        xs.join(", "),
        shapes.join(", "),
        shape_lit(&y.shape)
    )))
}

/// The body returning the used outputs of a call that returns a tuple of all
/// of them (`names`, in order): unused ones are bound to `_name`.
pub fn select_outputs(n: &NodeGen, names: &[&str], call: &str) -> String {
    let used: Vec<bool> = (0..names.len()).map(|i| n.outputs.get(i).is_some_and(|o| o.is_some())).collect();
    let pattern: Vec<String> =
        names.iter().zip(&used).map(|(name, &u)| if u { name.to_string() } else { format!("_{name}") }).collect();
    let results: Vec<&str> = names.iter().zip(&used).filter(|(_, &u)| u).map(|(name, _)| *name).collect();
    let result = match results.as_slice() {
        [] => "array![].span()".to_string(),
        [one] => one.to_string(),
        many => format!("({})", many.join(", ")),
    };
    format!("let ({}) = {call};\n{result}", pattern.join(", "))
}

/// `cairn::ops::<stem>::<stem>(a, a_shape, b, b_shape, out_shape)` for the
/// broadcasting comparisons and logical operators (no number domain: they
/// compare stored values).
pub fn predicate_call(n: &NodeGen, stem: &str) -> CodegenResult {
    let (a, b, y) = (n.input(0)?, n.input(1)?, n.output(0)?);
    Ok(NodeCode::expr(format!(
        "cairn::ops::{stem}::{stem}({}, {}, {}, {}, {})",
        a.expr,
        shape_lit(&a.shape),
        b.expr,
        shape_lit(&b.shape),
        shape_lit(&y.shape)
    )))
}
