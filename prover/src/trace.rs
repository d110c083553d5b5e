//! Building the execution trace of the Cairo AIR from a proof-mode run
//! (cairo-air.md §2.8, §2.9): one row per step, padded by repeating the final
//! `jmp rel 0`, with the free memory slots, range-check fillers, sorted
//! columns and (given the challenges) the auxiliary running products.

use thiserror::Error;
use winterfell::math::{batch_inversion, FieldElement};

use crate::constraints::{memory_slots, rc_entries};
use crate::decode::{Instruction, JMP_REL_0};
use crate::field::Felt;
use crate::layout::*;
use crate::public_input::{Builtin, PublicInput, Segment};

/// A proof-mode run, as the adapter hands it over.
#[derive(Clone, Debug)]
pub struct ExecutionInput {
    /// (pc, ap, fp) before each step; the last entry is the final `jmp rel 0`.
    pub trace: Vec<(u64, u64, u64)>,
    /// Relocated memory: index = address.
    pub memory: Vec<Option<Felt>>,
    /// Length of the program (words at 1..=L).
    pub program_len: usize,
    /// The program's builtins in VM order.
    pub builtins: Vec<Builtin>,
    pub output_segment: Segment,
    pub range_check_segment: Option<Segment>,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TraceError {
    #[error("the run cannot be proved: {0}")]
    Unprovable(String),
    #[error("inconsistent run: {0}")]
    Inconsistent(String),
}

fn unprovable(msg: impl Into<String>) -> TraceError {
    TraceError::Unprovable(msg.into())
}

/// The main trace (column-major) and its public input.
#[derive(Clone, Debug)]
pub struct CairoTrace {
    pub columns: Vec<Vec<Felt>>,
    pub public_input: PublicInput,
    /// Executed steps (rows before padding).
    pub steps: usize,
}

impl CairoTrace {
    pub fn len(&self) -> usize {
        self.columns[0].len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn row(&self, r: usize) -> Vec<Felt> {
        self.columns.iter().map(|c| c[r]).collect()
    }
}

pub(crate) fn felt_u128(f: &Felt) -> Option<u128> {
    let b = f.to_le_bytes();
    if b[16..].iter().any(|&x| x != 0) {
        return None;
    }
    let mut lo = [0u8; 16];
    lo.copy_from_slice(&b[..16]);
    Some(u128::from_le_bytes(lo))
}

fn felt_u64(f: &Felt) -> Option<u64> {
    felt_u128(f).and_then(|v| u64::try_from(v).ok())
}

fn fu(v: u64) -> Felt {
    Felt::from_u128(v as u128)
}

struct Decoded {
    inst: Instruction,
    word: Felt,
    dst_addr: u64,
    dst: Felt,
    op0_addr: u64,
    op0: Felt,
    op1_addr: u64,
    op1: Felt,
    res: Felt,
}

fn read(mem: &[Option<Felt>], addr: u64, what: &str, pc: u64) -> Result<Felt, TraceError> {
    mem.get(addr as usize)
        .copied()
        .flatten()
        .ok_or_else(|| TraceError::Inconsistent(format!("{what} at address {addr} (pc {pc}) is not in memory")))
}

fn offset(base: u64, off: u16) -> Result<u64, TraceError> {
    let a = base as i64 + Instruction::signed(off);
    u64::try_from(a).map_err(|_| TraceError::Inconsistent(format!("negative address {a}")))
}

fn decode_row(mem: &[Option<Felt>], pc: u64, ap: u64, fp: u64) -> Result<Decoded, TraceError> {
    let word = read(mem, pc, "instruction", pc)?;
    let raw = felt_u128(&word).ok_or_else(|| unprovable(format!("the instruction at pc {pc} is not a 64-bit word")))?;
    let inst = Instruction::decode(raw).map_err(|e| unprovable(e.to_string()))?;
    let f = inst.flags;
    let dst_addr = offset(if f[F_DST_REG] { fp } else { ap }, inst.off_dst)?;
    let op0_addr = offset(if f[F_OP0_REG] { fp } else { ap }, inst.off_op0)?;
    let dst = read(mem, dst_addr, "dst", pc)?;
    let op0 = read(mem, op0_addr, "op0", pc)?;
    let op1_base = if f[F_OP1_IMM] {
        pc
    } else if f[F_OP1_FP] {
        fp
    } else if f[F_OP1_AP] {
        ap
    } else {
        felt_u64(&op0).ok_or_else(|| unprovable(format!("op0 at pc {pc} is used as an address but is not one")))?
    };
    let op1_addr = offset(op1_base, inst.off_op1)?;
    let op1 = read(mem, op1_addr, "op1", pc)?;
    let res = if f[F_PC_JNZ] {
        // res is unused under jnz; the AIR wants dst⁻¹ (or 0) there (cairo-air.md §2.9).
        if dst == Felt::ZERO {
            Felt::ZERO
        } else {
            dst.inv()
        }
    } else if f[F_RES_ADD] {
        op0 + op1
    } else if f[F_RES_MUL] {
        op0 * op1
    } else {
        op1
    };
    Ok(Decoded { inst, word, dst_addr, dst, op0_addr, op0, op1_addr, op1, res })
}

/// Builds the main trace and the public input of a run.
pub fn build_trace(input: &ExecutionInput) -> Result<CairoTrace, TraceError> {
    let mem = &input.memory;
    let t = input.trace.len();
    if t < 2 {
        return Err(unprovable("the run has fewer than two steps"));
    }
    let (pc_final, ap_final, fp_final) = input.trace[t - 1];
    let (pc_init, ap_init, fp_init) = input.trace[0];
    if read(mem, pc_final, "final instruction", pc_final)? != fu(JMP_REL_0) {
        return Err(unprovable(format!("the run does not end in the `jmp rel 0` loop (final pc {pc_final})")));
    }
    if fp_final != fp_init || ap_init != fp_init {
        return Err(unprovable("the entry frame is not the executable's (fp must end where it started)"));
    }
    match input.builtins.as_slice() {
        [Builtin::Output] | [Builtin::Output, Builtin::RangeCheck] => {}
        other => return Err(unprovable(format!("builtins {other:?}: cairn proves output and range_check only"))),
    }

    // 1. Decode every executed row.
    let mut rows = Vec::with_capacity(t);
    for &(pc, ap, fp) in &input.trace {
        rows.push(decode_row(mem, pc, ap, fp)?);
    }

    // 2. Public input (rc bounds filled in below), P and the window.
    let l = input.program_len;
    let program: Vec<Felt> = (1..=l as u64).map(|a| read(mem, a, "program word", a)).collect::<Result<_, _>>()?;
    let out = input.output_segment;
    let output: Vec<Felt> = (out.begin..out.stop).map(|a| read(mem, a, "output cell", a)).collect::<Result<_, _>>()?;
    let window = PublicInput::window_for(input.range_check_segment);
    let mut pi = PublicInput {
        program,
        pc_init,
        pc_final,
        ap_init,
        ap_final,
        builtins: input.builtins.clone(),
        output_segment: out,
        range_check_segment: input.range_check_segment,
        output,
        rc_min: 0,
        rc_max: 0,
        window,
    };
    let public = pi.public_memory();
    // Memory with the window cells present (unused allocated cells read 0).
    let mut mem: Vec<Option<Felt>> = mem.clone();
    let need = (window.stop as usize).max(mem.len());
    mem.resize(need, None);
    for a in window.begin..window.stop {
        let v = mem[a as usize].get_or_insert(Felt::ZERO);
        if felt_u128(v).is_none() {
            return Err(unprovable(format!("range-check cell {a} holds a value ≥ 2^128")));
        }
    }
    for (a, v) in &public {
        match mem.get(*a as usize).copied().flatten() {
            Some(m) if m == *v => {}
            Some(_) => {
                return Err(TraceError::Inconsistent(format!("public memory at {a} differs from the run's memory")))
            }
            None => return Err(TraceError::Inconsistent(format!("public memory at {a} is not in the run's memory"))),
        }
    }

    // 3. Holes: addresses up to the highest accessed one that nothing covers.
    let mut covered = vec![false; mem.len()];
    let mut a_max = 0u64;
    let mut touch = |a: u64, covered: &mut Vec<bool>| {
        if (a as usize) < covered.len() {
            covered[a as usize] = true;
        }
        a_max = a_max.max(a);
    };
    for (r, &(pc, _, _)) in rows.iter().zip(&input.trace) {
        for a in [pc, r.dst_addr, r.op0_addr, r.op1_addr] {
            touch(a, &mut covered);
        }
    }
    for a in window.begin..window.stop {
        touch(a, &mut covered);
    }
    for (a, _) in &public {
        touch(*a, &mut covered);
    }
    let holes: Vec<(u64, Felt)> =
        (1..=a_max).filter(|&a| !covered[a as usize]).map(|a| (a, mem[a as usize].unwrap_or(Felt::ZERO))).collect();

    // 4. Range-check values present (offsets and limbs) and the gaps between them.
    let limbs_of = |v: &Felt| -> [u16; 8] {
        let x = felt_u128(v).expect("checked < 2^128");
        std::array::from_fn(|j| (x >> (16 * j)) as u16)
    };
    let mut present = vec![false; 1 << 16];
    for r in &rows {
        present[r.inst.off_dst as usize] = true;
        present[r.inst.off_op0 as usize] = true;
        present[r.inst.off_op1 as usize] = true;
    }
    for a in window.begin..window.stop {
        for l in limbs_of(&mem[a as usize].expect("window cells are set")) {
            present[l as usize] = true;
        }
    }
    let lo = present.iter().position(|&p| p).unwrap_or(0);
    let hi = present.iter().rposition(|&p| p).unwrap_or(0);
    let gaps: Vec<u16> = (lo..=hi).filter(|&v| !present[v]).map(|v| v as u16).collect();

    // 5. The trace length.
    let w_len = (window.stop - window.begin) as usize;
    let need_rows = [t, public.len() + holes.len() + 1, gaps.len().div_ceil(NUM_RCH) + 1, w_len + 1, 8];
    let n = need_rows.iter().copied().max().unwrap_or(8).next_power_of_two();

    // 6. Main columns.
    let mut cols = vec![vec![Felt::ZERO; n]; MAIN_WIDTH];
    for r in 0..n {
        let src = r.min(t - 1);
        let (pc, ap, fp) = input.trace[src];
        let d = &rows[src];
        let set = |cols: &mut Vec<Vec<Felt>>, c: usize, v: Felt| cols[c][r] = v;
        set(&mut cols, PC, fu(pc));
        set(&mut cols, AP, fu(ap));
        set(&mut cols, FP, fu(fp));
        set(&mut cols, INST, d.word);
        set(&mut cols, DST_ADDR, fu(d.dst_addr));
        set(&mut cols, DST, d.dst);
        set(&mut cols, OP0_ADDR, fu(d.op0_addr));
        set(&mut cols, OP0, d.op0);
        set(&mut cols, OP1_ADDR, fu(d.op1_addr));
        set(&mut cols, OP1, d.op1);
        set(&mut cols, RES, d.res);
        let f9 = if d.inst.flags[F_PC_JNZ] { Felt::ONE } else { Felt::ZERO };
        let t0 = f9 * d.dst;
        set(&mut cols, T0, t0);
        set(&mut cols, T1, t0 * d.res);
        set(&mut cols, MUL, d.op0 * d.op1);
        set(&mut cols, OFF_DST, fu(d.inst.off_dst as u64));
        set(&mut cols, OFF_OP0, fu(d.inst.off_op0 as u64));
        set(&mut cols, OFF_OP1, fu(d.inst.off_op1 as u64));
        for i in 0..NUM_FLAGS {
            set(&mut cols, flag(i), if d.inst.flags[i] { Felt::ONE } else { Felt::ZERO });
        }
        // the range-check builtin cell of this row
        let rc_a = (window.begin + r as u64).min(window.stop - 1);
        set(&mut cols, RC_A, fu(rc_a));
        for (j, l) in limbs_of(&mem[rc_a as usize].expect("window cells are set")).iter().enumerate() {
            set(&mut cols, RC_LIMBS + j, fu(*l as u64));
        }
        // free memory slot: public-memory dummies, then holes, then duplicates
        let (mx_a, mx_v) = if r < public.len() {
            (Felt::ZERO, Felt::ZERO)
        } else if r - public.len() < holes.len() {
            let (a, v) = holes[r - public.len()];
            (fu(a), v)
        } else {
            (fu(pc), d.word)
        };
        set(&mut cols, MX_A, mx_a);
        set(&mut cols, MX_V, mx_v);
        // range-check fillers: gaps, then duplicates of a present value
        for j in 0..NUM_RCH {
            let rch = gaps.get(r * NUM_RCH + j).map_or(d.inst.off_dst as u64, |&g| g as u64);
            set(&mut cols, RCH + j, fu(rch));
        }
    }

    // 7. Sorted memory: the unsorted slots of rows 0..n-2, with P in place of the dummies.
    let mut slots: Vec<(u64, Felt)> = Vec::with_capacity(MEM_SLOTS * (n - 1));
    for r in 0..n - 1 {
        let row: Vec<Felt> = cols.iter().map(|c| c[r]).collect();
        for (a, v) in memory_slots(&row) {
            if a == Felt::ZERO && v == Felt::ZERO {
                continue; // a dummy: replaced by a public cell
            }
            slots.push((felt_u64(&a).expect("addresses are small"), v));
        }
    }
    slots.extend(public.iter().copied());
    if slots.len() != MEM_SLOTS * (n - 1) {
        return Err(TraceError::Inconsistent("public-memory dummies do not match the public memory".into()));
    }
    slots.sort_by_key(|&(a, _)| a);
    for w in slots.windows(2) {
        if w[0].0 == w[1].0 && w[0].1 != w[1].1 {
            return Err(TraceError::Inconsistent(format!("address {} holds two values", w[0].0)));
        }
        if w[1].0 > w[0].0 + 1 {
            return Err(TraceError::Inconsistent(format!("memory gap after address {}", w[0].0)));
        }
    }
    for (i, (a, v)) in slots.iter().enumerate() {
        let (r, k) = (i / MEM_SLOTS, i % MEM_SLOTS);
        cols[SORTED_A + k][r] = fu(*a);
        cols[SORTED_V + k][r] = *v;
    }
    let last = *slots.last().expect("non-empty");
    for k in 0..MEM_SLOTS {
        cols[SORTED_A + k][n - 1] = fu(last.0);
        cols[SORTED_V + k][n - 1] = last.1;
    }

    // 8. Sorted range check: the entries of rows 0..n-2 (counting sort), row n-1 = rc_max.
    let mut counts = vec![0usize; 1 << 16];
    for r in 0..n - 1 {
        let row: Vec<Felt> = cols.iter().map(|c| c[r]).collect();
        for e in rc_entries(&row) {
            counts[felt_u64(&e).expect("16-bit") as usize] += 1;
        }
    }
    let mut sorted = Vec::with_capacity(RC_SLOTS * (n - 1));
    for (v, &c) in counts.iter().enumerate() {
        sorted.extend(std::iter::repeat_n(v as u64, c));
    }
    pi.rc_min = *sorted.first().expect("non-empty") as u16;
    pi.rc_max = *sorted.last().expect("non-empty") as u16;
    for (i, v) in sorted.iter().enumerate() {
        cols[SORTED_RC + i % RC_SLOTS][i / RC_SLOTS] = fu(*v);
    }
    for i in 0..RC_SLOTS {
        cols[SORTED_RC + i][n - 1] = fu(pi.rc_max as u64);
    }

    pi.validate().map_err(|e| TraceError::Inconsistent(e.to_string()))?;
    Ok(CairoTrace { columns: cols, public_input: pi, steps: t })
}

/// The auxiliary segment for challenges [z_m, α_m, z_r]: the exclusive running
/// products Φ0..Φ2 (memory) and Ψ0..Ψ7 (range check).
pub fn build_aux<E: FieldElement<BaseField = Felt>>(main: &[Vec<Felt>], rand: &[E]) -> Vec<Vec<E>> {
    let n = main[0].len();
    let (z_m, alpha, z_r) = (rand[0], rand[1], rand[2]);
    // Per row: numerator and denominator of each pair, for the memory and range-check pairs.
    const PAIRS: usize = NUM_PHI + NUM_PSI;
    let mut nums = Vec::with_capacity(n * PAIRS);
    let mut dens = Vec::with_capacity(n * PAIRS);
    for r in 0..n {
        let row: Vec<E> = main.iter().map(|c| E::from(c[r])).collect();
        let slots = memory_slots(&row);
        for j in 0..NUM_PHI {
            let nn = |k: usize| z_m - (slots[k].0 + alpha * slots[k].1);
            let dd = |k: usize| z_m - (row[SORTED_A + k] + alpha * row[SORTED_V + k]);
            nums.push(nn(2 * j) * nn(2 * j + 1));
            dens.push(dd(2 * j) * dd(2 * j + 1));
        }
        let eps = rc_entries(&row);
        for j in 0..NUM_PSI {
            nums.push((z_r - eps[2 * j]) * (z_r - eps[2 * j + 1]));
            dens.push((z_r - row[SORTED_RC + 2 * j]) * (z_r - row[SORTED_RC + 2 * j + 1]));
        }
    }
    let inv = batch_inversion(&dens);
    let mut aux = vec![vec![E::ZERO; n]; AUX_WIDTH];
    let (mut phi, mut psi) = (E::ONE, E::ONE);
    for r in 0..n {
        for j in 0..NUM_PHI {
            aux[PHI + j][r] = phi;
            phi *= nums[r * PAIRS + j] * inv[r * PAIRS + j];
        }
        for j in 0..NUM_PSI {
            aux[PSI + j][r] = psi;
            psi *= nums[r * PAIRS + NUM_PHI + j] * inv[r * PAIRS + NUM_PHI + j];
        }
    }
    aux
}
