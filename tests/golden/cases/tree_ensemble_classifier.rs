use cairn_transpiler::ir::AttrValue;

use crate::golden::case::{Case, Input};

/// A legacy-encoded forest: nodes `(tree, id, mode, feature, threshold,
/// true id, false id)`.
pub type LegacyNode = (i64, i64, &'static str, i64, f32, i64, i64);

pub fn with_nodes(mut case: Case, nodes: &[LegacyNode]) -> Case {
    let col = |f: fn(&LegacyNode) -> i64| nodes.iter().map(f).collect::<Vec<_>>();
    case = case
        .ints("nodes_treeids", &col(|n| n.0))
        .ints("nodes_nodeids", &col(|n| n.1))
        .strings("nodes_modes", &nodes.iter().map(|n| n.2).collect::<Vec<_>>())
        .ints("nodes_featureids", &col(|n| n.3))
        .floats("nodes_values", &nodes.iter().map(|n| n.4).collect::<Vec<_>>())
        .ints("nodes_truenodeids", &col(|n| n.5))
        .ints("nodes_falsenodeids", &col(|n| n.6));
    case
}

/// The case with the float-list attributes `names` turned into the
/// `<name>_as_tensor` double tensors of ai.onnx.ml opset 3.
pub fn as_tensors(mut case: Case, names: &[&str]) -> Case {
    for name in names {
        let i = case.attrs.iter().position(|a| a.name == *name).expect("the attribute is set");
        let a = case.attrs.remove(i);
        let AttrValue::Floats(v) = a.value else { panic!("{name} is not a float list") };
        case = case.doubles_tensor(&format!("{name}_as_tensor"), &v.iter().map(|&x| f64::from(x)).collect::<Vec<_>>());
    }
    case
}

/// Leaf weights `(tree, node, class or target, weight)` under `prefix`.
pub fn with_weights(case: Case, prefix: &str, weights: &[(i64, i64, i64, f32)]) -> Case {
    case.ints(&format!("{prefix}_treeids"), &weights.iter().map(|w| w.0).collect::<Vec<_>>())
        .ints(&format!("{prefix}_nodeids"), &weights.iter().map(|w| w.1).collect::<Vec<_>>())
        .ints(&format!("{prefix}_ids"), &weights.iter().map(|w| w.2).collect::<Vec<_>>())
        .floats(&format!("{prefix}_weights"), &weights.iter().map(|w| w.3).collect::<Vec<_>>())
}

/// Two trees over three features, every split mode, thresholds that are and
/// are not representable at scale 16.
pub const FOREST: &[LegacyNode] = &[
    (0, 0, "BRANCH_LEQ", 0, 0.3, 1, 2),
    (0, 1, "BRANCH_LT", 2, -0.5, 3, 4),
    (0, 2, "BRANCH_EQ", 1, 0.25, 5, 6),
    (0, 3, "LEAF", 0, 0.0, 0, 0),
    (0, 4, "LEAF", 0, 0.0, 0, 0),
    (0, 5, "LEAF", 0, 0.0, 0, 0),
    (0, 6, "LEAF", 0, 0.0, 0, 0),
    (1, 0, "BRANCH_GT", 1, 0.1, 1, 2),
    (1, 1, "BRANCH_GTE", 2, 0.5, 3, 4),
    (1, 2, "BRANCH_NEQ", 0, -1.0, 5, 6),
    (1, 3, "LEAF", 0, 0.0, 0, 0),
    (1, 4, "LEAF", 0, 0.0, 0, 0),
    (1, 5, "LEAF", 0, 0.0, 0, 0),
    (1, 6, "LEAF", 0, 0.0, 0, 0),
];

/// Rows that hit the thresholds exactly and around them.
pub fn rows() -> Input {
    #[rustfmt::skip]
    let v = vec![
        0.3, 0.25, -0.5,
        0.30001, 0.25, 0.5,
        -1.0, 0.1, 0.49999,
        -1.0, 0.10001, -0.50001,
        2.0, -3.0, 1.0,
        0.0, 0.0, 0.0,
    ];
    Input::RealValues { shape: vec![6, 3], values: v }
}

fn classifier(name: &str) -> Case {
    with_nodes(Case::new(name, "TreeEnsembleClassifier", vec![rows()]).ml(1).outputs(2), FOREST)
}

pub fn cases() -> Vec<Case> {
    let leaves3: &[(i64, i64, i64, f32)] = &[
        (0, 3, 0, 0.5),
        (0, 3, 1, 0.25),
        (0, 4, 1, 1.0),
        (0, 5, 2, 0.75),
        (0, 6, 0, 0.1),
        (0, 6, 2, 0.2),
        (1, 3, 0, 0.3),
        (1, 4, 2, 0.6),
        (1, 5, 1, 0.45),
        (1, 6, 0, 0.05),
    ];
    let binary: &[(i64, i64, i64, f32)] = &[
        (0, 3, 0, 0.1),
        (0, 4, 0, 0.4),
        (0, 5, 0, 0.2),
        (0, 6, 0, 0.35),
        (1, 3, 0, 0.05),
        (1, 4, 0, 0.3),
        (1, 5, 0, 0.15),
        (1, 6, 0, 0.1),
    ];
    let signed: &[(i64, i64, i64, f32)] = &[
        (0, 3, 0, -0.7),
        (0, 4, 0, 0.4),
        (0, 5, 0, 1.2),
        (0, 6, 0, -0.35),
        (1, 3, 0, 0.05),
        (1, 4, 0, -0.3),
        (1, 5, 0, 0.15),
        (1, 6, 0, 0.1),
    ];
    vec![
        with_weights(classifier("tree_ensemble_classifier_three"), "class", leaves3)
            .ints("classlabels_int64s", &[0, 1, 2]),
        with_weights(classifier("tree_ensemble_classifier_three_softmax"), "class", leaves3)
            .ints("classlabels_int64s", &[3, 4, 5])
            .floats("base_values", &[0.1, -0.2, 0.05])
            .string("post_transform", "SOFTMAX"),
        with_weights(classifier("tree_ensemble_classifier_binary"), "class", binary)
            .ints("classlabels_int64s", &[0, 1]),
        with_weights(classifier("tree_ensemble_classifier_binary_signed"), "class", signed)
            .ints("classlabels_int64s", &[0, 1])
            .floats("base_values", &[0.1]),
        with_weights(classifier("tree_ensemble_classifier_binary_logistic"), "class", signed)
            .strings("classlabels_strings", &["ok", "fraud"])
            .string("post_transform", "LOGISTIC"),
        // opset 3: thresholds and weights as double tensors
        as_tensors(
            with_weights(
                with_nodes(
                    Case::new("tree_ensemble_classifier_as_tensor", "TreeEnsembleClassifier", vec![rows()])
                        .ml(3)
                        .outputs(2),
                    &FOREST[..7],
                ),
                "class",
                &leaves3[..6],
            )
            .ints("classlabels_int64s", &[0, 1, 2]),
            &["nodes_values", "class_weights"],
        ),
    ]
}
