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
        // [`invert_jnz_res`] takes the inverses of all rows in one batch.
        dst
    } else if f[F_RES_ADD] {
        op0 + op1
    } else if f[F_RES_MUL] {
        op0 * op1
    } else {
        op1
    };
    Ok(Decoded { inst, word, dst_addr, dst, op0_addr, op0, op1_addr, op1, res })
}

/// Replaces res = dst in the jnz rows by dst⁻¹ (0 for dst = 0): one batch
/// inversion for the run instead of one field inversion per jnz step (a
/// loop-heavy run spent ~5 % of its proving CPU in them).
fn invert_jnz_res(rows: &mut [Decoded]) {
    let jnz: Vec<usize> = (0..rows.len()).filter(|&i| rows[i].inst.flags[F_PC_JNZ]).collect();
    let dsts: Vec<Felt> = jnz.iter().map(|&i| rows[i].res).collect();
    // batch_inversion maps zeros to zero, as the AIR wants
    for (&i, inverse) in jnz.iter().zip(batch_inversion(&dsts)) {
        rows[i].res = inverse;
    }
}

/// Builds the main trace and the public input of a run, and checks the
/// public input the way `verify` will: an honest prover refuses what a
/// verifier would reject.
pub fn build_trace(input: &ExecutionInput) -> Result<CairoTrace, TraceError> {
    let trace = assemble(input, WindowGrowth::Allowed)?;
    trace.public_input.validate().map_err(|e| TraceError::Inconsistent(e.to_string()))?;
    Ok(trace)
}

/// [`build_trace`] without the final public-input check: what a malicious
/// prover commits when it relabels a run (tests only).
#[cfg(any(test, feature = "test-utils"))]
pub fn build_trace_unvalidated(input: &ExecutionInput) -> Result<CairoTrace, TraceError> {
    assemble(input, WindowGrowth::Allowed)
}

/// [`build_trace`] with the range-check window kept to the segment's cells
/// (tests of the address walk that need to know its length).
#[cfg(any(test, feature = "test-utils"))]
pub fn build_trace_with_fixed_window(input: &ExecutionInput) -> Result<CairoTrace, TraceError> {
    let trace = assemble(input, WindowGrowth::Off)?;
    trace.public_input.validate().map_err(|e| TraceError::Inconsistent(e.to_string()))?;
    Ok(trace)
}

/// Whether the window may grow above the range_check segment ([`Room`]).
#[derive(Clone, Copy, PartialEq, Eq)]
enum WindowGrowth {
    Allowed,
    #[cfg_attr(not(any(test, feature = "test-utils")), allow(dead_code))]
    Off,
}

/// The passes of trace building (cairo-air.md §2.9).
fn assemble(input: &ExecutionInput, growth: WindowGrowth) -> Result<CairoTrace, TraceError> {
    let Planned { rows, mut pi, mut mem, public, holes, gaps, plan } = plan_rows(input, growth)?;
    let n = plan.rows;
    let gaps = extend_window(&mut pi, &mut mem, &gaps, plan.window_cells, n);
    // cells the window took are range-checked, not holes
    let holes = if plan.window_cells > 0 { self::holes(input, &rows, &mem, &public, pi.window) } else { holes };
    debug_assert!(public.len() + holes.len() < n);
    let fill = Fillers { public: &public, holes: &holes, gaps, window: pi.window };
    let mut cols = main_columns(input, &rows, &mem, &fill, n);
    sort_memory(&mut cols, &public, n)?;
    sort_range_checks(&mut cols, &mut pi, n);
    Ok(CairoTrace { columns: cols, public_input: pi, steps: input.trace.len(), row_needs: plan.needs })
}

/// How many cells of room above its range_check segment a run should have
/// (the toolchain's `vm::run_reserving`): non-zero when filling the
/// range-check column's gaps through that many extra window cells would give
/// a shorter trace than the room the run has.
pub fn range_check_cells_wanted(input: &ExecutionInput) -> Result<usize, TraceError> {
    if !window_growth_can_shorten(input.trace.len()) {
        return Ok(0);
    }
    let Planned { plan, .. } = plan_rows(input, WindowGrowth::Allowed)?;
    Ok(plan.cells_wanted)
}

/// The rows a run's trace will have and what each part needs, planned
/// without building the columns: for sizing work (cutting a model into
/// stages that fit a bound) before any trace is built.
pub fn planned_rows(input: &ExecutionInput) -> Result<(usize, RowNeeds), TraceError> {
    let Planned { plan, .. } = plan_rows(input, WindowGrowth::Allowed)?;
    Ok((plan.rows, plan.needs))
}

/// Whether a run of `steps` steps can have a shorter trace by growing its
/// window: only if the range-check gaps could set its rows. They need at most
/// 2^16 / NUM_RCH + 1 rows (every 16-bit value missing), so a run whose steps
/// alone reach the next power of two above that cannot — which spares the
/// large runs a planning pass over every row.
pub fn window_growth_can_shorten(steps: usize) -> bool {
    let most_gap_rows = (1usize << 16).div_ceil(NUM_RCH) + 1;
    steps.next_power_of_two() < most_gap_rows.next_power_of_two()
}

/// A run decoded, with its public input and memory, and its rows planned.
struct Planned {
    rows: Vec<Decoded>,
    pi: PublicInput,
    mem: Vec<Option<Felt>>,
    public: Vec<(u64, Felt)>,
    /// Holes of the window as the run left it.
    holes: Vec<(u64, Felt)>,
    gaps: Vec<u16>,
    plan: RowPlan,
}

fn plan_rows(input: &ExecutionInput, growth: WindowGrowth) -> Result<Planned, TraceError> {
    check_run_shape(input)?;
    let mut rows =
        input.trace.iter().map(|&(pc, ap, fp)| decode_row(&input.memory, pc, ap, fp)).collect::<Result<Vec<_>, _>>()?;
    invert_jnz_res(&mut rows);
    let (pi, mem) = public_input_and_memory(input)?;
    let public = pi.public_memory();
    check_public_memory(&mem, &public)?;
    let holes = holes(input, &rows, &mem, &public, pi.window);
    let gaps = range_check_gaps(&rows, &mem, pi.window);
    let base = RowNeeds {
        steps: input.trace.len(),
        memory: public.len() + holes.len() + 1,
        range_check_gaps: gaps.len().div_ceil(NUM_RCH) + 1,
        range_check_window: (pi.window.stop - pi.window.begin) as usize + 1,
    };
    let room = match growth {
        WindowGrowth::Allowed => room_above_window(input, &mem, pi.window),
        WindowGrowth::Off => Room::None,
    };
    let plan = RowPlan::choose(base, gaps.len(), room);
    Ok(Planned { rows, pi, mem, public, holes, gaps, plan })
}

/// Free addresses right above the range-check window, which the window may
/// take as extra range-check cells: their eight 16-bit limbs each supply
/// values the sorted range-check column lacks, which otherwise only the
/// NUM_RCH fillers per row supply (cairo-air.md §2.8's capacity floor).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Room {
    /// No range_check builtin: the window is program word 1.
    None,
    /// That many unwritten cells, then memory the run wrote (cairo-vm
    /// relocates the argument segments after range_check): as holes they
    /// would each take a row's free memory slot anyway.
    Bounded(usize),
    /// Nothing above.
    Unbounded,
}

fn room_above_window(input: &ExecutionInput, mem: &[Option<Felt>], window: Segment) -> Room {
    if input.range_check_segment.is_none() {
        return Room::None;
    }
    let above = mem.get(window.stop as usize..).unwrap_or(&[]);
    match above.iter().position(Option::is_some) {
        Some(free) => Room::Bounded(free),
        None => Room::Unbounded,
    }
}

/// The trace length and the window cells added above the range_check
/// segment.
#[derive(Clone, Copy, Debug)]
struct RowPlan {
    rows: usize,
    window_cells: usize,
    needs: RowNeeds,
    /// Room above the range_check segment (in cells) that would shorten the
    /// trace, when there is less now; otherwise 0.
    cells_wanted: usize,
}

impl RowPlan {
    fn choose(base: RowNeeds, gaps: usize, room: Room) -> RowPlan {
        let rows_for = |needs: &RowNeeds| {
            [needs.steps, needs.memory, needs.range_check_gaps, needs.range_check_window, 8]
                .into_iter()
                .max()
                .unwrap_or(8)
                .next_power_of_two()
        };
        let plain = RowPlan { rows: rows_for(&base), window_cells: 0, needs: base, cells_wanted: 0 };
        let w_len = base.range_check_window - 1;
        // Unbounded room: as few cells as the fillers of n rows leave to do.
        let unbounded = |memory: usize| {
            // NUM_RCH (n - 1) + NUM_RC_LIMBS (n - 1 - w_len) >= gaps
            let gap_rows = (gaps + NUM_RC_LIMBS * w_len).div_ceil(NUM_RCH + NUM_RC_LIMBS).max(w_len) + 1;
            let mut needs = RowNeeds { memory, range_check_gaps: gap_rows.min(base.range_check_gaps), ..base };
            let n = rows_for(&needs);
            let cells = gaps.saturating_sub(NUM_RCH * (n - 1)).div_ceil(NUM_RC_LIMBS);
            needs.range_check_window = w_len + cells + 1;
            RowPlan { rows: n, window_cells: cells, needs, cells_wanted: 0 }
        };
        let grown = match room {
            Room::None => return plain,
            Room::Unbounded => unbounded(base.memory),
            // Bounded room: all of it (its cells are holes otherwise).
            Room::Bounded(free) => {
                let needs = RowNeeds {
                    memory: base.memory - free,
                    range_check_gaps: gaps.saturating_sub(NUM_RC_LIMBS * free).div_ceil(NUM_RCH) + 1,
                    range_check_window: w_len + free + 1,
                    ..base
                };
                let mut grown = RowPlan { rows: rows_for(&needs), window_cells: free, needs, cells_wanted: 0 };
                // with unbounded room the trace could be shorter still
                let ideal = unbounded(base.memory - free);
                if ideal.rows < grown.rows && ideal.window_cells > free {
                    grown.cells_wanted = ideal.window_cells;
                }
                grown
            }
        };
        // A run the fillers serve as well keeps its window: its trace is
        // what it was before windows grew.
        if grown.rows < plain.rows || (grown.cells_wanted > 0 && grown.rows <= plain.rows) {
            grown
        } else {
            plain
        }
    }
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

/// Grows the window by `cells` range-check cells above the segment (free
/// memory: `Room`) holding the gaps the fillers of `n` rows cannot, eight
/// per cell; cells beyond those repeat a value already present, so no new gap
/// opens. The program never reads them and the AIR range-checks them like
/// the segment's own. Returns the gaps left for the fillers.
fn extend_window<'g>(
    pi: &mut PublicInput,
    mem: &mut Vec<Option<Felt>>,
    gaps: &'g [u16],
    cells: usize,
    n: usize,
) -> &'g [u16] {
    if cells == 0 {
        return gaps;
    }
    let moved = gaps.len().saturating_sub(NUM_RCH * (n - 1)).min(NUM_RC_LIMBS * cells);
    let (to_cells, rest) = gaps.split_at(moved);
    // a limb every range-check entry list already has (the window's first cell's)
    let present = limbs_of(&mem[pi.window.begin as usize].expect("window cells are set"))[0];
    let top = pi.window.stop as usize;
    mem.resize(mem.len().max(top + cells), None);
    for i in 0..cells {
        let limb = |j: usize| to_cells.get(NUM_RC_LIMBS * i + j).copied().unwrap_or(present) as u128;
        let value = (0..NUM_RC_LIMBS).fold(0u128, |v, j| v | limb(j) << (16 * j));
        debug_assert!(mem[top + i].is_none(), "the window grows over free memory only");
        mem[top + i] = Some(Felt::from_u128(value));
    }
    pi.window.stop += cells as u64;
    rest
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

#[cfg(test)]
mod tests {
    use super::*;

    fn needs(steps: usize, memory: usize, gaps: usize, w_len: usize) -> RowNeeds {
        RowNeeds { steps, memory, range_check_gaps: gaps.div_ceil(NUM_RCH) + 1, range_check_window: w_len + 1 }
    }

    #[test]
    fn without_range_check_the_window_stays() {
        let p = RowPlan::choose(needs(100, 50, 40, 0), 40, Room::None);
        assert_eq!((p.rows, p.window_cells, p.cells_wanted), (128, 0, 0));
    }

    #[test]
    fn a_run_the_fillers_serve_keeps_its_window() {
        // 16 gaps fit the fillers of 127 rows: growing over the 26 free
        // cells would not shorten the trace, so the trace is what it was.
        let p = RowPlan::choose(needs(100, 80, 16, 10), 16, Room::Bounded(26));
        assert_eq!((p.rows, p.window_cells, p.cells_wanted), (128, 0, 0));
    }

    #[test]
    fn bounded_room_is_taken_whole_and_more_is_asked_for() {
        // The MLP's shape: 3,986 steps, 7,594 rows of memory needs (26 of them
        // free cells above the segment), 64,705 gaps, a 486-cell segment.
        let base = needs(3_986, 7_594, 64_705, 486);
        let p = RowPlan::choose(base, 64_705, Room::Bounded(26));
        // 26 cells do not shorten the trace yet (one filler per row: 65,536
        // rows); with room it would be 8,192 rows
        assert_eq!(p.rows, 65_536);
        let wanted = p.cells_wanted;
        assert!(wanted > 26, "{wanted}");
        // NUM_RCH fillers in 8,191 rows plus eight limbs per cell hold the gaps
        assert!(NUM_RCH * 8_191 + NUM_RC_LIMBS * wanted >= 64_705);
        assert!(NUM_RCH * 8_191 + NUM_RC_LIMBS * (wanted - 1) < 64_705, "no more than needed");
        // the second run has that room (and the same memory needs: the free
        // cells were holes)
        let again = RowPlan::choose(needs(3_986, 7_594 - 26 + wanted, 64_705, 486), 64_705, Room::Bounded(wanted));
        assert_eq!((again.rows, again.window_cells, again.cells_wanted), (8_192, wanted, 0));
        assert_eq!(again.needs.memory, 7_594 - 26);
        assert!(again.needs.range_check_window <= 8_192);
    }

    #[test]
    fn growth_is_considered_only_where_the_gaps_can_set_the_rows() {
        // every 16-bit value missing: 65,537 rows of fillers, so 131,072
        let most = needs(0, 0, 1 << 16, 0).range_check_gaps;
        assert!(window_growth_can_shorten(3_986) && window_growth_can_shorten(65_536));
        assert!(!window_growth_can_shorten(65_537) && !window_growth_can_shorten(1 << 20));
        // at 65,537 steps the steps set 131,072 rows whatever the gaps
        let p = RowPlan::choose(needs(65_537, 100, 1 << 16, 10), 1 << 16, Room::Bounded(0));
        assert_eq!((p.rows, p.cells_wanted), (131_072, 0));
        assert!(most <= 131_072);
    }

    #[test]
    fn unbounded_room_takes_only_the_cells_it_needs() {
        let p = RowPlan::choose(needs(3_986, 7_594, 64_705, 486), 64_705, Room::Unbounded);
        assert_eq!(p.rows, 8_192);
        assert_eq!(p.window_cells, (64_705 - NUM_RCH * 8_191).div_ceil(NUM_RC_LIMBS));
        assert_eq!(p.cells_wanted, 0);
        // and none when the fillers suffice
        let p = RowPlan::choose(needs(3_986, 7_594, 8_000, 486), 8_000, Room::Unbounded);
        assert_eq!((p.rows, p.window_cells), (8_192, 0));
    }
}
