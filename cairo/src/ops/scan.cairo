//! `Scan` — the data movement of a loop with a static trip count: slicing a
//! scan input at one position of its axis, and stacking the body's per-
//! iteration outputs along an output axis. The generated code owns the loop
//! and calls the body (its own function). Exact. Mirrors
//! runtime/src/ops/scan.rs.

/// The slice at `pos` of an axis of length `len`, for a tensor seen as
/// [outer, len, inner] (the axis removed).
pub fn slice_at(x: Span<felt252>, outer: u32, len: u32, inner: u32, pos: u32) -> Span<felt252> {
    let mut out = array![];
    for o in 0..outer {
        out.append_span(x.slice((o * len + pos) * inner, inner));
    }
    out.span()
}

/// `trips` slices laid one after the other (each [outer, inner], the output
/// axis between the two) stacked along that axis: output (o, t, i) is element
/// (o, i) of slice t, or of slice trips − 1 − t when `reverse`.
pub fn stack(slices: Span<felt252>, trips: u32, outer: u32, inner: u32, reverse: bool) -> Span<felt252> {
    let slice_len = outer * inner;
    let mut out = array![];
    for o in 0..outer {
        for t in 0..trips {
            let src = if reverse {
                trips - 1 - t
            } else {
                t
            };
            out.append_span(slices.slice(src * slice_len + o * inner, inner));
        }
    }
    out.span()
}
