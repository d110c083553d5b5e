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
    let steps =
        runs_equal_reference(&m, &program, scale, [(40, None), (41, None), (42, Some(spike))], |seed, spike| {
            let mut x: Vec<f32> = values(144, seed).iter().map(|v| v * 2.0).collect();
            if let Some(v) = spike {
                // one input far beyond the norm bound (but every conv output
                // stays storable): the library's loops compute the layer
                x[40] = v;
            }
            sample_json("x", &x, 4, 6, 6)
        });
    // the spiked input took the (much slower) plain path
    assert!(steps[2] > 3 * steps[0], "scale {bits}: steps {steps:?}");
}

/// Runs `m`'s compiled program on three samples made by `sample_of` from
/// seeds and an optional spike, checks every output against the reference
/// bit for bit, and returns the steps of each run.
fn runs_equal_reference(
    m: &cairn::Model,
    program: &cairn::Program,
    scale: cairn::Scale,
    runs: [(u64, Option<f32>); 3],
    sample_of: impl Fn(u64, Option<f32>) -> String,
) -> Vec<usize> {
    let mut steps = Vec::new();
    for (seed, spike) in runs {
        let json = sample_of(seed, spike);
        let sample = m.parse_samples(json.as_bytes(), "sample").expect("sample").remove(0);
        let reference = m.evaluate(scale, &sample).expect("reference");
        let run = program.run(&sample).expect("Cairo run");
        for (o, r) in run.outputs.iter().zip(&reference) {
            assert_eq!(o.raw, r.raw, "scale {}, seed {seed}: Cairo differs from the reference", scale.bits());
        }
        steps.push(run.vm.steps);
    }
    steps
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

/// x [1,2,6,8] -> Conv 2->8 3x3 pad 1 -> Relu -> AveragePool 2x2 -> Conv 8->4 3x3 pad 1
///   -> Clip [-0.5, 0.75] -> AveragePool 3x1 (an odd window: n = 3), and
///   x -> Conv 2->4 1x1 -> AveragePool 1x2 (no activation) -> z: every pool folded into
///   its packed convolution as the mean of rounded, activated lanes.
fn averaged_model() -> cairn::Model {
    let scaled = |n: usize, seed: u64, f: f32| values(n, seed).iter().map(|v| v * f).collect::<Vec<_>>();
    let avg = |name: &str, input: &str, output: &str, kernel: &[i64]| {
        with_ints_attr(
            with_ints_attr(node(name, "AveragePool", &[input], &[output]), "kernel_shape", kernel),
            "strides",
            kernel,
        )
    };
    let nodes = vec![
        with_ints_attr(node("c1", "Conv", &["x", "w1", "b1"], &["c1o"]), "pads", &[1, 1, 1, 1]),
        node("r1", "Relu", &["c1o"], &["a1"]),
        avg("p1", "a1", "m1", &[2, 2]),
        with_ints_attr(node("c2", "Conv", &["m1", "w2", "b2"], &["c2o"]), "pads", &[1, 1, 1, 1]),
        node("k2", "Clip", &["c2o", "lo", "hi"], &["a2"]),
        avg("p2", "a2", "y", &[3, 1]),
        node("c3", "Conv", &["x", "w3", "b3"], &["c3o"]),
        avg("p3", "c3o", "z", &[1, 2]),
    ];
    let inits = vec![
        float_tensor("w1", &[8, 2, 3, 3], &scaled(144, 11, 0.5)),
        float_tensor("b1", &[8], &scaled(8, 12, 0.3)),
        float_tensor("w2", &[4, 8, 3, 3], &scaled(288, 13, 0.3)),
        float_tensor("b2", &[4], &scaled(4, 14, 0.2)),
        float_tensor("w3", &[4, 2, 1, 1], &values(8, 15)),
        float_tensor("b3", &[4], &scaled(4, 16, 0.1)),
        float_tensor("lo", &[], &[-0.5]),
        float_tensor("hi", &[], &[0.75]),
    ];
    let bytes = model(
        nodes,
        vec![tensor_info("x", &[1, 2, 6, 8])],
        vec![tensor_info("y", &[1, 4, 1, 4]), tensor_info("z", &[1, 4, 6, 4])],
        inits,
    );
    cairn::Model::from_bytes(bytes, "averaged_conv.onnx").expect("model")
}

fn check_averaged(bits: u32, lanes: usize, spike: f32) {
    let m = averaged_model();
    let scale = cairn::Scale::new(bits).unwrap();
    let dir = tmp_path(&format!("averaged-conv-{bits}"));
    let package = m.transpile(&dir, scale, None).expect("transpile");
    let lib = std::fs::read_to_string(dir.join("src/lib.cairo")).expect("lib.cairo");
    for call in [
        format!("cairn::packed::quotients_{lanes}("),
        format!("cairn::packed::quotients_{lanes}_relu("),
        format!("cairn::packed::quotients_{lanes}_clamp("),
        "cairn::packed::mean_of(".to_string(),
        "cairn::ops::average_pool::average_pool_2d_tiles(".to_string(),
    ] {
        assert!(lib.contains(&call), "scale {bits}: no {call} in\n{lib}");
    }
    for folded in ["p1", "p2", "p3"] {
        let f = lib.split(&format!("fn node_{folded}(")).nth(1).expect("node function");
        assert!(!f[..f.find("\n}").unwrap()].contains("cairn::ops::"), "{folded} is folded:\n{lib}");
    }
    let program = package.compile().expect("compile");
    let steps =
        runs_equal_reference(&m, &program, scale, [(50, None), (51, None), (52, Some(spike))], |seed, spike| {
            let mut x: Vec<f32> = values(96, seed).iter().map(|v| v * 2.0).collect();
            if let Some(v) = spike {
                // beyond every layer's norm bound: the plain paths, then the tiles' means
                x[17] = v;
            }
            sample_json("x", &x, 2, 6, 8)
        });
    assert!(steps[2] > 2 * steps[0], "scale {bits}: the spike took the plain paths: steps {steps:?}");
}

#[test]
fn an_average_pool_after_a_packed_convolution_is_folded_and_exact_at_scale_16() {
    check_averaged(16, 4, 1.0e9);
}

#[test]
fn an_average_pool_after_a_packed_convolution_is_folded_and_exact_at_scale_32() {
    check_averaged(32, 2, 1.2e9);
}

/// Depthwise convolutions, whose groups have fewer channels than lanes, take
/// their lanes across output positions: x [1,4,7,9] -> depthwise 3x3 with
/// asymmetric pads (top 1, left 0, bottom 1, right 2) -> Relu -> depthwise
/// 3x3, strides 1x2, dilations 1x2 -> Clip [-0.5, 0.75] -> y, and x ->
/// depthwise with two channels per group (8 outputs) -> z, and x -> Clip
/// [-1, 1] -> depthwise -> u: the Clip bounds that layer's input, so it needs
/// no run-time norm check and has no plain path.
fn depthwise_model() -> cairn::Model {
    use crate::support::with_int_attr;
    let scaled = |n: usize, seed: u64, f: f32| values(n, seed).iter().map(|v| v * f).collect::<Vec<_>>();
    let dw = |name: &str, ins: &[&str], out: &str| with_int_attr(node(name, "Conv", ins, &[out]), "group", 4);
    let nodes = vec![
        with_ints_attr(dw("d1", &["x", "w1", "b1"], "d1o"), "pads", &[1, 0, 1, 2]),
        node("r1", "Relu", &["d1o"], &["a1"]),
        with_ints_attr(
            with_ints_attr(
                with_ints_attr(dw("d2", &["a1", "w2", "b2"], "d2o"), "pads", &[1, 1, 1, 1]),
                "strides",
                &[1, 2],
            ),
            "dilations",
            &[1, 2],
        ),
        node("k2", "Clip", &["d2o", "lo", "hi"], &["y"]),
        dw("d3", &["x", "w3", "b3"], "z"),
        node("k4", "Clip", &["x", "one_neg", "one"], &["xc"]),
        dw("d4", &["xc", "w4", "b4"], "u"),
    ];
    let inits = vec![
        float_tensor("w1", &[4, 1, 3, 3], &scaled(36, 21, 0.5)),
        float_tensor("b1", &[4], &scaled(4, 22, 0.3)),
        float_tensor("w2", &[4, 1, 3, 3], &scaled(36, 23, 0.5)),
        float_tensor("b2", &[4], &scaled(4, 24, 0.2)),
        float_tensor("w3", &[8, 1, 3, 3], &scaled(72, 25, 0.5)),
        float_tensor("b3", &[8], &scaled(8, 26, 0.1)),
        float_tensor("w4", &[4, 1, 3, 3], &scaled(36, 27, 0.5)),
        float_tensor("b4", &[4], &scaled(4, 28, 0.1)),
        float_tensor("lo", &[], &[-0.5]),
        float_tensor("hi", &[], &[0.75]),
        float_tensor("one_neg", &[], &[-1.0]),
        float_tensor("one", &[], &[1.0]),
    ];
    let bytes = model(
        nodes,
        vec![tensor_info("x", &[1, 4, 7, 9])],
        vec![tensor_info("y", &[1, 4, 7, 4]), tensor_info("z", &[1, 8, 5, 7]), tensor_info("u", &[1, 4, 5, 7])],
        inits,
    );
    cairn::Model::from_bytes(bytes, "depthwise_conv.onnx").expect("model")
}

fn check_depthwise(bits: u32, lanes: usize, spike: f32) {
    let m = depthwise_model();
    let scale = cairn::Scale::new(bits).unwrap();
    let dir = tmp_path(&format!("depthwise-conv-{bits}"));
    let package = m.transpile(&dir, scale, None).expect("transpile");
    let lib = std::fs::read_to_string(dir.join("src/lib.cairo")).expect("lib.cairo");
    let node_body = |name: &str| {
        let f = lib.split(&format!("fn node_{name}(")).nth(1).expect("node function");
        f[..f.find("\n}").unwrap()].to_string()
    };
    // d3's groups of two channels fill a two-lane word: packed by channel at scale 32
    let by_position: &[(&str, &str)] = if lanes == 4 {
        &[("d1", "_relu"), ("d2", "_clamp"), ("d3", ""), ("d4", "")]
    } else {
        &[("d1", "_relu"), ("d2", "_clamp"), ("d4", "")]
    };
    for (name, split) in by_position {
        let f = lib.split(&format!("fn {name}_p0(")).nth(1).unwrap_or_else(|| panic!("{name} by position:\n{lib}"));
        assert!(
            f[..f.find("\n}").unwrap()].contains(&format!("cairn::packed::split_{lanes}{split}(")),
            "{name}:\n{lib}"
        );
    }
    if lanes == 2 {
        assert!(lib.contains("fn d3_q0("), "d3 packed by channel:\n{lib}");
    }
    for name in ["d1", "d2", "d3"] {
        assert!(node_body(name).contains("cairn::packed::squares("), "{name} checks its input's norm");
    }
    let d4 = node_body("d4");
    assert!(!d4.contains("squares(") && !d4.contains("conv2d_rows("), "d4's input is bounded by the Clip:\n{d4}");
    let program = package.compile().expect("compile");
    let steps =
        runs_equal_reference(&m, &program, scale, [(60, None), (61, None), (62, Some(spike))], |seed, spike| {
            let mut x: Vec<f32> = values(252, seed).iter().map(|v| v * 2.0).collect();
            if let Some(v) = spike {
                x[100] = v;
            }
            sample_json("x", &x, 4, 7, 9)
        });
    assert!(steps[2] > 2 * steps[0], "scale {bits}: the spike took the plain paths: steps {steps:?}");
}

#[test]
fn a_depthwise_convolution_packs_positions_and_is_exact_at_scale_16() {
    check_depthwise(16, 4, 1.0e9);
}

#[test]
fn a_depthwise_convolution_packs_positions_and_is_exact_at_scale_32() {
    check_depthwise(32, 2, 1.2e9);
}

/// 1-D convolutions take the row forms as height-1 2-D ones: x [1,3,20] ->
/// Conv1d 3->8 k3 pads 1 -> Relu -> MaxPool1d 2 (folded) -> Conv1d 8->4 k3,
/// dilation 2, stride 2, pads (2, 1) -> Clip [-0.5, 0.75] -> AveragePool1d 5
/// (folded, an odd window) -> y, and x -> depthwise Conv1d k3 -> z.
fn conv1d_model() -> cairn::Model {
    use crate::support::with_int_attr;
    let scaled = |n: usize, seed: u64, f: f32| values(n, seed).iter().map(|v| v * f).collect::<Vec<_>>();
    let pool = |name: &str, op: &str, input: &str, output: &str, k: i64| {
        with_ints_attr(with_ints_attr(node(name, op, &[input], &[output]), "kernel_shape", &[k]), "strides", &[k])
    };
    let nodes = vec![
        with_ints_attr(node("c1", "Conv", &["x", "w1", "b1"], &["c1o"]), "pads", &[1, 1]),
        node("r1", "Relu", &["c1o"], &["a1"]),
        pool("p1", "MaxPool", "a1", "m1", 2),
        with_ints_attr(
            with_ints_attr(
                with_ints_attr(node("c2", "Conv", &["m1", "w2", "b2"], &["c2o"]), "pads", &[2, 1]),
                "dilations",
                &[2],
            ),
            "strides",
            &[2],
        ),
        node("k2", "Clip", &["c2o", "lo", "hi"], &["a2"]),
        pool("p2", "AveragePool", "a2", "y", 5),
        with_int_attr(node("c3", "Conv", &["x", "w3", "b3"], &["z"]), "group", 3),
    ];
    let inits = vec![
        float_tensor("w1", &[8, 3, 3], &scaled(72, 31, 0.5)),
        float_tensor("b1", &[8], &scaled(8, 32, 0.3)),
        float_tensor("w2", &[4, 8, 3], &scaled(96, 33, 0.4)),
        float_tensor("b2", &[4], &scaled(4, 34, 0.2)),
        float_tensor("w3", &[3, 1, 3], &scaled(9, 35, 0.5)),
        float_tensor("b3", &[3], &scaled(3, 36, 0.1)),
        float_tensor("lo", &[], &[-0.5]),
        float_tensor("hi", &[], &[0.75]),
    ];
    let bytes = model(
        nodes,
        vec![tensor_info("x", &[1, 3, 20])],
        vec![tensor_info("y", &[1, 4, 1]), tensor_info("z", &[1, 3, 18])],
        inits,
    );
    cairn::Model::from_bytes(bytes, "conv1d.onnx").expect("model")
}

#[test]
fn one_dimensional_convolutions_take_the_row_forms_and_fold_their_pools() {
    let m = conv1d_model();
    for bits in [16, 32] {
        let scale = cairn::Scale::new(bits).unwrap();
        let dir = tmp_path(&format!("conv1d-{bits}"));
        let package = m.transpile(&dir, scale, None).expect("transpile");
        let lib = std::fs::read_to_string(dir.join("src/lib.cairo")).expect("lib.cairo");
        for name in ["c1", "c2", "c3"] {
            assert!(lib.contains(&format!("const {}_LANES", name.to_uppercase())), "{name} is packed:\n{lib}");
        }
        for folded in ["p1", "p2"] {
            let f = lib.split(&format!("fn node_{folded}(")).nth(1).expect("node function");
            assert!(!f[..f.find("\n}").unwrap()].contains("cairn::ops::"), "{folded} is folded:\n{lib}");
        }
        let program = package.compile().expect("compile");
        let spike = if bits == 16 { 1.0e9f32 } else { 1.2e9 };
        let steps =
            runs_equal_reference(&m, &program, scale, [(70, None), (71, None), (72, Some(spike))], |seed, spike| {
                let mut x: Vec<f32> = values(60, seed).iter().map(|v| v * 2.0).collect();
                if let Some(v) = spike {
                    x[25] = v;
                }
                let planes: Vec<Vec<f32>> = x.chunks(20).map(|c| c.to_vec()).collect();
                serde_json::json!({ "x": [planes] }).to_string()
            });
        assert!(steps[2] > 2 * steps[0], "scale {bits}: the spike took the plain paths: steps {steps:?}");
    }
}
