//! The public input of a Cairo proof (cairo-air.md §4) and everything derived
//! from it: the public memory P, the range-check window, Π_pub, and the
//! canonical serialization absorbed into Fiat–Shamir.
//!
//! cairn runs `#[executable]` programs through their standalone entry point
//! (`ap += k; call rel 4; jmp rel 0`), whose memory layout was measured on
//! cairo-vm 3.2: the program occupies addresses 1..=L; the execution segment
//! starts at L + 1 with [L+1] = ap_init and [L+2] = 0, then the k builtin base
//! pointers at ap_init + i; at the end the k builtin stop pointers are the
//! cells ap_final − k + i; the final pc is the `jmp rel 0` at address 5.

use serde::{Deserialize, Serialize};
use thiserror::Error;
use winterfell::math::{FieldElement, ToElements};

use crate::decode::{AP_ADD_IMM, CALL_REL, JMP_REL_0};
use crate::field::Felt;

/// Version tag of the public-input encoding (and of the AIR it belongs to).
pub const AIR_VERSION: u64 = 2;
/// `layout` string of the interchange format.
pub const LAYOUT: &str = "cairn-onerow-v2";

/// Builtins the AIR supports, in cairo-vm's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Builtin {
    Output,
    RangeCheck,
}

impl Builtin {
    fn code(self) -> u64 {
        match self {
            Builtin::Output => 1,
            Builtin::RangeCheck => 2,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Segment {
    pub begin: u64,
    pub stop: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublicInput {
    /// Program words at addresses 1..=L.
    pub program: Vec<Felt>,
    pub pc_init: u64,
    pub pc_final: u64,
    pub ap_init: u64,
    pub ap_final: u64,
    /// Output first; then range_check if the program uses it.
    pub builtins: Vec<Builtin>,
    pub output_segment: Segment,
    pub range_check_segment: Option<Segment>,
    /// The output cells [begin, stop).
    pub output: Vec<Felt>,
    pub rc_min: u16,
    pub rc_max: u16,
    /// Range-check builtin window [w_lo, w_hi).
    pub window: Segment,
}

/// Why a public input is refused. Every variant is a statement that no honest
/// run of the executable entry code can produce (docs/prover.md, "What is
/// checked").
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PublicInputError {
    #[error("the program has {0} words, fewer than the {ENTRY_CODE_LEN}-word entry code")]
    ProgramTooShort(usize),
    #[error(
        "program word {address} is {found:#x}, but the executable entry code for the claimed {k} builtins has {expected:#x} there"
    )]
    EntryCode { address: u64, found: Felt, expected: Felt, k: usize },
    #[error("unsupported builtin list {0:?}: cairn proves [output] or [output, range_check], in that order")]
    Builtins(Vec<Builtin>),
    #[error("the builtin list and the segments disagree: {0}")]
    SegmentForBuiltin(&'static str),
    #[error("initial pc must be 1, is {0}")]
    PcInit(u64),
    #[error("the final pc must be the entry code's `jmp rel 0` at address {FINAL_PC}, is {0}")]
    PcFinal(u64),
    #[error("initial ap must be L + 3 = {expected} (program, then the entry frame), is {found}")]
    ApInit { expected: u64, found: u64 },
    #[error("final ap {0} leaves no room above the entry frame for the final builtin pointers")]
    ApFinal(u64),
    #[error("address {0} exceeds the largest address a proof can cover ({MAX_ADDRESS})")]
    AddressTooLarge(u64),
    #[error("segment [{begin}, {stop}) is invalid (begin must be ≥ 1 and ≤ stop)")]
    Segment { begin: u64, stop: u64 },
    #[error(
        "segments out of canonical order or overlapping: {0} (program, execution, output, range_check must follow each other)"
    )]
    SegmentOrder(&'static str),
    #[error("the output has {cells} cells but its segment spans {span}")]
    OutputLength { cells: usize, span: u64 },
    #[error("rc_min {0} > rc_max {1}")]
    RangeCheckBounds(u16, u16),
    #[error("the range-check window [{found_begin}, {found_stop}) does not start with the range_check segment's cells [{begin}, {stop})")]
    Window { found_begin: u64, found_stop: u64, begin: u64, stop: u64 },
    #[error("public memory at address 0")]
    AddressZero,
    #[error("public memory lists address {0} twice")]
    DuplicateAddress(u64),
}

/// Number of words of the executable entry code: `ap += k; call rel 4; jmp rel 0`.
pub const ENTRY_CODE_LEN: usize = 6;
/// Address of the entry code's final `jmp rel 0`, where every run halts.
pub const FINAL_PC: u64 = 5;
/// No address of a provable run reaches this: sorted memory addresses start at
/// 1 and grow by at most one per slot, six slots per row, and traces have at
/// most 2^[`crate::wire::MAX_LOG_TRACE_LENGTH`] rows. Bounding addresses up
/// front keeps every address computation below free of overflow.
pub const MAX_ADDRESS: u64 = 1 << 40;

/// The executable entry code for `k` builtins, as program words 1..=6:
/// `ap += k` (reserves the k builtin base cells the runner wrote at
/// ap_init..ap_init+k), `call rel 4` (main at address 7), `jmp rel 0`.
///
/// `k` fixes which public cells hold the builtin pointers, so a proof must
/// claim exactly the builtins this code was assembled for (issue 11: a run of
/// a 2-builtin program relabelled as output-only took the range-check base
/// out of the public memory).
pub fn entry_code(k: usize) -> [Felt; ENTRY_CODE_LEN] {
    [
        Felt::from_u64(AP_ADD_IMM),
        Felt::from_u64(k as u64),
        Felt::from_u64(CALL_REL),
        Felt::from_u64(4),
        Felt::from_u64(JMP_REL_0),
        Felt::ZERO,
    ]
}

impl PublicInput {
    /// The smallest range-check window for a segment (cairo-air.md §3.2): the
    /// used cells, at least one; [1, 2) when the program has no range_check.
    /// A proof's window may extend above it (`validate`).
    pub fn window_for(segment: Option<Segment>) -> Segment {
        match segment {
            Some(s) => Segment { begin: s.begin, stop: s.stop.max(s.begin.saturating_add(1)) },
            None => Segment { begin: 1, stop: 2 },
        }
    }

    /// The verifier's checks of the public input (docs/prover.md lists them
    /// and why). Everything later — P, Π_pub, the AIR's assertions — relies on
    /// them, and none of them can overflow or panic on any input.
    pub fn validate(&self) -> Result<(), PublicInputError> {
        use PublicInputError as E;
        let l = self.program.len();
        if l < ENTRY_CODE_LEN {
            return Err(E::ProgramTooShort(l));
        }
        // The builtin list: supported, canonical order, matching segments.
        match (self.builtins.as_slice(), self.range_check_segment) {
            ([Builtin::Output], None) | ([Builtin::Output, Builtin::RangeCheck], Some(_)) => {}
            ([Builtin::Output], Some(_)) => {
                return Err(E::SegmentForBuiltin("a range_check segment without the range_check builtin"))
            }
            ([Builtin::Output, Builtin::RangeCheck], None) => {
                return Err(E::SegmentForBuiltin("the range_check builtin without its segment"))
            }
            (other, _) => return Err(E::Builtins(other.to_vec())),
        }
        let k = self.builtins.len();
        // The entry code, word for word, for exactly k builtins.
        for (i, (&found, expected)) in self.program.iter().zip(entry_code(k)).enumerate() {
            if found != expected {
                return Err(E::EntryCode { address: 1 + i as u64, found, expected, k });
            }
        }
        if self.pc_init != 1 {
            return Err(E::PcInit(self.pc_init));
        }
        if self.pc_final != FINAL_PC {
            return Err(E::PcFinal(self.pc_final));
        }
        // Bound every address before computing with them.
        let segs = self.segments();
        for a in [self.ap_init, self.ap_final].into_iter().chain(segs.iter().flat_map(|s| [s.begin, s.stop])) {
            if a > MAX_ADDRESS {
                return Err(E::AddressTooLarge(a));
            }
        }
        let l = l as u64;
        let k = k as u64;
        if self.ap_init != l + 3 {
            return Err(E::ApInit { expected: l + 3, found: self.ap_init });
        }
        // The k stop pointers sit at ap_final − k.., above the k base pointers.
        if self.ap_final < self.ap_init + 2 * k {
            return Err(E::ApFinal(self.ap_final));
        }
        for s in &segs {
            if s.begin == 0 || s.begin > s.stop {
                return Err(E::Segment { begin: s.begin, stop: s.stop });
            }
        }
        // cairo-vm relocates segments in order: program [1, L], execution
        // from L + 1 (up to at least ap_final), then the builtin segments.
        if self.output_segment.begin < self.ap_final {
            return Err(E::SegmentOrder("the output segment does not follow the execution segment"));
        }
        if let Some(rc) = self.range_check_segment {
            if rc.begin < self.output_segment.stop {
                return Err(E::SegmentOrder("the range_check segment does not follow the output segment"));
            }
        }
        let span = self.output_segment.stop - self.output_segment.begin;
        if span != self.output.len() as u64 {
            return Err(E::OutputLength { cells: self.output.len(), span });
        }
        if self.rc_min > self.rc_max {
            return Err(E::RangeCheckBounds(self.rc_min, self.rc_max));
        }
        // The window is the segment's cells, possibly followed by more: the
        // prover may range-check extra cells above the segment, whose limbs
        // fill the sorted column's gaps (trace.rs `extend_window`). Checking
        // more cells only constrains more; the segment's own are all in it.
        // Without range_check it is exactly program word 1.
        let window = Self::window_for(self.range_check_segment);
        let covers = match self.range_check_segment {
            Some(_) => {
                self.window.begin == window.begin && self.window.stop >= window.stop && self.window.stop <= MAX_ADDRESS
            }
            None => self.window == window,
        };
        if !covers {
            return Err(E::Window {
                found_begin: self.window.begin,
                found_stop: self.window.stop,
                begin: window.begin,
                stop: window.stop,
            });
        }
        let mut addrs: Vec<u64> = self.public_memory().iter().map(|(a, _)| *a).collect();
        addrs.sort_unstable();
        if addrs.first() == Some(&0) {
            return Err(E::AddressZero);
        }
        if let Some(w) = addrs.windows(2).find(|w| w[0] == w[1]) {
            return Err(E::DuplicateAddress(w[0]));
        }
        Ok(())
    }

    fn segments(&self) -> Vec<Segment> {
        std::iter::once(self.output_segment).chain(self.range_check_segment).collect()
    }

    /// The public memory P (cairo-air.md §4.2, for the executable entry code):
    /// the program, the entry frame, the builtin base and stop pointers, and
    /// the output cells.
    pub fn public_memory(&self) -> Vec<(u64, Felt)> {
        let mut p = Vec::with_capacity(self.program.len() + 8 + self.output.len());
        for (i, w) in self.program.iter().enumerate() {
            p.push((1 + i as u64, *w));
        }
        p.push((self.ap_init - 2, Felt::from_u128(self.ap_init as u128)));
        p.push((self.ap_init - 1, Felt::ZERO));
        let segs = self.segments();
        let k = segs.len() as u64;
        for (i, s) in segs.iter().enumerate() {
            p.push((self.ap_init + i as u64, Felt::from_u128(s.begin as u128)));
            p.push((self.ap_final - k + i as u64, Felt::from_u128(s.stop as u128)));
        }
        for (j, v) in self.output.iter().enumerate() {
            p.push((self.output_segment.begin + j as u64, *v));
        }
        p
    }

    /// Π_pub = z^|P| · Π_P (z − (a + α·v))⁻¹.
    pub fn public_memory_product<E: FieldElement<BaseField = Felt>>(&self, z: E, alpha: E) -> E {
        let p = self.public_memory();
        let mut denom = E::ONE;
        for (a, v) in &p {
            denom *= z - (E::from(Felt::from_u128(*a as u128)) + alpha * E::from(*v));
        }
        z.exp((p.len() as u64).into()) / denom
    }
}

impl ToElements<Felt> for PublicInput {
    /// Every field, in a fixed order, so nothing can be chosen after the
    /// challenges (cairo-air.md §4.5).
    fn to_elements(&self) -> Vec<Felt> {
        let f = |v: u64| Felt::from_u128(v as u128);
        let mut e = vec![f(AIR_VERSION), f(self.program.len() as u64)];
        e.extend(&self.program);
        e.extend([f(self.pc_init), f(self.pc_final), f(self.ap_init), f(self.ap_final)]);
        e.push(f(self.builtins.len() as u64));
        e.extend(self.builtins.iter().map(|b| f(b.code())));
        for s in [Some(self.output_segment), self.range_check_segment] {
            match s {
                Some(s) => e.extend([f(1), f(s.begin), f(s.stop)]),
                None => e.push(f(0)),
            }
        }
        e.push(f(self.output.len() as u64));
        e.extend(&self.output);
        e.extend([f(self.rc_min as u64), f(self.rc_max as u64), f(self.window.begin), f(self.window.stop)]);
        e
    }
}
