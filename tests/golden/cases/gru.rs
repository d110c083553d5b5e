use crate::golden::case::{Case, Input};

fn r(shape: &[usize], range: f64) -> Input {
    Input::Real { shape: shape.to_vec(), range }
}

fn w(shape: &[usize], range: f64) -> Input {
    Input::Weight { shape: shape.to_vec(), range }
}

/// X [seq 3, batch 2, input 4], hidden 3, `dirs` directions.
fn gru(name: &str, dirs: usize, extra: Vec<Input>) -> Case {
    let mut inputs = vec![r(&[3, 2, 4], 2.0), w(&[dirs, 9, 4], 0.6), w(&[dirs, 9, 3], 0.6), w(&[dirs, 18], 0.3)];
    inputs.extend(extra);
    Case::new(name, "GRU", inputs).int("hidden_size", 3).outputs(2)
}

pub fn cases() -> Vec<Case> {
    vec![
        gru("gru_forward", 1, vec![]),
        // what torch exports
        gru("gru_linear_before_reset", 1, vec![]).int("linear_before_reset", 1),
        gru("gru_reverse", 1, vec![]).string("direction", "reverse").int("linear_before_reset", 1),
        gru("gru_bidirectional_initial", 2, vec![Input::Absent, r(&[2, 2, 3], 1.0)])
            .string("direction", "bidirectional"),
        Case::new("gru_no_bias_batch_first", "GRU", vec![r(&[2, 3, 2], 2.0), w(&[1, 6, 2], 0.6), w(&[1, 6, 2], 0.6)])
            .int("hidden_size", 2)
            .int("layout", 1)
            .outputs(2),
        gru("gru_activations_listed", 1, vec![]).strings("activations", &["Sigmoid", "Tanh"]),
    ]
}
