//! `ai.onnx.ml.LabelEncoder` (numeric) — each element becomes the value of
//! the first key equal to it, or the default. The code generator passes only
//! the keys that can equal a stored value (reals representable at the model
//! scale). Exact. Mirrors runtime/src/ops/label_encoder.rs.

pub fn label_encoder(x: Span<felt252>, keys: Span<felt252>, values: Span<felt252>, default: felt252) -> Span<felt252> {
    let mut out = array![];
    for v in x {
        let mut y = default;
        let mut k: u32 = 0;
        while k < keys.len() {
            if *keys[k] == *v {
                y = *values[k];
                break;
            }
            k += 1;
        }
        out.append(y);
    }
    out.span()
}
