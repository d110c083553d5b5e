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

/// A proof-mode run, as the adapter hands it over. Serializable, so that a
/// run can be recorded once and proved many times (benchmarks of the prover
/// need no Cairo toolchain).
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
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
    /// What each part of the run needs in rows; the trace has the next power
    /// of two above the largest.
    pub row_needs: RowNeeds,
}

/// The rows each part of a run needs (cairo-air.md §2.9): one per step, one
/// per public memory cell or memory hole, one per NUM_RCH range-check gaps,
/// one per value of the range-check window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct RowNeeds {
    pub steps: usize,
    pub memory: usize,
    pub range_check_gaps: usize,
    pub range_check_window: usize,
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

/// Builds the main trace and the public input of a run, and checks the
/// public input the way `verify` will: an honest prover refuses what a
/// verifier would reject.
pub fn build_trace(input: &ExecutionInput) -> Result<CairoTrace, TraceError> {
    let trace = assemble(input)?;
    trace.public_input.validate().map_err(|e| TraceError::Inconsistent(e.to_string()))?;
    Ok(trace)
}

/// [`build_trace`] without the final public-input check: what a malicious
/// prover commits when it relabels a run (tests only).
#[cfg(any(test, feature = "test-utils"))]
pub fn build_trace_unvalidated(input: &ExecutionInput) -> Result<CairoTrace, TraceError> {
    assemble(input)
}

/// The passes of trace building (cairo-air.md §2.9).
fn assemble(input: &ExecutionInput) -> Result<CairoTrace, TraceError> {
    check_run_shape(input)?;
    let rows =
        input.trace.iter().map(|&(pc, ap, fp)| decode_row(&input.memory, pc, ap, fp)).collect::<Result<Vec<_>, _>>()?;
    let (mut pi, mem) = public_input_and_memory(input)?;
    let public = pi.public_memory();
    check_public_memory(&mem, &public)?;
    let holes = holes(input, &rows, &mem, &public, pi.window);
    let gaps = range_check_gaps(&rows, &mem, pi.window);
    let w_len = (pi.window.stop - pi.window.begin) as usize;
    let t = input.trace.len();
    let row_needs = RowNeeds {
        steps: t,
        memory: public.len() + holes.len() + 1,
        range_check_gaps: gaps.len().div_ceil(NUM_RCH) + 1,
        range_check_window: w_len + 1,
    };
    let need_rows = [row_needs.steps, row_needs.memory, row_needs.range_check_gaps, row_needs.range_check_window, 8];
    let n = need_rows.iter().copied().max().unwrap_or(8).next_power_of_two();
    let fill = Fillers { public: &public, holes: &holes, gaps: &gaps, window: pi.window };
    let mut cols = main_columns(input, &rows, &mem, &fill, n);
    sort_memory(&mut cols, &public, n)?;
    sort_range_checks(&mut cols, &mut pi, n);
    Ok(CairoTrace { columns: cols, public_input: pi, steps: t, row_needs })
}

/// The run ends in the entry code's loop, with the executable's frame, and
/// uses only builtins the AIR supports.
fn check_run_shape(input: &ExecutionInput) -> Result<(), TraceError> {
    let t = input.trace.len();
    if t < 2 {
        return Err(unprovable("the run has fewer than two steps"));
    }
    let (pc_final, ap_final, fp_final) = input.trace[t - 1];
    let (_, ap_init, fp_init) = input.trace[0];
    if read(&input.memory, pc_final, "final instruction", pc_final)? != fu(JMP_REL_0) {
        return Err(unprovable(format!("the run does not end in the `jmp rel 0` loop (final pc {pc_final})")));
    }
    if fp_final != fp_init || ap_init != fp_init {
        return Err(unprovable("the entry frame is not the executable's (fp must end where it started)"));
    }
    match input.builtins.as_slice() {
        [Builtin::Output] | [Builtin::Output, Builtin::RangeCheck] => {}
        other => return Err(unprovable(format!("builtins {other:?}: cairn proves output and range_check only"))),
    }
    if ap_final < ap_init + input.builtins.len() as u64 || ap_init < 3 {
        return Err(TraceError::Inconsistent("the final ap lies below the builtin pointers".into()));
    }
    Ok(())
}

/// The public input (rc bounds still open) and the run's memory with the
/// range-check window's cells present (allocated, unused cells read 0).
fn public_input_and_memory(input: &ExecutionInput) -> Result<(PublicInput, Vec<Option<Felt>>), TraceError> {
    let t = input.trace.len();
    let (pc_init, ap_init, _) = input.trace[0];
    let (pc_final, ap_final, _) = input.trace[t - 1];
    let mem = &input.memory;
    let l = input.program_len;
    let program: Vec<Felt> = (1..=l as u64).map(|a| read(mem, a, "program word", a)).collect::<Result<_, _>>()?;
    let out = input.output_segment;
    let output: Vec<Felt> = (out.begin..out.stop).map(|a| read(mem, a, "output cell", a)).collect::<Result<_, _>>()?;
    let window = PublicInput::window_for(input.range_check_segment);
    let pi = PublicInput {
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
    let mut mem: Vec<Option<Felt>> = mem.clone();
    let need = (window.stop as usize).max(mem.len());
    mem.resize(need, None);
    for a in window.begin..window.stop {
        let v = mem[a as usize].get_or_insert(Felt::ZERO);
        if felt_u128(v).is_none() {
            return Err(unprovable(format!("range-check cell {a} holds a value ≥ 2^128")));
        }
    }
    Ok((pi, mem))
}

fn check_public_memory(mem: &[Option<Felt>], public: &[(u64, Felt)]) -> Result<(), TraceError> {
    for (a, v) in public {
        match mem.get(*a as usize).copied().flatten() {
            Some(m) if m == *v => {}
            Some(_) => {
                return Err(TraceError::Inconsistent(format!("public memory at {a} differs from the run's memory")))
            }
            None => return Err(TraceError::Inconsistent(format!("public memory at {a} is not in the run's memory"))),
        }
    }
    Ok(())
}

/// Addresses up to the highest accessed one that nothing covers: filled
/// through the free memory slot so that the sorted addresses are contiguous.
fn holes(
    input: &ExecutionInput,
    rows: &[Decoded],
    mem: &[Option<Felt>],
    public: &[(u64, Felt)],
    window: Segment,
) -> Vec<(u64, Felt)> {
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
    for (a, _) in public {
        touch(*a, &mut covered);
    }
    (1..=a_max)
        .filter(|&a| !covered.get(a as usize).copied().unwrap_or(false))
        .map(|a| (a, mem.get(a as usize).copied().flatten().unwrap_or(Felt::ZERO)))
        .collect()
}

fn limbs_of(v: &Felt) -> [u16; 8] {
    let x = felt_u128(v).expect("window cells are checked < 2^128");
    std::array::from_fn(|j| (x >> (16 * j)) as u16)
}

/// The 16-bit values missing between the smallest and largest range-check
/// entry (offsets and limbs): the fillers must supply them.
fn range_check_gaps(rows: &[Decoded], mem: &[Option<Felt>], window: Segment) -> Vec<u16> {
    let mut present = vec![false; 1 << 16];
    for r in rows {
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
    (lo..=hi).filter(|&v| !present[v]).map(|v| v as u16).collect()
}

/// What the rows carry besides the run: the public-memory dummies (one per
/// public cell), the hole fillers, the range-check gap fillers, and the
/// window the range-check cell walks.
#[derive(Clone, Copy)]
struct Fillers<'a> {
    public: &'a [(u64, Felt)],
    holes: &'a [(u64, Felt)],
    gaps: &'a [u16],
    window: Segment,
}

/// Every column but the sorted ones, row by row; rows past the run repeat
/// its final `jmp rel 0`.
fn main_columns(
    input: &ExecutionInput,
    rows: &[Decoded],
    mem: &[Option<Felt>],
    fill: &Fillers,
    n: usize,
) -> Vec<Vec<Felt>> {
    let Fillers { public, holes, gaps, window } = *fill;
    let t = input.trace.len();
    let mut cols = vec![vec![Felt::ZERO; n]; MAIN_WIDTH];
    for r in 0..n {
        let src = r.min(t - 1);
        let (pc, ap, fp) = input.trace[src];
        let d = &rows[src];
        let mut set = |c: usize, v: Felt| cols[c][r] = v;
        set(PC, fu(pc));
        set(AP, fu(ap));
        set(FP, fu(fp));
        set(INST, d.word);
        set(DST_ADDR, fu(d.dst_addr));
        set(DST, d.dst);
        set(OP0_ADDR, fu(d.op0_addr));
        set(OP0, d.op0);
        set(OP1_ADDR, fu(d.op1_addr));
        set(OP1, d.op1);
        set(RES, d.res);
        let f9 = if d.inst.flags[F_PC_JNZ] { Felt::ONE } else { Felt::ZERO };
        let t0 = f9 * d.dst;
        set(T0, t0);
        set(T1, t0 * d.res);
        set(MUL, d.op0 * d.op1);
        set(OFF_DST, fu(d.inst.off_dst as u64));
        set(OFF_OP0, fu(d.inst.off_op0 as u64));
        set(OFF_OP1, fu(d.inst.off_op1 as u64));
        for i in 0..NUM_FLAGS {
            set(flag(i), if d.inst.flags[i] { Felt::ONE } else { Felt::ZERO });
        }
        // the range-check builtin cell of this row
        let rc_a = (window.begin + r as u64).min(window.stop - 1);
        set(RC_A, fu(rc_a));
        for (j, l) in limbs_of(&mem[rc_a as usize].expect("window cells are set")).iter().enumerate() {
            set(RC_LIMBS + j, fu(*l as u64));
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
        set(MX_A, mx_a);
        set(MX_V, mx_v);
        // range-check fillers: gaps, then duplicates of a present value
        for j in 0..NUM_RCH {
            let rch = gaps.get(r * NUM_RCH + j).map_or(d.inst.off_dst as u64, |&g| g as u64);
            set(RCH + j, fu(rch));
        }
    }
    cols
}

/// Sorted memory: the unsorted slots of rows 0..n-2, with P in place of the
/// (0,0) dummies, sorted by address; row n-1 repeats the last entry.
fn sort_memory(cols: &mut [Vec<Felt>], public: &[(u64, Felt)], n: usize) -> Result<(), TraceError> {
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
    Ok(())
}

/// Sorted range check: the entries of rows 0..n-2 (counting sort), row n-1 =
/// rc_max; sets rc_min and rc_max in the public input.
fn sort_range_checks(cols: &mut [Vec<Felt>], pi: &mut PublicInput, n: usize) {
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
}

/// The auxiliary segment for challenges [z_m, α_m, z_r]: the exclusive running
/// products Φ0..Φ2 (memory) and Ψ0..Ψ7 (range check).
pub fn build_aux<E: FieldElement<BaseField = Felt>, C: AsRef<[Felt]>>(main: &[C], rand: &[E]) -> Vec<Vec<E>> {
    let n = main[0].as_ref().len();
    let (z_m, alpha, z_r) = (rand[0], rand[1], rand[2]);
    // Per row: numerator and denominator of each pair, for the memory and
    // range-check pairs. Built and inverted a chunk of rows at a time, so
    // that the temporaries stay small next to the trace (at 2^20 rows, all
    // at once they were three times the auxiliary segment).
    const PAIRS: usize = NUM_PHI + NUM_PSI;
    const CHUNK: usize = 1 << 14;
    let mut nums = Vec::with_capacity(CHUNK.min(n) * PAIRS);
    let mut dens = Vec::with_capacity(CHUNK.min(n) * PAIRS);
    let mut row = vec![E::ZERO; main.len()];
    let mut aux = vec![vec![E::ZERO; n]; AUX_WIDTH];
    let (mut phi, mut psi) = (E::ONE, E::ONE);
    for start in (0..n).step_by(CHUNK) {
        let rows = start..(start + CHUNK).min(n);
        nums.clear();
        dens.clear();
        for r in rows.clone() {
            for (value, column) in row.iter_mut().zip(main) {
                *value = E::from(column.as_ref()[r]);
            }
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
        for (i, r) in rows.enumerate() {
            for j in 0..NUM_PHI {
                aux[PHI + j][r] = phi;
                phi *= nums[i * PAIRS + j] * inv[i * PAIRS + j];
            }
            for j in 0..NUM_PSI {
                aux[PSI + j][r] = psi;
                psi *= nums[i * PAIRS + NUM_PHI + j] * inv[i * PAIRS + NUM_PHI + j];
            }
        }
    }
    aux
}
