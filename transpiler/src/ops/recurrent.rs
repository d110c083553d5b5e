//! Shared by the LSTM, GRU and RNN importers and code generators: the
//! attributes they have in common and the Cairo call's common arguments.

use cairn_runtime::ops::recurrent::{Direction, Recurrent};

use super::attrs::Attrs;
use crate::codegen::NodeGen;

/// `hidden_size`, `direction`, `layout`; refuses `clip`, activation
/// parameters and any activation but the defaults (`defaults`, per direction).
pub fn import(a: &Attrs, defaults: &[&str]) -> Result<Recurrent, String> {
    let hidden = a.int_opt("hidden_size")?.ok_or("attribute 'hidden_size' is required")?;
    let hidden =
        usize::try_from(hidden).ok().filter(|&h| h > 0).ok_or(format!("hidden_size must be positive, got {hidden}"))?;
    let direction = match a.string("direction", "forward")?.as_str() {
        "forward" => Direction::Forward,
        "reverse" => Direction::Reverse,
        "bidirectional" => Direction::Bidirectional,
        other => return Err(format!("unknown direction '{other}'")),
    };
    let batch_first = match a.int("layout", 0)? {
        0 => false,
        1 => true,
        other => return Err(format!("layout must be 0 or 1, got {other}")),
    };
    if a.float_opt("clip")?.is_some() {
        return Err("cell clipping ('clip') is not supported".into());
    }
    for name in ["activation_alpha", "activation_beta"] {
        if a.floats_opt(name)?.is_some_and(|v| !v.is_empty()) {
            return Err(format!("'{name}' is not supported (only the default activations are)"));
        }
    }
    if let Some(acts) = a.strings_opt("activations")? {
        let expected: Vec<&str> = defaults.iter().copied().cycle().take(defaults.len() * direction.count()).collect();
        if acts.iter().map(String::as_str).collect::<Vec<_>>() != expected {
            return Err(format!("activations {acts:?} are not supported (only the defaults {defaults:?})"));
        }
    }
    Ok(Recurrent { hidden, direction, batch_first })
}

/// `cairn::ops::recurrent::geometry(..)` for a node's X.
pub fn geometry(n: &NodeGen, rec: &Recurrent, gates: usize) -> Result<String, String> {
    let x = n.input(0)?;
    if !x.dtype.is_real() {
        return Err(format!("{} of an integer X", n.op_type));
    }
    let [a, b, input] = x.shape[..] else {
        return Err(format!("X must have rank 3, got shape {:?}", x.shape));
    };
    let (seq, batch) = if rec.batch_first { (b, a) } else { (a, b) };
    let direction = match rec.direction {
        Direction::Forward => "FORWARD",
        Direction::Reverse => "REVERSE",
        Direction::Bidirectional => "BIDIRECTIONAL",
    };
    Ok(format!(
        "cairn::ops::recurrent::geometry({seq}, {batch}, {input}, {}, {gates}, cairn::ops::recurrent::{direction}, {})",
        rec.hidden, rec.batch_first
    ))
}

/// Input `i`'s expression, or an empty span when it is omitted.
pub fn optional(n: &NodeGen, i: usize) -> String {
    n.optional_input(i).map_or_else(|| "array![].span()".to_string(), |v| v.expr.clone())
}

/// The statement checking `sequence_lens` (input 4) in Cairo, if given.
pub fn length_check(n: &NodeGen, rec: &Recurrent) -> Result<String, String> {
    let Some(lens) = n.optional_input(4) else { return Ok(String::new()) };
    let shape = &n.input(0)?.shape;
    let seq = shape.get(usize::from(rec.batch_first)).copied().unwrap_or(0);
    Ok(format!("cairn::ops::recurrent::check_lengths({}, {seq});\n", lens.expr))
}
