//! A golden case: one ONNX node with seeded inputs. The reference runtime
//! computes the expected integers; the code generator emits the node's Cairo.

#![allow(dead_code)]

use cairn_runtime::{DType, Literal, LiteralData};
use cairn_transpiler::inputs::{BoundSample, InputData};
use cairn_transpiler::ir::{
    AttrValue, Attribute, Dim, Graph, Model, Node, OpsetImport, TensorContent, TensorData, ValueInfo, ValueType,
};

/// One input of the node.
#[derive(Clone, Debug)]
pub enum Input {
    /// A graph input of reals, seeded uniformly in [-range, range].
    Real { shape: Vec<usize>, range: f64 },
    /// A graph input of reals with these exact values.
    RealValues { shape: Vec<usize>, values: Vec<f64> },
    /// A graph input of integers with these values.
    Int { shape: Vec<usize>, dtype: DType, values: Vec<i64> },
    /// An initializer (a weight): seeded reals in [-range, range].
    Weight { shape: Vec<usize>, range: f64 },
    /// An initializer of integers (shapes, axes, indices...).
    ConstInt { shape: Vec<usize>, values: Vec<i64> },
    /// An initializer of reals with these exact values (scales...).
    ConstReal { shape: Vec<usize>, values: Vec<f64> },
    /// An omitted optional input.
    Absent,
}

#[derive(Clone, Debug)]
pub struct Case {
    /// Unique, a valid Cairo identifier.
    pub name: String,
    pub op_type: &'static str,
    pub attrs: Vec<Attribute>,
    pub inputs: Vec<Input>,
    /// Number of outputs the node declares (all are checked).
    pub outputs: usize,
    pub opset: i64,
    pub scale: u32,
    /// The node's domain: `""` (default) or `"ai.onnx.ml"`.
    pub domain: &'static str,
    /// The ai.onnx.ml opset imported alongside the default one.
    pub ml_opset: i64,
}

impl Case {
    pub fn new(name: &str, op_type: &'static str, inputs: Vec<Input>) -> Case {
        Case {
            name: name.into(),
            op_type,
            attrs: Vec::new(),
            inputs,
            outputs: 1,
            opset: 21,
            scale: 16,
            domain: "",
            ml_opset: 3,
        }
    }

    pub fn attr(mut self, name: &str, value: AttrValue) -> Case {
        self.attrs.push(Attribute { name: name.into(), value });
        self
    }

    pub fn int(self, name: &str, v: i64) -> Case {
        self.attr(name, AttrValue::Int(v))
    }

    pub fn ints(self, name: &str, v: &[i64]) -> Case {
        self.attr(name, AttrValue::Ints(v.to_vec()))
    }

    pub fn float(self, name: &str, v: f32) -> Case {
        self.attr(name, AttrValue::Float(v))
    }

    pub fn string(self, name: &str, v: &str) -> Case {
        self.attr(name, AttrValue::String(v.as_bytes().to_vec()))
    }

    pub fn floats(self, name: &str, v: &[f32]) -> Case {
        self.attr(name, AttrValue::Floats(v.to_vec()))
    }

    pub fn strings(self, name: &str, v: &[&str]) -> Case {
        self.attr(name, AttrValue::Strings(v.iter().map(|s| s.as_bytes().to_vec()).collect()))
    }

    /// A tensor attribute of doubles (the `_as_tensor` forms of ai.onnx.ml).
    pub fn doubles_tensor(self, name: &str, v: &[f64]) -> Case {
        let t = tensor(name, DType::F64, &[v.len()], LiteralData::Real(v.to_vec()));
        self.attr(name, AttrValue::Tensor(t))
    }

    /// A tensor attribute of floats.
    pub fn floats_tensor(self, name: &str, v: &[f32]) -> Case {
        let t = tensor(name, DType::F32, &[v.len()], LiteralData::Real(v.iter().map(|&x| f64::from(x)).collect()));
        self.attr(name, AttrValue::Tensor(t))
    }

    /// A tensor attribute of uint8 values (TreeEnsemble's `nodes_modes`).
    pub fn u8_tensor(self, name: &str, v: &[u8]) -> Case {
        let t = tensor(name, DType::U8, &[v.len()], LiteralData::Int(v.iter().map(|&x| i64::from(x)).collect()));
        self.attr(name, AttrValue::Tensor(t))
    }

    /// A node of the ai.onnx.ml domain, imported at `ml_opset`.
    pub fn ml(mut self, ml_opset: i64) -> Case {
        self.domain = "ai.onnx.ml";
        self.ml_opset = ml_opset;
        self
    }

    pub fn outputs(mut self, n: usize) -> Case {
        self.outputs = n;
        self
    }

    pub fn opset(mut self, v: i64) -> Case {
        self.opset = v;
        self
    }

    pub fn scale(mut self, s: u32) -> Case {
        self.scale = s;
        self
    }
}

/// Deterministic generator (xorshift64*), seeded from the case name so cases
/// do not change when others are added.
pub struct Rng(u64);

impl Rng {
    pub fn for_case(name: &str) -> Rng {
        let mut h: u64 = 0x9e37_79b9_7f4a_7c15;
        for b in name.bytes() {
            h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
        Rng(h | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Uniform in [-range, range], on a 2^-20 grid (exactly representable).
    pub fn real(&mut self, range: f64) -> f64 {
        let u = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        ((u * 2.0 - 1.0) * range * 1048576.0).round() / 1048576.0
    }
}

fn info(name: &str, dtype: DType, shape: &[usize]) -> ValueInfo {
    ValueInfo {
        name: name.into(),
        ty: ValueType::Tensor {
            elem_type: dtype.onnx_code(),
            shape: Some(shape.iter().map(|&d| Dim::Known(d as i64)).collect()),
        },
        doc_string: String::new(),
    }
}

fn tensor(name: &str, dtype: DType, shape: &[usize], data: LiteralData) -> TensorData {
    TensorData {
        name: name.into(),
        elem_type: dtype.onnx_code(),
        dims: shape.iter().map(|&d| d as i64).collect(),
        content: TensorContent::Literal(Literal { dtype, shape: shape.to_vec(), data }),
    }
}

/// The single-node model of a case and its bound sample.
pub fn build(case: &Case) -> (Model, BoundSample) {
    let mut rng = Rng::for_case(&case.name);
    let mut graph = Graph { name: case.name.clone(), ..Default::default() };
    let mut node_inputs = Vec::new();
    let mut sample = Vec::new();
    for (i, input) in case.inputs.iter().enumerate() {
        let name = format!("x{i}");
        match input {
            Input::Absent => {
                node_inputs.push(String::new());
                continue;
            }
            Input::Real { shape, range } => {
                let n: usize = shape.iter().product();
                let v: Vec<f64> = (0..n).map(|_| rng.real(*range)).collect();
                graph.inputs.push(info(&name, DType::F32, shape));
                sample.push((shape.clone(), InputData::Real(v)));
            }
            Input::RealValues { shape, values } => {
                graph.inputs.push(info(&name, DType::F32, shape));
                sample.push((shape.clone(), InputData::Real(values.clone())));
            }
            Input::Int { shape, dtype, values } => {
                graph.inputs.push(info(&name, *dtype, shape));
                sample.push((shape.clone(), InputData::Int(values.clone())));
            }
            Input::Weight { shape, range } => {
                let n: usize = shape.iter().product();
                let v: Vec<f64> = (0..n).map(|_| rng.real(*range)).collect();
                graph.initializers.push(tensor(&name, DType::F32, shape, LiteralData::Real(v)));
            }
            Input::ConstInt { shape, values } => {
                graph.initializers.push(tensor(&name, DType::I64, shape, LiteralData::Int(values.clone())));
            }
            Input::ConstReal { shape, values } => {
                graph.initializers.push(tensor(&name, DType::F32, shape, LiteralData::Real(values.clone())));
            }
        }
        node_inputs.push(name);
    }
    let outputs: Vec<String> = (0..case.outputs).map(|i| format!("y{i}")).collect();
    for o in &outputs {
        graph.outputs.push(ValueInfo { name: o.clone(), ty: ValueType::Other("untyped"), doc_string: String::new() });
    }
    graph.nodes.push(Node {
        name: case.name.clone(),
        op_type: case.op_type.into(),
        domain: case.domain.into(),
        inputs: node_inputs,
        outputs,
        attributes: case.attrs.clone(),
        doc_string: String::new(),
    });
    let model = Model {
        ir_version: 8,
        opset_imports: vec![
            OpsetImport { domain: String::new(), version: case.opset },
            OpsetImport { domain: "ai.onnx.ml".into(), version: case.ml_opset },
        ],
        producer_name: "cairn golden tests".into(),
        producer_version: String::new(),
        domain: String::new(),
        model_version: 1,
        doc_string: String::new(),
        metadata: Vec::new(),
        graph,
    };
    (model, BoundSample { tensors: sample })
}
