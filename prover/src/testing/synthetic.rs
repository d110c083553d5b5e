//! Synthetic Cairo programs for tests: instruction words assembled by hand
//! behind the executable entry code, run by a small evaluator of the AIR's
//! step function (cairo-air.md §1.3). They reach instructions and memory
//! layouts the Cairo compiler never emits. Test code: it panics on programs
//! it cannot run.

use winterfell::math::FieldElement;

use crate::decode::{Instruction, JMP_REL_0};
use crate::field::Felt;
use crate::layout::*;
use crate::public_input::{entry_code, Builtin, Segment};
use crate::trace::{build_trace, build_trace_with_fixed_window, CairoTrace, ExecutionInput};

pub fn fu(v: u64) -> Felt {
    Felt::from_u64(v)
}

pub fn u(f: Felt) -> u64 {
    f.to_u64().unwrap_or_else(|| panic!("{f} is not a small integer"))
}

/// An instruction word from signed offsets and the indices of its set flags.
pub fn ins(off_dst: i32, off_op0: i32, off_op1: i32, flags: &[usize]) -> Felt {
    let b = |o: i32| (o + 0x8000) as u64;
    let fl: u64 = flags.iter().map(|&i| 1u64 << i).sum();
    fu(b(off_dst) | b(off_op0) << 16 | b(off_op1) << 32 | fl << 48)
}

/// The legal instructions the synthetic programs use.
pub mod asm {
    use super::*;
    /// `ap += imm`
    pub fn ap_add_imm() -> Felt {
        ins(-1, -1, 1, &[F_DST_REG, F_OP0_REG, F_OP1_IMM, F_AP_ADD])
    }
    /// `call rel imm`
    pub fn call_rel() -> Felt {
        ins(0, 1, 1, &[F_OP1_IMM, F_PC_REL, F_CALL])
    }
    /// `jmp rel imm`
    pub fn jmp_rel() -> Felt {
        ins(-1, -1, 1, &[F_DST_REG, F_OP0_REG, F_OP1_IMM, F_PC_REL])
    }
    /// `ret`
    pub fn ret() -> Felt {
        ins(-2, -1, -1, &[F_DST_REG, F_OP0_REG, F_OP1_FP, F_PC_ABS, F_RET])
    }
    /// `[ap] = imm; ap++`
    pub fn push_imm() -> Felt {
        ins(0, -1, 1, &[F_OP0_REG, F_OP1_IMM, F_AP_ADD1, F_ASSERT_EQ])
    }
    /// `[ap] = [fp + o]; ap++`
    pub fn push_fp(o: i32) -> Felt {
        ins(0, -1, o, &[F_OP0_REG, F_OP1_FP, F_AP_ADD1, F_ASSERT_EQ])
    }
    /// `[ap - 1] = [[fp + o]]` (writes the cell [fp + o] points to)
    pub fn store_at_fp_ptr(o: i32) -> Felt {
        ins(-1, o, 0, &[F_OP0_REG, F_ASSERT_EQ])
    }
    /// `[ap] = [fp + o] + imm; ap++`
    pub fn push_fp_plus_imm(o: i32) -> Felt {
        ins(0, o, 1, &[F_OP0_REG, F_OP1_IMM, F_RES_ADD, F_AP_ADD1, F_ASSERT_EQ])
    }
    /// `[ap] = [ap - 1] + imm; ap++`
    pub fn push_last_plus_imm() -> Felt {
        ins(0, -1, 1, &[F_OP1_IMM, F_RES_ADD, F_AP_ADD1, F_ASSERT_EQ])
    }
    /// `jmp rel imm if [ap - 1] != 0`
    pub fn jnz_rel_last() -> Felt {
        ins(-1, -1, 1, &[F_OP0_REG, F_OP1_IMM, F_PC_JNZ])
    }
}

/// A program being assembled: word i sits at address i + 1.
pub struct Prog {
    pub words: Vec<Felt>,
    pub k: u64,
    /// Cells of the execution segment before the output segment starts.
    pub exec_cells: u64,
    /// Where the runner puts the builtin segments, if not in cairo-vm's
    /// order (output right after the execution segment, then range_check
    /// 16 cells later): lets tests lay out segments a verifier must refuse.
    pub output_base: Option<u64>,
    pub range_check_base: Option<u64>,
    /// A malicious run: every jnz jumps, even when its dst is 0.
    pub jnz_jumps_on_zero: bool,
}

impl Prog {
    /// The executable's entry code for `k` builtins: `ap += k; call rel 4; jmp rel 0`;
    /// `main` starts at address 7.
    pub fn new(k: u64) -> Prog {
        assert_eq!(asm::jmp_rel(), fu(JMP_REL_0));
        let words = vec![asm::ap_add_imm(), fu(k), asm::call_rel(), fu(4), asm::jmp_rel(), Felt::ZERO];
        assert_eq!(words, entry_code(k as usize));
        Prog { words, k, exec_cells: 64, output_base: None, range_check_base: None, jnz_jumps_on_zero: false }
    }
    /// Address of the next word.
    pub fn here(&self) -> u64 {
        self.words.len() as u64 + 1
    }
    pub fn op(&mut self, w: Felt) -> u64 {
        let a = self.here();
        self.words.push(w);
        a
    }
    pub fn op_imm(&mut self, w: Felt, imm: Felt) -> u64 {
        let a = self.op(w);
        self.words.push(imm);
        a
    }
    pub fn set(&mut self, addr: u64, v: Felt) {
        self.words[addr as usize - 1] = v;
    }
    /// Initial ap (= fp) of the executable's frame: L + 3.
    pub fn ap_init(&self) -> u64 {
        self.words.len() as u64 + 3
    }
    /// `main`'s fp: after `ap += k` and the call's two cells.
    pub fn main_fp(&self) -> u64 {
        self.ap_init() + self.k + 2
    }
}

/// Runs a synthetic program the way the AIR defines a step (cairo-air.md
/// §1.3: op1 address f2·pc + f3·fp + f4·ap + g·op0 + off, res per flags, the
/// register updates), with cairo-vm's deductions for the few unknown cells the
/// programs leave (assert_eq writes dst or op1; call writes its two cells).
/// `free_jnz_res` is the res a (malicious) prover picks under a jnz that is
/// not taken, where no constraint pins res. Memory layout as in a cairo-vm
/// proof-mode run: program at 1..=L, the execution segment from L + 1, then
/// the output and range-check segments (a gap of memory holes before them).
pub fn execute(p: &Prog, free_jnz_res: Felt) -> ExecutionInput {
    let l = p.words.len() as u64;
    let ap_init = l + 3;
    let out_base = p.output_base.unwrap_or(l + 1 + p.exec_cells);
    let rc_base = p.range_check_base.unwrap_or(out_base + 16);
    let top = (l + 1 + p.exec_cells).max(out_base).max(rc_base) + 16;
    let mut mem: Vec<Option<Felt>> = vec![None; top as usize];
    for (i, w) in p.words.iter().enumerate() {
        mem[i + 1] = Some(*w);
    }
    mem[ap_init as usize - 2] = Some(fu(ap_init));
    mem[ap_init as usize - 1] = Some(Felt::ZERO);
    mem[ap_init as usize] = Some(fu(out_base));
    if p.k == 2 {
        mem[ap_init as usize + 1] = Some(fu(rc_base));
    }
    fn get(mem: &[Option<Felt>], a: u64) -> Felt {
        mem[a as usize].unwrap_or_else(|| panic!("read of unknown cell {a}"))
    }
    fn put(mem: &mut [Option<Felt>], a: u64, v: Felt) {
        match mem[a as usize] {
            Some(old) => assert_eq!(old, v, "cell {a} written twice with different values"),
            None => mem[a as usize] = Some(v),
        }
    }
    let (mut pc, mut ap, mut fp) = (1u64, ap_init, ap_init);
    let mut trace = vec![(pc, ap, fp)];
    while trace.len() == 1 || pc != 5 {
        assert!(trace.len() < 1 << 20, "runaway synthetic program");
        let inst = Instruction::decode(u(get(&mem, pc)) as u128).unwrap();
        let f = |i: usize| inst.flags[i];
        let ff = |i: usize| Felt::from(inst.flags[i]);
        let at = |base: u64, off: u16| (base as i64 + Instruction::signed(off)) as u64;
        let size = inst.size();
        let dst_addr = at(if f(F_DST_REG) { fp } else { ap }, inst.off_dst);
        let op0_addr = at(if f(F_OP0_REG) { fp } else { ap }, inst.off_op0);
        if f(F_CALL) {
            put(&mut mem, dst_addr, fu(fp));
            put(&mut mem, op0_addr, fu(pc + size));
        }
        let op0 = get(&mem, op0_addr);
        let g_op1 = Felt::ONE - ff(F_OP1_IMM) - ff(F_OP1_FP) - ff(F_OP1_AP);
        let op1_addr = u(ff(F_OP1_IMM) * fu(pc)
            + ff(F_OP1_FP) * fu(fp)
            + ff(F_OP1_AP) * fu(ap)
            + g_op1 * op0
            + Felt::from_i64(Instruction::signed(inst.off_op1)));
        if mem[op1_addr as usize].is_none() && f(F_ASSERT_EQ) && !f(F_RES_ADD) && !f(F_RES_MUL) {
            let d = get(&mem, dst_addr);
            put(&mut mem, op1_addr, d);
        }
        let op1 = get(&mem, op1_addr);
        let res = if f(F_PC_JNZ) {
            let d = get(&mem, dst_addr);
            if d == Felt::ZERO {
                free_jnz_res
            } else {
                d.inv()
            }
        } else if f(F_RES_ADD) {
            op0 + op1
        } else if f(F_RES_MUL) {
            op0 * op1
        } else {
            op1
        };
        if f(F_ASSERT_EQ) {
            put(&mut mem, dst_addr, res);
        }
        let dst = get(&mem, dst_addr);
        let next_pc = if f(F_PC_JNZ) {
            if dst != Felt::ZERO || p.jnz_jumps_on_zero {
                u(fu(pc) + op1)
            } else {
                pc + size
            }
        } else if f(F_PC_ABS) {
            u(res)
        } else if f(F_PC_REL) {
            u(fu(pc) + res)
        } else {
            pc + size
        };
        let next_ap = u(fu(ap) + ff(F_AP_ADD) * res + ff(F_AP_ADD1) + ff(F_CALL).double());
        let next_fp = if f(F_RET) {
            u(dst)
        } else if f(F_CALL) {
            ap + 2
        } else {
            fp
        };
        (pc, ap, fp) = (next_pc, next_ap, next_fp);
        trace.push((pc, ap, fp));
    }
    let k = p.k;
    let out_stop = u(get(&mem, ap - k));
    let range_check_segment = (k == 2).then(|| Segment { begin: rc_base, stop: u(get(&mem, ap - 1)) });
    ExecutionInput {
        trace,
        memory: mem,
        program_len: l as usize,
        builtins: if k == 2 { vec![Builtin::Output, Builtin::RangeCheck] } else { vec![Builtin::Output] },
        output_segment: Segment { begin: out_base, stop: out_stop },
        range_check_segment,
    }
}

/// `main`'s epilogue for two builtins: returns the output pointer + 1 and
/// the range-check pointer + `rc_cells`.
pub fn return_output_and_range_check(p: &mut Prog, rc_cells: u64) {
    p.op_imm(asm::push_fp_plus_imm(-4), Felt::ONE);
    p.op_imm(asm::push_fp_plus_imm(-3), fu(rc_cells));
    p.op(asm::ret());
}

/// `main`'s prologue in the synthetic programs (output builtin only):
/// writes 42 to the output segment.
pub fn write_42(p: &mut Prog) {
    p.op_imm(asm::push_imm(), fu(42));
    p.op(asm::store_at_fp_ptr(-3));
}

/// `main`'s epilogue: returns the output pointer + 1.
pub fn return_output(p: &mut Prog) {
    p.op_imm(asm::push_fp_plus_imm(-3), Felt::ONE);
    p.op(asm::ret());
}

/// The output-writing program with a countdown loop of `rounds` rounds (two
/// steps each) and optionally one more single-step instruction: 8 + 2·rounds
/// (+ 1) steps in all, the final `jmp rel 0` included.
pub fn counting_loop(rounds: u64, one_more_step: bool) -> Prog {
    let mut p = Prog::new(1);
    p.exec_cells = rounds + 64; // each round pushes one cell
    write_42(&mut p);
    if one_more_step {
        p.op(asm::push_fp(-3));
    }
    p.op_imm(asm::push_imm(), fu(rounds));
    let top = p.op_imm(asm::push_last_plus_imm(), -Felt::ONE);
    p.op_imm(asm::jnz_rel_last(), -fu(2)); // back to `top` while [ap - 1] != 0
    assert_eq!(p.here(), top + 4);
    return_output(&mut p);
    p
}

pub fn synthetic_trace(p: &Prog) -> CairoTrace {
    build_trace(&execute(p, Felt::ZERO)).expect("the synthetic run builds a trace")
}

/// [`synthetic_trace`] with the range-check window kept to the segment.
pub fn synthetic_trace_fixed_window(p: &Prog) -> CairoTrace {
    build_trace_with_fixed_window(&execute(p, Felt::ZERO)).expect("the synthetic run builds a trace")
}
