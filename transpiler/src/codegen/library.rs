//! The Cairo library, embedded in the binary so a generated package is
//! self-contained (it carries the exact library its program hash covers).
//! `tests/op_table.rs` checks this list against `cairo/`.

macro_rules! library {
    ($($path:literal),* $(,)?) => {
        /// `(path inside cairo/, contents)` of every library file.
        pub static LIBRARY_FILES: &[(&str, &str)] = &[$(($path, include_str!(concat!("../../../cairo/", $path)))),*];
    };
}

library! {
    "Scarb.toml",
    "src/lib.cairo",
    "src/arith.cairo",
    "src/fixed.cairo",
    "src/fixed/exp.cairo",
    "src/fixed/exp2_table.cairo",
    "src/fixed/sqrt.cairo",
    "src/io.cairo",
    "src/tensor.cairo",
    "src/ops.cairo",
    "src/ops/elementwise.cairo",
    "src/ops/reduce.cairo",
    "src/ops/window.cairo",
    "src/ops/add.cairo",
    "src/ops/arg_max.cairo",
    "src/ops/average_pool.cairo",
    "src/ops/batch_normalization.cairo",
    "src/ops/cast.cairo",
    "src/ops/clip.cairo",
    "src/ops/concat.cairo",
    "src/ops/constant.cairo",
    "src/ops/conv.cairo",
    "src/ops/div.cairo",
    "src/ops/exp.cairo",
    "src/ops/flatten.cairo",
    "src/ops/gather.cairo",
    "src/ops/gemm.cairo",
    "src/ops/global_average_pool.cairo",
    "src/ops/identity.cairo",
    "src/ops/leaky_relu.cairo",
    "src/ops/mat_mul.cairo",
    "src/ops/max_pool.cairo",
    "src/ops/mul.cairo",
    "src/ops/pad.cairo",
    "src/ops/reduce_mean.cairo",
    "src/ops/reduce_sum.cairo",
    "src/ops/relu.cairo",
    "src/ops/reshape.cairo",
    "src/ops/sigmoid.cairo",
    "src/ops/slice.cairo",
    "src/ops/softmax.cairo",
    "src/ops/squeeze.cairo",
    "src/ops/sub.cairo",
    "src/ops/tanh.cairo",
    "src/ops/transpose.cairo",
    "src/ops/unsqueeze.cairo",
}
