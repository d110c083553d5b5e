//! Proof parameters: what `prove` chooses for a security level, and the
//! ranges a proof's parameters must lie in before anything (Winterfell's
//! `ProofOptions::new` asserts on them) is built from them.

use serde::{Deserialize, Serialize};
use thiserror::Error;
use winterfell::{BatchingMethod, FieldExtension, ProofOptions};

/// Why a proof's parameters are refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ParamsError {
    #[error("{0} queries (must be 1..={MAX_QUERIES})")]
    Queries(usize),
    #[error("blowup factor {0} (must be a power of two in 2..=128)")]
    Blowup(usize),
    #[error("grinding factor {0} (must be at most 32)")]
    Grinding(u32),
    #[error("FRI folding factor {0} (must be 2, 4, 8 or 16)")]
    Folding(usize),
    #[error("FRI remainder degree {0} (must be one less than a power of two, at most 255)")]
    Remainder(usize),
}

/// Proof parameters, as recorded in the header.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    pub num_queries: usize,
    pub blowup_factor: usize,
    pub grinding_factor: u32,
    pub fri_folding_factor: usize,
    pub fri_remainder_max_degree: usize,
}

/// What a proof is tuned for, at a given security level (docs/prover.md,
/// "Options": the trade-off table behind both).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ProofShape {
    /// The least prove CPU and memory: blowup 2.
    #[default]
    Fast,
    /// A smaller proof for more prove CPU: blowup 8 (3 bits per query
    /// instead of 1, so about a third of the queries) and a larger FRI
    /// remainder. Measured on the bundled CNN: 59 % smaller (138 KB against
    /// 335 KB), 2.3× the prove CPU, 2.3× the peak memory.
    Compact,
}

impl Params {
    /// Parameters reaching at least `bits` of conjectured security (Winterfell's
    /// estimate for a 252-bit field with Blake3: about queries·log2(blowup) +
    /// grinding, capped by the hash's collision resistance of 128 bits).
    pub fn for_security(bits: u32) -> Params {
        Params::for_shape(bits, ProofShape::Fast)
    }

    /// As [`Params::for_security`], tuned for `shape`.
    pub fn for_shape(bits: u32, shape: ProofShape) -> Params {
        // Fast: blowup 2, the least the AIR allows (its degree-3 auxiliary
        // constraints need a constraint-evaluation domain of twice the trace,
        // and Winterfell accepts an LDE domain of that size), chosen by
        // measurement (docs/prover.md, "Options"): one inverse and two forward
        // FFTs per column instead of one and four, half the Merkle leaves, so
        // a 2^17-row trace proves in 35 % less CPU and memory than at blowup 4,
        // for 1 bit per query: 80 queries, the floor from which Winterfell
        // counts grinding, and 17 bits of grinding reach 96 bits (a larger
        // proof: `Compact` is the small one).
        // Compact: blowup 8, 16 bits of grinding and a remainder of degree 63,
        // which was the smallest of 31–255 and of folding 4–16 at blowup 8.
        // Grinding is deterministic (the patched winter-prover takes the
        // smallest valid nonce), so proofs of one run stay identical.
        let (blowup_factor, grinding_factor, fri_remainder_max_degree): (usize, u32, usize) = match shape {
            ProofShape::Fast => (2, 17, 31),
            ProofShape::Compact => (8, 16, 63),
        };
        // The fewest queries whose estimate reaches `bits` (none beyond the
        // hash's 128 bits: then the most that still count).
        let num_queries = (1..=MAX_QUERIES)
            .find(|&q| conjectured_bits(q, blowup_factor, grinding_factor) >= bits)
            .unwrap_or(MAX_QUERIES);
        Params { num_queries, blowup_factor, grinding_factor, fri_folding_factor: 8, fri_remainder_max_degree }
    }

    /// Checks every range `ProofOptions::new` asserts, so that [`Params::options`]
    /// cannot panic on parameters read from an untrusted proof.
    pub fn validate(&self) -> Result<(), ParamsError> {
        if !(1..=MAX_QUERIES).contains(&self.num_queries) {
            return Err(ParamsError::Queries(self.num_queries));
        }
        if !self.blowup_factor.is_power_of_two() || !(2..=128).contains(&self.blowup_factor) {
            return Err(ParamsError::Blowup(self.blowup_factor));
        }
        if self.grinding_factor > 32 {
            return Err(ParamsError::Grinding(self.grinding_factor));
        }
        if ![2, 4, 8, 16].contains(&self.fri_folding_factor) {
            return Err(ParamsError::Folding(self.fri_folding_factor));
        }
        let r = self.fri_remainder_max_degree;
        if r > 255 || !(r + 1).is_power_of_two() {
            return Err(ParamsError::Remainder(r));
        }
        Ok(())
    }

    /// Winterfell's options for these parameters. Panics on parameters that
    /// fail [`Params::validate`] (Winterfell asserts); `prove` and `verify`
    /// validate first.
    pub fn options(&self) -> ProofOptions {
        ProofOptions::new(
            self.num_queries,
            self.blowup_factor,
            self.grinding_factor,
            FieldExtension::None,
            self.fri_folding_factor,
            self.fri_remainder_max_degree,
            BatchingMethod::Linear,
            BatchingMethod::Linear,
        )
    }
}

/// Winterfell's cap on queries per proof.
pub const MAX_QUERIES: usize = 255;

/// Winterfell 0.13's conjectured security (`ConjecturedSecurity::compute`,
/// Eq. 19 of eprint 2021/582) for our field and hash: log2(blowup) bits per
/// query, grinding counted only from 80 query bits on, minus one, capped by
/// the 252-bit field and by Blake3-256's 128-bit collision resistance. Used
/// to choose options before proving; the proof's own figure is what counts.
pub fn conjectured_bits(num_queries: usize, blowup_factor: usize, grinding_factor: u32) -> u32 {
    let mut query_bits = blowup_factor.ilog2() * num_queries as u32;
    if query_bits >= 80 {
        query_bits += grinding_factor;
    }
    query_bits.min(252).saturating_sub(1).min(128)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_reach_every_level_up_to_the_hash_cap() {
        for shape in [ProofShape::Fast, ProofShape::Compact] {
            for bits in 1..=128 {
                let p = Params::for_shape(bits, shape);
                assert_eq!(p.validate(), Ok(()));
                let got = conjectured_bits(p.num_queries, p.blowup_factor, p.grinding_factor);
                assert!(got >= bits, "{bits} requested, {got} estimated with {p:?}");
                if p.num_queries > 1 {
                    let fewer = conjectured_bits(p.num_queries - 1, p.blowup_factor, p.grinding_factor);
                    assert!(fewer < bits, "{bits}: {} queries would do", p.num_queries - 1);
                }
            }
        }
        assert_eq!(Params::for_security(96), Params::for_shape(96, ProofShape::Fast));
        assert_eq!((Params::for_security(96).num_queries, Params::for_security(96).blowup_factor), (80, 2));
        let compact = Params::for_shape(96, ProofShape::Compact);
        assert_eq!((compact.num_queries, compact.blowup_factor), (27, 8));
    }

    #[test]
    fn validate_accepts_exactly_what_winterfell_accepts() {
        let ok = Params::for_security(96);
        assert_eq!(ok.validate(), Ok(()));
        // the wire check expects Winterfell's default partitioning
        assert_eq!(ok.options().partition_options(), winterfell::PartitionOptions::new(1, 1));
        let bad = [
            Params { num_queries: 0, ..ok },
            Params { num_queries: 256, ..ok },
            Params { blowup_factor: 1, ..ok },
            Params { blowup_factor: 6, ..ok },
            Params { blowup_factor: 256, ..ok },
            Params { grinding_factor: 33, ..ok },
            Params { fri_folding_factor: 1, ..ok },
            Params { fri_folding_factor: 32, ..ok },
            Params { fri_remainder_max_degree: 30, ..ok },
            Params { fri_remainder_max_degree: 511, ..ok },
        ];
        for p in bad {
            assert!(p.validate().is_err(), "{p:?} passes");
            // and Winterfell would indeed have panicked on it
            assert!(std::panic::catch_unwind(|| p.options()).is_err(), "{p:?}: Winterfell accepts it");
        }
        for q in [1, 255] {
            for b in [2, 4, 8, 16, 32, 64, 128] {
                for f in [2, 4, 8, 16] {
                    for r in [0, 1, 3, 7, 15, 31, 63, 127, 255] {
                        let p = Params {
                            num_queries: q,
                            blowup_factor: b,
                            grinding_factor: 32,
                            fri_folding_factor: f,
                            fri_remainder_max_degree: r,
                        };
                        assert_eq!(p.validate(), Ok(()));
                        let _ = p.options();
                    }
                }
            }
        }
    }
}
