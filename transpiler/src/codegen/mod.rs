//! Cairo code generation: a resolved network becomes a Cairo package that
//! anyone can read and audit, and whose run on the Cairo VM gives exactly the
//! reference runtime's integers.
//!
//! The package (`Package::write_to`):
//! * `src/lib.cairo` — one function per ONNX node, named after it; weights as
//!   constants; an `#[executable] fn main(input: Array<felt252>) -> Array<felt252>`
//!   taking every input flattened (inputs in graph order) and returning every
//!   output flattened, then the inputs again (so a proof binds both);
//! * `cairn/` — the exact copy of the `cairn` Cairo library it calls;
//! * `Scarb.toml` and `cairo_project.toml` — builds with Scarb or cairn's
//!   embedded compiler;
//! * `cairn.json` — the manifest (names, shapes, scale, ops; the program hash
//!   once compiled); `model.onnx` — the model it came from.
//!
//! Nodes whose inputs are all constants (Constant nodes, shape arithmetic,
//! reshapes of weights) are evaluated at transpile time with the reference
//! runtime's fixed-point kernels — the very values the Cairo code would
//! compute — and become constants.

mod dense;
pub mod emit;
pub mod library;
pub mod manifest;
mod node;
pub mod package;
pub mod testing;

pub use manifest::{IoSpec, Manifest};
pub use node::{NodeCode, NodeGen, ValueGen};
pub use package::Package;

use std::collections::BTreeSet;
use std::fmt::Write as _;

use cairn_runtime::{DType, FixedArith, Scale, Value};
use thiserror::Error;

use crate::network::Network;
use crate::ops;
use emit::{const_array, describe, ident};

#[derive(Debug, Error)]
pub enum CodegenError {
    #[error("shape inference failed: {0}")]
    Shapes(String),
    #[error("cannot transpile: {}", .0.join("; "))]
    Unsupported(Vec<String>),
    #[error("initializer '{name}' cannot be represented: {error}")]
    Initializer { name: String, error: String },
    #[error("constant folding of node '{node}' ({op_type}) failed: {error}")]
    Fold { node: String, op_type: String, error: String },
    #[error("input '{name}' has the unresolved shape {shape}; give concrete input shapes")]
    InputShape { name: String, shape: String },
}

/// What `transpile` needs besides the network.
#[derive(Clone, Debug)]
pub struct TranspileOptions {
    pub scale: Scale,
    /// Concrete shapes of the graph inputs (symbolic dimensions resolved);
    /// `None` takes the declared shapes with symbolic dimensions = 1.
    pub input_shapes: Option<Vec<Vec<usize>>>,
    /// File name of the model, recorded in the manifest.
    pub model_name: String,
    /// Unrolled straight-line code for dense layers with constant weights
    /// (`dense.rs`); off, every op uses the library's generic loops.
    pub fast_dense: bool,
}

struct Slot {
    dtype: DType,
    shape: Vec<usize>,
    /// Known at transpile time.
    constant: Option<Value<i64>>,
    /// Cairo expression of the value (a `Span<felt252>`), once available.
    expr: Option<String>,
}

/// Generates the Cairo package for `net`.
pub fn transpile(net: &Network, opts: &TranspileOptions) -> Result<Package, CodegenError> {
    let input_shapes = opts.input_shapes.clone().unwrap_or_else(|| net.default_input_shapes());
    let fx = FixedArith::new(opts.scale);
    let mut slots: Vec<Option<Slot>> = (0..net.slot_names.len()).map(|_| None).collect();

    // Constants (initializers), quantized at the model scale.
    for c in &net.constants {
        let v = c
            .literal
            .to_value(&fx)
            .map_err(|e| CodegenError::Initializer { name: c.name.clone(), error: e.to_string() })?;
        slots[c.slot] = Some(Slot { dtype: v.dtype(), shape: v.shape().to_vec(), constant: Some(v), expr: None });
    }
    // Graph inputs.
    let mut main_body = String::new();
    let mut inputs_spec = Vec::new();
    for (gi, shape) in net.inputs.iter().zip(&input_shapes) {
        let var = format!("in_{}", ident(&gi.name));
        let n: usize = shape.iter().product();
        if gi.dtype.is_real() {
            let _ = writeln!(main_body, "    let {var} = cairn::io::take_real(ref input, {n});");
        } else {
            let (lo, hi) = gi.dtype.int_range();
            let _ = writeln!(
                main_body,
                "    let {var} = cairn::io::take_int(ref input, {n}, cairn::arith::int_range({lo}, {hi}));"
            );
        }
        inputs_spec.push(IoSpec { name: gi.name.clone(), dtype: gi.dtype.name().into(), shape: shape.clone() });
        slots[gi.slot] = Some(Slot { dtype: gi.dtype, shape: shape.clone(), constant: None, expr: Some(var) });
    }
    main_body.push_str("    cairn::io::finish_input(input);\n");

    // Shapes and dtypes of every node output (the shape-only domain).
    let shapes = net.infer_shapes(&input_shapes).map_err(|e| CodegenError::Shapes(e.to_string()))?;

    let mut items: Vec<String> = Vec::new();
    let mut problems = Vec::new();
    let mut used_ops = BTreeSet::new();
    let mut const_names = BTreeSet::new();
    let mut unroll_budget = if opts.fast_dense { dense::MAX_UNROLLED_TERMS } else { 0 };
    for (node, inferred) in net.nodes.iter().zip(&shapes) {
        let args: Vec<Option<&Value<i64>>> =
            node.inputs.iter().map(|s| s.and_then(|s| slots[s].as_ref()).and_then(|sl| sl.constant.as_ref())).collect();
        let all_const =
            node.inputs.iter().flatten().all(|&s| slots[s].as_ref().is_some_and(|sl| sl.constant.is_some()));
        if all_const {
            // Constant folding with the reference kernels.
            let outs = node.op.eval_fixed(&fx, &args).map_err(|e| CodegenError::Fold {
                node: node.name.clone(),
                op_type: node.op_type.clone(),
                error: e.to_string(),
            })?;
            for (slot, v) in node.outputs.iter().zip(outs) {
                if let Some(s) = slot {
                    slots[*s] =
                        Some(Slot { dtype: v.dtype(), shape: v.shape().to_vec(), constant: Some(v), expr: None });
                }
            }
            continue;
        }
        used_ops.insert(node.op_type.clone());
        // Constant inputs of a computed node become module constants.
        let mut gen_inputs = Vec::with_capacity(node.inputs.len());
        let mut params = Vec::new();
        let mut call_args = Vec::new();
        for (i, s) in node.inputs.iter().enumerate() {
            let Some(s) = s else {
                gen_inputs.push(None);
                continue;
            };
            let slot = slots[*s].as_mut().expect("resolution orders producers before consumers");
            let expr = if let Some(c) = &slot.constant {
                let name = unique(&mut const_names, &format!("C_{}", ident(&net.slot_names[*s]).to_uppercase()));
                if slot.expr.is_none() {
                    items.push(format!(
                        "/// {} = {} (quantized at the model scale for reals)\n{}",
                        net.slot_names[*s],
                        describe(slot.dtype, &slot.shape),
                        const_array(&name, emit::value_data(c))
                    ));
                    slot.expr = Some(format!("{name}.span()"));
                }
                slot.expr.clone().expect("set above")
            } else {
                let p = format!("i{i}");
                params.push(format!("{p}: Span<felt252>"));
                call_args.push(slot.expr.clone().expect("computed values have an expression"));
                p
            };
            gen_inputs.push(Some(ValueGen {
                expr,
                dtype: slot.dtype,
                shape: slot.shape.clone(),
                constant: slot.constant.clone(),
            }));
        }
        let gen_outputs: Vec<Option<ValueGen>> = node
            .outputs
            .iter()
            .zip(&inferred.outputs)
            .map(|(s, (dtype, shape))| {
                s.map(|_| ValueGen { expr: String::new(), dtype: *dtype, shape: shape.clone(), constant: None })
            })
            .collect();
        let gen = NodeGen {
            name: &node.name,
            op_type: &node.op_type,
            op: node.op.as_ref(),
            inputs: gen_inputs,
            outputs: gen_outputs,
            scale: opts.scale,
        };
        let spec = ops::lookup(&node.op_type).expect("resolved nodes are in the op table");
        let generated = match dense::fast_path(&gen, &mut unroll_budget) {
            Some(fast) => fast,
            None => (spec.codegen)(&gen),
        };
        let code = match generated {
            Ok(c) => c,
            Err(e) => {
                problems.push(format!("node '{}' ({}): {e}", node.name, node.op_type));
                // Placeholders let the remaining nodes be checked too, so every
                // problem is reported at once; nothing is emitted.
                for (slot, (dtype, shape)) in node.outputs.iter().zip(&inferred.outputs) {
                    if let Some(s) = slot {
                        slots[*s] = Some(Slot {
                            dtype: *dtype,
                            shape: shape.clone(),
                            constant: None,
                            expr: Some(String::new()),
                        });
                    }
                }
                continue;
            }
        };
        items.extend(code.items);
        let fname = format!("node_{}", ident(&node.name));
        let used: Vec<usize> = node.outputs.iter().enumerate().filter(|(_, s)| s.is_some()).map(|(i, _)| i).collect();
        let ret = if used.len() == 1 {
            "Span<felt252>".to_string()
        } else {
            format!("({})", vec!["Span<felt252>"; used.len()].join(", "))
        };
        let ins: Vec<String> =
            node.inputs.iter().map(|s| s.map_or("-".into(), |s| net.slot_names[s].clone())).collect();
        let outs: Vec<String> = used
            .iter()
            .map(|&i| {
                let (d, sh) = &inferred.outputs[i];
                format!("{} {}", net.slot_names[node.outputs[i].expect("used")], describe(*d, sh))
            })
            .collect();
        items.push(format!(
            "/// Node `{}` ({}): {} -> {}\nfn {fname}(sc: Scale{}{}) -> {ret} {{\n{}}}\n",
            node.name,
            node.op_type,
            ins.join(", "),
            outs.join(", "),
            if params.is_empty() { "" } else { ", " },
            params.join(", "),
            indent(&code.body)
        ));
        let vars: Vec<String> =
            used.iter().map(|&i| format!("v_{}", ident(&net.slot_names[node.outputs[i].expect("used")]))).collect();
        let lhs = if vars.len() == 1 { vars[0].clone() } else { format!("({})", vars.join(", ")) };
        let _ = writeln!(
            main_body,
            "    let {lhs} = {fname}(sc{}{});",
            if call_args.is_empty() { "" } else { ", " },
            call_args.join(", ")
        );
        for (&i, var) in used.iter().zip(&vars) {
            let s = node.outputs[i].expect("used");
            let (dtype, shape) = &inferred.outputs[i];
            slots[s] = Some(Slot { dtype: *dtype, shape: shape.clone(), constant: None, expr: Some(var.clone()) });
        }
    }
    if !problems.is_empty() {
        return Err(CodegenError::Unsupported(problems));
    }

    // Outputs, in graph order.
    main_body.push_str("    let mut output = array![];\n");
    let mut outputs_spec = Vec::new();
    for o in &net.outputs {
        let slot = slots[o.slot].as_mut().expect("every output is produced");
        let expr = match (&slot.expr, &slot.constant) {
            (Some(e), _) => e.clone(),
            (None, Some(c)) => {
                let name = unique(&mut const_names, &format!("C_{}", ident(&o.name).to_uppercase()));
                items.push(const_array(&name, emit::value_data(c)));
                format!("{name}.span()")
            }
            (None, None) => unreachable!("a slot is either computed or constant"),
        };
        let _ = writeln!(main_body, "    cairn::io::append(ref output, {expr});");
        outputs_spec.push(IoSpec { name: o.name.clone(), dtype: slot.dtype.name().into(), shape: slot.shape.clone() });
    }
    main_body.push_str("    output\n");

    let manifest = Manifest::new(net, opts, inputs_spec, outputs_spec, used_ops.into_iter().collect());
    let lib = render_lib(&manifest, &main_body, &items);
    let module = render_module(manifest.scale, &main_body, &items);
    Ok(Package::new(lib, module, manifest))
}

fn unique(taken: &mut BTreeSet<String>, base: &str) -> String {
    let mut name = base.to_string();
    let mut k = 1;
    while !taken.insert(name.clone()) {
        name = format!("{base}_{k}");
        k += 1;
    }
    name
}

fn indent(body: &str) -> String {
    body.lines().map(|l| if l.is_empty() { "\n".to_string() } else { format!("    {l}\n") }).collect()
}

fn render_lib(m: &Manifest, main_body: &str, items: &[String]) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "//! GENERATED by cairn {} from `{}` (ONNX opset {}); do not edit.",
        m.cairn_version, m.model, m.opset
    );
    let _ = writeln!(s, "//! Regenerate with `cairn transpile {} -o <dir>`.", m.model);
    let _ = writeln!(s, "//!");
    let _ = writeln!(s, "//! Fixed point: every real is stored as round(x * 2^{}) (docs/fixed-point.md).", m.scale);
    for i in &m.inputs {
        let _ = writeln!(s, "//! input  `{}`: {}{:?}", i.name, i.dtype, i.shape);
    }
    for o in &m.outputs {
        let _ = writeln!(s, "//! output `{}`: {}{:?}", o.name, o.dtype, o.shape);
    }
    let _ = writeln!(s, "//! `main` takes the inputs flattened and concatenated in this order and");
    let _ = writeln!(s, "//! returns the outputs the same way, followed by the inputs it was given:");
    let _ = writeln!(s, "//! a proof of this program's run then attests input → output.\n");
    s.push_str(concat!(
        "#[executable]\n",
        "fn main(input: Array<felt252>) -> Array<felt252> {\n",
        "    let mut output = run(input.span());\n",
        "    output.append_span(input.span());\n",
        "    output\n",
        "}\n\n",
    ));
    s.push_str(&render_module(m.scale, main_body, items));
    s
}

/// The model as module items: `pub fn run(input: Span<felt252>) -> Array<felt252>`
/// plus one function per node and the constants. Embeddable in any module
/// (the executable's `main` wraps it; golden tests call it).
pub(crate) fn render_module(scale_bits: u32, main_body: &str, items: &[String]) -> String {
    let mut s = String::new();
    s.push_str("use cairn::fixed::{Scale, scale};\n\n");
    let _ = writeln!(s, "pub const SCALE_BITS: u32 = {scale_bits};\n");
    s.push_str("/// Runs the model on its flattened inputs; returns its flattened outputs.\n");
    s.push_str("pub fn run(mut input: Span<felt252>) -> Array<felt252> {\n");
    // A model folded entirely at transpile time computes nothing at run time.
    let var = if main_body.contains("(sc") { "sc" } else { "_sc" };
    let _ = writeln!(s, "    let {var}: Scale = scale(SCALE_BITS);");
    s.push_str(main_body);
    s.push_str("}\n");
    for item in items {
        s.push('\n');
        s.push_str(item);
    }
    s
}
