//! What an operator's code generator sees, and what it returns.

use cairn_runtime::{DType, Operator, Scale, Value};

/// A node input or output as the generator sees it.
#[derive(Clone, Debug)]
pub struct ValueGen {
    /// Cairo expression of type `Span<felt252>` holding the value (empty for outputs).
    pub expr: String,
    pub dtype: DType,
    pub shape: Vec<usize>,
    /// The value, when it is known at transpile time (weights, folded constants).
    pub constant: Option<Value<i64>>,
}

impl ValueGen {
    pub fn len(&self) -> usize {
        self.shape.iter().product()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The constant's integers (shapes, axes, indices, or quantized weights).
    pub fn constant_ints(&self) -> Option<&[i64]> {
        self.constant.as_ref().map(super::emit::value_data)
    }
}

/// A monotone activation a dense layer's rounding can apply to each output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Activation {
    /// max(0, ·)
    Relu,
    /// min(max(·, lo), hi) with lo <= hi: a Clip whose bounds are constants
    /// (stored values at the model scale; an absent bound is the i64 extreme).
    Clamp { lo: i64, hi: i64 },
}

/// Which reduction a pool folded into the layer before takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PoolKind {
    /// The maximum of each window (of the exact sums: rounding and the
    /// monotone activations commute with it).
    Max,
    /// The mean of each window of activated, rounded outputs, rounded once
    /// more (half up, as the reference's AveragePool).
    Average,
}

/// A pool whose windows tile a Conv's output exactly (kernel = strides, no
/// padding or dilation): `window` is [height, width].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PoolAfter {
    pub kind: PoolKind,
    pub window: [usize; 2],
}

/// One node to generate code for. Inside the generated node function the
/// fixed-point scale is the variable `sc` (a `cairn::fixed::Scale`).
#[derive(Clone)]
pub struct NodeGen<'a> {
    pub name: &'a str,
    pub op_type: &'a str,
    pub op: &'a dyn Operator,
    /// `None` for an omitted optional input.
    pub inputs: Vec<Option<ValueGen>>,
    /// `None` for an output nothing uses (the generator need not compute it).
    pub outputs: Vec<Option<ValueGen>>,
    pub scale: Scale,
    /// For a dense node: its output's only reader is this activation (a Relu,
    /// or a Clip with constant bounds), which the fast path may fold into its
    /// rounding (`rescale_relu`, `rescale_clamp`). For a Relu or Clip: that
    /// fold happened, so the node passes its input through.
    pub activation: Option<Activation>,
    /// For a Conv: the MaxPool or AveragePool that alone reads its output
    /// (after the folded Relu or Clip, if any) and tiles it exactly; the fast
    /// path may compute the pool too (`dense::FastCode::pool_folded`).
    pub pool_after: Option<PoolAfter>,
    /// The largest magnitude a stored value of input 0 can take, when the
    /// op that computed it guarantees one (a Clip with constant bounds,
    /// possibly through pools and reshapes): a packed layer whose norm bound
    /// this input provably meets needs no run-time check.
    pub input_bound: Option<u64>,
    /// For a MaxPool or AveragePool: the Conv before it computed it, so the
    /// node passes its input through.
    pub pool_folded: bool,
}

impl<'a> NodeGen<'a> {
    /// The node's kernel (its resolved attributes).
    pub fn kernel<K: 'static>(&self) -> Result<&'a K, String> {
        self.op
            .as_any()
            .downcast_ref::<K>()
            .ok_or_else(|| format!("internal: {} is not a {}", self.op_type, std::any::type_name::<K>()))
    }

    pub fn input(&self, i: usize) -> Result<&ValueGen, String> {
        self.inputs.get(i).and_then(|v| v.as_ref()).ok_or_else(|| format!("input #{i} is missing"))
    }

    pub fn optional_input(&self, i: usize) -> Option<&ValueGen> {
        self.inputs.get(i).and_then(|v| v.as_ref())
    }

    /// Output `i`, which must be used.
    pub fn output(&self, i: usize) -> Result<&ValueGen, String> {
        self.outputs.get(i).and_then(|v| v.as_ref()).ok_or_else(|| format!("output #{i} is not used"))
    }

    /// An input whose value must be known at transpile time (shapes, axes, pads...).
    pub fn constant_ints(&self, i: usize, what: &str) -> Result<Vec<i64>, String> {
        self.input(i)?
            .constant_ints()
            .map(|v| v.to_vec())
            .ok_or_else(|| format!("the {what} input must be a constant for Cairo code generation"))
    }
}

/// Generated code for one node.
#[derive(Clone, Debug, Default)]
pub struct NodeCode {
    /// Extra top-level items (helper functions, constants).
    pub items: Vec<String>,
    /// Body of the node function: statements, then a final expression giving
    /// the used outputs (one `Span<felt252>`, or a tuple of them in order).
    pub body: String,
}

impl NodeCode {
    /// A body that is a single expression.
    pub fn expr(e: impl Into<String>) -> NodeCode {
        NodeCode { items: Vec::new(), body: e.into() }
    }
}
