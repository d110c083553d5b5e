//! A stage as an ONNX model of its own: the original file's nodes that the
//! stage computes or needs as constants (in their original order, attributes
//! untouched), the initializers they read, and the crossing tensors declared
//! as its inputs and outputs with their concrete types. The ordinary
//! transpiler then makes it an ordinary package.

use std::collections::BTreeSet;

use cairn_runtime::DType;
use onnx_protobuf::tensor_shape_proto::{dimension, Dimension};
use onnx_protobuf::{type_proto, Message, ModelProto, TensorShapeProto, TypeProto, ValueInfoProto};

use super::{Dataflow, Stage, StageError};
use crate::network::Network;
use crate::shapes::NodeShapes;

/// The ONNX bytes of stage `index` of the model `bytes` (the file `net` was
/// resolved from).
pub fn stage_model(
    bytes: &[u8],
    net: &Network,
    flow: &Dataflow,
    stage: &Stage,
    index: usize,
    shapes: &[NodeShapes],
    input_shapes: &[Vec<usize>],
) -> Result<Vec<u8>, StageError> {
    let fail = |reason: String| StageError::Onnx { stage: index, reason };
    let mut proto = ModelProto::parse_from_bytes(bytes).map_err(|e| fail(e.to_string()))?;
    let graph = proto.graph.as_mut().ok_or_else(|| fail("the model has no graph".into()))?;
    // Resolution keeps every node, in file order: network index = file index.
    if graph.node.len() != net.nodes.len() {
        return Err(fail(format!("the file has {} nodes, the network {}", graph.node.len(), net.nodes.len())));
    }
    let keep: BTreeSet<usize> = stage.computed.iter().chain(&stage.constant).copied().collect();
    let nodes: Vec<_> = std::mem::take(&mut graph.node)
        .into_iter()
        .enumerate()
        .filter(|(i, _)| keep.contains(i))
        .map(|(_, n)| n)
        .collect();
    let read: BTreeSet<&str> = nodes.iter().flat_map(|n| n.input.iter().map(String::as_str)).collect();
    let declared = |slots: &[usize]| -> Result<Vec<ValueInfoProto>, StageError> {
        slots
            .iter()
            .map(|&s| {
                let name = &net.slot_names[s];
                let (dtype, shape) = flow
                    .slot_type(s, shapes, input_shapes)
                    .ok_or_else(|| fail(format!("no type is known for '{name}'")))?;
                Ok(value_info(name, dtype, &shape))
            })
            .collect()
    };
    let inputs = declared(&stage.inputs)?;
    let outputs = declared(&stage.outputs)?;
    let input_names: BTreeSet<&str> = inputs.iter().map(|v| v.name.as_str()).collect();
    graph.initializer.retain(|t| read.contains(t.name.as_str()) && !input_names.contains(t.name.as_str()));
    graph.node = nodes;
    graph.input = inputs;
    graph.output = outputs;
    // Types of intermediate values are re-inferred by the transpiler.
    graph.value_info.clear();
    graph.name = format!("{} (stage {index})", graph.name);
    proto.write_to_bytes().map_err(|e| fail(e.to_string()))
}

fn value_info(name: &str, dtype: DType, shape: &[usize]) -> ValueInfoProto {
    let mut dims = TensorShapeProto::new();
    dims.dim = shape
        .iter()
        .map(|&d| {
            let mut dim = Dimension::new();
            dim.value = Some(dimension::Value::DimValue(d as i64));
            dim
        })
        .collect();
    let mut tensor = type_proto::Tensor::new();
    tensor.elem_type = dtype.onnx_code();
    tensor.shape = Some(dims).into();
    let mut ty = TypeProto::new();
    ty.value = Some(type_proto::Value::TensorType(tensor));
    let mut v = ValueInfoProto::new();
    v.name = name.to_string();
    v.type_ = Some(ty).into();
    v
}
