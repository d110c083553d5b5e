use cairn_runtime::{DType, Literal, LiteralData};
use cairn_transpiler::ir::{AttrValue, Attribute, Graph, Node, TensorContent, TensorData, ValueInfo, ValueType};

use crate::golden::case::{Case, Input};

/// A body node.
fn node(op: &str, inputs: &[&str], outputs: &[&str], attributes: Vec<Attribute>) -> Node {
    Node {
        name: format!("body_{}", outputs[0]),
        op_type: op.into(),
        domain: String::new(),
        inputs: inputs.iter().map(|s| s.to_string()).collect(),
        outputs: outputs.iter().map(|s| s.to_string()).collect(),
        attributes,
        doc_string: String::new(),
    }
}

fn ints(name: &str, v: &[i64]) -> Attribute {
    Attribute { name: name.into(), value: AttrValue::Ints(v.to_vec()) }
}

/// A body graph: typed inputs of unknown shape, untyped outputs.
fn body(inputs: &[(&str, DType)], outputs: &[&str], nodes: Vec<Node>, initializers: Vec<TensorData>) -> AttrValue {
    let typed = |(name, dtype): &(&str, DType)| ValueInfo {
        name: name.to_string(),
        ty: ValueType::Tensor { elem_type: dtype.onnx_code(), shape: None },
        doc_string: String::new(),
    };
    let untyped =
        |name: &&str| ValueInfo { name: name.to_string(), ty: ValueType::Other("untyped"), doc_string: String::new() };
    AttrValue::Graph(Box::new(Graph {
        name: "body".into(),
        nodes,
        inputs: inputs.iter().map(typed).collect(),
        outputs: outputs.iter().map(untyped).collect(),
        initializers,
        ..Default::default()
    }))
}

/// A running sum: state + slice is the next state and the scan output.
fn running_sum(dtype: DType) -> AttrValue {
    body(
        &[("sum_in", dtype), ("next", dtype)],
        &["sum_out", "scan_out"],
        vec![
            node("Add", &["sum_in", "next"], &["sum_out"], vec![]),
            node("Identity", &["sum_out"], &["scan_out"], vec![]),
        ],
        vec![],
    )
}

/// skl2onnx's k-NN distance loop: the batch is carried unchanged, each
/// training row gives the squared distances of every batch row to it.
fn squared_distances() -> AttrValue {
    body(
        &[("batch_in", DType::F32), ("row", DType::F32)],
        &["batch_out", "dist"],
        vec![
            node("Identity", &["batch_in"], &["batch_out"], vec![]),
            node("Sub", &["batch_in", "row"], &["diff"], vec![]),
            node(
                "ReduceSumSquare",
                &["diff"],
                &["dist"],
                vec![ints("axes", &[1]), Attribute { name: "keepdims".into(), value: AttrValue::Int(0) }],
            ),
        ],
        vec![],
    )
}

/// A body with its own initializer: a decaying accumulator s' = s·w + x.
fn decay() -> AttrValue {
    let w = TensorData {
        name: "w".into(),
        elem_type: DType::F32.onnx_code(),
        dims: vec![3],
        content: TensorContent::Literal(Literal {
            dtype: DType::F32,
            shape: vec![3],
            data: LiteralData::Real(vec![0.5, -0.75, 0.125]),
        }),
    };
    body(
        &[("acc_in", DType::F32), ("x", DType::F32)],
        &["acc_out", "scaled"],
        vec![
            node("Mul", &["acc_in", "w"], &["weighted"], vec![]),
            node("Add", &["weighted", "x"], &["acc_out"], vec![]),
            node("Mul", &["acc_out", "acc_out"], &["scaled"], vec![]),
        ],
        vec![w],
    )
}

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 4.0 };
    let w = |shape: &[usize]| Input::Weight { shape: shape.to_vec(), range: 4.0 };
    vec![
        Case::new("scan_running_sum", "Scan", vec![r(&[2]), r(&[4, 2])])
            .attr("body", running_sum(DType::F32))
            .int("num_scan_inputs", 1)
            .outputs(2),
        Case::new("scan_knn_distances", "Scan", vec![r(&[2, 4]), w(&[5, 4])])
            .attr("body", squared_distances())
            .int("num_scan_inputs", 1)
            .opset(17)
            .outputs(2),
        Case::new("scan_knn_distances_3x6", "Scan", vec![r(&[3, 4]), w(&[6, 4])])
            .attr("body", squared_distances())
            .int("num_scan_inputs", 1)
            .opset(17)
            .outputs(2),
        Case::new("scan_axes_and_directions", "Scan", vec![r(&[3]), r(&[3, 4])])
            .attr("body", decay())
            .int("num_scan_inputs", 1)
            .ints("scan_input_axes", &[1])
            .ints("scan_input_directions", &[1])
            .ints("scan_output_axes", &[-1])
            .ints("scan_output_directions", &[1])
            .outputs(2),
        Case::new("scan_reverse_input_only", "Scan", vec![r(&[3]), r(&[5, 3])])
            .attr("body", decay())
            .int("num_scan_inputs", 1)
            .ints("scan_input_directions", &[1])
            .outputs(2),
        Case::new(
            "scan_int64_sum",
            "Scan",
            vec![
                Input::Int { shape: vec![2], dtype: DType::I64, values: vec![0, -5] },
                Input::Int { shape: vec![3, 2], dtype: DType::I64, values: vec![1, 2, -3, 40, 5, 6] },
            ],
        )
        .attr("body", running_sum(DType::I64))
        .int("num_scan_inputs", 1)
        .outputs(2),
    ]
}
