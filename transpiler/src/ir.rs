//! cairn's in-memory copy of an ONNX model. It keeps everything the file says
//! — every attribute, initializer, value-info, opset and metadata entry — in
//! plain Rust types, so later stages never touch protobuf and nothing is lost
//! for tools (inspect, codegen) that want to show it. Interpretation (which
//! ops are supported, what attributes mean) happens in [`crate::network`].

use cairn_runtime::Literal;

#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub ir_version: i64,
    pub opset_imports: Vec<OpsetImport>,
    pub producer_name: String,
    pub producer_version: String,
    pub domain: String,
    pub model_version: i64,
    pub doc_string: String,
    pub metadata: Vec<(String, String)>,
    pub graph: Graph,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpsetImport {
    /// `""` (or `"ai.onnx"`) is the default operator set.
    pub domain: String,
    pub version: i64,
}

impl Model {
    /// Version of the default (`ai.onnx`) operator set the model imports.
    pub fn default_opset(&self) -> Option<i64> {
        self.opset("ai.onnx")
    }

    /// The opset version the model imports for `domain` (`""` and
    /// `"ai.onnx"` both name the default domain).
    pub fn opset(&self, domain: &str) -> Option<i64> {
        let canonical = |d: &str| if d.is_empty() { "ai.onnx".to_string() } else { d.to_string() };
        let want = canonical(domain);
        self.opset_imports.iter().find(|o| canonical(&o.domain) == want).map(|o| o.version)
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Graph {
    pub name: String,
    pub doc_string: String,
    pub nodes: Vec<Node>,
    pub inputs: Vec<ValueInfo>,
    pub outputs: Vec<ValueInfo>,
    pub value_info: Vec<ValueInfo>,
    pub initializers: Vec<TensorData>,
    /// Names of sparse initializers, which cairn does not support.
    pub sparse_initializers: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// Unique within the graph: the file's name, or `<op_type>_<index>` when the
    /// file leaves it empty (a suffix is added to make repeated names unique).
    pub name: String,
    pub op_type: String,
    pub domain: String,
    /// Input value names; `""` marks an omitted optional input.
    pub inputs: Vec<String>,
    pub outputs: Vec<String>,
    pub attributes: Vec<Attribute>,
    pub doc_string: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Attribute {
    pub name: String,
    pub value: AttrValue,
}

#[derive(Clone, Debug, PartialEq)]
pub enum AttrValue {
    Float(f32),
    Int(i64),
    String(Vec<u8>),
    Tensor(TensorData),
    Graph(Box<Graph>),
    Floats(Vec<f32>),
    Ints(Vec<i64>),
    Strings(Vec<Vec<u8>>),
    Tensors(Vec<TensorData>),
    Graphs(Vec<Graph>),
    /// Kinds cairn keeps only by name: sparse tensors, type protos, references
    /// to function attributes, or an undefined type code.
    Other(String),
}

impl AttrValue {
    pub fn kind(&self) -> &'static str {
        match self {
            AttrValue::Float(_) => "float",
            AttrValue::Int(_) => "int",
            AttrValue::String(_) => "string",
            AttrValue::Tensor(_) => "tensor",
            AttrValue::Graph(_) => "graph",
            AttrValue::Floats(_) => "floats",
            AttrValue::Ints(_) => "ints",
            AttrValue::Strings(_) => "strings",
            AttrValue::Tensors(_) => "tensors",
            AttrValue::Graphs(_) => "graphs",
            AttrValue::Other(_) => "other",
        }
    }
}

/// A tensor stored in the model (initializer or attribute).
#[derive(Clone, Debug, PartialEq)]
pub struct TensorData {
    pub name: String,
    /// The ONNX `TensorProto.DataType` code.
    pub elem_type: i32,
    pub dims: Vec<i64>,
    pub content: TensorContent,
}

#[derive(Clone, Debug, PartialEq)]
pub enum TensorContent {
    Literal(Literal),
    /// Kept but unusable: the reason says why (unsupported type, external data,
    /// or data that does not match the dims).
    Unusable(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct ValueInfo {
    pub name: String,
    pub ty: ValueType,
    pub doc_string: String,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ValueType {
    Tensor {
        elem_type: i32,
        shape: Option<Vec<Dim>>,
    },
    /// Sequences, maps, optionals, sparse tensors, or no type at all.
    Other(&'static str),
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Dim {
    Known(i64),
    /// A named symbolic dimension such as `batch`.
    Param(String),
    Unknown,
}

impl std::fmt::Display for Dim {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Dim::Known(d) => write!(f, "{d}"),
            Dim::Param(p) => f.write_str(p),
            Dim::Unknown => f.write_str("?"),
        }
    }
}
