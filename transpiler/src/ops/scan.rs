//! Import of ONNX `Scan` (opset ≥ 9): `body` (a graph), `num_scan_inputs`,
//! `scan_input_directions`, `scan_input_axes`, `scan_output_directions`,
//! `scan_output_axes`. The body is resolved against the op table like a
//! model (at the enclosing model's default-domain opset); it may read only
//! its own inputs and initializers, not values of the enclosing graph.
//!
//! The loop's semantics are `cairn_runtime::ops::scan`; this file owns the
//! body. In Cairo the body becomes one function (`codegen::subgraph`) called
//! T times by a `while` loop over slices of the scan inputs.

use std::any::Any;
use std::fmt::Write as _;

use cairn_runtime::ops::scan::{scan, ScanSpec};
use cairn_runtime::ops::{Inputs, Operator};
use cairn_runtime::{Domain, FixedArith, FloatArith, KernelError, ShapeArith, Value};

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::emit::ident;
use crate::codegen::subgraph::subgraph_function;
use crate::codegen::{NodeCode, NodeGen};
use crate::ir::{Model, OpsetImport};
use crate::network::Network;

/// A Scan node: the loop's attributes and its resolved body.
#[derive(Debug)]
pub struct ScanOp {
    pub spec: ScanSpec,
    pub body: Network,
}

impl ScanOp {
    fn run<D: Domain>(&self, d: &D, inputs: &Inputs<'_, D::Elem>) -> Result<Vec<Value<D::Elem>>, KernelError> {
        scan(&self.spec, inputs, |args| {
            self.body.evaluate(d, args).map_err(|e| KernelError::invalid("Scan body", e.to_string()))
        })
    }
}

impl Operator for ScanOp {
    fn eval_fixed(&self, ar: &FixedArith, inputs: &Inputs<'_, i64>) -> Result<Vec<Value<i64>>, KernelError> {
        self.run(ar, inputs)
    }

    fn eval_float(&self, ar: &FloatArith, inputs: &Inputs<'_, f32>) -> Result<Vec<Value<f32>>, KernelError> {
        self.run(ar, inputs)
    }

    fn eval_shape(&self, ar: &ShapeArith, inputs: &Inputs<'_, ()>) -> Result<Vec<Value<()>>, KernelError> {
        self.run(ar, inputs)
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub fn import(a: &Attrs) -> ImportResult {
    if a.opset < 9 {
        return Err("Scan before opset 9 (batched, with sequence_lens) is not supported; export at opset ≥ 9".into());
    }
    let graph = a.graph_opt("body")?.ok_or("attribute 'body' is required")?;
    let m = a.int_opt("num_scan_inputs")?.ok_or("attribute 'num_scan_inputs' is required")?;
    let node = a.node();
    let num_scan_inputs = usize::try_from(m)
        .ok()
        .filter(|&m| m >= 1 && m <= node.inputs.len())
        .ok_or_else(|| format!("num_scan_inputs = {m} must be in [1, {}] (the node's inputs)", node.inputs.len()))?;
    let flags = |name: &str, len: usize| -> Result<Vec<bool>, String> {
        match a.ints_opt(name)? {
            None => Ok(vec![false; len]),
            Some(v) if v.len() == len && v.iter().all(|&d| d == 0 || d == 1) => Ok(v.iter().map(|&d| d == 1).collect()),
            Some(v) => Err(format!("attribute '{name}' must hold {len} values of 0 or 1, got {v:?}")),
        }
    };
    let axes = |name: &str, len: usize| -> Result<Vec<i64>, String> {
        match a.ints_opt(name)? {
            None => Ok(vec![0; len]),
            Some(v) if v.len() == len => Ok(v),
            Some(v) => Err(format!("attribute '{name}' must hold {len} values, got {v:?}")),
        }
    };
    let num_states = node.inputs.len() - num_scan_inputs;
    if graph.inputs.len() != node.inputs.len() {
        return Err(format!(
            "the body takes {} inputs but the node passes {} (states and scan inputs)",
            graph.inputs.len(),
            node.inputs.len()
        ));
    }
    if graph.outputs.len() < num_states {
        return Err(format!("the body returns {} values, fewer than the {num_states} states", graph.outputs.len()));
    }
    if node.outputs.len() > graph.outputs.len() {
        return Err(format!("the node has {} outputs, the body only {}", node.outputs.len(), graph.outputs.len()));
    }
    let num_scan_outputs = graph.outputs.len() - num_states;
    let spec = ScanSpec {
        num_scan_inputs,
        input_reverse: flags("scan_input_directions", num_scan_inputs)?,
        input_axes: axes("scan_input_axes", num_scan_inputs)?,
        output_reverse: flags("scan_output_directions", num_scan_outputs)?,
        output_axes: axes("scan_output_axes", num_scan_outputs)?,
    };
    let body = Network::resolve(Model {
        ir_version: 8,
        opset_imports: vec![OpsetImport { domain: String::new(), version: a.opset }],
        producer_name: String::new(),
        producer_version: String::new(),
        domain: String::new(),
        model_version: 0,
        doc_string: String::new(),
        metadata: Vec::new(),
        graph: graph.clone(),
    })
    .map_err(|e| {
        let problems: Vec<String> = e.problems.iter().map(|p| format!("{}: {}", p.location, p.message)).collect();
        format!("its body cannot run: {}", problems.join("; "))
    })?;
    Ok(Box::new(ScanOp { spec, body }))
}

/// The body as `fn scan_<node>(sc, states..., slices...)`, then a `while`
/// loop that slices the scan inputs, calls it and collects the scan outputs,
/// which are then placed along their output axes.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let op: &ScanOp = n.kernel()?;
    let spec = &op.spec;
    let num_states = spec.num_states(n.inputs.len()).map_err(|e| e.to_string())?;
    let mut param_shapes = Vec::with_capacity(n.inputs.len());
    let mut code = String::new();
    // Shape inference ran the kernel, so the scan inputs share one nonzero length.
    let mut trips = 0;
    let mut slices = Vec::new();
    for i in 0..n.inputs.len() {
        let x = n.input(i)?;
        if i < num_states {
            param_shapes.push(x.shape.clone());
            let _ = writeln!(code, "let mut s{i} = {};", x.expr);
            continue;
        }
        let j = i - num_states;
        let axis = spec.input_axis(j, x.shape.len()).map_err(|e| e.to_string())?;
        let len = x.shape[axis];
        trips = len;
        let (outer, inner) = (x.shape[..axis].iter().product::<usize>(), x.shape[axis + 1..].iter().product::<usize>());
        let mut slice_shape = x.shape.clone();
        slice_shape.remove(axis);
        param_shapes.push(slice_shape);
        let pos = if spec.input_reverse[j] { format!("({} - t)", len - 1) } else { "t".into() };
        slices.push(if outer == 1 {
            format!("let x{j} = {}.slice({pos} * {inner}, {inner});", x.expr)
        } else {
            format!("let x{j} = cairn::ops::scan::slice_at({}, {outer}, {len}, {inner}, {pos});", x.expr)
        });
    }
    let fname = format!("scan_{}", ident(n.name));
    let body = subgraph_function(&op.body, &fname, &param_shapes, n.scale)?;
    for (i, (out, shape)) in body.outputs.iter().take(num_states).zip(&param_shapes).enumerate() {
        if &out.1 != shape {
            return Err(format!("state #{i} changes shape in the body ({:?} to {:?})", shape, out.1));
        }
    }
    let num_outputs = body.outputs.len();
    let used = |k: usize| n.outputs.get(k).is_some_and(|o| o.is_some());
    for k in num_states..num_outputs {
        if used(k) {
            let _ = writeln!(code, "let mut y{k}: Array<felt252> = array![];");
        }
    }
    let _ = writeln!(code, "let mut t: u32 = 0;\nwhile t != {trips} {{");
    for s in &slices {
        let _ = writeln!(code, "    {s}");
    }
    let results: Vec<String> = (0..num_outputs)
        .map(|k| {
            if k < num_states {
                format!("n{k}")
            } else if used(k) {
                format!("o{k}")
            } else {
                format!("_o{k}")
            }
        })
        .collect();
    let args: Vec<String> = (0..n.inputs.len())
        .map(|i| if i < num_states { format!("s{i}") } else { format!("x{}", i - num_states) })
        .collect();
    let lhs = if results.len() == 1 { results[0].clone() } else { format!("({})", results.join(", ")) };
    let _ = writeln!(code, "    let {lhs} = {fname}(sc, {});", args.join(", "));
    for k in 0..num_outputs {
        if k < num_states {
            let _ = writeln!(code, "    s{k} = n{k};");
        } else if used(k) {
            let _ = writeln!(code, "    y{k}.append_span(o{k});");
        }
    }
    code.push_str("    t += 1;\n};\n");
    let mut returned = Vec::new();
    for k in 0..num_outputs {
        if !used(k) {
            continue;
        }
        if k < num_states {
            returned.push(format!("s{k}"));
            continue;
        }
        let slice_shape = &body.outputs[k].1;
        let axis = spec.output_axis(k - num_states, slice_shape.len() + 1).map_err(|e| e.to_string())?;
        let reverse = spec.output_reverse[k - num_states];
        if axis == 0 && !reverse {
            returned.push(format!("y{k}.span()"));
        } else {
            let inner: usize = slice_shape[axis..].iter().product();
            let outer: usize = slice_shape[..axis].iter().product();
            returned.push(format!("cairn::ops::scan::stack(y{k}.span(), {trips}, {outer}, {inner}, {reverse})"));
        }
    }
    code.push_str(&match returned.as_slice() {
        [] => "array![].span()".to_string(),
        [one] => one.clone(),
        many => format!("({})", many.join(", ")),
    });
    Ok(NodeCode { items: body.items, body: code })
}
