//! One kernel per ONNX operator, each in the file named after the operator
//! (`MaxPool` → `max_pool.rs`). A kernel is a struct holding the operator's
//! resolved attributes; it implements [`Kernel`] once, generically over the
//! number domain, and gets the object-safe [`Operator`] for free.
//!
//! Inputs arrive as `Option`s because ONNX inputs may be omitted (an empty name).

pub mod abs;
pub mod add;
pub mod and;
pub mod arg_max;
pub mod arg_min;
pub mod array_feature_extractor;
pub mod average_pool;
pub mod batch_normalization;
pub mod binarizer;
pub mod cast;
pub mod ceil;
pub mod celu;
pub mod clip;
pub mod concat;
pub mod constant;
pub mod constant_of_shape;
pub mod conv;
pub mod conv_transpose;
pub mod cos;
pub mod cum_sum;
pub mod depth_to_space;
pub mod div;
pub mod dropout;
pub mod einsum;
pub mod elu;
pub mod equal;
pub mod erf;
pub mod exp;
pub mod expand;
pub mod feature_vectorizer;
pub mod flatten;
pub mod floor;
pub mod gather;
pub mod gather_elements;
pub mod gather_nd;
pub mod gelu;
pub mod gemm;
pub mod global_average_pool;
pub mod greater;
pub mod greater_or_equal;
pub mod group_normalization;
pub mod gru;
pub mod hard_sigmoid;
pub mod hard_swish;
pub mod identity;
pub mod imputer;
pub mod instance_normalization;
pub mod label_encoder;
pub mod layer_normalization;
pub mod leaky_relu;
pub mod less;
pub mod less_or_equal;
pub mod linear_classifier;
pub mod linear_regressor;
pub mod log;
pub mod log_softmax;
pub mod lstm;
pub mod mat_mul;
pub mod max;
pub mod max_pool;
pub mod mean;
pub mod min;
pub mod mish;
pub mod mod_op;
pub mod mul;
pub mod neg;
pub mod normalizer;
pub mod not;
pub mod one_hot;
pub mod one_hot_encoder;
pub mod or;
pub mod p_relu;
pub mod pad;
pub mod pow;
pub mod range;
pub mod reciprocal;
pub mod reduce_l1;
pub mod reduce_l2;
pub mod reduce_log_sum_exp;
pub mod reduce_max;
pub mod reduce_mean;
pub mod reduce_min;
pub mod reduce_prod;
pub mod reduce_sum;
pub mod reduce_sum_square;
pub mod relu;
pub mod reshape;
pub mod resize;
pub mod rnn;
pub mod round;
pub mod scaler;
pub mod scan;
pub mod selu;
pub mod shape;
pub mod sigmoid;
pub mod sign;
pub mod sin;
pub mod size;
pub mod slice;
pub mod softmax;
pub mod softplus;
pub mod softsign;
pub mod space_to_depth;
pub mod split;
pub mod sqrt;
pub mod squeeze;
pub mod sub;
pub mod sum;
pub mod svm_classifier;
pub mod svm_regressor;
pub mod tanh;
pub mod tile;
pub mod top_k;
pub mod transpose;
pub mod tree_ensemble;
pub mod tree_ensemble_classifier;
pub mod tree_ensemble_regressor;
pub mod trilu;
pub mod unsqueeze;
pub mod upsample;
pub mod r#where;
pub mod xor;
pub mod zip_map;

pub mod elementwise;
pub mod logic;
pub mod ml;
pub mod recurrent;
pub mod reduce;
pub mod tree;
pub mod window;

use std::any::Any;
use std::fmt::Debug;

use crate::arith::{Arith, FixedArith, FloatArith, ShapeArith};
use crate::error::KernelError;
use crate::value::Value;

/// The inputs of a node in domain `A`.
pub type Inputs<'a, E> = [Option<&'a Value<E>>];

/// An operator's semantics, generic over the number domain.
pub trait Kernel: Debug + Send + Sync {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError>;
}

/// Object-safe face of a [`Kernel`], one method per domain, so a graph can hold
/// `Box<dyn Operator>` and still run every domain.
pub trait Operator: Debug + Send + Sync {
    fn eval_fixed(&self, ar: &FixedArith, inputs: &Inputs<'_, i64>) -> Result<Vec<Value<i64>>, KernelError>;
    fn eval_float(&self, ar: &FloatArith, inputs: &Inputs<'_, f32>) -> Result<Vec<Value<f32>>, KernelError>;
    fn eval_shape(&self, ar: &ShapeArith, inputs: &Inputs<'_, ()>) -> Result<Vec<Value<()>>, KernelError>;
    /// Access to the concrete kernel (its attributes), for code generation.
    fn as_any(&self) -> &dyn Any;
}

impl<K: Kernel + 'static> Operator for K {
    fn eval_fixed(&self, ar: &FixedArith, inputs: &Inputs<'_, i64>) -> Result<Vec<Value<i64>>, KernelError> {
        self.run(ar, inputs)
    }

    fn eval_float(&self, ar: &FloatArith, inputs: &Inputs<'_, f32>) -> Result<Vec<Value<f32>>, KernelError> {
        self.run(ar, inputs)
    }

    fn eval_shape(&self, ar: &ShapeArith, inputs: &Inputs<'_, ()>) -> Result<Vec<Value<()>>, KernelError> {
        self.run(ar, inputs)
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// A domain a whole graph can be evaluated in: picks the matching [`Operator`] method.
pub trait Domain: Arith {
    fn eval(&self, op: &dyn Operator, inputs: &Inputs<'_, Self::Elem>) -> Result<Vec<Value<Self::Elem>>, KernelError>;
}

impl Domain for FixedArith {
    fn eval(&self, op: &dyn Operator, inputs: &Inputs<'_, i64>) -> Result<Vec<Value<i64>>, KernelError> {
        op.eval_fixed(self, inputs)
    }
}

impl Domain for FloatArith {
    fn eval(&self, op: &dyn Operator, inputs: &Inputs<'_, f32>) -> Result<Vec<Value<f32>>, KernelError> {
        op.eval_float(self, inputs)
    }
}

impl Domain for ShapeArith {
    fn eval(&self, op: &dyn Operator, inputs: &Inputs<'_, ()>) -> Result<Vec<Value<()>>, KernelError> {
        op.eval_shape(self, inputs)
    }
}

/// Input `index`, which the operator requires.
pub fn required<'a, E>(inputs: &Inputs<'a, E>, index: usize, name: &'static str) -> Result<&'a Value<E>, KernelError> {
    inputs.get(index).copied().flatten().ok_or(KernelError::MissingInput { index, name })
}

/// Input `index`, absent when omitted or past the end.
pub fn optional<'a, E>(inputs: &Inputs<'a, E>, index: usize) -> Option<&'a Value<E>> {
    inputs.get(index).copied().flatten()
}

/// An optional integer input read as a list (axes, pads, shapes).
pub fn int_list<E: Copy>(
    inputs: &Inputs<'_, E>,
    index: usize,
    name: &'static str,
) -> Result<Option<Vec<i64>>, KernelError> {
    match optional(inputs, index) {
        None => Ok(None),
        Some(v) => {
            let t = v.as_int(index, name)?;
            if t.rank() > 1 {
                return Err(KernelError::InputType {
                    index,
                    name,
                    expected: "a 1-D integer tensor",
                    actual: v.describe(),
                });
            }
            Ok(Some(t.data().to_vec()))
        }
    }
}
