//! Relabelled runs: an honest execution presented with a public input that
//! claims other builtins or another segment layout — what a malicious prover
//! commits once it bypasses the honest trace builder's checks (issue 11).
//! Each is a valid trace of the AIR for its (false) public input; only the
//! verifier's public-input checks stand between it and an accepted proof.

use super::synthetic::{asm, execute, fu, write_42, Prog};
use crate::field::Felt;
use crate::public_input::{Builtin, Segment};
use crate::trace::{build_trace_unvalidated, CairoTrace, ExecutionInput};

/// The audit's program: output + range_check; writes 42 to the output and
/// p − 1 to the first range-check cell (a value no range check admits), and
/// returns both pointers advanced by one. The honest trace builder refuses
/// its run.
pub fn p_minus_one_program() -> Prog {
    let mut p = Prog::new(2);
    p.op_imm(asm::push_imm(), fu(42));
    p.op(asm::store_at_fp_ptr(-4));
    p.op_imm(asm::push_imm(), Felt::MINUS_ONE);
    p.op(asm::store_at_fp_ptr(-3));
    p.op_imm(asm::push_fp_plus_imm(-4), Felt::ONE);
    p.op_imm(asm::push_fp_plus_imm(-3), Felt::ONE);
    p.op(asm::ret());
    p
}

/// The forgery of issue 11: [`p_minus_one_program`]'s run claimed as
/// output-only. The range-check base cell leaves the public memory, the
/// range-check stop pointer is read as the output's stop, so the "output"
/// spans both segments and ends with p − 1, which nothing range-checks.
/// The cells between the segments are unwritten; the prover fills them with 0.
pub fn range_check_dropped() -> CairoTrace {
    let mut input = execute(&p_minus_one_program(), Felt::ZERO);
    let rc = input.range_check_segment.expect("a two-builtin run");
    input.builtins = vec![Builtin::Output];
    input.range_check_segment = None;
    input.output_segment.stop = rc.stop;
    let output = input.output_segment;
    fill(&mut input, output);
    relabelled(&input)
}

/// A one-builtin program claimed with [output, range_check]: `main` returns
/// the output pointer + 1 and its saved fp + 1, which the relabelled public
/// input reads as the two stop pointers; the "range-check base" is the
/// call's saved fp, so the claimed range-check segment is one execution cell.
pub fn range_check_added() -> CairoTrace {
    let mut p = Prog::new(1);
    write_42(&mut p);
    p.op_imm(asm::push_fp_plus_imm(-3), Felt::ONE);
    p.op_imm(asm::push_fp_plus_imm(-2), Felt::ONE);
    p.op(asm::ret());
    let mut input = execute(&p, Felt::ZERO);
    let ap_init = input.trace[0].1;
    let ap_final = input.trace[input.trace.len() - 1].1;
    let output_stop = input.memory[ap_final as usize - 2].expect("main pushed the output stop");
    input.builtins = vec![Builtin::Output, Builtin::RangeCheck];
    input.output_segment.stop = output_stop.to_u64().expect("an address");
    input.range_check_segment = Some(Segment { begin: ap_init, stop: ap_init + 1 });
    relabelled(&input)
}

/// An honest two-builtin run whose public input lists the builtins in the
/// other order (range_check first).
pub fn builtins_listed_in_reverse() -> CairoTrace {
    let mut t = relabelled(&execute(&two_builtins_writing(42, 7), Felt::ZERO));
    t.public_input.builtins.reverse();
    t
}

/// A two-builtin program whose runner put the range-check segment before
/// the output segment (the claimed builtin list stays canonical).
pub fn segments_reordered() -> CairoTrace {
    let mut p = two_builtins_writing(42, 7);
    let l = p.words.len() as u64;
    p.range_check_base = Some(l + 1 + p.exec_cells);
    p.output_base = Some(l + 1 + p.exec_cells + 16);
    relabelled(&execute(&p, Felt::ZERO))
}

/// An output-only program whose output segment was placed on a program
/// word: the immediate 42 it writes. The claimed output is a constant of the
/// bytecode, not anything the program computed into a fresh segment.
pub fn output_over_the_program() -> CairoTrace {
    let mut p = Prog::new(1);
    let push = p.op_imm(asm::push_imm(), fu(42));
    p.op(asm::store_at_fp_ptr(-3));
    p.op_imm(asm::push_fp_plus_imm(-3), Felt::ONE);
    p.op(asm::ret());
    p.output_base = Some(push + 1);
    relabelled(&execute(&p, Felt::ZERO))
}

/// A two-builtin program whose range-check segment starts on its output
/// cell (the program writes 42 through both pointers).
pub fn range_check_over_the_output() -> CairoTrace {
    let mut p = two_builtins_writing(42, 42);
    let l = p.words.len() as u64;
    p.output_base = Some(l + 1 + p.exec_cells);
    p.range_check_base = p.output_base;
    relabelled(&execute(&p, Felt::ZERO))
}

/// output + range_check: writes `out` to the output and `rc` to the first
/// range-check cell, returns both pointers + 1.
fn two_builtins_writing(out: u64, rc: u64) -> Prog {
    let mut p = Prog::new(2);
    p.op_imm(asm::push_imm(), fu(out));
    p.op(asm::store_at_fp_ptr(-4));
    p.op_imm(asm::push_imm(), fu(rc));
    p.op(asm::store_at_fp_ptr(-3));
    p.op_imm(asm::push_fp_plus_imm(-4), Felt::ONE);
    p.op_imm(asm::push_fp_plus_imm(-3), Felt::ONE);
    p.op(asm::ret());
    p
}

/// Unwritten cells of `s` read 0, as a prover may choose.
fn fill(input: &mut ExecutionInput, s: Segment) {
    for a in s.begin..s.stop {
        input.memory[a as usize].get_or_insert(Felt::ZERO);
    }
}

fn relabelled(input: &ExecutionInput) -> CairoTrace {
    build_trace_unvalidated(input).unwrap_or_else(|e| panic!("the relabelled run builds a trace: {e}"))
}
