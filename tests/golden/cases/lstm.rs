use crate::golden::case::{Case, Input};

fn r(shape: &[usize], range: f64) -> Input {
    Input::Real { shape: shape.to_vec(), range }
}

fn w(shape: &[usize], range: f64) -> Input {
    Input::Weight { shape: shape.to_vec(), range }
}

/// X [seq 3, batch 2, input 4], hidden 3, `dirs` directions.
fn lstm(name: &str, dirs: usize, extra: Vec<Input>) -> Case {
    let mut inputs = vec![r(&[3, 2, 4], 2.0), w(&[dirs, 12, 4], 0.6), w(&[dirs, 12, 3], 0.6), w(&[dirs, 24], 0.3)];
    inputs.extend(extra);
    Case::new(name, "LSTM", inputs).int("hidden_size", 3).outputs(3)
}

pub fn cases() -> Vec<Case> {
    let lens = |v: &[i64]| Input::ConstInt { shape: vec![v.len()], values: v.to_vec() };
    vec![
        lstm("lstm_forward", 1, vec![]),
        Case::new("lstm_no_bias", "LSTM", vec![r(&[2, 1, 3], 2.0), w(&[1, 8, 3], 0.6), w(&[1, 8, 2], 0.6)])
            .int("hidden_size", 2),
        lstm("lstm_reverse", 1, vec![]).string("direction", "reverse"),
        lstm("lstm_bidirectional_states", 2, vec![lens(&[3, 3]), r(&[2, 2, 3], 1.0), r(&[2, 2, 3], 1.0)])
            .string("direction", "bidirectional"),
        lstm("lstm_peepholes", 1, vec![Input::Absent, Input::Absent, Input::Absent, w(&[1, 9], 0.5)]),
        // torch's batch_first export: X [batch, seq, input]
        Case::new(
            "lstm_batch_first",
            "LSTM",
            vec![r(&[2, 3, 4], 2.0), w(&[1, 12, 4], 0.6), w(&[1, 12, 3], 0.6), w(&[1, 24], 0.3)],
        )
        .int("hidden_size", 3)
        .int("layout", 1)
        .outputs(3),
        // only Y_h used (the usual classifier head)
        lstm("lstm_last_state_only", 1, vec![]).outputs(2),
        lstm("lstm_short_sequence", 1, vec![lens(&[3, 2])]),
        lstm("lstm_scale_24", 1, vec![]).scale(24),
    ]
}
