//! Import of `ai.onnx.ml.OneHotEncoder`: `cats_int64s` (numeric categories;
//! `cats_strings` is not supported), `zeros` (default 1).

use cairn_runtime::ops::one_hot_encoder::OneHotEncoder;

use super::attrs::{Attrs, ImportResult};
use super::ml::Consts;
use super::CodegenResult;
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    if a.strings_opt("cats_strings")?.is_some_and(|v| !v.is_empty()) {
        return Err("string categories (cats_strings) are not supported".into());
    }
    let categories = a.ints_opt("cats_int64s")?.filter(|v| !v.is_empty()).ok_or("no categories (cats_int64s)")?;
    let mut sorted = categories.clone();
    sorted.sort_unstable();
    sorted.dedup();
    if sorted.len() != categories.len() {
        return Err("cats_int64s lists a category twice".into());
    }
    Ok(Box::new(OneHotEncoder { categories, zeros: a.flag("zeros", true)? }))
}

/// Emits `cairn::ops::one_hot_encoder::one_hot_encoder`.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &OneHotEncoder = n.kernel()?;
    let x = n.input(0)?;
    let mut c = Consts::new(n);
    let cats = c.felts("cats", &k.categories);
    Ok(NodeCode {
        items: c.items,
        body: format!(
            "cairn::ops::one_hot_encoder::one_hot_encoder(sc, {}, {}, {cats}, {})",
            x.expr,
            !x.dtype.is_real(),
            k.zeros
        ),
    })
}
