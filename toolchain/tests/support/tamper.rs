//! The tamper tests' harness (cairo-air.md §6.2, §6.3): fixtures, the
//! malicious prover's moves, and the assertions every tamper test makes —
//! the independent checker names the violated constraint, and `verify`
//! rejects the proof a malicious prover builds from the tampered trace.
//!
//! Malicious proofs use cheap parameters ([`CHEAP`]): a proof of an invalid
//! trace fails the out-of-domain consistency check of the composition
//! polynomial, which does not depend on the number of queries or on grinding
//! (the quotient of a violated constraint is not a polynomial, so the committed
//! composition columns disagree with the constraints at the random point z
//! except with probability ≈ degree/p). A control test shows that honest
//! traces do verify with the same parameters, so every rejection is caused by
//! the tamper. `verify` refuses such weak requirements unless asked through
//! `verify_allowing_weak_security`, which is what these tests call.

// Traces are column-major: forging a row means indexing several columns by
// the same row, which reads better as an index loop.
#![allow(clippy::needless_range_loop)]

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::OnceLock;

use cairn_prover::checker::{self, Violation};
use cairn_prover::constraints::{memory_slots, rc_entries};
use cairn_prover::decode::JMP_REL_0;
use cairn_prover::field::Felt;
use cairn_prover::layout::*;
use cairn_prover::proof::{self, Params, Verified, VerifyError, DEFAULT_SECURITY_BITS, MAGIC};
use cairn_prover::prover::AuxForgery;
use cairn_prover::public_input::PublicInput;
use cairn_prover::trace::{build_aux, CairoTrace};
use winterfell::math::FieldElement;

use cairn_prover::testing::synthetic::*;

pub type Cols = Vec<Vec<Felt>>;

// ================================================================================================
// Fixtures
// ================================================================================================

/// Cheap proof parameters for malicious proofs (see the module comment).
pub const CHEAP: Params = Params {
    num_queries: 8,
    blowup_factor: 2,
    grinding_factor: 0,
    fri_folding_factor: 8,
    fri_remainder_max_degree: 31,
};
/// The minimum security `verify` is asked for with [`CHEAP`] proofs.
pub const CHEAP_BITS: u32 = 1;

/// The checker's challenges (any values work for honest traces).
pub const RAND: [Felt; 3] =
    [Felt::from_u64(0x1234_5678_9abc), Felt::from_u64(0xdead_beef_f00d), Felt::from_u64(0x0bad_cafe_1234)];
pub const RAND2: [Felt; 3] = [Felt::from_u64(0x7777_1111), Felt::from_u64(0x5555_3333), Felt::from_u64(0x9999_2222)];

pub const MEMORY_PERMUTATION: &str = "Φ0[n-1] = Π_pub (memory permutation)";
pub const RANGE_PERMUTATION: &str = "Ψ0[n-1] = 1 (range-check permutation)";

/// fib(30): output builtin only, deep recursion.
pub fn fib() -> &'static CairoTrace {
    static T: OnceLock<CairoTrace> = OnceLock::new();
    T.get_or_init(|| {
        let p = super::compile("fib", super::FIB);
        super::trace(&p, &[30]).0
    })
}

/// The integers program: output and range_check builtins (65536 rows).
pub fn integers() -> &'static CairoTrace {
    static T: OnceLock<CairoTrace> = OnceLock::new();
    T.get_or_init(|| {
        let p = super::compile("integers", super::INTEGERS);
        super::trace(&p, &[3, 1_000_000, 77, 0, 65_535, 4_294_967_296]).0
    })
}

/// The integers program on values whose limbs spread over [0, 2^16), run
/// with room above its range_check segment: its window grows over extra
/// cells that hold range-check gaps (trace.rs `extend_window`).
pub fn integers_with_room() -> &'static CairoTrace {
    static T: OnceLock<CairoTrace> = OnceLock::new();
    T.get_or_init(|| {
        let p = super::compile("integers", super::INTEGERS);
        let xs: Vec<u64> = (0..40u64).map(|i| i.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32).collect();
        super::trace_with_room(&p, &xs).0
    })
}

/// Integer order of field elements (canonical representatives).
pub fn key(f: &Felt) -> [u8; 32] {
    let mut b = f.to_le_bytes();
    b.reverse();
    b
}

pub fn row(cols: &[Vec<Felt>], r: usize) -> Vec<Felt> {
    cols.iter().map(|c| c[r]).collect()
}

// ================================================================================================
// Checking and proving tampered traces
// ================================================================================================

/// The first violation the checker reports; fails if the trace is accepted.
pub fn first_violation(cols: &[Vec<Felt>], pi: &PublicInput) -> Violation {
    match checker::check(cols, pi, RAND) {
        Ok(()) => panic!("the checker accepts the tampered trace"),
        Err(v) => {
            eprintln!("[{}] checker: {v}", std::thread::current().name().unwrap_or("?"));
            v
        }
    }
}

/// Every violated main transition constraint (row, name), then the two
/// permutation arguments (with an honestly built auxiliary segment). The
/// boundary assertions are not listed: callers compare with
/// [`first_violation`], which checks them first.
pub fn failures(cols: &[Vec<Felt>], pi: &PublicInput) -> Vec<(usize, String)> {
    let n = cols[0].len();
    let mut out = Vec::new();
    for r in 0..n - 1 {
        for name in checker::violated_main(cols, r) {
            out.push((r, name.to_string()));
        }
    }
    let aux = build_aux::<Felt, _>(cols, &RAND);
    if aux[PHI][n - 1] != pi.public_memory_product(RAND[0], RAND[1]) {
        out.push((n - 1, MEMORY_PERMUTATION.to_string()));
    }
    if aux[PSI][n - 1] != Felt::ONE {
        out.push((n - 1, RANGE_PERMUTATION.to_string()));
    }
    out
}

/// The checker's first violation is `name` at `row`, and nothing else fails:
/// the tamper is caught by that constraint alone.
pub fn assert_only(cols: &[Vec<Felt>], pi: &PublicInput, row: usize, name: &str) {
    let v = first_violation(cols, pi);
    assert_eq!((v.row, v.constraint.as_str()), (row, name), "first violation");
    assert_eq!(failures(cols, pi), vec![(row, name.to_string())], "all violations");
}

pub fn verify_no_panic(bytes: &[u8], expected: Option<&Felt>, min_security: u32) -> Result<Verified, VerifyError> {
    match catch_unwind(AssertUnwindSafe(|| proof::verify_allowing_weak_security(bytes, expected, min_security))) {
        Ok(r) => r,
        Err(_) => panic!("verify panicked"),
    }
}

/// Proves a (tampered) trace as a malicious prover, with [`CHEAP`] parameters,
/// and returns why `verify` rejects it. Fails if the prover panics or refuses
/// (neither happens: Winterfell commits any trace) or if `verify` accepts.
pub fn rejection_with(cols: Cols, pi: PublicInput, forgery: AuxForgery) -> VerifyError {
    let proved = catch_unwind(AssertUnwindSafe(|| proof::prove_unchecked(cols, pi, CHEAP, forgery)));
    let bytes: Vec<u8> = match proved {
        Err(_) => panic!("the malicious prover panicked"),
        Ok(Err(e)) => panic!("the malicious prover refused the trace ({e}); the test needs a proof to reject"),
        Ok(Ok(b)) => b,
    };
    match verify_no_panic(&bytes, None, CHEAP_BITS) {
        Ok(v) => panic!("verify ACCEPTS a proof of a tampered trace (output {:?})", v.output),
        Err(e) => e,
    }
}

/// `verify` rejects the proof of a tampered trace, as an invalid STARK proof
/// (the public input itself passes the verifier's pre-checks).
pub fn assert_rejected(cols: Cols, pi: PublicInput) {
    assert_rejected_with(cols, pi, AuxForgery::Honest)
}

pub fn assert_rejected_with(cols: Cols, pi: PublicInput, forgery: AuxForgery) {
    pi.validate().expect("the tamper keeps the public input well-formed");
    match rejection_with(cols, pi, forgery) {
        VerifyError::Invalid(e) => eprintln!("[{}] verify: {e}", std::thread::current().name().unwrap_or("?")),
        e => panic!("rejected, but not by the STARK verifier: {e}"),
    }
}

// ================================================================================================
// Re-sorting: what a malicious prover does to keep the permutations valid
// ================================================================================================

/// Recomputes the sorted memory columns from the unsorted slots of rows
/// 0..n-2 (with the public memory in place of the (0,0) dummies, minus the
/// public cells listed in `unpublished`), and the sorted range-check column
/// from the range-check entries, with rc_min / rc_max as tight as u16 allows —
/// the same procedure as `build_trace`, applied to a tampered trace.
pub fn resort_except(cols: &mut [Vec<Felt>], pi: &mut PublicInput, unpublished: &[u64]) {
    let n = cols[0].len();
    let mut slots: Vec<(Felt, Felt)> = Vec::with_capacity(MEM_SLOTS * (n - 1));
    for r in 0..n - 1 {
        for (a, v) in memory_slots(&row(cols, r)) {
            if a == Felt::ZERO && v == Felt::ZERO {
                continue;
            }
            slots.push((a, v));
        }
    }
    slots.extend(pi.public_memory().into_iter().filter(|(a, _)| !unpublished.contains(a)).map(|(a, v)| (fu(a), v)));
    assert_eq!(slots.len(), MEM_SLOTS * (n - 1), "as many dummies as public cells");
    slots.sort_by_key(|(a, v)| (key(a), key(v)));
    for (i, (a, v)) in slots.iter().enumerate() {
        cols[SORTED_A + i % MEM_SLOTS][i / MEM_SLOTS] = *a;
        cols[SORTED_V + i % MEM_SLOTS][i / MEM_SLOTS] = *v;
    }
    let last = *slots.last().unwrap();
    for k in 0..MEM_SLOTS {
        cols[SORTED_A + k][n - 1] = last.0;
        cols[SORTED_V + k][n - 1] = last.1;
    }

    let mut entries: Vec<Felt> = (0..n - 1).flat_map(|r| rc_entries(&row(cols, r))).collect();
    entries.sort_by_key(key);
    let small: Vec<u16> =
        entries.iter().filter_map(|e| e.to_u64()).filter(|&v| v < 1 << 16).map(|v| v as u16).collect();
    pi.rc_min = *small.first().expect("some 16-bit entry");
    pi.rc_max = *small.last().unwrap();
    for (i, e) in entries.iter().enumerate() {
        cols[SORTED_RC + i % RC_SLOTS][i / RC_SLOTS] = *e;
    }
    for i in 0..RC_SLOTS {
        cols[SORTED_RC + i][n - 1] = fu(pi.rc_max as u64);
    }
}

pub fn resort(cols: &mut [Vec<Felt>], pi: &mut PublicInput) {
    resort_except(cols, pi, &[])
}

/// Reuses range-check fillers (rch) that duplicate another entry to fill the
/// gaps of the 16-bit entries, as far as such fillers last.
pub fn fill_rc_gaps(cols: &mut [Vec<Felt>]) {
    let n = cols[0].len();
    let mut count = vec![0usize; 1 << 16];
    for r in 0..n - 1 {
        for e in rc_entries(&row(cols, r)) {
            if let Some(v) = e.to_u64().filter(|&v| v < 1 << 16) {
                count[v as usize] += 1;
            }
        }
    }
    let lo = count.iter().position(|&c| c > 0).unwrap();
    let hi = count.iter().rposition(|&c| c > 0).unwrap();
    // Every filler cell (row, column) of the rows the permutation covers.
    let fillers: Vec<(usize, usize)> = (0..n - 1).flat_map(|r| (0..NUM_RCH).map(move |j| (r, RCH + j))).collect();
    let mut next = 0;
    for gap in (lo..=hi).filter(|&v| count[v] == 0).collect::<Vec<_>>() {
        let spare = |(r, c): (usize, usize)| cols[c][r].to_u64().is_some_and(|v| v < 1 << 16 && count[v as usize] >= 2);
        let Some(i) = (next..fillers.len()).find(|&i| spare(fillers[i])) else { return };
        next = i + 1;
        let (r, c) = fillers[i];
        count[u(cols[c][r]) as usize] -= 1;
        cols[c][r] = fu(gap as u64);
        count[gap] += 1;
    }
}

/// Gives address `addr` the value `v` in every memory slot of every row: the
/// instruction, operand and free slots, and the range-check cell (whose limbs
/// become `limbs`, if given). Derived columns (res, t0) are the
/// caller's business.
pub fn set_cell(cols: &mut [Vec<Felt>], addr: u64, v: Felt, limbs: Option<[Felt; 8]>) {
    let n = cols[0].len();
    let a = fu(addr);
    for r in 0..n {
        for (ac, vc) in [(PC, INST), (DST_ADDR, DST), (OP0_ADDR, OP0), (OP1_ADDR, OP1), (MX_A, MX_V)] {
            if cols[ac][r] == a {
                cols[vc][r] = v;
            }
        }
        if cols[RC_A][r] == a {
            let limbs = limbs.expect("the cell is range-checked: limbs needed");
            for (j, l) in limbs.iter().enumerate() {
                cols[RC_LIMBS + j][r] = *l;
            }
        }
    }
}

/// Recomputes res and t0 of a row from its flags and operands.
pub fn refresh_derived(cols: &mut [Vec<Felt>], r: usize) {
    let f = |i: usize| cols[flag(i)][r];
    let (dst, op0, op1) = (cols[DST][r], cols[OP0][r], cols[OP1][r]);
    let mul = op0 * op1;
    let res = if f(F_PC_JNZ) == Felt::ONE {
        if dst == Felt::ZERO {
            Felt::ZERO
        } else {
            dst.inv()
        }
    } else {
        let g_res = Felt::ONE - f(F_RES_ADD) - f(F_RES_MUL) - f(F_PC_JNZ);
        f(F_RES_ADD) * (op0 + op1) + f(F_RES_MUL) * mul + g_res * op1
    };
    let t0 = f(F_PC_JNZ) * dst;
    cols[RES][r] = res;
    cols[T0][r] = t0;
}

/// The sorted memory entry at row-major position p.
pub fn sorted_at(cols: &[Vec<Felt>], p: usize) -> (Felt, Felt) {
    (cols[SORTED_A + p % MEM_SLOTS][p / MEM_SLOTS], cols[SORTED_V + p % MEM_SLOTS][p / MEM_SLOTS])
}

/// First executed row (before the final loop) satisfying `pred`.
pub fn find_row(t: &CairoTrace, pred: impl Fn(&[Felt]) -> bool) -> usize {
    (0..t.steps - 1).find(|&r| pred(&t.row(r))).expect("no such row in the honest trace")
}

/// A padding row: an extra iteration of the final `jmp rel 0`, proven (< n-1).
pub fn padding_row(t: &CairoTrace) -> usize {
    let r = t.steps + 3;
    assert!(r < t.len() - 1);
    assert_eq!(t.columns[INST][r], fu(JMP_REL_0));
    r
}

// ================================================================================================
// Synthetic programs: crafted instructions behind the executable entry code
// ================================================================================================

pub fn row_at_pc(t: &CairoTrace, pc: u64) -> usize {
    (0..t.steps).find(|&r| t.columns[PC][r] == fu(pc)).expect("the crafted instruction runs")
}

/// `main` calls `g` with the argument `arg` pushed first (if any); `g` is the
/// single instruction `g_word`. Returns (program, address of g, address
/// right after the call).
/// The argument `main_calling` pushes: computed from the program and the
/// address right after the call.
pub type CallArg<'a> = &'a dyn Fn(&Prog, u64) -> Felt;

pub fn main_calling(g_word: Felt, arg: Option<CallArg>) -> (Prog, u64, u64) {
    let mut p = Prog::new(1);
    write_42(&mut p);
    let arg_at = arg.map(|_| p.op_imm(asm::push_imm(), Felt::ZERO) + 1);
    let call = p.op_imm(asm::call_rel(), Felt::ZERO);
    let after_call = p.here();
    return_output(&mut p);
    let g = p.op(g_word);
    p.set(call + 1, Felt::from_i64(g as i64 - call as i64));
    if let (Some(arg), Some(at)) = (arg, arg_at) {
        let v = arg(&p, after_call);
        p.set(at, v);
    }
    (p, g, after_call)
}

/// fib(30) proved at the default parameters (≥ 96 bits).
pub fn fib_proof() -> &'static Vec<u8> {
    static P: OnceLock<Vec<u8>> = OnceLock::new();
    P.get_or_init(|| {
        let params = Params::for_security(DEFAULT_SECURITY_BITS);
        proof::prove(fib().clone(), params, DEFAULT_SECURITY_BITS).expect("prove").0
    })
}

/// The integers program (range_check) proved with [`CHEAP`] parameters.
pub fn integers_proof() -> &'static Vec<u8> {
    static P: OnceLock<Vec<u8>> = OnceLock::new();
    P.get_or_init(|| proof::prove(integers().clone(), CHEAP, 0).expect("prove").0)
}

/// The JSON header and the Winterfell bytes of a proof file.
pub fn split(bytes: &[u8]) -> (serde_json::Value, Vec<u8>) {
    assert_eq!(&bytes[..8], MAGIC);
    let len = u32::from_le_bytes(bytes[8..12].try_into().unwrap()) as usize;
    (serde_json::from_slice(&bytes[12..12 + len]).unwrap(), bytes[12 + len..].to_vec())
}

pub fn join(header: &serde_json::Value, stark: &[u8]) -> Vec<u8> {
    let json = serde_json::to_vec(header).unwrap();
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&(json.len() as u32).to_le_bytes());
    out.extend_from_slice(&json);
    out.extend_from_slice(stark);
    out
}

pub fn header_len(bytes: &[u8]) -> usize {
    u32::from_le_bytes(bytes[8..12].try_into().unwrap()) as usize
}

/// The proof with its public input edited by `edit` (on the typed form), and
/// the header's program hash rewritten to match, as a forger would: the
/// rejection must come from the public-input checks or the STARK.
pub fn edit_pi(bytes: &[u8], edit: impl FnOnce(&mut PublicInput)) -> Vec<u8> {
    let (mut h, stark) = split(bytes);
    let mut pi: PublicInput = serde_json::from_value(h["public_input"].clone()).unwrap();
    edit(&mut pi);
    h["program_hash"] = serde_json::json!(proof::hex(&proof::program_hash(&pi)));
    h["public_input"] = serde_json::to_value(&pi).unwrap();
    join(&h, &stark)
}

pub fn assert_invalid(r: Result<Verified, VerifyError>, what: &str) {
    match r {
        Err(VerifyError::Invalid(_)) => {}
        other => panic!("{what}: expected an invalid STARK proof, got {other:?}"),
    }
}

pub fn assert_bad_public_input(r: Result<Verified, VerifyError>, what: &str) {
    match r {
        Err(VerifyError::PublicInput(_)) => {}
        other => panic!("{what}: expected a public-input error, got {other:?}"),
    }
}
