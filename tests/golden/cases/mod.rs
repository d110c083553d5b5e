//! Golden cases, one file per operator (the op's stem). A file returns the
//! cases its operator's Cairo code must reproduce; `tests/golden.rs` checks
//! every op with a Cairo code generator has at least one.

#![allow(dead_code)]

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
pub mod dense;
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

use super::case::Case;

/// (op stem, its cases)
pub fn all() -> Vec<(&'static str, Vec<Case>)> {
    vec![
        ("abs", abs::cases()),
        ("add", add::cases()),
        ("and", and::cases()),
        ("arg_max", arg_max::cases()),
        ("arg_min", arg_min::cases()),
        ("array_feature_extractor", array_feature_extractor::cases()),
        ("average_pool", average_pool::cases()),
        ("batch_normalization", batch_normalization::cases()),
        ("binarizer", binarizer::cases()),
        ("cast", cast::cases()),
        ("ceil", ceil::cases()),
        ("celu", celu::cases()),
        ("clip", clip::cases()),
        ("concat", concat::cases()),
        ("constant", constant::cases()),
        ("constant_of_shape", constant_of_shape::cases()),
        ("conv", conv::cases()),
        ("conv_transpose", conv_transpose::cases()),
        ("cos", cos::cases()),
        ("cum_sum", cum_sum::cases()),
        ("dense", dense::cases()),
        ("depth_to_space", depth_to_space::cases()),
        ("div", div::cases()),
        ("dropout", dropout::cases()),
        ("einsum", einsum::cases()),
        ("elu", elu::cases()),
        ("equal", equal::cases()),
        ("erf", erf::cases()),
        ("exp", exp::cases()),
        ("expand", expand::cases()),
        ("feature_vectorizer", feature_vectorizer::cases()),
        ("flatten", flatten::cases()),
        ("floor", floor::cases()),
        ("gather", gather::cases()),
        ("gather_elements", gather_elements::cases()),
        ("gather_nd", gather_nd::cases()),
        ("gelu", gelu::cases()),
        ("gemm", gemm::cases()),
        ("global_average_pool", global_average_pool::cases()),
        ("greater", greater::cases()),
        ("greater_or_equal", greater_or_equal::cases()),
        ("group_normalization", group_normalization::cases()),
        ("gru", gru::cases()),
        ("hard_sigmoid", hard_sigmoid::cases()),
        ("hard_swish", hard_swish::cases()),
        ("identity", identity::cases()),
        ("imputer", imputer::cases()),
        ("instance_normalization", instance_normalization::cases()),
        ("label_encoder", label_encoder::cases()),
        ("layer_normalization", layer_normalization::cases()),
        ("leaky_relu", leaky_relu::cases()),
        ("less", less::cases()),
        ("less_or_equal", less_or_equal::cases()),
        ("linear_classifier", linear_classifier::cases()),
        ("linear_regressor", linear_regressor::cases()),
        ("log", log::cases()),
        ("log_softmax", log_softmax::cases()),
        ("lstm", lstm::cases()),
        ("mat_mul", mat_mul::cases()),
        ("max", max::cases()),
        ("max_pool", max_pool::cases()),
        ("mean", mean::cases()),
        ("min", min::cases()),
        ("mish", mish::cases()),
        ("mod_op", mod_op::cases()),
        ("mul", mul::cases()),
        ("neg", neg::cases()),
        ("normalizer", normalizer::cases()),
        ("not", not::cases()),
        ("one_hot", one_hot::cases()),
        ("one_hot_encoder", one_hot_encoder::cases()),
        ("or", or::cases()),
        ("p_relu", p_relu::cases()),
        ("pad", pad::cases()),
        ("pow", pow::cases()),
        ("range", range::cases()),
        ("reciprocal", reciprocal::cases()),
        ("reduce_l1", reduce_l1::cases()),
        ("reduce_l2", reduce_l2::cases()),
        ("reduce_log_sum_exp", reduce_log_sum_exp::cases()),
        ("reduce_max", reduce_max::cases()),
        ("reduce_mean", reduce_mean::cases()),
        ("reduce_min", reduce_min::cases()),
        ("reduce_prod", reduce_prod::cases()),
        ("reduce_sum", reduce_sum::cases()),
        ("reduce_sum_square", reduce_sum_square::cases()),
        ("relu", relu::cases()),
        ("reshape", reshape::cases()),
        ("resize", resize::cases()),
        ("rnn", rnn::cases()),
        ("round", round::cases()),
        ("scaler", scaler::cases()),
        ("scan", scan::cases()),
        ("selu", selu::cases()),
        ("shape", shape::cases()),
        ("sigmoid", sigmoid::cases()),
        ("sign", sign::cases()),
        ("sin", sin::cases()),
        ("size", size::cases()),
        ("slice", slice::cases()),
        ("softmax", softmax::cases()),
        ("softplus", softplus::cases()),
        ("softsign", softsign::cases()),
        ("space_to_depth", space_to_depth::cases()),
        ("split", split::cases()),
        ("sqrt", sqrt::cases()),
        ("squeeze", squeeze::cases()),
        ("sub", sub::cases()),
        ("sum", sum::cases()),
        ("svm_classifier", svm_classifier::cases()),
        ("svm_regressor", svm_regressor::cases()),
        ("tanh", tanh::cases()),
        ("tile", tile::cases()),
        ("top_k", top_k::cases()),
        ("transpose", transpose::cases()),
        ("tree_ensemble", tree_ensemble::cases()),
        ("tree_ensemble_classifier", tree_ensemble_classifier::cases()),
        ("tree_ensemble_regressor", tree_ensemble_regressor::cases()),
        ("trilu", trilu::cases()),
        ("unsqueeze", unsqueeze::cases()),
        ("upsample", upsample::cases()),
        ("where", r#where::cases()),
        ("xor", xor::cases()),
        ("zip_map", zip_map::cases()),
    ]
}
