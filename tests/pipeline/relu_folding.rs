//! A Relu that alone reads a dense layer's output is folded into the layer's
//! rounding (`rescale_relu`) on every dense fast path — Conv in row form,
//! Conv through the tap table, Gemm — and the result stays the reference's,
//! bit for bit; a dense output with a second reader keeps its Relu.

use crate::support::{
    float_tensor, lcg_values as values, model, node, tensor_info, tmp_path, with_ints_attr as ints_attr,
};

#[test]
fn relu_after_a_dense_layer_is_folded_and_exact() {
    // x -> Conv (dilated: tap table) -> Relu -> Conv (row form) -> Relu
    //   -> Flatten -> Gemm -> Relu -> y;  the second conv's output is also
    //   added to itself, so its Relu (reading it with the Add) stays a node.
    let nodes = vec![
        ints_attr(node("dil", "Conv", &["x", "w1", "b1"], &["c1"]), "dilations", &[2, 2]),
        node("r1", "Relu", &["c1"], &["a1"]),
        ints_attr(node("rows", "Conv", &["a1", "w2", "b2"], &["c2"]), "pads", &[1, 1, 1, 1]),
        node("r2", "Relu", &["c2"], &["a2"]),
        node("twice", "Add", &["c2", "a2"], &["s2"]),
        node("flat", "Flatten", &["s2"], &["f"]),
        crate::support::with_int_attr(node("fc", "Gemm", &["f", "w3", "b3"], &["g"]), "transB", 1),
        node("r3", "Relu", &["g"], &["y"]),
    ];
    let inits = vec![
        float_tensor("w1", &[3, 2, 3, 3], &values(54, 1)),
        float_tensor("b1", &[3], &[0.1, -0.2, 0.0]),
        float_tensor("w2", &[2, 3, 3, 3], &values(54, 2)),
        float_tensor("b2", &[2], &[-0.3, 0.2]),
        float_tensor("w3", &[5, 8], &values(40, 3)),
        float_tensor("b3", &[5], &[0.0, 5.0, -5.0, 0.1, -0.1]),
    ];
    let bytes = model(nodes, vec![tensor_info("x", &[1, 2, 6, 6])], vec![tensor_info("y", &[1, 5])], inits);
    let m = cairn::Model::from_bytes(bytes, "relu_folding.onnx").expect("model");
    let scale = cairn::Scale::new(16).unwrap();
    let dir = tmp_path("relu-folding");
    let package = m.transpile(&dir, scale, None).expect("transpile");
    let lib = std::fs::read_to_string(dir.join("src/lib.cairo")).expect("lib.cairo");
    assert!(lib.contains("cairn::fixed::rescale_relu("), "{lib}");
    for folded in ["node_r1", "node_r3"] {
        let body = lib.split(&format!("fn {folded}(")).nth(1).expect("node function");
        let body = &body[..body.find("\n}").expect("end")];
        assert!(!body.contains("relu::relu"), "{folded} should pass its input through:\n{body}");
    }
    let r2 = lib.split("fn node_r2(").nth(1).expect("node_r2");
    assert!(r2[..r2.find("\n}").unwrap()].contains("cairn::ops::relu::relu"), "r2 has two readers: kept");

    let program = package.compile().expect("compile");
    let (mut zeros, mut positives) = (0, 0);
    for seed in 10..14 {
        let x = values(72, seed);
        // nested as [1][2][6][6]
        let rows: Vec<Vec<f32>> = x.chunks(6).map(|r| r.to_vec()).collect();
        let planes: Vec<Vec<Vec<f32>>> = rows.chunks(6).map(|p| p.to_vec()).collect();
        let json = serde_json::json!({ "x": [planes] }).to_string();
        let sample = m.parse_samples(json.as_bytes(), "sample").expect("sample").remove(0);
        let reference = m.evaluate(scale, &sample).expect("reference");
        let run = program.run(&sample).expect("Cairo run");
        assert_eq!(run.outputs[0].raw, reference[0].raw, "seed {seed}: Cairo differs from the reference");
        zeros += reference[0].raw.iter().filter(|&&v| v == 0).count();
        positives += reference[0].raw.iter().filter(|&&v| v > 0).count();
    }
    // Both branches of the folded rounding ran (b3 forces one of each).
    assert!(zeros > 0 && positives > 0, "{zeros} clipped, {positives} positive");
}
