//! Builds small ONNX models in tests (no Python needed) and runs the `cairn`
//! binary.

#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;

use onnx_protobuf::{
    attribute_proto::AttributeType, tensor_proto::DataType, tensor_shape_proto, type_proto, AttributeProto, GraphProto,
    Message, ModelProto, NodeProto, OperatorSetIdProto, TensorProto, TensorShapeProto, TypeProto, ValueInfoProto,
};

pub fn tmp_path(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cairn-tests");
    std::fs::create_dir_all(&dir).expect("create tmp dir");
    dir.join(name)
}

pub fn write(name: &str, bytes: &[u8]) -> PathBuf {
    let p = tmp_path(name);
    std::fs::write(&p, bytes).expect("write test file");
    p
}

pub fn tensor_info(name: &str, dims: &[i64]) -> ValueInfoProto {
    let mut shape = TensorShapeProto::new();
    for &d in dims {
        let mut dim = tensor_shape_proto::Dimension::new();
        dim.value = Some(tensor_shape_proto::dimension::Value::DimValue(d));
        shape.dim.push(dim);
    }
    let mut t = type_proto::Tensor::new();
    t.elem_type = DataType::FLOAT as i32;
    t.shape = Some(shape).into();
    let mut ty = TypeProto::new();
    ty.value = Some(type_proto::Value::TensorType(t));
    let mut vi = ValueInfoProto::new();
    vi.name = name.into();
    vi.type_ = Some(ty).into();
    vi
}

pub fn float_tensor(name: &str, dims: &[i64], values: &[f32]) -> TensorProto {
    let mut t = TensorProto::new();
    t.name = name.into();
    t.dims = dims.to_vec();
    t.data_type = DataType::FLOAT as i32;
    t.float_data = values.to_vec();
    t
}

pub fn node(name: &str, op: &str, inputs: &[&str], outputs: &[&str]) -> NodeProto {
    let mut n = NodeProto::new();
    n.name = name.into();
    n.op_type = op.into();
    n.input = inputs.iter().map(|s| s.to_string()).collect();
    n.output = outputs.iter().map(|s| s.to_string()).collect();
    n
}

pub fn with_ints_attr(mut n: NodeProto, name: &str, v: &[i64]) -> NodeProto {
    let mut a = AttributeProto::new();
    a.name = name.into();
    a.type_ = AttributeType::INTS.into();
    a.ints = v.to_vec();
    n.attribute.push(a);
    n
}

/// Deterministic values in [-1, 1) (a seeded LCG).
pub fn lcg_values(n: usize, seed: u64) -> Vec<f32> {
    let mut s = seed;
    (0..n)
        .map(|_| {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((s >> 40) as f32 / (1u64 << 24) as f32) * 2.0 - 1.0
        })
        .collect()
}

pub fn with_int_attr(mut n: NodeProto, name: &str, v: i64) -> NodeProto {
    let mut a = AttributeProto::new();
    a.name = name.into();
    a.type_ = AttributeType::INT.into();
    a.i = v;
    n.attribute.push(a);
    n
}

pub fn model(
    nodes: Vec<NodeProto>,
    inputs: Vec<ValueInfoProto>,
    outputs: Vec<ValueInfoProto>,
    initializers: Vec<TensorProto>,
) -> Vec<u8> {
    let mut g = GraphProto::new();
    g.name = "test".into();
    g.node = nodes;
    g.input = inputs;
    g.output = outputs;
    g.initializer = initializers;
    let mut m = ModelProto::new();
    m.ir_version = 8;
    let mut opset = OperatorSetIdProto::new();
    opset.version = 13;
    m.opset_import.push(opset);
    m.graph = Some(g).into();
    m.write_to_bytes().expect("serialize model")
}

/// A `.npy` file (format 1.0) of little-endian f32 values.
pub fn npy_f32(shape: &[usize], values: &[f32]) -> Vec<u8> {
    let dims: Vec<String> = shape.iter().map(|d| d.to_string()).collect();
    let shape_str = if dims.len() == 1 { format!("({},)", dims[0]) } else { format!("({})", dims.join(", ")) };
    let mut header = format!("{{'descr': '<f4', 'fortran_order': False, 'shape': {shape_str}, }}");
    while (10 + header.len() + 1) % 64 != 0 {
        header.push(' ');
    }
    header.push('\n');
    let mut out = b"\x93NUMPY\x01\x00".to_vec();
    out.extend((header.len() as u16).to_le_bytes());
    out.extend(header.as_bytes());
    for v in values {
        out.extend(v.to_le_bytes());
    }
    out
}

/// Runs the cairn binary; returns (success, stdout, stderr).
pub fn cairn(args: &[&str]) -> (bool, String, String) {
    cairn_without_env(args, &[])
}

/// Runs the cairn binary: its exit code (None when killed by a signal),
/// standard output and standard error.
pub fn cairn_status(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_cairn"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run cairn");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs the cairn binary without the environment variables `unset`.
pub fn cairn_without_env(args: &[&str], unset: &[&str]) -> (bool, String, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_cairn"));
    command.args(args).current_dir(env!("CARGO_MANIFEST_DIR"));
    for name in unset {
        command.env_remove(name);
    }
    let out = command.output().expect("run cairn");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Replaces the temp dir and durations in messages so snapshots are stable.
pub fn scrub(s: &str) -> String {
    let s = s.replace(tmp_path("").to_str().expect("utf-8 path"), "<tmp>/");
    regex::Regex::new(r"\(\d+\.\d+s\)").expect("regex").replace_all(&s, "(<time>)").into_owned()
}

/// The body of generated node function `name` in a package's `lib.cairo`.
pub fn node_body<'a>(lib: &'a str, name: &str) -> &'a str {
    let b = lib.split(&format!("fn {name}(")).nth(1).unwrap_or_else(|| panic!("no {name} in\n{lib}"));
    &b[..b.find("\n}").expect("end")]
}

/// `x` as a nested [1][c][h][w] JSON sample of input `name`.
pub fn image_sample_json(name: &str, x: &[f32], c: usize, h: usize, w: usize) -> String {
    let planes: Vec<Vec<Vec<f32>>> =
        (0..c).map(|ch| (0..h).map(|r| x[(ch * h + r) * w..(ch * h + r + 1) * w].to_vec()).collect()).collect();
    serde_json::json!({ name: [planes] }).to_string()
}
