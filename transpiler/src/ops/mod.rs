//! The op table: the single place an ONNX operator is registered.
//!
//! An operator `Foo` has the same file stem in every tree that holds a piece of
//! it (`snake_case("Foo")`): `runtime/src/ops/foo.rs` (semantics),
//! `transpiler/src/ops/foo.rs` (import), a section `### Foo` in
//! `docs/fixed-point.md`, and conformance entries. `tests/pipeline/op_table.rs` fails,
//! listing what is missing, when any piece is absent.

pub mod attrs;
mod gen;
mod reduce;
mod window;

mod add;
mod arg_max;
mod average_pool;
mod batch_normalization;
mod cast;
mod clip;
mod concat;
mod constant;
mod conv;
mod div;
mod exp;
mod flatten;
mod gather;
mod gemm;
mod global_average_pool;
mod identity;
mod leaky_relu;
mod mat_mul;
mod max_pool;
mod mul;
mod pad;
mod reduce_mean;
mod reduce_sum;
mod relu;
mod reshape;
mod sigmoid;
mod slice;
mod softmax;
mod squeeze;
mod sub;
mod tanh;
mod transpose;
mod unsqueeze;

use attrs::{Attrs, ImportResult};

use crate::codegen::{NodeCode, NodeGen};

/// Result of an operator's code generator: the code, or why it cannot be generated.
pub type CodegenResult = Result<NodeCode, String>;

/// One supported operator of the default ONNX domain.
pub struct OpSpec {
    pub op_type: &'static str,
    /// Turns a node's attributes into a kernel, or says why it cannot.
    pub import: fn(&Attrs) -> ImportResult,
    /// Emits the Cairo code of a node (calls into the `cairn` Cairo library).
    pub codegen: fn(&NodeGen) -> CodegenResult,
}

macro_rules! ops {
    ($($op:literal => $module:ident),* $(,)?) => {
        /// Every supported operator, alphabetically.
        pub static OPS: &[OpSpec] = &[$(OpSpec { op_type: $op, import: $module::import, codegen: $module::codegen }),*];
    };
}

ops! {
    "Add" => add,
    "ArgMax" => arg_max,
    "AveragePool" => average_pool,
    "BatchNormalization" => batch_normalization,
    "Cast" => cast,
    "Clip" => clip,
    "Concat" => concat,
    "Constant" => constant,
    "Conv" => conv,
    "Div" => div,
    "Exp" => exp,
    "Flatten" => flatten,
    "Gather" => gather,
    "Gemm" => gemm,
    "GlobalAveragePool" => global_average_pool,
    "Identity" => identity,
    "LeakyRelu" => leaky_relu,
    "MatMul" => mat_mul,
    "MaxPool" => max_pool,
    "Mul" => mul,
    "Pad" => pad,
    "ReduceMean" => reduce_mean,
    "ReduceSum" => reduce_sum,
    "Relu" => relu,
    "Reshape" => reshape,
    "Sigmoid" => sigmoid,
    "Slice" => slice,
    "Softmax" => softmax,
    "Squeeze" => squeeze,
    "Sub" => sub,
    "Tanh" => tanh,
    "Transpose" => transpose,
    "Unsqueeze" => unsqueeze,
}

/// The entry for an op type of the default domain.
pub fn lookup(op_type: &str) -> Option<&'static OpSpec> {
    OPS.iter().find(|s| s.op_type == op_type)
}

/// The file stem of an operator: `MaxPool` → `max_pool`.
pub fn stem(op_type: &str) -> String {
    let mut out = String::new();
    for (i, c) in op_type.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_follow_the_op_name() {
        assert_eq!(stem("MaxPool"), "max_pool");
        assert_eq!(stem("GlobalAveragePool"), "global_average_pool");
        assert_eq!(stem("Add"), "add");
    }

    #[test]
    fn table_is_sorted_and_unique() {
        for w in OPS.windows(2) {
            assert!(w[0].op_type < w[1].op_type, "{} / {}", w[0].op_type, w[1].op_type);
        }
    }
}
