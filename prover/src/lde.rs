//! The trace's low-degree extension, kept in the segments it is computed in.
//!
//! Winterfell's `DefaultTraceLde` evaluates the trace polynomials in segments
//! of eight columns (each segment row-major: `[Felt; 8]` per LDE row, the last
//! one padded with zero columns) and then transposes all segments into one
//! row-major matrix. While it transposes, the segments and the matrix are
//! both alive: two full copies of the largest thing the prover holds (at 2^20
//! rows, blowup 4 and 76 main columns, 9.5 GiB each). [`SegmentedLde`] keeps
//! the segments, a few columns each, and reads a row by gathering its
//! pieces, so the extension exists once; [`SegmentedConstraintCommitment`]
//! does the same for the constraint composition's columns.
//!
//! Everything else is what Winterfell's defaults do, in the same order and
//! with the same functions (`build_segments`, the same row hashing and
//! partitions, the same vector commitment): the commitments, queries and so
//! the proofs are byte-identical, which `tests::same_as_winterfell` checks.

use std::marker::PhantomData;

use winter_prover::proof::Queries;
use winter_prover::ConstraintCommitment;
#[cfg(feature = "concurrent")]
use winter_utils::rayon::prelude::*;
use winterfell::crypto::{ElementHasher, VectorCommitment};
use winterfell::math::FieldElement;
use winterfell::matrix::{build_segments, get_evaluation_offsets, ColMatrix};
use winterfell::{
    CompositionPoly, CompositionPolyTrace, EvaluationFrame, PartitionOptions, StarkDomain, TraceInfo, TraceLde,
    TracePolyTable,
};

use tracing::info_span;

#[cfg(target_arch = "x86_64")]
use crate::field::ifma;
use crate::field::Felt;
use crate::layout::{AUX_WIDTH, MAIN_WIDTH};
use winterfell::math::fft;

/// Columns per segment, for each extension. Winterfell uses 8 for all and
/// pads the last segment with zero columns, which are extended and stored
/// like the others. The widths here divide the segments' own widths (the
/// main trace's 68 columns, the auxiliary 9, the composition's 2 at every
/// blowup cairn uses), so nothing padded is extended: width 4 for the main
/// trace measured as fast as 8 (docs/prover.md); a width-4 auxiliary segment
/// would extend 12 columns for 9.
const MAIN_SEGMENT_WIDTH: usize = 6;
const AUX_SEGMENT_WIDTH: usize = 3;
const COMPOSITION_SEGMENT_WIDTH: usize = 2;
const _: () = assert!(MAIN_WIDTH.is_multiple_of(MAIN_SEGMENT_WIDTH) && AUX_WIDTH.is_multiple_of(AUX_SEGMENT_WIDTH));

/// Rows hashed per task when committing.
const ROWS_PER_TASK: usize = 1024;

/// Base-field elements of a row up to which reading a row needs no heap
/// allocation (the main trace has 68, the auxiliary 9).
const ROW_ON_STACK: usize = 128;

/// One segment (main or auxiliary) of the extended trace.
struct ExtendedSegment<V, const N: usize> {
    segments: Vec<SegmentRows<N>>,
    /// Base-field elements per row (the last segment may be padded).
    row_elements: usize,
    commitment: V,
}

/// Row `r`'s base-field elements, gathered from the segments into `out`
/// (as many as `out` holds).
fn read_row<const N: usize>(segments: &[SegmentRows<N>], r: usize, out: &mut [Felt]) {
    for (chunk, segment) in out.chunks_mut(N).zip(segments) {
        chunk.copy_from_slice(&segment[r][..chunk.len()]);
    }
}

impl<V, const N: usize> ExtendedSegment<V, N> {
    fn rows(&self) -> usize {
        self.segments[0].len()
    }

    /// Row `r` as elements of `E`, into `out`.
    fn read_row_into<E: FieldElement<BaseField = Felt>>(&self, r: usize, out: &mut [E]) {
        let mut stack = [Felt::ZERO; ROW_ON_STACK];
        let mut heap = Vec::new();
        let base = if self.row_elements <= ROW_ON_STACK {
            &mut stack[..self.row_elements]
        } else {
            heap.resize(self.row_elements, Felt::ZERO);
            &mut heap[..]
        };
        read_row(&self.segments, r, base);
        out.copy_from_slice(E::slice_from_base_elements(base));
    }

    fn row<E: FieldElement<BaseField = Felt>>(&self, r: usize) -> Vec<E> {
        let mut base = vec![Felt::ZERO; self.row_elements];
        read_row(&self.segments, r, &mut base);
        E::slice_from_base_elements(&base).to_vec()
    }
}

/// Interpolates `trace`, extends it over `domain` in segments and commits to
/// its rows: the extended segment and the trace polynomials.
fn extend_and_commit<E, H, V, const N: usize>(
    trace: &ColMatrix<E>,
    domain: &StarkDomain<Felt>,
    partitions: PartitionOptions,
) -> (ExtendedSegment<V, N>, ColMatrix<E>)
where
    E: FieldElement<BaseField = Felt>,
    H: ElementHasher<BaseField = Felt>,
    V: VectorCommitment<H>,
{
    // The span names are Winterfell's, so that `cairn bench --profile` reads
    // the phases the same whichever implementation ran.
    let (polys, segments) = info_span!("extend_execution_trace", num_cols = trace.num_cols()).in_scope(|| {
        let polys = interpolate(trace);
        let segments = extend::<E, N>(&polys, domain);
        (polys, segments)
    });
    let commitment = info_span!("compute_execution_trace_commitment")
        .in_scope(|| commit::<E, H, V, N>(&segments, &polys, partitions));
    (ExtendedSegment { segments, row_elements: polys.num_base_cols(), commitment }, polys)
}

/// `N` columns' evaluations over the LDE domain, row-major, in the domain's order (what
/// Winterfell's `Segment` holds).
type SegmentRows<const N: usize> = Vec<[Felt; N]>;

/// Whether the trace FFTs of `n` rows take the AVX-512 IFMA path (`field/ifma.rs`).
fn vector_fft<E: FieldElement<BaseField = Felt>>(n: usize) -> bool {
    #[cfg(target_arch = "x86_64")]
    return E::EXTENSION_DEGREE == 1 && n >= ifma::MIN_SIZE && ifma::available();
    #[cfg(not(target_arch = "x86_64"))]
    false
}

/// The trace polynomials: Winterfell's `ColMatrix::interpolate_columns`, or, with AVX-512
/// IFMA, each column by the vector FFT (the columns in parallel). The coefficients are the
/// same (exact arithmetic; `field::ifma`'s tests and `tests::same_as_winterfell`).
fn interpolate<E: FieldElement<BaseField = Felt>>(trace: &ColMatrix<E>) -> ColMatrix<E> {
    let n = trace.num_rows();
    if !vector_fft::<E>(n) {
        return trace.interpolate_columns();
    }
    #[cfg(target_arch = "x86_64")]
    {
        let twiddles = ifma::Twiddles::new(n, true);
        let n_inv = Felt::from(n as u64).inv();
        let column = |c: usize| -> Vec<E> {
            let mut values = E::slice_as_base_elements(trace.get_column(c)).to_vec();
            ifma::fft(&mut values, &twiddles);
            values.iter_mut().for_each(|v| *v *= n_inv);
            E::slice_from_base_elements(&values).to_vec()
        };
        #[cfg(feature = "concurrent")]
        let columns = (0..trace.num_cols()).into_par_iter().map(column).collect();
        #[cfg(not(feature = "concurrent"))]
        let columns = (0..trace.num_cols()).map(column).collect();
        ColMatrix::new(columns)
    }
    #[cfg(not(target_arch = "x86_64"))]
    unreachable!("the vector FFT exists only on x86-64")
}

/// Evaluates `polys` over `domain` in segments of `N` columns: Winterfell's
/// `build_segments`, or, with AVX-512 IFMA, one task per segment that evaluates each of its
/// columns on each coset of the trace domain (coefficients times the coset's offsets, the
/// vector FFT) and places the evaluations where Winterfell's permutation puts them: coset
/// c's r-th value at row blowup·r + bitrev(c).
fn extend<E: FieldElement<BaseField = Felt>, const N: usize>(
    polys: &ColMatrix<E>,
    domain: &StarkDomain<Felt>,
) -> Vec<SegmentRows<N>> {
    let n = polys.num_rows();
    let blowup = domain.trace_to_lde_blowup();
    let offsets = get_evaluation_offsets::<E>(n, blowup, domain.offset());
    if !vector_fft::<E>(n) {
        return build_segments::<E, N>(polys, domain.trace_twiddles(), &offsets)
            .into_iter()
            .map(|segment| segment.into_data())
            .collect();
    }
    #[cfg(target_arch = "x86_64")]
    {
        let twiddles = ifma::Twiddles::new(n, false);
        let columns = polys.num_cols();
        let segment = |s: usize| -> SegmentRows<N> {
            let mut rows = vec![[Felt::ZERO; N]; n * blowup];
            let mut values = vec![Felt::ZERO; n];
            let width = N.min(columns - s * N);
            for (i, column) in (s * N..s * N + width).enumerate() {
                let coefficients = E::slice_as_base_elements(polys.get_column(column));
                for (c, coset_offsets) in offsets.chunks_exact(n).enumerate() {
                    for ((v, &a), &o) in values.iter_mut().zip(coefficients).zip(coset_offsets) {
                        *v = a * o;
                    }
                    // bit-reversed: value s is the coset's bitrev(s)-th, which goes to
                    // row blowup·bitrev(s) + bitrev(c) (no separate permutation pass)
                    ifma::fft_bit_reversed(&mut values, &twiddles);
                    let first = fft::permute_index(blowup, c);
                    for (s, &v) in values.iter().enumerate() {
                        rows[blowup * fft::permute_index(n, s) + first][i] = v;
                    }
                }
            }
            rows
        };
        #[cfg(feature = "concurrent")]
        return (0..columns.div_ceil(N)).into_par_iter().map(segment).collect();
        #[cfg(not(feature = "concurrent"))]
        (0..columns.div_ceil(N)).map(segment).collect()
    }
    #[cfg(not(target_arch = "x86_64"))]
    unreachable!("the vector FFT exists only on x86-64")
}

/// Commits to the rows of `polys`' extension `segments`.
fn commit<E, H, V, const N: usize>(segments: &[SegmentRows<N>], polys: &ColMatrix<E>, partitions: PartitionOptions) -> V
where
    E: FieldElement<BaseField = Felt>,
    H: ElementHasher<BaseField = Felt>,
    V: VectorCommitment<H>,
{
    let hashes = hash_rows::<E, H, N>(segments, polys.num_base_cols(), partitions, polys.num_cols());
    V::new(hashes).expect("a vector commitment to the extended rows")
}

/// Each row's hash, as Winterfell's `RowMatrix::commit_to_rows` computes it:
/// the row's elements hashed at once, or with partitions, each partition
/// hashed and the partition hashes merged.
fn hash_rows<E, H, const N: usize>(
    segments: &[SegmentRows<N>],
    row_elements: usize,
    partitions: PartitionOptions,
    columns: usize,
) -> Vec<H::Digest>
where
    E: FieldElement<BaseField = Felt>,
    H: ElementHasher<BaseField = Felt>,
{
    let partition_size = partitions.partition_size::<E>(columns);
    let num_partitions = partitions.num_partitions::<E>(columns);
    let mut hashes = vec![H::Digest::default(); segments[0].len()];
    let hash_batch = |(batch, out): (usize, &mut [H::Digest])| {
        let mut base = vec![Felt::ZERO; row_elements];
        let mut parts = vec![H::Digest::default(); num_partitions];
        for (i, hash) in out.iter_mut().enumerate() {
            read_row(segments, batch * ROWS_PER_TASK + i, &mut base);
            let row = E::slice_from_base_elements(&base);
            *hash = if partition_size == columns {
                H::hash_elements(row)
            } else {
                for (chunk, part) in row.chunks(partition_size).zip(parts.iter_mut()) {
                    *part = H::hash_elements(chunk);
                }
                H::merge_many(&parts)
            };
        }
    };
    #[cfg(feature = "concurrent")]
    hashes.par_chunks_mut(ROWS_PER_TASK).enumerate().for_each(hash_batch);
    #[cfg(not(feature = "concurrent"))]
    hashes.chunks_mut(ROWS_PER_TASK).enumerate().for_each(hash_batch);
    hashes
}

/// The trace's low-degree extension in Winterfell's segments, without the
/// row-major copy (module docs).
pub struct SegmentedLde<E: FieldElement<BaseField = Felt>, H: ElementHasher<BaseField = Felt>, V: VectorCommitment<H>> {
    main: ExtendedSegment<V, MAIN_SEGMENT_WIDTH>,
    aux: Option<ExtendedSegment<V, AUX_SEGMENT_WIDTH>>,
    blowup: usize,
    trace_info: TraceInfo,
    partitions: PartitionOptions,
    _types: PhantomData<(E, H)>,
}

impl<E, H, V> SegmentedLde<E, H, V>
where
    E: FieldElement<BaseField = Felt>,
    H: ElementHasher<BaseField = Felt>,
    V: VectorCommitment<H>,
{
    /// Extends and commits to the main trace; returns the trace polynomials too.
    pub fn new(
        trace_info: &TraceInfo,
        main_trace: &ColMatrix<Felt>,
        domain: &StarkDomain<Felt>,
        partitions: PartitionOptions,
    ) -> (Self, TracePolyTable<E>) {
        let (main, polys) = extend_and_commit::<Felt, H, V, MAIN_SEGMENT_WIDTH>(main_trace, domain, partitions);
        let lde = SegmentedLde {
            main,
            aux: None,
            blowup: domain.trace_to_lde_blowup(),
            trace_info: trace_info.clone(),
            partitions,
            _types: PhantomData,
        };
        (lde, TracePolyTable::new(polys))
    }
}

/// The rows a query position opens, and the opening.
fn queries<E, H, V, const N: usize>(segment: &ExtendedSegment<V, N>, positions: &[usize]) -> Queries
where
    E: FieldElement<BaseField = Felt>,
    H: ElementHasher<BaseField = Felt>,
    V: VectorCommitment<H>,
{
    let rows: Vec<Vec<E>> = positions.iter().map(|&p| segment.row::<E>(p)).collect();
    let (_, opening) = segment.commitment.open_many(positions).expect("an opening of the queried trace rows");
    Queries::new::<H, E, V>(opening, rows)
}

impl<E, H, V> TraceLde<E> for SegmentedLde<E, H, V>
where
    E: FieldElement<BaseField = Felt>,
    H: ElementHasher<BaseField = Felt> + Sync,
    V: VectorCommitment<H> + Sync,
{
    type HashFn = H;
    type VC = V;

    fn get_main_trace_commitment(&self) -> H::Digest {
        self.main.commitment.commitment()
    }

    fn set_aux_trace(&mut self, aux_trace: &ColMatrix<E>, domain: &StarkDomain<Felt>) -> (ColMatrix<E>, H::Digest) {
        assert!(self.aux.is_none(), "the auxiliary trace has already been added");
        let (aux, polys) = extend_and_commit::<E, H, V, AUX_SEGMENT_WIDTH>(aux_trace, domain, self.partitions);
        assert_eq!(aux.rows(), self.main.rows(), "the auxiliary segment must have the main segment's rows");
        let commitment = aux.commitment.commitment();
        self.aux = Some(aux);
        (polys, commitment)
    }

    fn read_main_trace_frame_into(&self, lde_step: usize, frame: &mut EvaluationFrame<Felt>) {
        let next = (lde_step + self.blowup) % self.trace_len();
        read_row(&self.main.segments, lde_step, frame.current_mut());
        read_row(&self.main.segments, next, frame.next_mut());
    }

    fn read_aux_trace_frame_into(&self, lde_step: usize, frame: &mut EvaluationFrame<E>) {
        let aux = self.aux.as_ref().expect("the auxiliary segment is present");
        let next = (lde_step + self.blowup) % self.trace_len();
        aux.read_row_into(lde_step, frame.current_mut());
        aux.read_row_into(next, frame.next_mut());
    }

    fn query(&self, positions: &[usize]) -> Vec<Queries> {
        let mut result = vec![queries::<Felt, H, V, MAIN_SEGMENT_WIDTH>(&self.main, positions)];
        if let Some(aux) = &self.aux {
            result.push(queries::<E, H, V, AUX_SEGMENT_WIDTH>(aux, positions));
        }
        result
    }

    fn trace_len(&self) -> usize {
        self.main.rows()
    }

    fn blowup(&self) -> usize {
        self.blowup
    }

    fn trace_info(&self) -> &TraceInfo {
        &self.trace_info
    }
}

/// The constraint composition polynomial's columns, extended and committed
/// like the trace (and for the same reason: Winterfell's
/// `DefaultConstraintCommitment` stores its 4 columns in a segment of 8).
pub struct SegmentedConstraintCommitment<
    E: FieldElement<BaseField = Felt>,
    H: ElementHasher<BaseField = Felt>,
    V: VectorCommitment<H>,
> {
    evaluations: ExtendedSegment<V, COMPOSITION_SEGMENT_WIDTH>,
    _types: PhantomData<(E, H)>,
}

impl<E, H, V> SegmentedConstraintCommitment<E, H, V>
where
    E: FieldElement<BaseField = Felt>,
    H: ElementHasher<BaseField = Felt>,
    V: VectorCommitment<H>,
{
    /// Splits the composition polynomial into `columns` columns, extends and
    /// commits to them; returns the columns' polynomials too.
    pub fn new(
        composition: CompositionPolyTrace<E>,
        columns: usize,
        domain: &StarkDomain<Felt>,
        partitions: PartitionOptions,
    ) -> (Self, CompositionPoly<E>) {
        let poly = info_span!("build_composition_poly_columns", num_columns = columns)
            .in_scope(|| CompositionPoly::new(composition, domain, columns));
        let segments = info_span!("evaluate_composition_poly_columns")
            .in_scope(|| extend::<E, COMPOSITION_SEGMENT_WIDTH>(poly.data(), domain));
        let commitment = info_span!("compute_constraint_evaluation_commitment")
            .in_scope(|| commit::<E, H, V, COMPOSITION_SEGMENT_WIDTH>(&segments, poly.data(), partitions));
        let evaluations = ExtendedSegment { segments, row_elements: poly.data().num_base_cols(), commitment };
        (SegmentedConstraintCommitment { evaluations, _types: PhantomData }, poly)
    }
}

impl<E, H, V> ConstraintCommitment<E> for SegmentedConstraintCommitment<E, H, V>
where
    E: FieldElement<BaseField = Felt>,
    H: ElementHasher<BaseField = Felt> + Sync,
    V: VectorCommitment<H> + Sync,
{
    type HashFn = H;
    type VC = V;

    fn commitment(&self) -> H::Digest {
        self.evaluations.commitment.commitment()
    }

    fn query(self, positions: &[usize]) -> Queries {
        queries::<E, H, V, COMPOSITION_SEGMENT_WIDTH>(&self.evaluations, positions)
    }
}

#[cfg(test)]
mod tests {
    use winterfell::crypto::MerkleTree;
    use winterfell::math::{fft, StarkField};
    use winterfell::{DefaultConstraintCommitment, DefaultTraceLde, PartitionOptions};

    use super::*;
    use crate::HashFn;

    type Tree = MerkleTree<HashFn>;

    fn columns(width: usize, rows: usize, seed: u64) -> ColMatrix<Felt> {
        let mut x = seed;
        let mut next = move || {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            Felt::from(x >> 11)
        };
        ColMatrix::new((0..width).map(|_| (0..rows).map(|_| next()).collect()).collect())
    }

    /// The same trace through Winterfell's `DefaultTraceLde` and through
    /// The trace's FFTs (the vector path where the CPU has it) give Winterfell's
    /// polynomials and segments, at every blowup cairn uses and sizes where the vector
    /// stages do most of the work.
    #[test]
    fn interpolation_and_extension_equal_winterfells() {
        for (rows, blowup) in [(1 << 10, 2), (1 << 12, 2), (1 << 10, 8)] {
            let trace = columns(13, rows, rows as u64 + blowup as u64);
            let domain = StarkDomain::from_twiddles(fft::get_twiddles::<Felt>(rows), blowup, Felt::GENERATOR);
            let polys = interpolate(&trace);
            let theirs = trace.interpolate_columns();
            for c in 0..trace.num_cols() {
                assert_eq!(polys.get_column(c), theirs.get_column(c), "column {c}, {rows} rows");
            }
            let ours = extend::<Felt, 6>(&polys, &domain);
            let offsets = get_evaluation_offsets::<Felt>(rows, blowup, domain.offset());
            let theirs = build_segments::<Felt, 6>(&theirs, domain.trace_twiddles(), &offsets);
            assert_eq!(ours.len(), theirs.len());
            for (s, (a, b)) in ours.iter().zip(theirs).enumerate() {
                assert!(a[..] == b.into_data()[..], "segment {s}, {rows} rows, blowup {blowup}");
            }
        }
    }

    /// `SegmentedLde` (and a composition through `DefaultConstraintCommitment`
    /// and ours): the same commitments, polynomials, frames at every step and
    /// openings, for widths that fill and that do not fill the last
    /// segment, with and without partitions.
    #[test]
    fn same_as_winterfell() {
        let rows = 64;
        for (main_width, aux_width, partitions) in [
            (MAIN_WIDTH, AUX_WIDTH, PartitionOptions::default()),
            (8, 3, PartitionOptions::default()),
            (19, 5, PartitionOptions::new(3, 4)),
        ] {
            let info = TraceInfo::new_multi_segment(main_width, aux_width, 3, rows, Vec::new());
            let domain = StarkDomain::from_twiddles(fft::get_twiddles::<Felt>(rows), 4, Felt::GENERATOR);
            let main = columns(main_width, rows, 1);
            let aux = columns(aux_width, rows, 2);

            let (mut ours, our_polys) = SegmentedLde::<Felt, HashFn, Tree>::new(&info, &main, &domain, partitions);
            let (mut theirs, their_polys) =
                DefaultTraceLde::<Felt, HashFn, Tree>::new(&info, &main, &domain, partitions);
            assert_eq!(ours.get_main_trace_commitment(), theirs.get_main_trace_commitment());
            assert_eq!(
                our_polys.main_trace_polys().collect::<Vec<_>>(),
                their_polys.main_trace_polys().collect::<Vec<_>>()
            );
            let (our_aux_polys, our_aux) = ours.set_aux_trace(&aux, &domain);
            let (their_aux_polys, their_aux) = theirs.set_aux_trace(&aux, &domain);
            assert_eq!(our_aux, their_aux);
            assert_eq!(our_aux_polys.columns().collect::<Vec<_>>(), their_aux_polys.columns().collect::<Vec<_>>());
            assert_eq!((ours.trace_len(), ours.blowup()), (theirs.trace_len(), theirs.blowup()));

            let (mut a, mut b) = (EvaluationFrame::new(main_width), EvaluationFrame::new(main_width));
            let (mut c, mut d) = (EvaluationFrame::new(aux_width), EvaluationFrame::new(aux_width));
            for step in 0..ours.trace_len() {
                ours.read_main_trace_frame_into(step, &mut a);
                theirs.read_main_trace_frame_into(step, &mut b);
                assert_eq!((a.current(), a.next()), (b.current(), b.next()), "main frame at {step}");
                ours.read_aux_trace_frame_into(step, &mut c);
                theirs.read_aux_trace_frame_into(step, &mut d);
                assert_eq!((c.current(), c.next()), (d.current(), d.next()), "aux frame at {step}");
            }
            let positions = [0, 5, 17, 100, 255];
            assert_eq!(ours.query(&positions), theirs.query(&positions));

            // The constraint composition: 4 columns over the same domain.
            let evaluations = columns(1, domain.ce_domain_size(), 3).get_column(0).to_vec();
            let trace = || CompositionPolyTrace::new(evaluations.clone());
            let (ours, our_poly) =
                SegmentedConstraintCommitment::<Felt, HashFn, Tree>::new(trace(), 4, &domain, partitions);
            let (theirs, their_poly) =
                DefaultConstraintCommitment::<Felt, HashFn, Tree>::new(trace(), 4, &domain, partitions);
            assert_eq!(our_poly.data().columns().collect::<Vec<_>>(), their_poly.data().columns().collect::<Vec<_>>());
            assert_eq!(ours.commitment(), theirs.commitment());
            assert_eq!(ours.query(&positions), theirs.query(&positions));
        }
    }
}
