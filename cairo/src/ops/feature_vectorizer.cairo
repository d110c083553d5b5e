//! `ai.onnx.ml.FeatureVectorizer` — row by row, the columns of each input
//! (cut or zero-padded to its declared width) side by side. Integer inputs
//! are converted by the code generator first. Exact.
//! Mirrors runtime/src/ops/feature_vectorizer.rs.

/// `parts[i]` has `columns[i]` columns and contributes `widths[i]`.
pub fn feature_vectorizer(
    rows: u32, parts: Span<Span<felt252>>, columns: Span<u32>, widths: Span<u32>,
) -> Span<felt252> {
    let mut out = array![];
    for r in 0..rows {
        let mut p: u32 = 0;
        while p < parts.len() {
            let part = *parts[p];
            let c = *columns[p];
            for j in 0..*widths[p] {
                out.append(if j < c {
                    *part[r * c + j]
                } else {
                    0
                });
            }
            p += 1;
        }
    }
    out.span()
}
