//! Evaluating a [`Network`] in any number domain: the fixed-point reference,
//! the f32 accuracy reference, or shape inference.

use cairn_runtime::{Domain, KernelError, Value};
use thiserror::Error;

use crate::network::{NetNode, Network};

#[derive(Debug, Clone, PartialEq, Error)]
pub enum EvalError {
    #[error("node '{node}' ({op_type}): {error}")]
    Node { node: String, op_type: String, error: Box<KernelError> },
    #[error("initializer '{name}': {error}")]
    Constant { name: String, error: Box<KernelError> },
    #[error("expected {expected} input tensors, got {got}")]
    InputCount { expected: usize, got: usize },
    #[error("node '{node}' ({op_type}) produced {produced} outputs, but the model uses output #{index}")]
    MissingOutput { node: String, op_type: String, produced: usize, index: usize },
}

impl EvalError {
    /// The node an error happened in, if any.
    pub fn node(&self) -> Option<(&str, &str)> {
        match self {
            EvalError::Node { node, op_type, .. } | EvalError::MissingOutput { node, op_type, .. } => {
                Some((node.as_str(), op_type.as_str()))
            }
            _ => None,
        }
    }
}

impl Network {
    /// Evaluates the graph on `inputs` (in the order of [`Network::inputs`])
    /// and returns the graph outputs in order.
    pub fn evaluate<D: Domain>(&self, d: &D, inputs: Vec<Value<D::Elem>>) -> Result<Vec<Value<D::Elem>>, EvalError> {
        self.evaluate_observed(d, inputs, |_, _| {})
    }

    /// Like [`Network::evaluate`], calling `observe` with every node and the
    /// values it produced (for shape inference, tracing and debugging).
    pub fn evaluate_observed<D: Domain>(
        &self,
        d: &D,
        inputs: Vec<Value<D::Elem>>,
        mut observe: impl FnMut(&NetNode, &[Value<D::Elem>]),
    ) -> Result<Vec<Value<D::Elem>>, EvalError> {
        if inputs.len() != self.inputs.len() {
            return Err(EvalError::InputCount { expected: self.inputs.len(), got: inputs.len() });
        }
        let mut slots: Vec<Option<Value<D::Elem>>> = vec![None; self.slot_names.len()];
        for c in &self.constants {
            let v = c
                .literal
                .to_value(d)
                .map_err(|error| EvalError::Constant { name: c.name.clone(), error: Box::new(error) })?;
            slots[c.slot] = Some(v);
        }
        for (gi, v) in self.inputs.iter().zip(inputs) {
            slots[gi.slot] = Some(v);
        }
        for (i, node) in self.nodes.iter().enumerate() {
            let outs = {
                let args: Vec<Option<&Value<D::Elem>>> =
                    node.inputs.iter().map(|s| s.and_then(|s| slots[s].as_ref())).collect();
                d.eval(node.op.as_ref(), &args).map_err(|error| EvalError::Node {
                    node: node.name.clone(),
                    op_type: node.op_type.clone(),
                    error: Box::new(error),
                })?
            };
            observe(node, &outs);
            for (index, slot) in node.outputs.iter().enumerate() {
                let Some(slot) = slot else { continue };
                if index >= outs.len() {
                    return Err(EvalError::MissingOutput {
                        node: node.name.clone(),
                        op_type: node.op_type.clone(),
                        produced: outs.len(),
                        index,
                    });
                }
                slots[*slot] = Some(outs[index].clone());
            }
            // Free what no later node reads.
            for s in node.inputs.iter().flatten() {
                if self.last_use[*s] == i {
                    slots[*s] = None;
                }
            }
        }
        Ok(self
            .outputs
            .iter()
            .map(|o| slots[o.slot].clone().expect("resolution guarantees every output is produced"))
            .collect())
    }
}
