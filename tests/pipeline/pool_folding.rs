//! A MaxPool whose windows tile a row-form Conv's output, read by it alone
//! (through a folded Relu or directly), is computed by the convolution: the
//! maximum of each window's exact sums, one rounding — the reference's Conv,
//! Relu and MaxPool bit for bit, including the overflow a non-maximal
//! output's rounding reports. Pools that overlap or pad stay nodes.

use onnx_protobuf::NodeProto;

use crate::support::{
    float_tensor, image_sample_json as sample_json, lcg_values as values, model, node, node_body as body, tensor_info,
    tmp_path, with_ints_attr as ints_attr,
};

fn pool(name: &str, input: &str, output: &str, kernel: &[i64], strides: &[i64]) -> NodeProto {
    ints_attr(ints_attr(node(name, "MaxPool", &[input], &[output]), "kernel_shape", kernel), "strides", strides)
}

#[test]
fn a_tiling_max_pool_is_folded_into_the_conv_and_exact() {
    // x -> Conv 3x3 pad 1 -> Relu -> MaxPool 2x2/2 -> Conv 3x3 (no pad) -> MaxPool 2x3/2x3 -> y,
    // and a side branch whose MaxPool overlaps (3x3 stride 2): that one stays a node.
    let nodes = vec![
        ints_attr(node("c1", "Conv", &["x", "w1", "b1"], &["c1o"]), "pads", &[1, 1, 1, 1]),
        node("r1", "Relu", &["c1o"], &["r1o"]),
        pool("p1", "r1o", "p1o", &[2, 2], &[2, 2]),
        node("c2", "Conv", &["p1o", "w2", "b2"], &["c2o"]),
        pool("p2", "c2o", "y", &[2, 3], &[2, 3]),
        node("c3", "Conv", &["x", "w3"], &["c3o"]),
        pool("p3", "c3o", "z", &[3, 3], &[2, 2]),
    ];
    let inits = vec![
        float_tensor("w1", &[3, 2, 3, 3], &values(54, 1)),
        float_tensor("b1", &[3], &[0.1, -0.2, 0.0]),
        float_tensor("w2", &[2, 3, 3, 3], &values(54, 2)),
        float_tensor("b2", &[2], &[-0.3, 0.2]),
        float_tensor("w3", &[2, 2, 2, 2], &values(16, 3)),
    ];
    let bytes = model(
        nodes,
        vec![tensor_info("x", &[1, 2, 12, 16])],
        vec![tensor_info("y", &[1, 2, 2, 2]), tensor_info("z", &[1, 2, 5, 7])],
        inits,
    );
    let m = cairn::Model::from_bytes(bytes, "pool_folding.onnx").expect("model");
    let scale = cairn::Scale::new(16).unwrap();
    let dir = tmp_path("pool-folding");
    let package = m.transpile(&dir, scale, None).expect("transpile");
    let lib = std::fs::read_to_string(dir.join("src/lib.cairo")).expect("lib.cairo");
    for folded in ["node_p1", "node_p2", "node_r1"] {
        let b = body(&lib, folded);
        assert!(!b.contains("cairn::ops::"), "{folded} should pass its input through:\n{b}");
    }
    assert!(body(&lib, "node_p3").contains("max_pool"), "p3 overlaps: kept");
    assert!(lib.contains("cairn::fixed::check_rescalable("), "{lib}");

    let program = package.compile().expect("compile");
    for seed in 20..23 {
        let x: Vec<f32> = values(2 * 12 * 16, seed).iter().map(|v| v * 3.0).collect();
        let json = sample_json("x", &x, 2, 12, 16);
        let sample = m.parse_samples(json.as_bytes(), "sample").expect("sample").remove(0);
        let reference = m.evaluate(scale, &sample).expect("reference");
        let run = program.run(&sample).expect("Cairo run");
        for (o, r) in run.outputs.iter().zip(&reference) {
            assert_eq!(o.raw, r.raw, "seed {seed}: Cairo differs from the reference");
        }
    }
}

#[test]
fn an_overflow_outside_the_window_maximum_still_fails() {
    // One conv output far below the stored range: the reference's rounding of
    // it overflows, although the pool would discard it.
    let nodes = vec![node("c", "Conv", &["x", "w"], &["co"]), pool("p", "co", "y", &[2, 2], &[2, 2])];
    let inits = vec![float_tensor("w", &[1, 1, 1, 1], &[-30000.0])];
    let bytes = model(nodes, vec![tensor_info("x", &[1, 1, 2, 2])], vec![tensor_info("y", &[1, 1, 1, 1])], inits);
    let m = cairn::Model::from_bytes(bytes, "pool_overflow.onnx").expect("model");
    let scale = cairn::Scale::new(16).unwrap();
    let dir = tmp_path("pool-overflow");
    let package = m.transpile(&dir, scale, None).expect("transpile");
    let lib = std::fs::read_to_string(dir.join("src/lib.cairo")).expect("lib.cairo");
    assert!(!body(&lib, "node_p").contains("cairn::ops::"), "the pool is folded:\n{lib}");
    let program = package.compile().expect("compile");
    // 1e10 * -30000 = -3e14 < -2^47: out of range; the other three are 0 or negative.
    for (x, overflows) in [([1.0e10f32, 0.0, 1.0, 2.0], true), ([1.0e9, 0.0, -1.0, 2.0], false)] {
        let json = sample_json("x", &x, 1, 2, 2);
        let sample = m.parse_samples(json.as_bytes(), "sample").expect("sample").remove(0);
        let reference = m.evaluate(scale, &sample);
        let run = program.run(&sample);
        assert_eq!(reference.is_err(), overflows, "reference: {reference:?}");
        match (run, reference) {
            (Err(e), Err(_)) => assert!(e.to_string().contains("overflow"), "{e}"),
            (Ok(run), Ok(reference)) => assert_eq!(run.outputs[0].raw, reference[0].raw),
            (run, reference) => panic!("Cairo {run:?} but reference {reference:?}"),
        }
    }
}
