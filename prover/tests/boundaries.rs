//! cairo-air.md §6.1 item 11: honest traces at the edges of the trace-length
//! rule (§2.8). n is the smallest power of two with n ≥ T, n − 1 ≥ |P| + H,
//! n − 1 ≥ ⌈G / k_rch⌉ and n − 1 ≥ window length; the last row is the "dead"
//! row, so a requirement of exactly n − 1 fills every usable row. Each case
//! proves and verifies right at the edge and one past it (where n doubles).

use cairn_prover::checker;
use cairn_prover::field::Felt;
use cairn_prover::proof::{self, Params, DEFAULT_SECURITY_BITS};
use cairn_prover::testing::synthetic::*;
use cairn_prover::trace::CairoTrace;

const RAND: [Felt; 3] = [Felt::from_u64(0x5eed_0001), Felt::from_u64(0x5eed_0002), Felt::from_u64(0x5eed_0003)];

/// The honest trace satisfies the AIR, and its proof verifies with the
/// output it was built with.
fn proves_and_verifies(t: CairoTrace, what: &str) {
    checker::check(&t.columns, &t.public_input, RAND).unwrap_or_else(|v| panic!("{what}: {v:?}"));
    let output = t.public_input.output.clone();
    let params = Params::for_security(DEFAULT_SECURITY_BITS);
    let (bytes, _) = proof::prove(t, params, DEFAULT_SECURITY_BITS).unwrap_or_else(|e| panic!("{what}: {e}"));
    let v = proof::verify(&bytes, None, DEFAULT_SECURITY_BITS).unwrap_or_else(|e| panic!("{what}: {e}"));
    assert_eq!(v.output, output, "{what}");
}

/// T = n: the run has exactly n steps and nothing else needs more rows, so
/// the trace is the run itself (its final `jmp rel 0` in the dead row) with
/// no padding row. One more step doubles n. (2^16 rows: the loop has no
/// range_check builtin, so its window is a program word whose limbs leave
/// 32,763 gaps, which the one filler per row fills only from 2^15 rows on.)
#[test]
fn a_run_of_exactly_n_steps_fills_the_trace() {
    let n: usize = 1 << 16;
    let rounds = (n as u64 - 8) / 2;
    let t = synthetic_trace(&counting_loop(rounds, false));
    assert_eq!(t.public_input.output, vec![fu(42)]);
    assert_eq!((t.steps, t.len()), (n, n), "T = n: no padding row");
    let past = synthetic_trace(&counting_loop(rounds, true));
    assert_eq!((past.steps, past.len()), (n + 1, 2 * n), "T = n + 1 needs 2n rows");
    checker::check(&past.columns, &past.public_input, RAND).expect("one step past the edge");
    proves_and_verifies(t, "T = n");
}

/// The output-writing program with `extra` data words after `main`'s `ret`:
/// never executed, but program words are public memory, so each adds one to |P|.
fn program_with_data(extra: u64) -> Prog {
    let mut p = Prog::new(1);
    write_42(&mut p);
    return_output(&mut p);
    for i in 0..extra {
        p.words.push(fu(1_000 + i));
    }
    p
}

/// |P| + H = n − 1: grow |P| one word at a time (T, the window and the
/// range-check gaps stay fixed) until n doubles; the last length before the
/// doubling has exactly n − 1 public cells and holes.
#[test]
fn public_memory_and_holes_filling_every_usable_row() {
    let trace = |extra: u64| synthetic_trace(&program_with_data(extra));
    let base = trace(0);
    let n = base.len();
    assert!(base.steps < n);
    // n(extra) never decreases; with n data words |P| alone exceeds n - 1.
    // Bisect for the last length that still fits n rows.
    let (mut fits, mut doubles) = (0u64, n as u64);
    assert!(trace(doubles).len() > n);
    while doubles - fits > 1 {
        let mid = (fits + doubles) / 2;
        if trace(mid).len() > n {
            doubles = mid;
        } else {
            fits = mid;
        }
    }
    let (edge, past) = (trace(fits), trace(fits + 1));
    assert_eq!((edge.len(), past.len()), (n, 2 * n));
    // Only |P| changed between the two, by one cell: T, the window and the
    // range-check values are the same, so |P| + H went from n - 1 to n.
    assert_eq!((edge.steps, edge.public_input.window), (base.steps, base.public_input.window));
    assert_eq!((past.steps, past.public_input.window), (base.steps, base.public_input.window));
    assert_eq!(past.public_input.public_memory().len(), edge.public_input.public_memory().len() + 1);
    assert_eq!(
        (edge.public_input.rc_min, edge.public_input.rc_max),
        (past.public_input.rc_min, past.public_input.rc_max)
    );
    eprintln!("|P| + H = n - 1 = {} with {fits} data words; one more word doubles n", n - 1);
    proves_and_verifies(edge, "|P| + H = n - 1");
    proves_and_verifies(past, "|P| + H = n");
}

/// `main` takes the output and range-check pointers and returns them, the
/// range-check one advanced by `cells`: allocated, unwritten cells that read
/// 0 (as cairo-vm's relocated memory has them), all inside the window.
fn program_with_window(cells: u64) -> Prog {
    let mut p = Prog::new(2);
    p.op(asm::push_fp(-4));
    p.op_imm(asm::push_fp_plus_imm(-3), fu(cells));
    p.op(asm::ret());
    p
}

/// Window length = n − 1: the address walk rc_a covers every usable row and
/// reaches w_hi − 1 exactly at row n − 2.
#[test]
fn a_range_check_window_of_n_minus_one_cells() {
    let small = synthetic_trace_fixed_window(&program_with_window(1));
    let n = small.len();
    assert!(n >= 8 && small.steps < n);
    let edge = synthetic_trace_fixed_window(&program_with_window(n as u64 - 1));
    let w = edge.public_input.window;
    assert_eq!((w.stop - w.begin) as usize, n - 1, "the window is n - 1 cells");
    assert_eq!(edge.len(), n, "n - 1 window cells still fit n rows");
    let past = synthetic_trace_fixed_window(&program_with_window(n as u64));
    assert_eq!(past.len(), 2 * n, "n window cells need 2n rows");
    eprintln!("window of n - 1 = {} cells in {n} rows; one more cell doubles n", n - 1);
    proves_and_verifies(edge, "window = n - 1");
    proves_and_verifies(past, "window = n");
}
