//! A Clip with constant bounds (ReLU6 and the like) that alone reads a dense
//! layer's output is folded into the layer's rounding on every fast path —
//! Conv in row form (with a MaxPool folded after it too), Gemm plain and
//! packed — and the result stays the reference's, bit for bit, including
//! the overflow checks of the rounding. Clips whose bounds cross, or are not
//! constants, stay nodes.

use crate::support::{
    float_tensor, lcg_values as values, model, node, node_body as body, tensor_info, tmp_path, with_int_attr,
    with_ints_attr,
};

/// A JSON sample of flat inputs, nested to their shapes.
fn sample(inputs: &[(&str, &[usize], &[f32])]) -> String {
    fn nest(shape: &[usize], x: &[f32]) -> serde_json::Value {
        match shape {
            [] | [_] => serde_json::json!(x),
            [_, rest @ ..] => {
                let inner: usize = rest.iter().product();
                serde_json::Value::Array(x.chunks(inner).map(|c| nest(rest, c)).collect())
            }
        }
    }
    let map: serde_json::Map<String, serde_json::Value> =
        inputs.iter().map(|(name, shape, x)| (name.to_string(), nest(shape, x))).collect();
    serde_json::Value::Object(map).to_string()
}

#[test]
fn clip_after_a_dense_layer_is_folded_and_exact() {
    // x -> Conv 3x3 pad 1 -> Clip [0, 6] -> MaxPool 2x2/2 -> Conv 3x3 pad 1 -> Clip [-0.5, 0.25]
    //   -> Flatten -> Gemm -> Clip [-1, ∞) -> y;
    // v -> Gemm 64->32 (packed lanes) -> Clip [0, 0.5] -> w;
    // v -> Gemm 64->3 -> Clip [1, -1] (crossed: every output is -1) -> z, kept as a node.
    let nodes = vec![
        with_ints_attr(node("c1", "Conv", &["x", "w1", "b1"], &["c1o"]), "pads", &[1, 1, 1, 1]),
        node("k1", "Clip", &["c1o", "zero", "six"], &["k1o"]),
        with_ints_attr(
            with_ints_attr(node("p1", "MaxPool", &["k1o"], &["p1o"]), "kernel_shape", &[2, 2]),
            "strides",
            &[2, 2],
        ),
        with_ints_attr(node("c2", "Conv", &["p1o", "w2", "b2"], &["c2o"]), "pads", &[1, 1, 1, 1]),
        node("k2", "Clip", &["c2o", "minus_half", "quarter"], &["k2o"]),
        node("flat", "Flatten", &["k2o"], &["f"]),
        with_int_attr(node("fc", "Gemm", &["f", "w3", "b3"], &["g"]), "transB", 1),
        node("k3", "Clip", &["g", "minus_one", ""], &["y"]),
        with_int_attr(node("wide", "Gemm", &["v", "w4"], &["h"]), "transB", 1),
        node("k4", "Clip", &["h", "zero", "half"], &["w"]),
        with_int_attr(node("small", "Gemm", &["v", "w5"], &["s"]), "transB", 1),
        node("k5", "Clip", &["s", "one", "minus_one"], &["z"]),
    ];
    let scalar = |name: &str, v: f32| float_tensor(name, &[], &[v]);
    let inits = vec![
        float_tensor("w1", &[3, 2, 3, 3], &values(54, 1).iter().map(|v| v * 4.0).collect::<Vec<_>>()),
        float_tensor("b1", &[3], &[0.1, -0.2, 3.0]),
        float_tensor("w2", &[2, 3, 3, 3], &values(54, 2)),
        float_tensor("b2", &[2], &[-0.3, 0.2]),
        float_tensor("w3", &[5, 18], &values(90, 3)),
        float_tensor("b3", &[5], &[0.0, 5.0, -5.0, 0.1, -0.1]),
        float_tensor("w4", &[32, 64], &values(2048, 4).iter().map(|v| v * 0.2).collect::<Vec<_>>()),
        float_tensor("w5", &[3, 64], &values(192, 5)),
        scalar("zero", 0.0),
        scalar("six", 6.0),
        scalar("minus_half", -0.5),
        scalar("quarter", 0.25),
        scalar("minus_one", -1.0),
        scalar("half", 0.5),
        scalar("one", 1.0),
    ];
    let bytes = model(
        nodes,
        vec![tensor_info("x", &[1, 2, 6, 6]), tensor_info("v", &[1, 64])],
        vec![tensor_info("y", &[1, 5]), tensor_info("w", &[1, 32]), tensor_info("z", &[1, 3])],
        inits,
    );
    let m = cairn::Model::from_bytes(bytes, "clip_folding.onnx").expect("model");
    let scale = cairn::Scale::new(16).unwrap();
    let dir = tmp_path("clip-folding");
    let package = m.transpile(&dir, scale, None).expect("transpile");
    let lib = std::fs::read_to_string(dir.join("src/lib.cairo")).expect("lib.cairo");
    for folded in ["node_k1", "node_p1", "node_k2", "node_k3", "node_k4"] {
        assert!(!body(&lib, folded).contains("cairn::ops::"), "{folded} should pass its input through:\n{lib}");
    }
    assert!(lib.contains("cairn::fixed::rescale_clamp("), "{lib}");
    assert!(body(&lib, "node_wide").contains("WIDE_LANES"), "the 64->32 Gemm is packed:\n{lib}");
    assert!(lib.contains("_clamp(") && lib.contains("WIDE_CLAMP"), "its lanes are clamped:\n{lib}");
    assert!(body(&lib, "node_k5").contains("cairn::ops::clip::clip"), "crossed bounds: kept\n{lib}");

    let program = package.compile().expect("compile");
    let (mut low, mut high, mut inside) = (0, 0, 0);
    for seed in 30..34 {
        let x: Vec<f32> = values(72, seed).iter().map(|v| v * 2.0).collect();
        let v: Vec<f32> = values(64, seed + 100).iter().map(|v| v * 3.0).collect();
        let json = sample(&[("x", &[1, 2, 6, 6], &x), ("v", &[1, 64], &v)]);
        let sample = m.parse_samples(json.as_bytes(), "sample").expect("sample").remove(0);
        let reference = m.evaluate(scale, &sample).expect("reference");
        let run = program.run(&sample).expect("Cairo run");
        for (o, r) in run.outputs.iter().zip(&reference) {
            assert_eq!(o.raw, r.raw, "seed {seed}: Cairo differs from the reference");
        }
        // the packed output: below, inside and above [0, 0.5]
        for &q in &reference[1].raw {
            match q {
                0 => low += 1,
                32768 => high += 1,
                _ => inside += 1,
            }
        }
        assert!(reference[2].raw.iter().all(|&q| q == -65536), "crossed bounds give max");
    }
    assert!(low > 0 && high > 0 && inside > 0, "{low} at 0, {high} at 0.5, {inside} between");
}

#[test]
fn a_folded_clip_keeps_the_overflow_checks() {
    // x -> Conv 1x1 (w = -30000) -> Clip [0, 6]: a product beyond the stored
    // range overflows in the rounding, whichever bound the clip would give.
    let nodes = vec![node("c", "Conv", &["x", "w"], &["co"]), node("k", "Clip", &["co", "lo", "hi"], &["y"])];
    let inits = vec![
        float_tensor("w", &[1, 1, 1, 1], &[-30000.0]),
        float_tensor("lo", &[], &[0.0]),
        float_tensor("hi", &[], &[6.0]),
    ];
    let bytes = model(nodes, vec![tensor_info("x", &[1, 1, 1, 2])], vec![tensor_info("y", &[1, 1, 1, 2])], inits);
    let m = cairn::Model::from_bytes(bytes, "clip_overflow.onnx").expect("model");
    let scale = cairn::Scale::new(16).unwrap();
    let dir = tmp_path("clip-overflow");
    let package = m.transpile(&dir, scale, None).expect("transpile");
    let lib = std::fs::read_to_string(dir.join("src/lib.cairo")).expect("lib.cairo");
    assert!(!body(&lib, "node_k").contains("cairn::ops::"), "the clip is folded:\n{lib}");
    let program = package.compile().expect("compile");
    // ±1e10 * -30000 = ∓3e14, beyond ±2^47; ±1e9 gives ∓3e13, in range.
    for (x, overflows) in [([1.0e10f32, 0.0], true), ([-1.0e10, 0.0], true), ([1.0e9, -1.0e9], false)] {
        let json = sample(&[("x", &[1, 1, 1, 2], &x)]);
        let sample = m.parse_samples(json.as_bytes(), "sample").expect("sample").remove(0);
        let reference = m.evaluate(scale, &sample);
        assert_eq!(reference.is_err(), overflows, "reference: {reference:?}");
        match (program.run(&sample), reference) {
            (Err(e), Err(_)) => assert!(e.to_string().contains("overflow"), "{e}"),
            (Ok(run), Ok(reference)) => assert_eq!(run.outputs[0].raw, reference[0].raw),
            (run, reference) => panic!("Cairo {run:?} but reference {reference:?}"),
        }
    }
}
