//! Typed, tracked access to a node's attributes for the importers. Every read
//! marks the attribute as understood; the resolver reports any attribute no
//! importer read, so an attribute cairn does not implement can never be
//! silently ignored.

use std::cell::RefCell;

use cairn_runtime::{DType, Literal};

use crate::ir::{AttrValue, Node, TensorContent, TensorData};

pub struct Attrs<'a> {
    node: &'a Node,
    /// The model's default-domain opset version.
    pub opset: i64,
    read: RefCell<Vec<String>>,
    /// Values known before any evaluation (initializers and Constant nodes'
    /// tensors), by name: parameters some operators need at import, such as
    /// Resize's real `scales`, which the shape domain cannot carry.
    constants: Option<&'a std::collections::HashMap<String, Literal>>,
}

pub type ImportResult = Result<Box<dyn cairn_runtime::Operator>, String>;

impl<'a> Attrs<'a> {
    pub fn new(node: &'a Node, opset: i64) -> Self {
        Attrs { node, opset, read: RefCell::new(Vec::new()), constants: None }
    }

    /// The same, with the graph's constant values available to
    /// [`Attrs::constant_input`].
    pub fn with_constants(mut self, constants: &'a std::collections::HashMap<String, Literal>) -> Self {
        self.constants = Some(constants);
        self
    }

    /// Input `i`'s value when it is an initializer or a Constant node's
    /// tensor; `None` when it is omitted, computed, or a graph input.
    pub fn constant_input(&self, i: usize) -> Option<&'a Literal> {
        let name = self.node.inputs.get(i).filter(|n| !n.is_empty())?;
        self.constants?.get(name)
    }

    pub fn node(&self) -> &'a Node {
        self.node
    }

    fn get(&self, name: &str) -> Option<&'a AttrValue> {
        self.read.borrow_mut().push(name.to_string());
        self.node.attributes.iter().find(|a| a.name == name).map(|a| &a.value)
    }

    /// Marks an attribute as understood without using it (documented no-ops).
    pub fn ignore(&self, name: &str) {
        let _ = self.get(name);
    }

    fn wrong(&self, name: &str, want: &str, got: &AttrValue) -> String {
        format!("attribute '{name}' must be {want}, got {}", got.kind())
    }

    pub fn int_opt(&self, name: &str) -> Result<Option<i64>, String> {
        match self.get(name) {
            None => Ok(None),
            Some(AttrValue::Int(v)) => Ok(Some(*v)),
            Some(other) => Err(self.wrong(name, "an int", other)),
        }
    }

    pub fn int(&self, name: &str, default: i64) -> Result<i64, String> {
        Ok(self.int_opt(name)?.unwrap_or(default))
    }

    /// A 0/1 flag.
    pub fn flag(&self, name: &str, default: bool) -> Result<bool, String> {
        match self.int(name, default as i64)? {
            0 => Ok(false),
            1 => Ok(true),
            v => Err(format!("attribute '{name}' must be 0 or 1, got {v}")),
        }
    }

    pub fn float_opt(&self, name: &str) -> Result<Option<f64>, String> {
        match self.get(name) {
            None => Ok(None),
            Some(AttrValue::Float(v)) => Ok(Some(*v as f64)),
            Some(other) => Err(self.wrong(name, "a float", other)),
        }
    }

    pub fn float(&self, name: &str, default: f64) -> Result<f64, String> {
        Ok(self.float_opt(name)?.unwrap_or(default))
    }

    pub fn ints_opt(&self, name: &str) -> Result<Option<Vec<i64>>, String> {
        match self.get(name) {
            None => Ok(None),
            Some(AttrValue::Ints(v)) => Ok(Some(v.clone())),
            Some(other) => Err(self.wrong(name, "a list of ints", other)),
        }
    }

    pub fn floats_opt(&self, name: &str) -> Result<Option<Vec<f32>>, String> {
        match self.get(name) {
            None => Ok(None),
            Some(AttrValue::Floats(v)) => Ok(Some(v.clone())),
            Some(other) => Err(self.wrong(name, "a list of floats", other)),
        }
    }

    /// A list of floats widened to f64 (exact).
    pub fn reals_opt(&self, name: &str) -> Result<Option<Vec<f64>>, String> {
        Ok(self.floats_opt(name)?.map(|v| v.into_iter().map(f64::from).collect()))
    }

    /// A list of reals given either as `name` (floats) or as `name_as_tensor`
    /// (a double tensor, ai.onnx.ml opset 3), but not both.
    pub fn reals_or_tensor(&self, name: &str) -> Result<Option<Vec<f64>>, String> {
        let listed = self.reals_opt(name)?;
        let tensor_name = format!("{name}_as_tensor");
        let tensor = self.tensor_reals_opt(&tensor_name)?;
        match (listed, tensor) {
            (Some(_), Some(_)) => Err(format!("both '{name}' and '{tensor_name}' are given")),
            (a, b) => Ok(a.or(b)),
        }
    }

    /// A tensor attribute's values as reals (any numeric element type).
    pub fn tensor_reals_opt(&self, name: &str) -> Result<Option<Vec<f64>>, String> {
        let Some(t) = self.tensor_opt(name)? else { return Ok(None) };
        Ok(Some(match literal(t, &format!("attribute '{name}'"))?.data {
            cairn_runtime::LiteralData::Real(v) => v,
            cairn_runtime::LiteralData::Int(v) => v.into_iter().map(|x| x as f64).collect(),
        }))
    }

    /// A tensor attribute's values as integers (an integer element type).
    pub fn tensor_ints_opt(&self, name: &str) -> Result<Option<Vec<i64>>, String> {
        let Some(t) = self.tensor_opt(name)? else { return Ok(None) };
        match literal(t, &format!("attribute '{name}'"))?.data {
            cairn_runtime::LiteralData::Int(v) => Ok(Some(v)),
            cairn_runtime::LiteralData::Real(_) => Err(format!("attribute '{name}' must be an integer tensor")),
        }
    }

    /// A list of strings (UTF-8, lossily decoded).
    pub fn strings_opt(&self, name: &str) -> Result<Option<Vec<String>>, String> {
        match self.get(name) {
            None => Ok(None),
            Some(AttrValue::Strings(v)) => {
                Ok(Some(v.iter().map(|b| String::from_utf8_lossy(b).into_owned()).collect()))
            }
            Some(other) => Err(self.wrong(name, "a list of strings", other)),
        }
    }

    /// Whether the node carries an attribute (without marking it read).
    pub fn has(&self, name: &str) -> bool {
        self.node.attributes.iter().any(|a| a.name == name)
    }

    pub fn string_opt(&self, name: &str) -> Result<Option<String>, String> {
        match self.get(name) {
            None => Ok(None),
            Some(AttrValue::String(v)) => Ok(Some(String::from_utf8_lossy(v).into_owned())),
            Some(other) => Err(self.wrong(name, "a string", other)),
        }
    }

    pub fn string(&self, name: &str, default: &str) -> Result<String, String> {
        Ok(self.string_opt(name)?.unwrap_or_else(|| default.to_string()))
    }

    pub fn tensor_opt(&self, name: &str) -> Result<Option<&'a TensorData>, String> {
        match self.get(name) {
            None => Ok(None),
            Some(AttrValue::Tensor(t)) => Ok(Some(t)),
            Some(other) => Err(self.wrong(name, "a tensor", other)),
        }
    }

    /// A subgraph attribute (a loop body).
    pub fn graph_opt(&self, name: &str) -> Result<Option<&'a crate::ir::Graph>, String> {
        match self.get(name) {
            None => Ok(None),
            Some(AttrValue::Graph(g)) => Ok(Some(g)),
            Some(other) => Err(self.wrong(name, "a graph", other)),
        }
    }

    /// Names of attributes present on the node that no importer read.
    pub fn unread(&self) -> Vec<String> {
        let read = self.read.borrow();
        self.node.attributes.iter().filter(|a| !read.contains(&a.name)).map(|a| a.name.clone()).collect()
    }
}

/// A usable literal from a stored tensor, or the reason it is unusable.
pub fn literal(t: &TensorData, what: &str) -> Result<Literal, String> {
    match &t.content {
        TensorContent::Literal(l) => Ok(l.clone()),
        TensorContent::Unusable(reason) => Err(format!("{what}: {reason}")),
    }
}

/// An ONNX element type code that cairn can represent.
pub fn dtype(code: i64, what: &str) -> Result<DType, String> {
    i32::try_from(code)
        .ok()
        .and_then(DType::from_onnx)
        .ok_or_else(|| format!("{what}: element type {} is not supported", DType::onnx_code_name(code as i32)))
}
