//! Import of `ai.onnx.ml.LabelEncoder` with numeric keys and values:
//! `keys_int64s`/`keys_floats`, `values_int64s`/`values_floats`,
//! `default_int64` (-1) / `default_float` (-0.0), or (opset 4) `keys_tensor`,
//! `values_tensor`, `default_tensor`. String keys or values are not supported.

use cairn_runtime::ops::label_encoder::{LabelEncoder, Numbers};
use cairn_runtime::{Arith, FixedArith};

use super::attrs::{Attrs, ImportResult};
use super::ml::Consts;
use super::CodegenResult;
use crate::codegen::{NodeCode, NodeGen};

/// Ints or reals from `<stem>_int64s` / `<stem>_floats` / `<stem>_tensor`.
fn numbers(a: &Attrs, stem: &str) -> Result<Option<Numbers>, String> {
    if a.strings_opt(&format!("{stem}_strings"))?.is_some() {
        return Err(format!("string {stem} are not supported"));
    }
    let ints = a.ints_opt(&format!("{stem}_int64s"))?;
    let floats = a.reals_opt(&format!("{stem}_floats"))?;
    let tensor_name = format!("{stem}_tensor");
    let tensor = match a.tensor_opt(&tensor_name)? {
        None => None,
        Some(t) => match super::attrs::literal(t, &tensor_name)?.data {
            cairn_runtime::LiteralData::Int(v) => Some(Numbers::Ints(v)),
            cairn_runtime::LiteralData::Real(v) => Some(Numbers::Reals(v)),
        },
    };
    match (ints, floats, tensor) {
        (Some(v), None, None) => Ok(Some(Numbers::Ints(v))),
        (None, Some(v), None) => Ok(Some(Numbers::Reals(v))),
        (None, None, Some(t)) => Ok(Some(t)),
        (None, None, None) => Ok(None),
        _ => Err(format!("more than one kind of {stem} is given")),
    }
}

pub fn import(a: &Attrs) -> ImportResult {
    if a.opset < 2 {
        return Err("LabelEncoder of ai.onnx.ml opset 1 maps strings, which cairn does not support".into());
    }
    let keys = numbers(a, "keys")?.ok_or("no keys")?;
    let values = numbers(a, "values")?.ok_or("no values")?;
    if a.strings_opt("default_string")?.is_some() || a.string_opt("default_string")?.is_some() {
        return Err("string defaults are not supported".into());
    }
    let default = match (
        &values,
        a.int_opt("default_int64")?,
        a.float_opt("default_float")?,
        a.tensor_reals_opt("default_tensor")?,
    ) {
        (Numbers::Ints(_), i, None, t) => {
            Numbers::Ints(vec![t.and_then(|t| t.first().map(|&v| v as i64)).or(i).unwrap_or(-1)])
        }
        (Numbers::Reals(_), None, f, t) => {
            Numbers::Reals(vec![t.and_then(|t| t.first().copied()).or(f).unwrap_or(0.0)])
        }
        _ => return Err("the default is not of the values' kind".into()),
    };
    if keys.len() != values.len() {
        return Err(format!("{} keys for {} values", keys.len(), values.len()));
    }
    Ok(Box::new(LabelEncoder { keys, values, default }))
}

/// Emits `cairn::ops::label_encoder::label_encoder` with the keys a stored
/// value can equal and their values, in the domains of input and output.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &LabelEncoder = n.kernel()?;
    let x = n.input(0)?;
    let fx = FixedArith::new(n.scale);
    let err = |e: cairn_runtime::ArithError| e.to_string();
    let values: Vec<i64> = match &k.values {
        Numbers::Ints(v) => v.clone(),
        Numbers::Reals(v) => v.iter().map(|&r| fx.from_f64(r)).collect::<Result<_, _>>().map_err(err)?,
    };
    let default = match &k.default {
        Numbers::Ints(v) => v.first().copied().unwrap_or(-1),
        Numbers::Reals(v) => fx.from_f64(v.first().copied().unwrap_or(0.0)).map_err(err)?,
    };
    // Keep (key, value) pairs whose key can match; order preserved (first match wins).
    let pairs: Vec<(i64, i64)> = match &k.keys {
        Numbers::Ints(keys) => keys.iter().copied().zip(values.iter().copied()).collect(),
        Numbers::Reals(keys) => keys
            .iter()
            .zip(&values)
            .filter_map(|(&key, &v)| {
                let (lo, hi) = fx.bracket(key);
                (lo == hi).then_some((lo, v))
            })
            .collect(),
    };
    let mut c = Consts::new(n);
    let keys = c.felts("keys", &pairs.iter().map(|p| p.0).collect::<Vec<_>>());
    let vals = c.felts("values", &pairs.iter().map(|p| p.1).collect::<Vec<_>>());
    Ok(NodeCode {
        items: c.items,
        body: format!("cairn::ops::label_encoder::label_encoder({}, {keys}, {vals}, {default})", x.expr),
    })
}
