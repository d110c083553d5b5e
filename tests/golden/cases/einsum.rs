use cairn_runtime::DType;

use crate::golden::case::{Case, Input};

pub fn cases() -> Vec<Case> {
    let r = |shape: &[usize]| Input::Real { shape: shape.to_vec(), range: 4.0 };
    let w = |shape: &[usize]| Input::Weight { shape: shape.to_vec(), range: 2.0 };
    let vals = |shape: &[usize], v: &[f64]| Input::RealValues { shape: shape.to_vec(), values: v.to_vec() };
    let eq =
        |name: &str, equation: &str, inputs: Vec<Input>| Case::new(name, "Einsum", inputs).string("equation", equation);
    vec![
        eq("einsum_matmul", "ij,jk->ik", vec![r(&[3, 4]), r(&[4, 5])]),
        eq("einsum_matmul_weight", "ij,jk->ik", vec![r(&[2, 3]), w(&[3, 4])]),
        eq("einsum_batched", "bij,bjk->bik", vec![r(&[2, 3, 4]), r(&[2, 4, 2])]),
        eq("einsum_attention_scores", "bhid,bhjd->bhij", vec![r(&[1, 2, 3, 4]), r(&[1, 2, 5, 4])]),
        eq("einsum_attention_values", "bhij,bhjd->bhid", vec![r(&[1, 2, 3, 5]), r(&[1, 2, 5, 4])]),
        eq("einsum_ellipsis_broadcast", "...ij,...jk->...ik", vec![r(&[2, 3, 4]), r(&[4, 2])]),
        eq("einsum_ellipsis_batch_1", "...ij,...jk->...ik", vec![r(&[1, 3, 4]), r(&[2, 4, 2])]),
        eq("einsum_transposed_operands", "ji,kj->ik", vec![r(&[4, 3]), r(&[2, 4])]),
        eq("einsum_output_transposed", "bij,bjk->kbi", vec![r(&[2, 3, 4]), r(&[2, 4, 2])]),
        eq("einsum_implicit_output", "ij,jk", vec![r(&[2, 3]), r(&[3, 2])]),
        eq("einsum_implicit_sorted", "ba,ac", vec![r(&[2, 3]), r(&[3, 4])]),
        eq("einsum_outer", "i,j->ij", vec![r(&[3]), r(&[4])]),
        eq("einsum_inner", "i,i->", vec![r(&[5]), r(&[5])]),
        eq("einsum_spaces", "b i j , b j k -> b i k", vec![r(&[1, 2, 2]), r(&[1, 2, 3])]),
        eq("einsum_transpose", "ij->ji", vec![r(&[3, 4])]),
        eq("einsum_permute_3d", "abc->cab", vec![r(&[2, 3, 4])]),
        eq("einsum_diagonal", "ii->i", vec![r(&[4, 4])]),
        eq("einsum_trace", "ii->", vec![r(&[3, 3])]),
        eq("einsum_batch_diagonal", "...ii->...i", vec![r(&[2, 3, 3])]),
        eq("einsum_row_sum", "ij->i", vec![r(&[3, 5])]),
        eq("einsum_sum_all", "ij->", vec![r(&[3, 4])]),
        eq("einsum_scalar", "->", vec![vals(&[], &[1.25])]),
        // ±3 ulp × 0.5 = ±1.5 ulp: rounded once, half up, to 2 and -1; 3 ulp × 0.5
        // + 1 ulp × 0.5 = 2 ulp exactly (a single rounding of the sum)
        eq("einsum_rounding", "i,j->ij", vec![vals(&[2], &[3.0 / 65536.0, -3.0 / 65536.0]), vals(&[1], &[0.5])]),
        eq("einsum_rounding_sum", "i,i->", vec![vals(&[2], &[3.0 / 65536.0, 1.0 / 65536.0]), vals(&[2], &[0.5, 0.5])]),
        eq("einsum_overflow", "i,i->", vec![vals(&[2], &[3.0e9, 3.0e9]), vals(&[2], &[3.0e9, 3.0e9])]),
        eq("einsum_sum_overflow", "i->", vec![vals(&[2], &[1.0e14, 1.0e14])]),
        eq(
            "einsum_int64",
            "ij,jk->ik",
            vec![
                Input::Int { shape: vec![2, 2], dtype: DType::I64, values: vec![1, -2, 3, 4] },
                Input::Int { shape: vec![2, 2], dtype: DType::I64, values: vec![5, 6, -7, 8] },
            ],
        ),
        eq(
            "einsum_int32_sum_overflow",
            "i->",
            vec![Input::Int { shape: vec![2], dtype: DType::I32, values: vec![2147483647, 1] }],
        ),
        eq("einsum_opset_12", "ij,jk->ik", vec![r(&[2, 2]), r(&[2, 2])]).opset(12),
        eq("einsum_scale_8", "ij,jk->ik", vec![r(&[2, 3]), r(&[3, 2])]).scale(8),
    ]
}
