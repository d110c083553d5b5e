use super::tree_ensemble_classifier::rows;
use crate::golden::case::Case;

/// Opset-5 encoding: two trees; split modes as uint8 codes (0 LEQ, 1 LT,
/// 2 GTE, 3 GT, 4 EQ, 5 NEQ, 6 MEMBER); the second tree's root is a
/// set-membership split, and a single-leaf third tree.
fn ensemble(name: &str, aggregate: i64, post: i64) -> Case {
    Case::new(name, "TreeEnsemble", vec![rows()])
        .ml(5)
        .floats_tensor("nodes_splits", &[0.3, -0.5, 0.0, 0.1, 0.0])
        .ints("nodes_featureids", &[0, 2, 1, 1, 0])
        .u8_tensor("nodes_modes", &[0, 1, 6, 3, 0])
        .ints("nodes_truenodeids", &[1, 0, 3, 2, 5])
        .ints("nodes_trueleafs", &[0, 1, 0, 1, 1])
        .ints("nodes_falsenodeids", &[1, 1, 3, 4, 5])
        .ints("nodes_falseleafs", &[1, 1, 1, 1, 1])
        .ints("leaf_targetids", &[0, 1, 0, 1, 0, 1])
        .floats_tensor("leaf_weights", &[1.5, -0.25, 2.0, 0.75, -1.1, 0.3])
        .ints("tree_roots", &[0, 2, 4])
        // tree 2's set {0.25, 0.1 (not representable), -3}
        .floats_tensor("membership_values", &[0.25, 0.1, -3.0])
        .int("n_targets", 2)
        .int("aggregate_function", aggregate)
        .int("post_transform", post)
}

pub fn cases() -> Vec<Case> {
    vec![
        ensemble("tree_ensemble_sum", 1, 0),
        ensemble("tree_ensemble_average", 0, 0),
        ensemble("tree_ensemble_min", 2, 0),
        ensemble("tree_ensemble_max", 3, 0),
        ensemble("tree_ensemble_softmax", 1, 1),
    ]
}
