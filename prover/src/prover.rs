//! The Winterfell `Prover` for the Cairo AIR.

use winterfell::crypto::{DefaultRandomCoin, MerkleTree};
use winterfell::math::FieldElement;
use winterfell::matrix::ColMatrix;
use winterfell::{
    AuxRandElements, CompositionPoly, CompositionPolyTrace, ConstraintCompositionCoefficients,
    DefaultConstraintEvaluator, EvaluationFrame, PartitionOptions, ProofOptions, Prover, StarkDomain, Trace, TraceInfo,
    TracePolyTable,
};

use crate::air::CairoAir;
use crate::field::Felt;
use crate::layout::*;
use crate::lde::{SegmentedConstraintCommitment, SegmentedLde};
use crate::public_input::PublicInput;
use crate::trace::{build_aux, CairoTrace};
use crate::HashFn;

/// A trace in Winterfell's form.
pub struct WinterTrace {
    info: TraceInfo,
    main: ColMatrix<Felt>,
    pub public_input: PublicInput,
}

impl WinterTrace {
    pub fn new(trace: CairoTrace) -> Self {
        Self::from_columns(trace.columns, trace.public_input)
    }

    /// A trace from raw columns (tests use it to commit tampered traces).
    pub fn from_columns(columns: Vec<Vec<Felt>>, public_input: PublicInput) -> Self {
        let n = columns[0].len();
        let info = TraceInfo::new_multi_segment(MAIN_WIDTH, AUX_WIDTH, NUM_RAND, n, Vec::new());
        WinterTrace { info, main: ColMatrix::new(columns), public_input }
    }
}

impl Trace for WinterTrace {
    type BaseField = Felt;

    fn info(&self) -> &TraceInfo {
        &self.info
    }

    fn main_segment(&self) -> &ColMatrix<Felt> {
        &self.main
    }

    fn read_main_frame(&self, row_idx: usize, frame: &mut EvaluationFrame<Felt>) {
        let next = (row_idx + 1) % self.info.length();
        self.main.read_row_into(row_idx, frame.current_mut());
        self.main.read_row_into(next, frame.next_mut());
    }
}

pub struct CairoProver {
    options: ProofOptions,
    #[cfg(any(test, feature = "test-utils"))]
    forgery: AuxForgery,
}

/// How the auxiliary segment is built. Only [`AuxForgery::Honest`] yields
/// valid proofs; the other variants exist so that tests can play a malicious
/// prover and check that `verify` rejects its proofs (cairo-air.md §6.2).
/// Behind the `test-utils` feature.
#[cfg(any(test, feature = "test-utils"))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AuxForgery {
    #[default]
    Honest,
    /// Scale the memory products so that the final one equals Π_pub whatever
    /// the trace holds — pitfall 2: only the assertion Φ0[0] = 1 stops it.
    PinMemoryProductEnd,
    /// The range-check analogue: scale the range-check products so that the
    /// final one is 1 whatever the trace holds; only Ψ0[0] = 1 stops it.
    PinRangeProductEnd,
}

impl CairoProver {
    pub fn new(options: ProofOptions) -> Self {
        CairoProver {
            options,
            #[cfg(any(test, feature = "test-utils"))]
            forgery: AuxForgery::Honest,
        }
    }

    #[cfg(any(test, feature = "test-utils"))]
    pub fn malicious(options: ProofOptions, forgery: AuxForgery) -> Self {
        CairoProver { options, forgery }
    }
}

impl Prover for CairoProver {
    type BaseField = Felt;
    type Air = CairoAir;
    type Trace = WinterTrace;
    type HashFn = HashFn;
    type VC = MerkleTree<HashFn>;
    type RandomCoin = DefaultRandomCoin<HashFn>;
    type TraceLde<E: FieldElement<BaseField = Felt>> = SegmentedLde<E, HashFn, Self::VC>;
    type ConstraintCommitment<E: FieldElement<BaseField = Felt>> = SegmentedConstraintCommitment<E, HashFn, Self::VC>;
    type ConstraintEvaluator<'a, E: FieldElement<BaseField = Felt>> = DefaultConstraintEvaluator<'a, CairoAir, E>;

    fn get_pub_inputs(&self, trace: &WinterTrace) -> PublicInput {
        trace.public_input.clone()
    }

    fn options(&self) -> &ProofOptions {
        &self.options
    }

    fn new_trace_lde<E: FieldElement<BaseField = Felt>>(
        &self,
        trace_info: &TraceInfo,
        main_trace: &ColMatrix<Felt>,
        domain: &StarkDomain<Felt>,
        partition_options: PartitionOptions,
    ) -> (Self::TraceLde<E>, TracePolyTable<E>) {
        SegmentedLde::new(trace_info, main_trace, domain, partition_options)
    }

    fn new_evaluator<'a, E: FieldElement<BaseField = Felt>>(
        &self,
        air: &'a CairoAir,
        aux_rand_elements: Option<AuxRandElements<E>>,
        composition_coefficients: ConstraintCompositionCoefficients<E>,
    ) -> Self::ConstraintEvaluator<'a, E> {
        DefaultConstraintEvaluator::new(air, aux_rand_elements, composition_coefficients)
    }

    fn build_constraint_commitment<E: FieldElement<BaseField = Felt>>(
        &self,
        composition_poly_trace: CompositionPolyTrace<E>,
        num_constraint_composition_columns: usize,
        domain: &StarkDomain<Felt>,
        partition_options: PartitionOptions,
    ) -> (Self::ConstraintCommitment<E>, CompositionPoly<E>) {
        SegmentedConstraintCommitment::new(
            composition_poly_trace,
            num_constraint_composition_columns,
            domain,
            partition_options,
        )
    }

    fn build_aux_trace<E: FieldElement<BaseField = Felt>>(
        &self,
        main_trace: &WinterTrace,
        aux_rand_elements: &AuxRandElements<E>,
    ) -> ColMatrix<E> {
        // The columns are read where they are: a copy would be a second main trace.
        let main: Vec<&[Felt]> = (0..MAIN_WIDTH).map(|c| main_trace.main.get_column(c)).collect();
        let rand = aux_rand_elements.rand_elements();
        #[cfg_attr(not(any(test, feature = "test-utils")), allow(unused_mut))]
        let mut aux = build_aux(&main, rand);
        #[cfg(any(test, feature = "test-utils"))]
        forge_aux(self.forgery, &mut aux, &main_trace.public_input, rand);
        ColMatrix::new(aux)
    }
}

/// Rescales one group of running products so that its final value is the one
/// the verifier's assertion expects, whatever the trace holds (a malicious
/// prover's move; the start assertions Φ0[0] = Ψ0[0] = 1 must stop it).
#[cfg(any(test, feature = "test-utils"))]
fn forge_aux<E: FieldElement<BaseField = Felt>>(forgery: AuxForgery, aux: &mut [Vec<E>], pi: &PublicInput, rand: &[E]) {
    let n = aux[0].len();
    let (first, count, target) = match forgery {
        AuxForgery::Honest => return,
        AuxForgery::PinMemoryProductEnd => (PHI, NUM_PHI, pi.public_memory_product(rand[0], rand[1])),
        AuxForgery::PinRangeProductEnd => (PSI, NUM_PSI, E::ONE),
    };
    let factor = target / aux[first][n - 1];
    for col in &mut aux[first..first + count] {
        for v in col.iter_mut() {
            *v *= factor;
        }
    }
}
