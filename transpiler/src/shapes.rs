//! Shape inference: evaluating the graph in the shape-only domain. Symbolic
//! dimensions of the graph inputs are taken as given (or 1); integer graph
//! inputs are zeros, so a shape that depends on an integer *input's values*
//! (not on constants) cannot be inferred statically and shows up as an error.

use cairn_runtime::{DType, ShapeArith, Tensor, Value};

use crate::eval::EvalError;
use crate::ir::Dim;
use crate::network::Network;

/// Type and shape of each output of one node.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeShapes {
    pub node: String,
    pub op_type: String,
    pub outputs: Vec<(DType, Vec<usize>)>,
}

impl Network {
    /// Input shapes with symbolic or unknown dimensions set to 1.
    pub fn default_input_shapes(&self) -> Vec<Vec<usize>> {
        self.inputs
            .iter()
            .map(|i| {
                i.shape
                    .as_ref()
                    .map(|d| d.iter().map(|x| if let Dim::Known(v) = x { *v as usize } else { 1 }).collect())
                    .unwrap_or_default()
            })
            .collect()
    }

    /// Shapes of every node's outputs for the given input shapes.
    pub fn infer_shapes(&self, input_shapes: &[Vec<usize>]) -> Result<Vec<NodeShapes>, EvalError> {
        let mut inputs = Vec::with_capacity(self.inputs.len());
        for (gi, shape) in self.inputs.iter().zip(input_shapes) {
            let n: usize = shape.iter().product();
            let bad = |error| EvalError::Constant { name: gi.name.clone(), error: Box::new(error) };
            inputs.push(if gi.dtype.is_real() {
                Value::Real(Tensor::new(shape.clone(), vec![(); n]).map_err(bad)?, gi.dtype)
            } else {
                Value::Int(Tensor::new(shape.clone(), vec![0; n]).map_err(bad)?, gi.dtype)
            });
        }
        let mut out = Vec::with_capacity(self.nodes.len());
        self.evaluate_observed(&ShapeArith, inputs, |node, values| {
            out.push(NodeShapes {
                node: node.name.clone(),
                op_type: node.op_type.clone(),
                outputs: values.iter().map(|v| (v.dtype(), v.shape().to_vec())).collect(),
            });
        })?;
        Ok(out)
    }
}
