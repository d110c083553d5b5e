//! The transition constraints of the Cairo AIR (cairo-air.md §2.4, §2.5),
//! written once, generically over the field, and used both by the Winterfell
//! `Air` and by the independent constraint checker (`checker.rs`).

use winterfell::math::FieldElement;

use crate::layout::*;

/// Names of the main constraints, in evaluation order (for the checker's reports).
pub const MAIN_NAMES: [&str; NUM_MAIN_CONSTRAINTS] = [
    "D1 f0 binary",
    "D1 f1 binary",
    "D1 f2 binary",
    "D1 f3 binary",
    "D1 f4 binary",
    "D1 f5 binary",
    "D1 f6 binary",
    "D1 f7 binary",
    "D1 f8 binary",
    "D1 f9 binary",
    "D1 f10 binary",
    "D1 f11 binary",
    "D1 f12 binary",
    "D1 f13 binary",
    "D1 f14 binary",
    "D2 instruction decomposition",
    "O1 dst address",
    "O2 op0 address",
    "O3 op1 address",
    "O5 res",
    "P1 t0",
    "P3 pc regular/jnz-not-taken",
    "P4 pc update",
    "R1 ap update",
    "R2 fp update",
    "K1 call saves fp",
    "K2 call saves return pc",
    "K3 assert_eq",
    "H1 one op1 source",
    "H2 one res logic",
    "H3 one pc update",
    "H4 one opcode",
    "H5 canonical call dst",
    "H6 canonical call op0",
    "H7 canonical call registers",
    "H8 canonical ret dst",
    "H9 canonical ret op1",
    "H10 canonical ret flags",
    "V1 ap update not 3",
    "V2 no ap update on call",
    "V3 no ap+=res under jnz",
    "V4 no call/assert_eq under jnz",
    "V5 immediate at pc+1",
    "B1 range-check address walk",
    "M1 memory continuity",
    "M2 memory continuity",
    "M3 memory continuity",
    "M4 memory continuity",
    "M5 memory continuity",
    "M6 memory continuity",
    "M7 memory single-valued",
    "M8 memory single-valued",
    "M9 memory single-valued",
    "M10 memory single-valued",
    "M11 memory single-valued",
    "M12 memory single-valued",
    "S1 range-check continuity",
    "S2 range-check continuity",
    "S3 range-check continuity",
    "S4 range-check continuity",
    "S5 range-check continuity",
    "S6 range-check continuity",
    "S7 range-check continuity",
    "S8 range-check continuity",
    "S9 range-check continuity",
    "S10 range-check continuity",
    "S11 range-check continuity",
    "S12 range-check continuity",
];

/// Names of the auxiliary constraints.
pub const AUX_NAMES: [&str; NUM_AUX_CONSTRAINTS] = [
    "A1 memory product",
    "A2 memory product",
    "A3 memory product (row boundary)",
    "A4 range-check product",
    "A5 range-check product",
    "A6 range-check product",
    "A7 range-check product",
    "A8 range-check product",
    "A9 range-check product (row boundary)",
];

/// Index of O5 (res) among the main constraints.
const O5_RES: usize = 19;
/// Index of P3 (pc regular/jnz-not-taken).
const P3_PC: usize = 21;

/// Degree of each main constraint: D2 is linear; O5 (through op0·op1) and
/// P3 (through t0·res) have degree 3; all others 2.
pub fn main_degrees() -> Vec<usize> {
    (0..NUM_MAIN_CONSTRAINTS)
        .map(|i| match i {
            15 => 1,
            O5_RES | P3_PC => 3,
            _ => 2,
        })
        .collect()
}

/// `c` as a field element (small constants).
fn k<E: FieldElement>(c: u32) -> E {
    E::from(c)
}

/// Evaluates the 68 main constraints on rows `cur` → `next` into `out`.
///
/// This runs once per point of the constraint-evaluation domain (2n points),
/// so constants are built with one conversion each and the flag word by
/// doubling, not by per-flag powers of two.
pub fn evaluate_main<E: FieldElement>(cur: &[E], next: &[E], out: &mut [E]) {
    let f = |i: usize| cur[flag(i)];
    let one = E::ONE;
    let two16 = k::<E>(1 << 16);
    let b = k::<E>(1 << 15);
    let (pc, ap, fp) = (cur[PC], cur[AP], cur[FP]);
    let (dst, op0, op1, res) = (cur[DST], cur[OP0], cur[OP1], cur[RES]);
    let (e_dst, e_op0, e_op1) = (cur[OFF_DST], cur[OFF_OP0], cur[OFF_OP1]);
    let size = one + f(F_OP1_IMM);
    let g_op1 = one - f(F_OP1_IMM) - f(F_OP1_FP) - f(F_OP1_AP);
    let g_res = one - f(F_RES_ADD) - f(F_RES_MUL) - f(F_PC_JNZ);
    let g_pc = one - f(F_PC_ABS) - f(F_PC_REL) - f(F_PC_JNZ);
    let g_opc = one - f(F_CALL) - f(F_RET) - f(F_ASSERT_EQ);

    // D1, D2: Σ 2^i f_i by Horner from the top flag, then the word
    // ê_dst + 2^16 (ê_op0 + 2^16 (ê_op1 + 2^16 Σ 2^i f_i)).
    let mut flags_word = E::ZERO;
    for i in (0..NUM_FLAGS).rev() {
        let fi = f(i);
        out[i] = fi * (fi - one);
        flags_word = flags_word.double() + fi;
    }
    out[15] = cur[INST] - (e_dst + two16 * (e_op0 + two16 * (e_op1 + two16 * flags_word)));

    // Operands
    out[16] = cur[DST_ADDR] - (f(F_DST_REG) * fp + (one - f(F_DST_REG)) * ap + e_dst - b);
    out[17] = cur[OP0_ADDR] - (f(F_OP0_REG) * fp + (one - f(F_OP0_REG)) * ap + e_op0 - b);
    out[18] = cur[OP1_ADDR] - (f(F_OP1_IMM) * pc + f(F_OP1_FP) * fp + f(F_OP1_AP) * ap + g_op1 * op0 + e_op1 - b);
    out[O5_RES] = (one - f(F_PC_JNZ)) * res - (f(F_RES_ADD) * (op0 + op1) + f(F_RES_MUL) * op0 * op1 + g_res * op1);

    // Register updates
    let (pc_n, ap_n, fp_n) = (next[PC], next[AP], next[FP]);
    let t0 = cur[T0];
    out[20] = t0 - f(F_PC_JNZ) * dst;
    out[P3_PC] = (t0 * res - f(F_PC_JNZ)) * (pc_n - pc - size);
    out[22] = t0 * (pc_n - pc - op1) + (one - f(F_PC_JNZ)) * pc_n
        - (g_pc * (pc + size) + f(F_PC_ABS) * res + f(F_PC_REL) * (pc + res));
    out[23] = ap_n - (ap + f(F_AP_ADD) * res + f(F_AP_ADD1) + f(F_CALL).double());
    out[24] = fp_n - (f(F_RET) * dst + f(F_CALL) * (ap + k(2)) + (one - f(F_CALL) - f(F_RET)) * fp);

    // Opcodes
    out[25] = f(F_CALL) * (dst - fp);
    out[26] = f(F_CALL) * (op0 - pc - size);
    out[27] = f(F_ASSERT_EQ) * (dst - res);

    // Hardening (Stone) and VM alignment
    out[28] = g_op1 * (g_op1 - one);
    out[29] = g_res * (g_res - one);
    out[30] = g_pc * (g_pc - one);
    out[31] = g_opc * (g_opc - one);
    out[32] = f(F_CALL) * (e_dst - b);
    out[33] = f(F_CALL) * (e_op0 - b - one);
    out[34] = f(F_CALL) * (f(F_DST_REG) + f(F_OP0_REG));
    out[35] = f(F_RET) * (e_dst - b + k(2));
    out[36] = f(F_RET) * (e_op1 - b + one);
    out[37] = f(F_RET) * (f(F_PC_ABS) + f(F_DST_REG) + f(F_OP1_FP) + g_res - k(4));
    out[38] = f(F_AP_ADD) * f(F_AP_ADD1);
    out[39] = f(F_CALL) * (f(F_AP_ADD) + f(F_AP_ADD1));
    out[40] = f(F_PC_JNZ) * f(F_AP_ADD);
    out[41] = f(F_PC_JNZ) * (f(F_CALL) + f(F_ASSERT_EQ));
    out[42] = f(F_OP1_IMM) * (e_op1 - b - one);

    // Range-check builtin address walk
    let d = next[RC_A] - cur[RC_A];
    out[43] = d * (d - one);

    // Sorted memory: continuity and single-valuedness
    for kk in 0..MEM_SLOTS {
        let (a_next, v_next) = if kk + 1 < MEM_SLOTS {
            (cur[SORTED_A + kk + 1], cur[SORTED_V + kk + 1])
        } else {
            (next[SORTED_A], next[SORTED_V])
        };
        let delta = a_next - cur[SORTED_A + kk];
        out[44 + kk] = delta * (delta - one);
        out[50 + kk] = (v_next - cur[SORTED_V + kk]) * (delta - one);
    }

    // Sorted range check: continuity
    for i in 0..RC_SLOTS {
        let s_next = if i + 1 < RC_SLOTS { cur[SORTED_RC + i + 1] } else { next[SORTED_RC] };
        let delta = s_next - cur[SORTED_RC + i];
        out[56 + i] = delta * (delta - one);
    }
}

/// The value of the range-check builtin cell checked in a row: Σ 2^(16j) λj.
pub fn rc_value<E: FieldElement>(row: &[E]) -> E {
    let two16 = k::<E>(1 << 16);
    let mut v = E::ZERO;
    for j in (0..NUM_RC_LIMBS).rev() {
        v = v * two16 + row[RC_LIMBS + j];
    }
    v
}

/// The six unsorted memory slots (address, value) of a row.
pub fn memory_slots<E: FieldElement>(row: &[E]) -> [(E, E); MEM_SLOTS] {
    [
        (row[PC], row[INST]),
        (row[DST_ADDR], row[DST]),
        (row[OP0_ADDR], row[OP0]),
        (row[OP1_ADDR], row[OP1]),
        (row[MX_A], row[MX_V]),
        (row[RC_A], rc_value(row)),
    ]
}

/// The sixteen unsorted range-check entries of a row: offsets, limbs, fillers.
pub fn rc_entries<E: FieldElement>(row: &[E]) -> [E; RC_SLOTS] {
    let mut e = [E::ZERO; RC_SLOTS];
    e[0] = row[OFF_DST];
    e[1] = row[OFF_OP0];
    e[2] = row[OFF_OP1];
    e[3..3 + NUM_RC_LIMBS].copy_from_slice(&row[RC_LIMBS..RC_LIMBS + NUM_RC_LIMBS]);
    e[3 + NUM_RC_LIMBS..].copy_from_slice(&row[RCH..RCH + NUM_RCH]);
    e
}

/// Evaluates the 11 auxiliary constraints. `main_cur`/`main_next` are the main
/// rows lifted into `E`; `rand` is [z_m, α_m, z_r].
pub fn evaluate_aux<E: FieldElement>(main_cur: &[E], aux_cur: &[E], aux_next: &[E], rand: &[E], out: &mut [E]) {
    let (z_m, alpha, z_r) = (rand[0], rand[1], rand[2]);
    // Arrays, not vectors: this runs once per point of the evaluation domain.
    let slots = memory_slots(main_cur);
    let n: [E; MEM_SLOTS] = core::array::from_fn(|kk| z_m - (slots[kk].0 + alpha * slots[kk].1));
    let d: [E; MEM_SLOTS] =
        core::array::from_fn(|kk| z_m - (main_cur[SORTED_A + kk] + alpha * main_cur[SORTED_V + kk]));
    let phi = |j: usize| aux_cur[PHI + j];
    out[0] = phi(1) * d[0] * d[1] - phi(0) * n[0] * n[1];
    out[1] = phi(2) * d[2] * d[3] - phi(1) * n[2] * n[3];
    out[2] = aux_next[PHI] * d[4] * d[5] - phi(2) * n[4] * n[5];

    let eps = rc_entries(main_cur);
    let u: [E; RC_SLOTS] = core::array::from_fn(|i| z_r - eps[i]);
    let s: [E; RC_SLOTS] = core::array::from_fn(|i| z_r - main_cur[SORTED_RC + i]);
    let psi = |j: usize| aux_cur[PSI + j];
    for j in 0..NUM_PSI {
        let next = if j + 1 < NUM_PSI { psi(j + 1) } else { aux_next[PSI] };
        out[NUM_PHI + j] = next * s[2 * j] * s[2 * j + 1] - psi(j) * u[2 * j] * u[2 * j + 1];
    }
}
