//! `Program::cost_report` on the bundled CNN: every step of a real run is
//! charged to exactly one node or to the framing, each computing node gets
//! its share, and the trace rows are the prover's own.

use std::path::PathBuf;

use cairn::{Model, Scale};

#[test]
fn every_step_of_the_cnn_run_is_charged_to_a_node_or_the_framing() {
    let model = Model::load("examples/cnn/model.onnx").expect("load");
    let sample = model.read_samples("examples/cnn/input.json").expect("samples").remove(0);
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cairn-cost").join("cnn");
    let program = model.transpile(&dir, Scale::new(16).unwrap(), None).expect("transpile").compile().expect("compile");
    let run = program.run(&sample).expect("run");
    let cost = program.cost_report(&sample).expect("cost report");

    assert_eq!(cost.steps, run.vm.steps, "the report measures the same run");
    let charged: usize = cost.nodes.iter().map(|n| n.steps).sum::<usize>() + cost.framing_steps;
    assert_eq!(charged, cost.steps, "each step is charged once");
    let names: Vec<&str> = cost.nodes.iter().map(|n| n.node.as_str()).collect();
    assert_eq!(names, ["conv1", "relu1", "pool1", "flatten", "fc"], "nodes in program order");
    // Flatten is a view; relu1 and pool1 are folded into conv1 (its rounding
    // and its window maxima): a call each.
    for n in &cost.nodes {
        if n.op_type == "Flatten" || n.op_type == "Relu" || n.op_type == "MaxPool" {
            assert!(n.steps < 20, "{} ({}) passes its input through: {} steps", n.node, n.op_type, n.steps);
        } else {
            assert!(n.steps > 100, "{} ({}) computes something: {} steps", n.node, n.op_type, n.steps);
        }
    }
    // The convolution dominates this model (5,888 MACs, 4,608 of them in conv1).
    let conv = &cost.nodes[0];
    assert!(conv.share > 0.3, "conv1's share {}", conv.share);
    let shares: f64 = cost.nodes.iter().map(|n| n.share).sum();
    assert!((shares + cost.framing_steps as f64 / cost.steps as f64 - 1.0).abs() < 1e-9);

    // The rows are what the prover builds for this run.
    let proof_run = program.run_for_proof(&sample).expect("proof-mode run");
    let trace = program.trace(&proof_run).expect("trace");
    assert_eq!(cost.trace_rows, trace.len());
    assert_eq!(cost.row_needs, trace.row_needs);
    let largest =
        [cost.row_needs.steps, cost.row_needs.memory, cost.row_needs.range_check_gaps].into_iter().max().unwrap();
    assert!(cost.trace_rows >= largest && cost.trace_rows < 2 * largest.max(4));
    assert!(cost.estimate.cpu_seconds > 0.0 && cost.estimate.peak_bytes > 0);
}
