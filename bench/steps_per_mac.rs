//! Benchmark: Cairo steps of the generated code per unit of work — per
//! multiply-accumulate for representative dense layers (random weights, scale
//! 16), per element for activations, per window element for pooling — plus
//! compile time. Steps are measured on the Cairo VM; "op only" subtracts the
//! cost of reading the inputs and writing the outputs, measured on Identity
//! models of the same sizes. Inputs alternate in sign, so comparisons take
//! both branches. Prints the tables of docs/cairo-codegen.md (markdown);
//! asserts nothing about speed.
//!
//!     cargo run --example steps_per_mac

use std::time::Instant;

use cairn::cairo::{vm, Felt};
use cairn::runtime::{DType, Literal, LiteralData, Scale};
use cairn::transpiler::codegen::{transpile, TranspileOptions};
use cairn::transpiler::ir::*;
use cairn::transpiler::network::Network;

struct Layer {
    name: &'static str,
    op: &'static str,
    input: Vec<usize>,
    weight: Vec<usize>,
    bias: Option<usize>,
    attrs: Vec<Attribute>,
    macs: usize,
}

fn info(name: &str, shape: &[usize]) -> ValueInfo {
    ValueInfo {
        name: name.into(),
        ty: ValueType::Tensor { elem_type: 1, shape: Some(shape.iter().map(|&d| Dim::Known(d as i64)).collect()) },
        doc_string: String::new(),
    }
}

fn weights(name: &str, shape: &[usize], seed: &mut u64) -> TensorData {
    let n: usize = shape.iter().product();
    let data = (0..n)
        .map(|_| {
            *seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((*seed >> 33) as f64 / (1u64 << 31) as f64 - 0.5) * 0.6
        })
        .collect();
    TensorData {
        name: name.into(),
        elem_type: 1,
        dims: shape.iter().map(|&d| d as i64).collect(),
        content: TensorContent::Literal(Literal {
            dtype: DType::F32,
            shape: shape.to_vec(),
            data: LiteralData::Real(data),
        }),
    }
}

fn model(op: &str, input: &[usize], init: Vec<TensorData>, attrs: Vec<Attribute>) -> Model {
    let mut inputs = vec!["x".to_string()];
    inputs.extend(init.iter().map(|t| t.name.clone()));
    Model {
        ir_version: 8,
        opset_imports: vec![OpsetImport { domain: String::new(), version: 13 }],
        producer_name: "steps_per_mac".into(),
        producer_version: String::new(),
        domain: String::new(),
        model_version: 1,
        doc_string: String::new(),
        metadata: Vec::new(),
        graph: Graph {
            name: "g".into(),
            nodes: vec![Node {
                name: "layer".into(),
                op_type: op.into(),
                domain: String::new(),
                inputs,
                outputs: vec!["y".into()],
                attributes: attrs,
                doc_string: String::new(),
            }],
            inputs: vec![info("x", input)],
            outputs: vec![ValueInfo { name: "y".into(), ty: ValueType::Other("untyped"), doc_string: String::new() }],
            initializers: init,
            ..Default::default()
        },
    }
}

/// (steps, compile seconds, bytecode words, output size)
fn measure(net: &Network, tag: &str) -> (usize, f64, usize, usize) {
    let opts = TranspileOptions {
        scale: Scale::new(16).unwrap(),
        input_shapes: None,
        model_name: format!("{tag}.onnx"),
        fast_dense: true,
    };
    let package = transpile(net, &opts).expect("transpile");
    let dir = std::env::temp_dir().join("cairn-steps-per-mac").join(tag);
    let _ = std::fs::remove_dir_all(&dir);
    package.write_to(&dir, b"").expect("write");
    let t0 = Instant::now();
    let program = cairn::Package::open(&dir).and_then(|p| p.compile()).unwrap_or_else(|e| panic!("{e}"));
    let secs = t0.elapsed().as_secs_f64();
    let n_in: usize = package.manifest.inputs.iter().map(|i| i.len()).sum();
    let n_out: usize = package.manifest.outputs.iter().map(|o| o.len()).sum();
    let args: Vec<Felt> = (0..n_in).map(|i| Felt::from(((i * 7919 % 65536) as i64 - 32768) * 4)).collect();
    let run = vm::run(&program.compiled().executable, &args, vm::RunMode::Execute).expect("run");
    (run.steps, secs, program.compiled().bytecode.len(), n_out)
}

fn identity(n: usize) -> Network {
    Network::resolve(model("Identity", &[n], vec![], vec![])).expect("identity")
}

/// Steps of reading `n_in` inputs and writing `n_out` outputs.
fn io_steps(n_in: usize, n_out: usize) -> usize {
    let (io_in, _, _, _) = measure(&identity(n_in), &format!("id{n_in}"));
    let (io_out, _, _, _) = measure(&identity(n_out), &format!("id{n_out}"));
    (io_in + io_out) / 2
}

fn ints(name: &str, v: &[i64]) -> Attribute {
    Attribute { name: name.into(), value: AttrValue::Ints(v.to_vec()) }
}

fn float(name: &str, v: f32) -> Attribute {
    Attribute { name: name.into(), value: AttrValue::Float(v) }
}

fn scalar(name: &str, v: f64) -> TensorData {
    TensorData {
        name: name.into(),
        elem_type: 1,
        dims: vec![],
        content: TensorContent::Literal(Literal { dtype: DType::F32, shape: vec![], data: LiteralData::Real(vec![v]) }),
    }
}

fn dense_table() {
    let trans_b = Attribute { name: "transB".into(), value: AttrValue::Int(1) };
    let conv = |name, c: usize, m: usize| Layer {
        name,
        op: "Conv",
        input: vec![1, c, 8, 8],
        weight: vec![m, c, 3, 3],
        bias: Some(m),
        attrs: vec![ints("pads", &[1, 1, 1, 1])],
        macs: m * c * 9 * 64,
    };
    let layers = vec![
        Layer {
            name: "Gemm 64→32 (MLP fc1)",
            op: "Gemm",
            input: vec![1, 64],
            weight: vec![32, 64],
            bias: Some(32),
            attrs: vec![trans_b.clone()],
            macs: 64 * 32,
        },
        Layer {
            name: "Gemm 128→10 (CNN fc)",
            op: "Gemm",
            input: vec![1, 128],
            weight: vec![10, 128],
            bias: Some(10),
            attrs: vec![trans_b.clone()],
            macs: 1280,
        },
        Layer {
            name: "Gemm 256→128",
            op: "Gemm",
            input: vec![1, 256],
            weight: vec![128, 256],
            bias: Some(128),
            attrs: vec![trans_b.clone()],
            macs: 256 * 128,
        },
        Layer {
            name: "MatMul 4×64 · 64×32",
            op: "MatMul",
            input: vec![4, 64],
            weight: vec![64, 32],
            bias: None,
            attrs: vec![],
            macs: 4 * 64 * 32,
        },
        conv("Conv 3×3 1→8 on 8×8 (CNN conv1)", 1, 8),
        conv("Conv 3×3 8→8 on 8×8", 8, 8),
        conv("Conv 3×3 16→16 on 8×8", 16, 16),
        Layer {
            name: "Conv 3×3 depthwise, 16 channels on 8×8",
            op: "Conv",
            input: vec![1, 16, 8, 8],
            weight: vec![16, 1, 3, 3],
            bias: Some(16),
            attrs: vec![ints("pads", &[1, 1, 1, 1]), Attribute { name: "group".into(), value: AttrValue::Int(16) }],
            macs: 16 * 9 * 64,
        },
    ];
    println!("| layer | MACs | steps/MAC | layer only | compile |");
    println!("|---|---|---|---|---|");
    let mut seed = 42u64;
    for (k, l) in layers.into_iter().enumerate() {
        let mut init = vec![weights("w", &l.weight, &mut seed)];
        if let Some(b) = l.bias {
            init.push(weights("b", &[b], &mut seed));
        }
        let net = Network::resolve(model(l.op, &l.input, init, l.attrs)).expect("resolve");
        let (steps, secs, _, n_out) = measure(&net, &format!("dense{k}"));
        let io = io_steps(l.input.iter().product(), n_out);
        println!(
            "| {} | {} | {:.2} | {:.2} | {:.1} s |",
            l.name,
            group(l.macs),
            steps as f64 / l.macs as f64,
            steps.saturating_sub(io) as f64 / l.macs as f64,
            secs
        );
    }
}

/// An elementwise or pooling case: `units` elements (or window elements).
struct Elementwise {
    name: &'static str,
    op: &'static str,
    input: Vec<usize>,
    init: Vec<TensorData>,
    attrs: Vec<Attribute>,
    units: usize,
    unit: &'static str,
}

fn elementwise_table() {
    let act = |name, op, attrs: Vec<Attribute>| Elementwise {
        name,
        op,
        input: vec![1, 512],
        init: vec![],
        attrs,
        units: 512,
        unit: "element",
    };
    let pool = |name, op, attrs: Vec<Attribute>, units| Elementwise {
        name,
        op,
        input: vec![1, 8, 8, 8],
        init: vec![],
        attrs,
        units,
        unit: "window element",
    };
    let mut seed = 7u64;
    let cases = vec![
        act("Relu", "Relu", vec![]),
        Elementwise { init: vec![scalar("lo", 0.0), scalar("hi", 6.0)], ..act("Clip [0, 6] (ReLU6)", "Clip", vec![]) },
        act("LeakyRelu α=0.01", "LeakyRelu", vec![float("alpha", 0.01)]),
        act("Sigmoid", "Sigmoid", vec![]),
        act("Tanh", "Tanh", vec![]),
        act("Exp", "Exp", vec![]),
        Elementwise { init: vec![weights("c", &[512], &mut seed)], ..act("Add a constant tensor", "Add", vec![]) },
        Elementwise { init: vec![weights("c", &[512], &mut seed)], ..act("Mul by a constant tensor", "Mul", vec![]) },
        Elementwise { init: vec![scalar("c", 3.0)], ..act("Div by a constant scalar", "Div", vec![]) },
        pool("MaxPool 2×2 /2 on 8×8×8", "MaxPool", vec![ints("kernel_shape", &[2, 2]), ints("strides", &[2, 2])], 512),
        pool(
            "AveragePool 2×2 /2 on 8×8×8",
            "AveragePool",
            vec![ints("kernel_shape", &[2, 2]), ints("strides", &[2, 2])],
            512,
        ),
        pool("GlobalAveragePool 8×8×8", "GlobalAveragePool", vec![], 512),
    ];
    println!("| op | units | steps/unit | op only |");
    println!("|---|---|---|---|");
    for (k, c) in cases.into_iter().enumerate() {
        let net = Network::resolve(model(c.op, &c.input, c.init, c.attrs)).expect("resolve");
        let (steps, _, _, n_out) = measure(&net, &format!("elementwise{k}"));
        let io = io_steps(c.input.iter().product(), n_out);
        println!(
            "| {} | {} {}s | {:.2} | {:.2} |",
            c.name,
            c.units,
            c.unit,
            steps as f64 / c.units as f64,
            steps.saturating_sub(io) as f64 / c.units as f64
        );
    }
}

/// 32768 -> "32,768".
fn group(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

fn main() {
    let only = std::env::args().nth(1);
    if only.as_deref() != Some("elementwise") {
        dense_table();
        println!();
    }
    if only.as_deref() != Some("dense") {
        elementwise_table();
    }
}
