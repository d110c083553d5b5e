//! `ai.onnx.ml.Imputer` — every element equal to `replaced` becomes the
//! imputed value of its feature (one value, or one per feature of the last
//! axis). The code generator passes the tensor through when nothing can be
//! equal to the replaced value (NaN, or a real not representable at the
//! model scale). Exact. Mirrors runtime/src/ops/imputer.rs.

pub fn imputer(x: Span<felt252>, features: u32, replaced: felt252, imputed: Span<felt252>) -> Span<felt252> {
    let mut out = array![];
    let mut i: u32 = 0;
    for v in x {
        if *v == replaced {
            out.append(if imputed.len() == 1 {
                *imputed[0]
            } else {
                *imputed[i % features]
            });
        } else {
            out.append(*v);
        }
        i += 1;
    }
    out.span()
}
