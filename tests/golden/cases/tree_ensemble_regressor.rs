use super::tree_ensemble_classifier::{as_tensors, rows, with_nodes, with_weights, FOREST};
use crate::golden::case::Case;

pub fn cases() -> Vec<Case> {
    let weights: &[(i64, i64, i64, f32)] = &[
        (0, 3, 0, 1.5),
        (0, 3, 1, -0.25),
        (0, 4, 0, 2.0),
        (0, 5, 1, 0.75),
        (0, 6, 0, -1.1),
        (1, 3, 0, 0.3),
        (1, 4, 1, 0.6),
        (1, 5, 0, -0.45),
        (1, 5, 1, 0.45),
        (1, 6, 0, 0.05),
    ];
    let regressor = |name: &str, aggregate: &str| {
        with_weights(
            with_nodes(Case::new(name, "TreeEnsembleRegressor", vec![rows()]).ml(1), FOREST),
            "target",
            weights,
        )
        .int("n_targets", 2)
        .string("aggregate_function", aggregate)
    };
    vec![
        regressor("tree_ensemble_regressor_sum", "SUM"),
        regressor("tree_ensemble_regressor_average", "AVERAGE").floats("base_values", &[0.5, -0.5]),
        regressor("tree_ensemble_regressor_min", "MIN"),
        regressor("tree_ensemble_regressor_max", "MAX").floats("base_values", &[1.0, 2.0]),
        regressor("tree_ensemble_regressor_logistic", "SUM").string("post_transform", "LOGISTIC"),
        as_tensors(
            regressor("tree_ensemble_regressor_as_tensor", "SUM").ml(3).floats("base_values", &[0.25, 0.0]),
            &["nodes_values", "target_weights", "base_values"],
        ),
    ]
}
