//! Small helpers that format Cairo source.

use cairn_runtime::{DType, Value};

/// A Cairo identifier from an ONNX name: ASCII alphanumerics and `_` kept,
/// everything else `_`, lower-cased (Cairo warns on other casing).
pub fn ident(name: &str) -> String {
    let mut s: String =
        name.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '_' }).collect();
    if s.is_empty() || s.starts_with(|c: char| c.is_ascii_digit()) {
        s.insert(0, '_');
    }
    s
}

/// `array![1, 64].span()`
pub fn shape_lit(shape: &[usize]) -> String {
    format!("array![{}].span()", shape.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", "))
}

/// `array![a, b].span()` for signed integers.
pub fn int_span(values: &[i64]) -> String {
    format!("array![{}].span()", values.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", "))
}

/// A felt252 literal for a stored value.
pub fn felt(v: i64) -> String {
    v.to_string()
}

/// The data of a constant value (fixed-point integers or ints).
pub fn value_data(v: &Value<i64>) -> &[i64] {
    match v {
        Value::Real(t, _) => t.data(),
        Value::Int(t, _) => t.data(),
    }
}

/// `const NAME: [felt252; N] = [...];`, wrapped for readability.
pub fn const_array(name: &str, values: &[i64]) -> String {
    let wide: Vec<i128> = values.iter().map(|&v| i128::from(v)).collect();
    const_array_wide(name, &wide)
}

/// As [`const_array`], for values beyond i64 (sums at scale 2s).
pub fn const_array_wide(name: &str, values: &[i128]) -> String {
    let mut s = format!("const {name}: [felt252; {}] = [", values.len());
    for (i, v) in values.iter().enumerate() {
        if i % 12 == 0 {
            s.push_str("\n    ");
        } else {
            s.push(' ');
        }
        s.push_str(&v.to_string());
        s.push(',');
    }
    s.push_str("\n];\n");
    s
}

/// The domain expression for a tensor of `dtype`: the model scale for reals,
/// the type's range for integers.
pub fn arith(dtype: DType) -> String {
    if dtype.is_real() {
        "@sc".to_string()
    } else {
        let (lo, hi) = dtype.int_range();
        format!("@cairn::arith::int_range({lo}, {hi})")
    }
}

/// Doc-comment friendly description `float32[1, 64]`.
pub fn describe(dtype: DType, shape: &[usize]) -> String {
    format!("{dtype}{shape:?}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers() {
        assert_eq!(ident("fc1/Gemm:0"), "fc1_gemm_0");
        assert_eq!(ident("0weird"), "_0weird");
        assert_eq!(ident(""), "_");
    }
}
