//! An independent constraint checker: evaluates every transition constraint
//! and boundary assertion of the AIR on a concrete trace, in any build
//! profile (Winterfell validates traces only in debug builds), and names the
//! first violation. Used by the tests, including the tamper tests.

use crate::constraints::{evaluate_aux, evaluate_main, AUX_NAMES, MAIN_NAMES};
use crate::field::Felt;
use crate::layout::*;
use crate::public_input::PublicInput;
use crate::trace::build_aux;

/// The first violated constraint or assertion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub constraint: String,
    /// Row of the violation (for transitions: the current row).
    pub row: usize,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} fails at row {}", self.constraint, self.row)
    }
}

fn row(cols: &[Vec<Felt>], r: usize) -> Vec<Felt> {
    cols.iter().map(|c| c[r]).collect()
}

/// Checks the main trace against the AIR and the public input; `rand` are the
/// auxiliary challenges to check the auxiliary segment with (any values work
/// for an honest trace; the tests pass fixed ones). The auxiliary segment is
/// built the honest way from the main trace.
pub fn check(main: &[Vec<Felt>], pi: &PublicInput, rand: [Felt; 3]) -> Result<(), Violation> {
    let aux = build_aux::<Felt, _>(main, &rand);
    check_with_aux(main, &aux, pi, rand)
}

/// Like [`check`], with a given auxiliary segment (to test tampered ones).
pub fn check_with_aux(
    main: &[Vec<Felt>],
    aux: &[Vec<Felt>],
    pi: &PublicInput,
    rand: [Felt; 3],
) -> Result<(), Violation> {
    let n = main[0].len();
    let fail = |name: &str, r: usize| Err(Violation { constraint: name.to_string(), row: r });
    if let Err(e) = pi.validate() {
        return Err(Violation { constraint: format!("public input: {e}"), row: 0 });
    }
    // Boundary assertions (same list as CairoAir::get_assertions).
    let f = |v: u64| Felt::from_u128(v as u128);
    let assertions = [
        ("pc[0] = pc_init", PC, 0, f(pi.pc_init)),
        ("ap[0] = ap_init", AP, 0, f(pi.ap_init)),
        ("fp[0] = ap_init", FP, 0, f(pi.ap_init)),
        ("pc[n-1] = pc_final", PC, n - 1, f(pi.pc_final)),
        ("ap[n-1] = ap_final", AP, n - 1, f(pi.ap_final)),
        ("fp[n-1] = ap_init", FP, n - 1, f(pi.ap_init)),
        ("a*0[0] = 1", SORTED_A, 0, Felt::ONE),
        ("s0[0] = rc_min", SORTED_RC, 0, f(pi.rc_min as u64)),
        ("s0[n-1] = rc_max", SORTED_RC, n - 1, f(pi.rc_max as u64)),
        ("rc_a[0] = w_lo", RC_A, 0, f(pi.window.begin)),
        ("rc_a[n-2] = w_hi - 1", RC_A, n - 2, f(pi.window.stop - 1)),
    ];
    for (name, col, r, v) in assertions {
        if main[col][r] != v {
            return fail(name, r);
        }
    }
    // Main transitions on every row but the last.
    let mut out = vec![Felt::ZERO; NUM_MAIN_CONSTRAINTS];
    for r in 0..n - 1 {
        evaluate_main(&row(main, r), &row(main, r + 1), &mut out);
        if let Some(i) = out.iter().position(|v| *v != Felt::ZERO) {
            return fail(MAIN_NAMES[i], r);
        }
    }
    // Auxiliary segment: transitions and assertions.
    let mut out = vec![Felt::ZERO; NUM_AUX_CONSTRAINTS];
    for r in 0..n - 1 {
        evaluate_aux(&row(main, r), &row(aux, r), &row(aux, r + 1), &rand, &mut out);
        if let Some(i) = out.iter().position(|v| *v != Felt::ZERO) {
            return fail(AUX_NAMES[i], r);
        }
    }
    if aux[PHI][0] != Felt::ONE {
        return fail("Φ0[0] = 1", 0);
    }
    if aux[PHI][n - 1] != pi.public_memory_product(rand[0], rand[1]) {
        return fail("Φ0[n-1] = Π_pub (memory permutation)", n - 1);
    }
    if aux[PSI][0] != Felt::ONE {
        return fail("Ψ0[0] = 1", 0);
    }
    if aux[PSI][n - 1] != Felt::ONE {
        return fail("Ψ0[n-1] = 1 (range-check permutation)", n - 1);
    }
    Ok(())
}

/// Every main constraint violated on the transition `r` → `r + 1` (tests use
/// it to show that a targeted constraint catches a tampered row even when
/// another one fails first).
pub fn violated_main(main: &[Vec<Felt>], r: usize) -> Vec<&'static str> {
    let n = main[0].len();
    let mut out = vec![Felt::ZERO; NUM_MAIN_CONSTRAINTS];
    evaluate_main(&row(main, r), &row(main, (r + 1) % n), &mut out);
    out.iter().zip(MAIN_NAMES).filter(|(v, _)| **v != Felt::ZERO).map(|(_, name)| name).collect()
}
