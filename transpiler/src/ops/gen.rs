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
