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

use crate::decode::JMP_REL_0;
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

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PublicInputError {
    #[error("malformed public input: {0}")]
    Malformed(String),
}

fn bad(msg: impl Into<String>) -> PublicInputError {
    PublicInputError::Malformed(msg.into())
}

impl PublicInput {
    /// The range-check window for a segment (cairo-air.md §3.2): the used
    /// cells, at least one; [1, 2) when the program has no range_check.
    pub fn window_for(segment: Option<Segment>) -> Segment {
        match segment {
            Some(s) => Segment { begin: s.begin, stop: s.stop.max(s.begin + 1) },
            None => Segment { begin: 1, stop: 2 },
        }
    }

    /// The verifier's sanity checks (cairo-air.md §4.3, adapted to the
    /// executable entry code). Everything later relies on them.
    pub fn validate(&self) -> Result<(), PublicInputError> {
        let l = self.program.len() as u64;
        if l < 6 {
            return Err(bad("the program is shorter than the entry code"));
        }
        if self.pc_init != 1 {
            return Err(bad(format!("initial pc must be 1, is {}", self.pc_init)));
        }
        if self.pc_final != 5 || self.program[4] != Felt::from_u128(JMP_REL_0 as u128) {
            return Err(bad("the final pc must be the entry code's `jmp rel 0` at address 5"));
        }
        let k = self.builtins.len() as u64;
        if self.ap_init != l + 3 {
            return Err(bad(format!("initial ap must be L + 3 = {}, is {}", l + 3, self.ap_init)));
        }
        match self.builtins.as_slice() {
            [Builtin::Output] => {
                if self.range_check_segment.is_some() {
                    return Err(bad("a range_check segment without the range_check builtin"));
                }
            }
            [Builtin::Output, Builtin::RangeCheck] => {
                if self.range_check_segment.is_none() {
                    return Err(bad("the range_check builtin without its segment"));
                }
            }
            other => {
                return Err(bad(format!(
                    "unsupported builtin list {other:?}: cairn proves output and range_check only"
                )))
            }
        }
        if self.ap_final < self.ap_init + k {
            return Err(bad("final ap below the builtin pointers"));
        }
        for s in std::iter::once(self.output_segment).chain(self.range_check_segment) {
            if s.begin > s.stop || s.begin == 0 {
                return Err(bad(format!("segment [{}, {}) is invalid", s.begin, s.stop)));
            }
        }
        if (self.output_segment.stop - self.output_segment.begin) as usize != self.output.len() {
            return Err(bad("the output length does not match the output segment"));
        }
        if self.rc_min > self.rc_max {
            return Err(bad("rc_min > rc_max"));
        }
        if self.window != Self::window_for(self.range_check_segment) {
            return Err(bad("the range-check window does not match the range_check segment"));
        }
        let p = self.public_memory();
        let mut addrs: Vec<u64> = p.iter().map(|(a, _)| *a).collect();
        addrs.sort_unstable();
        if addrs.first() == Some(&0) {
            return Err(bad("public memory at address 0"));
        }
        if addrs.windows(2).any(|w| w[0] == w[1]) {
            return Err(bad("public memory lists an address twice"));
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
