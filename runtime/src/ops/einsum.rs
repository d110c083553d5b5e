//! `Einsum` — Einstein summation over one or two operands (opset 12), for the
//! equations exporters produce: matrix products in every layout (`ij,jk->ik`,
//! `bij,bjk->bik`, `bhid,bhjd->bhij`, `...ij,...jk->...ik`, transposed
//! operands, outer products) and single-operand permutations, diagonals,
//! traces and sums (`ij->ji`, `ii->i`, `ii->`, `ij->i`).
//!
//! Every supported equation is *lowered* to existing kernels, so it has their
//! exact semantics and the Cairo code is the same composition of their Cairo
//! counterparts:
//!
//! * one operand: a strided view (a label repeated in the operand walks the
//!   diagonal: its stride is the sum of the strides of its positions) ordered
//!   as the output labels then the summed ones, then `ReduceSum` over the
//!   summed axes — the exact sum, no rounding;
//! * two operands: each operand transposed to `[batch.., rows.., inner..]` and
//!   `[batch.., inner.., cols..]`, flattened to a `MatMul` of
//!   `[batch.., M, K] × [batch.., K, N]` (batch axes broadcast as in MatMul),
//!   then transposed to the output order. Each output is one exact sum of
//!   exact products rounded once half up: error ≤ 2^-(s+1) against the real
//!   contraction of the stored operands, as MatMul.
//!
//! Refused, with the equation named: more than two operands, a label repeated
//! within an operand of a two-operand equation, a label summed out of only one
//! of two operands, and an ellipsis missing from an explicit output. Labels
//! are letters; an ellipsis stands for the same leading axes (broadcast
//! numpy-style) in every operand. Without `->` the output is the ellipsis
//! axes then the labels used once, alphabetically (ONNX's implicit mode).
//! Spec: <https://onnx.ai/onnx/operators/onnx__Einsum.html>

use super::mat_mul::MatMul;
use super::reduce::ReduceAttrs;
use super::reduce_sum::ReduceSum;
use super::transpose::Transpose;
use super::{Inputs, Kernel};
use crate::arith::Arith;
use crate::error::KernelError;
use crate::shape::{broadcast_shapes, checked_numel, strides};
use crate::value::Value;

/// A label: a letter's code point, or `ELLIPSIS + j` for the j-th axis of
/// the ellipsis counted from its right end.
type Label = u32;
const ELLIPSIS: Label = 1000;

/// A parsed equation: the terms of the operands and the output.
#[derive(Clone, Debug, PartialEq)]
pub struct Equation {
    pub text: String,
    operands: Vec<Term>,
    output: Term,
}

/// One term: its letters, and where the ellipsis sits among them.
#[derive(Clone, Debug, PartialEq)]
struct Term {
    letters: Vec<char>,
    /// Index in `letters` before which the ellipsis stands.
    ellipsis: Option<usize>,
}

impl Term {
    fn parse(s: &str, eq: &str) -> Result<Term, String> {
        let (before, after, ellipsis) = match s.find("...") {
            Some(p) => (&s[..p], &s[p + 3..], true),
            None => (s, "", false),
        };
        let mut letters = Vec::new();
        for c in before.chars().chain(after.chars()) {
            if !c.is_ascii_alphabetic() {
                return Err(format!("Einsum equation '{eq}': '{c}' is not a label (labels are letters)"));
            }
            letters.push(c);
        }
        Ok(Term { letters, ellipsis: ellipsis.then_some(before.len()) })
    }

    /// The term's labels for an operand of `rank` axes (the ellipsis expanded).
    fn labels(&self, rank: usize, eq: &str) -> Result<Vec<Label>, KernelError> {
        let n = self.letters.len();
        let letter = |c: &char| *c as Label;
        match self.ellipsis {
            None if rank == n => Ok(self.letters.iter().map(letter).collect()),
            Some(p) if rank >= n => {
                let e = rank - n;
                let mut out: Vec<Label> = self.letters[..p].iter().map(letter).collect();
                out.extend((0..e).rev().map(|j| ELLIPSIS + j as Label));
                out.extend(self.letters[p..].iter().map(letter));
                Ok(out)
            }
            _ => Err(KernelError::shape(format!(
                "Einsum equation '{eq}': a term does not match an operand of rank {rank}"
            ))),
        }
    }
}

impl Equation {
    /// Parses `equation` (spaces ignored); refuses what cairn does not lower.
    pub fn parse(equation: &str) -> Result<Equation, String> {
        let eq: String = equation.chars().filter(|c| !c.is_whitespace()).collect();
        let (lhs, rhs) = match eq.split_once("->") {
            Some((l, r)) => (l, Some(r)),
            None => (eq.as_str(), None),
        };
        let operands = lhs.split(',').map(|t| Term::parse(t, equation)).collect::<Result<Vec<_>, _>>()?;
        if operands.len() > 2 {
            return Err(format!(
                "Einsum equation '{equation}' has {} operands; cairn lowers one or two",
                operands.len()
            ));
        }
        let any_ellipsis = operands.iter().any(|t| t.ellipsis.is_some());
        let output = match rhs {
            Some(r) => {
                let t = Term::parse(r, equation)?;
                if any_ellipsis && t.ellipsis.is_none() {
                    return Err(format!("Einsum equation '{equation}': the output must keep the ellipsis axes"));
                }
                t
            }
            None => {
                let mut once: Vec<char> = Vec::new();
                for c in operands.iter().flat_map(|t| &t.letters) {
                    let n = operands.iter().flat_map(|t| &t.letters).filter(|d| *d == c).count();
                    if n == 1 {
                        once.push(*c);
                    }
                }
                once.sort_unstable();
                Term { letters: once, ellipsis: any_ellipsis.then_some(0) }
            }
        };
        for (i, c) in output.letters.iter().enumerate() {
            if output.letters[..i].contains(c) {
                return Err(format!("Einsum equation '{equation}': output label '{c}' is repeated"));
            }
            if !operands.iter().any(|t| t.letters.contains(c)) {
                return Err(format!("Einsum equation '{equation}': output label '{c}' is in no operand"));
            }
        }
        if let [a, b] = operands.as_slice() {
            for t in [a, b] {
                if let Some(c) = t.letters.iter().enumerate().find(|(i, c)| t.letters[..*i].contains(c)).map(|x| x.1) {
                    return Err(format!(
                        "Einsum equation '{equation}': label '{c}' is repeated within an operand of a product (a diagonal); cairn lowers diagonals of one operand only"
                    ));
                }
            }
            for (t, other) in [(a, b), (b, a)] {
                if let Some(c) = t.letters.iter().find(|c| !other.letters.contains(c) && !output.letters.contains(c)) {
                    return Err(format!(
                        "Einsum equation '{equation}': label '{c}' is summed out of one operand only; cairn lowers contractions over labels both operands share"
                    ));
                }
            }
        }
        Ok(Equation { text: equation.to_string(), operands, output })
    }

    pub fn operand_count(&self) -> usize {
        self.operands.len()
    }

    /// The lowering for operands of these shapes.
    pub fn plan(&self, shapes: &[&[usize]]) -> Result<Plan, KernelError> {
        let eq = &self.text;
        if shapes.len() != self.operands.len() {
            return Err(KernelError::shape(format!(
                "Einsum equation '{eq}' has {} operands, the node {} inputs",
                self.operands.len(),
                shapes.len()
            )));
        }
        let labels: Vec<Vec<Label>> =
            self.operands.iter().zip(shapes).map(|(t, s)| t.labels(s.len(), eq)).collect::<Result<_, _>>()?;
        let ellipsis_rank = self
            .operands
            .iter()
            .zip(shapes)
            .map(|(t, s)| if t.ellipsis.is_some() { s.len() - t.letters.len() } else { 0 })
            .max()
            .unwrap_or(0);
        let output = self.output.labels(self.output.letters.len() + ellipsis_rank, eq)?;
        // Sizes: a letter has one size everywhere; ellipsis axes broadcast.
        let mut sizes: Vec<(Label, usize)> = Vec::new();
        for (ls, shape) in labels.iter().zip(shapes) {
            for (&l, &d) in ls.iter().zip(shape.iter()) {
                match sizes.iter_mut().find(|(k, _)| *k == l) {
                    None => sizes.push((l, d)),
                    Some((_, have)) if *have == d => {}
                    Some((_, have)) if l >= ELLIPSIS && (*have == 1 || d == 1) => *have = (*have).max(d),
                    Some((_, have)) => {
                        return Err(KernelError::shape(format!(
                            "Einsum equation '{eq}': a label has sizes {have} and {d} (operands {shapes:?})"
                        )))
                    }
                }
            }
        }
        let size = |l: Label| sizes.iter().find(|(k, _)| *k == l).map_or(1, |(_, d)| *d);
        match labels.as_slice() {
            [x] => Ok(Plan::Unary(unary(x, shapes[0], &output, size)?)),
            [a, b] => Ok(Plan::Binary(binary(a, shapes[0], b, shapes[1], &output)?)),
            _ => Err(KernelError::shape(format!("Einsum equation '{eq}' has no operand"))),
        }
    }
}

/// The lowering of one equation for given operand shapes.
#[derive(Clone, Debug, PartialEq)]
pub enum Plan {
    Unary(UnaryPlan),
    Binary(BinaryPlan),
}

/// One operand: a strided view (`shape`, the input stride of each of its
/// axes), then a sum over its trailing `summed` axes.
#[derive(Clone, Debug, PartialEq)]
pub struct UnaryPlan {
    pub view_shape: Vec<usize>,
    pub view_strides: Vec<usize>,
    /// The axes of the view `ReduceSum` removes (empty: no sum).
    pub summed: Vec<usize>,
}

/// Two operands: `Transpose(A, a_perm)` seen as `a_mm`, `Transpose(B,
/// b_perm)` seen as `b_mm`, their `MatMul` seen as `product`, transposed by
/// `out_perm`.
#[derive(Clone, Debug, PartialEq)]
pub struct BinaryPlan {
    pub a_perm: Vec<usize>,
    pub a_mm: Vec<usize>,
    pub b_perm: Vec<usize>,
    pub b_mm: Vec<usize>,
    pub product: Vec<usize>,
    pub out_perm: Vec<usize>,
}

fn unary(
    x: &[Label],
    shape: &[usize],
    output: &[Label],
    size: impl Fn(Label) -> usize,
) -> Result<UnaryPlan, KernelError> {
    let st = strides(shape);
    let mut order: Vec<Label> = output.to_vec();
    for &l in x {
        if !order.contains(&l) {
            order.push(l);
        }
    }
    let view_strides =
        order.iter().map(|&l| x.iter().zip(&st).filter(|(k, _)| **k == l).map(|(_, s)| s).sum()).collect();
    Ok(UnaryPlan {
        view_shape: order.iter().map(|&l| size(l)).collect(),
        view_strides,
        summed: (output.len()..order.len()).collect(),
    })
}

fn binary(a: &[Label], sa: &[usize], b: &[Label], sb: &[usize], output: &[Label]) -> Result<BinaryPlan, KernelError> {
    let pos = |ls: &[Label], l: Label| ls.iter().position(|&k| k == l);
    let batch: Vec<Label> = output.iter().copied().filter(|&l| pos(a, l).is_some() && pos(b, l).is_some()).collect();
    let rows: Vec<Label> = output.iter().copied().filter(|&l| pos(a, l).is_some() && pos(b, l).is_none()).collect();
    let cols: Vec<Label> = output.iter().copied().filter(|&l| pos(a, l).is_none() && pos(b, l).is_some()).collect();
    let inner: Vec<Label> = a.iter().copied().filter(|&l| pos(output, l).is_none()).collect();
    let dims = |ls: &[Label], s: &[usize], sel: &[Label]| -> Vec<usize> {
        sel.iter().filter_map(|&l| pos(ls, l).map(|p| s[p])).collect()
    };
    let perm = |ls: &[Label], groups: &[&[Label]]| -> Vec<usize> {
        groups.iter().flat_map(|g| g.iter().filter_map(|&l| pos(ls, l))).collect()
    };
    let prod = |v: Vec<usize>| -> Result<usize, KernelError> { checked_numel(&v) };
    let (m, k, n) = (prod(dims(a, sa, &rows))?, prod(dims(a, sa, &inner))?, prod(dims(b, sb, &cols))?);
    let mut a_mm = dims(a, sa, &batch);
    a_mm.extend([m, k]);
    let mut b_mm = dims(b, sb, &batch);
    b_mm.extend([k, n]);
    let mut product = broadcast_shapes(&dims(a, sa, &batch), &dims(b, sb, &batch))?;
    product.extend(dims(a, sa, &rows));
    product.extend(dims(b, sb, &cols));
    let in_product: Vec<Label> = batch.iter().chain(&rows).chain(&cols).copied().collect();
    let out_perm = output.iter().filter_map(|&l| pos(&in_product, l)).collect();
    Ok(BinaryPlan {
        a_perm: perm(a, &[&batch, &rows, &inner]),
        a_mm,
        b_perm: perm(b, &[&batch, &inner, &cols]),
        b_mm,
        product,
        out_perm,
    })
}

#[derive(Clone, Debug, PartialEq)]
pub struct Einsum {
    pub equation: Equation,
}

impl Kernel for Einsum {
    fn run<A: Arith>(&self, ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let xs: Vec<&Value<A::Elem>> = inputs
            .iter()
            .enumerate()
            .map(|(index, v)| v.ok_or(KernelError::MissingInput { index, name: "Inputs" }))
            .collect::<Result<_, _>>()?;
        let shapes: Vec<&[usize]> = xs.iter().map(|x| x.shape()).collect();
        match self.equation.plan(&shapes)? {
            Plan::Unary(p) => {
                let view = strided_view(xs[0], &p.view_shape, &p.view_strides)?;
                if p.summed.is_empty() {
                    return Ok(vec![view]);
                }
                let axes = p.summed.iter().map(|&a| a as i64).collect();
                let sum = ReduceSum {
                    attrs: ReduceAttrs { axes_attr: Some(axes), keepdims: false, noop_with_empty_axes: false },
                };
                sum.run(ar, &[Some(&view)])
            }
            Plan::Binary(p) => {
                let permuted =
                    |x: &Value<A::Elem>, perm: &[usize], mm: &[usize]| -> Result<Value<A::Elem>, KernelError> {
                        let t = Transpose { perm: Some(perm.iter().map(|&a| a as i64).collect()) };
                        let y = t.run(ar, &[Some(x)])?.remove(0);
                        y.reshape(mm.to_vec())
                    };
                let a = permuted(xs[0], &p.a_perm, &p.a_mm)?;
                let b = permuted(xs[1], &p.b_perm, &p.b_mm)?;
                let c = MatMul.run(ar, &[Some(&a), Some(&b)])?.remove(0).reshape(p.product.clone())?;
                let t = Transpose { perm: Some(p.out_perm.iter().map(|&a| a as i64).collect()) };
                t.run(ar, &[Some(&c)])
            }
        }
    }
}

/// `x` at `Σ index[ax] · strides[ax]` for every index of `shape`, row-major.
fn strided_view<E: Copy>(x: &Value<E>, shape: &[usize], st: &[usize]) -> Result<Value<E>, KernelError> {
    let n = checked_numel(shape)?;
    let mut map = Vec::with_capacity(n);
    let mut idx = vec![0; shape.len()];
    for o in 0..n {
        crate::shape::unravel(o, shape, &mut idx);
        map.push(idx.iter().zip(st).map(|(i, s)| i * s).sum());
    }
    x.take(shape.to_vec(), &map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_what_it_does_not_lower() {
        for eq in ["ij,jk,kl->il", "ii,ij->j", "ij,kl->i", "...ij,...jk->ik", "i1->i", "ij->ii", "ij->k"] {
            let e = Equation::parse(eq).expect_err(eq);
            assert!(e.contains(eq), "{e}");
        }
    }

    #[test]
    fn implicit_output_is_labels_used_once_sorted() {
        let e = Equation::parse("ba,ac").unwrap();
        assert_eq!(e.output.letters, vec!['b', 'c']);
        let e = Equation::parse("...ij,...jk").unwrap();
        assert_eq!((e.output.letters.clone(), e.output.ellipsis), (vec!['i', 'k'], Some(0)));
    }

    #[test]
    fn matmul_plan() {
        let e = Equation::parse("bhid,bhjd->bhij").unwrap();
        let Plan::Binary(p) = e.plan(&[&[2, 3, 4, 5], &[2, 3, 6, 5]]).unwrap() else { panic!("binary") };
        assert_eq!(p.a_perm, vec![0, 1, 2, 3]);
        assert_eq!(p.b_perm, vec![0, 1, 3, 2]);
        assert_eq!((p.a_mm, p.b_mm), (vec![2, 3, 4, 5], vec![2, 3, 5, 6]));
        assert_eq!(p.out_perm, vec![0, 1, 2, 3]);
    }

    #[test]
    fn trace_plan_walks_the_diagonal() {
        let e = Equation::parse("ii->").unwrap();
        let Plan::Unary(p) = e.plan(&[&[3, 3]]).unwrap() else { panic!("unary") };
        assert_eq!((p.view_shape, p.view_strides, p.summed), (vec![3], vec![4], vec![0]));
    }
}
