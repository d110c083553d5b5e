//! The tamper cases the issue-11 audit found missing from the suite
//! (cairo-air.md §6.2): the range-check analogue of pinning the product's
//! end, the range-check builtin's address walk, an entry below the claimed
//! rc_min, the last row's fp alone, memory accesses at address 0, and a jnz
//! that jumps although its dst is 0. For each, the independent checker names
//! the constraint or assertion that fails, and `verify` rejects the proof a
//! malicious prover builds from the tampered trace.

// Traces are column-major: forging a row means indexing several columns by
// the same row.
#![allow(clippy::needless_range_loop)]

mod support;

use cairn_prover::checker;
use cairn_prover::field::Felt;
use cairn_prover::layout::*;
use cairn_prover::prover::AuxForgery;
use cairn_prover::public_input::PublicInput;
use cairn_prover::testing::synthetic::*;
use cairn_prover::trace::{build_aux, CairoTrace};
use support::tamper::*;
use winterfell::math::FieldElement;

/// The first violation is `name` at `row` (other constraints may fail later).
fn assert_first(cols: &[Vec<Felt>], pi: &PublicInput, row: usize, name: &str) {
    let v = first_violation(cols, pi);
    assert_eq!((v.row, v.constraint.as_str()), (row, name), "first violation");
}

// ------------------------------------------------------------------------------------------------
// Range-check permutation
// ------------------------------------------------------------------------------------------------

#[test]
fn range_check_product_pinned_to_one_fails_its_start_assertion() {
    // The analogue of pitfall 2 for the range check: a filler holds a value
    // the sorted column lacks, so the range-check products end ≠ 1; the
    // prover rescales them so that Ψ0[n-1] = 1. Transitions and the final
    // assertion then hold; only Ψ0[0] = 1 does not.
    let t = fib();
    let n = t.len();
    let r = 1;
    let mut cols = t.columns.clone();
    let old = cols[RCH][r];
    cols[RCH][r] = if old == fu(t.public_input.rc_min as u64) { old + Felt::ONE } else { old - Felt::ONE };
    assert_only(&cols, &t.public_input, n - 1, RANGE_PERMUTATION);

    let mut aux = build_aux::<Felt, _>(&cols, &RAND);
    let factor = aux[PSI][n - 1].inv();
    assert_ne!(factor, Felt::ONE);
    for c in &mut aux[PSI..PSI + NUM_PSI] {
        for v in c.iter_mut() {
            *v *= factor;
        }
    }
    assert_eq!(aux[PSI][n - 1], Felt::ONE, "the forged products end at 1");
    let v = checker::check_with_aux(&cols, &aux, &t.public_input, RAND).unwrap_err();
    assert_eq!((v.row, v.constraint.as_str()), (0, "Ψ0[0] = 1"));
    assert_rejected_with(cols, t.public_input.clone(), AuxForgery::PinRangeProductEnd);
}

#[test]
fn entry_below_the_claimed_rc_min_fails_its_assertion() {
    // fib's range-check entries reach 0 (limbs of the checked program word);
    // the prover claims rc_min = 1.
    let t = fib();
    let n = t.len();
    assert_eq!(t.public_input.rc_min, 0);
    let pi = PublicInput { rc_min: 1, ..t.public_input.clone() };
    // With the sorted column as it is, it starts below the claim.
    assert_first(&t.columns, &pi, 0, "s0[0] = rc_min");
    assert_rejected(t.columns.clone(), pi.clone());
    // Sorted entries of 0 raised to 1 so that the column starts at the
    // claim: the sorted side no longer matches the entries.
    let mut cols = t.columns.clone();
    for r in 0..n {
        for i in 0..RC_SLOTS {
            if cols[SORTED_RC + i][r] == Felt::ZERO {
                cols[SORTED_RC + i][r] = Felt::ONE;
            }
        }
    }
    assert_only(&cols, &pi, n - 1, RANGE_PERMUTATION);
    assert_rejected(cols, pi);
}

// ------------------------------------------------------------------------------------------------
// The range-check builtin's address walk
// ------------------------------------------------------------------------------------------------

/// A run whose range-check window has `cells` cells (allocated, unwritten:
/// they read 0).
fn window_run(cells: u64) -> CairoTrace {
    let mut p = Prog::new(2);
    p.op(asm::push_fp(-4));
    p.op_imm(asm::push_fp_plus_imm(-3), fu(cells));
    p.op(asm::ret());
    synthetic_trace_fixed_window(&p)
}

#[test]
fn range_check_walk_skipping_a_cell_fails_b1() {
    let t = window_run(5);
    let w = t.public_input.window;
    assert_eq!(w.stop - w.begin, 5);
    let mut cols = t.columns.clone();
    // rows 0, 1, 2, 3, 4 check w, w+1, w+2, w+3, w+4: row 2 jumps to w+3
    assert_eq!(cols[RC_A][2], fu(w.begin + 2));
    cols[RC_A][2] = fu(w.begin + 3);
    assert_first(&cols, &t.public_input, 1, "B1 range-check address walk");
    assert_rejected(cols, t.public_input.clone());
}

#[test]
fn range_check_walk_stopping_early_fails_the_final_address_assertion() {
    let t = window_run(5);
    let (w, n) = (t.public_input.window, t.len());
    let mut cols = t.columns.clone();
    for r in 4..n {
        cols[RC_A][r] = fu(w.stop - 2);
    }
    assert_first(&cols, &t.public_input, n - 2, "rc_a[n-2] = w_hi - 1");
    assert_rejected(cols, t.public_input.clone());
}

#[test]
fn range_check_cell_only_in_the_dead_last_row_fails_the_final_address_assertion() {
    // The last window cell is visited only by row n-1, whose slots are in
    // no permutation: the assertion sits on row n-2 for this reason.
    let t = window_run(5);
    let (w, n) = (t.public_input.window, t.len());
    let mut cols = t.columns.clone();
    for r in 4..n - 1 {
        cols[RC_A][r] = fu(w.stop - 2);
    }
    assert_eq!(cols[RC_A][n - 1], fu(w.stop - 1));
    assert!(
        !checker::violated_main(&cols, n - 2).contains(&"B1 range-check address walk"),
        "a step of 1 is a legal walk"
    );
    assert_first(&cols, &t.public_input, n - 2, "rc_a[n-2] = w_hi - 1");
    assert_rejected(cols, t.public_input.clone());
}

// ------------------------------------------------------------------------------------------------
// Registers
// ------------------------------------------------------------------------------------------------

#[test]
fn last_row_fp_alone_fails_its_assertion_and_the_fp_update() {
    let t = fib();
    let n = t.len();
    let mut cols = t.columns.clone();
    cols[FP][n - 1] += Felt::ONE;
    assert_first(&cols, &t.public_input, n - 1, "fp[n-1] = ap_init");
    assert!(checker::violated_main(&cols, n - 2).contains(&"R2 fp update"), "the transition into it fails too");
    assert_rejected(cols, t.public_input.clone());
}

#[test]
fn jnz_taken_although_dst_is_zero_fails_p3() {
    // main: [ap] = 0; jnz over `[ap] = 43` if [ap - 1] != 0. Honestly the
    // jump is not taken; the malicious run takes it.
    let program = |jumps_on_zero: bool| {
        let mut p = Prog::new(1);
        write_42(&mut p);
        p.op_imm(asm::push_imm(), Felt::ZERO);
        let jnz = p.op_imm(asm::jnz_rel_last(), Felt::ZERO);
        p.op_imm(asm::push_imm(), fu(43));
        let after = p.here();
        p.set(jnz + 1, fu(after - jnz));
        return_output(&mut p);
        p.jnz_jumps_on_zero = jumps_on_zero;
        (p, jnz)
    };
    let (honest, _) = program(false);
    let h = synthetic_trace(&honest);
    checker::check(&h.columns, &h.public_input, RAND).expect("the honest run satisfies the AIR");

    let (p, jnz) = program(true);
    let t = synthetic_trace(&p);
    assert_eq!(t.steps + 1, h.steps, "the forged run skipped one instruction");
    let r = row_at_pc(&t, jnz);
    assert_eq!((t.columns[DST][r], t.columns[PC][r + 1]), (Felt::ZERO, fu(jnz + 4)));
    assert_only(&t.columns, &t.public_input, r, "P3 pc regular/jnz-not-taken");
    assert_rejected(t.columns.clone(), t.public_input.clone());
}

// ------------------------------------------------------------------------------------------------
// Memory at address 0
// ------------------------------------------------------------------------------------------------

/// A row after the public-memory dummies and the hole fillers: its free
/// slot holds a duplicate of its own instruction fetch.
fn duplicate_slot_row(t: &CairoTrace) -> usize {
    (0..t.len() - 1)
        .find(|&r| t.columns[MX_A][r] == t.columns[PC][r] && t.columns[MX_V][r] == t.columns[INST][r])
        .expect("a row whose free slot is a duplicate")
}

#[test]
fn access_to_address_zero_with_a_nonzero_value_is_rejected() {
    let t = fib();
    let n = t.len();
    let r = duplicate_slot_row(t);
    let mut cols = t.columns.clone();
    cols[MX_A][r] = Felt::ZERO;
    cols[MX_V][r] = fu(5);
    // With the sorted side as it was, the permutation fails...
    assert_only(&cols, &t.public_input, n - 1, MEMORY_PERMUTATION);
    assert_rejected(cols.clone(), t.public_input.clone());
    // ...and re-sorted, (0, 5) opens the sorted addresses at 0.
    let mut pi = t.public_input.clone();
    resort(&mut cols, &mut pi);
    assert_eq!(pi, t.public_input);
    assert_first(&cols, &pi, 0, "a*0[0] = 1");
    assert_rejected(cols, pi);
}

#[test]
fn public_memory_dummy_beyond_the_public_cells_fails_the_memory_argument() {
    // |P| + 1 slots hold (0,0): one more than the public cells they stand for.
    let t = fib();
    let n = t.len();
    let dummies = (0..n - 1).filter(|&r| t.columns[MX_A][r] == Felt::ZERO && t.columns[MX_V][r] == Felt::ZERO).count();
    assert_eq!(dummies, t.public_input.public_memory().len());
    let r = duplicate_slot_row(t);
    let mut cols = t.columns.clone();
    cols[MX_A][r] = Felt::ZERO;
    cols[MX_V][r] = Felt::ZERO;
    assert_only(&cols, &t.public_input, n - 1, MEMORY_PERMUTATION);
    assert_rejected(cols, t.public_input.clone());
}
