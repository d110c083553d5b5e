//! `ConstantOfShape` — `n` copies of the stored value (quantized by the code
//! generator). Exact. Mirrors runtime/src/ops/constant_of_shape.rs.

pub fn constant_of_shape(value: felt252, n: u32) -> Span<felt252> {
    let mut out = array![];
    for _ in 0..n {
        out.append(value);
    }
    out.span()
}
