//! Reading an ONNX file (protobuf) into the [`crate::ir`] types. This is the
//! only module that reads `onnx-protobuf` (`stages::onnx` writes a stage's
//! model by editing the original file's message).
//!
//! Structural problems that make the file unreadable (not protobuf, no graph)
//! fail here. Problems with individual parts — a tensor of an unsupported
//! type, data that does not match its dims — are kept in the IR as
//! [`TensorContent::Unusable`] and reported together with every other problem
//! when the model is resolved, so the user sees them all at once.

use std::collections::HashSet;
use std::path::Path;

use cairn_runtime::{DType, Literal, LiteralData};
use onnx_protobuf::{
    attribute_proto::AttributeType, tensor_proto::DataLocation, tensor_shape_proto::dimension, type_proto,
    AttributeProto, GraphProto, Message, ModelProto, NodeProto, TensorProto, ValueInfoProto,
};
use thiserror::Error;

use crate::ir::*;

#[derive(Debug, Error)]
pub enum LoadError {
    #[error("cannot read {path}: {error}")]
    Io { path: String, error: std::io::Error },
    #[error("{0} is empty, not an ONNX model")]
    Empty(String),
    #[error("{what} is not a valid ONNX model (protobuf decoding failed: {detail}); is the file truncated or of another format?")]
    Decode { what: String, detail: String },
    #[error("{what} is not an ONNX model: {reason}")]
    NotOnnx { what: String, reason: String },
}

/// Loads a model file.
pub fn load_model(path: &Path) -> Result<Model, LoadError> {
    let bytes = std::fs::read(path).map_err(|error| LoadError::Io { path: path.display().to_string(), error })?;
    load_model_bytes(&bytes, &path.display().to_string())
}

/// Decodes a model from bytes; `what` names the source in errors.
pub fn load_model_bytes(bytes: &[u8], what: &str) -> Result<Model, LoadError> {
    if bytes.is_empty() {
        return Err(LoadError::Empty(what.into()));
    }
    let proto = ModelProto::parse_from_bytes(bytes)
        .map_err(|e| LoadError::Decode { what: what.into(), detail: e.to_string() })?;
    // Protobuf happily decodes many non-ONNX byte strings into a message of
    // unknown fields; a real model always has an IR version and a graph.
    let not_onnx = |reason: &str| LoadError::NotOnnx { what: what.into(), reason: reason.into() };
    if proto.ir_version <= 0 {
        return Err(not_onnx("it has no IR version"));
    }
    let Some(graph) = proto.graph.as_ref() else {
        return Err(not_onnx("it has no graph"));
    };
    if proto.opset_import.is_empty() {
        return Err(not_onnx("it imports no operator set"));
    }
    Ok(Model {
        ir_version: proto.ir_version,
        opset_imports: proto
            .opset_import
            .iter()
            .map(|o| OpsetImport { domain: o.domain.clone(), version: o.version })
            .collect(),
        producer_name: proto.producer_name.clone(),
        producer_version: proto.producer_version.clone(),
        domain: proto.domain.clone(),
        model_version: proto.model_version,
        doc_string: proto.doc_string.clone(),
        metadata: proto.metadata_props.iter().map(|p| (p.key.clone(), p.value.clone())).collect(),
        graph: convert_graph(graph),
    })
}

/// Decodes a lone `TensorProto` (the `.pb` files of the ONNX test suite).
pub fn load_tensor_bytes(bytes: &[u8], what: &str) -> Result<TensorData, LoadError> {
    let proto = TensorProto::parse_from_bytes(bytes)
        .map_err(|e| LoadError::Decode { what: what.into(), detail: e.to_string() })?;
    Ok(convert_tensor(&proto))
}

fn convert_graph(g: &GraphProto) -> Graph {
    let mut used = HashSet::new();
    let nodes = g.node.iter().enumerate().map(|(i, n)| convert_node(n, i, &mut used)).collect();
    Graph {
        name: g.name.clone(),
        doc_string: g.doc_string.clone(),
        nodes,
        inputs: g.input.iter().map(convert_value_info).collect(),
        outputs: g.output.iter().map(convert_value_info).collect(),
        value_info: g.value_info.iter().map(convert_value_info).collect(),
        initializers: g.initializer.iter().map(convert_tensor).collect(),
        sparse_initializers: g
            .sparse_initializer
            .iter()
            .map(|s| s.values.as_ref().map(|v| v.name.clone()).unwrap_or_default())
            .collect(),
    }
}

fn convert_node(n: &NodeProto, index: usize, used: &mut HashSet<String>) -> Node {
    let base = if n.name.is_empty() { format!("{}_{index}", n.op_type) } else { n.name.clone() };
    let mut name = base.clone();
    let mut k = 1;
    while !used.insert(name.clone()) {
        name = format!("{base}_{k}");
        k += 1;
    }
    Node {
        name,
        op_type: n.op_type.clone(),
        domain: n.domain.clone(),
        inputs: n.input.clone(),
        outputs: n.output.clone(),
        attributes: n.attribute.iter().map(convert_attribute).collect(),
        doc_string: n.doc_string.clone(),
    }
}

fn convert_attribute(a: &AttributeProto) -> Attribute {
    let missing = |what: &str| AttrValue::Other(format!("{what} attribute without a value"));
    let value = if !a.ref_attr_name.is_empty() {
        AttrValue::Other(format!("reference to function attribute {}", a.ref_attr_name))
    } else {
        match a.type_.enum_value() {
            Ok(AttributeType::FLOAT) => AttrValue::Float(a.f),
            Ok(AttributeType::INT) => AttrValue::Int(a.i),
            Ok(AttributeType::STRING) => AttrValue::String(a.s.clone()),
            Ok(AttributeType::TENSOR) => {
                a.t.as_ref().map_or_else(|| missing("tensor"), |t| AttrValue::Tensor(convert_tensor(t)))
            }
            Ok(AttributeType::GRAPH) => {
                a.g.as_ref().map_or_else(|| missing("graph"), |g| AttrValue::Graph(Box::new(convert_graph(g))))
            }
            Ok(AttributeType::FLOATS) => AttrValue::Floats(a.floats.clone()),
            Ok(AttributeType::INTS) => AttrValue::Ints(a.ints.clone()),
            Ok(AttributeType::STRINGS) => AttrValue::Strings(a.strings.clone()),
            Ok(AttributeType::TENSORS) => AttrValue::Tensors(a.tensors.iter().map(convert_tensor).collect()),
            Ok(AttributeType::GRAPHS) => AttrValue::Graphs(a.graphs.iter().map(convert_graph).collect()),
            Ok(AttributeType::SPARSE_TENSOR) | Ok(AttributeType::SPARSE_TENSORS) => {
                AttrValue::Other("sparse tensor".into())
            }
            Ok(AttributeType::TYPE_PROTO) | Ok(AttributeType::TYPE_PROTOS) => AttrValue::Other("type proto".into()),
            Ok(AttributeType::UNDEFINED) | Err(_) => AttrValue::Other("undefined attribute type".into()),
        }
    };
    Attribute { name: a.name.clone(), value }
}

fn convert_value_info(v: &ValueInfoProto) -> ValueInfo {
    let ty = match v.type_.as_ref().and_then(|t| t.value.as_ref()) {
        Some(type_proto::Value::TensorType(t)) => ValueType::Tensor {
            elem_type: t.elem_type,
            shape: t.shape.as_ref().map(|s| {
                s.dim
                    .iter()
                    .map(|d| match &d.value {
                        Some(dimension::Value::DimValue(v)) => Dim::Known(*v),
                        Some(dimension::Value::DimParam(p)) => Dim::Param(p.clone()),
                        _ => Dim::Unknown,
                    })
                    .collect()
            }),
        },
        Some(type_proto::Value::SequenceType(_)) => ValueType::Other("sequence"),
        Some(type_proto::Value::MapType(_)) => ValueType::Other("map"),
        Some(type_proto::Value::OptionalType(_)) => ValueType::Other("optional"),
        Some(type_proto::Value::SparseTensorType(_)) => ValueType::Other("sparse tensor"),
        Some(_) => ValueType::Other("unknown type"),
        None => ValueType::Other("untyped"),
    };
    ValueInfo { name: v.name.clone(), ty, doc_string: v.doc_string.clone() }
}

fn convert_tensor(t: &TensorProto) -> TensorData {
    TensorData {
        name: t.name.clone(),
        elem_type: t.data_type,
        dims: t.dims.clone(),
        content: match decode(t) {
            Ok(lit) => TensorContent::Literal(lit),
            Err(reason) => TensorContent::Unusable(reason),
        },
    }
}

fn decode(t: &TensorProto) -> Result<Literal, String> {
    let dtype = DType::from_onnx(t.data_type)
        .ok_or_else(|| format!("element type {} is not supported", DType::onnx_code_name(t.data_type)))?;
    if t.data_location.enum_value() == Ok(DataLocation::EXTERNAL) {
        return Err("its data is stored in an external file, which cairn does not read".into());
    }
    if t.segment.is_some() {
        return Err("segmented tensors are not supported".into());
    }
    let mut shape = Vec::with_capacity(t.dims.len());
    for &d in &t.dims {
        shape.push(usize::try_from(d).map_err(|_| format!("negative dimension {d} in {:?}", t.dims))?);
    }
    let n = cairn_runtime::shape::checked_numel(&shape).map_err(|e| e.to_string())?;
    let data = if !t.raw_data.is_empty() { decode_raw(&t.raw_data, dtype)? } else { decode_typed(t, dtype)? };
    let len = match &data {
        LiteralData::Real(v) => v.len(),
        LiteralData::Int(v) => v.len(),
    };
    if len != n {
        return Err(format!("it holds {len} values but its dims {:?} need {n}", t.dims));
    }
    Ok(Literal { dtype, shape, data })
}

fn decode_typed(t: &TensorProto, dtype: DType) -> Result<LiteralData, String> {
    let ints32 = || t.int32_data.iter().map(|&v| v as i64).collect::<Vec<_>>();
    Ok(match dtype {
        DType::F32 => LiteralData::Real(t.float_data.iter().map(|&v| v as f64).collect()),
        DType::F64 => LiteralData::Real(t.double_data.clone()),
        DType::F16 => LiteralData::Real(t.int32_data.iter().map(|&v| f16_to_f64(v as u16)).collect()),
        DType::BF16 => LiteralData::Real(t.int32_data.iter().map(|&v| bf16_to_f64(v as u16)).collect()),
        DType::I8 | DType::I16 | DType::I32 | DType::U8 | DType::U16 | DType::Bool => LiteralData::Int(ints32()),
        DType::I64 => LiteralData::Int(t.int64_data.clone()),
        DType::U32 | DType::U64 => LiteralData::Int(
            t.uint64_data
                .iter()
                .map(|&v| i64::try_from(v).map_err(|_| format!("value {v} exceeds cairn's integer range")))
                .collect::<Result<_, _>>()?,
        ),
    })
}

fn decode_raw(raw: &[u8], dtype: DType) -> Result<LiteralData, String> {
    let width = match dtype {
        DType::I8 | DType::U8 | DType::Bool => 1,
        DType::I16 | DType::U16 | DType::F16 | DType::BF16 => 2,
        DType::I32 | DType::U32 | DType::F32 => 4,
        DType::I64 | DType::U64 | DType::F64 => 8,
    };
    if !raw.len().is_multiple_of(width) {
        return Err(format!("raw data of {} bytes is not a whole number of {width}-byte {dtype} values", raw.len()));
    }
    let words = raw.chunks_exact(width);
    let arr = |c: &[u8]| -> [u8; 8] {
        let mut a = [0u8; 8];
        a[..c.len()].copy_from_slice(c);
        a
    };
    Ok(match dtype {
        DType::F32 => LiteralData::Real(words.map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]) as f64).collect()),
        DType::F64 => LiteralData::Real(words.map(|c| f64::from_le_bytes(arr(c))).collect()),
        DType::F16 => LiteralData::Real(words.map(|c| f16_to_f64(u16::from_le_bytes([c[0], c[1]]))).collect()),
        DType::BF16 => LiteralData::Real(words.map(|c| bf16_to_f64(u16::from_le_bytes([c[0], c[1]]))).collect()),
        DType::I8 => LiteralData::Int(words.map(|c| c[0] as i8 as i64).collect()),
        DType::U8 | DType::Bool => LiteralData::Int(words.map(|c| c[0] as i64).collect()),
        DType::I16 => LiteralData::Int(words.map(|c| i16::from_le_bytes([c[0], c[1]]) as i64).collect()),
        DType::U16 => LiteralData::Int(words.map(|c| u16::from_le_bytes([c[0], c[1]]) as i64).collect()),
        DType::I32 => LiteralData::Int(words.map(|c| i32::from_le_bytes([c[0], c[1], c[2], c[3]]) as i64).collect()),
        DType::U32 => LiteralData::Int(words.map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]) as i64).collect()),
        DType::I64 => LiteralData::Int(words.map(|c| i64::from_le_bytes(arr(c))).collect()),
        DType::U64 => LiteralData::Int(
            words
                .map(|c| {
                    let v = u64::from_le_bytes(arr(c));
                    i64::try_from(v).map_err(|_| format!("value {v} exceeds cairn's integer range"))
                })
                .collect::<Result<_, _>>()?,
        ),
    })
}

/// IEEE half precision to f64 (exact).
pub fn f16_to_f64(bits: u16) -> f64 {
    let sign = if bits & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = ((bits >> 10) & 0x1f) as i32;
    let frac = (bits & 0x3ff) as f64;
    sign * match exp {
        0 => frac * 2f64.powi(-24),
        31 if frac == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        e => (1.0 + frac / 1024.0) * 2f64.powi(e - 15),
    }
}

/// bfloat16 (the top half of an f32) to f64 (exact).
pub fn bf16_to_f64(bits: u16) -> f64 {
    f32::from_bits((bits as u32) << 16) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_precision() {
        assert_eq!(f16_to_f64(0x3c00), 1.0);
        assert_eq!(f16_to_f64(0xc000), -2.0);
        assert_eq!(f16_to_f64(0x0001), 2f64.powi(-24));
        assert!(f16_to_f64(0x7c00).is_infinite());
        assert_eq!(bf16_to_f64(0x3f80), 1.0);
    }

    #[test]
    fn rejects_garbage_and_empty() {
        assert!(matches!(load_model_bytes(&[], "x"), Err(LoadError::Empty(_))));
        assert!(matches!(load_model_bytes(b"\xff\xff\xff\xff", "x"), Err(LoadError::Decode { .. })));
        // valid protobuf, but not a model
        assert!(matches!(
            load_model_bytes(b"hello world", "x"),
            Err(LoadError::Decode { .. } | LoadError::NotOnnx { .. })
        ));
    }
}
