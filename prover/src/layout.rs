//! Every column index of the Cairo AIR, in one place (docs/cairo-air.md §2.2,
//! §2.3). One trace row is one Cairo step.

/// Main-segment width.
pub const MAIN_WIDTH: usize = 66;
/// Auxiliary-segment width.
pub const AUX_WIDTH: usize = 9;
/// Random elements drawn for the auxiliary segment: z_m, α_m, z_r.
pub const NUM_RAND: usize = 3;

// Registers and the decoded instruction.
pub const PC: usize = 0;
pub const AP: usize = 1;
pub const FP: usize = 2;
pub const INST: usize = 3;
pub const DST_ADDR: usize = 4;
pub const DST: usize = 5;
pub const OP0_ADDR: usize = 6;
pub const OP0: usize = 7;
pub const OP1_ADDR: usize = 8;
pub const OP1: usize = 9;
/// res; under jnz: dst⁻¹ if dst ≠ 0, else 0.
pub const RES: usize = 10;
/// t0 = f9·dst. (op0·op1 and t0·res have no columns: the constraints that
/// use them have degree 3, which the auxiliary constraints' degree already
/// allows at no extra cost.)
pub const T0: usize = 11;
/// Biased offsets ê ∈ [0, 2^16).
pub const OFF_DST: usize = 12;
pub const OFF_OP0: usize = 13;
pub const OFF_OP1: usize = 14;
/// Flag bits f0..f14.
pub const FLAGS: usize = 15;
pub const NUM_FLAGS: usize = 15;
/// The free memory slot (public-memory dummies, hole fillers, duplicates).
pub const MX_A: usize = 30;
pub const MX_V: usize = 31;
/// Address of the range-check builtin cell checked in this row.
pub const RC_A: usize = 32;
/// Its 16-bit limbs λ0..λ7 (value = Σ 2^(16j) λj).
pub const RC_LIMBS: usize = 33;
pub const NUM_RC_LIMBS: usize = 8;
/// Range-check fillers (cairo-air.md's k_rch): free 16-bit values that fill
/// the gaps of the sorted range-check column. Five per row let the pool span
/// all of [0, 2^16) in 2^14 rows (one per row needed 2^16), which is what
/// programs with negative numbers or u128 limbs reach.
pub const RCH: usize = 41;
pub const NUM_RCH: usize = 1;
/// Sorted memory addresses a*0..a*5 and values v*0..v*5.
pub const SORTED_A: usize = 42;
pub const SORTED_V: usize = 48;
pub const MEM_SLOTS: usize = 6;
/// Sorted range-check values s0..s15: 3 offsets + 8 limbs + 5 fillers per row.
pub const SORTED_RC: usize = 54;
pub const RC_SLOTS: usize = 12;

// Flag indices (bit 48 + i of the instruction word).
pub const F_DST_REG: usize = 0;
pub const F_OP0_REG: usize = 1;
pub const F_OP1_IMM: usize = 2;
pub const F_OP1_FP: usize = 3;
pub const F_OP1_AP: usize = 4;
pub const F_RES_ADD: usize = 5;
pub const F_RES_MUL: usize = 6;
pub const F_PC_ABS: usize = 7;
pub const F_PC_REL: usize = 8;
pub const F_PC_JNZ: usize = 9;
pub const F_AP_ADD: usize = 10;
pub const F_AP_ADD1: usize = 11;
pub const F_CALL: usize = 12;
pub const F_RET: usize = 13;
pub const F_ASSERT_EQ: usize = 14;

/// Column of flag `i`.
pub const fn flag(i: usize) -> usize {
    FLAGS + i
}

// Auxiliary segment: exclusive running products.
/// Φ0, Φ1, Φ2 (memory), before slot pairs {0,1}, {2,3}, {4,5}.
pub const PHI: usize = 0;
pub const NUM_PHI: usize = 3;
/// Ψ0..Ψ7 (range check), before entry pairs {0,1}, ..., {14,15}.
pub const PSI: usize = 3;
pub const NUM_PSI: usize = 6;

/// Number of main transition constraints and their groups.
pub const NUM_MAIN_CONSTRAINTS: usize = 68;
pub const NUM_AUX_CONSTRAINTS: usize = 9;

/// Offsets are stored biased by 2^15.
pub const OFFSET_BIAS: u64 = 1 << 15;

// The pieces must tile the row exactly.
const _: () = assert!(OFF_DST == T0 + 1 && FLAGS == OFF_OP1 + 1 && MX_A == FLAGS + NUM_FLAGS);
const _: () = assert!(RC_A == MX_V + 1 && RC_LIMBS == RC_A + 1 && RCH == RC_LIMBS + NUM_RC_LIMBS);
const _: () = assert!(SORTED_A == RCH + NUM_RCH && SORTED_V == SORTED_A + MEM_SLOTS);
const _: () = assert!(SORTED_RC == SORTED_V + MEM_SLOTS && MAIN_WIDTH == SORTED_RC + RC_SLOTS);
const _: () = assert!(RC_SLOTS == 3 + NUM_RC_LIMBS + NUM_RCH && RC_SLOTS == 2 * NUM_PSI);
const _: () = assert!(AUX_WIDTH == NUM_PHI + NUM_PSI && PSI == PHI + NUM_PHI);
