//! Row-form convolutions in packed lanes: several output channels' exact
//! sums share one felt, one multiplication per tap advances all of them, and
//! each lane is split and rounded once — with a folded Relu or Clip, four
//! lanes at scale 16 and two at scale 32. The lanes are exact only below the
//! packing's norm bound: an input beyond it takes the library's loops, and
//! both paths equal the reference bit for bit.

use crate::support::{
    float_tensor, image_sample_json as sample_json, lcg_values as values, model, node, tensor_info, tmp_path,
    with_ints_attr,
};

/// x [1,4,6,6] -> Conv 4->8 3x3 pad 1 -> Relu -> Conv 8->8 3x3 pad 1 -> Clip [-0.5, 0.25]
///   -> MaxPool 2x2 -> Conv 8->8 1x1 in 2 groups -> y [1,8,3,3]: packed with a folded
///   Relu, with a folded Clip and pool, and in groups of four channels without either.
fn packed_model() -> cairn::Model {
    let scaled = |n: usize, seed: u64, f: f32| values(n, seed).iter().map(|v| v * f).collect::<Vec<_>>();
    let nodes = vec![
        with_ints_attr(node("c1", "Conv", &["x", "w1", "b1"], &["c1o"]), "pads", &[1, 1, 1, 1]),
        node("r1", "Relu", &["c1o"], &["a1"]),
        with_ints_attr(node("c2", "Conv", &["a1", "w2", "b2"], &["c2o"]), "pads", &[1, 1, 1, 1]),
        node("k2", "Clip", &["c2o", "lo", "hi"], &["a2"]),
        with_ints_attr(
            with_ints_attr(node("p2", "MaxPool", &["a2"], &["m2"]), "kernel_shape", &[2, 2]),
            "strides",
            &[2, 2],
        ),
        crate::support::with_int_attr(node("c3", "Conv", &["m2", "w3"], &["y"]), "group", 2),
    ];
    let inits = vec![
        float_tensor("w1", &[8, 4, 3, 3], &scaled(288, 1, 0.5)),
        float_tensor("b1", &[8], &scaled(8, 2, 0.3)),
        float_tensor("w2", &[8, 8, 3, 3], &scaled(576, 3, 0.3)),
        float_tensor("b2", &[8], &scaled(8, 4, 0.2)),
        float_tensor("w3", &[8, 4, 1, 1], &values(32, 5)),
        float_tensor("lo", &[], &[-0.5]),
        float_tensor("hi", &[], &[0.25]),
    ];
    let bytes = model(nodes, vec![tensor_info("x", &[1, 4, 6, 6])], vec![tensor_info("y", &[1, 8, 3, 3])], inits);
    cairn::Model::from_bytes(bytes, "packed_conv.onnx").expect("model")
}

/// `spike`: an input value beyond the packing's norm bound at this scale
/// whose layer outputs all stay storable.
fn check(bits: u32, lanes: usize, spike: f32) {
    let m = packed_model();
    let scale = cairn::Scale::new(bits).unwrap();
    let dir = tmp_path(&format!("packed-conv-{bits}"));
    let package = m.transpile(&dir, scale, None).expect("transpile");
    let lib = std::fs::read_to_string(dir.join("src/lib.cairo")).expect("lib.cairo");
    for call in [
        format!("cairn::packed::split_{lanes}("),
        format!("cairn::packed::split_{lanes}_relu("),
        format!("cairn::packed::raw_{lanes}("),
        "cairn::packed::round_clamp(".to_string(),
    ] {
        assert!(lib.contains(&call), "scale {bits}: no {call} in\n{lib}");
    }
    let c3 = lib.split("fn node_c3(").nth(1).expect("node_c3");
    assert!(c3[..c3.find("\n}").unwrap()].contains("C3_LANES"), "the grouped conv is packed:\n{lib}");
    let p2 = lib.split("fn node_p2(").nth(1).expect("node_p2");
    assert!(!p2[..p2.find("\n}").unwrap()].contains("cairn::ops::"), "the pool is folded:\n{lib}");
    let program = package.compile().expect("compile");
    let mut steps = Vec::new();
    for (seed, spike) in [(40, None), (41, None), (42, Some(spike))] {
        let mut x: Vec<f32> = values(144, seed).iter().map(|v| v * 2.0).collect();
        if let Some(v) = spike {
            // one input far beyond the norm bound (but every conv output
            // stays storable): the library's loops compute the layer
            x[40] = v;
        }
        let json = sample_json("x", &x, 4, 6, 6);
        let sample = m.parse_samples(json.as_bytes(), "sample").expect("sample").remove(0);
        let reference = m.evaluate(scale, &sample).expect("reference");
        let run = program.run(&sample).expect("Cairo run");
        assert_eq!(run.outputs[0].raw, reference[0].raw, "scale {bits}, seed {seed}: Cairo differs from the reference");
        steps.push(run.vm.steps);
    }
    // the spiked input took the (much slower) plain path
    assert!(steps[2] > 3 * steps[0], "scale {bits}: steps {steps:?}");
}

#[test]
fn a_packed_convolution_at_scale_16_is_exact_on_both_paths() {
    // bound 2^43 at scale 16: 2^27 ≈ 1.3e8 in real terms
    check(16, 4, 1.0e9);
}

#[test]
fn a_packed_convolution_at_scale_32_is_exact_on_both_paths() {
    // bound 2^62 at scale 32: 2^30 ≈ 1.07e9 in real terms (the stored range ends at 2^31)
    check(32, 2, 1.2e9);
}
