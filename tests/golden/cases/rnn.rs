use crate::golden::case::{Case, Input};

fn r(shape: &[usize], range: f64) -> Input {
    Input::Real { shape: shape.to_vec(), range }
}

fn w(shape: &[usize], range: f64) -> Input {
    Input::Weight { shape: shape.to_vec(), range }
}

pub fn cases() -> Vec<Case> {
    let rnn = |name: &str, dirs: usize| {
        Case::new(
            name,
            "RNN",
            vec![r(&[4, 2, 3], 2.0), w(&[dirs, 5, 3], 0.6), w(&[dirs, 5, 5], 0.5), w(&[dirs, 10], 0.3)],
        )
        .int("hidden_size", 5)
        .outputs(2)
    };
    vec![
        rnn("rnn_forward", 1),
        rnn("rnn_bidirectional", 2).string("direction", "bidirectional"),
        Case::new(
            "rnn_reverse_initial",
            "RNN",
            vec![
                r(&[3, 1, 2], 2.0),
                w(&[1, 4, 2], 0.6),
                w(&[1, 4, 4], 0.5),
                Input::Absent,
                Input::Absent,
                r(&[1, 1, 4], 1.0),
            ],
        )
        .int("hidden_size", 4)
        .string("direction", "reverse"),
        Case::new("rnn_batch_first", "RNN", vec![r(&[2, 4, 3], 2.0), w(&[1, 5, 3], 0.6), w(&[1, 5, 5], 0.5)])
            .int("hidden_size", 5)
            .int("layout", 1)
            .outputs(2),
    ]
}
