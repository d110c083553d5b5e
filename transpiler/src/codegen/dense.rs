//! Fast code for dense layers whose weights are constants: Gemm and MatMul
//! with a constant right operand, Conv with constant filters.
//!
//! The weights become immediates of straight-line Cairo: each output's exact
//! felt252 sum is `x0 * w0 + x1 * w1 + ...` (about 2 steps per
//! multiply-accumulate; zero weights cost nothing), followed by the bias and
//! one `rescale` (20 steps) — the same exact sum and single rounding as the
//! reference kernel, so the results are identical. To keep the compiler's
//! memory and the frame offsets bounded, the sums are split into
//! `#[inline(never)]` functions: a group of outputs holding about
//! `TERMS_PER_FN` terms, summed in chunks of at most `CHUNK` inputs, with
//! groups called from a loop (CASM addresses frames with 16-bit offsets, and a
//! function's ap change includes its callees'). A model whose dense layers
//! would exceed `MAX_UNROLLED_TERMS` terms, or a layer too wide for one
//! function, falls back to the library's loops.

use std::fmt::Write as _;

use cairn_runtime::ops::conv::Conv;
use cairn_runtime::ops::gemm::Gemm;
use cairn_runtime::ops::mat_mul::MatMul;
use cairn_runtime::ops::window::Taps;
use cairn_runtime::shape::broadcast_map;
use cairn_runtime::{Arith, FixedArith, Value};

use starknet_types_core::felt::Felt;

use super::emit::{const_array, const_array_wide, ident};
use super::packed::Packing;
use super::{Activation, NodeCode, NodeGen, PoolAfter, PoolKind};

/// Unrolled terms per model before falling back to loops (compile memory).
pub const MAX_UNROLLED_TERMS: usize = 120_000;
/// Terms per output-group function (summed over its chunks): bounds the
/// group's ap change, which must stay well inside CASM's 2^15 offsets.
const TERMS_PER_FN: usize = 2048;
/// Inputs per chunk function.
const CHUNK: usize = 128;
/// Inputs beyond which a single output's sum alone would approach those offsets.
const MAX_K: usize = 4096;
/// Terms one straight-line function may hold (its ap change grows with them).
const MAX_TERMS_PER_FN: usize = 4096;

/// A stored value as `rescale`'s biased quotient q = value + 2^63 (in
/// [0, 2^64)): the form `rescale_clamp` takes its bounds in.
fn quotient(v: i64) -> u128 {
    (i128::from(v) + (1i128 << 63)) as u128
}

/// The rounding of one output's exact sum `sum` (the generated code's scale
/// is `sc`): with an activation folded in, `rescale_relu` or `rescale_clamp`
/// (the same rounding and range check, then the activation: what the two
/// nodes compute).
fn round_call(act: Option<Activation>, sum: &str) -> String {
    match act {
        None => format!("cairn::fixed::rescale({sum}, sc)"),
        Some(Activation::Relu) => format!("cairn::fixed::rescale_relu({sum}, sc)"),
        Some(Activation::Clamp { lo, hi }) => {
            format!("cairn::fixed::rescale_clamp({sum}, sc, {lo}, {hi}, {:#x}, {:#x})", quotient(lo), quotient(hi))
        }
    }
}

/// A fast path, as the op table declares it (`OpSpec::fast`): the fast code
/// for a node when it applies; `budget` is the number of unrolled terms
/// still allowed.
pub type FastPath = fn(&NodeGen, &mut usize) -> Option<Result<FastCode, String>>;

/// Gemm with a constant B (either transposition), as rows of a dense product.
pub fn gemm_fast(n: &NodeGen, budget: &mut usize) -> Option<Result<FastCode, String>> {
    let plan = gemm_plan(n)?;
    rows_fast(n, &plan, budget).map(|code| code.map(|code| FastCode { code, pool_folded: false }))
}

/// MatMul with a constant right operand, as rows of a dense product.
pub fn matmul_fast(n: &NodeGen, budget: &mut usize) -> Option<Result<FastCode, String>> {
    let plan = matmul_plan(n)?;
    rows_fast(n, &plan, budget).map(|code| code.map(|code| FastCode { code, pool_folded: false }))
}

/// A dense node's fast code.
pub struct FastCode {
    pub code: NodeCode,
    /// The code also computed the pool of `NodeGen::pool_after`.
    pub pool_folded: bool,
}

/// The fast code of a row-wise dense product, plain or packed.
fn rows_fast(n: &NodeGen, plan: &RowPlan, budget: &mut usize) -> Option<Result<NodeCode, String>> {
    let terms = plan.terms();
    if terms > *budget || plan.k > MAX_K {
        return None;
    }
    *budget -= terms;
    let weights = plan.k * plan.weights.len();
    let s = n.scale.bits();
    let packing = packing_for(plan, s).filter(|pk| lane_clamp(n.activation, pk, s).is_ok()).filter(|_| {
        // Inputs beyond the bound need a plain path: the loops read the
        // weights as one constant array, which the compiler cannot size past
        // ~2^15 values; a bigger layer also unrolls the plain sums.
        let fallback_terms = if weights > LIBRARY_MAX_WEIGHTS { terms } else { 0 };
        fallback_terms <= *budget
    });
    Some(match packing {
        Some(pk) => {
            if weights > LIBRARY_MAX_WEIGHTS {
                *budget -= terms;
                packed_rows(n, plan, pk, Fallback::Plain)
            } else {
                packed_rows(n, plan, pk, Fallback::Loops)
            }
        }
        None => Ok(emit_rows(n, plan, None)),
    })
}

/// The largest weight tensor the packed code falls back to loops for; a
/// larger one falls back to the plain unrolled sums.
const LIBRARY_MAX_WEIGHTS: usize = 16_384;

/// The code inputs outside a packing's bound take.
enum Fallback {
    /// `cairn::packed::dense_rows` over the weights as a constant array: a
    /// small loop (its code joins the program's bytecode, which the prover
    /// pays for in memory rows, whether or not it runs).
    Loops,
    /// The plain unrolled sums.
    Plain,
}

/// A row-wise dense product: `rows` rows of `k` inputs, each giving `n_out`
/// outputs `y[j] = rescale(sum_k x[k] * w[j][k] + bias[j])`.
struct RowPlan {
    rows: usize,
    k: usize,
    /// `weights[j][k]`, quantized.
    weights: Vec<Vec<i64>>,
    /// Per output, the bias already at scale 2s (`c * 2^s`), or 0.
    bias: Vec<i128>,
}

impl RowPlan {
    fn terms(&self) -> usize {
        self.weights.iter().map(|w| w.iter().filter(|&&v| v != 0).count()).sum()
    }
}

fn constant_real(v: &super::ValueGen) -> Option<&cairn_runtime::Tensor<i64>> {
    match &v.constant {
        Some(Value::Real(t, _)) => Some(t),
        _ => None,
    }
}

fn gemm_plan(n: &NodeGen) -> Option<RowPlan> {
    let g: &Gemm = n.kernel().ok()?;
    let (a, b) = (n.input(0).ok()?, n.input(1).ok()?);
    if g.alpha != 1.0 || g.trans_a || !a.dtype.is_real() || a.constant.is_some() || a.shape.len() != 2 {
        return None;
    }
    let w = constant_real(b)?;
    let (m, k) = (a.shape[0], a.shape[1]);
    let (b0, b1) = (w.shape()[0], w.shape()[1]);
    let n_out = if g.trans_b { b0 } else { b1 };
    let weights: Vec<Vec<i64>> = (0..n_out)
        .map(|j| (0..k).map(|t| if g.trans_b { w.data()[j * b1 + t] } else { w.data()[t * b1 + j] }).collect())
        .collect();
    let fx = FixedArith::new(n.scale);
    let mut bias = vec![0i128; n_out];
    if let Some(c) = n.optional_input(2) {
        if g.beta != 0.0 {
            let ct = constant_real(c)?;
            let map = broadcast_map(ct.shape(), &[m, n_out]).ok()?;
            // The bias must be the same for every row (C of shape [N], [1, N] or scalar, or one row).
            for j in 0..n_out {
                let first = ct.data()[map[j]];
                if (0..m).any(|i| ct.data()[map[i * n_out + j]] != first) {
                    return None;
                }
                let cv = if g.beta == 1.0 { first } else { fx.mul(first, fx.from_f64(g.beta).ok()?).ok()? };
                bias[j] = (cv as i128) << n.scale.bits();
            }
        }
    }
    Some(RowPlan { rows: m, k, weights, bias })
}

fn matmul_plan(n: &NodeGen) -> Option<RowPlan> {
    let _: &MatMul = n.kernel().ok()?;
    let (a, b) = (n.input(0).ok()?, n.input(1).ok()?);
    if !a.dtype.is_real() || a.constant.is_some() || a.shape.is_empty() {
        return None;
    }
    let w = constant_real(b)?;
    if w.rank() != 2 || a.shape[a.shape.len() - 1] != w.shape()[0] {
        return None;
    }
    let (k, n_out) = (w.shape()[0], w.shape()[1]);
    let rows = a.shape.iter().product::<usize>() / k.max(1);
    let weights = (0..n_out).map(|j| (0..k).map(|t| w.data()[t * n_out + j]).collect()).collect();
    Some(RowPlan { rows, k, weights, bias: vec![0; n_out] })
}

/// The multiplier of input `t` in the sum of output (or packed word) `j`, as
/// a Cairo literal; `None` for a zero weight, which costs nothing.
type Coef<'a> = &'a dyn Fn(usize, usize) -> Option<String>;

/// The plain coefficients: the quantized weights themselves.
fn plain_coef(weights: &[Vec<i64>]) -> impl Fn(usize, usize) -> Option<String> + '_ {
    move |j, t| (weights[j][t] != 0).then(|| weights[j][t].to_string())
}

/// `x3 * 123 + x7 * -4 + ...` over the nonzero coefficients of `j` for inputs
/// `k0..k1`, or `0`.
fn sum_expr(coef: Coef, j: usize, k0: usize, k1: usize) -> String {
    let mut s = String::new();
    for t in k0..k1 {
        let Some(c) = coef(j, t) else { continue };
        if !s.is_empty() {
            s.push_str(" + ");
        }
        match c.as_str() {
            "1" => {
                let _ = write!(s, "x{t}");
            }
            "-1" => {
                let _ = write!(s, "-x{t}");
            }
            _ => {
                let _ = write!(s, "x{t} * {c}");
            }
        }
    }
    if s.is_empty() {
        s.push('0');
    }
    s
}

/// Destructuring of a chunk, naming only the inputs some weight uses.
fn destructure(used: &[bool], offset: usize) -> String {
    let names: Vec<String> =
        used.iter().enumerate().map(|(i, &u)| if u { format!("x{}", offset + i) } else { "_".into() }).collect();
    format!("let [{}] = (*x.multi_pop_front::<{}>().unwrap()).unbox();", names.join(", "), used.len())
}

/// A function adding to the running sums of outputs `js` the products over
/// inputs `k0..k1`. The first chunk of a group starts the sums; later ones
/// take them as an argument, so no partial sum has to survive a call in the
/// caller (the compiler cannot keep many values alive across large calls).
/// With `norm`, one more running sum follows the outputs': the squares of
/// every input (the packed lanes' bound, ~2 steps per input).
fn chunk_fn(
    name: &str,
    coef: Coef,
    js: std::ops::Range<usize>,
    (k0, k1): (usize, usize),
    first: bool,
    norm: bool,
) -> String {
    let used: Vec<bool> = (k0..k1).map(|t| norm || js.clone().any(|j| coef(j, t).is_some())).collect();
    let r = js.len() + usize::from(norm);
    let acc_param = if first { String::new() } else { format!(", acc: [felt252; {r}]") };
    let what = if norm { ", then the sum of the inputs' squares" } else { "" };
    let mut s = format!(
        "/// Sums of outputs {}..{} over inputs {k0}..{k1}{what}; the weights are immediates.\n#[inline(never)]\nfn {name}(x: Span<felt252>{acc_param}) -> [felt252; {r}] {{\n",
        js.start, js.end
    );
    if used.iter().any(|&u| u) {
        let _ = writeln!(s, "    let mut x = x;\n    {}", destructure(&used, k0));
    }
    if !first {
        let accs: Vec<String> = (0..r).map(|i| format!("a{i}")).collect();
        let _ = writeln!(s, "    let [{}] = acc;", accs.join(", "));
    }
    let mut sums: Vec<String> = js.clone().map(|j| sum_expr(coef, j, k0, k1)).collect();
    if norm {
        let squares: Vec<String> = (k0..k1).map(|t| format!("x{t} * x{t}")).collect();
        sums.push(if squares.is_empty() { "0".into() } else { squares.join(" + ") });
    }
    for (i, sum) in sums.iter().enumerate() {
        if first {
            let _ = writeln!(s, "    let y{i} = {sum};");
        } else {
            let _ = writeln!(s, "    let y{i} = a{i} + {sum};");
        }
    }
    let ys: Vec<String> = (0..r).map(|i| format!("y{i}")).collect();
    let _ = writeln!(s, "    [{}]\n}}", ys.join(", "));
    s
}

/// The row code of a dense product: plain (each output's sum rounded by
/// itself) or, with a packing, over packed words (each word's lanes split and
/// rounded by `cairn::packed`). The packed code is only correct for rows
/// whose norm is within the packing's bound: the first group of each row
/// sums the squares along with its products and checks them before
/// splitting; after a row that fails, the node's result is `fallback`, a
/// plain path's body.
fn emit_rows(n: &NodeGen, p: &RowPlan, packed: Option<(Packing, &str)>) -> NodeCode {
    let packing = packed.map(|(pk, _)| pk);
    let base = ident(n.name);
    let n_out = p.weights.len();
    let lanes = packing.map_or(1, |pk| pk.lanes);
    // A unit is one output (plain) or one word of `lanes` outputs (packed).
    let units = n_out.div_ceil(lanes);
    let outputs_of = |u: usize| u * lanes..((u + 1) * lanes).min(n_out);
    let plain = plain_coef(&p.weights);
    let word_coef = |u: usize, t: usize| {
        let pk = packing.expect("packed units");
        pk.word(&p.weights, outputs_of(u), t).map(|f| super::packed::literal(&f))
    };
    let coef: Coef = if packing.is_some() { &word_coef } else { &plain };
    let (param, arg) = if packing.is_some() { ("ln: cairn::packed::Lanes", "ln") } else { ("sc: Scale", "sc") };
    let chunk = CHUNK.min(p.k).max(1);
    // Units per group function: its chunks together hold about TERMS_PER_FN terms.
    let group = (TERMS_PER_FN / p.k.max(1)).clamp(1, units.max(1));
    let chunks: Vec<(usize, usize)> = (0..p.k).step_by(chunk).map(|k0| (k0, (k0 + chunk).min(p.k))).collect();
    let mut items = Vec::new();
    let x = &n.inputs[0].as_ref().expect("checked by the plan").expr;
    let n_groups = units.div_ceil(group);
    for (g, u0) in (0..units).step_by(group).enumerate() {
        let u1 = (u0 + group).min(units);
        let (j0, j1) = (outputs_of(u0).start, outputs_of(u1 - 1).end);
        // One function per group: its chunk sums, bias and rounding.
        let mut f = format!(
            "/// Outputs {j0}..{j1} of `{}` for one input row: exact sums, bias, one rounding each.\n#[inline(never)]\nfn {base}_g{g}(row: Span<felt252>, {param}, ref out: Array<felt252>) {{\n",
            n.name
        );
        // The packed code's first group also sums the row's squares and
        // checks them before any lane is split.
        let norm = packing.is_some() && g == 0;
        if norm {
            f = f.replace(") {\n", ") -> bool {\n");
        }
        for (c, &(k0, k1)) in chunks.iter().enumerate() {
            let fname = format!("{base}_g{g}_c{c}");
            items.push(chunk_fn(&fname, coef, u0..u1, (k0, k1), c == 0, norm));
            let acc = if c == 0 { String::new() } else { ", acc".to_string() };
            let _ = writeln!(f, "    let acc = {fname}(row.slice({k0}, {}){acc});", k1 - k0);
        }
        let vars: Vec<String> = (0..u1 - u0).map(|r| format!("s{r}")).collect();
        if let (true, Some(pk)) = (norm, packing) {
            let r2 = super::packed::literal(&Felt::TWO.pow(2 * pk.bound_bits as u128));
            let _ = writeln!(f, "    let [{}, squares] = acc;", vars.join(", "));
            let _ = writeln!(
                f,
                "    // the lanes are exact for rows of norm below 2^{}\n    if !cairn::packed::below(squares, {r2}) {{\n        return false;\n    }}",
                pk.bound_bits
            );
        } else {
            let _ = writeln!(f, "    let [{}] = acc;", vars.join(", "));
        }
        for (r, v) in vars.iter().enumerate() {
            let u = u0 + r;
            match packing {
                None => {
                    let b = p.bias[u];
                    let sum = if b != 0 { format!("{v} + {b}") } else { v.clone() };
                    let _ = writeln!(f, "    out.append({});", round_call(n.activation, &sum));
                }
                Some(pk) => {
                    let js = outputs_of(u);
                    let c = super::packed::literal(&pk.word_constant(&p.bias, js.clone(), n.scale.bits()));
                    let (act, extra) = lane_activation(n.activation, &base);
                    let _ = writeln!(
                        f,
                        "    cairn::packed::append_{lanes}{act}({v} + {c}, {}, ln{extra}, ref out);",
                        js.len()
                    );
                }
            }
        }
        if norm {
            f.push_str("    true\n");
        }
        f.push_str("}\n");
        items.push(f);
    }
    let mut body = String::new();
    if let Some(pk) = packing {
        let s = n.scale.bits();
        items.extend(lane_constants(n, &base, pk, s));
        let _ = writeln!(body, "let ln = cairn::packed::lanes({}_LANES);", base.to_uppercase());
        let _ = writeln!(body, "let mut ok = true;");
    }
    let _ = writeln!(body, "let mut out = array![];");
    let _ = writeln!(body, "for r in 0..{}_u32 {{", p.rows);
    let _ = writeln!(body, "    let row = {x}.slice(r * {}, {});", p.k, p.k);
    if packing.is_some() {
        // Rows after a failed one are skipped: the fallback recomputes all.
        let _ = writeln!(body, "    if ok {{\n        ok = {base}_g0(row, ln, ref out);\n    }}");
        if n_groups > 1 {
            let _ = writeln!(
                body,
                "    if ok {{\n        for g in 1..{n_groups}_u32 {{\n            {base}_group(g, row, ln, ref out);\n        }}\n    }}"
            );
        }
    } else if n_groups == 1 {
        let _ = writeln!(body, "    {base}_g0(row, {arg}, ref out);");
    }
    if n_groups > 1 {
        // The groups are called from a loop through a dispatcher. A function's
        // ap change is the sum of its callees' when they are known; calling
        // many large groups in sequence (or in a chain) pushes it past the
        // 2^15 frame offsets CASM can address. A loop's ap change is unknown,
        // which resets that sum at the cost of a few steps per group.
        if packing.is_none() {
            let _ = writeln!(
                body,
                "    for g in 0..{n_groups}_u32 {{\n        {base}_group(g, row, {arg}, ref out);\n    }}"
            );
        }
        let mut d = format!(
            "/// Calls output group `g` of `{}`.\nfn {base}_group(g: u32, row: Span<felt252>, {param}, ref out: Array<felt252>) {{\n    match g {{\n",
            n.name
        );
        // the packed code calls its first group itself (it returns the check)
        for g in usize::from(packing.is_some())..n_groups {
            let _ = writeln!(d, "        {g} => {base}_g{g}(row, {arg}, ref out),");
        }
        d.push_str("        _ => panic!(\"no such output group\"),\n    }\n}\n");
        items.push(d);
    }
    match packed {
        Some((_, fallback)) => {
            let _ = write!(body, "}}\nif ok {{\n    out.span()\n}} else {{\n{fallback}\n}}");
        }
        None => body.push_str("}\nout.span()"),
    }
    NodeCode { items, body }
}

/// The packed library functions' variant for a folded activation and its
/// extra argument: `split_4_clamp(…, ln, BASE_CLAMP)` and so on.
fn lane_activation(act: Option<Activation>, base: &str) -> (&'static str, String) {
    match act {
        None => ("", String::new()),
        Some(Activation::Relu) => ("_relu", String::new()),
        Some(Activation::Clamp { .. }) => ("_clamp", format!(", {}_CLAMP", base.to_uppercase())),
    }
}

/// A folded Clip's bounds for the packed code: `[lo, hi]` and the lane
/// quotients q = value + 2^(k-1-s) they correspond to (a lane's q is in
/// [0, 2^(k-s)); a lower bound below every lane value never applies, so its
/// quotient is 0). `Err` when the upper bound lies below every lane value
/// (then every output is that bound: the plain code handles it).
fn lane_clamp(act: Option<Activation>, pk: &Packing, s: u32) -> Result<Option<[i128; 4]>, ()> {
    let Some(Activation::Clamp { lo, hi }) = act else { return Ok(None) };
    let center = 1i128 << (pk.k - 1 - s);
    let (lo, hi) = (i128::from(lo), i128::from(hi));
    if hi + center < 0 {
        return Err(());
    }
    Ok(Some([lo, hi, (lo + center).max(0), hi + center]))
}

/// The packing a dense product should use: one its weights allow, when the
/// packed code (the words' terms, the input check, splitting the lanes) is
/// estimated cheaper than the plain code (the terms and one rounding per
/// output). Per row, in Cairo steps measured on the fast path: a term costs
/// ~2, a plain rounding ~20, a split lane ~14 more than that, an input's
/// square ~2.
fn packing_for(p: &RowPlan, s: u32) -> Option<Packing> {
    let pk = Packing::choose(&p.weights, &p.bias, s, p.k)?;
    let n_out = p.weights.len();
    let words = n_out.div_ceil(pk.lanes);
    let word_terms: usize = (0..words)
        .map(|u| {
            let js = u * pk.lanes..((u + 1) * pk.lanes).min(n_out);
            (0..p.k).filter(|&t| js.clone().any(|j| p.weights[j][t] != 0)).count()
        })
        .sum();
    let plain = 2 * p.terms() + 20 * n_out;
    let check = 2 * p.k;
    let packed = 2 * word_terms + 14 * n_out + check;
    (packed < plain).then_some(pk)
}

/// The packed row code behind its run-time norm check: after a row beyond
/// the packing's bound, small loops over the weights as a constant array
/// (`cairn::packed::dense_rows`, the folded activation in its rounding) or,
/// for large layers, the plain unrolled sums compute the node's result.
fn packed_rows(n: &NodeGen, p: &RowPlan, pk: Packing, fallback: Fallback) -> Result<NodeCode, String> {
    let fallback = match fallback {
        Fallback::Loops => {
            let base = ident(n.name).to_uppercase();
            let x = &n.input(0)?.expr;
            let weights: Vec<i64> = p.weights.iter().flatten().copied().collect();
            let items = plain_constants(n.name, &base, &weights, &p.bias);
            let body = format!(
                "cairn::packed::dense_rows({x}, {base}_PLAIN_W.span(), {base}_PLAIN_B.span(), {}, {}, {}, sc)",
                p.rows,
                p.k,
                plain_bounds(n.activation)
            );
            NodeCode { items, body }
        }
        Fallback::Plain => {
            // item names must differ from the packed code's
            let name = format!("{}_plain", n.name);
            emit_rows(&NodeGen { name: &name, ..n.clone() }, p, None)
        }
    };
    let mut code = emit_rows(n, p, Some((pk, &fallback.body)));
    code.items.extend(fallback.items);
    Ok(code)
}

/// `(2^(s-1) + 2^(63+s)) * 2^(64-s)` as a felt literal: `check_rescalable`'s
/// offset, pre-multiplied so the check is one u128 conversion.
fn rescalable_offset(s: u32) -> String {
    let off = (Felt::TWO.pow(s as u128 - 1) + Felt::TWO.pow(63 + s as u128)) * Felt::TWO.pow(64 - s as u128);
    super::packed::literal(&off)
}

/// Most output channels one row function computes.
const MAX_CHANNEL_BLOCK: usize = 16;

/// Largest image (values) the row form's padded copy unrolls.
const PAD_UNROLL_MAX: usize = 2048;

/// Terms of the row form before the table form is used instead.
const ROW_FORM_MAX_TERMS: usize = 60_000;

/// The shape of a row-form convolution (sizes of the image, the padded
/// image, the filter and the output).
struct RowForm {
    batch: usize,
    /// Channels, height, width of the input.
    c: usize,
    h: usize,
    w: usize,
    kh: usize,
    kw: usize,
    sh: usize,
    sw: usize,
    dw: usize,
    /// Padding: top, left, bottom, right.
    pt: usize,
    pl: usize,
    pb: usize,
    pr: usize,
    /// Output height and width; padded width.
    ho: usize,
    wo: usize,
    wp: usize,
    /// Output channels, input channels per group, output channels per group.
    m: usize,
    cg: usize,
    mg: usize,
}

impl RowForm {
    /// The geometry, when the row form applies (no vertical dilation, within
    /// the size limits).
    fn of(x_shape: &[usize], conv: &Conv, wt: &cairn_runtime::Tensor<i64>) -> Option<RowForm> {
        let (batch, c, h, w) = (x_shape[0], x_shape[1], x_shape[2], x_shape[3]);
        let win = conv.window.resolve(&x_shape[2..], Some(&wt.shape()[2..])).ok()?;
        if win.dilations[0] != 1 {
            return None;
        }
        let (m, cg) = (wt.shape()[0], wt.shape()[1]);
        let g = RowForm {
            batch,
            c,
            h,
            w,
            kh: win.kernel[0],
            kw: win.kernel[1],
            sh: win.strides[0],
            sw: win.strides[1],
            dw: win.dilations[1],
            pt: win.pads_begin[0],
            pl: win.pads_begin[1],
            pb: win.pads_end[0],
            pr: win.pads_end[1],
            ho: win.output[0],
            wo: win.output[1],
            wp: w + win.pads_begin[1] + win.pads_end[1],
            m,
            cg,
            mg: m / conv.group,
        };
        let per_row = g.wo * g.cg * g.kh * g.kw;
        (g.m * per_row <= ROW_FORM_MAX_TERMS && per_row <= MAX_TERMS_PER_FN).then_some(g)
    }

    /// Values of the input rows `rows` consecutive output rows read.
    fn band(&self, rows: usize) -> usize {
        ((rows - 1) * self.sh + self.kh) * self.c * self.wp
    }

    /// The sum for output column `o` of output row `di` within a band, over
    /// channel `mi`'s filter, marking the band values it reads.
    fn sum_at(&self, mi: usize, filt: &[i64], di: usize, o: usize, used: &mut [bool]) -> String {
        let coef = |t: usize| (filt[t] != 0).then(|| filt[t].to_string());
        self.sum_terms(mi / self.mg, &coef, di, o, used)
    }

    /// The sum for output column `o` of output row `di` over the taps of
    /// group `g`: `coef(t)` is the literal multiplying tap t = (ci, i, j)
    /// (a weight, or a packed word of several channels' weights), `None`
    /// when zero (the term is left out).
    fn sum_terms(
        &self,
        g: usize,
        coef: &dyn Fn(usize) -> Option<String>,
        di: usize,
        o: usize,
        used: &mut [bool],
    ) -> String {
        let mut expr = String::new();
        for ci in 0..self.cg {
            let ch = g * self.cg + ci;
            for i in 0..self.kh {
                for j in 0..self.kw {
                    let Some(c) = coef((ci * self.kh + i) * self.kw + j) else { continue };
                    let idx = ((di * self.sh + i) * self.c + ch) * self.wp + o * self.sw + j * self.dw;
                    used[idx] = true;
                    if !expr.is_empty() {
                        expr.push_str(" + ");
                    }
                    match c.as_str() {
                        "1" => expr.push_str(&format!("v{idx}")),
                        "-1" => expr.push_str(&format!("-v{idx}")),
                        _ => expr.push_str(&format!("v{idx} * {c}")),
                    }
                }
            }
        }
        if expr.is_empty() {
            expr.push('0');
        }
        expr
    }

    /// The output channels in blocks of at most `block`, none straddling two
    /// groups.
    fn channel_blocks(&self, block: usize) -> Vec<std::ops::Range<usize>> {
        let mg = self.mg;
        (0..self.m)
            .step_by(mg)
            .flat_map(|g0| (g0..g0 + mg).step_by(block).map(move |b0| b0..(b0 + block).min(g0 + mg)))
            .collect()
    }

    /// The packed row function of channels `chans` (one group, a multiple of
    /// the packing's lanes but for the group's last block): for each output
    /// position, one sum per word of `lanes` channels with the packed filters
    /// as immediates, split into its rounded lanes (with the folded
    /// activation), each appended to its channel's array `o{mi}`. With
    /// `pool`, the function computes one pooled row from every position
    /// under the `ph` conv rows: for a MaxPool, the raw lanes, the maximum of
    /// each lane over each window, and one rounding of it; for an
    /// AveragePool, the rounded and activated lane quotients, their sum over
    /// each window, and one more rounding (`cairn::packed::mean_of`).
    #[allow(clippy::too_many_arguments)]
    fn packed_block_function(
        &self,
        base: &str,
        chans: std::ops::Range<usize>,
        filters: &[Vec<i64>],
        bias: &[i128],
        pk: Packing,
        pool: Option<PoolAfter>,
        act: Option<Activation>,
        s: u32,
    ) -> String {
        let g = chans.start / self.mg;
        let [ph, pw] = pool.map_or([1, 1], |p| p.window);
        let average = pool.is_some_and(|p| p.kind == PoolKind::Average);
        let mut used = vec![false; self.band(ph)];
        let mut lines = Vec::new();
        let (suffix, extra) = lane_activation(act, base);
        let words: Vec<std::ops::Range<usize>> =
            chans.clone().step_by(pk.lanes).map(|w0| w0..(w0 + pk.lanes).min(chans.end)).collect();
        let word_sum = |js: &std::ops::Range<usize>, di: usize, o: usize, used: &mut [bool]| {
            let coef = |t: usize| pk.word(filters, js.clone(), t).map(|f| super::packed::literal(&f));
            let sum = self.sum_terms(g, &coef, di, o, used);
            format!("{sum} + {}", super::packed::literal(&pk.word_constant(bias, js.clone(), s)))
        };
        let lane_names = |js: &std::ops::Range<usize>, prefix: &str| -> Vec<String> {
            (0..pk.lanes).map(|l| if l < js.len() { format!("{prefix}{l}") } else { "_".into() }).collect()
        };
        for (wi, js) in words.iter().enumerate() {
            if pool.is_none() {
                for o in 0..self.wo {
                    let sum = word_sum(js, 0, o, &mut used);
                    lines.push(format!(
                        "    let ({}) = cairn::packed::split_{}{suffix}({sum}, ln{extra});",
                        lane_names(js, "y").join(", "),
                        pk.lanes
                    ));
                    for (l, mi) in js.clone().enumerate() {
                        lines.push(format!("    o{mi}.append(y{l});"));
                    }
                }
                continue;
            }
            // raw lanes (MaxPool) or activated quotients (AveragePool) of
            // every conv position under the pooled row
            for di in 0..ph {
                for o in 0..self.wo {
                    let sum = word_sum(js, di, o, &mut used);
                    let lanes = match (average, pk.lanes) {
                        (true, l) => format!("cairn::packed::quotients_{l}{suffix}({sum}, ln{extra})"),
                        (false, 4) => format!("cairn::packed::raw_4({sum}, ln)"),
                        (false, _) => format!("cairn::packed::raw_2({sum})"),
                    };
                    lines.push(format!(
                        "    let ({}) = {lanes};",
                        lane_names(js, &format!("u{wi}_{di}_{o}_")).join(", ")
                    ));
                }
            }
            for q in 0..self.wo / pw {
                for (l, mi) in js.clone().enumerate() {
                    let cells: Vec<String> = (0..ph)
                        .flat_map(|di| (0..pw).map(move |dj| format!("u{wi}_{di}_{}_{l}", q * pw + dj)))
                        .collect();
                    if average {
                        lines.push(format!("    o{mi}.append(cairn::packed::mean_of({}, lm, ln));", cells.join(" + ")));
                        continue;
                    }
                    let max = if cells.len() == 4 {
                        format!("cairn::packed::max4({})", cells.join(", "))
                    } else {
                        cells[1..].iter().fold(cells[0].clone(), |acc, c| format!("core::cmp::max({acc}, {c})"))
                    };
                    lines.push(format!("    o{mi}.append(cairn::packed::round{suffix}({max}, ln{extra}));"));
                }
            }
        }
        let targets: Vec<String> = chans.clone().map(|mi| format!("ref o{mi}: Array<felt252>")).collect();
        let what = match pool {
            None => format!("One output row of channels {}..{}", chans.start, chans.end),
            Some(PoolAfter { kind: PoolKind::Max, .. }) => format!(
                "One pooled output row of channels {}..{} (the maximum of each {ph}×{pw} window of lanes, rounded once)",
                chans.start, chans.end
            ),
            Some(PoolAfter { kind: PoolKind::Average, .. }) => format!(
                "One pooled output row of channels {}..{} (each lane rounded and activated, the mean of each {ph}×{pw} window rounded once more)",
                chans.start, chans.end
            ),
        };
        let mean_param = if average { "lm: cairn::packed::LaneMean, " } else { "" };
        let f = format!(
            "/// {what} in packed lanes ({} per word): the packed filters as immediates, one split and rounding per lane.\n#[inline(never)]\nfn {base}_q{}(rows: Span<felt252>, ln: cairn::packed::Lanes, {mean_param}{}) {{\n",
            pk.lanes,
            chans.start,
            targets.join(", ")
        );
        row_function_body(f, &used, lines)
    }

    /// The packed row function of output channel `mi` when its lanes run
    /// across output positions (a group with fewer channels than lanes, as
    /// in a depthwise convolution): each word carries `lanes` consecutive
    /// output columns of one row, so the coefficient of an input is the sum
    /// over the lanes whose window covers it of its tap's weight shifted to
    /// the lane (`Packing::lane_term`); split and rounded as
    /// `packed_block_function` does, each lane appended to `out` in column
    /// order. Every lane is an output of the same filter, so the packing's
    /// bound holds for each.
    #[allow(clippy::too_many_arguments)]
    fn position_row_function(
        &self,
        base: &str,
        mi: usize,
        filt: &[i64],
        bias: i128,
        pk: Packing,
        act: Option<Activation>,
        s: u32,
    ) -> String {
        let g = mi / self.mg;
        let mut used = vec![false; self.band(1)];
        let (suffix, extra) = lane_activation(act, base);
        let mut lines = Vec::new();
        for o0 in (0..self.wo).step_by(pk.lanes) {
            let cols = o0..(o0 + pk.lanes).min(self.wo);
            // band index -> packed coefficient, in band order
            let mut coefs: std::collections::BTreeMap<usize, Felt> = std::collections::BTreeMap::new();
            for ci in 0..self.cg {
                let ch = g * self.cg + ci;
                for i in 0..self.kh {
                    for (l, o) in cols.clone().enumerate() {
                        for j in 0..self.kw {
                            let w = filt[(ci * self.kh + i) * self.kw + j];
                            if w != 0 {
                                let idx = (i * self.c + ch) * self.wp + o * self.sw + j * self.dw;
                                *coefs.entry(idx).or_insert(Felt::ZERO) += pk.lane_term(l, w);
                            }
                        }
                    }
                }
            }
            let mut sum = String::new();
            for (idx, coef) in coefs.iter().filter(|(_, c)| **c != Felt::ZERO) {
                used[*idx] = true;
                let _ = write!(sum, "v{idx} * {} + ", super::packed::literal(coef));
            }
            let biases = vec![bias; cols.len()];
            sum.push_str(&super::packed::literal(&pk.word_constant(&biases, 0..cols.len(), s)));
            let names: Vec<String> =
                (0..pk.lanes).map(|l| if l < cols.len() { format!("y{l}") } else { "_".into() }).collect();
            lines.push(format!(
                "    let ({}) = cairn::packed::split_{}{suffix}({sum}, ln{extra});",
                names.join(", "),
                pk.lanes
            ));
            for l in 0..cols.len() {
                lines.push(format!("    out.append(y{l});"));
            }
        }
        let f = format!(
            "/// One output row of channel {mi} in packed lanes ({} consecutive columns per word): the packed filter as immediates, one split and rounding per lane.\n#[inline(never)]\nfn {base}_p{mi}(rows: Span<felt252>, ln: cairn::packed::Lanes, ref out: Array<felt252>) {{\n",
            pk.lanes
        );
        row_function_body(f, &used, lines)
    }

    /// The code of channel `mi` for one output row (`pool` = None) or one
    /// pooled output row: appends to `target` and marks the band values it
    /// reads in `used`. Pooled: the `ph` conv rows under it as exact sums
    /// (each checked for the overflow its own rounding would report), the
    /// maximum of every `ph`×`pw` window, one rounding each (with the folded
    /// activation, if any).
    #[allow(clippy::too_many_arguments)]
    fn channel_lines(
        &self,
        mi: usize,
        filt: &[i64],
        bias: i128,
        pool: Option<[usize; 2]>,
        act: Option<Activation>,
        s: u32,
        target: &str,
        used: &mut [bool],
    ) -> Vec<String> {
        let with_bias = |sum: String| if bias != 0 { format!("{sum} + {bias}") } else { sum };
        let mut lines = Vec::new();
        let Some([ph, pw]) = pool else {
            for o in 0..self.wo {
                let total = with_bias(self.sum_at(mi, filt, 0, o, used));
                lines.push(format!("    {target}.append({});", round_call(act, &total)));
            }
            return lines;
        };
        for di in 0..ph {
            for o in 0..self.wo {
                let total = with_bias(self.sum_at(mi, filt, di, o, used));
                lines.push(format!("    let s{mi}_{di}_{o} = {total};"));
                lines.push(format!(
                    "    cairn::fixed::check_rescalable(s{mi}_{di}_{o}, {:#x}, {});",
                    1u128 << (64 - s),
                    rescalable_offset(s)
                ));
            }
        }
        for q in 0..self.wo / pw {
            let cells: Vec<String> =
                (0..ph).flat_map(|di| (0..pw).map(move |dj| format!("s{mi}_{di}_{}", q * pw + dj))).collect();
            let max = if cells.len() == 4 {
                format!("cairn::ops::max_pool::max4({})", cells.join(", "))
            } else {
                cells[1..].iter().fold(cells[0].clone(), |acc, c| format!("cairn::ops::max_pool::max2({acc}, {c})"))
            };
            lines.push(format!("    {target}.append({});", round_call(act, &max)));
        }
        lines
    }

    /// Output channels one row function computes: channels of one group
    /// share the band's values, which a function copies into its frame once
    /// (~1 step each), so a block of B channels pays that once instead of B
    /// times — at the cost of a per-channel output array copied into the
    /// output at the end (~3.4 steps per output). Blocks stay within
    /// [`MAX_TERMS_PER_FN`] and [`MAX_CHANNEL_BLOCK`].
    fn channel_block(&self, pool: Option<[usize; 2]>) -> usize {
        let [ph, pw] = pool.unwrap_or([1, 1]);
        let per_channel = ph * self.wo * self.cg * self.kh * self.kw;
        let fit = (MAX_TERMS_PER_FN / per_channel.max(1)).clamp(1, MAX_CHANNEL_BLOCK).min(self.mg);
        // band values one channel reads, per output it appends
        let shared = ((ph - 1) * self.sh + self.kh) * self.cg * self.wp;
        let outputs = self.wo / pw;
        if fit > 1 && shared > 4 * outputs {
            fit
        } else {
            1
        }
    }

    /// The row function of channels `chans` (a block within one group): pops
    /// the band once and appends each channel's outputs to `out` (a single
    /// channel) or to its own array `o{mi}`.
    fn block_function(
        &self,
        base: &str,
        chans: std::ops::Range<usize>,
        parts: Vec<Vec<String>>,
        used: &[bool],
        pool: Option<[usize; 2]>,
    ) -> String {
        let single = chans.len() == 1;
        let (name, targets) = if single {
            (format!("{base}_m{}", chans.start), "ref out: Array<felt252>".to_string())
        } else {
            let t: Vec<String> = chans.clone().map(|mi| format!("ref o{mi}: Array<felt252>")).collect();
            (format!("{base}_k{}", chans.start), t.join(", "))
        };
        let of = if single {
            format!("channel {}", chans.start)
        } else {
            format!("channels {}..{}", chans.start, chans.end)
        };
        let what = match pool {
            None => format!("One output row of {of}: the filters as immediates, bias and one rounding per output"),
            Some([ph, pw]) => format!(
                "One pooled output row of {of}: the exact sums of the {ph} conv rows under it (filters as immediates), the maximum of each {ph}×{pw} window, one rounding each"
            ),
        };
        let f = format!("/// {what}.\n#[inline(never)]\nfn {name}(rows: Span<felt252>, sc: Scale, {targets}) {{\n");
        row_function_body(f, used, parts.into_iter().flatten())
    }

    /// Code building the zero-padded copy `padded` of image `img`. An image
    /// of at most [`PAD_UNROLL_MAX`] values is copied by a straight-line
    /// function (an item pushed to `items`) that pops it at once and appends
    /// each value once, ~2.5 steps per value; a larger one row by row with
    /// `cairn::io::copy` (~3.4; the corelib's `append_span` takes ~10).
    fn padded_copy(&self, base: &str, items: &mut Vec<String>, body: &mut String) {
        let RowForm { c, h, w, pt, pl, pr, wp, .. } = *self;
        let hp = h + pt + self.pb;
        let _ = writeln!(body, "    // zero-padded copy, layout [row][channel][column]");
        if c * h * w <= PAD_UNROLL_MAX {
            let values: Vec<String> = (0..c * h * w).map(|i| format!("v{i}")).collect();
            let mut f = format!(
                "/// The zero-padded copy of one input image of `{base}`, layout [row][channel][column].\n#[inline(never)]\nfn {base}_padded(img: Span<felt252>) -> Span<felt252> {{\n    let mut img = img;\n    let [{}] = (*img.multi_pop_front::<{}>().unwrap()).unbox();\n    let mut padded = array![];\n",
                values.join(", "),
                c * h * w
            );
            let zeros = |f: &mut String, k: usize| {
                for _ in 0..k {
                    f.push_str("    padded.append(0);\n");
                }
            };
            for r in 0..hp {
                for ch in 0..c {
                    if r < pt || r >= pt + h {
                        zeros(&mut f, wp);
                    } else {
                        zeros(&mut f, pl);
                        for col in 0..w {
                            let _ = writeln!(f, "    padded.append(v{});", (ch * h + r - pt) * w + col);
                        }
                        zeros(&mut f, pr);
                    }
                }
            }
            f.push_str("    padded.span()\n}\n");
            items.push(f);
            let _ = writeln!(body, "    let padded = {base}_padded(img);");
            return;
        }
        let zeros =
            |k: usize| format!("for _ in 0..{k}_u32 {{\n                    padded.append(0);\n                }}");
        let _ = writeln!(body, "    let mut padded = array![];");
        let _ = writeln!(body, "    for r in 0..{hp}_u32 {{");
        let _ = writeln!(body, "        for ch in 0..{c}_u32 {{");
        let _ = writeln!(body, "            if r < {pt} || r >= {} {{", pt + h);
        let _ = writeln!(body, "                {}", zeros(wp));
        let _ = writeln!(body, "            }} else {{");
        let _ = writeln!(body, "                {}", zeros(pl));
        let _ =
            writeln!(body, "                cairn::io::copy(ref padded, img.slice((ch * {h} + r - {pt}) * {w}, {w}));");
        let _ = writeln!(body, "                {}", zeros(pr));
        let _ = writeln!(body, "            }}");
        let _ = writeln!(body, "        }}");
        let _ = writeln!(body, "    }}");
        let _ = writeln!(body, "    let padded = padded.span();");
    }
}

/// A row function's body after its header `f`: the band popped at once
/// (naming only the values some line reads, `used`), then `lines`.
fn row_function_body(mut f: String, used: &[bool], lines: impl IntoIterator<Item = String>) -> String {
    if used.iter().any(|&u| u) {
        let names: Vec<String> =
            used.iter().enumerate().map(|(i, &u)| if u { format!("v{i}") } else { "_".into() }).collect();
        let _ = writeln!(
            f,
            "    let mut rows = rows;\n    let [{}] = (*rows.multi_pop_front::<{}>().unwrap()).unbox();",
            names.join(", "),
            used.len()
        );
    }
    for l in lines {
        let _ = writeln!(f, "{l}");
    }
    f.push_str("}\n");
    f
}

/// The row form of a 2-D convolution (no vertical dilation): a zero-padded
/// copy of the image in `[row][channel][column]` layout is built once, so the
/// `kh` input rows an output row needs are one contiguous slice. For every
/// block of output channels (`RowForm::channel_block`), one function per
/// output row takes that slice, computes the row's outputs with the filters
/// as immediates and appends them, rescaled, to the output (a single
/// channel: already in NCHW order) or to one array per channel, joined in
/// channel order at the end; nothing is kept alive across calls.
/// With `pool` (a MaxPool window tiling the output exactly, see
/// `NodeGen::pool_after`), each function computes one pooled row instead:
/// the exact sums of the window's conv rows, each checked against the
/// overflow its rounding would report, the maximum of every window, and one
/// rounding of it — max(round(s_i)) = round(max(s_i)), as rounding (and a
/// folded Relu or Clip) never decrease, so the result is the reference's
/// Conv, activation, MaxPool.
fn conv_rows(
    n: &NodeGen,
    conv: &Conv,
    wt: &cairn_runtime::Tensor<i64>,
    bias: Option<&[i64]>,
    pool: Option<[usize; 2]>,
) -> Option<NodeCode> {
    let x = n.input(0).ok()?;
    let form = RowForm::of(&x.shape, conv, wt)?;
    let [ph, _] = pool.unwrap_or([1, 1]);
    if let Some([ph, pw]) = pool {
        let fits = form.ho % ph == 0 && form.wo % pw == 0;
        if !fits || ph * form.wo * form.cg * form.kh * form.kw > MAX_TERMS_PER_FN {
            return None;
        }
    }
    let base = ident(n.name);
    let per_filter = form.cg * form.kh * form.kw;
    let s = n.scale.bits();
    let block = form.channel_block(pool);
    let blocks = form.channel_blocks(block);
    let mut items: Vec<String> = blocks
        .iter()
        .map(|chans| {
            let mut used = vec![false; form.band(ph)];
            let parts = chans
                .clone()
                .map(|mi| {
                    let filt = &wt.data()[mi * per_filter..(mi + 1) * per_filter];
                    let b = bias.map_or(0i128, |b| (b[mi] as i128) << s);
                    let target = if chans.len() == 1 { "out".to_string() } else { format!("o{mi}") };
                    form.channel_lines(mi, filt, b, pool, n.activation, s, &target, &mut used)
                })
                .collect();
            form.block_function(&base, chans.clone(), parts, &used, pool)
        })
        .collect();
    let (c, h, w) = (form.c, form.h, form.w);
    let mut body = String::new();
    let _ = writeln!(body, "let mut out = array![];");
    let _ = writeln!(body, "for b in 0..{}_u32 {{", form.batch);
    let _ = writeln!(body, "    let img = {}.slice(b * {}, {});", x.expr, c * h * w, c * h * w);
    form.padded_copy(&base, &mut items, &mut body);
    let blocked = block > 1;
    if blocked {
        let arrays: Vec<String> = (0..form.m).map(|mi| format!("    let mut o{mi} = array![];")).collect();
        let _ =
            writeln!(body, "    // one array per output channel, joined in channel order below\n{}", arrays.join("\n"));
    }
    for chans in &blocks {
        let (name, targets) = if chans.len() == 1 {
            let t = if blocked { format!("o{}", chans.start) } else { "out".to_string() };
            (format!("{base}_m{}", chans.start), format!("ref {t}"))
        } else {
            let t: Vec<String> = chans.clone().map(|mi| format!("ref o{mi}")).collect();
            (format!("{base}_k{}", chans.start), t.join(", "))
        };
        let _ = writeln!(
            body,
            "    for oh in 0..{}_u32 {{\n        {name}(padded.slice(oh * {}, {}), sc, {targets});\n    }}",
            form.ho / ph,
            ph * form.sh * c * form.wp,
            form.band(ph)
        );
    }
    if blocked {
        for mi in 0..form.m {
            let _ = writeln!(body, "    cairn::io::copy(ref out, o{mi}.span());");
        }
    }
    body.push_str("}\nout.span()");
    Some(NodeCode { items, body })
}

/// The row form in packed lanes: the channels of each group are taken in
/// blocks whose words carry `lanes` channels' filters, so one multiplication
/// per tap and output position advances several channels
/// (docs/cairo-codegen.md, "Packed lanes") — or, for groups of fewer
/// channels than lanes (depthwise), words carry `lanes` consecutive output
/// columns of one channel, so one multiplication per input advances every
/// output whose window holds it (`RowForm::position_row_function`; no pool
/// is folded then); with `pool` (a MaxPool or
/// AveragePool tiling the output, see `conv_rows`), each lane's maximum over
/// a window is rounded once, or each window's mean of rounded lanes rounded
/// once more. The lanes are exact when the input's Euclidean norm is below the
/// packing's bound R — every window's norm is then too — so the code checks
/// the norm of the whole input once and otherwise takes small loops
/// (`cairn::packed::conv2d_rows`, followed by the library's kernels of the
/// folded activation and pool). `None` when no packing fits the filters or
/// it would not pay.
fn conv_rows_packed(
    n: &NodeGen,
    conv: &Conv,
    wt: &cairn_runtime::Tensor<i64>,
    bias: Option<&[i64]>,
    pool: Option<PoolAfter>,
) -> Option<Result<NodeCode, String>> {
    let x = n.input(0).ok()?;
    let form = RowForm::of(&x.shape, conv, wt)?;
    let [ph, pw] = pool.map_or([1, 1], |p| p.window);
    let average = pool.is_some_and(|p| p.kind == PoolKind::Average);
    if form.ho % ph != 0 || form.wo % pw != 0 {
        return None;
    }
    // the plain path reads the filters as one constant array
    if wt.data().len() > LIBRARY_MAX_WEIGHTS {
        return None;
    }
    let s = n.scale.bits();
    let per_filter = form.cg * form.kh * form.kw;
    let filters: Vec<Vec<i64>> = wt.data().chunks(per_filter).map(|f| f.to_vec()).collect();
    let biases: Vec<i128> = (0..form.m).map(|mi| bias.map_or(0, |b| i128::from(b[mi]) << s)).collect();
    let n_values: usize = x.shape.iter().product();
    let pk = Packing::choose(&filters, &biases, s, n_values)?;
    if lane_clamp(n.activation, &pk, s).is_err() {
        return None;
    }
    // Groups of fewer channels than lanes (a depthwise convolution) take
    // their lanes across output positions instead, without a pool.
    let by_position = form.mg < pk.lanes;
    if by_position && pool.is_some() {
        return None;
    }
    // Per output row: a plain output costs ~2 steps per term and ~20 to
    // round; a packed word ~2 per input it reads, each lane ~14 more to split.
    let terms = wt.data().iter().filter(|&&v| v != 0).count();
    let (packed_cost, row_terms) = if by_position {
        let span = ((pk.lanes - 1) * form.sw + (form.kw - 1) * form.dw + 1).min(form.wp);
        let row_terms = form.wo.div_ceil(pk.lanes) * form.cg * form.kh * span;
        (2 * row_terms * form.m + 14 * form.wo * form.m, row_terms)
    } else {
        let words = form.m.div_ceil(pk.lanes);
        (form.wo * (2 * words * per_filter + 14 * form.m), ph * form.wo * per_filter)
    };
    if packed_cost >= form.wo * (2 * terms + 20 * form.m) {
        return None;
    }
    // Each function within MAX_TERMS_PER_FN: a row of one channel (by
    // position), or blocks of whole words within a group.
    if row_terms > MAX_TERMS_PER_FN {
        return None;
    }
    let base = ident(n.name);
    let blocks = if by_position {
        Vec::new()
    } else {
        let block = ((MAX_TERMS_PER_FN / row_terms) * pk.lanes).clamp(pk.lanes, MAX_CHANNEL_BLOCK.max(pk.lanes));
        form.channel_blocks(block.min(form.mg))
    };
    let mut items: Vec<String> = if by_position {
        (0..form.m)
            .map(|mi| form.position_row_function(&base, mi, &filters[mi], biases[mi], pk, n.activation, s))
            .collect()
    } else {
        blocks
            .iter()
            .map(|chans| form.packed_block_function(&base, chans.clone(), &filters, &biases, pk, pool, n.activation, s))
            .collect()
    };
    items.extend(lane_constants(n, &base, pk, s));
    let (c, h, w) = (form.c, form.h, form.w);
    let mut body = String::new();
    // An input whose every value is at most B in magnitude (the Clip before
    // guarantees it) has norm at most B·√n: when B²·n < R², the bound holds
    // for every input and neither the check nor the plain path is needed.
    let proven = n.input_bound.is_some_and(|b| {
        (u128::from(b) * u128::from(b))
            .checked_mul(n_values as u128)
            .is_some_and(|sq| sq < 1u128 << (2 * pk.bound_bits).min(127))
    });
    if proven {
        let _ = writeln!(
            body,
            "// the lanes are exact for inputs of norm below 2^{}: every input value is at most {} in magnitude (the Clip before), so the norm of the {n_values} is below it",
            pk.bound_bits,
            n.input_bound.unwrap_or(0)
        );
    } else {
        let r2 = super::packed::literal(&Felt::TWO.pow(2 * pk.bound_bits as u128));
        let _ = writeln!(
            body,
            "// the lanes are exact for inputs of norm below 2^{}\nif cairn::packed::below(cairn::packed::squares({}), {r2}) {{",
            pk.bound_bits, x.expr
        );
    }
    let _ = writeln!(body, "let ln = cairn::packed::lanes({}_LANES);", base.to_uppercase());
    if average {
        let _ = writeln!(body, "let lm = cairn::packed::lane_mean({});", ph * pw);
    }
    let _ = writeln!(body, "let mut out = array![];");
    let _ = writeln!(body, "for b in 0..{}_u32 {{", form.batch);
    let _ = writeln!(body, "    let img = {}.slice(b * {}, {});", x.expr, c * h * w, c * h * w);
    form.padded_copy(&base, &mut items, &mut body);
    if by_position {
        // channel by channel, row by row: already in NCHW order
        for mi in 0..form.m {
            let _ = writeln!(
                body,
                "    for oh in 0..{}_u32 {{\n        {base}_p{mi}(padded.slice(oh * {}, {}), ln, ref out);\n    }}",
                form.ho,
                form.sh * c * form.wp,
                form.band(1)
            );
        }
    } else {
        let arrays: Vec<String> = (0..form.m).map(|mi| format!("    let mut o{mi} = array![];")).collect();
        let _ =
            writeln!(body, "    // one array per output channel, joined in channel order below\n{}", arrays.join("\n"));
    }
    for chans in &blocks {
        let targets: Vec<String> = chans.clone().map(|mi| format!("ref o{mi}")).collect();
        let _ = writeln!(
            body,
            "    for oh in 0..{}_u32 {{\n        {base}_q{}(padded.slice(oh * {}, {}), ln, {}{});\n    }}",
            form.ho / ph,
            chans.start,
            ph * form.sh * c * form.wp,
            form.band(ph),
            if average { "lm, " } else { "" },
            targets.join(", ")
        );
    }
    if !by_position {
        for mi in 0..form.m {
            let _ = writeln!(body, "    cairn::io::copy(ref out, o{mi}.span());");
        }
    }
    body.push_str("}\nout.span()");
    if proven {
        return Some(Ok(NodeCode { items, body }));
    }
    body.push_str("\n} else {\n");
    // the plain path: `cairn::packed::conv2d_rows`, then the pool
    let upper = base.to_uppercase();
    items.extend(plain_constants(n.name, &upper, wt.data(), &biases));
    let win = conv.window.resolve(&x.shape[2..], Some(&wt.shape()[2..])).ok()?;
    let geometry = format!(
        "cairn::packed::Conv2d {{ batch: {}, c: {c}, h: {h}, w: {w}, m: {}, cg: {}, mg: {}, kh: {}, kw: {}, sh: {}, sw: {}, dh: {}, dw: {}, pt: {}, pl: {}, ho: {}, wo: {} }}",
        form.batch, form.m, form.cg, form.mg, form.kh, form.kw, form.sh, form.sw, win.dilations[0], form.dw, form.pt, form.pl, form.ho, form.wo
    );
    let activated = format!(
        "cairn::packed::conv2d_rows({}, {upper}_PLAIN_W.span(), {upper}_PLAIN_B.span(), {geometry}, {}, sc)",
        x.expr,
        plain_bounds(n.activation)
    );
    body.push_str(&match pool {
        None => activated,
        // the pool's windows tile the output: every window inside it
        Some(PoolAfter { kind: PoolKind::Max, .. }) => format!(
            "cairn::ops::max_pool::max_pool_2d_inside({{\n{activated}\n}}, {}, {}, {}, {ph}, {pw}, {ph}, {pw}, {}, {})",
            form.batch * form.m,
            form.ho,
            form.wo,
            form.ho / ph,
            form.wo / pw
        ),
        Some(PoolAfter { kind: PoolKind::Average, .. }) => format!(
            "cairn::ops::average_pool::average_pool_2d_tiles(@sc, {{\n{activated}\n}}, {}, {}, {}, {ph}, {pw})",
            form.batch * form.m,
            form.ho,
            form.wo
        ),
    });
    body.push_str("\n}");
    Some(Ok(NodeCode { items, body }))
}

/// The constant arrays a packed layer's plain path reads: `{base}_PLAIN_W`
/// (its weights, one output's after another) and `{base}_PLAIN_B` (its
/// biases at scale 2s).
fn plain_constants(name: &str, base: &str, weights: &[i64], bias: &[i128]) -> Vec<String> {
    vec![
        format!(
            "/// The weights of `{name}`, one output's after another, for its plain path.\n{}",
            const_array(&format!("{base}_PLAIN_W"), weights)
        ),
        format!(
            "/// The biases of `{name}` at scale 2s, for its plain path.\n{}",
            const_array_wide(&format!("{base}_PLAIN_B"), bias)
        ),
    ]
}

/// The folded activation as the bounds the plain paths of packed layers
/// clamp to (`cairn::packed::LaneClamp` in `rescale_clamp`'s quotients
/// value + 2^63): the i64 extremes without one (exactly `rescale`), [0, max]
/// for a Relu.
fn plain_bounds(act: Option<Activation>) -> String {
    let (lo, hi) = match act {
        None => (i64::MIN, i64::MAX),
        Some(Activation::Relu) => (0, i64::MAX),
        Some(Activation::Clamp { lo, hi }) => (lo, hi),
    };
    format!(
        "cairn::packed::LaneClamp {{ lo: {lo}, hi: {hi}, lo_q: {:#x}, hi_q: {:#x}, lo_u: 0, hi_u: 0 }}",
        quotient(lo),
        quotient(hi)
    )
}

/// The constants of a packed node: its lane format (`{BASE}_LANES`) and,
/// with a Clip folded, the clamp in lane quotients (`{BASE}_CLAMP`).
fn lane_constants(n: &NodeGen, base: &str, pk: Packing, s: u32) -> Vec<String> {
    let k = pk.k;
    let mut items = vec![format!(
        "/// The lane format of `{}`: {} lanes of {k} bits at scale {s} (2^s, 2^k, 2^(k-1-s), 2^(k-1)).\nconst {}_LANES: cairn::packed::LaneFormat = cairn::packed::LaneFormat {{ div_s: {:#x}, div_k: {:#x}, center: {:#x}, half_k: {:#x} }};\n",
        n.name,
        pk.lanes,
        base.to_uppercase(),
        1u128 << s,
        1u128 << k,
        1u128 << (k - 1 - s),
        1u128 << (k - 1)
    )];
    if let Ok(Some([lo, hi, lo_q, hi_q])) = lane_clamp(n.activation, &pk, s) {
        // the raw lanes where the clamped quotients start (`LaneClamp`)
        let (lo_u, hi_u) = (lo_q << s, (hi_q + 1) << s);
        items.push(format!(
            "/// The Clip folded into `{}`, in lane quotients (value + 2^(k-1-s)) and raw lanes (quotient · 2^s).\nconst {}_CLAMP: cairn::packed::LaneClamp = cairn::packed::LaneClamp {{ lo: {lo}, hi: {hi}, lo_q: {lo_q:#x}, hi_q: {hi_q:#x}, lo_u: {lo_u:#x}, hi_u: {hi_u:#x} }};\n",
            n.name,
            base.to_uppercase(),
        ));
    }
    items
}

/// The row forms of a 2-D convolution, best first: packed with the pool
/// after it folded, plain with a MaxPool folded, packed, plain.
fn row_forms(
    n: &NodeGen,
    conv: &Conv,
    wt: &cairn_runtime::Tensor<i64>,
    bias: Option<&[i64]>,
) -> Option<Result<FastCode, String>> {
    if let Some(pool) = n.pool_after {
        if let Some(code) = conv_rows_packed(n, conv, wt, bias, Some(pool)) {
            return Some(code.map(|code| FastCode { code, pool_folded: true }));
        }
        // the plain row form folds a MaxPool only (an AveragePool after a
        // plain conv takes its own row form)
        if pool.kind == PoolKind::Max {
            if let Some(code) = conv_rows(n, conv, wt, bias, Some(pool.window)) {
                return Some(Ok(FastCode { code, pool_folded: true }));
            }
        }
    }
    if let Some(code) = conv_rows_packed(n, conv, wt, bias, None) {
        return Some(code.map(|code| FastCode { code, pool_folded: false }));
    }
    conv_rows(n, conv, wt, bias, None).map(|code| Ok(FastCode { code, pool_folded: false }))
}

/// A 1-D convolution as the 2-D one of height 1 it is — the same [N, C, L]
/// data read as [N, C, 1, L], the filters as [M, C/g, 1, k], the window
/// resolved by the reference and made explicit (kernel [1, k], strides
/// [1, s], dilations [1, d], pads [0, begin, 0, end]) — so it takes the row
/// forms, packed lanes and pool folding included (a pool after it comes as
/// a [1, k] window, see `Emitter::foldable_pool`).
fn conv1d_row_forms(
    n: &NodeGen,
    conv: &Conv,
    wt: &cairn_runtime::Tensor<i64>,
    bias: Option<&[i64]>,
) -> Option<Result<FastCode, String>> {
    use cairn_runtime::ops::window::{AutoPad, WindowAttrs};
    let x = n.input(0).ok()?;
    let win = conv.window.resolve(&x.shape[2..], Some(&wt.shape()[2..])).ok()?;
    let two = |v: usize| Some(vec![1, v as i64]);
    let conv2 = Conv {
        window: WindowAttrs {
            auto_pad: AutoPad::NotSet,
            kernel_shape: two(win.kernel[0]),
            strides: two(win.strides[0]),
            dilations: two(win.dilations[0]),
            pads: Some(vec![0, win.pads_begin[0] as i64, 0, win.pads_end[0] as i64]),
            ceil_mode: false,
        },
        group: conv.group,
    };
    let shape = wt.shape();
    let wt2 = cairn_runtime::Tensor::new(vec![shape[0], shape[1], 1, shape[2]], wt.data().to_vec()).ok()?;
    let mut inputs = n.inputs.clone();
    inputs[0] = Some(super::ValueGen { shape: vec![x.shape[0], x.shape[1], 1, x.shape[2]], ..x.clone() });
    row_forms(&NodeGen { inputs, ..n.clone() }, &conv2, &wt2, bias)
}

/// Conv with constant filters: for every output position, the window's inputs
/// (padding reads a zero appended to the input) are gathered by a constant
/// index table and passed to one function per group that computes all of the
/// group's output channels with the filters as immediates.
pub fn conv_fast(n: &NodeGen, budget: &mut usize) -> Option<Result<FastCode, String>> {
    let conv: &Conv = n.kernel().ok()?;
    let (x, w) = (n.input(0).ok()?, n.input(1).ok()?);
    if !x.dtype.is_real() || x.constant.is_some() || x.shape.len() < 3 {
        return None;
    }
    let wt = constant_real(w)?;
    let bias: Option<Vec<i64>> = match n.optional_input(2) {
        None => None,
        Some(b) => Some(constant_real(b)?.data().to_vec()),
    };
    let (batch, c) = (x.shape[0], x.shape[1]);
    let spatial = &x.shape[2..];
    let (m, cg) = (wt.shape()[0], wt.shape()[1]);
    let groups = conv.group;
    if groups == 0 || c % groups != 0 || m % groups != 0 || cg * groups != c {
        return None;
    }
    let win = conv.window.resolve(spatial, Some(&wt.shape()[2..])).ok()?;
    let taps: Vec<Taps> = win.taps().ok()?;
    let ksz: usize = win.kernel.iter().product();
    let in_sz: usize = spatial.iter().product();
    let npos = taps.len();
    let patch = cg * ksz;
    let mg = m / groups;
    let terms = wt.data().iter().filter(|&&v| v != 0).count();
    if terms > *budget || mg * patch > MAX_TERMS_PER_FN {
        return None;
    }
    *budget -= terms;
    if spatial.len() == 2 {
        if let Some(code) = row_forms(n, conv, wt, bias.as_deref()) {
            return Some(code);
        }
    }
    if spatial.len() == 1 {
        if let Some(code) = conv1d_row_forms(n, conv, wt, bias.as_deref()) {
            return Some(code);
        }
    }
    let zero = c * in_sz; // index of the appended zero
                          // TABLE[g][o][ci * ksz + k] = input index (within one image) or `zero`
    let mut table = Vec::with_capacity(groups * npos * patch);
    for g in 0..groups {
        for tap in &taps {
            for ci in 0..cg {
                let chan = g * cg + ci;
                for k in 0..ksz {
                    let idx = tap.valid.iter().find(|(kk, _)| *kk == k).map(|(_, i)| chan * in_sz + i);
                    table.push(idx.unwrap_or(zero) as i64);
                }
            }
        }
    }
    let base = ident(n.name);
    let tname = format!("{}_TAPS", base.to_uppercase());
    let mut items = vec![format!(
        "/// For each group and output position of `{}`, the input index of every window tap\n/// ({zero} = the zero appended for padding).\n{}",
        n.name,
        const_array(&tname, &table).replace("[felt252;", "[u32;")
    )];
    for g in 0..groups {
        // weights of group g: outputs g*mg..(g+1)*mg, each over the patch (ci, k)
        let weights: Vec<Vec<i64>> =
            (g * mg..(g + 1) * mg).map(|mi| wt.data()[mi * patch..(mi + 1) * patch].to_vec()).collect();
        items.push(chunk_fn(&format!("{base}_g{g}"), &plain_coef(&weights), 0..mg, (0, patch), true, false));
    }
    let mut body = String::new();
    let _ = writeln!(body, "let mut out = array![];");
    let _ = writeln!(body, "for b in 0..{batch}_u32 {{");
    let _ = writeln!(body, "    let mut xe = array![];");
    let _ = writeln!(body, "    cairn::io::append(ref xe, {}.slice(b * {}, {}));", x.expr, c * in_sz, c * in_sz);
    let _ = writeln!(body, "    xe.append(0);");
    let _ = writeln!(body, "    let xe = xe.span();");
    let _ = writeln!(body, "    // position-major results: [position][output channel]");
    let _ = writeln!(body, "    let mut pos = array![];");
    let _ = writeln!(body, "    for o in 0..{npos}_u32 {{");
    for g in 0..groups {
        let vars: Vec<String> = (0..mg).map(|r| format!("y{r}")).collect();
        let _ = writeln!(
            body,
            "        let [{}] = {base}_g{g}(cairn::tensor::take(xe, {tname}.span().slice(({g} * {npos} + o) * {patch}, {patch})).span());",
            vars.join(", ")
        );
        for r in 0..mg {
            let mi = g * mg + r;
            let b = bias.as_ref().map_or(0i128, |b| (b[mi] as i128) << n.scale.bits());
            let sum = if b != 0 { format!("y{r} + {b}") } else { format!("y{r}") };
            let _ = writeln!(body, "        pos.append({});", round_call(n.activation, &sum));
        }
    }
    let _ = writeln!(body, "    }}");
    let _ = writeln!(body, "    // to channel-major [output channel][position]");
    let _ = writeln!(body, "    for mi in 0..{m}_u32 {{");
    let _ = writeln!(body, "        for o in 0..{npos}_u32 {{");
    let _ = writeln!(body, "            out.append(*pos[o * {m} + mi]);");
    let _ = writeln!(body, "        }}");
    let _ = writeln!(body, "    }}");
    body.push_str("}\nout.span()");
    Some(Ok(FastCode { code: NodeCode { items, body }, pool_folded: false }))
}
