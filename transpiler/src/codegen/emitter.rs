//! The passes of `transpile`: constants (initializers, quantized), graph
//! inputs, nodes (folded when every input is constant, else one Cairo
//! function each), outputs. The emitter holds what the passes share: the
//! value of each slot, the module items and `run`'s body.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use cairn_runtime::{DType, FixedArith, Value};

use super::emit::{self, const_array, describe, ident};
use super::manifest::NodeFunction;
use super::{dense, indent, render_lib, render_module, unique};
use super::{
    Activation, CodegenError, IoSpec, Manifest, NodeCode, NodeGen, Package, PoolAfter, PoolKind, TranspileOptions,
    ValueGen,
};
use crate::network::{NetNode, Network};
use crate::ops;
use crate::shapes::NodeShapes;

/// A subgraph generated as one Cairo function (`Emitter::finish_function`).
pub struct SubgraphCode {
    /// Module items: the subgraph's node functions and constants, then the function.
    pub items: Vec<String>,
    /// Type and shape of each of the function's outputs, in order.
    pub outputs: Vec<(DType, Vec<usize>)>,
}

/// What a graph slot holds during generation.
struct Slot {
    dtype: DType,
    shape: Vec<usize>,
    /// Known at transpile time.
    constant: Option<Value<i64>>,
    /// Cairo expression of the value (a `Span<felt252>`), once available.
    expr: Option<String>,
}

impl Slot {
    fn computed(dtype: DType, shape: Vec<usize>, expr: String) -> Slot {
        Slot { dtype, shape, constant: None, expr: Some(expr) }
    }

    fn constant(v: Value<i64>) -> Slot {
        Slot { dtype: v.dtype(), shape: v.shape().to_vec(), constant: Some(v), expr: None }
    }
}

pub(super) struct Emitter<'a> {
    net: &'a Network,
    opts: &'a TranspileOptions,
    fx: FixedArith,
    slots: Vec<Option<Slot>>,
    /// Module items: constants and node functions, in emission order.
    items: Vec<String>,
    const_names: BTreeSet<String>,
    /// The body of `run`.
    main_body: String,
    inputs_spec: Vec<IoSpec>,
    outputs_spec: Vec<IoSpec>,
    used_ops: BTreeSet<String>,
    node_functions: Vec<NodeFunction>,
    /// Relu and Clip nodes the dense layer before them applied, with the
    /// activation.
    activation_folded: BTreeMap<String, Activation>,
    /// MaxPool nodes a Conv's fast path computed (they pass their input through).
    pool_folded: BTreeSet<String>,
    unroll_budget: usize,
    /// Prefix of generated item names: empty for the model, `scan_<node>_`
    /// for a loop body, so its functions and constants cannot collide with
    /// the enclosing graph's.
    prefix: String,
}

impl<'a> Emitter<'a> {
    pub(super) fn new(net: &'a Network, opts: &'a TranspileOptions) -> Self {
        Emitter {
            net,
            opts,
            fx: FixedArith::new(opts.scale),
            slots: (0..net.slot_names.len()).map(|_| None).collect(),
            items: Vec::new(),
            const_names: BTreeSet::new(),
            main_body: String::new(),
            inputs_spec: Vec::new(),
            outputs_spec: Vec::new(),
            used_ops: BTreeSet::new(),
            node_functions: Vec::new(),
            activation_folded: BTreeMap::new(),
            pool_folded: BTreeSet::new(),
            unroll_budget: if opts.fast_dense { dense::MAX_UNROLLED_TERMS } else { 0 },
            prefix: String::new(),
        }
    }

    /// An emitter for a subgraph whose items are named with `prefix`.
    pub(super) fn with_prefix(mut self, prefix: &str) -> Self {
        self.prefix = prefix.to_string();
        self
    }

    /// Initializers, quantized at the model scale.
    pub(super) fn constants(&mut self) -> Result<(), CodegenError> {
        for c in &self.net.constants {
            let v = c
                .literal
                .to_value(&self.fx)
                .map_err(|e| CodegenError::Initializer { name: c.name.clone(), error: e.to_string() })?;
            self.slots[c.slot] = Some(Slot::constant(v));
        }
        Ok(())
    }

    /// Graph inputs: taken from `run`'s flat input, range-checked for ints.
    pub(super) fn inputs(&mut self, input_shapes: &[Vec<usize>]) {
        for (gi, shape) in self.net.inputs.iter().zip(input_shapes) {
            let var = format!("in_{}", ident(&gi.name));
            let n: usize = shape.iter().product();
            if gi.dtype.is_real() {
                let _ = writeln!(self.main_body, "    let {var} = cairn::io::take_real(ref input, {n});");
            } else {
                let (lo, hi) = gi.dtype.int_range();
                let _ = writeln!(
                    self.main_body,
                    "    let {var} = cairn::io::take_int(ref input, {n}, cairn::arith::int_range({lo}, {hi}));"
                );
            }
            self.inputs_spec.push(IoSpec {
                name: gi.name.clone(),
                dtype: gi.dtype.name().into(),
                shape: shape.clone(),
                labels: None,
            });
            self.slots[gi.slot] = Some(Slot::computed(gi.dtype, shape.clone(), var));
        }
        self.main_body.push_str("    cairn::io::finish_input(input);\n");
    }

    /// Every node in order: folded, or emitted as a function. All problems
    /// are collected and reported at once.
    pub(super) fn nodes(&mut self, shapes: &[NodeShapes]) -> Result<(), CodegenError> {
        let mut problems = Vec::new();
        // Nodes without inputs (Constant) first: a dense layer looks ahead at
        // the bounds of the Clip after it, whose Constant nodes exporters
        // often place between the two.
        let sources = |node: &NetNode| node.inputs.iter().all(|s| s.is_none());
        for node in self.net.nodes.iter().filter(|n| sources(n)) {
            self.fold(node)?;
        }
        for (node, inferred) in self.net.nodes.iter().zip(shapes) {
            if sources(node) {
                continue;
            }
            let all_const = node.inputs.iter().flatten().all(|&s| self.slot(s).constant.is_some());
            if all_const || reads_only_shapes(node) {
                self.fold(node)?;
            } else if let Err(e) = self.emit_node(node, inferred) {
                problems.push(format!("node '{}' ({}): {e}", node.name, node.op_type));
                // Placeholders let the remaining nodes be checked too; nothing is emitted.
                for (slot, (dtype, shape)) in node.outputs.iter().zip(&inferred.outputs) {
                    if let Some(s) = slot {
                        self.slots[*s] = Some(Slot::computed(*dtype, shape.clone(), String::new()));
                    }
                }
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(CodegenError::Unsupported(problems))
        }
    }

    fn slot(&self, s: usize) -> &Slot {
        self.slots[s].as_ref().expect("resolution orders producers before consumers")
    }

    /// Constant folding with the reference kernels: the very values the
    /// Cairo code would compute. A computed input of an operator that
    /// [reads only shapes](reads_only_shapes) is passed as zeros of its shape.
    fn fold(&mut self, node: &NetNode) -> Result<(), CodegenError> {
        let fold_error = |e: cairn_runtime::KernelError| CodegenError::Fold {
            node: node.name.clone(),
            op_type: node.op_type.clone(),
            error: e.to_string(),
        };
        let mut placeholders: Vec<Option<Value<i64>>> = Vec::with_capacity(node.inputs.len());
        for s in &node.inputs {
            let slot = s.and_then(|s| self.slots[s].as_ref());
            placeholders.push(match slot {
                Some(sl) if sl.constant.is_none() => Some(zeros(sl.dtype, &sl.shape).map_err(fold_error)?),
                _ => None,
            });
        }
        let args: Vec<Option<&Value<i64>>> = node
            .inputs
            .iter()
            .zip(&placeholders)
            .map(|(s, p)| {
                p.as_ref().or_else(|| s.and_then(|s| self.slots[s].as_ref()).and_then(|sl| sl.constant.as_ref()))
            })
            .collect();
        let outs = node.op.eval_fixed(&self.fx, &args).map_err(fold_error)?;
        for (slot, v) in node.outputs.iter().zip(outs) {
            if let Some(s) = slot {
                self.slots[*s] = Some(Slot::constant(v));
            }
        }
        Ok(())
    }

    /// A computed node's inputs: constants become module constants (emitted
    /// once), computed values become the function's parameters.
    fn node_inputs(&mut self, node: &NetNode) -> (Vec<Option<ValueGen>>, Vec<String>, Vec<String>) {
        let mut gen_inputs = Vec::with_capacity(node.inputs.len());
        let (mut params, mut call_args) = (Vec::new(), Vec::new());
        for (i, s) in node.inputs.iter().enumerate() {
            let Some(s) = *s else {
                gen_inputs.push(None);
                continue;
            };
            let expr = if self.slot(s).constant.is_some() {
                self.constant_expr(s)
            } else {
                params.push(format!("i{i}: Span<felt252>"));
                call_args.push(self.slot(s).expr.clone().expect("computed values have an expression"));
                format!("i{i}")
            };
            let slot = self.slot(s);
            gen_inputs.push(Some(ValueGen {
                expr,
                dtype: slot.dtype,
                shape: slot.shape.clone(),
                constant: slot.constant.clone(),
            }));
        }
        (gen_inputs, params, call_args)
    }

    /// The expression of a constant slot, emitting it as a module constant
    /// the first time.
    fn constant_expr(&mut self, s: usize) -> String {
        if let Some(expr) = &self.slot(s).expr {
            return expr.clone();
        }
        let base = format!("C_{}{}", self.prefix, ident(&self.net.slot_names[s])).to_uppercase();
        let name = unique(&mut self.const_names, &base);
        let slot = self.slot(s);
        let c = slot.constant.as_ref().expect("a constant slot");
        let item = format!(
            "/// {} = {} (quantized at the model scale for reals)\n{}",
            self.net.slot_names[s],
            describe(slot.dtype, &slot.shape),
            const_array(&name, emit::value_data(c))
        );
        self.items.push(item);
        let expr = format!("{name}.span()");
        self.slots[s].as_mut().expect("a constant slot").expr = Some(expr.clone());
        expr
    }

    /// Emits one computed node as `fn node_<name>` and its call in `run`.
    fn emit_node(&mut self, node: &NetNode, inferred: &NodeShapes) -> Result<(), String> {
        self.used_ops.insert(node.op_type.clone());
        let (gen_inputs, params, call_args) = self.node_inputs(node);
        let gen_outputs: Vec<Option<ValueGen>> = node
            .outputs
            .iter()
            .zip(&inferred.outputs)
            .map(|(s, (dtype, shape))| {
                s.map(|_| ValueGen { expr: String::new(), dtype: *dtype, shape: shape.clone(), constant: None })
            })
            .collect();
        // A dense fast path may fold the Relu or Clip that alone reads its
        // output, and a Conv's the MaxPool after them.
        let act_after = self.sole_activation_reader(node);
        let pool_after = match (node.op_type.as_str(), &inferred.outputs[..]) {
            ("Conv", [(_, shape)]) => self.foldable_pool(node, act_after.as_ref().map(|(a, _)| a.as_str()), shape),
            _ => None,
        };
        let gen = NodeGen {
            name: &node.name,
            op_type: &node.op_type,
            op: node.op.as_ref(),
            inputs: gen_inputs,
            outputs: gen_outputs,
            scale: self.opts.scale,
            activation: act_after.as_ref().map(|&(_, act)| act),
            pool_after: pool_after.as_ref().map(|(_, pool)| *pool),
            input_bound: node.inputs.first().copied().flatten().and_then(|s| self.value_bound(s)),
            pool_folded: false,
        };
        let spec = ops::lookup(node.domain, &node.op_type).expect("resolved nodes are in the op table");
        let fast = spec.fast.and_then(|fast| fast(&gen, &mut self.unroll_budget));
        let code: NodeCode = match fast {
            Some(fast) => {
                let fast = fast?;
                if let Some((act, kind)) = act_after {
                    self.activation_folded.insert(act, kind);
                }
                if let (true, Some((pool, _))) = (fast.pool_folded, pool_after) {
                    self.pool_folded.insert(pool);
                }
                fast.code
            }
            None => (spec.codegen)(&NodeGen {
                activation: self.activation_folded.get(&node.name).copied(),
                pool_after: None,
                pool_folded: self.pool_folded.contains(&node.name),
                ..gen
            })?,
        };
        self.items.extend(code.items);
        let used: Vec<usize> = node.outputs.iter().enumerate().filter(|(_, s)| s.is_some()).map(|(i, _)| i).collect();
        let fname = format!("{}node_{}", self.prefix, ident(&node.name));
        self.items.push(self.node_function(node, inferred, &used, &fname, &params, &code.body));
        self.node_functions.push(NodeFunction {
            node: node.name.clone(),
            op_type: node.op_type.clone(),
            function: fname.clone(),
        });
        let vars: Vec<String> = used
            .iter()
            .map(|&i| format!("v_{}", ident(&self.net.slot_names[node.outputs[i].expect("used")])))
            .collect();
        let lhs = if vars.len() == 1 { vars[0].clone() } else { format!("({})", vars.join(", ")) };
        let _ = writeln!(
            self.main_body,
            "    let {lhs} = {fname}(sc{}{});",
            if call_args.is_empty() { "" } else { ", " },
            call_args.join(", ")
        );
        for (&i, var) in used.iter().zip(&vars) {
            let s = node.outputs[i].expect("used");
            let (dtype, shape) = &inferred.outputs[i];
            self.slots[s] = Some(Slot::computed(*dtype, shape.clone(), var.clone()));
        }
        Ok(())
    }

    /// The Relu, or Clip with constant bounds, that alone reads `node`'s
    /// only output (not a graph output), if any, with its activation: a dense
    /// fast path may fold it into its rounding.
    fn sole_activation_reader(&self, node: &NetNode) -> Option<(String, Activation)> {
        let reader = self.sole_reader(node)?;
        if reader.domain != ops::ONNX {
            return None;
        }
        let act = match reader.op_type.as_str() {
            "Relu" => Activation::Relu,
            "Clip" => {
                let (lo, hi) = self.clip_bounds(reader)?;
                Activation::Clamp { lo, hi }
            }
            _ => return None,
        };
        Some((reader.name.clone(), act))
    }

    /// A Clip node's bounds as stored values, when both are constants known
    /// here (an omitted bound is the i64 extreme).
    fn clip_bounds(&self, clip: &NetNode) -> Option<(i64, i64)> {
        let k: &cairn_runtime::ops::clip::Clip = clip.op.as_any().downcast_ref()?;
        // an omitted bound is `None`; a bound not known here, `Some(None)`
        let bound = |i: usize| {
            // (a Constant node may come after the layer: not known yet)
            let known = |s: usize| self.slots[s].as_ref()?.constant.as_ref();
            clip.inputs.get(i).copied().flatten().map(|s| match known(s).map(emit::value_data) {
                Some([b]) => Some(*b),
                _ => None,
            })
        };
        ops::clip::fold_bounds(k, self.opts.scale, bound(1), bound(2))
    }

    /// The largest magnitude a stored value of `slot` can take, when the op
    /// that computed it guarantees one: a Clip with two constant bounds, or
    /// an op that only moves, selects or averages the values of such a slot
    /// (a pool, a reshape). A packed layer whose input this bounds below its
    /// norm bound needs no run-time check (`NodeGen::input_bound`).
    fn value_bound(&self, slot: usize) -> Option<u64> {
        let producer = self.net.nodes.iter().find(|m| m.outputs.contains(&Some(slot)))?;
        if producer.domain != ops::ONNX {
            return None;
        }
        match producer.op_type.as_str() {
            "Clip" => {
                let (lo, hi) = self.clip_bounds(producer)?;
                (lo != i64::MIN && hi != i64::MAX).then(|| lo.unsigned_abs().max(hi.unsigned_abs()))
            }
            "MaxPool" | "AveragePool" | "GlobalMaxPool" | "GlobalAveragePool" | "Flatten" | "Reshape" | "Identity"
            | "Squeeze" | "Unsqueeze" | "Transpose" => self.value_bound((*producer.inputs.first()?)?),
            _ => None,
        }
    }

    /// The node that alone reads `node`'s only output, once, when that
    /// output is not a graph output.
    fn sole_reader(&self, node: &NetNode) -> Option<&NetNode> {
        let [Some(out)] = node.outputs[..] else { return None };
        if self.net.outputs.iter().any(|o| o.slot == out) {
            return None;
        }
        let mut readers = self.net.nodes.iter().filter(|m| m.inputs.contains(&Some(out)));
        let reader = readers.next()?;
        let only = readers.next().is_none() && reader.inputs.iter().filter(|i| **i == Some(out)).count() == 1;
        only.then_some(reader)
    }

    /// The MaxPool or AveragePool that alone reads a Conv's output (through
    /// the Relu or Clip folded into it, if any) and whose windows tile that
    /// output exactly — kernel equal to strides, no padding or dilation, every
    /// output in one window (so an AveragePool's count is the window's size,
    /// whatever `count_include_pad` says) — with its window: the fast path
    /// may fold it (a MaxPool: max of the exact sums, one rounding per window,
    /// as rounding and the activations are monotonic; an AveragePool: the
    /// mean of the rounded, activated outputs of each window).
    fn foldable_pool(&self, node: &NetNode, act: Option<&str>, shape: &[usize]) -> Option<(String, PoolAfter)> {
        use cairn_runtime::ops::{average_pool::AveragePool, max_pool::MaxPool};
        let before = match act {
            Some(r) => self.net.nodes.iter().find(|m| m.name == r)?,
            None => node,
        };
        let pool = self.sole_reader(before)?;
        if pool.domain != ops::ONNX || pool.outputs.iter().skip(1).any(|o| o.is_some()) {
            return None;
        }
        let (kind, window) = match pool.op_type.as_str() {
            "MaxPool" => (PoolKind::Max, &pool.op.as_any().downcast_ref::<MaxPool>()?.window),
            "AveragePool" => (PoolKind::Average, &pool.op.as_any().downcast_ref::<AveragePool>()?.window),
            _ => return None,
        };
        // a 1-D pool is the 2-D one of height 1 (as its Conv, see dense::conv1d_row_forms)
        let spatial = &shape[2..];
        let win = window.resolve(spatial, None).ok()?;
        let tiles = win.kernel == win.strides
            && win.dilations.iter().all(|&d| d == 1)
            && win.pads_begin.iter().chain(&win.pads_end).all(|&p| p == 0)
            && win.output.iter().zip(&win.kernel).zip(spatial).all(|((o, k), s)| o * k == *s);
        let window = match win.kernel[..] {
            [kh, kw] => [kh, kw],
            [k] => [1, k],
            _ => return None,
        };
        tiles.then(|| (pool.name.clone(), PoolAfter { kind, window }))
    }

    /// The documented function of one node.
    fn node_function(
        &self,
        node: &NetNode,
        inferred: &NodeShapes,
        used: &[usize],
        fname: &str,
        params: &[String],
        body: &str,
    ) -> String {
        let ret = if used.len() == 1 {
            "Span<felt252>".to_string()
        } else {
            format!("({})", vec!["Span<felt252>"; used.len()].join(", "))
        };
        let names = &self.net.slot_names;
        let ins: Vec<String> = node.inputs.iter().map(|s| s.map_or("-".into(), |s| names[s].clone())).collect();
        let outs: Vec<String> = used
            .iter()
            .map(|&i| {
                let (d, sh) = &inferred.outputs[i];
                format!("{} {}", names[node.outputs[i].expect("used")], describe(*d, sh))
            })
            .collect();
        format!(
            // Never inlined: each node keeps a call frame of its own, so a
            // cost report can charge every step to the node that ran it.
            "/// Node `{}` ({}): {} -> {}\n#[inline(never)]\nfn {fname}(sc: Scale{}{}) -> {ret} {{\n{}}}\n",
            node.name,
            node.op_type,
            ins.join(", "),
            outs.join(", "),
            if params.is_empty() { "" } else { ", " },
            params.join(", "),
            indent(body)
        )
    }

    /// The outputs, in graph order, appended to `run`'s result.
    pub(super) fn outputs(&mut self) {
        self.main_body.push_str("    let mut output = array![];\n");
        for i in 0..self.net.outputs.len() {
            let (expr, dtype, shape) = self.output_value(i);
            let _ = writeln!(self.main_body, "    cairn::io::append(ref output, {expr});");
            let o = &self.net.outputs[i];
            self.outputs_spec.push(IoSpec {
                name: o.name.clone(),
                dtype: dtype.name().into(),
                shape,
                labels: o.labels.clone(),
            });
        }
        self.main_body.push_str("    output\n");
        self.mark_unread_inputs();
    }

    /// Graph output `i`: its Cairo expression (a constant output becomes a
    /// module constant), type and shape.
    fn output_value(&mut self, i: usize) -> (String, DType, Vec<usize>) {
        let o = &self.net.outputs[i];
        let slot = self.slots[o.slot].as_ref().expect("every output is produced");
        let (dtype, shape) = (slot.dtype, slot.shape.clone());
        let expr = match (&slot.expr, &slot.constant) {
            (Some(e), _) => e.clone(),
            (None, Some(c)) => {
                let base = format!("C_{}{}", self.prefix, ident(&o.name)).to_uppercase();
                let name = unique(&mut self.const_names, &base);
                self.items.push(const_array(&name, emit::value_data(c)));
                format!("{name}.span()")
            }
            (None, None) => unreachable!("a slot is either computed or constant"),
        };
        (expr, dtype, shape)
    }

    /// Subgraph inputs (a loop body's): the generated function's parameters
    /// `in_<name>`, already checked by the code that computed them.
    pub(super) fn params(&mut self, shapes: &[Vec<usize>]) -> Vec<String> {
        let mut params = Vec::with_capacity(shapes.len());
        for (gi, shape) in self.net.inputs.iter().zip(shapes) {
            let var = format!("in_{}", ident(&gi.name));
            params.push(format!("{var}: Span<felt252>"));
            self.slots[gi.slot] = Some(Slot::computed(gi.dtype, shape.clone(), var));
        }
        params
    }

    /// The subgraph as `fn <name>(sc: Scale, <params>) -> <outputs>` (one
    /// `Span<felt252>`, or a tuple in output order) after its items; also the
    /// type and shape of each output.
    pub(super) fn finish_function(mut self, name: &str, params: &[String]) -> SubgraphCode {
        let outs: Vec<(String, DType, Vec<usize>)> =
            (0..self.net.outputs.len()).map(|i| self.output_value(i)).collect();
        let exprs: Vec<&str> = outs.iter().map(|(e, _, _)| e.as_str()).collect();
        let ret = if exprs.len() == 1 { exprs[0].to_string() } else { format!("({})", exprs.join(", ")) };
        let _ = writeln!(self.main_body, "    {ret}");
        self.mark_unread_inputs();
        let ret_type = if outs.len() == 1 {
            "Span<felt252>".to_string()
        } else {
            format!("({})", vec!["Span<felt252>"; outs.len()].join(", "))
        };
        let sc = if self.main_body.contains("(sc") { "sc" } else { "_sc" };
        let mut items = self.items;
        items.push(format!(
            "/// The loop body `{}` as one function: its inputs in, its outputs out.\nfn {name}({sc}: Scale{}{}) -> {ret_type} {{\n{}}}\n",
            self.net.model.graph.name,
            if params.is_empty() { "" } else { ", " },
            params.join(", "),
            self.main_body
        ));
        SubgraphCode { items, outputs: outs.into_iter().map(|(_, d, s)| (d, s)).collect() }
    }

    /// A graph input only Shape or Size read, or a node output whose only
    /// readers were folded away (a recurrent layer's final state that fed a
    /// shape computation), is never read in `run`: its variable gets a `_`
    /// prefix (Cairo rejects unused variables).
    fn mark_unread_inputs(&mut self) {
        let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
        // Every identifier's occurrences in `run`, counted in one pass.
        let mut uses: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for word in self.main_body.split(|c: char| !is_ident(c)).filter(|w| !w.is_empty()) {
            *uses.entry(word).or_default() += 1;
        }
        let mut lines: Vec<String> = self.main_body.lines().map(str::to_string).collect();
        for line in lines.iter_mut() {
            let Some(rest) = line.trim_start().strip_prefix("let ") else { continue };
            let Some((lhs, _)) = rest.split_once(" = ") else { continue };
            let names: Vec<String> =
                lhs.trim_matches(|c| c == '(' || c == ')').split(", ").map(|v| v.trim().to_string()).collect();
            for var in names {
                if var.starts_with('_') || !var.chars().all(is_ident) || uses.get(var.as_str()) != Some(&1) {
                    continue;
                }
                let (head, tail) = line.split_once(" = ").expect("a binding");
                let head = head
                    .split_inclusive(|c: char| !is_ident(c))
                    .map(|tok| {
                        let word = tok.trim_end_matches(|c: char| !is_ident(c));
                        if word == var {
                            format!("_{tok}")
                        } else {
                            tok.to_string()
                        }
                    })
                    .collect::<String>();
                *line = format!("{head} = {tail}");
            }
        }
        let trailing_newline = self.main_body.ends_with('\n');
        self.main_body = lines.join("\n");
        if trailing_newline {
            self.main_body.push('\n');
        }
    }

    pub(super) fn finish(self) -> Package {
        let used_ops = self.used_ops.into_iter().collect();
        let mut manifest = Manifest::new(self.net, self.opts, self.inputs_spec, self.outputs_spec, used_ops);
        manifest.node_functions = self.node_functions;
        let lib = render_lib(&manifest, &self.main_body, &self.items);
        let module = render_module(manifest.scale, &self.main_body, &self.items);
        Package::new(lib, module, manifest)
    }
}

/// Operators whose outputs depend only on their inputs' shapes, which are all
/// known at transpile time: they fold like constant subgraphs, so what
/// consumes them (ConstantOfShape, Reshape, Expand, ...) sees constants.
fn reads_only_shapes(node: &NetNode) -> bool {
    node.domain == ops::ONNX && matches!(node.op_type.as_str(), "Shape" | "Size")
}

/// A value of zeros standing for a computed input whose data is not read.
fn zeros(dtype: DType, shape: &[usize]) -> Result<Value<i64>, cairn_runtime::KernelError> {
    let n = shape.iter().product();
    let t = cairn_runtime::Tensor::new(shape.to_vec(), vec![0; n])?;
    Ok(if dtype.is_real() { Value::Real(t, dtype) } else { Value::Int(t, dtype) })
}
