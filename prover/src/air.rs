//! The Cairo AIR as a Winterfell 0.13 `Air` (cairo-air.md §2).

use winterfell::math::{ExtensionOf, FieldElement};
use winterfell::{
    Air, AirContext, Assertion, AuxRandElements, EvaluationFrame, ProofOptions, TraceInfo, TransitionConstraintDegree,
};

use crate::constraints::{evaluate_aux, evaluate_main, main_degrees};
use crate::field::Felt;
use crate::layout::*;
use crate::public_input::PublicInput;

pub struct CairoAir {
    context: AirContext<Felt>,
    pi: PublicInput,
}

/// Number of main and auxiliary boundary assertions.
pub const NUM_MAIN_ASSERTIONS: usize = 11;
pub const NUM_AUX_ASSERTIONS: usize = 4;

/// Whether a proof's trace shape is this AIR's (checked before building the
/// context, so a malformed proof cannot reach Winterfell's internal asserts).
pub fn shape_is_valid(info: &TraceInfo) -> bool {
    info.main_trace_width() == MAIN_WIDTH
        && info.aux_segment_width() == AUX_WIDTH
        && info.get_num_aux_segment_rand_elements() == NUM_RAND
        && info.length() >= 8
}

/// The AIR's Winterfell context for a trace shape and options. Winterfell
/// asserts on shapes and options it cannot handle: callers pass only this
/// AIR's shape ([`shape_is_valid`]) and validated options
/// ([`crate::params::Params::validate`]).
pub fn air_context(trace_info: TraceInfo, options: ProofOptions) -> AirContext<Felt> {
    let main: Vec<TransitionConstraintDegree> =
        main_degrees().into_iter().map(TransitionConstraintDegree::new).collect();
    let aux = vec![TransitionConstraintDegree::new(3); NUM_AUX_CONSTRAINTS];
    AirContext::new_multi_segment(trace_info, main, aux, NUM_MAIN_ASSERTIONS, NUM_AUX_ASSERTIONS, options)
}

impl Air for CairoAir {
    type BaseField = Felt;
    type PublicInputs = PublicInput;

    fn new(trace_info: TraceInfo, pi: PublicInput, options: ProofOptions) -> Self {
        CairoAir { context: air_context(trace_info, options), pi }
    }

    fn context(&self) -> &AirContext<Felt> {
        &self.context
    }

    fn evaluate_transition<E: FieldElement<BaseField = Felt>>(
        &self,
        frame: &EvaluationFrame<E>,
        _periodic_values: &[E],
        result: &mut [E],
    ) {
        evaluate_main(frame.current(), frame.next(), result);
    }

    fn evaluate_aux_transition<F, E>(
        &self,
        main_frame: &EvaluationFrame<F>,
        aux_frame: &EvaluationFrame<E>,
        _periodic_values: &[F],
        aux_rand_elements: &AuxRandElements<E>,
        result: &mut [E],
    ) where
        F: FieldElement<BaseField = Felt>,
        E: FieldElement<BaseField = Felt> + ExtensionOf<F>,
    {
        // The main row lifted into E, on the stack (once per domain point).
        let mut main = [E::ZERO; MAIN_WIDTH];
        for (m, &v) in main.iter_mut().zip(main_frame.current()) {
            *m = E::from(v);
        }
        evaluate_aux(&main, aux_frame.current(), aux_frame.next(), aux_rand_elements.rand_elements(), result);
    }

    fn get_assertions(&self) -> Vec<Assertion<Felt>> {
        let n = self.trace_length();
        let f = |v: u64| Felt::from_u128(v as u128);
        let pi = &self.pi;
        vec![
            Assertion::single(PC, 0, f(pi.pc_init)),
            Assertion::single(AP, 0, f(pi.ap_init)),
            Assertion::single(FP, 0, f(pi.ap_init)),
            Assertion::single(PC, n - 1, f(pi.pc_final)),
            Assertion::single(AP, n - 1, f(pi.ap_final)),
            Assertion::single(FP, n - 1, f(pi.ap_init)),
            Assertion::single(SORTED_A, 0, Felt::ONE),
            Assertion::single(SORTED_RC, 0, f(pi.rc_min as u64)),
            Assertion::single(SORTED_RC, n - 1, f(pi.rc_max as u64)),
            Assertion::single(RC_A, 0, f(pi.window.begin)),
            Assertion::single(RC_A, n - 2, f(pi.window.stop - 1)),
        ]
    }

    fn get_aux_assertions<E: FieldElement<BaseField = Felt>>(&self, rand: &AuxRandElements<E>) -> Vec<Assertion<E>> {
        let n = self.trace_length();
        let r = rand.rand_elements();
        let pub_product = self.pi.public_memory_product(r[0], r[1]);
        vec![
            Assertion::single(PHI, 0, E::ONE),
            Assertion::single(PHI, n - 1, pub_product),
            Assertion::single(PSI, 0, E::ONE),
            Assertion::single(PSI, n - 1, E::ONE),
        ]
    }
}
