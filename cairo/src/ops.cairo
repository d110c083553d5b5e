//! One file per ONNX operator, the same stem as runtime/src/ops/<op>.rs; each
//! file's header states the semantics and names the Rust kernel it mirrors.

pub mod elementwise;
pub mod add;
pub mod arg_max;
pub mod average_pool;
pub mod batch_normalization;
pub mod cast;
pub mod clip;
pub mod concat;
pub mod constant;
pub mod conv;
pub mod div;
pub mod exp;
pub mod flatten;
pub mod gather;
pub mod gemm;
pub mod global_average_pool;
pub mod identity;
pub mod leaky_relu;
pub mod mat_mul;
pub mod max_pool;
pub mod mul;
pub mod pad;
pub mod reduce_mean;
pub mod reduce_sum;
pub mod relu;
pub mod reshape;
pub mod sigmoid;
pub mod slice;
pub mod softmax;
pub mod squeeze;
pub mod sub;
pub mod tanh;
pub mod transpose;
pub mod unsqueeze;
