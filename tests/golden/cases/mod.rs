//! Golden cases, one file per operator (the op's stem). A file returns the
//! cases its operator's Cairo code must reproduce; `tests/golden.rs` checks
//! every op with a Cairo code generator has at least one.

#![allow(dead_code)]

pub mod add;
pub mod arg_max;
pub mod average_pool;
pub mod batch_normalization;
pub mod cast;
pub mod clip;
pub mod concat;
pub mod constant;
pub mod conv;
pub mod dense;
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

use super::case::Case;

/// (op stem, its cases)
pub fn all() -> Vec<(&'static str, Vec<Case>)> {
    vec![
        ("add", add::cases()),
        ("arg_max", arg_max::cases()),
        ("average_pool", average_pool::cases()),
        ("batch_normalization", batch_normalization::cases()),
        ("cast", cast::cases()),
        ("clip", clip::cases()),
        ("concat", concat::cases()),
        ("constant", constant::cases()),
        ("conv", conv::cases()),
        ("dense", dense::cases()),
        ("div", div::cases()),
        ("exp", exp::cases()),
        ("flatten", flatten::cases()),
        ("gather", gather::cases()),
        ("gemm", gemm::cases()),
        ("global_average_pool", global_average_pool::cases()),
        ("identity", identity::cases()),
        ("leaky_relu", leaky_relu::cases()),
        ("mat_mul", mat_mul::cases()),
        ("max_pool", max_pool::cases()),
        ("mul", mul::cases()),
        ("pad", pad::cases()),
        ("reduce_mean", reduce_mean::cases()),
        ("reduce_sum", reduce_sum::cases()),
        ("relu", relu::cases()),
        ("reshape", reshape::cases()),
        ("sigmoid", sigmoid::cases()),
        ("slice", slice::cases()),
        ("softmax", softmax::cases()),
        ("squeeze", squeeze::cases()),
        ("sub", sub::cases()),
        ("tanh", tanh::cases()),
        ("transpose", transpose::cases()),
        ("unsqueeze", unsqueeze::cases()),
    ]
}
