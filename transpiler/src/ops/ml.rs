//! Shared by the ai.onnx.ml importers and code generators: the attributes
//! every classifier and regressor has, and the Cairo constants they emit.

use cairn_runtime::ops::ml::PostTransform;
use cairn_runtime::ops::zip_map::ClassLabels;
use cairn_runtime::{Arith, FixedArith, Scale};

use super::attrs::Attrs;
use crate::codegen::emit::{const_array, ident};
use crate::codegen::{NodeGen, ValueGen};

/// `post_transform` (default NONE).
pub fn post_transform(a: &Attrs) -> Result<PostTransform, String> {
    parse_post_transform(&a.string("post_transform", "NONE")?)
}

pub fn parse_post_transform(name: &str) -> Result<PostTransform, String> {
    Ok(match name {
        "NONE" => PostTransform::None,
        "LOGISTIC" => PostTransform::Logistic,
        "SOFTMAX" => PostTransform::Softmax,
        "SOFTMAX_ZERO" => PostTransform::SoftmaxZero,
        "PROBIT" => PostTransform::Probit,
        other => return Err(format!("unknown post_transform '{other}'")),
    })
}

/// Class labels from `<ints>` or `<strings>` (exactly one of them).
pub fn class_labels(a: &Attrs, ints: &str, strings: &str) -> Result<ClassLabels, String> {
    match (a.ints_opt(ints)?, a.strings_opt(strings)?) {
        (Some(v), None) if !v.is_empty() => Ok(ClassLabels::Ints(v)),
        (None, Some(v)) if !v.is_empty() => Ok(ClassLabels::Strings(v)),
        (Some(_), Some(_)) => Err(format!("both '{ints}' and '{strings}' are given")),
        _ => Err(format!("no class labels ('{ints}' or '{strings}')")),
    }
}

/// What a classifier reports as its label — the int labels, or the indices of
/// the string labels — and the string labels (empty for ints; the manifest
/// lists them).
pub fn label_values(labels: &ClassLabels) -> (Vec<i64>, Vec<String>) {
    match labels {
        ClassLabels::Ints(v) => (v.clone(), Vec::new()),
        ClassLabels::Strings(v) => ((0..v.len() as i64).collect(), v.clone()),
    }
}

/// A required list of reals.
pub fn reals(a: &Attrs, name: &str) -> Result<Vec<f64>, String> {
    a.reals_or_tensor(name)?.ok_or_else(|| format!("attribute '{name}' is required"))
}

/// The Cairo value of a post-transform: one type per kind
/// (`cairn::ops::ml::PostTransform`), so that the program compiles only the
/// transform it uses; SOFTMAX_ZERO carries its bounds at the model scale (the
/// reference's `bracket(±1e-7)`).
pub fn post_expr(p: PostTransform, scale: Scale) -> String {
    match p {
        PostTransform::None => "cairn::ops::ml::NoTransform {}".into(),
        PostTransform::Logistic => "cairn::ops::ml::LogisticTransform {}".into(),
        PostTransform::Softmax => "cairn::ops::ml::SoftmaxTransform {}".into(),
        PostTransform::SoftmaxZero => {
            let fx = FixedArith::new(scale);
            format!(
                "cairn::ops::ml::SoftmaxZeroTransform {{ eps: {}, neg_eps: {} }}",
                fx.bracket(1e-7).0,
                fx.bracket(-1e-7).1
            )
        }
        PostTransform::Probit => "cairn::ops::ml::ProbitTransform {}".into(),
    }
}

/// Module constants of one node, named after it.
pub struct Consts<'a> {
    node: &'a str,
    pub items: Vec<String>,
}

impl<'a> Consts<'a> {
    pub fn new(n: &'a NodeGen) -> Self {
        Consts { node: n.name, items: Vec::new() }
    }

    fn name(&self, what: &str) -> String {
        format!("ML_{}_{}", ident(self.node).to_uppercase(), what.to_uppercase())
    }

    /// `NAME.span()` of felt252 values.
    pub fn felts(&mut self, what: &str, values: &[i64]) -> String {
        if values.is_empty() {
            return "array![].span()".into();
        }
        let name = self.name(what);
        self.items.push(const_array(&name, values));
        format!("{name}.span()")
    }

    /// `NAME.span()` of reals quantized at the model scale.
    pub fn quantized(&mut self, what: &str, values: &[f64], scale: Scale) -> Result<String, String> {
        let fx = FixedArith::new(scale);
        let q: Vec<i64> =
            values.iter().map(|&v| fx.from_f64(v)).collect::<Result<_, _>>().map_err(|e| e.to_string())?;
        Ok(self.felts(what, &q))
    }

    /// `NAME.span()` of small unsigned values of type `ty` (`u8`, `u32`).
    pub fn typed(&mut self, what: &str, ty: &str, values: &[usize]) -> String {
        if values.is_empty() {
            return "array![].span()".into();
        }
        let name = self.name(what);
        let mut s = format!("const {name}: [{ty}; {}] = [", values.len());
        for (i, v) in values.iter().enumerate() {
            s.push_str(if i % 16 == 0 { "\n    " } else { " " });
            s.push_str(&format!("{v},"));
        }
        s.push_str("\n];\n");
        self.items.push(s);
        format!("{name}.span()")
    }
}

/// The features of a node as `(expr, rows, columns)`: a `[N, C]` or `[C]`
/// input, integers converted to reals (`cairn::ops::ml::reals`).
pub fn features(x: &ValueGen) -> Result<(String, usize, usize), String> {
    let (n, c) = match x.shape.as_slice() {
        [c] => (1, *c),
        [n, c] => (*n, *c),
        other => return Err(format!("features of shape {other:?}; needs [N, C] or [C]")),
    };
    Ok((format!("cairn::ops::ml::reals(sc, {}, {})", x.expr, !x.dtype.is_real()), n, c))
}

/// The used outputs of a two-output node from a call returning both.
pub fn select_pair(n: &NodeGen, call: String) -> String {
    match (n.outputs.first().is_some_and(|o| o.is_some()), n.outputs.get(1).is_some_and(|o| o.is_some())) {
        (true, true) => call,
        (true, false) => format!("let (y, _z) = {call};\ny"),
        (false, true) => format!("let (_y, z) = {call};\nz"),
        (false, false) => format!("let (_y, _z) = {call};\narray![].span()"),
    }
}

/// Names for output `index` of a node's operator (see
/// [`crate::network::GraphOutput::labels`]): ZipMap's columns, or the string
/// labels of a classifier's label output.
pub fn output_labels(op: &dyn cairn_runtime::Operator, index: usize) -> Option<Vec<String>> {
    use cairn_runtime::ops::{linear_classifier::LinearClassifier, svm_classifier::SvmClassifier};
    use cairn_runtime::ops::{tree_ensemble_classifier::TreeEnsembleClassifier, zip_map::ZipMap};
    let any = op.as_any();
    if let Some(z) = any.downcast_ref::<ZipMap>() {
        return Some(match &z.labels {
            ClassLabels::Ints(v) => v.iter().map(|l| l.to_string()).collect(),
            ClassLabels::Strings(v) => v.clone(),
        });
    }
    let names = if let Some(k) = any.downcast_ref::<LinearClassifier>() {
        &k.label_names
    } else if let Some(k) = any.downcast_ref::<TreeEnsembleClassifier>() {
        &k.label_names
    } else if let Some(k) = any.downcast_ref::<SvmClassifier>() {
        &k.label_names
    } else {
        return None;
    };
    (index == 0 && !names.is_empty()).then(|| names.clone())
}
