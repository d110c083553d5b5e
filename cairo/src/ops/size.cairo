//! `Size` — the element count (from the code generator) as an int64 scalar.
//! Exact. Mirrors runtime/src/ops/size.rs.

pub fn size(n: u32) -> Span<felt252> {
    array![n.into()].span()
}
