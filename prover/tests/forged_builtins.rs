//! Relabelled runs (issue 11): an honest execution committed with a public
//! input that claims other builtins or another segment layout. Each forged
//! trace satisfies the AIR for its false public input, so the STARK alone
//! accepts its proof (asserted: that is what makes these forgeries real);
//! `verify` must reject every one, naming the public-input check that stops
//! it — the entry code pinned word for word for the claimed builtin count,
//! the canonical builtin list, segments in canonical order and disjoint.

use cairn_prover::field::Felt;
use cairn_prover::proof::{self, Params, VerifyError, DEFAULT_SECURITY_BITS};
use cairn_prover::prover::AuxForgery;
use cairn_prover::public_input::{Builtin, PublicInput, PublicInputError};
use cairn_prover::testing::{forgery, stark_accepts};
use cairn_prover::trace::CairoTrace;

/// Cheap parameters: a malicious proof's acceptance or rejection by the
/// STARK does not depend on the number of queries (see support/tamper.rs).
const CHEAP: Params = Params {
    num_queries: 8,
    blowup_factor: 2,
    grinding_factor: 0,
    fri_folding_factor: 8,
    fri_remainder_max_degree: 31,
};

fn prove_forged(pi: PublicInput, columns: Vec<Vec<Felt>>, params: Params) -> Vec<u8> {
    proof::prove_unchecked(columns, pi, params, AuxForgery::Honest).expect("the malicious prover proves anything")
}

/// The forged statement passes the STARK, and `verify` rejects it with the
/// public-input error `expected` picks out.
fn assert_stopped_by_public_input(t: CairoTrace, what: &str, expected: impl Fn(&PublicInputError) -> bool) {
    let bytes = prove_forged(t.public_input.clone(), t.columns, CHEAP);
    stark_accepts(&bytes).unwrap_or_else(|e| panic!("{what}: the STARK itself rejects the forgery ({e})"));
    match proof::verify_allowing_weak_security(&bytes, None, 1) {
        Err(VerifyError::PublicInput(e)) if expected(&e) => eprintln!("{what}: rejected: {e}"),
        other => panic!("{what}: expected the public-input check to reject the forgery, got {other:?}"),
    }
}

#[test]
fn range_check_dropped_forgery_of_p_minus_one_is_rejected() {
    // The audit's end-to-end forgery, at the default security level.
    let t = forgery::range_check_dropped();
    let pi = t.public_input.clone();
    assert_eq!(pi.builtins, vec![Builtin::Output]);
    assert_eq!(pi.output.last(), Some(&Felt::MINUS_ONE), "the forged output ends in p - 1");
    assert_eq!(pi.output.first(), Some(&Felt::from_u64(42)));
    let hash = proof::program_hash(&pi);
    let bytes = prove_forged(pi, t.columns, Params::for_security(DEFAULT_SECURITY_BITS));
    stark_accepts(&bytes).expect("the STARK accepts the relabelled run: only the public-input check can stop it");
    for expected in [None, Some(&hash)] {
        match proof::verify(&bytes, expected, DEFAULT_SECURITY_BITS) {
            Err(VerifyError::PublicInput(PublicInputError::EntryCode { address: 2, k: 1, found, expected })) => {
                assert_eq!((found, expected), (Felt::from_u64(2), Felt::from_u64(1)));
            }
            other => panic!("expected the entry-code check to reject the forgery, got {other:?}"),
        }
    }
}

#[test]
fn range_check_added_to_a_one_builtin_program_is_rejected() {
    let t = forgery::range_check_added();
    assert_eq!(t.public_input.builtins, vec![Builtin::Output, Builtin::RangeCheck]);
    assert_stopped_by_public_input(t, "range_check added", |e| {
        matches!(e, PublicInputError::EntryCode { address: 2, k: 2, .. })
    });
}

#[test]
fn reordered_builtins_are_rejected() {
    // The builtin list out of cairo-vm's order...
    let t = forgery::builtins_listed_in_reverse();
    assert_eq!(t.public_input.builtins, vec![Builtin::RangeCheck, Builtin::Output]);
    assert_stopped_by_public_input(t, "builtins listed range_check first", |e| {
        matches!(e, PublicInputError::Builtins(_))
    });
    // ...and the segments laid out in the other order under a canonical list.
    let t = forgery::segments_reordered();
    let (out, rc) = (t.public_input.output_segment, t.public_input.range_check_segment.unwrap());
    assert!(rc.stop <= out.begin, "the range-check segment lies before the output");
    assert_stopped_by_public_input(t, "range_check segment before the output segment", |e| {
        matches!(e, PublicInputError::SegmentOrder(_))
    });
}

#[test]
fn overlapping_segments_are_rejected() {
    let t = forgery::output_over_the_program();
    assert!(t.public_input.output_segment.begin as usize <= t.public_input.program.len());
    assert_eq!(t.public_input.output, vec![Felt::from_u64(42)]);
    assert_stopped_by_public_input(t, "output over a program word", |e| matches!(e, PublicInputError::SegmentOrder(_)));

    let t = forgery::range_check_over_the_output();
    assert_eq!(t.public_input.range_check_segment.unwrap().begin, t.public_input.output_segment.begin);
    assert_stopped_by_public_input(t, "range_check over the output", |e| {
        matches!(e, PublicInputError::SegmentOrder(_))
    });
}
