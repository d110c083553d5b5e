//! `Dropout` in inference: the output is the input (the code generator passes
//! it through) and the mask is all true. Mirrors runtime/src/ops/dropout.rs.

/// `len` ones (true).
pub fn mask(len: u32) -> Span<felt252> {
    let mut out = array![];
    for _ in 0..len {
        out.append(1);
    }
    out.span()
}
