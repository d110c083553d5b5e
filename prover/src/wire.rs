//! A bounded reader of Winterfell 0.13's STARK proof encoding, run before
//! Winterfell sees a byte of an untrusted proof.
//!
//! Winterfell's deserializers trust the lengths they read: `Vec<u8>::read_from`
//! reserves the length it decodes before checking that the bytes exist (a
//! query-value length of 2^46 aborts the process on allocation failure, which
//! no `catch_unwind` stops), `BatchMerkleProof` reserves its node count, and
//! `ProofOptions::new`, `Queries::parse`, `OodFrame::parse` and the security
//! estimate assert or overflow on values taken from the proof. So `verify`
//! first walks the bytes here against the exact shape of a proof of cairn's
//! AIR — every length checked against the bytes that remain and against the
//! structural maximum before anything is allocated, every value inside the
//! range Winterfell accepts without panicking — and hands them to Winterfell
//! only when the whole walk succeeds.
//!
//! The walk mirrors `Proof::write_into` (winter-air 0.13.1): context (trace
//! info, field modulus, options, constraint count), the number of unique
//! queries, the commitments, per trace segment and for the composition
//! columns a `Queries` (value bytes, then a batch Merkle proof), the
//! out-of-domain frame, the FRI proof (layers, remainder, partitions) and the
//! proof-of-work nonce. It allocates nothing but the small summary it returns.

use thiserror::Error;
use winterfell::{FieldExtension, ProofOptions, TraceInfo};

use crate::air::air_context;
use crate::field::Felt;
use crate::layout::{AUX_WIDTH, MAIN_WIDTH, NUM_RAND};
use crate::params::{Params, ParamsError};
use winterfell::math::StarkField;

/// The longest trace a proof may claim: 2^28 rows (the bundled CNN needs
/// 2^17; a 2^28-row trace of this AIR would take terabytes to prove). Keeps
/// every size derived from the trace length far from overflow.
pub const MAX_LOG_TRACE_LENGTH: u8 = 28;

/// Bytes of a Blake3-256 digest and of an encoded field element.
const DIGEST_BYTES: usize = 32;
const ELEMENT_BYTES: usize = 32;

/// What Winterfell writes for the out-of-domain frame: current and next row.
const OOD_FRAME_ROWS: u8 = 2;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum WireError {
    #[error("the STARK proof ends inside its {what}: {need} bytes needed, {left} left")]
    Truncated { what: &'static str, need: u64, left: usize },
    #[error("the STARK proof's {what} is {found}; a proof of cairn's AIR has {expected}")]
    Unexpected { what: &'static str, found: u64, expected: String },
    #[error("the STARK proof's options are invalid")]
    Options(#[from] ParamsError),
    #[error("{0} bytes after the end of the STARK proof")]
    Trailing(usize),
}

/// What the walk established about a well-formed proof.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StarkShape {
    pub trace_length: usize,
    pub params: Params,
}

fn unexpected(what: &'static str, found: u64, expected: impl ToString) -> WireError {
    WireError::Unexpected { what, found, expected: expected.to_string() }
}

/// A cursor that never reads past its slice.
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn left(&self) -> usize {
        self.bytes.len() - self.pos
    }

    fn take(&mut self, n: u64, what: &'static str) -> Result<&'a [u8], WireError> {
        if n > self.left() as u64 {
            return Err(WireError::Truncated { what, need: n, left: self.left() });
        }
        let n = n as usize;
        let s = &self.bytes[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    fn u8(&mut self, what: &'static str) -> Result<u8, WireError> {
        Ok(self.take(1, what)?[0])
    }

    fn le(&mut self, n: u64, what: &'static str) -> Result<u64, WireError> {
        let s = self.take(n, what)?;
        Ok(s.iter().rev().fold(0u64, |acc, &b| (acc << 8) | b as u64))
    }

    /// winter-utils' variable-length `usize`: the first byte's trailing zeros
    /// give the encoded length (a zero byte means 8 bytes follow).
    fn vint(&mut self, what: &'static str) -> Result<u64, WireError> {
        let first = *self.bytes.get(self.pos).ok_or(WireError::Truncated { what, need: 1, left: 0 })?;
        let len = first.trailing_zeros() as u64 + 1;
        if len == 9 {
            self.take(1, what)?;
            return self.le(8, what);
        }
        Ok(self.le(len, what)? >> len)
    }

    /// A length field that must lie in `range`.
    fn length(
        &mut self,
        encoding: Encoding,
        what: &'static str,
        range: std::ops::RangeInclusive<u64>,
    ) -> Result<u64, WireError> {
        let v = match encoding {
            Encoding::U8 => self.u8(what)? as u64,
            Encoding::U16 => self.le(2, what)?,
            Encoding::U32 => self.le(4, what)?,
            Encoding::Vint => self.vint(what)?,
        };
        if !range.contains(&v) {
            return Err(unexpected(what, v, format!("{}..={}", range.start(), range.end())));
        }
        Ok(v)
    }

    fn expect(&mut self, encoding: Encoding, what: &'static str, want: u64) -> Result<(), WireError> {
        self.length(encoding, what, want..=want).map(|_| ())
    }
}

#[derive(Clone, Copy)]
enum Encoding {
    U8,
    U16,
    U32,
    Vint,
}

/// Checks that `stark` is a well-formed Winterfell proof of cairn's AIR and
/// returns its trace length and options. Never panics and allocates nothing
/// proportional to any length field.
pub fn check(stark: &[u8]) -> Result<StarkShape, WireError> {
    let mut r = Reader { bytes: stark, pos: 0 };

    // --- context: trace info
    r.expect(Encoding::U8, "main trace width", MAIN_WIDTH as u64)?;
    r.expect(Encoding::U8, "auxiliary trace width", AUX_WIDTH as u64)?;
    r.expect(Encoding::U8, "number of auxiliary random elements", NUM_RAND as u64)?;
    let log_n = r.length(Encoding::U8, "log2 of the trace length", 3..=MAX_LOG_TRACE_LENGTH as u64)? as u32;
    r.expect(Encoding::U16, "trace metadata length", 0)?;
    let trace_length = 1usize << log_n;

    // --- context: field modulus
    let modulus = Felt::get_modulus_le_bytes();
    r.expect(Encoding::U8, "field modulus length", modulus.len() as u64)?;
    if r.take(modulus.len() as u64, "field modulus")? != modulus.as_slice() {
        return Err(unexpected("field modulus", 0, "the Stark-252 prime"));
    }

    // --- context: options
    let params = Params {
        num_queries: r.u8("number of queries")? as usize,
        blowup_factor: r.u8("blowup factor")? as usize,
        grinding_factor: r.u8("grinding factor")? as u32,
        fri_folding_factor: 0,
        fri_remainder_max_degree: 0,
    };
    r.expect(Encoding::U8, "field extension", FieldExtension::None as u64)?;
    let params = Params {
        fri_folding_factor: r.u8("FRI folding factor")? as usize,
        fri_remainder_max_degree: r.u8("FRI remainder degree")? as usize,
        ..params
    };
    params.validate()?;
    let options: ProofOptions = params.options();
    r.expect(Encoding::U8, "constraint batching method", options.constraint_batching_method() as u64)?;
    r.expect(Encoding::U8, "DEEP batching method", options.deep_poly_batching_method() as u64)?;
    // `Params::options` keeps Winterfell's default partitioning: one
    // partition, hash rate 1 (a unit test pins this).
    r.expect(Encoding::U8, "number of partitions", 1)?;
    r.expect(Encoding::U8, "partition hash rate", 1)?;

    // The AIR's context for this shape (safe: widths, length and options are
    // all in range now) gives the counts the rest of the proof must match.
    let info = TraceInfo::new_multi_segment(MAIN_WIDTH, AUX_WIDTH, NUM_RAND, trace_length, Vec::new());
    let air = air_context(info, options.clone());
    let num_constraints = (air.num_assertions() + air.num_transition_constraints()) as u64;
    r.expect(Encoding::Vint, "number of constraints", num_constraints)?;
    let composition_columns = air.num_constraint_composition_columns();
    let lde = trace_length * params.blowup_factor;
    let fri_layers = options.to_fri_options().num_fri_layers(lde);

    // --- queries
    let num_queries = params.num_queries as u64;
    let unique = r.length(Encoding::U8, "number of unique queries", 1..=num_queries)?;
    let commitments = (2 + 1 + fri_layers + 1) as u64 * DIGEST_BYTES as u64;
    r.expect(Encoding::U16, "commitments length", commitments)?;
    r.take(commitments, "commitments")?;
    let depth = lde.ilog2() as u64;
    for (what, width) in [("main trace queries", MAIN_WIDTH), ("auxiliary trace queries", AUX_WIDTH)] {
        queries(&mut r, what, unique, width, depth)?;
    }
    queries(&mut r, "composition queries", unique, composition_columns, depth)?;

    // --- out-of-domain frame: current and next rows of every column
    for (what, columns) in
        [("out-of-domain trace frame", MAIN_WIDTH + AUX_WIDTH), ("out-of-domain quotient frame", composition_columns)]
    {
        let bytes = 1 + OOD_FRAME_ROWS as u64 * (columns * ELEMENT_BYTES) as u64;
        r.expect(Encoding::U16, what, bytes)?;
        r.expect(Encoding::U8, "out-of-domain frame rows", OOD_FRAME_ROWS as u64)?;
        r.take(bytes - 1, what)?;
    }

    // --- FRI: one layer per folding, then the remainder
    r.expect(Encoding::U8, "number of FRI layers", fri_layers as u64)?;
    let folding = params.fri_folding_factor as u64;
    let mut domain = lde as u64;
    for _ in 0..fri_layers {
        domain /= folding;
        let row = folding * ELEMENT_BYTES as u64;
        let bytes = r.length(Encoding::U32, "FRI layer value bytes", row..=num_queries * row)?;
        if bytes % row != 0 {
            return Err(unexpected("FRI layer value bytes", bytes, format!("a multiple of {row}")));
        }
        r.take(bytes, "FRI layer values")?;
        let paths = r.length(Encoding::U32, "FRI layer path bytes", 0..=r.left() as u64)?;
        let mut sub = Reader { bytes: r.take(paths, "FRI layer paths")?, pos: 0 };
        batch_merkle_proof(&mut sub, bytes / row, domain.ilog2() as u64)?;
    }
    let max_remainder = (params.fri_remainder_max_degree + 1) as u64;
    let rem =
        r.length(Encoding::U16, "FRI remainder bytes", ELEMENT_BYTES as u64..=max_remainder * ELEMENT_BYTES as u64)?;
    let elements = rem / ELEMENT_BYTES as u64;
    if rem % ELEMENT_BYTES as u64 != 0 || !elements.is_power_of_two() {
        return Err(unexpected("FRI remainder bytes", rem, "a power of two of field elements"));
    }
    r.take(rem, "FRI remainder")?;
    // log2 of the FRI partitions (Winterfell computes 2^byte): one partition.
    r.expect(Encoding::U8, "log2 of the FRI partitions", 0)?;

    // --- proof of work
    r.take(8, "proof-of-work nonce")?;
    if r.left() != 0 {
        return Err(WireError::Trailing(r.left()));
    }
    Ok(StarkShape { trace_length, params })
}

/// A `Queries`: `unique` rows of `width` elements, then a batch Merkle proof
/// over a tree of the given depth.
fn queries(r: &mut Reader, what: &'static str, unique: u64, width: usize, depth: u64) -> Result<(), WireError> {
    let values = unique * (width * ELEMENT_BYTES) as u64;
    r.expect(Encoding::Vint, what, values)?;
    r.take(values, what)?;
    let paths = r.length(Encoding::Vint, "query path bytes", 0..=r.left() as u64)?;
    let mut sub = Reader { bytes: r.take(paths, "query paths")?, pos: 0 };
    batch_merkle_proof(&mut sub, unique, depth)
}

/// A batch Merkle proof: its depth, one node vector per opened pair of
/// sibling leaves (so between 1 and `leaves`), each at most `depth` digests,
/// and nothing after them.
fn batch_merkle_proof(r: &mut Reader, leaves: u64, depth: u64) -> Result<(), WireError> {
    r.expect(Encoding::U8, "Merkle proof depth", depth)?;
    let vectors = r.length(Encoding::Vint, "Merkle proof node vectors", 1..=leaves)?;
    for _ in 0..vectors {
        let nodes = r.length(Encoding::Vint, "Merkle path length", 0..=depth)?;
        r.take(nodes * DIGEST_BYTES as u64, "Merkle path")?;
    }
    if r.left() != 0 {
        return Err(WireError::Trailing(r.left()));
    }
    Ok(())
}
