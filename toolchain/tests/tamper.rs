//! Soundness tests (cairo-air.md §6.2, §6.3): tampered traces and tampered
//! proofs must be rejected.
//!
//! * §6.2 — a "malicious prover" commits tampered traces. For every case the
//!   independent constraint checker must name the failing constraint (and,
//!   where the tamper is meant to be caught by one constraint only, that it is
//!   the *only* failure in the whole trace), and `verify` must reject the proof
//!   that `prove_unchecked` builds from the same trace. `winter-prover` is
//!   built without debug assertions (root Cargo.toml), so it commits invalid
//!   traces instead of panicking.
//! * §6.3 — one honest proof, then its file is edited: the public input in the
//!   JSON header, the bytes, the requested security. Every edit must give an
//!   `Err`, never a panic.
//!
//! The harness (fixtures, the malicious prover, the assertions) is in
//! `support/tamper.rs`.
//!
//! Cases that a Cairo 1 program cannot express (a crafted instruction the VM
//! would refuse) run "synthetic" programs: a few hand-assembled instructions
//! behind the executable entry code, executed by a small interpreter of the
//! AIR's step semantics (cairo-air.md §1.3) and turned into a trace by the
//! production `build_trace`. Each crafted instruction is built so that it has
//! exactly the effect of a legal one, and the tests assert that the targeted
//! constraint is the only one violated anywhere: without it, the AIR would
//! accept the crafted execution.

// Traces are column-major: forging a row means indexing several columns by
// the same row, which reads better as an index loop; the tamper cases are
// tables of closures.
#![allow(clippy::needless_range_loop, clippy::type_complexity)]

mod support;

use cairn_prover::checker;
use cairn_prover::field::Felt;
use cairn_prover::layout::*;
use cairn_prover::proof::{self, Params, VerifyError, DEFAULT_SECURITY_BITS, MAGIC};
use cairn_prover::prover::AuxForgery;
use cairn_prover::public_input::{Builtin, PublicInput, PublicInputError};
use cairn_prover::testing::synthetic::*;
use cairn_prover::trace::{build_aux, build_trace, TraceError};
use support::tamper::*;

/// The range-check continuity constraint from a row's last sorted slot to the
/// next row's first (the last main constraint).
const LAST_RC_CONTINUITY: &str = cairn_prover::constraints::MAIN_NAMES[NUM_MAIN_CONSTRAINTS - 1];
use winterfell::math::{FieldElement, ToElements};

// ================================================================================================
// §6.2 — the harness itself
// ================================================================================================

#[test]
fn cheap_parameters_accept_the_honest_traces() {
    // Control for every rejection below: the same malicious-prover path and
    // parameters accept untampered traces (a real fib run, and a synthetic one).
    let t = fib();
    checker::check(&t.columns, &t.public_input, RAND).expect("honest");
    let bytes = proof::prove_unchecked(t.columns.clone(), t.public_input.clone(), CHEAP, AuxForgery::Honest).unwrap();
    let v = verify_no_panic(&bytes, None, CHEAP_BITS).expect("an honest cheap proof verifies");
    assert_eq!(v.output, t.public_input.output);

    let mut p = Prog::new(1);
    write_42(&mut p);
    return_output(&mut p);
    let t = synthetic_trace(&p);
    assert_eq!(t.public_input.output, vec![fu(42)]);
    checker::check(&t.columns, &t.public_input, RAND).expect("the synthetic trace satisfies the AIR");
    assert_eq!(failures(&t.columns, &t.public_input), vec![]);
    let bytes = proof::prove_unchecked(t.columns.clone(), t.public_input.clone(), CHEAP, AuxForgery::Honest).unwrap();
    verify_no_panic(&bytes, None, CHEAP_BITS).expect("a synthetic proof verifies");
}

// ================================================================================================
// §6.2 — decoding
// ================================================================================================

#[test]
fn flipped_flag_bit_with_the_word_kept_fails_d2() {
    let t = fib();
    let r = find_row(t, |row| row[flag(F_OP1_AP)] == Felt::ZERO && row[flag(F_ASSERT_EQ)] == Felt::ONE);
    let mut cols = t.columns.clone();
    cols[flag(F_OP1_AP)][r] = Felt::ONE;
    let v = first_violation(&cols, &t.public_input);
    assert_eq!((v.row, v.constraint.as_str()), (r, "D2 instruction decomposition"));
    assert_rejected(cols, t.public_input.clone());
}

#[test]
fn flag_and_word_changed_together_fail_the_memory_argument() {
    // A padding `jmp rel 0` becomes `jmp rel 0` + assert_eq (inst += 2^62,
    // f14 = 1): every CPU constraint still holds there (dst = [fp-1] = 0 =
    // res), but the fetched word is not the program's word at pc 5.
    let t = fib();
    let r = padding_row(t);
    let mut cols = t.columns.clone();
    cols[flag(F_ASSERT_EQ)][r] = Felt::ONE;
    cols[INST][r] += Felt::from_u128(1 << 62);
    assert_eq!(checker::violated_main(&cols, r), Vec::<&str>::new(), "the row is a consistent step");
    // Sorted columns left as they were: the memory permutation fails.
    assert_only(&cols, &t.public_input, t.len() - 1, MEMORY_PERMUTATION);
    assert_rejected(cols.clone(), t.public_input.clone());

    // Sorted columns rebuilt to match: address 5 then holds two values.
    let mut pi = t.public_input.clone();
    resort(&mut cols, &mut pi);
    assert_eq!(pi, t.public_input);
    let v = first_violation(&cols, &pi);
    assert!(v.constraint.ends_with("memory single-valued"), "{v}");
    assert_eq!(failures(&cols, &pi), vec![(v.row, v.constraint.clone())]);
    assert_rejected(cols, pi);
}

#[test]
fn flag_value_two_with_compensation_fails_d1() {
    let t = fib();
    // f0 = 2 instead of 0, ê_op1 lowered by 2^17 so that D2 still holds.
    let r = find_row(t, |row| row[flag(F_DST_REG)] == Felt::ZERO);
    let mut cols = t.columns.clone();
    cols[flag(F_DST_REG)][r] = Felt::TWO;
    cols[OFF_OP1][r] -= Felt::from_u64(1 << 17);
    let v = first_violation(&cols, &t.public_input);
    assert_eq!((v.row, v.constraint.as_str()), (r, "D1 f0 binary"));
    assert!(!checker::violated_main(&cols, r).contains(&"D2 instruction decomposition"));
    assert_rejected(cols, t.public_input.clone());

    // Two flags traded: f_i = 2, f_(i+1) = 0 (same word, no offset touched).
    let r = find_row(t, |row| row[flag(F_OP1_IMM)] == Felt::ZERO && row[flag(F_OP1_FP)] == Felt::ONE);
    let mut cols = t.columns.clone();
    cols[flag(F_OP1_IMM)][r] = Felt::TWO;
    cols[flag(F_OP1_FP)][r] = Felt::ZERO;
    let v = first_violation(&cols, &t.public_input);
    assert_eq!((v.row, v.constraint.as_str()), (r, "D1 f2 binary"));
    assert!(!checker::violated_main(&cols, r).contains(&"D2 instruction decomposition"));
    assert_rejected(cols, t.public_input.clone());
}

// ================================================================================================
// §6.2 — crafted programs (synthetic)
// ================================================================================================

#[test]
fn crafted_two_op1_sources_fail_h1() {
    // `[ap] = 42; ap++` with both op1_imm and op1_fp set: op1 address =
    // pc + fp − op0 + 1, which equals pc + 1 because op0 = [ap - 1] holds fp.
    let mut p = Prog::new(1);
    let push_fp = p.op_imm(asm::push_imm(), Felt::ZERO);
    let crafted = p.op_imm(ins(0, -1, 1, &[F_OP1_IMM, F_OP1_FP, F_AP_ADD1, F_ASSERT_EQ]), fu(42));
    p.op(asm::store_at_fp_ptr(-3));
    return_output(&mut p);
    let fp = p.main_fp();
    p.set(push_fp + 1, fu(fp));
    let t = synthetic_trace(&p);
    assert_eq!(t.public_input.output, vec![fu(42)]);
    assert_only(&t.columns, &t.public_input, row_at_pc(&t, crafted), "H1 one op1 source");
    assert_rejected(t.columns, t.public_input);
}

#[test]
fn crafted_jnz_with_ap_add_res_fails_v3() {
    // `jmp rel 2 if [ap-1] != 0` with ap += res, on [ap-1] = 0: not taken, and
    // under jnz no constraint pins res when dst = 0 — the prover moves ap by
    // a res of its choice (3). cairo-vm refuses this (UnconstrainedResAdd).
    let mut p = Prog::new(1);
    write_42(&mut p);
    p.op_imm(asm::push_imm(), Felt::ZERO);
    let crafted = p.op_imm(ins(-1, -1, 1, &[F_OP0_REG, F_OP1_IMM, F_PC_JNZ, F_AP_ADD]), fu(2));
    return_output(&mut p);
    let free_res = fu(3);
    let mut t = build_trace(&execute(&p, free_res)).unwrap();
    let r = row_at_pc(&t, crafted);
    assert_eq!(t.columns[DST][r], Felt::ZERO);
    assert_eq!(t.columns[AP][r + 1], t.columns[AP][r] + free_res);
    // build_trace writes res = 0 under a jnz with dst = 0; the prover writes its own.
    t.columns[RES][r] = free_res;
    assert_only(&t.columns, &t.public_input, r, "V3 no ap+=res under jnz");
    assert_rejected(t.columns, t.public_input);
}

#[test]
fn crafted_call_with_ap_plus_plus_fails_v2() {
    // `call rel g` with ap++: the callee's frame starts at ap + 2, ap at ap + 3
    // (one cell skipped, a memory hole); g is a plain `ret`.
    let crafted_call = ins(0, 1, 1, &[F_OP1_IMM, F_PC_REL, F_AP_ADD1, F_CALL]);
    let mut p = Prog::new(1);
    write_42(&mut p);
    let call = p.op_imm(crafted_call, Felt::ZERO);
    return_output(&mut p);
    let g = p.op(asm::ret());
    p.set(call + 1, Felt::from_i64(g as i64 - call as i64));
    let t = synthetic_trace(&p);
    let r = row_at_pc(&t, call);
    assert_eq!(t.columns[AP][r + 1], t.columns[AP][r] + fu(3));
    assert_only(&t.columns, &t.public_input, r, "V2 no ap update on call");
    assert_rejected(t.columns, t.public_input);
}

#[test]
fn crafted_immediate_not_at_pc_plus_one_fails_v5() {
    // `[ap] = [pc + 2]; ap++` with the op1_imm flag (size 2): op1 is the next
    // instruction's word. cairo-vm refuses it (ImmShouldBe1).
    let mut p = Prog::new(1);
    write_42(&mut p);
    let crafted = p.op_imm(ins(0, -1, 2, &[F_OP0_REG, F_OP1_IMM, F_AP_ADD1, F_ASSERT_EQ]), fu(7));
    return_output(&mut p);
    let t = synthetic_trace(&p);
    let r = row_at_pc(&t, crafted);
    assert_eq!(t.columns[OP1][r], t.columns[INST][r + 1], "op1 is the word at pc + 2");
    assert_only(&t.columns, &t.public_input, r, "V5 immediate at pc+1");
    assert_rejected(t.columns, t.public_input);
}

#[test]
fn crafted_non_canonical_rets_fail_h8_h9_h10() {
    // H8: ret with fp ← [fp - 3], where main pushed its own fp as g's argument.
    let main_fp: &dyn Fn(&Prog, u64) -> Felt = &|p, _| fu(p.main_fp());
    let ret_h8 = ins(-3, -1, -1, &[F_DST_REG, F_OP0_REG, F_OP1_FP, F_PC_ABS, F_RET]);
    // H9: ret with pc ← [fp - 3], where main pushed the return address.
    let return_pc: &dyn Fn(&Prog, u64) -> Felt = &|_, after_call| fu(after_call);
    let ret_h9 = ins(-2, -1, -3, &[F_DST_REG, F_OP0_REG, F_OP1_FP, F_PC_ABS, F_RET]);
    // H10: ret reading dst ([ap - 2]) or op1 ([ap - 1]) through ap, at g's
    // entry where ap = fp: same cells as the canonical ret.
    let ret_dst_ap = ins(-2, -1, -1, &[F_OP0_REG, F_OP1_FP, F_PC_ABS, F_RET]);
    let ret_op1_ap = ins(-2, -1, -1, &[F_DST_REG, F_OP0_REG, F_OP1_AP, F_PC_ABS, F_RET]);
    let cases: [(Felt, Option<&dyn Fn(&Prog, u64) -> Felt>, &str); 4] = [
        (ret_h8, Some(main_fp), "H8 canonical ret dst"),
        (ret_h9, Some(return_pc), "H9 canonical ret op1"),
        (ret_dst_ap, None, "H10 canonical ret flags"),
        (ret_op1_ap, None, "H10 canonical ret flags"),
    ];
    for (word, arg, target) in cases {
        let (p, g, _) = main_calling(word, arg);
        let t = synthetic_trace(&p);
        assert_eq!(t.public_input.output, vec![fu(42)]);
        assert_only(&t.columns, &t.public_input, row_at_pc(&t, g), target);
        assert_rejected(t.columns, t.public_input);
    }
}

// ================================================================================================
// §6.2 — register updates
// ================================================================================================

#[test]
fn jnz_res_not_the_inverse_of_dst_fails_p3() {
    // A taken jnz (dst ≠ 0) with res = 2·dst⁻¹: only the "taken ⇒
    // t0·res = 1" constraint catches it.
    let t = fib();
    let r = find_row(t, |row| {
        row[flag(F_PC_JNZ)] == Felt::ONE && row[DST] != Felt::ZERO && row[OP1] != Felt::ONE + row[flag(F_OP1_IMM)]
    });
    let mut cols = t.columns.clone();
    assert_eq!(cols[RES][r], cols[DST][r].inv());
    cols[RES][r] = cols[RES][r].double();
    assert_only(&cols, &t.public_input, r, "P3 pc regular/jnz-not-taken");
    assert_rejected(cols, t.public_input.clone());
}

// ================================================================================================
// §6.2 — memory
// ================================================================================================

/// fib's trace with one copy instruction `[x] = [y]` computing a wrong value
/// (dst, op1, res all + 1): every CPU constraint holds, memory does not.
fn wrong_copy() -> (Cols, usize) {
    let t = fib();
    let r = find_row(t, |row| {
        let f = |i: usize| row[flag(i)] == Felt::ONE;
        f(F_ASSERT_EQ)
            && !(f(F_RES_ADD) || f(F_RES_MUL) || f(F_PC_JNZ) || f(F_PC_ABS) || f(F_PC_REL) || f(F_AP_ADD))
            && row[DST_ADDR] != row[OP1_ADDR]
    });
    let mut cols = t.columns.clone();
    cols[DST][r] += Felt::ONE;
    cols[OP1][r] += Felt::ONE;
    refresh_derived(&mut cols, r);
    assert_eq!(cols[RES][r], cols[DST][r]);
    assert_eq!(checker::violated_main(&cols, r), Vec::<&str>::new(), "the row is a consistent step");
    (cols, r)
}

#[test]
fn changed_operand_value_fails_the_memory_argument() {
    let t = fib();
    let (cols, _) = wrong_copy();
    assert_only(&cols, &t.public_input, t.len() - 1, MEMORY_PERMUTATION);
    assert_rejected(cols.clone(), t.public_input.clone());

    // With the sorted columns rebuilt, two addresses hold two values each.
    let (mut cols, mut pi) = (cols, t.public_input.clone());
    resort(&mut cols, &mut pi);
    let v = first_violation(&cols, &pi);
    assert!(v.constraint.ends_with("memory single-valued"), "{v}");
    let all = failures(&cols, &pi);
    assert_eq!(all.len(), 2, "{all:?}");
    assert!(all.iter().all(|(_, c)| c.ends_with("memory single-valued")), "{all:?}");
    assert_rejected(cols, pi);

    // An unused operand (op0 of a padding `jmp rel 0`) changed: the same.
    let r = padding_row(t);
    let mut cols = t.columns.clone();
    cols[OP0][r] += Felt::ONE;
    refresh_derived(&mut cols, r);
    assert_only(&cols, &t.public_input, t.len() - 1, MEMORY_PERMUTATION);
}

#[test]
fn value_changed_only_in_the_sorted_column_fails_the_memory_argument() {
    // Every sorted copy of one address gets another value (so the sorted
    // column stays single-valued): only the permutation can tell.
    let t = fib();
    let n = t.len();
    let addr = t.columns[DST_ADDR][find_row(t, |row| row[flag(F_ASSERT_EQ)] == Felt::ONE)];
    let mut cols = t.columns.clone();
    let mut copies = 0;
    for r in 0..n - 1 {
        for k in 0..MEM_SLOTS {
            if cols[SORTED_A + k][r] == addr {
                cols[SORTED_V + k][r] += Felt::ONE;
                copies += 1;
            }
        }
    }
    assert!(copies >= 2);
    assert_only(&cols, &t.public_input, n - 1, MEMORY_PERMUTATION);
    assert_rejected(cols, t.public_input.clone());
}

#[test]
fn swapped_sorted_entries_fail_memory_continuity() {
    // Entries p and p+1 (addresses A, A+1) swapped, where p-1 is A and p+2 is
    // A+1: a single step of -1 in the addresses. Same multiset: the
    // permutation still holds.
    let t = fib();
    let n = t.len();
    let a = |p: usize| u(sorted_at(&t.columns, p).0);
    let p = (1..MEM_SLOTS * (n - 1) - 2)
        .find(|&p| a(p - 1) == a(p) && a(p + 1) == a(p) + 1 && a(p + 2) == a(p) + 1)
        .expect("a place to swap");
    let mut cols = t.columns.clone();
    let (e, f) = (sorted_at(&cols, p), sorted_at(&cols, p + 1));
    for (q, (ad, v)) in [(p, f), (p + 1, e)] {
        cols[SORTED_A + q % MEM_SLOTS][q / MEM_SLOTS] = ad;
        cols[SORTED_V + q % MEM_SLOTS][q / MEM_SLOTS] = v;
    }
    let name = format!("M{} memory continuity", p % MEM_SLOTS + 1);
    let v = first_violation(&cols, &t.public_input);
    assert_eq!((v.row, v.constraint.as_str()), (p / MEM_SLOTS, name.as_str()));
    let all = failures(&cols, &t.public_input);
    assert!(all.iter().all(|(r, c)| *r == p / MEM_SLOTS && c.starts_with('M')), "{all:?}");
    assert_rejected(cols, t.public_input.clone());
}

#[test]
fn omitted_hole_filler_leaves_a_gap_and_fails_memory_continuity() {
    // The synthetic program has memory holes (between the execution segment
    // and the output segment). One hole filler replaced by a duplicate access,
    // sorted columns rebuilt: the permutation holds, the addresses jump by 2.
    let mut p = Prog::new(1);
    write_42(&mut p);
    return_output(&mut p);
    let t = synthetic_trace(&p);
    let n = t.len();
    let sorted_count = |a: Felt| {
        (0..n - 1).map(|r| (0..MEM_SLOTS).filter(|&k| t.columns[SORTED_A + k][r] == a).count()).sum::<usize>()
    };
    let r = (0..n - 1)
        .find(|&r| {
            let a = t.columns[MX_A][r];
            a != Felt::ZERO && a != t.columns[PC][r] && sorted_count(a) == 1
        })
        .expect("a hole filler");
    let mut cols = t.columns.clone();
    cols[MX_A][r] = cols[PC][r];
    cols[MX_V][r] = cols[INST][r];
    let mut pi = t.public_input.clone();
    resort(&mut cols, &mut pi);
    // One step of 2 between two neighbouring sorted entries: continuity fails
    // there (and single-valuedness at the same pair, as the values differ).
    let v = first_violation(&cols, &pi);
    let k: usize = v.constraint[1..].split(' ').next().unwrap().parse().unwrap();
    assert_eq!(v.constraint, format!("M{k} memory continuity"));
    let same_pair = [v.constraint.clone(), format!("M{} memory single-valued", k + 6)];
    let all = failures(&cols, &pi);
    assert!(all.iter().all(|(r, c)| *r == v.row && same_pair.contains(c)), "{all:?}");
    assert_rejected(cols, pi);
}

#[test]
fn two_values_for_one_address_in_the_sorted_column_fail_single_valuedness() {
    let t = fib();
    let n = t.len();
    let a = |p: usize| sorted_at(&t.columns, p).0;
    let p = (1..MEM_SLOTS * (n - 1)).find(|&p| a(p - 1) == a(p) && p % MEM_SLOTS != 0).unwrap();
    let mut cols = t.columns.clone();
    cols[SORTED_V + p % MEM_SLOTS][p / MEM_SLOTS] += Felt::ONE;
    let name = format!("M{} memory single-valued", (p - 1) % MEM_SLOTS + 7);
    let v = first_violation(&cols, &t.public_input);
    assert_eq!((v.row, v.constraint.as_str()), (p / MEM_SLOTS, name.as_str()));
    assert!(failures(&cols, &t.public_input).contains(&(n - 1, MEMORY_PERMUTATION.to_string())));
    assert_rejected(cols, t.public_input.clone());
}

#[test]
fn memory_product_not_starting_at_one_fails_its_assertion() {
    // Pitfall 2: on a trace with a wrong memory value, the prover scales the
    // memory accumulators so that the last one equals Π_pub. Transitions and
    // the final assertion then hold; only Φ0[0] = 1 does not.
    let t = fib();
    let n = t.len();
    let (cols, _) = wrong_copy();
    let mut aux = build_aux::<Felt, _>(&cols, &RAND);
    let factor = t.public_input.public_memory_product(RAND[0], RAND[1]) / aux[PHI][n - 1];
    assert_ne!(factor, Felt::ONE);
    for c in &mut aux[PHI..PHI + NUM_PHI] {
        for v in c.iter_mut() {
            *v *= factor;
        }
    }
    let v = checker::check_with_aux(&cols, &aux, &t.public_input, RAND).unwrap_err();
    assert_eq!((v.row, v.constraint.as_str()), (0, "Φ0[0] = 1"));
    assert_rejected_with(cols, t.public_input.clone(), AuxForgery::PinMemoryProductEnd);
}

#[test]
fn sorted_value_fitted_to_known_challenges_fails_under_fiat_shamir() {
    // Pitfall 1: with the challenges known in advance, a wrong memory value
    // can be compensated by one "free" sorted value (an address that occurs
    // once, so single-valuedness does not see it): the checker, run with
    // those challenges, accepts. The sorted columns are committed before
    // the challenges are drawn, so the real ones differ and verify rejects.
    let t = fib();
    let n = t.len();
    let (mut cols, _) = wrong_copy();
    let pi = &t.public_input;
    let count =
        |a: Felt| (0..n - 1).map(|r| (0..MEM_SLOTS).filter(|&k| cols[SORTED_A + k][r] == a).count()).sum::<usize>();
    let p = (0..MEM_SLOTS * (n - 1)).find(|&p| count(sorted_at(&cols, p).0) == 1).expect("an address seen once");
    let (a, v) = sorted_at(&cols, p);
    let [z, alpha, _] = RAND;
    let end = build_aux::<Felt, _>(&cols, &RAND)[PHI][n - 1];
    let d = z - (a + alpha * v);
    let d_new = d * end / pi.public_memory_product(z, alpha);
    cols[SORTED_V + p % MEM_SLOTS][p / MEM_SLOTS] = (z - a - d_new) / alpha;
    checker::check(&cols, pi, RAND).expect("fitted to these challenges, the forgery passes");
    let v = checker::check(&cols, pi, RAND2).unwrap_err();
    assert_eq!(v.constraint, MEMORY_PERMUTATION);
    assert_rejected(cols, pi.clone());
}

#[test]
fn missing_public_memory_dummy_fails_the_memory_argument() {
    let t = fib();
    let n = t.len();
    let r = (0..n - 1).find(|&r| t.columns[MX_A][r] == Felt::ZERO && t.columns[MX_V][r] == Felt::ZERO).unwrap();
    let mut cols = t.columns.clone();
    cols[MX_A][r] = cols[PC][r];
    cols[MX_V][r] = cols[INST][r];
    assert_only(&cols, &t.public_input, n - 1, MEMORY_PERMUTATION);
    assert_rejected(cols.clone(), t.public_input.clone());

    // With |P| - 1 dummies the sorted side has room for all public cells but
    // one: leave out an output cell ("unpublish" it). Still the permutation.
    let mut pi = t.public_input.clone();
    let unpublished = pi.output_segment.begin + 1;
    resort_except(&mut cols, &mut pi, &[unpublished]);
    assert_eq!(pi, t.public_input);
    assert_eq!(failures(&cols, &pi), vec![(n - 1, MEMORY_PERMUTATION.to_string())]);
    assert_eq!(first_violation(&cols, &pi).constraint, MEMORY_PERMUTATION);
    assert_rejected(cols, pi);
}

// ================================================================================================
// §6.2 — range checks
// ================================================================================================

#[test]
fn limb_of_2_pow_16_with_a_compensating_limb_fails_the_range_check() {
    // A range-checked cell with λj = 0 and λ(j+1) ≥ 1 re-split as
    // λj = 2^16, λ(j+1) − 1: same value, so memory still holds.
    let t = integers();
    let n = t.len();
    let (r, j) = (0..n - 1)
        .flat_map(|r| (0..NUM_RC_LIMBS - 1).map(move |j| (r, j)))
        .find(|&(r, j)| t.columns[RC_LIMBS + j][r] == Felt::ZERO && t.columns[RC_LIMBS + j + 1][r] != Felt::ZERO)
        .expect("a cell with a zero limb below a non-zero one");
    let mut cols = t.columns.clone();
    cols[RC_LIMBS + j][r] = Felt::from_u64(1 << 16);
    cols[RC_LIMBS + j + 1][r] -= Felt::ONE;
    assert_eq!(t.public_input.rc_max, u16::MAX);
    // Sorted column left as it was: the range-check permutation fails.
    assert_only(&cols, &t.public_input, n - 1, RANGE_PERMUTATION);

    // Sorted column rebuilt (gaps filled): 2^16 sorts right after 2^16 − 1,
    // and only the step into the dead row (s0[n-1] = rc_max) fails.
    let mut pi = t.public_input.clone();
    fill_rc_gaps(&mut cols);
    resort(&mut cols, &mut pi);
    assert_eq!(pi, t.public_input);
    assert_only(&cols, &pi, n - 2, LAST_RC_CONTINUITY);
    assert_rejected(cols, pi);
}

#[test]
fn limb_of_2_pow_16_in_a_window_cell_above_the_segment_fails_the_range_check() {
    // The cells a grown window adds above the range_check segment are free
    // for the prover to choose, but range-checked like the segment's own: a
    // limb of 2^16 (value kept by lowering the next limb) breaks the
    // range-check permutation.
    let t = integers_with_room();
    let (n, rc) = (t.len(), t.public_input.range_check_segment.expect("range_check"));
    assert!(t.public_input.window.stop > rc.stop, "the window grew");
    let (r, j) = (0..n - 1)
        .filter(|&r| t.columns[RC_A][r] == Felt::from_u64(rc.stop))
        .flat_map(|r| (0..NUM_RC_LIMBS - 1).map(move |j| (r, j)))
        .find(|&(r, j)| t.columns[RC_LIMBS + j + 1][r] != Felt::ZERO)
        .expect("the first extra cell has a non-zero limb");
    let mut cols = t.columns.clone();
    cols[RC_LIMBS + j][r] += Felt::from_u64(1 << 16);
    cols[RC_LIMBS + j + 1][r] -= Felt::ONE;
    assert_only(&cols, &t.public_input, n - 1, RANGE_PERMUTATION);
    assert_rejected(cols, t.public_input.clone());
}

#[test]
fn range_check_cell_of_2_pow_128_has_no_valid_limbs() {
    // A synthetic program with the range_check builtin stores X in its range
    // check segment. With X = 2^128 - 1 it is an honest run; X = 2^128 is
    // refused by the honest trace builder, and a malicious prover has to
    // split 2^128 into limbs, one of which is ≥ 2^16.
    let program = |x: Felt| {
        let mut p = Prog::new(2);
        let imm = p.op_imm(asm::push_imm(), x) + 1;
        p.op(asm::store_at_fp_ptr(-3));
        p.op(asm::push_fp(-4));
        p.op_imm(asm::push_fp_plus_imm(-3), Felt::ONE);
        p.op(asm::ret());
        (p, imm)
    };
    let two_128 = Felt::from_u128(u128::MAX) + Felt::ONE;
    let (p, _) = program(two_128);
    match build_trace(&execute(&p, Felt::ZERO)) {
        Err(TraceError::Unprovable(msg)) => assert!(msg.contains("2^128"), "{msg}"),
        other => panic!("the honest builder must refuse 2^128: {:?}", other.map(|_| ())),
    }

    let (p, imm) = program(Felt::from_u128(u128::MAX));
    let t = synthetic_trace(&p);
    checker::check(&t.columns, &t.public_input, RAND).expect("2^128 - 1 is a valid range-checked value");
    let n = t.len();
    let rc_cell = t.public_input.window.begin;
    let pushed = t.columns[DST_ADDR][row_at_pc(&t, imm - 1)];
    let (mut cols, mut pi) = (t.columns.clone(), t.public_input.clone());
    // 2^128 = (2^16) + Σ_{j=1..7} (2^16 - 1)·2^(16j): one limb is 2^16, the others stay 2^16 - 1.
    let mut limbs = [Felt::from_u64(0xffff); 8];
    limbs[0] = Felt::from_u64(1 << 16);
    assert_eq!((0..8).rev().fold(Felt::ZERO, |acc, j| acc * Felt::from_u64(1 << 16) + limbs[j]), two_128);
    pi.program[imm as usize - 1] = two_128;
    set_cell(&mut cols, imm, two_128, None);
    set_cell(&mut cols, u(pushed), two_128, None);
    set_cell(&mut cols, rc_cell, two_128, Some(limbs));
    for r in 0..n {
        refresh_derived(&mut cols, r);
    }
    resort(&mut cols, &mut pi);
    assert_eq!(pi.rc_max, u16::MAX);
    assert_only(&cols, &pi, n - 2, LAST_RC_CONTINUITY);
    assert_rejected(cols, pi);
}

#[test]
fn offset_above_the_claimed_rc_max_fails_range_check_continuity() {
    // fib's largest range-check entry is an instruction offset (ê = 2^15 + 2);
    // the prover claims rc_max one lower and puts that value in the dead row
    // (to satisfy s0[n-1] = rc_max): the sorted column must step down into it.
    let t = fib();
    let n = t.len();
    let max = t.public_input.rc_max;
    let offsets_max = (0..n - 1).flat_map(|r| [OFF_DST, OFF_OP0, OFF_OP1].map(|c| u(t.columns[c][r]))).max().unwrap();
    assert_eq!(offsets_max, max as u64, "rc_max is reached by an offset");
    let mut pi = t.public_input.clone();
    pi.rc_max = max - 1;
    let mut cols = t.columns.clone();
    for i in 0..RC_SLOTS {
        cols[SORTED_RC + i][n - 1] = fu(pi.rc_max as u64);
    }
    assert_only(&cols, &pi, n - 2, LAST_RC_CONTINUITY);
    assert_rejected(cols, pi);

    // Without the dead-row adjustment, the assertion itself fails.
    let v = first_violation(&t.columns, &PublicInput { rc_max: max - 1, ..t.public_input.clone() });
    assert_eq!((v.row, v.constraint.as_str()), (n - 1, "s0[n-1] = rc_max"));
}

// ================================================================================================
// §6.2 — boundaries and the shape of the execution
// ================================================================================================

#[test]
fn changed_initial_registers_fail_the_boundary_assertions() {
    let t = fib();
    for (col, name) in [(FP, "fp[0] = ap_init"), (AP, "ap[0] = ap_init")] {
        let mut cols = t.columns.clone();
        cols[col][0] += Felt::ONE;
        let v = first_violation(&cols, &t.public_input);
        assert_eq!((v.row, v.constraint.as_str()), (0, name));
        assert_rejected(cols, t.public_input.clone());
    }
}

#[test]
fn execution_stopping_one_step_early_fails_the_final_assertions() {
    // The last row claims the state before main's final `ret` instead of the
    // `jmp rel 0` loop.
    let t = fib();
    let n = t.len();
    let before_ret = t.steps - 2;
    assert_eq!(t.columns[INST][before_ret], asm::ret());
    let mut cols = t.columns.clone();
    for c in [PC, AP, FP] {
        cols[c][n - 1] = cols[c][before_ret];
    }
    let v = first_violation(&cols, &t.public_input);
    assert_eq!((v.row, v.constraint.as_str()), (n - 1, "pc[n-1] = pc_final"));
    assert!(checker::violated_main(&cols, n - 2).contains(&"P4 pc update"));
    assert_rejected(cols, t.public_input.clone());
}

#[test]
fn fake_padding_row_in_the_middle_fails_the_transitions() {
    // A `jmp rel 0` row (pc 5, final registers) inserted after an executed
    // row r; the CPU part of later rows shifts down by one, the last padding
    // row falls into the dead row. The memory and range-check multisets of
    // rows 0..n-2 are unchanged (the inserted row repeats a padding row).
    let t = fib();
    let n = t.len();
    let r = find_row(t, |row| row[flag(F_AP_ADD1)] == Felt::ONE && row[flag(F_ASSERT_EQ)] == Felt::ONE);
    let mut cols = t.columns.clone();
    for c in 0..MX_A {
        let fake = t.columns[c][n - 1];
        cols[c].insert(r + 1, fake);
        cols[c].truncate(n);
    }
    assert_eq!(
        failures(&cols, &t.public_input).iter().map(|(row, _)| *row).collect::<std::collections::BTreeSet<_>>(),
        [r, r + 1].into()
    );
    let v = first_violation(&cols, &t.public_input);
    assert_eq!((v.row, v.constraint.as_str()), (r, "P4 pc update"));
    assert!(checker::violated_main(&cols, r + 1).contains(&"P4 pc update"), "the loop cannot leave pc 5");
    assert_rejected(cols, t.public_input.clone());
}

// ================================================================================================
// §6.3 — an honest proof, a tampered file
// ================================================================================================

#[test]
fn honest_proofs_verify_deterministically_and_round_trip() {
    let bytes = fib_proof();
    let t = fib();
    let hash = proof::program_hash(&t.public_input);
    let v = verify_no_panic(bytes, Some(&hash), DEFAULT_SECURITY_BITS).expect("the honest proof verifies");
    assert_eq!(v.output, t.public_input.output);
    assert!(v.security_bits >= DEFAULT_SECURITY_BITS);
    let v = verify_no_panic(integers_proof(), None, CHEAP_BITS).expect("the honest integers proof verifies");
    assert_eq!(v.output, integers().public_input.output);

    // §6.1: the same trace proved twice gives the same bytes.
    let again = proof::prove(t.clone(), Params::for_security(DEFAULT_SECURITY_BITS), DEFAULT_SECURITY_BITS).unwrap().0;
    assert!(again == *bytes, "proving the same trace twice gave different proofs");

    // parse → re-serialize gives the file back.
    let (header, stark) = proof::parse(bytes).unwrap();
    let json = serde_json::to_vec(&header).unwrap();
    let mut rebuilt = MAGIC.to_vec();
    rebuilt.extend_from_slice(&(json.len() as u32).to_le_bytes());
    rebuilt.extend_from_slice(&json);
    rebuilt.extend_from_slice(&stark.to_bytes());
    assert!(rebuilt == *bytes, "parse and re-serialize changed the proof file");
    // Control for the §6.3 edits: re-encoding the header the way the tests
    // edit it (JSON keys reordered) keeps the proof valid.
    let unedited = edit_pi(bytes, |_| {});
    assert!(unedited != *bytes, "the edit path re-encodes the header");
    verify_no_panic(&unedited, Some(&hash), DEFAULT_SECURITY_BITS).expect("an unedited, re-encoded proof verifies");
}

#[test]
fn changed_output_is_rejected() {
    let bytes = fib_proof();
    let cases: Vec<(&str, Box<dyn Fn(&mut PublicInput)>)> = vec![
        ("an output value + 1", Box::new(|pi| pi.output[1] += Felt::ONE)),
        (
            "the output length + 1",
            Box::new(|pi| {
                pi.output.push(Felt::ZERO);
                pi.output_segment.stop += 1;
            }),
        ),
        (
            "the output length - 1",
            Box::new(|pi| {
                pi.output.pop();
                pi.output_segment.stop -= 1;
            }),
        ),
        (
            "the output segment shifted by one",
            Box::new(|pi| {
                pi.output_segment.begin += 1;
                pi.output_segment.stop += 1;
            }),
        ),
    ];
    for (what, edit) in cases {
        assert_invalid(verify_no_panic(&edit_pi(bytes, edit), None, DEFAULT_SECURITY_BITS), what);
    }
    // Shifted down, the first output cell lands on the final stack cell
    // (ap_final − 1 holds the output pointer), inside the execution
    // segment: refused before the STARK.
    let r = verify_no_panic(
        &edit_pi(bytes, |pi| {
            pi.output_segment.begin -= 1;
            pi.output_segment.stop -= 1;
        }),
        None,
        DEFAULT_SECURITY_BITS,
    );
    assert!(matches!(&r, Err(VerifyError::PublicInput(PublicInputError::SegmentOrder(_)))), "{r:?}");
    // The output length disagreeing with its segment is caught before the STARK.
    let r = verify_no_panic(&edit_pi(bytes, |pi| pi.output.push(Felt::ONE)), None, DEFAULT_SECURITY_BITS);
    assert_bad_public_input(r, "output longer than its segment");
}

#[test]
fn changed_program_and_wrong_expected_hash_are_rejected() {
    let bytes = fib_proof();
    let pi = &fib().public_input;
    let hash = proof::program_hash(pi);
    // One word of main changed (an immediate or an instruction).
    for addr in [8usize, 20, pi.program.len()] {
        let edited = edit_pi(bytes, |pi| pi.program[addr - 1] += Felt::ONE);
        assert_invalid(verify_no_panic(&edited, None, DEFAULT_SECURITY_BITS), "a program word changed");
        match verify_no_panic(&edited, Some(&hash), DEFAULT_SECURITY_BITS) {
            Err(VerifyError::ProgramHash { .. }) => {}
            other => panic!("expected a program-hash mismatch, got {other:?}"),
        }
    }
    // The final `jmp rel 0` changed: refused by the public-input checks.
    assert_bad_public_input(
        verify_no_panic(&edit_pi(bytes, |pi| pi.program[4] += Felt::ONE), None, DEFAULT_SECURITY_BITS),
        "the final loop changed",
    );
    // Another program swapped in (with its own ap_init so that the shape checks pass).
    let other = integers().public_input.program.clone();
    let swapped = edit_pi(bytes, |pi| {
        pi.program = other.clone();
        pi.ap_init = other.len() as u64 + 3;
        pi.ap_final = pi.ap_init + 10;
    });
    let r = verify_no_panic(&swapped, None, DEFAULT_SECURITY_BITS);
    assert!(matches!(r, Err(VerifyError::Invalid(_)) | Err(VerifyError::PublicInput(_))), "{r:?}");
    // The honest proof against a wrong expected hash.
    let wrong = hash + Felt::ONE;
    match verify_no_panic(bytes, Some(&wrong), DEFAULT_SECURITY_BITS) {
        Err(VerifyError::ProgramHash { got, want }) => {
            assert_eq!(got, proof::hex(&hash));
            assert_eq!(want, proof::hex(&wrong));
        }
        other => panic!("expected a program-hash mismatch, got {other:?}"),
    }
}

#[test]
fn changed_range_check_bounds_and_window_are_rejected() {
    let fib_bytes = fib_proof();
    type Edit = Box<dyn Fn(&mut PublicInput)>;
    let stark_cases: Vec<(&str, Edit)> = vec![
        ("rc_min + 1", Box::new(|pi| pi.rc_min += 1)),
        ("rc_max - 1", Box::new(|pi| pi.rc_max -= 1)),
        ("rc_max + 1", Box::new(|pi| pi.rc_max += 1)),
    ];
    for (what, edit) in stark_cases {
        assert_invalid(verify_no_panic(&edit_pi(fib_bytes, edit), None, DEFAULT_SECURITY_BITS), what);
    }
    // fib has no range_check: its window is fixed to [1, 2).
    let r = verify_no_panic(&edit_pi(fib_bytes, |pi| pi.window.stop += 1), None, DEFAULT_SECURITY_BITS);
    assert_bad_public_input(r, "window of a program without range_check");

    let int_bytes = integers_proof();
    let int_cases: Vec<(&str, Edit)> = vec![
        ("rc_min + 1", Box::new(|pi| pi.rc_min += 1)),
        ("rc_max - 1", Box::new(|pi| pi.rc_max -= 1)),
        (
            "window and segment stop + 1",
            Box::new(|pi| {
                pi.window.stop += 1;
                pi.range_check_segment.as_mut().unwrap().stop += 1;
            }),
        ),
        (
            "window and segment stop - 1",
            Box::new(|pi| {
                pi.window.stop -= 1;
                pi.range_check_segment.as_mut().unwrap().stop -= 1;
            }),
        ),
        (
            "window and segment begin + 1",
            Box::new(|pi| {
                pi.window.begin += 1;
                pi.range_check_segment.as_mut().unwrap().begin += 1;
            }),
        ),
    ];
    for (what, edit) in int_cases {
        assert_invalid(verify_no_panic(&edit_pi(int_bytes, edit), None, CHEAP_BITS), what);
    }
    let r = verify_no_panic(&edit_pi(int_bytes, |pi| pi.window.begin += 1), None, CHEAP_BITS);
    assert_bad_public_input(r, "window disagreeing with the range_check segment");
    // The window may extend above the segment (trace.rs `extend_window`), never
    // stop short of it: the segment's last cell would go unchecked.
    let short = edit_pi(int_bytes, |pi| pi.window.stop = pi.range_check_segment.unwrap().stop - 1);
    assert_bad_public_input(verify_no_panic(&short, None, CHEAP_BITS), "window stopping inside the segment");
    let far = edit_pi(int_bytes, |pi| pi.window.stop = u64::MAX);
    assert_bad_public_input(verify_no_panic(&far, None, CHEAP_BITS), "window stopping past every address");
    // One cell more than the proof walked: allowed by the public-input
    // rules, refused by the STARK (rc_a[n-2] = w_hi - 1).
    let r = verify_no_panic(&edit_pi(int_bytes, |pi| pi.window.stop += 1), None, CHEAP_BITS);
    assert_invalid(r, "window one cell longer than the walk");
}

#[test]
fn changed_builtin_segments_are_rejected() {
    let int_bytes = integers_proof();
    type Edit = Box<dyn Fn(&mut PublicInput)>;
    let cases: Vec<(&str, Edit)> = vec![(
        "range_check stop + 1 (window kept consistent)",
        Box::new(|pi| {
            let s = pi.range_check_segment.as_mut().unwrap();
            s.stop += 1;
            pi.window = PublicInput::window_for(pi.range_check_segment);
        }),
    )];
    for (what, edit) in cases {
        assert_invalid(verify_no_panic(&edit_pi(int_bytes, edit), None, CHEAP_BITS), what);
    }
    // Relabelling the builtins no longer reaches the STARK: the entry code
    // fixes their number (forged_builtins.rs proves such relabelled traces).
    let bad: Vec<(&str, Edit)> = vec![
        (
            // the integers run's range-check segment starts where the output
            // ends: one lower, it overlaps the output
            "range_check begin - 1 (window kept consistent)",
            Box::new(|pi| {
                let s = pi.range_check_segment.as_mut().unwrap();
                s.begin -= 1;
                pi.window = PublicInput::window_for(pi.range_check_segment);
            }),
        ),
        (
            "range_check dropped from the builtins",
            Box::new(|pi| {
                pi.builtins = vec![Builtin::Output];
                pi.range_check_segment = None;
                pi.window = PublicInput::window_for(None);
            }),
        ),
        (
            // the output ends where the range-check segment starts: shifted
            // up, it overlaps it
            "output begin and stop + 1 (output shifted)",
            Box::new(|pi| {
                pi.output_segment.begin += 1;
                pi.output_segment.stop += 1;
            }),
        ),
        ("builtins without their segment", Box::new(|pi| pi.builtins = vec![Builtin::Output])),
        ("a builtin cairn does not support", Box::new(|pi| pi.builtins.push(Builtin::RangeCheck))),
        (
            "a segment starting at address 0",
            Box::new(|pi| {
                pi.output_segment.stop -= pi.output_segment.begin;
                pi.output_segment.begin = 0;
            }),
        ),
        (
            "begin > stop",
            Box::new(|pi| {
                let s = pi.range_check_segment.as_mut().unwrap();
                s.stop = s.begin - 1;
                pi.window = PublicInput::window_for(pi.range_check_segment);
            }),
        ),
    ];
    for (what, edit) in bad {
        let r = verify_no_panic(&edit_pi(int_bytes, edit), None, CHEAP_BITS);
        assert!(matches!(r, Err(VerifyError::PublicInput(_)) | Err(VerifyError::Corrupt(_))), "{what}: {r:?}");
    }
}

#[test]
fn changed_registers_are_rejected() {
    let bytes = fib_proof();
    for (what, edit) in [
        ("ap_final - 1", Box::new(|pi: &mut PublicInput| pi.ap_final -= 1) as Box<dyn Fn(&mut PublicInput)>),
        ("ap_final - 2", Box::new(|pi: &mut PublicInput| pi.ap_final -= 2)),
    ] {
        assert_invalid(verify_no_panic(&edit_pi(bytes, edit), None, DEFAULT_SECURITY_BITS), what);
    }
    for (what, edit) in [
        ("pc_init = 2", Box::new(|pi: &mut PublicInput| pi.pc_init = 2) as Box<dyn Fn(&mut PublicInput)>),
        ("pc_final = 6", Box::new(|pi: &mut PublicInput| pi.pc_final = 6)),
        ("ap_init + 1", Box::new(|pi: &mut PublicInput| pi.ap_init += 1)),
        ("ap_final below the builtin pointers", Box::new(|pi: &mut PublicInput| pi.ap_final = pi.ap_init)),
        // fib's output segment starts at ap_final: one higher, the final stack
        // cell (ap_final − 1) becomes the first output cell, listed twice in P.
        ("ap_final + 1", Box::new(|pi: &mut PublicInput| pi.ap_final += 1)),
    ] {
        assert_bad_public_input(verify_no_panic(&edit_pi(bytes, edit), None, DEFAULT_SECURITY_BITS), what);
    }
}

#[test]
fn security_below_the_requested_level_is_rejected() {
    let bytes = fib_proof();
    let got = verify_no_panic(bytes, None, DEFAULT_SECURITY_BITS).unwrap().security_bits;
    match verify_no_panic(bytes, None, 128) {
        Err(VerifyError::Security { got: g, want: 128 }) => assert_eq!(g, got),
        other => panic!("expected a security error, got {other:?}"),
    }
    match verify_no_panic(integers_proof(), None, DEFAULT_SECURITY_BITS) {
        Err(VerifyError::Security { got, want }) => assert!(got < want),
        other => panic!("expected a security error, got {other:?}"),
    }
    // Claiming more security in the header does not help: the verifier
    // computes it from the proof's own parameters (or refuses the header).
    let (mut h, stark) = split(bytes);
    h["security_bits"] = serde_json::json!(200);
    match verify_no_panic(&join(&h, &stark), None, 128) {
        Err(VerifyError::Security { got: g, .. }) => assert_eq!(g, got),
        Err(VerifyError::Corrupt(_)) => {}
        other => panic!("expected a security error, got {other:?}"),
    }
}

#[test]
fn truncated_proofs_are_rejected() {
    let bytes = fib_proof();
    let h = header_len(bytes);
    let len = bytes.len();
    for cut in [0, 1, 7, 8, 11] {
        assert!(matches!(verify_no_panic(&bytes[..cut], None, 0), Err(VerifyError::NotAProof)), "cut at {cut}");
    }
    for cut in [12, 13, 12 + h / 2, 12 + h - 1] {
        assert!(matches!(verify_no_panic(&bytes[..cut], None, 0), Err(VerifyError::Corrupt(_))), "cut at {cut}");
    }
    for cut in [12 + h, 12 + h + 1, 12 + h + 100, (12 + h + len) / 2, len - 100, len - 1] {
        let r = verify_no_panic(&bytes[..cut], None, 0);
        assert!(
            matches!(r, Err(VerifyError::Corrupt(_) | VerifyError::Malformed(_) | VerifyError::Invalid(_))),
            "cut at {cut}: {r:?}"
        );
    }
}

#[test]
fn bit_flips_are_rejected() {
    let bytes = fib_proof();
    let h = header_len(bytes);
    let len = bytes.len();
    let mut accepted = Vec::new();
    // Bits 0 and 7 of bytes spread over the length field, the header (every
    // 29th byte) and the Winterfell proof (every 997th byte, plus its first
    // and last bytes). Bit 0 changes a hex digit's value or breaks the JSON;
    // bit 7 makes the header invalid UTF-8.
    let header_positions = (8..12 + h).step_by(29).chain([8, 9, 10, 11]);
    let stark_positions = (12 + h..len).step_by(997).chain([12 + h + 1, len - 2, len - 1]);
    for pos in header_positions.chain(stark_positions) {
        for bit in [0u8, 7] {
            let mut b = bytes.clone();
            b[pos] ^= 1 << bit;
            if verify_no_panic(&b, None, 0).is_ok() {
                let what = if (12..12 + h).contains(&pos) {
                    let before = String::from_utf8_lossy(&bytes[pos.saturating_sub(30).max(12)..pos]).into_owned();
                    let after = String::from_utf8_lossy(&bytes[pos + 1..(pos + 10).min(12 + h)]).into_owned();
                    format!("header byte {pos} bit {bit}: …{before}[{}→{}]{after}…", bytes[pos] as char, b[pos] as char)
                } else {
                    format!("byte {pos} bit {bit} (outside the JSON header)")
                };
                accepted.push(what);
            }
        }
    }
    assert!(accepted.is_empty(), "bit flips accepted:\n{}", accepted.join("\n"));
}

#[test]
fn header_fields_disagreeing_with_the_proof_are_rejected() {
    // The header repeats facts the verifier derives itself (program hash,
    // parameters, security, trace length). A file whose header disagrees with
    // its proof has been tampered with and must not verify — even though the
    // values `verify` returns are recomputed, tools that show the header would
    // display the forged ones. Likewise a key the format does not define
    // (here: `range_check_segment` renamed by a one-bit flip, which serde reads
    // as an absent optional field, i.e. `null`).
    let bytes = fib_proof();
    let mut accepted = Vec::new();
    let edits: Vec<(&str, Box<dyn Fn(&mut serde_json::Value)>)> = vec![
        ("program_hash", Box::new(|h| h["program_hash"] = serde_json::json!("0x1234"))),
        ("security_bits", Box::new(|h| h["security_bits"] = serde_json::json!(200))),
        ("trace_length", Box::new(|h| h["trace_length"] = serde_json::json!(1024))),
        ("params.num_queries", Box::new(|h| h["params"]["num_queries"] = serde_json::json!(99))),
        ("params.blowup_factor", Box::new(|h| h["params"]["blowup_factor"] = serde_json::json!(64))),
        (
            "an unknown key in public_input",
            Box::new(|h| {
                let pi = h["public_input"].as_object_mut().unwrap();
                let v = pi.remove("range_check_segment").unwrap();
                pi.insert("range_check_segmenu".into(), v);
            }),
        ),
    ];
    for (what, edit) in edits {
        let (mut h, stark) = split(bytes);
        edit(&mut h);
        if verify_no_panic(&join(&h, &stark), None, 0).is_ok() {
            accepted.push(what);
        }
    }
    assert!(accepted.is_empty(), "verify accepts a proof file whose header was changed: {accepted:?}");
}

#[test]
fn bad_magic_and_empty_files_are_rejected() {
    let bytes = fib_proof();
    assert!(matches!(verify_no_panic(&[], None, 0), Err(VerifyError::NotAProof)));
    let mut b = bytes.clone();
    b[0] ^= 1;
    assert!(matches!(verify_no_panic(&b, None, 0), Err(VerifyError::NotAProof)));
    let mut b = bytes.clone();
    b[..8].copy_from_slice(b"CAIRNPRG");
    assert!(matches!(verify_no_panic(&b, None, 0), Err(VerifyError::NotAProof)));
    // A header length pointing past the end of the file.
    let mut b = bytes.clone();
    b[8..12].copy_from_slice(&u32::MAX.to_le_bytes());
    assert!(matches!(verify_no_panic(&b, None, 0), Err(VerifyError::Corrupt(_))));
    // Format version, AIR and hash names.
    for (field, value) in [
        ("format_version", serde_json::json!(2)),
        ("air", serde_json::json!("stone-small")),
        ("air_version", serde_json::json!(99)),
        ("hash", serde_json::json!("sha3-256")),
    ] {
        let (mut h, stark) = split(bytes);
        h[field] = value;
        let r = verify_no_panic(&join(&h, &stark), None, 0);
        assert!(matches!(r, Err(VerifyError::Version(_)) | Err(VerifyError::OtherAir(_))), "{field}: {r:?}");
    }
}

#[test]
fn every_public_input_field_is_bound_by_the_proof() {
    // There is no public-input field that no constraint touches: each one
    // either fixes an assertion, enters the public memory P (Π_pub), or is
    // tied to the others by the verifier's checks. Perturb each field in
    // a way those checks still accept where possible: Fiat–Shamir
    // (`to_elements`) sees every perturbation, and verify rejects it.
    let bytes = integers_proof();
    let base = integers().public_input.clone();
    type Edit = Box<dyn Fn(&mut PublicInput)>;
    let edits: Vec<(&str, Edit)> = vec![
        ("program", Box::new(|pi| pi.program[10] += Felt::ONE)),
        ("pc_init", Box::new(|pi| pi.pc_init += 1)),
        ("pc_final", Box::new(|pi| pi.pc_final += 1)),
        ("ap_init", Box::new(|pi| pi.ap_init += 1)),
        ("ap_final", Box::new(|pi| pi.ap_final += 1)),
        ("builtins", Box::new(|pi| pi.builtins.reverse())),
        ("output_segment", Box::new(|pi| pi.output_segment.begin += 1)),
        ("range_check_segment", Box::new(|pi| pi.range_check_segment.as_mut().unwrap().begin += 1)),
        ("output", Box::new(|pi| pi.output[0] += Felt::ONE)),
        ("rc_min", Box::new(|pi| pi.rc_min += 1)),
        ("rc_max", Box::new(|pi| pi.rc_max -= 1)),
        ("window", Box::new(|pi| pi.window.begin += 1)),
    ];
    for (what, edit) in edits {
        let mut pi = base.clone();
        edit(&mut pi);
        assert_ne!(pi.to_elements(), base.to_elements(), "{what} is not absorbed by Fiat–Shamir");
        let r = verify_no_panic(&edit_pi(bytes, edit), None, CHEAP_BITS);
        assert!(matches!(r, Err(VerifyError::Invalid(_)) | Err(VerifyError::PublicInput(_))), "{what}: {r:?}");
    }
}
