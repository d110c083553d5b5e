//! A model resolved for execution: every node bound to a kernel from the op
//! table, every value name to a slot. Resolution reports *all* problems of a
//! model at once (unsupported operators with their node names, bad attributes,
//! unusable tensors, dangling references) in one [`UnsupportedModel`] error.

use std::collections::HashMap;
use std::fmt;

use cairn_runtime::{DType, Literal, Operator};
use thiserror::Error;

use crate::ir::{Dim, Graph, Model, Node, ValueType};
use crate::ops::{self, attrs::Attrs};

/// Newest ai.onnx.ml opset cairn knows (ONNX 1.22).
pub const MAX_ML_OPSET: i64 = 5;
/// Newest default-domain opset cairn knows: the highest the ONNX 1.22 node
/// tests use for the supported operators.
pub const MAX_OPSET: i64 = 25;

pub type Slot = usize;

#[derive(Debug)]
pub struct GraphInput {
    pub name: String,
    pub slot: Slot,
    pub dtype: DType,
    /// Declared shape (`None` when the model does not say).
    pub shape: Option<Vec<Dim>>,
}

#[derive(Debug)]
pub struct GraphOutput {
    pub name: String,
    pub slot: Slot,
    pub dtype: Option<DType>,
    /// Names for the output's values, from an ai.onnx.ml classifier: the
    /// class of each column of a ZipMap's probabilities, or the string class
    /// labels whose indices a label output holds.
    pub labels: Option<Vec<String>>,
}

#[derive(Debug)]
pub struct ConstantValue {
    pub name: String,
    pub slot: Slot,
    pub literal: Literal,
}

#[derive(Debug)]
pub struct NetNode {
    pub name: String,
    /// The op table's domain ([`ops::ONNX`] or [`ops::ONNX_ML`]).
    pub domain: &'static str,
    pub op_type: String,
    /// `None` for an omitted optional input.
    pub inputs: Vec<Option<Slot>>,
    /// `None` for an output the model does not use.
    pub outputs: Vec<Option<Slot>>,
    pub op: Box<dyn Operator>,
}

#[derive(Debug)]
pub struct Network {
    pub model: Model,
    pub opset: i64,
    pub inputs: Vec<GraphInput>,
    pub outputs: Vec<GraphOutput>,
    pub constants: Vec<ConstantValue>,
    pub nodes: Vec<NetNode>,
    pub slot_names: Vec<String>,
    /// For each slot, the index of the last node that reads it (`usize::MAX`
    /// for graph outputs), so evaluation can free intermediate tensors early.
    pub(crate) last_use: Vec<usize>,
}

/// An operator's name with its domain when that is not the default one:
/// `Relu`, `ai.onnx.ml.ZipMap`.
pub fn qualified_op(domain: &str, op_type: &str) -> String {
    if ops::canonical_domain(domain) == ops::ONNX {
        op_type.to_string()
    } else {
        format!("{domain}.{op_type}")
    }
}

/// Where a problem is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    Model,
    /// `op_type` is [`qualified_op`]: it names the domain unless default.
    Node {
        name: String,
        op_type: String,
    },
    Initializer(String),
    Input(String),
    Output(String),
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Model => f.write_str("model"),
            Location::Node { name, op_type } => write!(f, "node '{name}' ({op_type})"),
            Location::Initializer(n) => write!(f, "initializer '{n}'"),
            Location::Input(n) => write!(f, "graph input '{n}'"),
            Location::Output(n) => write!(f, "graph output '{n}'"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub location: Location,
    pub message: String,
    /// True when the problem is an operator cairn does not implement.
    pub unsupported_op: bool,
}

/// Everything that prevents cairn from running a model, reported together.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub struct UnsupportedModel {
    pub problems: Vec<Problem>,
}

impl UnsupportedModel {
    /// Unsupported operator types with the number of nodes using each.
    pub fn unsupported_ops(&self) -> Vec<(String, usize)> {
        let mut counts: Vec<(String, usize)> = Vec::new();
        for p in self.problems.iter().filter(|p| p.unsupported_op) {
            if let Location::Node { op_type, .. } = &p.location {
                match counts.iter_mut().find(|(o, _)| o == op_type) {
                    Some((_, c)) => *c += 1,
                    None => counts.push((op_type.clone(), 1)),
                }
            }
        }
        counts
    }
}

impl fmt::Display for UnsupportedModel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.problems.len();
        write!(f, "cairn cannot run this model ({n} problem{}):", if n == 1 { "" } else { "s" })?;
        for p in &self.problems {
            write!(f, "\n  - {}: {}", p.location, p.message)?;
        }
        let ops = self.unsupported_ops();
        if !ops.is_empty() {
            let list: Vec<String> =
                ops.iter().map(|(o, c)| format!("{o} ({c} node{})", if *c == 1 { "" } else { "s" })).collect();
            write!(f, "\n  unsupported operators: {}", list.join(", "))?;
        }
        Ok(())
    }
}

/// For each slot, the index of the last node that reads it (`usize::MAX` for
/// graph outputs).
fn last_uses(slots: usize, nodes: &[NetNode], outputs: &[GraphOutput]) -> Vec<usize> {
    let mut last_use = vec![0usize; slots];
    for (i, n) in nodes.iter().enumerate() {
        for s in n.inputs.iter().flatten() {
            last_use[*s] = i;
        }
    }
    for o in outputs {
        last_use[o.slot] = usize::MAX;
    }
    last_use
}

struct Resolver {
    slots: HashMap<String, Slot>,
    slot_names: Vec<String>,
    problems: Vec<Problem>,
    /// Initializers and Constant nodes' tensors, for importers that need a
    /// parameter's value (`Attrs::constant_input`).
    literals: HashMap<String, Literal>,
}

impl Resolver {
    fn problem(&mut self, location: Location, message: impl Into<String>) {
        self.problems.push(Problem { location, message: message.into(), unsupported_op: false });
    }

    /// Defines a new value; `false` when the name is already defined.
    fn define(&mut self, name: &str) -> Option<Slot> {
        if self.slots.contains_key(name) {
            return None;
        }
        let slot = self.slot_names.len();
        self.slots.insert(name.to_string(), slot);
        self.slot_names.push(name.to_string());
        Some(slot)
    }

    /// The opset a node's domain is imported at (checked once per domain).
    fn domain_opset(&mut self, model: &Model, domain: &str, loc: &Location) -> Option<i64> {
        let domain = ops::canonical_domain(domain);
        if domain == ops::ONNX {
            return Some(model.default_opset().unwrap_or(MAX_OPSET));
        }
        match model.opset(domain) {
            Some(v) if (1..=MAX_ML_OPSET).contains(&v) || domain != ops::ONNX_ML => Some(v),
            Some(v) => {
                self.problem(
                    loc.clone(),
                    format!("{domain} opset {v} is newer than the newest cairn supports ({MAX_ML_OPSET})"),
                );
                None
            }
            None => {
                self.problem(loc.clone(), format!("the model imports no {domain} operator set"));
                None
            }
        }
    }

    /// The default-domain opset (the newest supported one if missing).
    fn opset(&mut self, model: &Model) -> i64 {
        match model.default_opset() {
            Some(v) if (1..=MAX_OPSET).contains(&v) => v,
            Some(v) => {
                self.problem(
                    Location::Model,
                    format!("default-domain opset {v} is newer than the newest cairn supports ({MAX_OPSET})"),
                );
                v
            }
            None => {
                // A model of ai.onnx.ml operators only need not import the default domain.
                if model.graph.nodes.iter().any(|n| ops::canonical_domain(&n.domain) == ops::ONNX) {
                    self.problem(Location::Model, "the model imports no default-domain (ai.onnx) operator set");
                }
                MAX_OPSET
            }
        }
    }

    fn constants(&mut self, g: &Graph) -> Vec<ConstantValue> {
        let mut constants = Vec::new();
        for t in &g.initializers {
            let loc = Location::Initializer(t.name.clone());
            let Some(slot) = self.define(&t.name) else {
                self.problem(loc, "the name is defined twice");
                continue;
            };
            match ops::attrs::literal(t, "its data") {
                Ok(literal) => {
                    self.literals.insert(t.name.clone(), literal.clone());
                    constants.push(ConstantValue { name: t.name.clone(), slot, literal });
                }
                Err(e) => self.problem(loc, e),
            }
        }
        for name in &g.sparse_initializers {
            self.problem(Location::Initializer(name.clone()), "sparse initializers are not supported");
            self.define(name);
        }
        constants
    }

    fn inputs(&mut self, g: &Graph) -> Vec<GraphInput> {
        let mut inputs = Vec::new();
        for vi in &g.inputs {
            if self.slots.contains_key(&vi.name) && g.initializers.iter().any(|t| t.name == vi.name) {
                continue; // pre-IR-4 models list initializers as inputs too; they are constants
            }
            let loc = Location::Input(vi.name.clone());
            let Some(slot) = self.define(&vi.name) else {
                self.problem(loc, "the name is defined twice");
                continue;
            };
            match &vi.ty {
                ValueType::Tensor { elem_type, shape } => match DType::from_onnx(*elem_type) {
                    Some(dtype) => inputs.push(GraphInput { name: vi.name.clone(), slot, dtype, shape: shape.clone() }),
                    None => self
                        .problem(loc, format!("element type {} is not supported", DType::onnx_code_name(*elem_type))),
                },
                ValueType::Other(kind) => self.problem(loc, format!("{kind} values are not supported, only tensors")),
            }
        }
        inputs
    }

    /// One node: its inputs bound to earlier values, its operator imported
    /// through the op table, its outputs defined. `None` when anything about
    /// it is a problem (recorded).
    fn node(&mut self, node: &Node, model: &Model) -> Option<NetNode> {
        let loc = Location::Node { name: node.name.clone(), op_type: qualified_op(&node.domain, &node.op_type) };
        let before = self.problems.len();
        let mut inputs = Vec::with_capacity(node.inputs.len());
        for name in &node.inputs {
            if name.is_empty() {
                inputs.push(None);
            } else if let Some(&s) = self.slots.get(name) {
                inputs.push(Some(s));
            } else {
                self.problem(
                    loc.clone(),
                    format!("input '{name}' is not produced by an earlier node, an initializer or a graph input"),
                );
            }
        }
        let op = self.import(node, model, &loc);
        let mut outputs = Vec::with_capacity(node.outputs.len());
        for name in &node.outputs {
            if name.is_empty() {
                outputs.push(None);
            } else if let Some(s) = self.define(name) {
                outputs.push(Some(s));
            } else {
                self.problem(loc.clone(), format!("output '{name}' is already defined elsewhere"));
            }
        }
        match (op, self.problems.len() == before) {
            (Some((domain, op)), true) => {
                Some(NetNode { name: node.name.clone(), domain, op_type: node.op_type.clone(), inputs, outputs, op })
            }
            _ => None,
        }
    }

    /// The node's operator from the op table (with its domain), its
    /// attributes read at the opset the model imports the domain at.
    fn import(&mut self, node: &Node, model: &Model, loc: &Location) -> Option<(&'static str, Box<dyn Operator>)> {
        let unsupported = |message: String| Problem { location: loc.clone(), message, unsupported_op: true };
        if !ops::knows_domain(&node.domain) {
            self.problems.push(unsupported(format!("operators of domain '{}' are not supported", node.domain)));
            return None;
        }
        let Some(spec) = ops::lookup(&node.domain, &node.op_type) else {
            let op = qualified_op(&node.domain, &node.op_type);
            self.problems.push(unsupported(format!("operator {op} is not supported")));
            return None;
        };
        let opset = self.domain_opset(model, &node.domain, loc)?;
        let attrs = Attrs::new(node, opset).with_constants(&self.literals);
        match (spec.import)(&attrs) {
            Ok(op) => {
                // Only a successful import has read every attribute it understands.
                for a in attrs.unread() {
                    self.problem(loc.clone(), format!("attribute '{a}' is not supported"));
                }
                Some((spec.domain, op))
            }
            Err(e) => {
                self.problem(loc.clone(), e);
                None
            }
        }
    }

    fn outputs(&mut self, g: &Graph, nodes: &[NetNode]) -> Vec<GraphOutput> {
        let mut outputs = Vec::new();
        for vi in &g.outputs {
            let Some(&slot) = self.slots.get(&vi.name) else {
                self.problem(Location::Output(vi.name.clone()), "no node, initializer or input produces it");
                continue;
            };
            let producer = nodes.iter().find_map(|n| n.outputs.iter().position(|o| *o == Some(slot)).map(|i| (n, i)));
            let labels = producer.and_then(|(n, i)| ops::ml::output_labels(n.op.as_ref(), i));
            let from_zip_map = producer.is_some_and(|(n, _)| n.domain == ops::ONNX_ML && n.op_type == "ZipMap");
            let dtype = match &vi.ty {
                ValueType::Tensor { elem_type, .. } => DType::from_onnx(*elem_type),
                // ZipMap's sequence of maps is delivered as its probability
                // tensor, the labels in the manifest.
                ValueType::Other("sequence") if from_zip_map => None,
                ValueType::Other(kind) => {
                    if *kind != "untyped" {
                        self.problem(
                            Location::Output(vi.name.clone()),
                            format!("{kind} values are not supported, only tensors"),
                        );
                    }
                    None
                }
            };
            outputs.push(GraphOutput { name: vi.name.clone(), slot, dtype, labels });
        }
        outputs
    }
}

/// The tensors of the graph's Constant nodes given as a `value` tensor
/// attribute (what exporters write), by output name.
fn constant_node_tensors(g: &Graph) -> Vec<(String, Literal)> {
    g.nodes
        .iter()
        .filter(|n| ops::canonical_domain(&n.domain) == ops::ONNX && n.op_type == "Constant")
        .filter_map(|n| {
            let out = n.outputs.first()?;
            let value = n.attributes.iter().find(|a| a.name == "value")?;
            match &value.value {
                crate::ir::AttrValue::Tensor(t) => ops::attrs::literal(t, "value").ok().map(|l| (out.clone(), l)),
                _ => None,
            }
        })
        .collect()
}

impl Network {
    /// Resolves a loaded model against the op table. Every problem is
    /// collected — the model's opset, initializers, inputs, each node, the
    /// outputs — and reported at once.
    pub fn resolve(model: Model) -> Result<Network, UnsupportedModel> {
        let mut r =
            Resolver { slots: HashMap::new(), slot_names: Vec::new(), problems: Vec::new(), literals: HashMap::new() };
        r.literals.extend(constant_node_tensors(&model.graph));
        let opset = r.opset(&model);
        let g = &model.graph;
        let constants = r.constants(g);
        let inputs = r.inputs(g);
        let nodes: Vec<NetNode> = g.nodes.iter().filter_map(|n| r.node(n, &model)).collect();
        let outputs = r.outputs(g, &nodes);
        if outputs.is_empty() && r.problems.is_empty() {
            r.problem(Location::Model, "the graph has no outputs");
        }
        if !r.problems.is_empty() {
            return Err(UnsupportedModel { problems: r.problems });
        }
        let last_use = last_uses(r.slot_names.len(), &nodes, &outputs);
        Ok(Network { model, opset, inputs, outputs, constants, nodes, slot_names: r.slot_names, last_use })
    }

    /// The same network with some graph inputs replaced by constant values
    /// (specialization: parameters such as axes or pads that a model takes as
    /// inputs but Cairo code needs at transpile time). `values` pairs input
    /// names with their literals; unknown names are an error.
    pub fn with_constant_inputs(mut self, values: Vec<(String, Literal)>) -> Result<Network, String> {
        for (name, literal) in values {
            let pos = self
                .inputs
                .iter()
                .position(|i| i.name == name)
                .ok_or_else(|| format!("no graph input named '{name}'"))?;
            let gi = self.inputs.remove(pos);
            if literal.dtype != gi.dtype {
                return Err(format!("input '{name}' is {}, the constant is {}", gi.dtype, literal.dtype));
            }
            self.constants.push(ConstantValue { name, slot: gi.slot, literal });
        }
        Ok(self)
    }

    /// Operator types used, with node counts, in first-use order.
    pub fn op_histogram(&self) -> Vec<(String, usize)> {
        let mut out: Vec<(String, usize)> = Vec::new();
        for n in &self.nodes {
            match out.iter_mut().find(|(o, _)| *o == n.op_type) {
                Some((_, c)) => *c += 1,
                None => out.push((n.op_type.clone(), 1)),
            }
        }
        out
    }
}
