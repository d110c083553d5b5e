//! The op table: the single place an ONNX operator is registered.
//!
//! An operator `Foo` has the same file stem in every tree that holds a piece of
//! it (`snake_case("Foo")`): `runtime/src/ops/foo.rs` (semantics),
//! `transpiler/src/ops/foo.rs` (import), a section `### Foo` in
//! `docs/fixed-point.md`, and conformance entries. `tests/pipeline/op_table.rs` fails,
//! listing what is missing, when any piece is absent.

pub mod attrs;
mod gen;
pub(crate) mod ml;
mod recurrent;
mod reduce;
mod tree;
mod window;

mod abs;
mod add;
mod and;
mod arg_max;
mod arg_min;
mod array_feature_extractor;
mod average_pool;
mod batch_normalization;
mod binarizer;
mod cast;
mod ceil;
mod celu;
pub(crate) mod clip;
mod concat;
mod constant;
mod constant_of_shape;
mod conv;
mod conv_transpose;
mod cos;
mod cum_sum;
mod depth_to_space;
mod div;
mod dropout;
mod einsum;
mod elu;
mod equal;
mod erf;
mod exp;
mod expand;
mod feature_vectorizer;
mod flatten;
mod floor;
mod gather;
mod gather_elements;
mod gather_nd;
mod gelu;
mod gemm;
mod global_average_pool;
mod greater;
mod greater_or_equal;
mod group_normalization;
mod gru;
mod hard_sigmoid;
mod hard_swish;
mod identity;
mod imputer;
mod instance_normalization;
mod label_encoder;
mod layer_normalization;
mod leaky_relu;
mod less;
mod less_or_equal;
mod linear_classifier;
mod linear_regressor;
mod log;
mod log_softmax;
mod lstm;
mod mat_mul;
mod max;
mod max_pool;
mod mean;
mod min;
mod mish;
mod mod_op;
mod mul;
mod neg;
mod normalizer;
mod not;
mod one_hot;
mod one_hot_encoder;
mod or;
mod p_relu;
mod pad;
mod pow;
mod range;
mod reciprocal;
mod reduce_l1;
mod reduce_l2;
mod reduce_log_sum_exp;
mod reduce_max;
mod reduce_mean;
mod reduce_min;
mod reduce_prod;
mod reduce_sum;
mod reduce_sum_square;
mod relu;
mod reshape;
mod resize;
mod rnn;
mod round;
mod scaler;
mod scan;
mod selu;
mod shape;
mod sigmoid;
mod sign;
mod sin;
mod size;
mod slice;
mod softmax;
mod softplus;
mod softsign;
mod space_to_depth;
mod split;
mod sqrt;
mod squeeze;
mod sub;
mod sum;
mod svm_classifier;
mod svm_regressor;
mod tanh;
mod tile;
mod top_k;
mod transpose;
mod tree_ensemble;
mod tree_ensemble_classifier;
mod tree_ensemble_regressor;
mod trilu;
mod unsqueeze;
mod upsample;
mod r#where;
mod xor;
mod zip_map;

use attrs::{Attrs, ImportResult};

use crate::codegen::{NodeCode, NodeGen};

/// Result of an operator's code generator: the code, or why it cannot be generated.
pub type CodegenResult = Result<NodeCode, String>;

/// The default ONNX domain (spelled `""` or `"ai.onnx"` in models).
pub const ONNX: &str = "ai.onnx";
/// The classical machine-learning domain (scikit-learn, XGBoost, LightGBM
/// exporters: linear models, trees, SVMs, scalers, ZipMap).
pub const ONNX_ML: &str = "ai.onnx.ml";

/// A node's domain as the op table names it: `""` is the default domain.
pub fn canonical_domain(domain: &str) -> &str {
    if domain.is_empty() {
        ONNX
    } else {
        domain
    }
}

/// One supported operator.
pub struct OpSpec {
    /// [`ONNX`] or [`ONNX_ML`].
    pub domain: &'static str,
    pub op_type: &'static str,
    /// Turns a node's attributes into a kernel, or says why it cannot.
    pub import: fn(&Attrs) -> ImportResult,
    /// Emits the Cairo code of a node (calls into the `cairn` Cairo library).
    pub codegen: fn(&NodeGen) -> CodegenResult,
    /// The operator's fast path, if it has one: straight-line code with the
    /// constant operand as immediates (`codegen::dense`), tried first; the
    /// node falls back to `codegen` where it does not apply.
    pub fast: Option<crate::codegen::dense::FastPath>,
}

macro_rules! ops {
    ($($domain:ident $op:literal => $module:ident $(, fast $fast:path)?);* $(;)?) => {
        /// Every supported operator, by domain, alphabetically within one.
        pub static OPS: &[OpSpec] = &[$(
            OpSpec {
                domain: $domain,
                op_type: $op,
                import: $module::import,
                codegen: $module::codegen,
                fast: ops!(@fast $($fast)?),
            }
        ),*];
    };
    (@fast) => { None };
    (@fast $fast:path) => { Some($fast) };
}

ops! {
    ONNX "Abs" => abs;
    ONNX "Add" => add;
    ONNX "And" => and;
    ONNX "ArgMax" => arg_max;
    ONNX "ArgMin" => arg_min;
    ONNX "AveragePool" => average_pool;
    ONNX "BatchNormalization" => batch_normalization;
    ONNX "Cast" => cast;
    ONNX "Ceil" => ceil;
    ONNX "Celu" => celu;
    ONNX "Clip" => clip;
    ONNX "Concat" => concat;
    ONNX "Constant" => constant;
    ONNX "ConstantOfShape" => constant_of_shape;
    ONNX "Conv" => conv, fast crate::codegen::dense::conv_fast;
    ONNX "ConvTranspose" => conv_transpose;
    ONNX "Cos" => cos;
    ONNX "CumSum" => cum_sum;
    ONNX "DepthToSpace" => depth_to_space;
    ONNX "Div" => div;
    ONNX "Dropout" => dropout;
    ONNX "Einsum" => einsum;
    ONNX "Elu" => elu;
    ONNX "Equal" => equal;
    ONNX "Erf" => erf;
    ONNX "Exp" => exp;
    ONNX "Expand" => expand;
    ONNX "Flatten" => flatten;
    ONNX "Floor" => floor;
    ONNX "GRU" => gru;
    ONNX "Gather" => gather;
    ONNX "GatherElements" => gather_elements;
    ONNX "GatherND" => gather_nd;
    ONNX "Gelu" => gelu;
    ONNX "Gemm" => gemm, fast crate::codegen::dense::gemm_fast;
    ONNX "GlobalAveragePool" => global_average_pool;
    ONNX "Greater" => greater;
    ONNX "GreaterOrEqual" => greater_or_equal;
    ONNX "GroupNormalization" => group_normalization;
    ONNX "HardSigmoid" => hard_sigmoid;
    ONNX "HardSwish" => hard_swish;
    ONNX "Identity" => identity;
    ONNX "InstanceNormalization" => instance_normalization;
    ONNX "LSTM" => lstm;
    ONNX "LayerNormalization" => layer_normalization;
    ONNX "LeakyRelu" => leaky_relu;
    ONNX "Less" => less;
    ONNX "LessOrEqual" => less_or_equal;
    ONNX "Log" => log;
    ONNX "LogSoftmax" => log_softmax;
    ONNX "MatMul" => mat_mul, fast crate::codegen::dense::matmul_fast;
    ONNX "Max" => max;
    ONNX "MaxPool" => max_pool;
    ONNX "Mean" => mean;
    ONNX "Min" => min;
    ONNX "Mish" => mish;
    ONNX "Mod" => mod_op;
    ONNX "Mul" => mul;
    ONNX "Neg" => neg;
    ONNX "Not" => not;
    ONNX "OneHot" => one_hot;
    ONNX "Or" => or;
    ONNX "PRelu" => p_relu;
    ONNX "Pad" => pad;
    ONNX "Pow" => pow;
    ONNX "RNN" => rnn;
    ONNX "Range" => range;
    ONNX "Reciprocal" => reciprocal;
    ONNX "ReduceL1" => reduce_l1;
    ONNX "ReduceL2" => reduce_l2;
    ONNX "ReduceLogSumExp" => reduce_log_sum_exp;
    ONNX "ReduceMax" => reduce_max;
    ONNX "ReduceMean" => reduce_mean;
    ONNX "ReduceMin" => reduce_min;
    ONNX "ReduceProd" => reduce_prod;
    ONNX "ReduceSum" => reduce_sum;
    ONNX "ReduceSumSquare" => reduce_sum_square;
    ONNX "Relu" => relu;
    ONNX "Reshape" => reshape;
    ONNX "Resize" => resize;
    ONNX "Round" => round;
    ONNX "Scan" => scan;
    ONNX "Selu" => selu;
    ONNX "Shape" => shape;
    ONNX "Sigmoid" => sigmoid;
    ONNX "Sign" => sign;
    ONNX "Sin" => sin;
    ONNX "Size" => size;
    ONNX "Slice" => slice;
    ONNX "Softmax" => softmax;
    ONNX "Softplus" => softplus;
    ONNX "Softsign" => softsign;
    ONNX "SpaceToDepth" => space_to_depth;
    ONNX "Split" => split;
    ONNX "Sqrt" => sqrt;
    ONNX "Squeeze" => squeeze;
    ONNX "Sub" => sub;
    ONNX "Sum" => sum;
    ONNX "Tanh" => tanh;
    ONNX "Tile" => tile;
    ONNX "TopK" => top_k;
    ONNX "Transpose" => transpose;
    ONNX "Trilu" => trilu;
    ONNX "Unsqueeze" => unsqueeze;
    ONNX "Upsample" => upsample;
    ONNX "Where" => r#where;
    ONNX "Xor" => xor;
    ONNX_ML "ArrayFeatureExtractor" => array_feature_extractor;
    ONNX_ML "Binarizer" => binarizer;
    ONNX_ML "FeatureVectorizer" => feature_vectorizer;
    ONNX_ML "Imputer" => imputer;
    ONNX_ML "LabelEncoder" => label_encoder;
    ONNX_ML "LinearClassifier" => linear_classifier;
    ONNX_ML "LinearRegressor" => linear_regressor;
    ONNX_ML "Normalizer" => normalizer;
    ONNX_ML "OneHotEncoder" => one_hot_encoder;
    ONNX_ML "SVMClassifier" => svm_classifier;
    ONNX_ML "SVMRegressor" => svm_regressor;
    ONNX_ML "Scaler" => scaler;
    ONNX_ML "TreeEnsemble" => tree_ensemble;
    ONNX_ML "TreeEnsembleClassifier" => tree_ensemble_classifier;
    ONNX_ML "TreeEnsembleRegressor" => tree_ensemble_regressor;
    ONNX_ML "ZipMap" => zip_map;
}

/// The entry for an op type of a domain (`""` is the default domain).
pub fn lookup(domain: &str, op_type: &str) -> Option<&'static OpSpec> {
    let domain = canonical_domain(domain);
    OPS.iter().find(|s| s.domain == domain && s.op_type == op_type)
}

/// Whether the op table has any operator of `domain`.
pub fn knows_domain(domain: &str) -> bool {
    let domain = canonical_domain(domain);
    OPS.iter().any(|s| s.domain == domain)
}

/// Stems that would clash with a keyword in a file name's role — `mod` is also
/// every Rust module directory's root file, `if` and `loop` are Cairo keywords
/// — take the suffix `_op`: `Mod` → `mod_op`. (`Where` stays `where`: a Rust
/// raw identifier, `r#where`, and not a keyword in Cairo 2.17.)
const KEYWORD_STEMS: &[&str] = &["if", "loop", "mod"];

/// The file stem of an operator: `MaxPool` → `max_pool`, acronyms kept
/// together (`SVMClassifier` → `svm_classifier`, `PRelu` → `p_relu`), and
/// keywords suffixed (`Mod` → `mod_op`).
pub fn stem(op_type: &str) -> String {
    let mut out = snake_case(op_type);
    if KEYWORD_STEMS.contains(&out.as_str()) {
        out.push_str("_op");
    }
    out
}

fn snake_case(op_type: &str) -> String {
    let chars: Vec<char> = op_type.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() {
            let prev = i.checked_sub(1).map(|j| chars[j]);
            let next = chars.get(i + 1);
            let word_start = match prev {
                None => false,
                Some(p) if p.is_ascii_lowercase() || p.is_ascii_digit() => true,
                Some(_) => next.is_some_and(|n| n.is_ascii_lowercase()),
            };
            if word_start {
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
        assert_eq!(stem("SVMClassifier"), "svm_classifier");
        assert_eq!(stem("PRelu"), "p_relu");
        assert_eq!(stem("TreeEnsembleRegressor"), "tree_ensemble_regressor");
        assert_eq!(stem("Mod"), "mod_op");
    }

    #[test]
    fn table_is_sorted_and_unique() {
        for w in OPS.windows(2) {
            let key = |s: &OpSpec| (s.domain, s.op_type);
            assert!(
                key(&w[0]) < key(&w[1]),
                "{}/{} before {}/{}",
                w[0].domain,
                w[0].op_type,
                w[1].domain,
                w[1].op_type
            );
        }
        // One file stem per operator across domains (the mirror-stem rule).
        let mut stems: Vec<String> = OPS.iter().map(|s| stem(s.op_type)).collect();
        stems.sort();
        stems.dedup();
        assert_eq!(stems.len(), OPS.len(), "two operators share a file stem");
    }
}
